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


def near_miss_spec(tree: ast.expr, built: dict, names) -> tuple[NearMissSpec, ...]:
    """`built` maps id(node) to what the builder made of it; `names` is the expression's Names."""
    if not isinstance(tree, ast.Compare) or not all(type(op) in _OP_TEXT for op in tree.ops):
        return ()
    operands = [tree.left, *tree.comparators]
    if len(tree.ops) == 1:
        left, right = operands
        op = _OP_TEXT[type(tree.ops[0])]
        if isinstance(left, ast.Name) and left.id != "today":
            spec = _spec(left.id, op, right, built, names)
        elif isinstance(right, ast.Name) and right.id != "today":
            spec = _spec(right.id, _FLIP[op], left, built, names)
        else:
            spec = None
        return (spec,) if spec else ()
    if len(tree.ops) == 2 and isinstance(operands[1], ast.Name) and operands[1].id != "today":
        name = operands[1].id
        low = _spec(name, _FLIP[_OP_TEXT[type(tree.ops[0])]], operands[0], built, names)
        high = _spec(name, _OP_TEXT[type(tree.ops[1])], operands[2], built, names)
        return (low, high) if low and high else ()
    return ()


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
