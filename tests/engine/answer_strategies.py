"""Hypothesis strategies that produce valid answers for any question of a rule pack.

Numbers are drawn both at random and next to the limits written in the rules (table entries and
constants), because that is where a wrong comparison would show.
"""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import strategies as st

from desktop.engine.model import RulePack

ABSENT = object()


def _limits(pack: RulePack) -> list[int]:
    found: set[int] = set()
    for table in pack.tables.values():
        for v in table.entries.values():
            if isinstance(v, int) and not isinstance(v, bool):
                found.update((v - 1, v, v + 1))
    texts = [d.source for d in pack.definitions.values()]
    for p in pack.programs.values():
        stack = [p.eligibility]
        while stack:
            node = stack.pop()
            if hasattr(node, "children"):
                stack.extend(node.children)
            elif node.expr_source:
                texts.append(node.expr_source)
        texts.extend(c.expr_source for c in p.exclusions if c.expr_source)
    for text in texts:
        for number in re.findall(r"\d[\d_]*", text):
            n = int(number.replace("_", ""))
            if n <= 10**15:
                found.update((n - 1, n, n + 1))
    return sorted(found)


def value_strategy(pack: RulePack, q, limits: list[int] | None = None):
    limits = limits if limits is not None else _limits(pack)
    lo = int(q.min) if q.min is not None else 0
    hi = int(q.max) if q.max is not None else 10**13
    near = [n for n in limits if lo <= n <= hi]
    if q.type == "bool":
        return st.booleans()
    if q.type in ("int", "amount"):
        plain = st.integers(min_value=lo, max_value=min(hi, 10**14))
        return st.one_of(st.sampled_from(near), plain) if near else plain
    if q.type == "date":
        return st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2027, 12, 31))
    if q.type == "choice":
        return st.sampled_from([o.value for o in q.options])
    if q.type == "multi":
        return st.lists(st.sampled_from([o.value for o in q.options]), unique=True).map(tuple)
    if q.type == "industry":
        codes = list(pack.industries)
        finer = [k for t in pack.tables.values() for k in t.entries if len(k) > 3 and k[:3] in pack.industries]
        return st.sampled_from(codes + finer or ["C25"])
    return st.text(max_size=12)


def questions_for(pack: RulePack, applicant: str):
    return [q for q in pack.questions.values() if q.id != "applicant_type" and applicant in q.audience]


@st.composite
def partial_answers(draw, pack: RulePack, applicant: str, limits=None):
    """Some questions answered, some "I don't know" (None), some not answered at all."""
    answers = {"applicant_type": applicant}
    for q in questions_for(pack, applicant):
        choice = draw(st.sampled_from(("absent", "none", "value", "value")))
        if choice == "none":
            answers[q.id] = None
        elif choice == "value":
            answers[q.id] = draw(value_strategy(pack, q, limits))
    return answers
