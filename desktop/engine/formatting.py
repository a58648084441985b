"""Answers, amounts and near misses as words, in Korean or English, for every view."""

from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from desktop.engine.amounts import format_amount
from desktop.engine.expr.tri import UNKNOWN
from desktop.engine.labels import DONT_KNOW, NO, YES
from desktop.engine.model import Industry, NearMiss, Question, RulePack, Text

# Final consonant of how each digit is read: decides 이/가, 을/를 after a number.
_DIGIT_HAS_FINAL = {"0": True, "1": True, "2": False, "3": True, "4": False, "5": False,
                    "6": True, "7": True, "8": True, "9": False}


def has_final_consonant(word: str) -> bool:
    """Whether Korean reads `word` ending in a consonant (for choosing 이/가, 을/를, 은/는)."""
    word = word.rstrip(" )%")
    if not word:
        return False
    last = word[-1]
    if "가" <= last <= "힣":
        return (ord(last) - 0xAC00) % 28 != 0
    if last in _DIGIT_HAS_FINAL:
        return _DIGIT_HAS_FINAL[last]
    return False


def josa(word: str, with_final: str, without_final: str) -> str:
    return word + (with_final if has_final_consonant(word) else without_final)


def _number(value: float) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


def format_number(value: float, unit: Text | None, lang: str) -> str:
    text = _number(value)
    if unit is None:
        return text
    if lang == "en":
        return f"{text} {unit.en}"
    return f"{text}{unit.ko}"


def format_value(
    question: Question, value: Any, lang: str = "ko", industries: Mapping[str, Industry] | None = None
) -> str:
    """An answer as a person reads it: option labels, 예/아니요, dates, amounts, 모름."""
    if value is None or value is UNKNOWN:
        return DONT_KNOW.get(lang)
    t = question.type
    if t == "bool" or isinstance(value, bool):
        return (YES if value else NO).get(lang)
    if t == "amount" and isinstance(value, (int, float)):
        return format_amount(value, lang)
    if t == "int" and isinstance(value, (int, float)):
        return format_number(value, question.unit, lang)
    if t == "date" and isinstance(value, dt.date):
        return value.isoformat()
    if t in ("choice", "multi"):
        labels = {o.value: o.label.get(lang) for o in question.options}
        items = value if isinstance(value, (list, tuple)) else (value,)
        if not items:
            return "없음" if lang == "ko" else "none"
        return ", ".join(labels.get(v, str(v)) for v in items)
    if t == "industry" and isinstance(value, str) and industries:
        ind = industries.get(value[:3])
        if ind is not None:
            return f"{value} {ind.label.get(lang)}"
    return str(value)


def _label(pack: RulePack, name: str, lang: str) -> str:
    q = pack.questions.get(name)
    if q is not None:
        return q.label.get(lang)
    d = pack.definitions.get(name)
    if d is not None:
        return d.label.get(lang)
    return name


def _unit_text(pack: RulePack, name: str) -> Text | None:
    q = pack.questions.get(name)
    if q is not None:
        return q.unit
    d = pack.definitions.get(name)
    return d.unit if d is not None else None


def format_near_miss(nm: NearMiss, pack: RulePack, lang: str = "ko") -> str:
    """'3년 평균 매출액 1,230억 원이 한도 1,200억 원을 30억 원 초과' and the English equivalent."""
    label = _label(pack, nm.name, lang)
    if nm.unit == "KRW":
        shown = lambda v: format_amount(v, lang)  # noqa: E731
    else:
        unit = _unit_text(pack, nm.name)
        shown = lambda v: format_number(v, unit, lang)  # noqa: E731
    value, limit, by = shown(nm.value), shown(nm.limit), shown(nm.by)
    over = nm.op in ("<", "<=")
    if lang == "en":
        if label[:1].isupper() and label[1:2].islower():
            label = label[0].lower() + label[1:]
        if over:
            return f"{label} {value} is above the {limit} limit by {by}"
        return f"{label} {value} is below the {limit} minimum by {by}"
    if over:
        return f"{label} {josa(value, '이', '가')} 한도 {josa(limit, '을', '를')} {by} 초과"
    return f"{label} {josa(value, '이', '가')} 기준 {limit}에 {by} 미달"
