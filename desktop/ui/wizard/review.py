"""Every answer of a profile on one page, by topic, each editable where it stands.

A finished profile is not finished for good: sales figures change, a school opens a new course. This
page shows every answer given, in the wizard's topics and order, each in the same input the
wizard uses (so it is checked the same way and saved at once); "Go to question" opens the
question's own page with the questions around it. An answer that no longer applies after another
changed (a company that left its group keeps its group answers) is kept, but shown as not used:
changing the other answer back brings it into use again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

from desktop.engine import format_value
from desktop.ui.wizard.saving import clear_answer, save_answer
from desktop.ui.i18n import current_lang
from desktop.ui.status_style import MUTED
from desktop.ui.retranslate import Retranslating
from desktop.ui.session import APPLICANT_TYPE, ProfileSession
from desktop.ui.wizard.fields import AnswerField, make_field



class _Row(QFrame):
    """One answer: its field (in use) or its value (not used now), and the way to its page."""

    def __init__(self, field: AnswerField, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = field
        self.question_id = field.question.id
        self.setObjectName(f"review_{self.question_id}")
        self.unused = QLabel(self)
        self.unused.setObjectName("notUsed")
        self.unused.setWordWrap(True)
        self.unused.setStyleSheet(f"color: {MUTED};")
        self.go = QPushButton(self)
        self.go.setObjectName(f"goto_{self.question_id}")
        self.go.setAutoDefault(False)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        col = QVBoxLayout()
        col.setSpacing(0)
        col.addWidget(field)
        col.addWidget(self.unused)
        lay.addLayout(col, 1)
        lay.addWidget(self.go, 0, Qt.AlignmentFlag.AlignTop)


class ReviewPage(Retranslating, QWidget):
    # open this question's page in the wizard
    question_requested = Signal(str)
    # the results, with the answers as they are now
    results_requested = Signal()
    # back to the wizard, where it was
    questions_requested = Signal()
    # saving failed; the main window tells the user
    storage_failed = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reviewPage")
        self.session: ProfileSession | None = None
        self.rows: dict[str, _Row] = {}
        self.headings: dict[str, QLabel] = {}
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        self.intro = QLabel(self)
        self.intro.setObjectName("pageIntro")
        self.intro.setWordWrap(True)
        self.empty = QLabel(self)
        self.empty.setObjectName("reviewEmpty")
        self.body = QWidget()
        self.body.setObjectName("reviewBody")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(4, 4, 16, 4)
        self.body_layout.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.body)
        self.questions_button = QPushButton(self)
        self.questions_button.setObjectName("reviewToWizard")
        self.questions_button.clicked.connect(lambda: self._to_wizard())
        self.results_button = QPushButton(self)
        self.results_button.setObjectName("reviewToResults")
        self.results_button.setDefault(True)
        self.results_button.clicked.connect(lambda: self.show_results())
        nav = QHBoxLayout()
        nav.addWidget(self.questions_button)
        nav.addStretch(1)
        nav.addWidget(self.results_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 18, 24, 12)
        lay.addWidget(self.title)
        lay.addWidget(self.intro)
        lay.addWidget(self.empty)
        lay.addWidget(self.scroll, 1)
        lay.addLayout(nav)
        self.retranslate()

    # ------------------------------------------------------------ showing a profile

    def show_session(self, session: ProfileSession | None) -> None:
        """List the answers of `session` as they are now (built afresh)."""
        if self.session is not None:
            try:
                self.session.changed.disconnect(self._session_changed)
            except (RuntimeError, TypeError):
                pass
        self.session = session
        self._clear()
        if session is None:
            return
        session.changed.connect(self._session_changed)
        pack = session.pack
        answered = [q for q in pack.questions.values()
                    if q.id in session.answers and q.id != APPLICANT_TYPE]
        at = 0
        for topic in pack.topics:
            here = [q for q in answered if q.topic == topic]
            if not here:
                continue
            heading = QLabel(self.body)
            heading.setObjectName("sectionTitle")
            self.headings[topic] = heading
            self.body_layout.insertWidget(at, heading)
            heading.show()  # at once, not after a round trip through the event loop
            at += 1
            for q in here:
                field = make_field(q, session, None)
                field.load(True, session.answers[q.id])
                field.answered.connect(self._answered)
                field.cleared.connect(self._cleared)
                row = _Row(field, self.body)
                row.go.clicked.connect(lambda _=False, qid=q.id: self.question_requested.emit(qid))
                self.rows[q.id] = row
                self.body_layout.insertWidget(at, row)
                row.show()
                at += 1
        self.empty.setVisible(not self.rows)
        self._retranslate_rows()
        self._mark_unused()

    def _clear(self) -> None:
        for w in list(self.rows.values()) + list(self.headings.values()):
            w.hide()
            w.setParent(None)
            w.deleteLater()
        self.rows.clear()
        self.headings.clear()

    def unused_ids(self) -> list[str]:
        """Answers kept but not used: their questions do not apply with the other answers."""
        if self.session is None:
            return []
        applicable = {q.id for q in self.session.applicable()}
        return [qid for qid in self.rows if qid not in applicable]

    def _mark_unused(self) -> None:
        unused = set(self.unused_ids())
        lang = current_lang()
        for qid, row in self.rows.items():
            off = qid in unused
            row.field.set_input_enabled(not off)
            if row.field.dont_know is not None:
                row.field.dont_know.setEnabled(not off)
            row.go.setEnabled(not off)
            row.unused.setVisible(off)
            if off:
                q = row.field.question
                value = self.session.answers.get(qid) if self.session else None
                shown = format_value(q, value, lang, self.session.pack.industries)
                row.unused.setText(self.tr(
                    "Not used now: with the other answers this question does not apply. The "
                    "answer (%1) is kept in case that changes back.").replace("%1", shown))

    # ------------------------------------------------------------ changes

    def _answered(self, question_id: str, value) -> None:
        save_answer(self.session, question_id, value, self.storage_failed)

    def _cleared(self, question_id: str) -> None:
        clear_answer(self.session, question_id, self.storage_failed)

    def _session_changed(self) -> None:
        self._mark_unused()

    def commit(self) -> bool:
        """Check what was typed but not confirmed (before leaving); False when refused."""
        ok = True
        for row in self.rows.values():
            if row.field.pending() and not row.field.commit():
                ok = False
        return ok

    def show_results(self) -> None:
        if self.commit():
            self.results_requested.emit()

    def _to_wizard(self) -> None:
        if self.commit():
            self.questions_requested.emit()

    # ------------------------------------------------------------ language

    def _retranslate_rows(self) -> None:
        lang = current_lang()
        if self.session is not None:
            for topic, heading in self.headings.items():
                heading.setText(self.session.pack.topics[topic].label.get(lang))
        for row in self.rows.values():
            row.go.setText(self.tr("Go to question"))
            row.go.setToolTip(self.tr("Open this question's page, with the questions around it"))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Your answers"))
        self.intro.setText(self.tr(
            "Every answer given so far, by topic. Change one here and it is saved at once; the "
            "results follow."))
        self.empty.setText(self.tr("No answers yet."))
        self.questions_button.setText(self.tr("&Questions"))
        self.results_button.setText(self.tr("See &results"))
        self._retranslate_rows()
        self._mark_unused()
