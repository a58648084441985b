"""Which questions can ever be asked: `applies_if` cycles, and questions no applicant reaches.

A question is asked only while its `applies_if` is true. Two questions whose `applies_if` read
each other (directly or through definitions), or one that reads itself through a definition,
wait for each other for ever: neither is asked and a program that needs them stays undetermined
with nothing left to ask. A question whose `applies_if` reads only questions that its applicants
are never asked (another audience, a question left out, a question in such a circle) has a value
fixed in advance; when that value is not true for any of its applicants, it is never asked
either. Both are found here, once per rule pack, so the loader can refuse them with their lines.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Mapping

from desktop.engine.model import APPLICANT_TYPES, Definition, Question, Text
from desktop.engine.scope import Scope

_ANY_DAY = dt.date(2000, 1, 1)  # `applies_if` that reads today is never taken as fixed


@dataclass(frozen=True)
class NeverAsked:
    question: str
    message: Text


def never_asked(questions: Mapping[str, Question], definitions: Mapping[str, Definition],
                left_out: frozenset = frozenset()) -> list[NeverAsked]:
    """Each question of `questions` that can never be asked, with why, in catalog order.
    `left_out`: question ids written in the catalog but not loaded (never asked either)."""
    reach = _Reach(questions, definitions)
    found: dict[str, Text] = {}
    for cycle in reach.cycles():
        trail = {lang: " -> ".join(reach.step(a, b, lang) for a, b in zip(cycle, cycle[1:])) for lang in ("ko", "en")}
        for qid in cycle[:-1]:
            found.setdefault(qid, Text(
                f"질문 '{qid}' applies_if: 조건이 돌고 돕니다({cycle[0]} -> {trail['ko']}). 이 질문들은 하나도 묻지 않게 됩니다",
                f"question '{qid}' applies_if: a cycle ({cycle[0]} -> {trail['en']}); none of these questions is ever asked"))

    # Applicant types each question is never asked to, grown until nothing changes.
    never: dict[str, set[str]] = {
        qid: set(APPLICANT_TYPES) if qid in found else set(APPLICANT_TYPES) - set(q.audience)
        for qid, q in questions.items()
    }
    for qid in left_out:
        never[qid] = set(APPLICANT_TYPES)
    readers: dict[str, list[str]] = {}
    for qid, q in questions.items():
        if q.applies_if is not None and qid not in found:
            for r in reach.reads(qid):
                readers.setdefault(r, []).append(qid)
    waiting = [qid for qid, q in questions.items() if q.applies_if is not None and qid not in found]
    while waiting:  # a question is looked at again only when something it reads changed
        qid = waiting.pop()
        q = questions[qid]
        if reach.uses_today(qid):
            continue
        read = reach.reads(qid) - {"applicant_type"}
        grew = False
        for applicant in q.audience:
            if applicant in never[qid]:
                continue
            if all(applicant in never.get(r, ()) for r in read) and not _holds(q, applicant, definitions):
                never[qid].add(applicant)
                grew = True
        if grew:
            waiting.extend(readers.get(qid, ()))
    for qid, q in questions.items():
        if qid in found or not q.audience or not set(q.audience) <= never[qid]:
            continue
        if q.applies_if is None:
            continue
        read = sorted(reach.reads(qid) - {"applicant_type"}, key=lambda r: (r not in left_out, r))
        shown, audience = ", ".join(repr(r) for r in read), ", ".join(q.audience)
        if read and read[0] in left_out:
            why = Text(f"읽는 값을 불러오지 못했습니다: '{read[0]}'", f"it reads '{read[0]}', which could not be loaded")
        elif read:
            why = Text(f"읽는 질문 {shown}: {audience}에게는 묻지 않습니다",
                       f"it reads {shown}, which {'is' if len(read) == 1 else 'are'} never asked to {audience}")
        else:
            why = Text("조건이 늘 거짓입니다", "it is never true")
        found[qid] = Text(
            f"질문 '{qid}': 물을 일이 없는 질문입니다. applies_if '{q.applies_if.text}' 조건이 어느 신청자에게도 "
            f"참이 되지 않습니다({why.ko})",
            f"question '{qid}' can never be asked: applies_if '{q.applies_if.text}' is not true "
            f"for any of its applicants ({why.en})")
    return [NeverAsked(qid, found[qid]) for qid in questions if qid in found]


def _holds(q: Question, applicant: str, definitions: Mapping[str, Definition]) -> bool:
    scope = Scope({"applicant_type": applicant}, {d.id: d.expr for d in definitions.values()}, _ANY_DAY)
    return q.applies_if(scope) is True


class _Reach:
    """The questions each `applies_if` reads, directly or through definitions."""

    def __init__(self, questions: Mapping[str, Question], definitions: Mapping[str, Definition]):
        self.questions = questions
        self.definitions = definitions
        self._def_reads: dict[str, frozenset] = {}
        self._def_today: dict[str, bool] = {}
        self._reads: dict[str, frozenset] = {}

    def _definition(self, did: str, trail: frozenset = frozenset()) -> tuple[frozenset, bool]:
        if did in self._def_reads:
            return self._def_reads[did], self._def_today[did]
        d = self.definitions[did]
        reads: set[str] = set()
        today = d.expr.uses_today
        for n in d.expr.names:
            if n in self.definitions and n not in trail:  # cycles are refused where definitions load
                more, more_today = self._definition(n, trail | {did})
                reads |= more
                today = today or more_today
            elif n not in self.definitions:
                reads.add(n)
        self._def_reads[did], self._def_today[did] = frozenset(reads), today
        return self._def_reads[did], today

    def via(self, qid: str) -> dict[str, str]:
        """Question read -> the name of the applies_if that leads to it (itself or a definition)."""
        q = self.questions[qid]
        out: dict[str, str] = {}
        for n in sorted(q.applies_if.names) if q.applies_if is not None else ():
            if n in self.definitions:
                for r in sorted(self._definition(n)[0]):
                    out.setdefault(r, n)
            else:
                out.setdefault(n, n)
        return out

    def reads(self, qid: str) -> frozenset:
        if qid not in self._reads:
            self._reads[qid] = frozenset(self.via(qid))
        return self._reads[qid]

    def uses_today(self, qid: str) -> bool:
        q = self.questions[qid]
        return q.applies_if.uses_today or any(
            self._definition(n)[1] for n in q.applies_if.names if n in self.definitions)

    def step(self, a: str, b: str, lang: str = "en") -> str:
        through = self.via(a).get(b, b)
        if through == b:
            return b
        return f"{b} (정의 '{through}' 경유)" if lang == "ko" else f"{b} (through definition '{through}')"

    def cycles(self) -> list[list[str]]:
        """Each circle of questions once, as [a, b, ..., a], in catalog order of its first."""
        edges = {qid: sorted(r for r in self.reads(qid) if r in self.questions)
                 for qid in self.questions if self.questions[qid].applies_if is not None}
        state: dict[str, int] = {}  # 1: on the current path, 2: done
        found: list[list[str]] = []
        seen: set[str] = set()
        for start in edges:
            if state.get(start):
                continue
            path = [start]
            todo = [iter(edges[start])]
            state[start] = 1
            while todo:  # depth first without recursion: a long chain of questions is no problem
                nxt = next(todo[-1], None)
                if nxt is None:
                    state[path.pop()] = 2
                    todo.pop()
                elif state.get(nxt) == 1:
                    circle = path[path.index(nxt):] + [nxt]
                    if not seen.intersection(circle):
                        found.append(circle)
                    seen.update(circle)
                elif not state.get(nxt):
                    state[nxt] = 1
                    path.append(nxt)
                    todo.append(iter(edges.get(nxt, ())))
        return found
