"""The programs of an assessment in three groups: eligible, needs answers, not eligible.

Groups come in the order a user acts on them, and inside a group the soonest closing window
comes first (then the name), the same order as the PDF's summary. Each group's title carries
its count so "3 eligible" is seen before any program is opened. Under a program's name, what it
pays for these answers where its rule works that out, in the engine's words.
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

from desktop.engine.explain import amount_short, deadline_sentence, deadline_short, open_to
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
        if index.column() != 0 or not index.parent().isValid():
            return base
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = view.header().sectionSize(0) - view.indentation() - 10
        if width <= 40:
            return base
        rect = opt.fontMetrics.boundingRect(QRect(0, 0, width, 10_000),
                                            int(Qt.TextFlag.TextWordWrap), opt.text)
        return QSize(base.width(), max(base.height(), rect.height() + 4))


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
        head.setStretchLastSection(False)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setItemDelegate(_WrappingNames(self))
        head.sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())
        self.group_items: dict[str, QTreeWidgetItem] = {}
        self.currentItemChanged.connect(self._current_changed)

    def fill(self, assessment, lang: str) -> None:
        """Shows the assessment's programs; keeps the current program selected if still there."""
        keep = self.current_program_id()
        self.blockSignals(True)
        self.clear()
        self.group_items = {}
        by_status: dict[str, list] = {g: [] for g in GROUPS}
        applicant = assessment.answers.get("applicant_type")
        for r in assessment.programs:
            by_status[group_of(r, applicant)].append(r)
        bold = self.font()
        bold.setBold(True)
        for status in GROUPS:
            results = sorted(by_status[status], key=lambda r: sort_key(r, lang))
            group = QTreeWidgetItem(self)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setIcon(0, status_style.icon("program", status))
            group.setFont(0, bold)
            group.setData(0, ROLE_PROGRAM, "")  # not a program
            group.setData(0, Qt.ItemDataRole.UserRole, status)
            group.setFirstColumnSpanned(True)
            self.group_items[status] = group
            for r in results:
                item = QTreeWidgetItem(group)
                name = r.program.name.get(lang)
                figure = amount_short(r)  # what it pays for these answers, under the name
                item.setText(0, f"{name}\n{figure.get(lang)}" if figure is not None else name)
                item.setData(0, ROLE_PROGRAM, r.program.id)
                item.setToolTip(0, r.program.summary.get(lang))
                item.setText(1, deadline_short(r.deadline, assessment.as_of).get(lang))
                item.setForeground(1, status_style.colour("deadline", r.deadline.status))
                item.setToolTip(1, deadline_sentence(r.deadline, assessment.as_of).get(lang))
            group.setExpanded(status != "other_applicants")
        self.blockSignals(False)
        self.retranslate()
        if keep and self.select_program(keep):
            return
        for status in GROUPS:
            if self.group_items[status].childCount():
                self.setCurrentItem(self.group_items[status].child(0))
                return
        self.program_selected.emit("")

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("Program"), self.tr("Window")])
        for status, group in self.group_items.items():
            group.setText(0, f"{status_style.label('program', status)} ({group.childCount()})")
            group.setToolTip(0, "")

    def counts(self) -> dict[str, int]:
        return {s: g.childCount() for s, g in self.group_items.items()}

    def program_ids(self, status: str) -> list[str]:
        g = self.group_items.get(status)
        return [g.child(i).data(0, ROLE_PROGRAM) for i in range(g.childCount())] if g else []

    def current_program_id(self) -> str | None:
        item = self.currentItem()
        return item.data(0, ROLE_PROGRAM) if item is not None else None

    def select_program(self, program_id: str) -> bool:
        for g in self.group_items.values():
            for i in range(g.childCount()):
                if g.child(i).data(0, ROLE_PROGRAM) == program_id:
                    self.setCurrentItem(g.child(i))
                    return True
        return False

    def _current_changed(self, current, _previous) -> None:
        pid = current.data(0, ROLE_PROGRAM) if current is not None else None
        if pid:
            self.program_selected.emit(pid)
