"""One open profile: its answers as the engine sees them, kept in step with the saved copy.

The wizard, the live panel and the results all look at the same answers; this object is where they
change. Every change goes to the store first (so a crash right after an answer loses nothing) and
then to the in-memory dict, and the engine's view of the answers (assessment, questions still
worth asking, questions that apply) is recomputed once and shared by everyone who asks.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.engine import (applicable_questions, coerce_answer, evaluate, format_amount,
                            next_questions, today_kst)
from desktop.engine.model import Assessment, Profile, Question, RulePack
from desktop.storage import Store
from desktop.ui.i18n import current_lang

APPLICANT_TYPE = "applicant_type"


class ProfileSession(QObject):
    """The profile being worked on. Raises the store's StorageError when saving fails."""

    # the answers changed (the assessment and the question lists are fresh again)
    changed = Signal()

    def __init__(self, store: Store, pack: RulePack, profile_id: int,
                 as_of: dt.date | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.pack = pack
        self.profile_id = profile_id
        self.as_of = as_of or today_kst()
        record = store.get_profile(profile_id)
        self.name = record.name
        self.applicant_type = record.applicant_type
        self.position: Any = record.position
        self.answers: dict[str, Any] = store.get_answers(profile_id)
        self.answers[APPLICANT_TYPE] = record.applicant_type
        self._assessment: Assessment | None = None
        self._wanted: list[Question] | None = None
        self._applicable: list[Question] | None = None
        self.last_update_ms = 0.0  # time the engine took after the last answer (benchmarks)

    # ------------------------------------------------------------ what the engine says

    @property
    def assessment(self) -> Assessment:
        if self._assessment is None:
            self._assessment = evaluate(self.pack, self.answers, self.as_of)
        return self._assessment

    def wanted(self) -> list[Question]:
        """The questions still worth asking, the most decisive first."""
        if self._wanted is None:
            self._wanted = list(next_questions(self.pack, self.answers, self.as_of,
                                               assessment=self.assessment))
        return self._wanted

    def applicable(self) -> list[Question]:
        """Every question that applies to this applicant with the answers so far."""
        if self._applicable is None:
            self._applicable = list(applicable_questions(self.pack, self.answers, self.as_of))
        return self._applicable

    def coerce(self, question_id: str, raw: Any) -> Any:
        return coerce_answer(self.pack, question_id, raw)

    def display(self, question_id: str, value: Any) -> str:
        """An accepted value written back into its input, as the user would type it (the
        session is the fields' FieldContext: the wizard and the review page show the same)."""
        q = self.pack.questions[question_id]
        lang = current_lang()
        if value is None:
            return ""
        if q.type == "amount":  # as typed in Korean offices; English readers get plain won
            return format_amount(value, "ko") if lang == "ko" else f"{value:,}"
        if q.type == "int":
            return f"{value:,}"
        if q.type == "date" and isinstance(value, dt.date):
            return value.isoformat()
        if q.type == "industry":
            ind = self.pack.industries.get(value)
            if ind is None:  # a finer code: name its division
                ind = self.pack.industries.get(value[:3])
                return f"{value} ({ind.label.get(lang)})" if ind else str(value)
            return f"{value} {ind.label.get(lang)}"
        return str(value)

    def is_answered(self, question_id: str) -> bool:
        return question_id in self.answers

    def profile(self) -> Profile:
        """The profile as the engine's file format and the report know it."""
        return Profile(name=self.name, applicant_type=self.applicant_type,
                       answers=dict(self.answers))

    # ------------------------------------------------------------ changes

    def set_answer(self, question_id: str, value: Any) -> None:
        """Save one accepted answer (None = "I don't know") and recompute."""
        self.store.set_answer(self.profile_id, question_id, value)
        self.answers[question_id] = value
        self._refresh()

    def clear_answer(self, question_id: str) -> None:
        if question_id not in self.answers:
            return
        self.store.clear_answer(self.profile_id, question_id)
        del self.answers[question_id]
        self._refresh()

    def save_position(self, position: Any) -> None:
        if position == self.position:
            return
        self.store.set_position(self.profile_id, position)
        self.position = position

    def save_assessment(self) -> int:
        return self.store.save_assessment(self.profile_id, self.assessment)

    def _refresh(self) -> None:
        start = time.perf_counter()
        self._assessment = None
        self._wanted = None
        self._applicable = None
        # computed now rather than on first use, so every listener gets the same, timed work
        _ = self.assessment
        self.wanted()
        self.applicable()
        self.last_update_ms = (time.perf_counter() - start) * 1000
        self.changed.emit()
