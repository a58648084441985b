"""What changed between two rule packs, at the level of a criterion: programs added and removed;
per program the criteria, limits, benefits, rounds and sources; tables and definitions.

Pure: two loaded packs in, a list of `RuleChange` out, each with the source notes behind it. The
words for a change are in `change_words`; `jiwon diff`, the app and the PDF render those.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Any, Iterable

from desktop.engine.expr.parse import parse
from desktop.engine.expr.tri import is_number
from desktop.engine.model import Criterion, Group, Program, RulePack, Table
from desktop.engine.serialize import plain

AREAS = ("program", "criterion", "limit", "benefit", "round", "source", "table", "definition")


@dataclass(frozen=True)
class RuleChange:
    area: str  # one of AREAS
    action: str  # added | removed | changed
    program: str | None  # the program it belongs to (None: tables, definitions, notes)
    subject: str  # criterion id, round id, "table:key", definition id, note id, ...
    old: Any = None  # plain JSON-ready values
    new: Any = None
    sources: tuple[str, ...] = ()  # citations behind the change (the new side, else the old)

    def to_dict(self) -> dict[str, Any]:
        return {
            "area": self.area,
            "action": self.action,
            "program": self.program,
            "subject": self.subject,
            "old": self.old,
            "new": self.new,
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class RulesDiff:
    old_version: str
    new_version: str
    changes: tuple[RuleChange, ...]

    @property
    def programs_added(self) -> tuple[str, ...]:
        return tuple(c.subject for c in self.changes if c.area == "program" and c.action == "added")

    @property
    def programs_removed(self) -> tuple[str, ...]:
        return tuple(c.subject for c in self.changes if c.area == "program" and c.action == "removed")

    def for_program(self, program_id: str) -> tuple[RuleChange, ...]:
        return tuple(c for c in self.changes if c.program == program_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "old_version": self.old_version,
            "new_version": self.new_version,
            "programs_added": list(self.programs_added),
            "programs_removed": list(self.programs_removed),
            "changes": [c.to_dict() for c in self.changes],
        }


def diff_packs(old: RulePack, new: RulePack) -> RulesDiff:
    out: list[RuleChange] = []
    for pid in new.programs:
        if pid not in old.programs:
            p = new.programs[pid]
            out.append(RuleChange("program", "added", pid, pid, None, p.name.to_dict(), p.sources))
    for pid in old.programs:
        if pid not in new.programs:
            p = old.programs[pid]
            out.append(RuleChange("program", "removed", pid, pid, p.name.to_dict(), None, p.sources))
    for pid, p in new.programs.items():
        if pid in old.programs:
            out.extend(_program_changes(old.programs[pid], p))
    out.extend(_table_changes(old.tables, new.tables))
    out.extend(_definition_changes(old, new))
    out.extend(_note_changes(old, new))
    return RulesDiff(old.version, new.version, tuple(out))


# ---------------------------------------------------------------- programs


def _criteria(program: Program) -> dict[tuple, Criterion]:
    """Every criterion and exclusion by (id, validity): dated versions of one id are told apart."""
    found: dict[tuple, Criterion] = {}

    def walk(node) -> None:
        if isinstance(node, Group):
            for kid in node.children:
                walk(kid)
        else:
            found[(node.id, node.validity)] = node

    walk(program.eligibility)
    for c in program.exclusions:
        found[(c.id, c.validity)] = c
    return found


def _criterion_value(c: Criterion) -> dict[str, Any]:
    out = {"text": c.text.to_dict(), "expr": c.expr_source, "kind": c.kind}
    if not c.validity.always:
        out.update(c.validity.to_dict())
    return out


def _numbers_and_shape(text: str | None):
    """The numbers of an expression in order, and its shape with the numbers taken out."""
    if text is None:
        return (), None
    try:
        tree, _body = parse(text)
    except Exception:
        return (), text
    numbers: list = []

    class Blank(ast.NodeTransformer):
        def visit_Constant(self, node):
            if is_number(node.value) and not isinstance(node.value, bool):
                numbers.append(node.value)
                return ast.copy_location(ast.Constant(value=0), node)
            return node

    shape = ast.dump(Blank().visit(tree), annotate_fields=False)
    return tuple(numbers), shape


def _program_changes(old: Program, new: Program) -> Iterable[RuleChange]:
    pid = new.id
    a, b = _criteria(old), _criteria(new)
    a_ids = {k[0] for k in a}
    for key, c in b.items():
        if key in a:
            yield from _criterion_changes(pid, a[key], c)
        elif key[0] in a_ids and sum(1 for k in a if k[0] == key[0]) == 1 and sum(1 for k in b if k[0] == key[0]) == 1:
            # The same criterion with new dates: one change, not a removal and an addition.
            (old_c,) = [v for k, v in a.items() if k[0] == key[0]]
            yield from _criterion_changes(pid, old_c, c, dates_changed=True)
        else:
            yield RuleChange("criterion", "added", pid, c.id, None, _criterion_value(c), c.sources)
    b_ids = {k[0] for k in b}
    for key, c in a.items():
        if key in b:
            continue
        if key[0] in b_ids and sum(1 for k in a if k[0] == key[0]) == 1 and sum(1 for k in b if k[0] == key[0]) == 1:
            continue  # reported above as a change of dates
        yield RuleChange("criterion", "removed", pid, c.id, _criterion_value(c), None, c.sources)

    yield from _benefit_changes(pid, old, new)
    yield from _round_changes(pid, old, new)
    for cite in new.sources:
        if cite not in old.sources:
            yield RuleChange("source", "added", pid, cite, None, cite, (cite,))
    for cite in old.sources:
        if cite not in new.sources:
            yield RuleChange("source", "removed", pid, cite, cite, None, (cite,))


def _criterion_changes(pid: str, old: Criterion, new: Criterion, dates_changed: bool = False) -> Iterable[RuleChange]:
    if old.expr_source != new.expr_source:
        old_nums, old_shape = _numbers_and_shape(old.expr_source)
        new_nums, new_shape = _numbers_and_shape(new.expr_source)
        if old_shape is not None and old_shape == new_shape and len(old_nums) == len(new_nums):
            for x, y in zip(old_nums, new_nums):
                if x != y:
                    yield RuleChange("limit", "changed", pid, new.id, x, y, new.sources)
            if old.text == new.text and old.sources == new.sources and not dates_changed:
                return
            old_rest, new_rest = _criterion_value(old), _criterion_value(new)
            old_rest.pop("expr"), new_rest.pop("expr")
            if old_rest != new_rest:
                yield RuleChange("criterion", "changed", pid, new.id, old_rest, new_rest, new.sources)
            elif old.sources != new.sources:
                yield RuleChange("source", "changed", pid, new.id, list(old.sources), list(new.sources), new.sources)
            return
    if _criterion_value(old) != _criterion_value(new):
        yield RuleChange("criterion", "changed", pid, new.id, _criterion_value(old), _criterion_value(new), new.sources)
    elif old.sources != new.sources:
        yield RuleChange("source", "changed", pid, new.id, list(old.sources), list(new.sources), new.sources)


def _benefit_value(b) -> dict[str, Any]:
    out = {"text": b.text.to_dict(), "amount": b.amount, "estimated": b.estimated}
    if not b.validity.always:
        out.update(b.validity.to_dict())
    return out


def _benefit_changes(pid: str, old: Program, new: Program) -> Iterable[RuleChange]:
    def key(b):
        return (b.text.ko, b.validity)

    a = {key(b): b for b in old.benefits}
    c = {key(b): b for b in new.benefits}
    for k, b in c.items():
        if k not in a:
            yield RuleChange("benefit", "added", pid, b.text.ko, None, _benefit_value(b), b.sources)
        elif _benefit_value(a[k]) != _benefit_value(b):
            yield RuleChange("benefit", "changed", pid, b.text.ko, _benefit_value(a[k]), _benefit_value(b), b.sources)
    for k, b in a.items():
        if k not in c:
            yield RuleChange("benefit", "removed", pid, b.text.ko, _benefit_value(b), None, b.sources)


def _round_value(r) -> dict[str, Any]:
    return {
        "kind": r.kind,
        "opens": r.opens.date().isoformat() if r.opens else None,
        "closes": r.closes.date().isoformat() if r.closes else None,
    }


def _round_changes(pid: str, old: Program, new: Program) -> Iterable[RuleChange]:
    a = {r.id: r for r in old.rounds}
    b = {r.id: r for r in new.rounds}
    for rid, r in b.items():
        if rid not in a:
            yield RuleChange("round", "added", pid, rid, None, _round_value(r), r.sources)
        elif _round_value(a[rid]) != _round_value(r):
            yield RuleChange("round", "changed", pid, rid, _round_value(a[rid]), _round_value(r), r.sources)
    for rid, r in a.items():
        if rid not in b:
            yield RuleChange("round", "removed", pid, rid, _round_value(r), None, r.sources)
    if old.recurrence != new.recurrence:
        def rec(x):
            return None if x is None else {"opens": "%02d-%02d" % x.opens, "closes": "%02d-%02d" % x.closes}

        if rec(old.recurrence) != rec(new.recurrence):
            yield RuleChange("round", "changed", pid, "recurrence", rec(old.recurrence), rec(new.recurrence), ())


# ---------------------------------------------------------------- tables, definitions, notes


def _entry_value(table: Table, key: str) -> Any:
    if key in table.dated:
        return [dict(v.validity.to_dict(), value=v.value) for v in table.dated[key]]
    return table.entries.get(key)


def _entry_sources(table: Table, key: str) -> tuple[str, ...]:
    cited = tuple(s for v in table.dated.get(key, ()) for s in v.sources)
    return cited or table.sources


def _table_changes(old: dict, new: dict) -> Iterable[RuleChange]:
    for tid, t in new.items():
        if tid not in old:
            yield RuleChange("table", "added", None, tid, None, len(set(t.entries) | set(t.dated)), t.sources)
            continue
        o = old[tid]
        keys = list(dict.fromkeys([*o.entries, *o.dated, *t.entries, *t.dated]))
        for key in keys:
            before, after = _entry_value(o, key), _entry_value(t, key)
            if before == after:
                continue
            action = "added" if before is None else "removed" if after is None else "changed"
            yield RuleChange("table", action, None, f"{tid}:{key}", plain(before), plain(after),
                             _entry_sources(t if after is not None else o, key))
        if o.default != t.default:
            yield RuleChange("table", "changed", None, f"{tid}:default", o.default, t.default, t.sources)
    for tid, t in old.items():
        if tid not in new:
            yield RuleChange("table", "removed", None, tid, len(set(t.entries) | set(t.dated)), None, t.sources)


def _definition_value(d) -> Any:
    if d.versions:
        return [dict(v.validity.to_dict(), expr=v.source) for v in d.versions]
    return d.source


def _definition_changes(old: RulePack, new: RulePack) -> Iterable[RuleChange]:
    for did, d in new.definitions.items():
        if did not in old.definitions:
            yield RuleChange("definition", "added", None, did, None, _definition_value(d))
        elif _definition_value(old.definitions[did]) != _definition_value(d):
            yield RuleChange("definition", "changed", None, did, _definition_value(old.definitions[did]),
                             _definition_value(d))
    for did, d in old.definitions.items():
        if did not in new.definitions:
            yield RuleChange("definition", "removed", None, did, _definition_value(d), None)


def _note_value(n) -> dict[str, Any]:
    return {"date": n.date.isoformat(), "facts": {fid: f.text.to_dict() for fid, f in n.facts.items()}}


def _note_changes(old: RulePack, new: RulePack) -> Iterable[RuleChange]:
    for nid, n in new.notes.items():
        if nid not in old.notes:
            yield RuleChange("source", "added", None, nid, None, {"date": n.date.isoformat()}, (nid,))
        elif _note_value(old.notes[nid]) != _note_value(n):
            yield RuleChange("source", "changed", None, nid, {"date": old.notes[nid].date.isoformat()},
                             {"date": n.date.isoformat()}, (nid,))
    for nid, n in old.notes.items():
        if nid not in new.notes:
            yield RuleChange("source", "removed", None, nid, {"date": n.date.isoformat()}, None, (nid,))
