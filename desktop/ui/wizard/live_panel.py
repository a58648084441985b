"""The panel beside the questions: every program and where it stands with the answers so far.

It is what makes the wizard worth finishing: the user sees a program turn green, or red with the
reason, the moment they answer. Rows stay in the rule pack's order (tracks under their program) and
are updated in place, so nothing jumps while the user works; only the status column changes.
Activating an undecided program jumps to the first question that would decide it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QStyledItemDelegate,
                               QStyleOptionViewItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from desktop.engine.explain import explain, left_out_line, open_to, status_word
from desktop.engine.model import Assessment, ProgramResult, RulePack
from desktop.ui import status_style
from desktop.ui.i18n import current_lang
from desktop.ui.retranslate import Retranslating

_ID = Qt.ItemDataRole.UserRole


class _WrappedNames(QStyledItemDelegate):
    """Rows tall enough for a program name wrapped at the width its column really has.

    A tree sizes its rows before it knows the column's width, so a long name is cut to one
    line with '…'; this measures the name at that width (less the indent of a track).
    """

    def sizeHint(self, option, index):
        base = super().sizeHint(option, index)
        if index.column() != 0:
            return base
        view = self.parent()
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = view.header().sectionSize(0) - depth * view.indentation() - 12
        if width <= 40:
            return base
        rect = opt.fontMetrics.boundingRect(QRect(0, 0, width, 10_000),
                                            int(Qt.TextFlag.TextWordWrap), opt.text)
        return QSize(base.width(), max(base.height(), rect.height() + 4))


class LivePanel(Retranslating, QWidget):
    # the user wants to answer this question (an undecided program's first missing one)
    question_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("livePanel")
        self._pack: RulePack | None = None
        self._assessment: Assessment | None = None
        self._items: dict[str, QTreeWidgetItem] = {}
        self._shown: dict[str, tuple] = {}
        self._applicant: str | None = None
        self._hidden = 0

        self.title = QLabel(self)
        self.title.setObjectName("panelTitle")
        self.summary = QLabel(self)
        self.summary.setObjectName("panelSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("liveTree")
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(14)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemsExpandable(False)
        self.tree.setWordWrap(True)  # long program names wrap rather than lose their end
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setItemDelegate(_WrappedNames(self.tree))
        header.sectionResized.connect(lambda *_: self.tree.scheduleDelayedItemsLayout())
        self.tree.itemActivated.connect(self._activated)
        self.hint = QLabel(self)
        self.hint.setObjectName("panelHint")
        self.hint.setWordWrap(True)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addWidget(self.summary)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.hint)
        self.retranslate()

    # ------------------------------------------------------------ content

    def show_assessment(self, pack: RulePack, assessment: Assessment,
                        applicant_type: str | None = None) -> None:
        """Show (or update in place) every program's status.

        Programs not open to `applicant_type` at all are left out: a company does not need to be
        told after every answer that it is no school.
        """
        if pack is not self._pack:
            self._build(pack)
        self._assessment = assessment
        if applicant_type is not None:
            self._applicant = applicant_type
        lang = current_lang()
        counts = {"eligible": 0, "undetermined": 0, "ineligible": 0}
        hidden = 0
        for result in assessment.programs:
            item = self._items.get(result.id)
            if item is None:
                continue
            other = not open_to(result.program, self._applicant)
            item.setHidden(other)
            if other:
                hidden += 1
                continue
            counts[result.status] = counts.get(result.status, 0) + 1
            key = (result.status, lang, result.missing, result.failed)
            if self._shown.get(result.id) == key:
                continue
            self._shown[result.id] = key
            self._paint(item, result, lang)
        self.summary.setText(" &nbsp; ".join(
            status_style.badge_html("program", s, f"{status_word(s).get(lang)} {n}")
            for s, n in counts.items()))
        self._hidden = hidden
        self._update_hint()

    def _update_hint(self) -> None:
        text = self.tr("Double-click an undetermined program to go to its question.")
        if self._hidden:
            text += " " + left_out_line(self._hidden).get(current_lang()) + "."
        self.hint.setText(text)

    def status_of(self, program_id: str) -> str:
        """The status word shown for a program (tests and screen readers)."""
        item = self._items[program_id]
        return item.text(1)

    def _build(self, pack: RulePack) -> None:
        self._pack = pack
        self.tree.clear()
        self._items.clear()
        self._shown.clear()
        programs = list(pack.programs.values())
        # programs first, then their tracks under them (the pack lists files alphabetically)
        for program in programs:
            if not (program.tracks_of and program.tracks_of in pack.programs):
                item = QTreeWidgetItem(self.tree)
                item.setData(0, _ID, program.id)
                self._items[program.id] = item
        for program in programs:
            if program.tracks_of and program.tracks_of in pack.programs:
                item = QTreeWidgetItem(self._items[program.tracks_of])
                item.setData(0, _ID, program.id)
                self._items[program.id] = item
        self.tree.expandAll()
        self._retranslate_names()

    def _retranslate_names(self) -> None:
        if self._pack is None:
            return
        lang = current_lang()
        for pid, item in self._items.items():
            program = self._pack.programs[pid]
            item.setText(0, program.name.get(lang))

    def _paint(self, item: QTreeWidgetItem, result: ProgramResult, lang: str) -> None:
        item.setIcon(1, status_style.icon("program", result.status))
        item.setText(1, status_word(result.status).get(lang))
        item.setForeground(1, status_style.colour("program", result.status))
        item.setToolTip(0, self._why(result, lang))
        item.setToolTip(1, item.toolTip(0))

    def _why(self, result: ProgramResult, lang: str) -> str:
        """The program's name, then the explanation's headline and deciding reasons."""
        name = result.program.name.get(lang)
        if self._pack is None or self._assessment is None:
            return name
        e = explain(self._pack, self._assessment, result)
        lines = [name, e.headline.get(lang)] + [f"• {x.text.get(lang)}" for x in e.reasons]
        return "\n".join(lines)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if self._assessment is None:
            return
        pid = item.data(0, _ID)
        try:
            result = self._assessment.by_id(pid)
        except KeyError:
            return
        if result.missing:
            self.question_requested.emit(result.missing[0])

    # ------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.title.setText(self.tr("Programs, as of your answers so far"))
        self.tree.setHeaderLabels([self.tr("Program"), self.tr("Status")])
        self._update_hint()
        self._retranslate_names()
        self._shown.clear()
        if self._pack is not None and self._assessment is not None:
            self.show_assessment(self._pack, self._assessment, self._applicant)
