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

from desktop.engine import format_amount, format_value, labels
from desktop.engine.formatting import format_number
from desktop.engine.model import Assessment, Profile, Program, ProgramResult, RulePack
from desktop.report.styles import stylesheet
from desktop.report.words import w

_WEEKDAYS = {"ko": "월화수목금토일", "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}

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
    changes: Any = None  # ProfileChanges since the last assessment, for its own page

    # ------------------------------------------------------------ words

    def w(self, key: str, **fields: object) -> str:
        return w(key, self.lang, **fields)

    def text(self, t: Any) -> str:
        """A rule-file `Text` in the report's language ("" for None)."""
        return t.get(self.lang) if t is not None else ""

    def status_word(self, status: str) -> str:
        return labels.word(labels.STATUS, status, self.lang)

    def result_word(self, result: str, kind: str) -> str:
        # An exclusion that is "met" means the applicant is clear of it; the engine's
        # met / not met would read backwards there.
        if kind == "exclusion" and result in ("met", "not_met"):
            return self.w(f"excl_{result}")
        return labels.word(labels.RESULT, result, self.lang)

    def deadline_word(self, status: str) -> str:
        return labels.word(labels.DEADLINE_STATUS, status, self.lang)

    def applicant_type_word(self, applicant_type: str) -> str:
        return labels.word(labels.APPLICANT_TYPE, applicant_type, self.lang)

    def maturity_word(self, maturity: str) -> str:
        return labels.word(labels.MATURITY, maturity, self.lang)

    def kind_word(self, kind: str) -> str:
        return labels.word(labels.CRITERION_KIND, kind, self.lang)

    # ------------------------------------------------------------ values

    def date(self, d: dt.date | None, weekday: bool = False) -> str:
        if d is None:
            return self.w("no_date")
        s = d.isoformat()
        if weekday:
            s += f" ({_WEEKDAYS[self.lang][d.weekday()]})"
        return s

    def datetime(self, t: dt.datetime) -> str:
        return t.strftime("%Y-%m-%d %H:%M")

    def days_left(self, days: int | None) -> str:
        if days is None:
            return self.w("no_date")
        return labels.days_left_text(days, self.lang)

    def days_left_short(self, days: int | None) -> str:
        """For a narrow "days left" column: "D-12" / "12 days"; past dates as "closed"."""
        if days is None:
            return self.w("no_date")
        if days < 0:
            return self.deadline_word("closed")
        if days == 0:
            return labels.CLOSES_TODAY.get(self.lang)
        if self.lang == "en":
            return f"{days:,} day" if days == 1 else f"{days:,} days"
        return labels.DAYS_LEFT.ko.format(n=days)

    def question_label(self, name: str) -> str:
        """The label of a question or definition id, or the id itself when neither exists."""
        q = self.pack.questions.get(name)
        if q is not None:
            return self.text(q.label)
        d = self.pack.definitions.get(name)
        if d is not None:
            return self.text(d.label)
        return name

    def value(self, name: str, value: Any) -> str:
        """An answer or a value a criterion used, worded for people; None is "I don't know"."""
        if value is None:
            return labels.DONT_KNOW.get(self.lang)
        q = self.pack.questions.get(name)
        if q is not None:
            return format_value(q, value, self.lang, self.pack.industries)
        if isinstance(value, bool):
            return (labels.YES if value else labels.NO).get(self.lang)
        d = self.pack.definitions.get(name)
        unit = getattr(d, "unit", None)
        if isinstance(value, (int, float)):
            if unit is not None and unit.en == "KRW":  # a derived amount: "1,000억 원"
                return format_amount(value, self.lang)
            return format_number(value, unit, self.lang)
        return str(value)

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
        return sorted(self.assessment.programs, key=key)

    def name(self, program: Program) -> str:
        return self.text(program.name)

    @property
    def applicant_name(self) -> str:
        return self.profile.name.strip() if self.profile.name else ""
