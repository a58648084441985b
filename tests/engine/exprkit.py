"""A tiny question catalog for expression tests, so each test reads as `ev('a > 3', a=5)`."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace as NS

from desktop.engine.expr import Names, build_expr
from desktop.engine.scope import Scope

TODAY = dt.date(2026, 3, 2)

QUESTIONS = {
    "n": NS(type="int", options=()),
    "m": NS(type="amount", options=()),
    "b": NS(type="bool", options=()),
    "c": NS(type="bool", options=()),
    "d": NS(type="date", options=()),
    "e": NS(type="date", options=()),
    "s": NS(type="text", options=()),
    "ch": NS(type="choice", options=(NS(value="red"), NS(value="green"))),
    "tags": NS(type="multi", options=(NS(value="ai"), NS(value="smart"), NS(value="bio"))),
    "ind": NS(type="industry", options=()),
}

TABLES = {
    "ceiling": NS(match="prefix", entries={"C": 1, "C25": 2, "C2539": 3}, default=None),
    "exact": NS(match="exact", entries={"a": "x", "b": "y"}, default="z"),
}


def names(definitions=None) -> Names:
    return Names(QUESTIONS, definitions or {}, TABLES)


def build(text: str, definitions=None):
    return build_expr(text, names(definitions))


def ev(text: str, today: dt.date = TODAY, definitions=None, **answers):
    expr = build(text, {k: "any" for k in (definitions or {})})
    defs = {k: build(v) for k, v in (definitions or {}).items()}
    return expr(Scope(answers, defs, today))
