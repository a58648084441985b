"""Answer values and timestamps to and from the text kept in the database.

An answer must come back exactly as it was given (see docs/architecture.md, "Answers"): a `bool`
stays a bool and not 1, a date stays a `datetime.date`, a multi answer stays a `tuple[str, ...]`,
and "I don't know" (`None`) stays distinct from "not answered" (no row at all). JSON alone would
turn dates into strings that look like text answers and tuples into lists, so each value is kept as
a JSON text plus a `kind` column that says how to read it back. The kind also makes the table easy
to read in any SQLite browser.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Literal

AnswerKind = Literal["unknown", "bool", "int", "date", "str", "multi"]
KINDS: tuple[AnswerKind, ...] = ("unknown", "bool", "int", "date", "str", "multi")


def encode_answer(value: Any) -> tuple[AnswerKind, str]:
    """(kind, json text) for an answer value; TypeError for a value no question type produces."""
    if value is None:
        return "unknown", "null"
    if isinstance(value, bool):  # before int: bool is an int subclass
        return "bool", json.dumps(value)
    if isinstance(value, int):
        return "int", json.dumps(value)
    if isinstance(value, dt.datetime):  # before date: datetime is a date subclass
        raise TypeError(f"an answer is a date, not a date and time: {value!r}")
    if isinstance(value, dt.date):
        return "date", json.dumps(value.isoformat())
    if isinstance(value, str):
        return "str", json.dumps(value, ensure_ascii=False)
    if isinstance(value, (tuple, list)):
        items = list(value)
        for item in items:
            if not isinstance(item, str):
                raise TypeError(f"a multi answer holds option values (str), got {item!r}")
        return "multi", json.dumps(items, ensure_ascii=False)
    raise TypeError(f"not an answer value: {value!r} ({type(value).__name__})")


def decode_answer(kind: str, text: str) -> Any:
    """The answer value that `encode_answer` turned into (kind, text).

    ValueError for a row that is not what `encode_answer` writes (edited or damaged outside
    Jiwon): bad JSON, an unknown kind, a value of another type, a date that does not exist.
    """
    data = json.loads(text)
    if kind == "unknown" and data is None:
        return None
    if kind == "bool" and isinstance(data, bool):
        return data
    if kind == "int" and isinstance(data, int) and not isinstance(data, bool):
        return data
    if kind == "date" and isinstance(data, str):
        return dt.date.fromisoformat(data)
    if kind == "str" and isinstance(data, str):
        return data
    if kind == "multi" and isinstance(data, list) and all(isinstance(i, str) for i in data):
        return tuple(data)
    if kind not in KINDS:
        raise ValueError(f"unknown answer kind in the database: {kind!r}")
    raise ValueError(f"a {kind} answer cannot be {text[:40]!r}")


def encode_answers(answers: dict[str, Any]) -> dict[str, list[str]]:
    """A whole answers dict as plain JSON data ({question id: [kind, json text]})."""
    return {qid: list(encode_answer(value)) for qid, value in answers.items()}


def decode_answers(data: dict[str, list[str]]) -> dict[str, Any]:
    return {qid: decode_answer(kind, text) for qid, (kind, text) in data.items()}


def timestamp(moment: dt.datetime) -> str:
    """An aware moment as ISO 8601 in UTC with microseconds: sortable as text."""
    if moment.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="microseconds")


def parse_timestamp(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)
