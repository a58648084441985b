"""Generated applicants for checking and measuring screening: made to sit on the rules' edges.

Every number a rule compares with (constants in expressions, values in tables) gives the answers
just below, at and just above it; dates come at whole years and day counts from the assessment
date (29 February included); every question is sometimes left unanswered or answered "I don't
know". Deterministic for a seed.
"""

from __future__ import annotations

import ast
import datetime as dt
import random
from typing import Any, Iterator

from desktop.engine.expr.parse import parse
from desktop.engine.model import RulePack, criteria_of


def _expressions(pack: RulePack) -> Iterator[str]:
    for d in pack.definitions.values():
        for version in d.versions or (d,):  # a dated definition: every version's limits
            yield version.source
    for q in pack.questions.values():
        if q.applies_if is not None:
            yield q.applies_if.text
    for p in pack.programs.values():
        for c in (*criteria_of(p.eligibility), *p.exclusions):
            if c.expr_source:
                yield c.expr_source


def edge_numbers(pack: RulePack) -> list[int]:
    found: set[int] = set()
    for text in _expressions(pack):
        tree, _ = parse(text)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and type(node.value) is int:
                found.add(node.value)
    for t in pack.tables.values():
        values = list(t.entries.values()) + [v.value for versions in t.dated.values() for v in versions]
        for v in values:
            if type(v) is int:
                found.add(v)
    return sorted(found)


class Generator:
    def __init__(self, pack: RulePack, today: dt.date, seed: int = 0, unknown: float = 0.25):
        self.pack = pack
        self.today = today
        self.rng = random.Random(seed)
        self.unknown = unknown
        edges = edge_numbers(pack)
        self.numbers: dict[str, list[int]] = {}
        for qid, q in pack.questions.items():
            if q.type in ("int", "amount"):
                lo = -(10**15) if q.min is None else int(q.min)
                hi = 10**15 if q.max is None else int(q.max)
                near = {v + d for v in edges for d in (-1, 0, 1)} | {lo, hi}
                self.numbers[qid] = sorted(v for v in near if lo <= v <= hi)
        years = [v for v in edges if 0 <= v <= 120]
        days = [v for v in edges if 0 <= v <= 3000]
        dates = set()
        for y in years:
            for d in (-1, 0, 1):
                dates.add(_years_before(today, y) + dt.timedelta(days=d))
        for n in days:
            for d in (-1, 0, 1):
                dates.add(today - dt.timedelta(days=n + d))
        for y in (1964, 1988, 2000, 2004, 2008, 2024):
            dates.update({dt.date(y, 2, 28), dt.date(y, 2, 29), dt.date(y, 3, 1)})
        self.dates = sorted(dates)
        codes = set(pack.industries)
        for t in pack.tables.values():
            if t.match == "prefix":  # the industry tables (KSIC codes), not other keyed tables
                codes.update(k for k in (*t.entries, *t.dated) if len(k) > 3)
        codes.update({"S94", "C30393", "C3039"})
        self.industries = sorted(codes)

    def answer(self, q) -> Any:
        rng = self.rng
        if q.type == "bool":
            return rng.random() < 0.5
        if q.type == "choice":
            return rng.choice(q.options).value
        if q.type == "multi":
            return tuple(o.value for o in q.options if rng.random() < 0.4)
        if q.type == "industry":
            return rng.choice(self.industries)
        if q.type in ("int", "amount"):
            if rng.random() < 0.7:
                return rng.choice(self.numbers[q.id])
            lo = 0 if q.min is None else int(q.min)
            hi = 10**12 if q.max is None else int(q.max)
            if q.type == "amount" and hi > 10**6:
                return min(hi, max(lo, int(10 ** rng.uniform(4, len(str(hi)) - 1))))
            return rng.randint(lo, hi)
        if q.type == "date":
            if rng.random() < 0.7:
                return rng.choice(self.dates)
            return self.today - dt.timedelta(days=rng.randint(0, 36500))
        return rng.choice(("", "text", "글자"))

    def profile(self) -> dict[str, Any]:
        rng = self.rng
        applicant = rng.choice(("company", "school", "individual"))
        answers: dict[str, Any] = {"applicant_type": applicant}
        for qid, q in self.pack.questions.items():
            if qid == "applicant_type" or applicant not in q.audience:
                continue
            r = rng.random()
            if r < self.unknown * 0.6:
                continue  # not answered
            if r < self.unknown:
                answers[qid] = None  # "I don't know"
                continue
            answers[qid] = self.answer(q)
        return answers

    def profiles(self, n: int) -> Iterator[dict[str, Any]]:
        for _ in range(n):
            yield self.profile()


def register_cell(value: Any) -> str:
    """A generated answer as a register's cell holds it (what the cell parser reads back): "I don't
    know" as 모름, several choices joined by `;` (none as 없음), yes/no as 예/아니오, a date as
    YYYY-MM-DD."""
    if value is None:
        return "모름"
    if isinstance(value, tuple):
        return ";".join(value) if value else "없음"
    if isinstance(value, bool):
        return "예" if value else "아니오"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a common year
        return day.replace(year=day.year - years, day=28)
