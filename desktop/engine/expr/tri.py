"""Three-valued logic: one UNKNOWN value stands for an unanswered or "I don't know" answer.

Rules must never guess. Every operator of the expression language goes through the helpers here so
that `False and unknown` is False, `True or unknown` is True and everything else that touches an
unknown stays unknown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any


class _Unknown:
    """The single unknown value. Falsy tests on it are a bug, so it refuses to be used as a bool."""

    __slots__ = ()
    _instance: "_Unknown | None" = None

    def __new__(cls) -> "_Unknown":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __bool__(self) -> bool:
        raise TypeError("UNKNOWN has no truth value; use the tri helpers")

    def __reduce__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()


def is_unknown(value: Any) -> bool:
    return value is UNKNOWN


def truth(value: Any) -> Any:
    """True / False / UNKNOWN for any value an expression can produce."""
    if value is UNKNOWN:
        return UNKNOWN
    if value is True or value is False:
        return value
    try:
        return bool(value)
    except Exception:  # a value without a truth value is unknown, never a crash
        return UNKNOWN


def tri_not(value: Any) -> Any:
    if value is True:
        return False
    if value is False:
        return True
    t = truth(value)
    return UNKNOWN if t is UNKNOWN else not t


def _fold(values, decisive: bool) -> Any:
    """Three-valued AND (decisive=False) or OR (decisive=True): one decisive value settles it and
    stops the iteration (a generator is read only as far as needed); otherwise any unknown makes
    the result unknown. The one implementation of AND and OR: the compiled expressions, the
    criteria trees and the comparison chains all fold through here."""
    result: Any = not decisive
    neutral = not decisive
    for v in values:
        if v is decisive:
            return decisive
        if v is neutral:
            continue
        t = truth(v)
        if t is decisive:
            return decisive
        if t is UNKNOWN:
            result = UNKNOWN
    return result


def tri_all(values) -> Any:
    """AND: any False decides, else any unknown is unknown, else True."""
    return _fold(values, False)


def tri_any(values) -> Any:
    """OR: any True decides, else any unknown is unknown, else False."""
    return _fold(values, True)


def kind_of(value: Any) -> str:
    """The language's own type of a value: for refusing to compare apples with dates."""
    if value is True or value is False:
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, (tuple, list, frozenset)):
        return "list"
    return "other"


def is_number(value: Any) -> bool:
    """Numbers are int and float, never bool (True + 1 is a mistake in a rule, not 2)."""
    t = type(value)
    return t is int or t is float
