"""SQL spelling of names and constants: quoted identifiers, escaped text, typed literals.

The compiled SQL is plain text for DuckDB's dialect; it is built from the rule files only, never
from applicants' answers, and every piece of rule text that reaches it passes through here.
"""

from __future__ import annotations

import datetime as dt

# Integers the compiled SQL keeps in BIGINT; a value or an intermediate result that may leave this
# range is not compiled (the reference engine evaluates it instead).
BIGINT_MIN = -(2**63)
BIGINT_MAX = 2**63 - 1
# Integers that a DOUBLE holds exactly: comparing or dividing beyond this would round.
EXACT_DOUBLE = 2**53

# Multiple-choice answers travel as text ';a;b;' ('' inside means none: ';'): one spelling that
# DuckDB, SQLite, PostgreSQL and Spark all search with the same position function.
LIST_SEP = ";"


def ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def date(value: dt.date) -> str:
    return f"DATE '{value.isoformat()}'"


def boolean(value: bool) -> str:
    return "TRUE" if value else "FALSE"


def number(value: int | float) -> str:
    if isinstance(value, bool):
        raise TypeError("a yes/no value is not a number")
    if isinstance(value, int):
        return f"CAST({value} AS BIGINT)"
    return f"CAST({value!r} AS DOUBLE)"


def encode_list(items) -> str:
    """The text a multiple-choice answer is stored as: ';a;b;' (';' for none)."""
    return LIST_SEP + "".join(f"{item}{LIST_SEP}" for item in items)
