"""What changed for one profile between two assessments (new rules, a later day, or both):
which programs changed outcome or deadline, and why, one line per cause.

This is the one "what changed" of the app: the re-check after a rule update, "check again today"
on a stored assessment, the consultant's re-check of every client and the PDF page all call
`what_changed` (or `recheck`, which makes both assessments). Pure: no storage, no Qt.

When the earlier rules are no longer on the machine, only the record of the earlier check is left
(each program's outcome and deadline): `what_changed_since_record` says what it can from that,
with the same rules for what counts as a change and the same words for a deadline that moved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Mapping

from desktop.engine import change_words as words
from desktop.engine.evaluate import evaluate
from desktop.engine.expr.tri import UNKNOWN
from desktop.engine.model import Assessment, Deadline, ProgramResult, RulePack, Text
from desktop.engine.dated import in_force
from desktop.engine.deadlines import program_deadline
from desktop.engine.plan import plan_of
from desktop.engine.scope import Scope


@dataclass(frozen=True)
class Cause:
    kind: str  # status | value | criterion_added | criterion_removed | result | round | program
    text: Text
    criterion: str | None = None


@dataclass(frozen=True)
class ProgramChange:
    program_id: str
    name: Text
    old_status: str | None  # None: the program was not in the earlier rules
    new_status: str | None  # None: it is no longer in the rules
    causes: tuple[Cause, ...]

    @property
    def outcome_changed(self) -> bool:
        return self.old_status != self.new_status

    def to_dict(self, lang: str = "ko") -> dict[str, Any]:
        return {
            "program": self.program_id,
            "name": self.name.get(lang),
            "old_status": self.old_status,
            "new_status": self.new_status,
            "outcome_changed": self.outcome_changed,
            "causes": [{"kind": c.kind, "criterion": c.criterion, "text": c.text.get(lang)} for c in self.causes],
        }


@dataclass(frozen=True)
class ProfileChanges:
    old_version: str
    new_version: str
    old_as_of: dt.date
    new_as_of: dt.date
    programs: tuple[ProgramChange, ...]  # only the programs with a change, in the newer order

    @property
    def changed(self) -> bool:
        return bool(self.programs)

    @property
    def outcome_changes(self) -> tuple[ProgramChange, ...]:
        return tuple(p for p in self.programs if p.outcome_changed)

    def lines(self, lang: str = "ko") -> list[str]:
        """One line per program, then one indented line per cause."""
        out: list[str] = []
        for p in self.programs:
            out.append(words.program_line(p.name, p.old_status, p.new_status, lang))
            out.extend("  - " + c.text.get(lang) for c in p.causes)
        return out

    def to_dict(self, lang: str = "ko") -> dict[str, Any]:
        return {
            "old_rules_version": self.old_version,
            "new_rules_version": self.new_version,
            "old_as_of": self.old_as_of.isoformat(),
            "new_as_of": self.new_as_of.isoformat(),
            "changed": self.changed,
            "programs": [p.to_dict(lang) for p in self.programs],
        }


@dataclass(frozen=True)
class Recorded:
    """A program as a stored check recorded it. `deadline`: the window as recorded (its opening
    date and round may be None in a check stored before they were kept)."""

    status: str
    name: Text
    deadline: Deadline | None


def what_changed_since_record(before: Mapping[str, Recorded], old_version: str,
                              old_as_of: dt.date, new: Assessment, unknown: Text) -> ProfileChanges:
    """What changed since a check whose rules are gone: a program added or dropped, an outcome
    that moved (its cause `unknown`: the criteria cannot be compared without the rules), a
    window announced or moved, decided as `what_changed` decides them."""
    changes: list[ProgramChange] = []
    after = {r.id for r in new.programs}
    for b in new.programs:
        a = before.get(b.id)
        if a is None:
            changes.append(ProgramChange(b.id, b.program.name, None, b.status, (Cause("program", words.PROGRAM_NEW),)))
            continue
        moved = deadline_causes(a.deadline, b.deadline) if a.deadline is not None else []
        if not may_report(a.status, b.status, bool(moved)):
            continue
        causes = [Cause("status", unknown)] if a.status != b.status else []
        if "ineligible" not in (a.status, b.status) or a.status != b.status:
            causes.extend(moved)
        changes.append(ProgramChange(b.id, b.program.name, a.status, b.status, tuple(causes)))
    for pid, a in before.items():
        if pid not in after:
            changes.append(ProgramChange(pid, a.name, a.status, None, (Cause("program", words.PROGRAM_GONE),)))
    return ProfileChanges(old_version, new.rules_version, old_as_of, new.as_of, tuple(changes))


def recheck(old_pack: RulePack, new_pack: RulePack, answers: Mapping[str, Any],
            old_as_of: dt.date, new_as_of: dt.date) -> ProfileChanges:
    """Assess `answers` under both packs (each on its own day) and say what changed."""
    old = evaluate(old_pack, answers, old_as_of)
    new = old if (old_pack is new_pack and old_as_of == new_as_of) else evaluate(new_pack, answers, new_as_of)
    return what_changed(old, new, old_pack, new_pack)


def what_changed(old: Assessment, new: Assessment, old_pack: RulePack, new_pack: RulePack) -> ProfileChanges:
    before = {r.id: r for r in old.programs}
    after = {r.id: r for r in new.programs}
    changes: list[ProgramChange] = []
    for pid, b in after.items():
        a = before.get(pid)
        if a is None:
            changes.append(ProgramChange(pid, b.program.name, None, b.status, (Cause("program", words.PROGRAM_NEW),)))
            continue
        if not may_report(a.status, b.status, bool(deadline_causes(a.deadline, b.deadline))):
            continue
        causes = _causes(a, b, old, new, old_pack, new_pack)
        if a.status != b.status or causes:
            changes.append(ProgramChange(pid, b.program.name, a.status, b.status, tuple(causes)))
    for pid, a in before.items():
        if pid not in after:
            changes.append(ProgramChange(pid, a.program.name, a.status, None, (Cause("program", words.PROGRAM_GONE),)))
    return ProfileChanges(old.rules_version, new.rules_version, old.as_of, new.as_of, tuple(changes))


def may_report(old_status: str, new_status: str, deadline_news: bool) -> bool:
    """Whether `what_changed` can say anything about a program in both assessments: its outcome
    moved, or its deadline is news (see `deadline_news`) to someone who can still apply. A new
    date for a program the applicant cannot apply to is not news for them."""
    return old_status != new_status or (old_status != "ineligible" and deadline_news)


def deadline_news(old_pack: RulePack, old_as_of: dt.date, new_pack: RulePack, new_as_of: dt.date) -> frozenset[str]:
    """The programs in both packs whose deadline, as `evaluate` gives it on each day, is news: a
    round announced in place of an estimate, or a round's dates moved. Deadlines do not depend on
    the answers, so this holds for every profile assessed on those days."""
    old_cut, new_cut = in_force(old_pack, old_as_of), in_force(new_pack, new_as_of)
    return frozenset(
        pid for pid, program in new_cut.programs.items()
        if pid in old_cut.programs
        and deadline_causes(program_deadline(old_cut.programs[pid], old_as_of), program_deadline(program, new_as_of)))


def _causes(a: ProgramResult, b: ProgramResult, old: Assessment, new: Assessment,
            old_pack: RulePack, new_pack: RulePack) -> list[Cause]:
    causes: list[Cause] = []
    if a.status != b.status:
        causes.extend(_criterion_causes(a, b, old, new, old_pack, new_pack))
        if not causes:
            causes.append(Cause("status", words.status_moved(a.status, b.status)))
    if "ineligible" not in (a.status, b.status) or a.status != b.status:
        causes.extend(deadline_causes(a.deadline, b.deadline))
    seen: set = set()
    unique = []
    for c in causes:
        if c.text not in seen:
            seen.add(c.text)
            unique.append(c)
    return unique


def _criterion_causes(a: ProgramResult, b: ProgramResult, old: Assessment, new: Assessment,
                      old_pack: RulePack, new_pack: RulePack) -> list[Cause]:
    out: list[Cause] = []
    old_c = {c.id: c for c in a.criteria}
    new_c = {c.id: c for c in b.criteria}
    old_scope = new_scope = None
    for cid, c in new_c.items():
        prev = old_c.get(cid)
        if prev is None:
            out.append(Cause("criterion_added", words.criterion_added(c.text, c.result), cid))
            continue
        if prev.result == c.result:
            continue
        moved = _moved_values(prev.values, c.values, new_pack, old_pack)
        if not moved:
            # The criterion reads a derived yes/no: look for the numbers and dates behind it.
            if old_scope is None:
                old_scope = Scope(old.answers, plan_of(in_force(old_pack, old.as_of)).definitions, old.as_of)
                new_scope = Scope(new.answers, plan_of(in_force(new_pack, new.as_of)).definitions, new.as_of)
            moved = _moved_behind(c.values, old_scope, new_scope, old_pack, new_pack)
        if moved:
            yours = _applicant_value(c.values, prev.values, new_pack)
            for name, x, y in moved:
                out.append(Cause("value", words.value_moved(new_pack, old_pack, name, x, y, yours, c.result), cid))
        else:
            out.append(Cause("result", words.result_moved(c.text, prev.result, c.result), cid))
    for cid, c in old_c.items():
        if cid not in new_c:
            out.append(Cause("criterion_removed", words.criterion_removed(c.text), cid))
    return out


def _moved_values(before: Mapping, after: Mapping, new_pack: RulePack, old_pack: RulePack) -> list[tuple]:
    """Rule-side values (definitions) used by a criterion that differ; answers do not count."""
    out = []
    for name, y in after.items():
        if name in new_pack.questions:
            continue
        x = before.get(name)
        if x != y and not isinstance(y, bool) and not isinstance(x, bool):
            out.append((name, x, y))
    return out


def _moved_behind(values: Mapping, old_scope: Scope, new_scope: Scope,
                  old_pack: RulePack, new_pack: RulePack, limit: int = 200) -> list[tuple]:
    """Definitions under the criterion's names whose value moved: numbers and text first (a
    ceiling, a class); dates only when nothing else moved (the day a table is read on)."""
    moved: list[tuple] = []
    seen: set = set()
    todo = [n for n in values if n in new_pack.definitions]
    while todo and len(seen) < limit:
        name = todo.pop(0)
        if name in seen:
            continue
        seen.add(name)
        x, y = old_scope[name], new_scope[name]
        if x != y and UNKNOWN not in (x, y) and not isinstance(x, bool) and not isinstance(y, bool):
            moved.append((name, x, y))
        d = new_pack.definitions.get(name)
        if d is not None:
            todo.extend(n for n in sorted(d.expr.names) if n in new_pack.definitions and n not in seen)
    plain = [m for m in moved if not isinstance(m[2], dt.date)]
    return plain or moved


def _applicant_value(after: Mapping, before: Mapping, pack: RulePack) -> tuple[str, Any] | None:
    """The one answer the criterion compares, when it did not change ("your 1,100억")."""
    asked = [(n, v) for n, v in after.items() if n in pack.questions and before.get(n) == v and v is not None]
    return asked[0] if len(asked) == 1 else None


def deadline_causes(a: Deadline, b: Deadline) -> list[Cause]:
    """A round announced where there was an estimate, or the dates of one round moved. An
    estimate that rolls on to the next year, or a round that closed, is the calendar, not a change."""
    if a.estimated and not b.estimated and (b.opens or b.closes):
        return [Cause("round", words.round_announced(b.round_id, b.opens, b.closes))]
    if (not a.estimated and not b.estimated and a.round_id == b.round_id
            and (a.opens, a.closes) != (b.opens, b.closes)):
        return [Cause("round", words.window_moved(a.opens, a.closes, b.opens, b.closes, False))]
    return []
