"""The entry point of the rule language: text in, a compiled, checked expression out.

Reading (`parse`), static kinds (`kinds`), folding (`fold`), closure building (`build`, `calls`),
the runtime operators (`runtime`, `tri`) and near-miss shapes (`nearmiss`) each have their module;
this one joins them and defines what a compiled expression is.
"""

from __future__ import annotations

from typing import Any

from desktop.engine.expr.build import Builder
from desktop.engine.expr.errors import ExprError
from desktop.engine.expr.kinds import QUESTION_KINDS, Names
from desktop.engine.expr.nearmiss import NearMissSpec, near_miss_spec
from desktop.engine.expr.parse import parse
from desktop.engine.expr.tri import UNKNOWN

__all__ = ["Expr", "Names", "NearMissSpec", "QUESTION_KINDS", "build_expr"]


class Expr:
    """A compiled expression: call it with a scope to get True / False / a value / UNKNOWN."""

    __slots__ = ("text", "fn", "names", "uses_today", "kind", "near", "tables", "tree")

    def __init__(self, text, fn, names, uses_today, kind, near, tables, tree=None):
        self.text = text
        self.fn = fn
        self.names = names  # frozenset of question and definition ids read directly
        self.uses_today = uses_today
        self.kind = kind
        self.near = near  # tuple of NearMissSpec: the limits a failure can be measured against
        self.tables = tables  # frozenset of table ids used
        self.tree = tree  # the checked ast (for other compilers, coverage and mutation)

    def __call__(self, scope) -> Any:
        try:
            return self.fn(scope)
        except Exception:  # a bad answer of an unexpected shape is unknown, never a crash
            return UNKNOWN

    def __repr__(self) -> str:
        return f"Expr({self.text!r})"


def build_expr(text: object, names: Names) -> Expr:
    """Parse, check and build one expression. Raises ExprError with a column."""
    tree, body = parse(text)
    builder = Builder(body, names, len(str(text)) - len(str(text).lstrip()))
    try:
        built = builder.build(tree)
    except ExprError as err:
        raise ExprError.of(builder.errors + [err]) from None
    if builder.errors:
        raise ExprError.of(builder.errors)
    near = near_miss_spec(tree, builder.built, names)
    return Expr(body, built.fn, built.names, built.today, built.kind, near, built.tables, tree)
