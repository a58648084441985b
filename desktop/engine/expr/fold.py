"""Folding: a part of an expression that reads no names is computed once, at load.

A part that can never have a value (wrong types, division by zero) is a mistake in the rule file
and is reported as one, with its column, instead of being unknown for every applicant.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from desktop.engine.expr import size
from desktop.engine.expr.tri import UNKNOWN, kind_of

NOCONST = object()  # "not a constant" (None and False are constants)


@dataclass
class Built:
    """What building one node gives: its closure, static kind, the names and tables it reads,
    whether it reads today, its value when it is a constant, and the largest whole number it
    can give (`size`; 0: never a whole number)."""

    fn: Callable[[Any], Any]
    kind: str
    names: frozenset
    today: bool
    const: Any = NOCONST
    tables: frozenset = frozenset()
    bound: int = 0


def const_fn(value):
    return lambda scope: value


def constant(value) -> Built:
    kind = kind_of(value)
    return Built(const_fn(value), kind if kind != "other" else "any", frozenset(), False, value,
                 bound=size.of_value(value))


def merge(*parts: Built) -> tuple[frozenset, bool, frozenset]:
    names: frozenset = frozenset().union(*[p.names for p in parts])
    today = any([p.today for p in parts])
    tables: frozenset = frozenset().union(*[p.tables for p in parts])
    return names, today, tables


def fold(built: Built) -> Built | None:
    """`built` itself when it depends on the applicant or is a constant already; its folded
    constant otherwise; None when it can never have a value."""
    if built.names or built.today or built.const is not NOCONST:
        return built
    try:
        value = built.fn(None)
    except Exception:
        value = UNKNOWN
    if value is UNKNOWN:
        return None
    return constant(value)
