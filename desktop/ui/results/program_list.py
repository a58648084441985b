"""The programs of an assessment in three groups: eligible, needs answers, not eligible.

Groups come in the order a user acts on them, and inside a group the soonest closing window
comes first (then the name), the same order as the PDF's summary. Each group's title carries
its count so "3 eligible" is seen before any program is opened. Under a program's name, what it
pays for these answers where its rule works that out, in the engine's words. A track sits under
its program when both are in the same group. Beside each program is the deadline sentence of its
explanation, as the detail and the PDF say it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
)

from desktop.engine.explain import amount_short, explain_all, open_to
from desktop.ui import status_style

GROUPS = ("eligible", "undetermined", "ineligible", "other_applicants")


def group_of(result, applicant_type: str | None = None) -> str:
    """The list group of a program result: its status, except that a program not open to this
    kind of applicant (a school programme for a company) goes to its own, folded group, so that
    "not eligible" lists only what the applicant really missed."""
    if applicant_type is None:
        audience = next((c for c in result.criteria if c.kind == "audience"), None)
        applicant_type = audience.values.get("applicant_type") if audience else None
    return result.status if open_to(result.program, applicant_type) else "other_applicants"
ROLE_PROGRAM = Qt.ItemDataRole.UserRole + 1


def sort_key(result, lang: str) -> tuple:
    d = result.deadline
    live = d.closes is not None and d.status != "closed"
    return (0 if live else 1, d.closes if live else dt.date.max, result.program.name.get(lang))


class _WrappingNames(QStyledItemDelegate):
    """Row heights that fit a wrapped program name in the first column's current width.

    QTreeView wraps text when asked but sizes rows before it knows the column width, which
    cuts the second line off; this measures the name at the width it actually gets.
    """

    def sizeHint(self, option, index):
        base = super().sizeHint(option, index)
        view = self.parent()
        if not index.parent().isValid():
            return base
        height = base.height()
        for column in (0, 1):  # the row is as tall as its taller wrapped cell
            cell = index.siblingAtColumn(column)
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, cell)
            width = view.header().sectionSize(column) - 10
            if column == 0:
                width -= view.indentation() * _depth(cell) + 20  # the icon
            if width <= 40:
                continue
            rect = opt.fontMetrics.boundingRect(QRect(0, 0, width, 10_000),
                                                int(Qt.TextFlag.TextWordWrap), opt.text)
            height = max(height, rect.height() + 6)
        return QSize(base.width(), height)


def _depth(index) -> int:
    n = 0
    while index.parent().isValid():
        index = index.parent()
        n += 1
    return n


class ProgramList(QTreeWidget):
    """Two columns (program, window); group rows are not selectable, program rows are."""

    program_selected = Signal(str)  # program id ("" when nothing is selected)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("programList")
        self.setColumnCount(2)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(False)
        # Program names are long ("Hope Return Package — closure support (store demolition
        # subsidy)"): wrap them instead of cutting them off.
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setIndentation(14)
        head = self.header()
        # both columns share the width: a name and a sentence, each wrapped in its own column
        head.setStretchLastSection(False)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.setItemDelegate(_WrappingNames(self))
        head.sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())
        self.group_items: dict[str, QTreeWidgetItem] = {}
        self._items: dict[str, QTreeWidgetItem] = {}
        self.currentItemChanged.connect(self._current_changed)

    def fill(self, pack, assessment, lang: str) -> None:
        """Shows the assessment's programs; keeps the current program selected if still there."""
        keep = self.current_program_id()
        self.blockSignals(True)
        self.clear()
        explained = explain_all(pack, assessment)
        by_status: dict[str, list] = {g: [] for g in GROUPS}
        applicant = assessment.answers.get("applicant_type")
        group = {r.program.id: group_of(r, applicant) for r in assessment.programs}
        for r in assessment.programs:
            by_status[group[r.program.id]].append(r)
        bold = self.font()
        bold.setBold(True)
        for status in GROUPS:
            results = sorted(by_status[status], key=lambda r: sort_key(r, lang))
            head = QTreeWidgetItem(self)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            head.setIcon(0, status_style.icon("program", status))
            head.setFont(0, bold)
            head.setData(0, ROLE_PROGRAM, "")  # not a program
            head.setData(0, Qt.ItemDataRole.UserRole, status)
            head.setFirstColumnSpanned(True)
            self.group_items[status] = head
            # a track goes under its program when the program is in this group too
            under = {r.program.id: r.program.tracks_of for r in results
                     if r.program.tracks_of and group.get(r.program.tracks_of) == status}
            for r in results:
                if r.program.id not in under:
                    self._add(head, r, explained[r.program.id], lang)
            for r in results:
                parent = under.get(r.program.id)
                if parent is not None:
                    self._add(self._items[parent], r, explained[r.program.id], lang)
            head.setExpanded(status != "other_applicants")
            for item in self._items.values():
                item.setExpanded(True)
        self.blockSignals(False)
        self.retranslate()
        if keep and self.select_program(keep):
            return
        for status in GROUPS:
            if self.group_items[status].childCount():
                self.setCurrentItem(self.group_items[status].child(0))
                return
        self.program_selected.emit("")

    def _add(self, parent: QTreeWidgetItem, r, e, lang: str) -> None:
        item = QTreeWidgetItem(parent)
        name = r.program.name.get(lang)
        figure = amount_short(r)  # what it pays for these answers, under the name
        item.setText(0, f"{name}\n{figure.get(lang)}" if figure is not None else name)
        item.setData(0, ROLE_PROGRAM, r.program.id)
        item.setToolTip(0, r.program.summary.get(lang))
        item.setText(1, e.deadline.get(lang))
        item.setForeground(1, status_style.colour("deadline", e.deadline_state))
        item.setToolTip(1, e.deadline.get(lang))
        self._items[r.program.id] = item

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("Program"), self.tr("Application window")])
        for status, group in self.group_items.items():
            group.setText(0, f"{status_style.label('program', status)} ({len(self.program_ids(status))})")
            group.setToolTip(0, "")

    def counts(self) -> dict[str, int]:
        return {s: len(self.program_ids(s)) for s in self.group_items}

    def program_ids(self, status: str) -> list[str]:
        """The group's programs in the order shown, tracks after their program."""
        g = self.group_items.get(status)
        return [item.data(0, ROLE_PROGRAM) for item in _below(g)] if g else []

    def item_of(self, program_id: str) -> QTreeWidgetItem | None:
        """The row of a program (a track's row is under its program's)."""
        return self._items.get(program_id)

    def clear(self) -> None:
        self.group_items, self._items = {}, {}
        super().clear()

    def current_program_id(self) -> str | None:
        item = self.currentItem()
        return item.data(0, ROLE_PROGRAM) if item is not None else None

    def select_program(self, program_id: str) -> bool:
        item = self.item_of(program_id)
        if item is None:
            return False
        self.setCurrentItem(item)
        return True

    def _current_changed(self, current, _previous) -> None:
        pid = current.data(0, ROLE_PROGRAM) if current is not None else None
        if pid:
            self.program_selected.emit(pid)


def _below(item: QTreeWidgetItem):
    for i in range(item.childCount()):
        child = item.child(i)
        yield child
        yield from _below(child)
