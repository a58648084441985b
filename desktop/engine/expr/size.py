"""Sizes: how large a whole number each part of an expression can become, known at load.

Python's whole numbers have no upper limit, and the time an operation takes grows with the
number of digits: definitions that each square the one before double the digits at every step,
so eighteen of them take seconds for every applicant. Every part of an expression therefore gets
an upper bound on the whole numbers it can give (from the literals, the questions' `min`/`max`,
the tables' values and the definitions it reads), and a part whose bound passes `MAX_DIGITS`
digits is refused at load with its column. With every number below that size, each operation
costs about the same and an evaluation stays linear in the size of the rules.

Fractions (the result of `/`, or any arithmetic with one) have a fixed size in Python and are
not bounded here; a bound of 0 means "never a whole number" (text, dates, yes/no, fractions).
At evaluation, `runtime.arithmetic` gives unknown for a whole number past the limit, so a
value from outside the rules (a stored answer beyond its question's max) cannot grow either.
"""

from __future__ import annotations

import datetime as dt

MAX_DIGITS = 60
LIMIT = 10**MAX_DIGITS
ANSWER_BOUND = 10**40  # an int or amount question without max: answers have at most 40 digits
COUNT_BOUND = 10**4  # count() of a list that is neither written out nor a multi question

# What the functions that make numbers out of dates can give at most.
YEAR_BOUND = dt.date.max.year
DAYS_BOUND = (dt.date.max - dt.date.min).days
YEARS_BOUND = dt.date.max.year - dt.date.min.year


def of_value(value) -> int:
    """The bound of one constant: its size when it is a whole number (or a list of them)."""
    if type(value) is int:
        return abs(value)
    if isinstance(value, (tuple, list)):
        return max((of_value(v) for v in value), default=0)
    return 0


def of_question(question) -> int:
    """An int or amount question: the larger of its bounds, or the 40 digits answers may have."""
    if question.type not in ("int", "amount"):
        return 0
    low, high = getattr(question, "min", None), getattr(question, "max", None)
    if low is None or high is None:
        return ANSWER_BOUND
    return int(max(abs(low), abs(high)))


def of_table(table) -> int:
    values = list(table.entries.values())
    for versions in (getattr(table, "dated", None) or {}).values():
        values.extend(v.value for v in versions)
    if getattr(table, "default", None) is not None:
        values.append(table.default)
    return max((of_value(v) for v in values), default=0)


def digits(bound: int) -> int:
    return len(str(bound))


def too_large(bound: int) -> bool:
    return bound >= LIMIT


def fits(value) -> bool:
    """At evaluation: is this result small enough to go on with?"""
    return type(value) is not int or -LIMIT < value < LIMIT
