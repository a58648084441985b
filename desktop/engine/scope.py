"""The values an expression reads during one evaluation: answers, definitions, and `today`.

A dict whose missing keys are filled on first use, so every definition is computed at most once
per evaluation (memoised) and a question's "I don't know" (None) or absence reads as UNKNOWN.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from desktop.engine.expr.tri import UNKNOWN


class Scope(dict):
    __slots__ = ("answers", "definitions")

    def __init__(self, answers: Mapping[str, Any], definitions: Mapping[str, Any], today: dt.date):
        super().__init__()
        self.answers = answers
        self.definitions = definitions  # id -> compiled Expr
        self["today"] = today

    def __missing__(self, name: str) -> Any:
        expr = self.definitions.get(name)
        if expr is not None:
            self[name] = UNKNOWN  # a guard; cycles are refused at load
            value = expr(self)
        else:
            value = self.answers.get(name)
            if value is None:
                value = UNKNOWN
        self[name] = value
        return value
