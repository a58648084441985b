"""One spreadsheet cell as an answer: what the spreadsheet conventions mean, before the engine checks.

The conventions of the client-list format, and only those, live here: an empty cell is not
answered; `모름`, `unknown` (and the like) mean "I don't know"; `;` separates several choices;
`없음`/`none` in a multiple-choice cell means none of them; an option may be written as its value
or as its Korean or English label; a number cell holding a whole number is that whole number.
Whether the value fits its question (the type, the range, the options, how an amount or a date is
written) is decided by the engine's `coerce_answer`, exactly as for the wizard and profile files.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

from desktop.engine import coerce_answer
from desktop.engine.model import Question, RulePack

#: Cell texts that mean "I don't know" (compared after case folding and trimming).
UNKNOWN_WORDS = frozenset({"모름", "모르겠음", "unknown", "i don't know", "don't know", "dont know",
                           "?"})
#: In a multiple-choice cell: none of the options (a known answer, unlike "I don't know").
NONE_WORDS = frozenset({"없음", "해당 없음", "해당없음", "none", "none of these"})
MULTI_SEPARATOR = ";"


class DontKnow:
    """The cell says "I don't know" (the answer is None, but it is an answer)."""


DONT_KNOW = DontKnow()


def is_blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def cell_text(cell: Any) -> str:
    """A cell as the user would read it: '12', not '12.0'; dates as YYYY-MM-DD."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat(sep=" ")
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return str(cell).strip()


def _folded(text: str) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.casefold().split())


# question id -> (the question, folded value or label -> option value); rule packs are immutable
_OPTIONS: dict[str, tuple[Question, dict[str, str]]] = {}


def _options(question: Question) -> dict[str, str]:
    cached = _OPTIONS.get(question.id)
    if cached is None or cached[0] is not question:
        found: dict[str, str] = {}
        for option in question.options:
            for text in (option.value, option.label.ko, option.label.en):
                found.setdefault(_folded(text), option.value)
        cached = _OPTIONS[question.id] = (question, found)
    return cached[1]


def _option_value(question: Question, text: str) -> str:
    """The option value written as itself or as one of its labels; else the text unchanged (the
    engine then says it is not an option, with a suggestion)."""
    return _options(question).get(_folded(text), text)


def raw_value(question: Question, cell: Any) -> Any:
    """The raw answer a cell gives for `question`, to hand to coerce_answer; DONT_KNOW for
    "I don't know". The caller has already skipped blank cells."""
    if isinstance(cell, str):
        text = cell.strip()
        if _folded(text) in UNKNOWN_WORDS:
            return DONT_KNOW
    elif isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    t = question.type
    if t == "multi":
        if not isinstance(cell, str):
            return cell_text(cell)
        if _folded(text) in NONE_WORDS:
            return []
        return [_option_value(question, part.strip())
                for part in text.split(MULTI_SEPARATOR) if part.strip()]
    if t == "choice":
        return _option_value(question, text) if isinstance(cell, str) else cell_text(cell)
    if t == "bool":
        if isinstance(cell, int) and not isinstance(cell, bool) and cell in (0, 1):
            return bool(cell)
        return text if isinstance(cell, str) else cell
    if t == "date":
        return cell if isinstance(cell, dt.date) else (text if isinstance(cell, str)
                                                       else cell_text(cell))
    if t in ("text", "industry"):
        return text if isinstance(cell, str) else cell_text(cell)
    return text if isinstance(cell, str) else cell


def cell_answer(pack: RulePack, question: Question, cell: Any) -> Any:
    """The checked answer (None = "I don't know"). Raises the engine's AnswerError."""
    raw = raw_value(question, cell)
    if raw is DONT_KNOW:
        return None
    return coerce_answer(pack, question.id, raw)
