"""Near-miss shapes: which compiled comparisons can tell a failure as "missed by so much".

`name < limit` (either way round) or a range `low <= name <= high`, where the limits do not depend
on `name` and `name` is a number.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Any, Callable

from desktop.engine.expr.kinds import QUESTION_KINDS

_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}
_OP_TEXT = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}


@dataclass(frozen=True)
class NearMissSpec:
    """A leaf of the form `name <op> limit`, with `name` on the left after normalising."""

    name: str
    op: str
    limit: Callable[[Any], Any]


def near_miss_shape(tree: ast.AST) -> tuple[tuple[str, str, ast.expr], ...]:
    """The limits a failure of `tree` can be measured against, as (name, op, limit), read from the
    name's side: `name < limit` either way round, or both ends of `low <= name <= high`; () for
    any other shape. The one reading of the shape, for the Python engine and the SQL compiler."""
    if not isinstance(tree, ast.Compare) or not all(type(op) in _OP_TEXT for op in tree.ops):
        return ()
    operands = [tree.left, *tree.comparators]
    if len(tree.ops) == 1:
        left, right = operands
        op = _OP_TEXT[type(tree.ops[0])]
        if isinstance(left, ast.Name) and left.id != "today":
            return ((left.id, op, right),)
        if isinstance(right, ast.Name) and right.id != "today":
            return ((right.id, _FLIP[op], left),)
        return ()
    if len(tree.ops) == 2 and isinstance(operands[1], ast.Name) and operands[1].id != "today":
        name = operands[1].id
        return ((name, _FLIP[_OP_TEXT[type(tree.ops[0])]], operands[0]),
                (name, _OP_TEXT[type(tree.ops[1])], operands[2]))
    return ()


def near_miss_spec(tree: ast.expr, built: dict, names) -> tuple[NearMissSpec, ...]:
    """`built` maps id(node) to what the builder made of it; `names` is the expression's Names."""
    specs = tuple(_spec(name, op, limit, built, names) for name, op, limit in near_miss_shape(tree))
    return specs if specs and all(specs) else ()


def _spec(name: str, op: str, other: ast.expr, built: dict, names) -> NearMissSpec | None:
    other_built = built[id(other)]
    if name in other_built.names or other_built.kind not in ("number", "any"):
        return None
    kind = names.questions[name].type if name in names.questions else None
    if kind is not None and QUESTION_KINDS.get(kind) != "number":
        return None
    if kind is None and names.definitions.get(name, "any") not in ("number", "any"):
        return None
    return NearMissSpec(name, op, other_built.fn)
