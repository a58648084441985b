"""What every part of the report needs to know: the data, the language and how to word things.

Sections receive one `ReportContext` instead of five arguments, and every value they print goes
through it, so dates, amounts and status words look the same in every section.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from reportlab.lib.styles import StyleSheet1

from desktop.engine.explain import explain_all, open_to, result_word, rules_label, status_word
from desktop.engine.formatting import date_text, name_label, value_words
from desktop.engine.phrases import say, word
from desktop.engine.model import Assessment, Profile, Program, ProgramResult, RulePack
from desktop.report.sources import Numbering
from desktop.report.styles import stylesheet

# Outcome order in the summary: what the reader can act on first.
STATUS_ORDER = {"eligible": 0, "undetermined": 1, "ineligible": 2}


@dataclass
class ReportContext:
    assessment: Assessment
    profile: Profile
    pack: RulePack
    lang: str
    generated: dt.datetime
    ss: StyleSheet1 = field(default_factory=stylesheet)
    all_programs: bool = False  # also the programs for other kinds of applicant
    changes: Any = None  # ProfileChanges since the last assessment, for its own page

    # ------------------------------------------------------------ words

    def w(self, key: str, **fields: object) -> str:
        """A phrase of the printed report, from the one phrase catalog."""
        return say(f"report.{key}", self.lang, **fields)

    def say(self, key: str, **fields: object) -> str:
        return say(key, self.lang, **fields)

    def text(self, t: Any) -> str:
        """A rule-file or catalog `Text` in the report's language ("" for None)."""
        return t.get(self.lang) if t is not None else ""

    def status_word(self, status: str) -> str:
        return status_word(status).get(self.lang)

    def result_word(self, c) -> str:
        return result_word(c).get(self.lang)

    def deadline_word(self, status: str) -> str:
        return word("deadline", status, self.lang)

    def applicant_type_word(self, applicant_type: str) -> str:
        return word("applicant", applicant_type, self.lang)

    def kind_word(self, kind: str) -> str:
        return word("kind", kind, self.lang)

    # ------------------------------------------------------------ values

    def date(self, d: dt.date | None, weekday: bool = False) -> str:
        return date_text(d, self.lang, weekday)

    def datetime(self, t: dt.datetime) -> str:
        return t.strftime("%Y-%m-%d %H:%M")

    def question_label(self, name: str) -> str:
        """The label of a question or definition id, or the id itself when neither exists."""
        return name_label(self.pack, name, self.lang)

    def value(self, name: str, value: Any) -> str:
        """An answer or a value a criterion used, worded for people."""
        return value_words(self.pack, self.assessment.answers, name, value, self.lang)

    @cached_property
    def rules_version(self) -> str:
        """'2026-11-21 규칙 · 1aa59dc'."""
        return rules_label(self.pack, self.assessment.rules_version).get(self.lang)

    # ------------------------------------------------------------ data

    @property
    def as_of(self) -> dt.date:
        return self.assessment.as_of

    @cached_property
    def ordered(self) -> list[ProgramResult]:
        """Programs in reading order: eligible, undetermined, ineligible; soonest deadline first."""
        def key(r: ProgramResult) -> tuple:
            d = r.deadline
            closes = d.closes if d.closes is not None and (d.days_left or 0) >= 0 else dt.date.max
            return (STATUS_ORDER.get(r.status, 3), closes, self.text(r.program.name))
        return sorted((r for r in self.assessment.programs
                       if self.all_programs or open_to(r.program, self.profile.applicant_type)),
                      key=key)

    @cached_property
    def left_out(self) -> int:
        """How many programs for other kinds of applicant the report leaves out."""
        return len(self.assessment.programs) - len(self.ordered)

    @cached_property
    def explained(self) -> dict:
        """Every program's explanation by id: the words and reasons the report prints."""
        return explain_all(self.pack, self.assessment)

    @cached_property
    def sources(self) -> Numbering:
        """Each source note's one number in the report, in the order the sections cite them."""
        return Numbering.of(self.ordered)

    def name(self, program: Program) -> str:
        return self.text(program.name)

    @property
    def applicant_name(self) -> str:
        return self.profile.name.strip() if self.profile.name else ""
