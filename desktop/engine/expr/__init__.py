"""The rule language: parse (a whitelist over Python's ast), build closures, three-valued logic."""

from desktop.engine.expr.compile import Expr, Names, NearMissSpec, build_expr
from desktop.engine.expr.errors import ExprError
from desktop.engine.expr.tri import UNKNOWN, is_unknown

__all__ = ["Expr", "ExprError", "Names", "NearMissSpec", "UNKNOWN", "build_expr", "is_unknown"]
