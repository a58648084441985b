"""The wizard: pages of questions by topic, the live panel beside them, Back and Next below.

It asks only what the engine still wants (see planner.py for how pages are made) and saves every
accepted answer at once, with the page it is on, so a profile can be closed or the program killed
at any moment and reopened where the user was. A field with a refused value, or a question left
without any answer, keeps Next from moving on and says why at the field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (QAbstractButton, QFrame, QHBoxLayout, QLabel, QProgressBar,
                               QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget)

from desktop.engine.model import RulePack
from desktop.storage import StorageError
from desktop.ui.wizard.saving import clear_answer, save_answer
from desktop.ui import settings, status_style
from desktop.ui.i18n import current_lang
from desktop.ui.session import ProfileSession
from desktop.ui.wizard import planner
from desktop.ui.wizard.fields import AnswerField, make_field
from desktop.ui.wizard.live_panel import LivePanel
from desktop.ui.retranslate import Retranslating


class WizardView(Retranslating, QWidget):
    # nothing is left to ask (or the user asked for the results): show them
    finished = Signal()
    # saving failed; the main window tells the user
    storage_failed = Signal(object)
    # every answer on one page, to change any of them
    review_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("wizardView")
        self.session: ProfileSession | None = None
        self.topic: str | None = None
        self.history: list[str] = []
        self.fields: dict[str, AnswerField] = {}
        self._order: list[str] = []
        self._progress_seen: dict[int, tuple[int, int, int]] = {}  # (answered, left, added)

        # header: topic, who, progress
        self.topic_title = QLabel(self)
        self.topic_title.setObjectName("topicTitle")
        self.who = QLabel(self)
        self.who.setObjectName("profileLine")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("progress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(260)
        self.progress.setMaximumHeight(10)
        self.progress_text = QLabel(self)
        self.progress_text.setObjectName("progressText")
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.topic_title)
        titles.addWidget(self.who)
        head.addLayout(titles, 1)
        prog = QVBoxLayout()
        prog.setSpacing(4)
        prog.addWidget(self.progress_text, 0, Qt.AlignmentFlag.AlignRight)
        prog.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignRight)
        head.addLayout(prog)

        # the questions
        self.page = QWidget()
        self.page.setObjectName("questionPage")
        self.page_layout = QVBoxLayout(self.page)
        self.page_layout.setContentsMargins(4, 4, 16, 4)
        self.page_layout.setSpacing(6)
        self.page_layout.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("questionScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.page)

        self.live = LivePanel(self)
        self.live.question_requested.connect(self.show_question)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("wizardSplitter")
        self.splitter.addWidget(self.scroll)
        self.splitter.addWidget(self.live)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        saved = settings.get(settings.WIZARD_SPLITTER)
        if not saved.isEmpty():
            self.splitter.restoreState(saved)
        else:
            self.splitter.setSizes([560, 480])
        self.splitter.splitterMoved.connect(
            lambda *_: settings.put(settings.WIZARD_SPLITTER, self.splitter.saveState()))

        # navigation
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("backButton")
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.go_back)
        self.review_button = QPushButton(self)
        self.review_button.setObjectName("reviewButton")
        self.review_button.setAutoDefault(False)
        self.review_button.clicked.connect(lambda: self.show_review())
        self.results_button = QPushButton(self)
        self.results_button.setObjectName("resultsButton")
        self.results_button.setAutoDefault(False)
        self.results_button.clicked.connect(self.show_results)
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("nextButton")
        self.next_button.setAutoDefault(False)
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.go_next)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addWidget(self.review_button)
        nav.addStretch(1)
        nav.addWidget(self.results_button)
        nav.addWidget(self.next_button)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.addLayout(head)
        lay.addWidget(self.splitter, 1)
        lay.addLayout(nav)

        # Back / Next from the keyboard, wherever the focus is inside the wizard
        self.back_action = QAction(self)
        self.back_action.setShortcuts([QKeySequence("Alt+Left"), QKeySequence("Ctrl+B")])
        self.back_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.back_action.triggered.connect(self.go_back)
        self.next_action = QAction(self)
        self.next_action.setShortcuts([QKeySequence("Alt+Right"), QKeySequence("Ctrl+N")])
        self.next_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.next_action.triggered.connect(self.go_next)
        self.addAction(self.back_action)
        self.addAction(self.next_action)

        self.retranslate()

    # ------------------------------------------------------------ FieldContext for the fields

    @property
    def pack(self) -> RulePack:
        assert self.session is not None
        return self.session.pack

    def coerce(self, question_id: str, raw: Any) -> Any:
        assert self.session is not None
        return self.session.coerce(question_id, raw)

    def display(self, question_id: str, value: Any) -> str:
        assert self.session is not None
        return self.session.display(question_id, value)

    # ------------------------------------------------------------ opening a profile

    def open_session(self, session: ProfileSession) -> bool:
        """Start or resume `session`; False when it has nothing to ask (go to the results)."""
        if self.session is not None:
            try:
                self.session.changed.disconnect(self._session_changed)
            except (RuntimeError, TypeError):
                pass
        self.session = session
        session.changed.connect(self._session_changed)
        self._clear_page()
        pos = session.position if isinstance(session.position, dict) else {}
        topics = set(session.pack.topics)
        self.history = [t for t in pos.get("history", []) if t in topics]
        topic = pos.get("topic")
        if topic not in topics or not self._page_ids(topic):
            topic = planner.first_topic(session.wanted(), session.applicable(), session.answers,
                                        list(session.pack.topics))
        self.live.show_assessment(session.pack, session.assessment, session.applicant_type)
        self._update_who()
        if topic is None:
            self.topic = None
            self._update_progress()
            return False
        self._show_topic(topic)
        return bool(session.wanted()) or pos.get("page") != "results"

    def close_session(self) -> None:
        if self.session is not None:
            try:
                self.session.changed.disconnect(self._session_changed)
            except (RuntimeError, TypeError):
                pass
        self.session = None
        self.topic = None
        self.history = []
        self._clear_page()

    # ------------------------------------------------------------ navigation

    def go_next(self) -> bool:
        """Check the page and move on; True when it moved (to another page or to the results)."""
        if self.session is None:
            return False
        if not self._page_complete():
            return False
        target = planner.next_topic(self.session.wanted())
        if target is None:
            self._save_position("results")
            self.finished.emit()
            return True
        if target != self.topic and self.topic is not None:
            self.history.append(self.topic)
        self._show_topic(target)
        return True

    def go_back(self) -> bool:
        if self.session is None or not self.history:
            return False
        for f in self.fields.values():  # keep what was typed, if it is valid
            if f.pending():
                f.commit()
        while self.history:
            topic = self.history.pop()
            if self._page_ids(topic):
                self._show_topic(topic)
                return True
        self._update_nav()
        return False

    def show_results(self) -> None:
        """Leave the wizard for the results now (what is unanswered stays "needs answers")."""
        if self.session is None:
            return
        for f in self.fields.values():
            if f.pending():
                f.commit()
        self._save_position("results")
        self.finished.emit()

    def show_review(self) -> None:
        """Every answer on one page (what was typed here is checked first)."""
        if self.session is None:
            return
        for f in self.fields.values():
            if f.pending():
                f.commit()
        self.review_requested.emit()

    def show_question(self, question_id: str) -> None:
        """Go to the page of `question_id` and put the cursor in it (from the results or panel)."""
        if self.session is None or question_id not in self.session.pack.questions:
            return
        if question_id not in {q.id for q in self.session.applicable()}:
            return  # not a question for this applicant (a school has no sales)
        topic = self.session.pack.questions[question_id].topic
        if topic != self.topic:
            if self.topic is not None:
                self.history.append(self.topic)
            self._show_topic(topic, extra=question_id)
        elif question_id not in self.fields:
            self._sync_fields(extra=question_id)
        field = self.fields.get(question_id)
        if field is not None:
            field.focus_input()
            self.scroll.ensureWidgetVisible(field)

    @property
    def question_ids(self) -> list[str]:
        """The questions on the page, in the order shown."""
        return list(self._order)

    def focus_first_open(self) -> None:
        """Cursor to the first question without an answer (or the first one)."""
        target = next((self.fields[q] for q in self._order if not self.fields[q].is_answered),
                      self.fields[self._order[0]] if self._order else None)
        if target is not None:
            target.focus_input()
        else:
            self.next_button.setFocus()

    def _page_complete(self) -> bool:
        first_bad: AnswerField | None = None
        for qid in self._order:
            f = self.fields[qid]
            if not f.commit() and first_bad is None:
                first_bad = f
        if first_bad is None:
            self._sync_fields()  # answers given just now may have changed the page
            for qid in self._order:
                f = self.fields[qid]
                if not f.require_answer() and first_bad is None:
                    first_bad = f
        if first_bad is not None:
            first_bad.focus_input()
            self.scroll.ensureWidgetVisible(first_bad)
            return False
        return True

    # ------------------------------------------------------------ the page

    def _page_ids(self, topic: str, extra: str | None = None) -> list[str]:
        s = self.session
        assert s is not None
        shown = self._order if topic == self.topic else []
        ids = planner.page_questions(topic, s.wanted(), s.applicable(), s.answers, shown)
        if extra and extra not in ids and s.pack.questions[extra].topic == topic:
            ids.append(extra)
        return ids

    def _show_topic(self, topic: str, extra: str | None = None) -> None:
        self._clear_page()
        self.topic = topic
        self._sync_fields(extra=extra)
        self._retranslate_topic()
        self._update_progress()
        self._save_position("wizard")
        if extra and extra in self.fields:
            self.fields[extra].focus_input()
        else:
            self.focus_first_open()
        self.scroll.verticalScrollBar().setValue(0)

    def _clear_page(self) -> None:
        for f in self.fields.values():
            f.hide()
            f.setParent(None)
            f.deleteLater()
        self.fields.clear()
        self._order = []

    def _sync_fields(self, extra: str | None = None) -> None:
        """Make the page show exactly the questions it should, reusing the fields it has."""
        if self.session is None or self.topic is None:
            return
        keep_extra = [q for q in self._order if q not in self.session.answers
                      and self.fields[q].has_error]  # never take away a field the user is fixing
        ids = self._page_ids(self.topic, extra)
        ids += [q for q in keep_extra if q not in ids]
        if ids == self._order:
            return
        for qid in list(self.fields):
            if qid not in ids:
                f = self.fields.pop(qid)
                f.hide()
                f.setParent(None)
                f.deleteLater()
        for qid in ids:
            if qid not in self.fields:
                f = make_field(self.session.pack.questions[qid], self, self.page)
                f.load(qid in self.session.answers, self.session.answers.get(qid))
                f.answered.connect(self._field_answered)
                f.cleared.connect(self._field_cleared)
                self.fields[qid] = f
        for i, qid in enumerate(ids):  # the layout's order is the page order
            self.page_layout.insertWidget(i, self.fields[qid])
        self._order = ids
        self._fix_tab_order()

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = []
        for qid in self._order:
            field = self.fields[qid]
            chain += [w for w in field.findChildren(QWidget)
                      if w.focusPolicy() & Qt.FocusPolicy.TabFocus
                      and w.window() is field.window()]  # not the completer's popup
        chain += [self.back_button, self.review_button, self.results_button, self.next_button,
                  self.live.tree]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    # ------------------------------------------------------------ answers

    def _field_answered(self, question_id: str, value: Any) -> None:
        save_answer(self.session, question_id, value, self.storage_failed)

    def _field_cleared(self, question_id: str) -> None:
        clear_answer(self.session, question_id, self.storage_failed)

    def _session_changed(self) -> None:
        s = self.session
        if s is None:
            return
        self.live.show_assessment(s.pack, s.assessment, s.applicant_type)
        self._sync_fields()
        self._update_progress()

    # ------------------------------------------------------------ position, progress

    def _save_position(self, page: str) -> None:
        if self.session is None:
            return
        try:
            self.session.save_position({"page": page, "topic": self.topic,
                                        "history": list(self.history)})
        except StorageError as err:
            self.storage_failed.emit(err)

    def _update_progress(self) -> None:
        s = self.session
        if s is None:
            self.progress.setValue(0)
            self.progress_text.clear()
            return
        answered, left = planner.progress(s.wanted(), s.applicable(), s.answers)
        total = max(answered + left, 1)
        self.progress.setMaximum(total)
        self.progress.setValue(answered)
        # an answer can open new questions (a company in a group is asked about the group): the
        # bar then goes back, and says why rather than seem to lose the user's work
        before = self._progress_seen.get(s.profile_id)
        if before is not None and before[:2] == (answered, left):
            added = before[2]  # the same numbers redrawn (another language): the same note
        elif before is not None and answered > before[0] and left > before[1]:
            added = left - before[1]
        else:
            added = 0
        self._progress_seen[s.profile_id] = (answered, left, added)
        if left and added:
            self.progress_text.setText(
                self.tr("%1 answered, %2 still to go (your last answer added %3)")
                .replace("%1", str(answered)).replace("%2", str(left)).replace("%3", str(added)))
        elif left:
            self.progress_text.setText(
                self.tr("%1 answered, %2 still to go").replace("%1", str(answered))
                .replace("%2", str(left)))
        else:
            self.progress_text.setText(self.tr("%1 answered, nothing left to ask")
                                       .replace("%1", str(answered)))
        self.progress.setAccessibleName(self.progress_text.text())
        self._update_nav()

    def _update_nav(self) -> None:
        s = self.session
        self.back_button.setEnabled(bool(self.history))
        self.back_action.setEnabled(bool(self.history))
        last = s is not None and planner.next_topic(
            [q for q in s.wanted() if q.topic != self.topic]) is None
        self.next_button.setText(self.tr("See &results") if last else self.tr("&Next"))

    def _update_who(self) -> None:
        s = self.session
        if s is None:
            self.who.clear()
            return
        self.who.setText(f"{s.name} · {status_style.audience_label(s.applicant_type)}")

    # ------------------------------------------------------------ keys and language

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter anywhere on the page means Next (a focused button is pressed instead)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            focused = self.focusWidget()
            if isinstance(focused, QAbstractButton) and isinstance(focused, QPushButton):
                focused.click()
            else:
                self.go_next()
            event.accept()
            return
        super().keyPressEvent(event)

    def _retranslate_topic(self) -> None:
        if self.session is None or self.topic is None:
            self.topic_title.setText(self.tr("Questions"))
            return
        self.topic_title.setText(self.session.pack.topics[self.topic].label.get(current_lang()))

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("&Back"))
        self.back_button.setToolTip(self.tr("Previous page (Alt+Left)"))
        self.next_button.setToolTip(self.tr("Next page (Enter, Alt+Right)"))
        self.review_button.setText(self.tr("All &answers…"))
        self.review_button.setToolTip(self.tr("Every answer so far on one page, to change any "
                                              "of them"))
        self.results_button.setText(self.tr("Show results &now"))
        self.results_button.setToolTip(
            self.tr("See the results with the answers so far; unanswered questions stay open"))
        self.back_action.setText(self.tr("Back"))
        self.next_action.setText(self.tr("Next"))
        self._retranslate_topic()
        self._update_who()
        self._update_progress()
