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

Pure: packs in, ids out. Anything not understood counts as changed, never as the same.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.engine.dated import in_force
from desktop.engine.model import Group, Program, RulePack


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
    names: set[str] = set()
    tables: set[str] = set()
    today = [False]
    tree = _node(program.eligibility, names, tables, today)
    exclusions = tuple(_node(c, names, tables, today) for c in program.exclusions)
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
                exprs = [v.expr for v in d.versions]
            else:
                definitions[name] = d.source
                exprs = [d.expr]
            for e in exprs:
                todo.extend(e.names)
                tables.update(e.tables)
                today[0] = today[0] or bool(e.uses_today)
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
            continue
        questions[name] = None  # read from the answers as it is
    table_reads = []
    for tid in sorted(tables):
        t = pack.tables.get(tid)
        if t is None:
            return ("unknown", program.id, day)  # cannot tell: never the same as anything
        if t.dated:
            today[0] = True
        table_reads.append((tid, _table(t)))
    return (
        program.id,
        tuple(sorted(program.audience)),
        tree,
        exclusions,
        tuple(sorted(definitions.items())),
        tuple(sorted(questions.items(), key=lambda kv: kv[0])),
        tuple(table_reads),
        day if today[0] else None,
    )


def same_outcome_programs(old_pack: RulePack, old_day: dt.date, new_pack: RulePack,
                          new_day: dt.date) -> frozenset[str]:
    """Ids of the programs whose outcome, failed criteria and open questions are, for any
    answers, the same under `new_pack` on `new_day` as under `old_pack` on `old_day`."""
    old_cut, new_cut = in_force(old_pack, old_day), in_force(new_pack, new_day)
    same = set()
    for pid, program in new_cut.programs.items():
        before = old_cut.programs.get(pid)
        if before is None:
            continue
        try:
            if reads_of(old_cut, before, old_day) == reads_of(new_cut, program, new_day):
                same.add(pid)
        except Exception:  # a shape this module does not know: assess it again
            continue
    return frozenset(same)
