"""Every program's application windows in one table, soonest closing first.

Schools use this to see the Specialized High School tracks' windows side by side; companies to
plan the year. A row is one window: the round that matters now for each program (the engine's
`program_deadline`), every window opening or closing in the next 12 months (`calendar`), and
the rounds that closed in the past year (the evidence behind an estimate), each once.
Estimated windows (a recurring program whose next round is not announced) are marked as
estimates in their own column, never shown as if announced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.engine import calendar, program_deadline
from desktop.engine.deadlines import kst_date
from desktop.engine.explain import days_left_text, left_out, left_out_line
from desktop.engine.formatting import date_text
from desktop.engine.phrases import say
from desktop.ui import i18n, status_style

MONTHS = 12
#: closed rounds are listed for this long after they closed
CLOSED_WITHIN_DAYS = 365
STATUSES = ("open", "upcoming", "closed", "not_announced", "rolling")
AUDIENCES = ("company", "school", "individual")
ROLE_SORT = Qt.ItemDataRole.UserRole + 1
ROLE_PROGRAM = Qt.ItemDataRole.UserRole + 2
# status order when closing dates tie or are missing: what can be acted on first
_STATUS_RANK = {"open": 0, "upcoming": 1, "rolling": 2, "not_announced": 3, "closed": 4}


@dataclass(frozen=True)
class Window:
    """One row: a program's application window and its state on the assessment date."""

    program: object  # engine Program
    round_id: str | None
    kind: str | None
    status: str
    opens: dt.date | None
    closes: dt.date | None
    days_left: int | None
    estimated: bool
    note: object | None  # engine Text

    def sort_key(self) -> tuple:
        """Closing date first; windows without one after those with one; closed ones last."""
        closed = self.status == "closed"
        return (closed, self.closes is None,
                (dt.date.max - self.closes).days if closed and self.closes else
                (self.closes or dt.date.max).toordinal(),
                _STATUS_RANK.get(self.status, 9), self.program.id)


def window_status(entry, as_of: dt.date) -> str:
    """The state of a calendar entry on `as_of` (the engine gives it for deadlines only)."""
    if entry.kind == "rolling":
        return "rolling"
    if entry.kind == "not_announced" or (entry.estimated and entry.opens is None):
        return "not_announced"
    if entry.closes is not None and entry.closes < as_of:
        return "closed"
    if entry.opens is not None and entry.opens > as_of:
        return "not_announced" if entry.estimated else "upcoming"
    if entry.estimated:
        return "not_announced"
    return "open"


def _days_left(status: str, closes: dt.date | None, as_of: dt.date) -> int | None:
    """Days from `as_of` to the closing date (estimated ones too); None once closed."""
    if closes is None or status == "closed" or closes < as_of:
        return None
    return (closes - as_of).days


def windows(pack, as_of: dt.date, months: int = MONTHS) -> list[Window]:
    """Every program's current deadline, every calendar window ahead and the rounds closed in the
    past year, each once, sorted."""
    rows: dict[tuple, Window] = {}
    for program in pack.programs.values():
        d = program_deadline(program, as_of)
        w = Window(program, d.round_id, d.kind, d.status, d.opens, d.closes,
                   _days_left(d.status, d.closes, as_of), d.estimated, d.note)
        rows[(program.id, d.round_id, d.opens, d.closes, d.estimated)] = w
    # rounds that closed in the past year: the evidence behind an estimated next window
    for program in pack.programs.values():
        for r in program.rounds:
            closes = kst_date(r.closes)
            if closes is None or not (as_of - dt.timedelta(days=CLOSED_WITHIN_DAYS) <= closes
                                      < as_of):
                continue
            opens = kst_date(r.opens)
            key = (program.id, r.id, opens, closes, False)
            rows.setdefault(key, Window(program, r.id, r.kind, "closed", opens, closes, None,
                                        False, r.note))
    for e in calendar(pack, as_of, months=months):
        key = (e.program.id, e.round_id, e.opens, e.closes, e.estimated)
        if key in rows:
            continue
        # the same round as the program's current deadline (dates may be estimated differently)
        if e.round_id is not None and any(k[0] == e.program.id and k[1] == e.round_id
                                          and k[4] == e.estimated for k in rows):
            continue
        status = window_status(e, as_of)
        rows[key] = Window(e.program, e.round_id, e.kind, status, e.opens, e.closes,
                           _days_left(status, e.closes, as_of), e.estimated, e.note)
    return sorted(rows.values(), key=Window.sort_key)


class _Filter(QSortFilterProxyModel):
    """Keeps the rows whose program is for `audience` and whose window is in `status`."""

    def __init__(self, rows: list, parent=None):
        super().__init__(parent)
        self.rows = rows  # the view's windows; a model row holds its index in this list
        self.audience: str | None = None
        self.status: str | None = None
        self.only: set[str] | None = None  # just these programs (the watch list), when set
        self.setSortRole(ROLE_SORT)

    def set_filters(self, audience: str | None, status: str | None, only: set[str] | None = None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateFilter is deprecated there
            self.beginFilterChange()
            self.audience, self.status, self.only = audience, status, only
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.audience, self.status, self.only = audience, status, only
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:
        w: Window = self.rows[self.sourceModel().item(row, 0).data(ROLE_PROGRAM)]
        if self.audience and self.audience not in w.program.audience:
            return False
        if self.status and w.status != self.status:
            return False
        if self.only is not None and w.program.id not in self.only:
            return False
        return True


class DeadlinesView(QWidget):
    """The windows table with audience and status filters and "Export to calendar…"."""

    #: a program id whose row the user opened (double click / Enter)
    program_activated = Signal(str)

    COLUMNS = ("program", "audience", "status", "opens", "closes", "days_left", "estimated")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("deadlinesView")
        self._pack = None
        self._as_of: dt.date | None = None
        self.rows: list[Window] = []

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #5f6368")

        self.audience_label = QLabel()
        self.audience_filter = QComboBox()
        self.audience_filter.setObjectName("audienceFilter")
        self.audience_label.setBuddy(self.audience_filter)
        self.status_label = QLabel()
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_label.setBuddy(self.status_filter)
        self.count_label = QLabel()
        self.watched: set[str] = set()
        self.watched_only = QCheckBox()
        self.watched_only.setObjectName("watchedOnly")
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportCalendar")
        for value in (None, *AUDIENCES):
            self.audience_filter.addItem("", value)
        for value in (None, *STATUSES):
            self.status_filter.addItem("", value)

        bar = QHBoxLayout()
        bar.addWidget(self.audience_label)
        bar.addWidget(self.audience_filter)
        bar.addSpacing(12)
        bar.addWidget(self.status_label)
        bar.addWidget(self.status_filter)
        bar.addSpacing(12)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.export_button)

        self.model = QStandardItemModel(0, len(self.COLUMNS), self)
        self.proxy = _Filter(self.rows, self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("deadlinesTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # closing date, closed last
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addLayout(bar)
        watched_row = QHBoxLayout()  # its own line: the filter bar keeps the window's smallest width
        watched_row.addWidget(self.watched_only)
        watched_row.addStretch(1)
        layout.addLayout(watched_row)
        layout.addWidget(self.table, 1)

        self.audience_filter.currentIndexChanged.connect(self._filters_changed)
        self.status_filter.currentIndexChanged.connect(self._filters_changed)
        self.watched_only.toggled.connect(self._filters_changed)
        self.export_button.clicked.connect(self.export_calendar)
        self.setFocusProxy(self.table)

        self._redraw_pending = False
        i18n.language_changed.connect(self._schedule_redraw)
        self.retranslate()

    # ------------------------------------------------------------------ public

    def set_pack(self, pack, as_of: dt.date) -> None:
        self._pack, self._as_of = pack, as_of
        self.rows[:] = windows(pack, as_of) if pack is not None else []
        self._fill()

    def set_filters(self, audience: str | None = None, status: str | None = None) -> None:
        """Selects the filters as a user would (None: all)."""
        self.audience_filter.setCurrentIndex(max(0, self.audience_filter.findData(audience)))
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(status)))

    def set_watched(self, program_ids) -> None:
        """The programs on the watch list: marked with a star, and the "watched only" filter."""
        self.watched = set(program_ids)
        if self._pack is not None:
            self._fill()
        self._filters_changed()

    def visible_windows(self) -> list[Window]:
        """The rows as shown now (filtered and in display order)."""
        out = []
        for r in range(self.proxy.rowCount()):
            src = self.proxy.mapToSource(self.proxy.index(r, 0))
            out.append(self.rows[self.model.item(src.row(), 0).data(ROLE_PROGRAM)])
        return out

    def export_calendar(self):
        """Writes the calendar file for the audience selected in the filter."""
        if self._pack is None:
            return None
        from desktop.ui import report_actions

        return report_actions.export_calendar(
            self, self._pack, self._as_of, audience=self.audience_filter.currentData(),
            programs=self.watched if self.watched_only.isChecked() else None)

    # ------------------------------------------------------------------ table

    def _fill(self) -> None:
        self._redraw_pending = False
        lang = i18n.current_lang()
        self.model.removeRows(0, self.model.rowCount())
        for i, w in enumerate(self.rows):
            self.model.appendRow(self._row(i, w, lang))
        self.retranslate()

    def _row(self, index: int, w: Window, lang: str) -> list[QStandardItem]:
        def item(text: str, sort, tip: str = "") -> QStandardItem:
            it = QStandardItem(text)
            it.setData(sort, ROLE_SORT)
            if tip:
                it.setToolTip(tip)
            return it

        p = w.program
        name = p.name.get(lang)
        if p.id in self.watched:
            name = say("watch.mark", lang, name=name)
        tip = p.summary.get(lang)
        if w.note is not None:
            tip += "\n" + w.note.get(lang)
        prog = item(name, index, tip)  # default order: closing date (see Window.sort_key)
        prog.setData(index, ROLE_PROGRAM)  # an int: the row's window is self.rows[index]
        audience = item(", ".join(status_style.audience_label(a) for a in p.audience),
                        ",".join(p.audience))
        status = item(status_style.label("deadline", w.status), _STATUS_RANK.get(w.status, 9))
        status.setIcon(status_style.icon("deadline", w.status))
        status.setForeground(status_style.colour("deadline", w.status))
        opens = item(date_text(w.opens, lang, weekday=True), w.opens.toordinal() if w.opens else 10**7)
        closes = item(date_text(w.closes, lang, weekday=True), index)
        left = w.days_left if w.status != "closed" else None
        days = item("" if left is None else days_left_text(left, short=True).get(lang),
                    left if left is not None else 10**7)
        days.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        note = say("cal.est_note", lang)
        est = item(say("estimated", lang) if w.estimated else "", 1 if w.estimated else 0,
                   note if w.estimated else "")
        if w.estimated:
            est.setForeground(status_style.colour("deadline", "not_announced"))
        return [prog, audience, status, opens, closes, days, est]

    def _set_headers(self) -> None:
        self.model.setHorizontalHeaderLabels([
            self.tr("Program"), self.tr("Who can apply"), self.tr("Status"), self.tr("Opens"),
            self.tr("Closes"), self.tr("Days left"), self.tr("Estimate")])

    def _filters_changed(self) -> None:
        self.proxy.set_filters(self.audience_filter.currentData(), self.status_filter.currentData(),
                               self.watched if self.watched_only.isChecked() else None)
        self._update_count()

    def _update_count(self) -> None:
        n = self.proxy.rowCount()
        text = self.tr("%n window", "", n) if n == 1 else self.tr("%n windows", "", n)
        audience = self.audience_filter.currentData()
        if audience and self._pack is not None:
            others = left_out(self._pack.programs.values(), audience)
            if others:  # "Everyone" in the filter brings them back
                text += " · " + left_out_line(others).get(i18n.current_lang())
        self.count_label.setText(text)

    def _activated(self, index) -> None:
        src = self.proxy.mapToSource(index)
        if src.isValid():
            w = self.rows[self.model.item(src.row(), 0).data(ROLE_PROGRAM)]
            self.program_activated.emit(w.program.id)

    def _schedule_redraw(self, *_args) -> None:
        if not self._redraw_pending:
            self._redraw_pending = True
            QTimer.singleShot(0, self, self._fill)  # dropped if self is deleted first

    # ------------------------------------------------------------------ language

    def retranslate(self) -> None:
        title = self.tr("Deadlines")
        self.heading.setText(f"<h3>{title}</h3>")
        if self._as_of is not None:
            self.note.setText(self.tr(
                "Every program's application windows as of %1 (Korean time), closing soonest "
                "first; closed windows at the end. Estimated windows are inferred from previous "
                "years and not yet announced.").replace(
                    "%1", date_text(self._as_of, i18n.current_lang())))
        lang = i18n.current_lang()
        self.watched_only.setText(say("watch.only", lang))
        self.watched_only.setToolTip(say("watch.tip", lang))
        self.audience_label.setText(self.tr("&Who can apply:"))
        self.status_label.setText(self.tr("&Status:"))
        self.audience_filter.setItemText(0, self.tr("Everyone"))
        for i, a in enumerate(AUDIENCES, start=1):
            self.audience_filter.setItemText(i, status_style.audience_label(a))
        self.status_filter.setItemText(0, self.tr("Any status"))
        for i, s in enumerate(STATUSES, start=1):
            self.status_filter.setItemText(i, status_style.label("deadline", s))
            self.status_filter.setItemIcon(i, status_style.icon("deadline", s))
        self.export_button.setText(self.tr("Export to calendar…"))
        self.export_button.setToolTip(self.tr(
            "Saves the windows of the next 12 months as a calendar file (.ics) with a reminder "
            "7 days before each closing date."))
        self._set_headers()
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._schedule_redraw()
        super().changeEvent(event)
