"""The named functions a rule may call, and what each does with unknown arguments.

Each function gets already evaluated arguments. Unless a function says otherwise, an unknown
argument makes the result unknown, and a value of the wrong type (a bad answer) is unknown too: a
rule must never crash, nor guess.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Callable

from desktop.engine.expr.tri import UNKNOWN, is_number, kind_of

_ISO_DATE = r"\d{4}-\d{2}-\d{2}"


@dataclass(frozen=True)
class FunctionSpec:
    name: str
    min_args: int
    max_args: int | None
    impl: Callable[..., Any] | None  # None: built specially by the compiler (lookup, known)
    needs_today: bool = False
    help: str = ""

    def arity_text(self, lang: str = "en") -> str:
        if lang == "ko":
            if self.max_args == self.min_args:
                return f"{self.min_args}개"
            if self.max_args is None:
                return f"{self.min_args}개 이상"
            return f"{self.min_args}~{self.max_args}개"
        if self.max_args == self.min_args:
            return f"{self.min_args} argument{'s' if self.min_args != 1 else ''}"
        if self.max_args is None:
            return f"at least {self.min_args} argument{'s' if self.min_args != 1 else ''}"
        return f"{self.min_args} to {self.max_args} arguments"


def parse_date(value: Any) -> Any:
    """'YYYY-MM-DD' -> date; anything else -> UNKNOWN (callers at load turn that into an error)."""
    if isinstance(value, dt.date):
        return value if not isinstance(value, dt.datetime) else value.date()
    if isinstance(value, str) and re.fullmatch(_ISO_DATE, value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return UNKNOWN
    return UNKNOWN


def _date_arg(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return UNKNOWN


def whole_years(start: dt.date, end: dt.date) -> int:
    """Full years from start to end (a birthday-style count; negative when end is earlier)."""
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return years


def _fn_date(value):
    return parse_date(value)


def _fn_year(d):
    d = _date_arg(d)
    return UNKNOWN if d is UNKNOWN else d.year


def _fn_date_of(year, month, day):
    if not all(type(x) is int for x in (year, month, day)):
        return UNKNOWN
    try:
        return dt.date(year, month, day)
    except ValueError:
        return UNKNOWN


def _fn_years_between(a, b):
    a, b = _date_arg(a), _date_arg(b)
    if a is UNKNOWN or b is UNKNOWN:
        return UNKNOWN
    return whole_years(a, b)


def _fn_days_between(a, b):
    a, b = _date_arg(a), _date_arg(b)
    if a is UNKNOWN or b is UNKNOWN:
        return UNKNOWN
    return (b - a).days


def _fn_years_since(today, d):
    return _fn_years_between(d, today)


def _fn_days_since(today, d):
    return _fn_days_between(d, today)


def _extreme(pick):
    def fn(*args):
        if len(args) == 1 and kind_of(args[0]) == "list":
            args = tuple(args[0])
        if not args or any(a is UNKNOWN for a in args):
            return UNKNOWN
        kinds = {kind_of(a) for a in args}
        if kinds != {"number"} and kinds != {"date"}:
            return UNKNOWN
        return pick(args)

    return fn


def _fn_abs(x):
    return abs(x) if is_number(x) else UNKNOWN


def _fn_count(items):
    return len(items) if kind_of(items) == "list" else UNKNOWN


def _fn_has(items, value):
    if kind_of(items) != "list":
        return UNKNOWN
    if value in items:
        return True
    return UNKNOWN if UNKNOWN in items else False


def _fn_has_any(items, values):
    if kind_of(items) != "list" or kind_of(values) != "list":
        return UNKNOWN
    for v in values:
        if v is not UNKNOWN and v in items:
            return True
    return UNKNOWN if (UNKNOWN in items or UNKNOWN in values) else False


FUNCTIONS: dict[str, FunctionSpec] = {
    spec.name: spec
    for spec in (
        FunctionSpec("lookup", 2, 3, None,
                     help="lookup('table', key[, day]): the table's value for key, from the entries in force on day (default: today)"),
        FunctionSpec("known", 1, 1, None, help="known(x): True when x is answered"),
        FunctionSpec("date", 1, 1, _fn_date, help="date('2025-09-01')"),
        FunctionSpec("year", 1, 1, _fn_year, help="year(d): the year of a date, as a number"),
        FunctionSpec("date_of", 3, 3, _fn_date_of, help="date_of(year, month, day): the date (unknown if not a real day)"),
        FunctionSpec("years_since", 1, 1, _fn_years_since, needs_today=True),
        FunctionSpec("days_since", 1, 1, _fn_days_since, needs_today=True),
        FunctionSpec("years_between", 2, 2, _fn_years_between),
        FunctionSpec("days_between", 2, 2, _fn_days_between),
        FunctionSpec("min", 1, None, _extreme(min)),
        FunctionSpec("max", 1, None, _extreme(max)),
        FunctionSpec("abs", 1, 1, _fn_abs),
        FunctionSpec("count", 1, 1, _fn_count),
        FunctionSpec("has", 2, 2, _fn_has),
        FunctionSpec("has_any", 2, 2, _fn_has_any),
    )
}

# The static type each function returns, for checks at load ("any": depends on the arguments).
RETURN_KINDS = {
    "lookup": "any",
    "known": "bool",
    "date": "date",
    "year": "number",
    "date_of": "date",
    "years_since": "number",
    "days_since": "number",
    "years_between": "number",
    "days_between": "number",
    "min": "any",
    "max": "any",
    "abs": "number",
    "count": "number",
    "has": "bool",
    "has_any": "bool",
}
