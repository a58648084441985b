"""Checking one answer against its question: the right type, in range, one of the options.

The wizard, profile files and the command line all go through coerce_answer(), so "1,230억" in a
profile, a typed-in number in the app and a JSON value are held to the same rules.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from desktop.engine.amounts import format_amount
from desktop.engine.model import Question, RulePack, Text
from desktop.engine.problem import Problem
from desktop.engine.suggest import did_you_mean, did_you_mean_ko
from desktop.engine.typed_input import InputError, read_amount, read_date, read_industry

MAX_TEXT = 2000

_TRUE = {"true", "yes", "y", "예", "네", "o", "1"}
_FALSE = {"false", "no", "n", "아니요", "아니오", "x", "0"}


class AnswerError(Problem, ValueError):
    """An answer that does not fit its question. `message` is a Text (ko/en)."""

    def __init__(self, message: Text, question_id: str | None):
        self.question_id = question_id
        super().__init__(message)


def _err(qid: str, ko: str, en: str) -> AnswerError:
    return AnswerError(Text(ko, en), qid)


def coerce_answer(pack: RulePack, question_id: str, raw: Any) -> Any:
    """The stored value for `raw` (None stays None: "I don't know"). Raises AnswerError."""
    q = pack.questions.get(question_id)
    if q is None:
        hint, hint_ko = did_you_mean(question_id, pack.questions), did_you_mean_ko(question_id, pack.questions)
        raise _err(question_id, f"알 수 없는 질문 '{question_id}'{hint_ko}", f"unknown question '{question_id}'{hint}")
    if raw is None:
        return None
    return _COERCE[q.type](pack, q, raw)


def _bool(pack, q: Question, raw):
    if raw is True or raw is False:
        return raw
    if isinstance(raw, str) and raw.strip().lower() in _TRUE:
        return True
    if isinstance(raw, str) and raw.strip().lower() in _FALSE:
        return False
    raise _err(q.id, f"예/아니요로 답해 주세요 (입력: {raw!r})", f"expected yes or no, got {raw!r}")


def _check_range(q: Question, value: int, shown) -> int:
    if q.min is not None and value < q.min:
        raise _err(
            q.id,
            f"{shown(value)}: 최솟값 {shown(q.min)}보다 작습니다",
            f"{shown(value, 'en')} is below the minimum {shown(q.min, 'en')}",
        )
    if q.max is not None and value > q.max:
        raise _err(
            q.id,
            f"{shown(value)}: 최댓값 {shown(q.max)}보다 큽니다",
            f"{shown(value, 'en')} is above the maximum {shown(q.max, 'en')}",
        )
    return value


def _plain_number(value, lang="ko"):
    return f"{value:,}" if isinstance(value, int) else f"{value:,g}"


def _int(pack, q: Question, raw):
    value = None
    if isinstance(raw, bool):
        value = None
    elif isinstance(raw, int):
        value = raw
    elif isinstance(raw, float) and raw.is_integer():
        value = int(raw)
    elif isinstance(raw, str) and re.fullmatch(r"\s*-?[\d,]+\s*", raw):
        value = int(raw.replace(",", ""))
    if value is None:
        raise _err(q.id, f"정수를 입력해 주세요 (입력: {raw!r})", f"expected a whole number, got {raw!r}")
    return _check_range(q, value, _plain_number)


def _amount(pack, q: Question, raw):
    try:
        value = read_amount(raw)
    except InputError as err:
        raise AnswerError(err.message, q.id) from None
    return _check_range(q, value, format_amount)


def _date(pack, q: Question, raw):
    try:
        return read_date(raw)
    except InputError as err:
        raise AnswerError(err.message, q.id) from None


def _option(q: Question, raw) -> str:
    values = [o.value for o in q.options]
    if isinstance(raw, str) and raw in values:
        return raw
    hint, hint_ko = did_you_mean(raw, values), did_you_mean_ko(raw, values)
    listed = ", ".join(values)
    raise _err(
        q.id,
        f"선택지에 없는 값 {raw!r}{hint_ko}; 가능한 값: {listed}",
        f"{raw!r} is not one of the options{hint}; options: {listed}",
    )


def _choice(pack, q: Question, raw):
    return _option(q, raw)


def _multi(pack, q: Question, raw):
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, (list, tuple)):
        raise _err(q.id, f"목록으로 답해 주세요 (입력: {raw!r})", f"expected a list of options, got {raw!r}")
    return tuple(dict.fromkeys(_option(q, item) for item in raw))


def _text(pack, q: Question, raw):
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        raise _err(q.id, f"글자로 답해 주세요 (입력: {raw!r})", f"expected text, got {raw!r}")
    text = str(raw).strip()
    if len(text) > MAX_TEXT:
        raise _err(q.id, f"{MAX_TEXT}자 이하로 입력해 주세요", f"the text is longer than {MAX_TEXT} characters")
    return text


def _industry(pack, q: Question, raw):
    try:
        return read_industry(raw, pack.industries)
    except InputError as err:
        raise AnswerError(err.message, q.id) from None


_COERCE = {
    "bool": _bool,
    "int": _int,
    "amount": _amount,
    "date": _date,
    "choice": _choice,
    "multi": _multi,
    "text": _text,
    "industry": _industry,
}
