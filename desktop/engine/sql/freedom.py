"""When three-valued SQL is already exact for a criterion it leaves unknown, row by row.

Three-valued logic is exact when the unknown parts are independent and each can still go either
way. This module recognises, for one criterion, the rows where that is sure: exactly one question
it reads is unknown, that question occurs once (definitions expanded), in a comparison that an
answer inside the question's own range can make true and can make false, and everything else the
criterion reads is known. Each shape is checked against the question:

- a yes/no question, alone or under and / or / not;
- a choice compared with options (`==`, `!=`, `in`, `not in`) that some options meet and some do not;
- `has` / `has_any` of a multiple-choice question and a non-empty list of its options;
- a whole number or amount compared (`<`, `<=`, `>`, `>=`, or a range) with a known value that
  lies inside the question's `min`..`max` so that both sides can be reached.

Anything else unknown (an unknown industry behind a look-up, a date) is left to the reference
engine. So is a criterion on the way to an undetermined outcome whose unknown question is not put
to this applicant now (outside its audience, or its `applies_if` not known to hold): whether it
counts as deciding is the reference engine's to say.
"""

from __future__ import annotations

import ast
import math
from dataclasses import dataclass, field
from typing import Any, Mapping

from desktop.engine.sql import literals as lit
from desktop.engine.sql.expr import Compiler, NotCompilable

_FLIP = {ast.Lt: ast.Gt, ast.LtE: ast.GtE, ast.Gt: ast.Lt, ast.GtE: ast.LtE}
_ORDER = tuple(_FLIP)


@dataclass(frozen=True)
class Names:
    """Definitions as parsed trees (expanded here) and their kinds; the questions."""

    questions: Mapping[str, Any]
    definition_trees: Mapping[str, ast.AST]
    definition_kinds: Mapping[str, str]
    units: Mapping[str, str | None] = field(default_factory=dict)  # name -> a near miss's unit (plan.unit_of)


def questions_in(node: ast.AST, names: Names, _seen=None) -> dict[str, int]:
    """Every question the expression reads, definitions expanded, with how often it occurs."""
    found: dict[str, int] = {}
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name):
            if sub.id in names.definition_trees:
                for q, n in questions_in(names.definition_trees[sub.id], names).items():
                    found[q] = found.get(q, 0) + n
            elif sub.id in names.questions:
                found[sub.id] = found.get(sub.id, 0) + 1
    return found


def atoms(node: ast.AST, names: Names) -> list[ast.AST]:
    """The parts joined by and / or / not, yes/no definitions opened up."""
    if isinstance(node, ast.BoolOp):
        return [a for v in node.values for a in atoms(v, names)]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return atoms(node.operand, names)
    if isinstance(node, ast.Name) and names.definition_kinds.get(node.id) == "bool":
        return atoms(names.definition_trees[node.id], names)
    return [node]


def asked(q, compiler: Compiler) -> str:
    """SQL: the question is put to this applicant now (its audience, and `applies_if` true)."""
    audience = ", ".join(lit.text(a) for a in q.audience)
    out = f"{lit.ident('applicant_type')} IN ({audience})"
    if q.applies_if is not None:
        from desktop.engine.expr.parse import parse

        tree, _ = parse(q.applies_if.text)
        out += f" AND COALESCE({compiler.boolean(tree)}, FALSE)"
    return out


def askable(questions, names: Names, compiler: Compiler) -> str:
    """SQL: every unknown question among these is put to this applicant now, so the reference
    engine names it as deciding exactly when three-valued logic does."""
    terms = []
    for qid in questions:
        try:
            terms.append(f"({lit.ident(qid)} IS NOT NULL OR ({asked(names.questions[qid], compiler)}))")
        except NotCompilable:
            return "FALSE"
    return "(" + " AND ".join(terms) + ")" if terms else "TRUE"


def free_when(leaf: ast.AST, names: Names, compiler: Compiler) -> str:
    """SQL, true on the rows where this criterion, if unknown, is unknown exactly: its unknown
    parts are independent (no unknown question occurs twice, definitions expanded) and each could
    still come out either way (see the module's docstring)."""
    counts = questions_in(leaf, names)
    terms = [f"{lit.ident(q)} IS NOT NULL" for q, n in counts.items() if n > 1]
    try:
        for atom in atoms(leaf, names):
            value = compiler.value(atom)
            if value.is_const:
                continue
            free = _atom_free(atom, names, compiler)
            if free == "FALSE":
                terms.append(f"{value.sql} IS NOT NULL")
            elif free != "TRUE":
                terms.append(f"({value.sql} IS NOT NULL OR {free})")
    except NotCompilable:
        return "FALSE"
    return "(" + " AND ".join(terms) + ")" if terms else "TRUE"


def matters_when(leaf: ast.AST, qid: str, names: Names, compiler: Compiler) -> str:
    """SQL, for a row where `qid` is unknown and the criterion is unknown exactly (free_when):
    some answer to `qid` can change the criterion — every part between the criterion and the part
    reading `qid` is itself unknown. A known part on the way (`sme_size_met or grace` with the
    grace answered yes) holds whatever `qid` is, as the reference engine's exact search finds."""
    # the first test is the criterion's own (or its inside's, under a `not`): known to hold here
    paths = [p[1:] for p in _paths_to(leaf, qid, names, compiler, [])]
    if not paths:
        return "FALSE"
    terms = ["(" + " AND ".join(p) + ")" if p else "TRUE" for p in paths]
    return "(" + " OR ".join(terms) + ")"


def _paths_to(node: ast.AST, qid: str, names: Names, compiler: Compiler, above: list):
    """For each part reading `qid`, the SQL tests that the parts above it (and it) are unknown."""
    if isinstance(node, ast.BoolOp):
        here = above + [f"({compiler.boolean(node)}) IS NULL"]
        for v in node.values:
            yield from _paths_to(v, qid, names, compiler, here)
        return
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        yield from _paths_to(node.operand, qid, names, compiler, above)  # unknown with its inside
        return
    if isinstance(node, ast.Name) and names.definition_kinds.get(node.id) == "bool":
        here = above + [f"{lit.ident(node.id)} IS NULL"]
        yield from _paths_to(names.definition_trees[node.id], qid, names, compiler, here)
        return
    if qid in questions_in(node, names):
        yield above + [f"({compiler.value(node).sql}) IS NULL"]


def _atom_free(atom: ast.AST, names: Names, compiler: Compiler) -> str:
    """SQL, true where this unknown part could still be met and could still fail."""
    if isinstance(atom, ast.Name):
        q = names.questions.get(atom.id)
        return "TRUE" if q is not None and q.type == "bool" else "FALSE"
    if isinstance(atom, ast.Call) and isinstance(atom.func, ast.Name) and atom.args:
        first = atom.args[0]
        q = names.questions.get(first.id) if isinstance(first, ast.Name) else None
        return _has_shape(atom, q) or "FALSE" if q is not None and q.type == "multi" else "FALSE"
    if not isinstance(atom, ast.Compare):
        return "FALSE"
    operands = [atom.left, *atom.comparators]
    for side in operands:
        q = _subject(side, names, compiler)
        if q is None:
            continue
        if q.type == "choice":
            found = _choice_shape(atom.ops[0], operands, q) if len(atom.ops) == 1 else None
        elif q.type in ("int", "amount"):
            found = _reachable_both(atom, q, compiler)
        else:
            found = None
        if found is None:
            return "FALSE"
        if isinstance(q, _Derived):
            # Unknown because its question is: not a look-up that found nothing for a known key.
            return f"({lit.ident(q.key)} IS NULL AND {found})"
        return found
    return "FALSE"


@dataclass(frozen=True)
class _Derived:
    """A definition that stands for one question's answer, seen as a question of its own: the
    years or days since a date (every whole number in a range), or a text look-up (its values)."""

    id: str
    type: str
    key: str
    min: int | None = None
    max: int | None = None
    options: tuple = ()


@dataclass(frozen=True)
class _Option:
    value: str


def _subject(node: ast.AST, names: Names, compiler: Compiler):
    if not isinstance(node, ast.Name):
        return None
    q = names.questions.get(node.id)
    if q is not None:
        return q
    v = compiler.scope.definitions.get(node.id)
    if v is None or v.key is None:
        return None
    if v.dense:
        return _Derived(node.id, "int", v.key, v.lo, v.hi)
    if v.texts:
        return _Derived(node.id, "choice", v.key, options=tuple(_Option(t) for t in sorted(v.texts)))
    return None


def _reachable_both(atom: ast.AST, q, compiler: Compiler) -> str | None:
    """SQL: some answer to `q` makes the atom true and some makes it false; None: not a shape
    this module knows (the row then goes to the reference engine)."""
    if isinstance(atom, ast.Name) and atom.id == q.id:
        return "TRUE" if q.type == "bool" else None
    if isinstance(atom, ast.Call) and isinstance(atom.func, ast.Name) and q.type == "multi":
        return _has_shape(atom, q)
    if not isinstance(atom, ast.Compare):
        return None
    operands = [atom.left, *atom.comparators]
    if q.type == "choice" and len(atom.ops) == 1:
        return _choice_shape(atom.ops[0], operands, q)
    if q.type not in ("int", "amount"):
        return None
    if not all(type(op) in _ORDER for op in atom.ops):
        return None
    position = [i for i, o in enumerate(operands) if isinstance(o, ast.Name) and o.id == q.id]
    if len(position) != 1:
        return None
    i = position[0]
    # Bounds the answer must keep to: (op, other side) with the question on the left.
    limits = []
    if i > 0:
        limits.append((_FLIP[type(atom.ops[i - 1])], operands[i - 1]))
    if i < len(operands) - 1:
        limits.append((type(atom.ops[i]), operands[i + 1]))
    if len(operands) > 3 or (len(operands) == 3 and i != 1):
        return None  # chains beyond a range, or a range not around the question
    lo = -math.inf if q.min is None else q.min
    hi = math.inf if q.max is None else q.max
    if len(limits) == 1:
        op, other = limits[0]
        e = compiler.value(other)
        if e.kind != "number":
            return None
        known_limit = _one_sided(op, e, lo, hi)
        if e.key is None or e.key == q.id:
            return known_limit
        return f"({known_limit} OR {_unknown_limit(op, e, q, lo, hi)})"
    # A range `a op q op b` with constant ends: decided here, once.
    ends = []
    for op, other in limits:
        if not isinstance(other, ast.Constant) or isinstance(other.value, bool):
            return None
        ends.append((op, other.value))
    low, high = lo, hi  # the answers inside the range: [low, high] over whole numbers
    for op, value in ends:
        if op is ast.Gt:
            low = max(low, math.floor(value) + 1)
        elif op is ast.GtE:
            low = max(low, math.ceil(value))
        elif op is ast.Lt:
            high = min(high, math.ceil(value) - 1)
        else:
            high = min(high, math.floor(value))
    can_meet = low <= high
    can_fail = lo < low or high < hi
    return "TRUE" if can_meet and can_fail else None


def _unknown_limit(op, e, q, lo, hi) -> str:
    """`q op e` where e is a look-up whose key is unknown: some answer gives e's smallest value
    and some its largest, so the comparison can go both ways when q (answered or not) lies
    between them."""
    key = lit.ident(e.key)
    x = lit.ident(q.id)
    # (true for some limit, false for some limit) with q's value v: for <=, v <= hi / v > lo.
    meet, fail = {
        ast.LtE: ("<=", e.hi, ">", e.lo),
        ast.Lt: ("<", e.hi, ">=", e.lo),
        ast.GtE: (">=", e.lo, "<", e.hi),
        ast.Gt: (">", e.lo, "<=", e.hi),
    }[op][0:2], {
        ast.LtE: (">", e.lo),
        ast.Lt: (">=", e.lo),
        ast.GtE: ("<", e.hi),
        ast.Gt: ("<=", e.hi),
    }[op]
    answered = f"({x} {meet[0]} {lit.number(meet[1])} AND {x} {fail[0]} {lit.number(fail[1])})"
    # Unanswered: the smallest answer against the largest limit, the largest against the smallest.
    low, high = lo, hi
    ok_meet = {ast.LtE: low <= e.hi, ast.Lt: low < e.hi, ast.GtE: high >= e.lo, ast.Gt: high > e.lo}[op]
    ok_fail = {ast.LtE: high > e.lo, ast.Lt: high >= e.lo, ast.GtE: low < e.hi, ast.Gt: low <= e.hi}[op]
    unanswered = "TRUE" if ok_meet and ok_fail else "FALSE"
    return (
        f"({key} IS NULL AND CASE WHEN {x} IS NULL THEN {unanswered} ELSE {answered} END)"
    )


def _one_sided(op, e, lo, hi) -> str:
    """Whole-number answers in [lo, hi] on both sides of `q op e` (e known on the row)."""
    x = e.sql
    if op is ast.LtE:
        meet, fail = (lo, "<=", x), (hi, ">", x)
    elif op is ast.Lt:
        meet, fail = (lo, "<", x), (hi, ">=", x)
    elif op is ast.GtE:
        meet, fail = (hi, ">=", x), (lo, "<", x)
    else:
        meet, fail = (hi, ">", x), (lo, "<=", x)
    terms = [f"{x} IS NOT NULL"]
    for bound, word, other in (meet, fail):
        if math.isinf(bound):
            continue  # unbounded on that side: always reachable
        if not e.integer:
            terms.append(f"{lit.number(float(bound))} {word} {other}")
        else:
            terms.append(f"{lit.number(int(bound))} {word} {other}")
    return "(" + " AND ".join(terms) + ")"


def _choice_shape(op, operands, q) -> str | None:
    a, b = operands
    values = [o.value for o in q.options]
    if isinstance(op, (ast.Eq, ast.NotEq)):
        other = b if isinstance(a, ast.Name) and a.id == q.id else a
        if not (isinstance(other, ast.Constant) and isinstance(other.value, str)):
            return None
        chosen = {other.value}
    elif isinstance(op, (ast.In, ast.NotIn)) and isinstance(a, ast.Name) and a.id == q.id:
        if not isinstance(b, ast.List) or not all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in b.elts
        ):
            return None
        chosen = {e.value for e in b.elts}
    else:
        return None
    inside = chosen & set(values)
    return "TRUE" if inside and set(values) - chosen else None


def _has_shape(call: ast.Call, q) -> str | None:
    name = call.func.id
    if name not in ("has", "has_any") or not call.args:
        return None
    first = call.args[0]
    if not (isinstance(first, ast.Name) and first.id == q.id):
        return None
    values = {o.value for o in q.options}
    second = call.args[1]
    if name == "has":
        wanted = [second]
    elif isinstance(second, ast.List):
        wanted = second.elts
    else:
        return None
    if not wanted or not all(isinstance(e, ast.Constant) and e.value in values for e in wanted):
        return None
    return "TRUE"  # no option chosen fails it; choosing one of them meets it
