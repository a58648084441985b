"""Which programs come out the same for any answers under two rule packs, each read on its own day.

A re-check after a rule update assesses every saved profile again; most updates touch a few
programs (a moved limit, a new round), and the outcome of every other program is a function of the
same rule texts and the same answers as before. `reads_of` writes down everything a program's
outcome, its failed criteria and its open questions are worked out from: the criteria and
exclusions in force (ids, kinds, expression texts, their nesting), who may apply, every definition
and table they reach (all dated versions), every question they reach with what decides whether it
is asked and its place in the catalog, and the day itself when any of that reads `today` or is
dated. Two programs with equal reads give equal status, failed criteria and open questions for
equal answers, so a stored result can be carried over instead of assessed again. Deadlines are
not part of it: they do not depend on the answers and are worked out afresh.

A program whose rules differ only in entries of tables it looks up by an answer (the SME sales
ceilings by industry) is the same for the profiles whose answer reaches the same entries under
both packs (`CarryOver`): a moved ceiling for C11 changes nothing for a C25 maker. Only a look-up
keyed by a question itself (`lookup('t', industry, ...)`) or by a constant counts; the entries
compared are every one the answer can reach (each prefix of the code, every dated version) and
the table's default. The profile must answer the key, and every question whose exact search
(desktop.engine.exact) would try other values under the new table: an open industry is tried as
one code per class of industries, and the classes follow the entries.

Pure: packs in, ids out. Anything not understood counts as changed, never as the same.
"""

from __future__ import annotations

import ast
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping

from desktop.engine.dated import in_force
from desktop.engine.model import Group, Program, RulePack, Table, criteria_of
from desktop.engine.plan import plan_of


def _node(node, names: set, tables: set, today: list) -> Any:
    if isinstance(node, Group):
        return (node.op, node.id, tuple(_node(k, names, tables, today) for k in node.children))
    expr = node.expr
    if expr is not None:
        names.update(expr.names)
        tables.update(expr.tables)
        if expr.uses_today:
            today[0] = True
    return ("leaf", node.id, node.kind, expr.text if expr is not None else None)


def _table(table) -> Any:
    dated = tuple((key, tuple((v.validity.valid_from, v.validity.valid_to, repr(v.value)) for v in versions))
                  for key, versions in sorted(table.dated.items()))
    return (table.match, repr(sorted(table.entries.items())), dated, repr(table.default))


def _positions(pack: RulePack) -> dict[str, int]:
    """Catalog position of each question (open questions are listed in that order)."""
    return {qid: i for i, qid in enumerate(pack.questions)}


def reads_of(pack: RulePack, program: Program, day: dt.date) -> tuple:
    """Everything the outcome of `program` (as in force on `day`) is worked out from."""
    return _reads(pack, program, day, keyed=False)[0]


def questions_read(pack: RulePack, program: Program, day: dt.date) -> frozenset[str]:
    """The questions whose answers the outcome of `program` is worked out from (those its rules
    reach, with what decides whether each is asked, and the applicant type): two profiles with the
    same answers to these get the same outcome, failed criteria, open questions and gaps."""
    reads = _reads(pack, program, day, keyed=False)[0]
    if reads[0] == "unknown":
        return frozenset(pack.questions)
    return frozenset(qid for qid, _ in reads[5]) | {"applicant_type"}


def _reads(pack: RulePack, program: Program, day: dt.date, keyed: bool) -> tuple[tuple, dict]:
    """`reads_of`; with `keyed`, a table looked up only by questions and constants stands for
    its shape and the entries its constant keys reach, and the second value maps such a table
    to the questions it is looked up by (see `_lookup_keys`)."""
    names: set[str] = set()
    tables: set[str] = set()
    today = [False]
    tree = _node(program.eligibility, names, tables, today)
    exclusions = tuple(_node(c, names, tables, today) for c in program.exclusions)
    exprs = [c.expr for c in (*criteria_of(program.eligibility), *program.exclusions) if c.expr is not None]
    definitions: dict[str, Any] = {}
    questions: dict[str, Any] = {}
    position = _positions(pack)
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in definitions or name in questions:
            continue
        d = pack.definitions.get(name)
        if d is not None:
            if d.versions:
                today[0] = True  # the version in force is picked by the day
                definitions[name] = tuple((v.validity.valid_from, v.validity.valid_to, v.source) for v in d.versions)
                found = [v.expr for v in d.versions]
            else:
                definitions[name] = d.source
                found = [d.expr]
            for e in found:
                todo.extend(e.names)
                tables.update(e.tables)
                today[0] = today[0] or bool(e.uses_today)
            exprs.extend(found)
            continue
        q = pack.questions.get(name)
        if q is not None:
            applies = q.applies_if
            questions[name] = (q.type, tuple(q.audience), position[name],
                               applies.text if applies is not None else None,
                               tuple(o.value for o in q.options), q.min, q.max)
            if applies is not None:
                todo.extend(applies.names)
                tables.update(applies.tables)
                today[0] = today[0] or bool(applies.uses_today)
                exprs.append(applies)
            continue
        questions[name] = None  # read from the answers as it is
    table_reads = []
    by_answer: dict[str, frozenset] = {}
    for tid in sorted(tables):
        t = pack.tables.get(tid)
        if t is None:
            return ("unknown", program.id, day), {}  # cannot tell: never the same as anything
        if t.dated:
            today[0] = True
        keys = _lookup_keys(tid, exprs, pack) if keyed else None
        if keys is None:
            table_reads.append((tid, _table(t)))
            continue
        answered = frozenset(k for kind, k in keys if kind == "answer")
        consts = tuple(sorted((k, _reached(t, k)) for kind, k in keys if kind == "const"))
        table_reads.append((tid, (t.match, t.type, _value_types(t), consts, tuple(sorted(answered)))))
        if answered:
            by_answer[tid] = answered
    reads = (
        program.id,
        tuple(sorted(program.audience)),
        tree,
        exclusions,
        tuple(sorted(definitions.items())),
        tuple(sorted(questions.items(), key=lambda kv: kv[0])),
        tuple(table_reads),
        day if today[0] else None,
    )
    return reads, by_answer


def _lookup_keys(tid: str, exprs: list, pack: RulePack) -> frozenset | None:
    """How `tid` is looked up by `exprs`: ("answer", question id) for `lookup(tid, question)`,
    ("const", text) for `lookup(tid, 'text')`, each with or without a day; None when some
    look-up is keyed by anything else (a definition, a sum), or cannot be read."""
    keys: set = set()
    for e in exprs:
        if tid not in e.tables:
            continue
        tree = getattr(e, "tree", None)
        if tree is None:
            return None
        seen = False
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "lookup"
                    and len(node.args) >= 2 and isinstance(node.args[0], ast.Constant)
                    and node.args[0].value == tid):
                continue
            seen = True
            key = node.args[1]
            if isinstance(key, ast.Name) and key.id in pack.questions and key.id not in pack.definitions:
                keys.add(("answer", key.id))
            elif isinstance(key, ast.Constant) and isinstance(key.value, str):
                keys.add(("const", key.value))
            else:
                return None
        if not seen:
            return None
    return frozenset(keys)


def _value_types(t: Table) -> tuple:
    """The types of the values a table holds (its look-ups' kind is worked out from them)."""
    values = list(t.entries.values()) + [v.value for vs in t.dated.values() for v in vs] + [t.default]
    return tuple(sorted({type(v).__name__ for v in values}))


def _reached(t: Table, key: Any) -> tuple:
    """Every entry a look-up of `key` can read on any day (each prefix of a code for a prefix
    table, each with all its dated versions), and the default it falls back to."""
    if t.match == "prefix":
        if type(key) is not str:
            return ("no key",)  # such a key reads nothing: the look-up is unknown
        candidates = [key[:n] for n in range(len(key), 0, -1)]
    else:
        candidates = [key if type(key) is str else str(key)]
    found = tuple(
        (k, repr(t.entries[k]) if k in t.entries else None,
         tuple((v.validity.valid_from, v.validity.valid_to, repr(v.value)) for v in t.dated.get(k, ())))
        for k in candidates if k in t.entries or k in t.dated
    )
    return found, repr(t.default)


def same_outcome_programs(old_pack: RulePack, old_day: dt.date, new_pack: RulePack,
                          new_day: dt.date) -> frozenset[str]:
    """Ids of the programs whose outcome, failed criteria and open questions are, for any
    answers, the same under `new_pack` on `new_day` as under `old_pack` on `old_day`."""
    return carry_over(old_pack, old_day, new_pack, new_day, by_answer=False).same


@dataclass(frozen=True)
class ByAnswer:
    """A program whose rules differ only in entries of tables looked up by answers: the same for
    answers that reach the same entries of each (`keys`: table id, question id), with every
    question of `answered` answered."""

    keys: tuple[tuple[str, str], ...]
    answered: frozenset[str]


@dataclass
class CarryOver:
    """What can be carried over between `old` on `old_day` and `new` on `new_day`: `same`, the
    programs the same for any answers, and `by_answer`, those the same for some (`unchanged`)."""

    old: RulePack
    new: RulePack
    same: frozenset[str]
    by_answer: Mapping[str, ByAnswer]
    _reach: dict = field(default_factory=dict, repr=False)

    def unchanged(self, answers: Mapping[str, Any]) -> frozenset[str]:
        """The programs whose outcome, failed criteria and open questions for `answers` are the
        same under both."""
        if not self.by_answer:
            return self.same
        more = [pid for pid, c in self.by_answer.items() if self._holds(c, answers)]
        return self.same.union(more) if more else self.same

    def _holds(self, c: ByAnswer, answers: Mapping[str, Any]) -> bool:
        for qid in c.answered:
            if answers.get(qid) is None:
                return False  # unanswered or "I don't know": the search tries the entries
        for tid, qid in c.keys:
            value = answers[qid]
            key = (tid, type(value), value)
            try:
                found = self._reach.get(key)
            except TypeError:  # an answer of an odd, unhashable shape
                return False
            if found is None:
                found = self._reach[key] = (_reached(self.old.tables[tid], value)
                                            == _reached(self.new.tables[tid], value))
            if not found:
                return False
        return True


def carry_over(old_pack: RulePack, old_day: dt.date, new_pack: RulePack, new_day: dt.date,
               by_answer: bool = True) -> CarryOver:
    """The programs the same for any answers under `new_pack` on `new_day` as under `old_pack`
    on `old_day`, and (`by_answer`) those whose only change is in table entries they look up by
    an answer (see the module docstring)."""
    old_cut, new_cut = in_force(old_pack, old_day), in_force(new_pack, new_day)
    same = set()
    keyed: dict[str, ByAnswer] = {}
    for pid, program in new_cut.programs.items():
        before = old_cut.programs.get(pid)
        if before is None:
            continue
        try:
            if reads_of(old_cut, before, old_day) == reads_of(new_cut, program, new_day):
                same.add(pid)
                continue
            if not by_answer:
                continue
            old_reads, old_keys = _reads(old_cut, before, old_day, keyed=True)
            new_reads, new_keys = _reads(new_cut, program, new_day, keyed=True)
            if old_reads != new_reads or old_keys != new_keys:
                continue
            keys = tuple((tid, qid) for tid, qids in sorted(new_keys.items())
                         if _table(old_cut.tables[tid]) != _table(new_cut.tables[tid]) for qid in sorted(qids))
            answered = frozenset(q for _, q in keys)
            searched = _searched_apart(old_cut, old_day, new_cut, new_day, pid, answered)
            if searched is None:
                continue
            keyed[pid] = ByAnswer(keys, answered | searched)
        except Exception:  # a shape this module does not know: assess it again
            continue
    return CarryOver(old_cut, new_cut, frozenset(same), keyed)


def _searched_apart(old_cut: RulePack, old_day: dt.date, new_cut: RulePack, new_day: dt.date,
                    pid: str, answered: frozenset) -> frozenset | None:
    """The questions the exact search of program `pid` would try other values for (or in
    another way) under the new rules than under the old, of those not in `answered` (asked to
    be answered anyway); None when the two cannot be told."""
    old_plan, new_plan = plan_of(old_cut), plan_of(new_cut)
    old_pp, new_pp = old_plan.programs[pid], new_plan.programs[pid]
    old_leaves = (*old_pp.leaves, *old_pp.exclusions)
    new_leaves = (*new_pp.leaves, *new_pp.exclusions)
    if len(old_leaves) != len(new_leaves):
        return None
    apart: set[str] = set()
    pairs = [((a.expr,), (b.expr,), b.questions) for a, b in zip(old_leaves, new_leaves)
             if a.expr is not None and b.expr is not None]
    everything = tuple(dict.fromkeys(q for leaf in new_leaves for q in leaf.questions))
    pairs.append((tuple(l.expr for l in old_leaves), tuple(l.expr for l in new_leaves), everything))
    for old_roots, new_roots, qids in pairs:
        old_view, new_view = old_plan.domains.view(old_roots), new_plan.domains.view(new_roots)
        for qid in qids:
            if qid not in answered and old_view.signature(qid, old_day) != new_view.signature(qid, new_day):
                apart.add(qid)
    return frozenset(apart)
