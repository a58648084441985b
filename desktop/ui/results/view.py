"""The results page: the grouped program list beside the detail of the selected program.

The main window calls `show_assessment` after every evaluation and listens to
`answer_requested` to take the user to a question that would decide an undetermined program.
"""

from __future__ import annotations

import html
from collections import Counter

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop.engine.explain import rules_label, rules_name
from desktop.engine.formatting import date_text
from desktop.engine.phrases import say
from desktop.ui import i18n
from desktop.ui.results.detail import MUTED, ProgramDetail
from desktop.ui.results.program_list import ProgramList, group_of


class ResultsView(QWidget):
    """Programs grouped by outcome with counts; the selected one explained in full."""

    #: a question id the user wants to answer (from "Questions that would decide it")
    answer_requested = Signal(str)
    #: the user marked (True) or unmarked (False) a program to follow: (program id, on)
    watch_toggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("resultsView")
        self._pack = None
        self._assessment = None
        self._profile_name = ""
        self.watched: set[str] = set()
        self._selected: str | None = None

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.subheading = QLabel()
        self.subheading.setWordWrap(True)
        self.subheading.setStyleSheet(f"color: {MUTED}")

        self.program_list = ProgramList()
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet(f"color: {MUTED}")
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.program_list, 1)
        lv.addWidget(self.legend)

        self.detail = ProgramDetail()
        self.detail.answer_requested.connect(self.answer_requested)
        self.watch_button = QPushButton()
        self.watch_button.setObjectName("watchProgram")
        self.watch_button.setCheckable(True)
        self.watch_button.setEnabled(False)
        self.watch_button.clicked.connect(self._watch_clicked)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        watch_row = QHBoxLayout()
        watch_row.addStretch(1)
        watch_row.addWidget(self.watch_button)
        rv.addLayout(watch_row)
        rv.addWidget(self.detail, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([380, 620])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addWidget(self.splitter, 1)

        self.program_list.program_selected.connect(self._select)
        self.setFocusProxy(self.program_list)

        # Rule texts follow the language too; Qt's LanguageChange only covers tr() texts.
        self._redraw_pending = False
        i18n.language_changed.connect(self._schedule_redraw)
        self.retranslate()

    # ------------------------------------------------------------------ public

    def show_assessment(self, pack, assessment, profile_name: str) -> None:
        self._pack, self._assessment, self._profile_name = pack, assessment, profile_name or ""
        self._redraw()

    @property
    def assessment(self):
        return self._assessment

    def select_program(self, program_id: str) -> bool:
        return self.program_list.select_program(program_id)

    def set_watched(self, program_ids) -> None:
        """The programs on the watch list (from the store)."""
        self.watched = set(program_ids)
        self._update_watch()

    def _watch_clicked(self, on: bool) -> None:
        pid = self._selected
        if not pid:
            return
        (self.watched.add if on else self.watched.discard)(pid)
        self._update_watch()
        self.watch_toggled.emit(pid, on)

    def _update_watch(self) -> None:
        lang = i18n.current_lang()
        on = self._selected in self.watched
        b = self.watch_button
        b.setEnabled(bool(self._selected))
        b.setChecked(on)
        b.setText(say("watch.on" if on else "watch.off", lang))
        b.setToolTip(say("watch.tip", lang))

    # ------------------------------------------------------------------ drawing

    def _redraw(self) -> None:
        self._redraw_pending = False
        self.retranslate()
        if self._assessment is None:
            self.program_list.clear()
            self.detail.clear()
            return
        self.program_list.fill(self._pack, self._assessment, i18n.current_lang())

    def _select(self, program_id: str) -> None:
        self._selected = program_id or None
        self._update_watch()
        if not program_id or self._assessment is None:
            self.detail.clear()
            return
        self.detail.show_result(self._pack, self._assessment, self._assessment.by_id(program_id))

    def _schedule_redraw(self, *_args) -> None:
        if not self._redraw_pending:
            self._redraw_pending = True
            QTimer.singleShot(0, self, self._redraw)  # dropped if self is deleted first

    def retranslate(self) -> None:
        lang = i18n.current_lang()
        a = self._assessment
        if a is None:
            title = self.tr("Results")
            self.heading.setText(f"<h3>{html.escape(title)}</h3>")
            self.subheading.setText(self.tr("Answer the questions to see which programs you can "
                                            "apply for."))
        else:
            who = self._profile_name.strip()
            title = self.tr("Results for %1").replace("%1", who) if who else self.tr("Results")
            self.heading.setText(f"<h3>{html.escape(title)}</h3>")
            applicant = a.answers.get("applicant_type")
            counts = Counter(group_of(r, applicant) for r in a.programs)
            total = len(a.programs) - counts["other_applicants"]
            line = say("report.summary_counts", lang, total=total, eligible=counts["eligible"],
                       undetermined=counts["undetermined"], ineligible=counts["ineligible"])
            # the rules by their date, as users know them; the short id only in the tooltip
            self.subheading.setText(f"{line} · {date_text(a.as_of, lang)} · "
                                    f"{rules_name(self._pack).get(lang)}")
            self.subheading.setToolTip(rules_label(self._pack, a.rules_version).get(lang))
        self.program_list.retranslate()
        self._update_watch()
        self.legend.setText(self.tr("D-n: days left until the window closes."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._schedule_redraw()
        super().changeEvent(event)
