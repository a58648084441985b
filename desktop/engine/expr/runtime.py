"""What the operators do while an applicant is assessed: comparisons and arithmetic that answer
UNKNOWN, never raise, when an answer is missing or of a kind they cannot compare.

AND, OR and NOT are three-valued logic and live in `tri`.
"""

from __future__ import annotations

import ast
import operator

from desktop.engine.expr.size import fits
from desktop.engine.expr.tri import UNKNOWN, kind_of

NUM = frozenset((int, float))


def _same_kind(a, b) -> bool:
    if a is UNKNOWN or b is UNKNOWN:
        return False
    return kind_of(a) == kind_of(b)


def _ordered(py_op):
    def cmp(a, b):
        if type(a) in NUM and type(b) in NUM:
            return py_op(a, b)
        if not _same_kind(a, b) or kind_of(a) not in ("number", "date", "text"):
            return UNKNOWN
        try:
            return py_op(a, b)
        except TypeError:
            return UNKNOWN

    return cmp


def _eq(a, b):
    if a is UNKNOWN or b is UNKNOWN:
        return UNKNOWN
    if type(a) is type(b) or _same_kind(a, b):
        return a == b
    return UNKNOWN


def _ne(a, b):
    r = _eq(a, b)
    return r if r is UNKNOWN else not r


def _in(a, b):
    if b is UNKNOWN:
        return UNKNOWN
    if isinstance(b, tuple):
        if a is UNKNOWN:
            return False if not b else UNKNOWN
        if a in b:
            return True
        return UNKNOWN if UNKNOWN in b else False
    if isinstance(b, str):
        if a is UNKNOWN:
            return UNKNOWN
        return a in b if isinstance(a, str) else UNKNOWN
    return UNKNOWN


def _not_in(a, b):
    r = _in(a, b)
    return r if r is UNKNOWN else not r


COMPARE = {
    ast.Eq: _eq,
    ast.NotEq: _ne,
    ast.Lt: _ordered(operator.lt),
    ast.LtE: _ordered(operator.le),
    ast.Gt: _ordered(operator.gt),
    ast.GtE: _ordered(operator.ge),
    ast.In: _in,
    ast.NotIn: _not_in,
}

ARITHMETIC = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
}

OP_WORDS = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.USub: "-",
    ast.UAdd: "+",
}


def arithmetic(op, lf, rf):
    """The closure for `left <op> right`: numbers only; division by zero, and a number past the
    size every rule's numbers are kept to (`size`), are unknown."""

    def fn(s):
        a = lf(s)
        b = rf(s)
        if type(a) not in NUM or type(b) not in NUM or not (fits(a) and fits(b)):
            return UNKNOWN
        try:
            return op(a, b)
        except (ZeroDivisionError, OverflowError):
            return UNKNOWN

    return fn
