"""Answers, amounts and near misses as words, in Korean or English, for every view."""

from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from desktop.engine.amounts import format_amount
from desktop.engine.expr.tri import UNKNOWN
from desktop.engine.model import Industry, NearMiss, Question, RulePack, Text
from desktop.engine.phrases import say

_WEEKDAYS = {"ko": "월화수목금토일", "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}


def date_text(d: dt.date | None, lang: str = "ko", weekday: bool = False) -> str:
    """'2026-02-14' or, with the weekday, '2026-02-14 (토)' / '2026-02-14 (Sat)'; '–' for none."""
    if d is None:
        return say("no_date", lang)
    s = d.isoformat()
    if weekday:
        s += f" ({_WEEKDAYS['en' if lang == 'en' else 'ko'][d.weekday()]})"
    return s


def _number(value: float) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


# English units as the rules write them (plural) and their form after the number one
_EN_ONE = {"years": "year", "days": "day", "hours": "hour", "people": "person", "months": "month",
           "weeks": "week", "workers": "worker"}


def format_number(value: float, unit: Text | None, lang: str) -> str:
    """'3세', '3 years', '1 year': the number and its unit, the English unit singular after one."""
    text = _number(value)
    if unit is None:
        return text
    if lang == "en":
        word = _EN_ONE.get(unit.en, unit.en) if value == 1 else unit.en
        return f"{text} {word}"
    return f"{text}{unit.ko}"


def format_value(
    question: Question, value: Any, lang: str = "ko", industries: Mapping[str, Industry] | None = None
) -> str:
    """An answer as a person reads it: option labels, 예/아니요, dates, amounts, 모름."""
    if value is None or value is UNKNOWN:
        return say("value.dont_know", lang)
    t = question.type
    if t == "bool" or isinstance(value, bool):
        return say("value.yes" if value else "value.no", lang)
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
            return say("value.none", lang)
        return ", ".join(labels.get(v, str(v)) for v in items)
    if t == "industry" and isinstance(value, str) and industries:
        ind = industries.get(value[:3])
        if ind is not None:
            return f"{value} {ind.label.get(lang)}"
    return str(value)


def value_words(pack: RulePack, answers: Mapping[str, Any], name: str, value: Any,
                lang: str = "ko") -> str:
    """A value a criterion used, worded for people: an answer through its question, a derived
    value with its unit; an unknown says why ('I don't know', 'not answered yet', 'unknown')."""
    if value is None or value is UNKNOWN:
        if name in pack.questions:
            return say("value.dont_know" if name in answers else "value.not_answered", lang)
        return say("value.unknown", lang)
    q = pack.questions.get(name)
    if q is not None:
        return format_value(q, value, lang, pack.industries)
    if isinstance(value, bool):
        return say("value.yes" if value else "value.no", lang)
    unit = getattr(pack.definitions.get(name), "unit", None)
    if isinstance(value, (int, float)):
        if unit is not None and unit.en == "KRW":  # a derived amount: "1,000억 원"
            return format_amount(value, lang)
        return format_number(value, unit, lang)
    return str(value)


def name_label(pack: RulePack, name: str, lang: str) -> str:
    """The label of a question or definition id (the id itself when it is neither)."""
    return _label(pack, name, lang)


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


def near_miss_text(nm: NearMiss, pack: RulePack) -> Text:
    """'3년 평균 매출액 1,230억 원이 한도 1,200억 원을 30억 원 초과' and the English equivalent.

    A percentage of something ('% (기준 중위소득 대비)', 'percent of the median') names what it
    is a percentage of once, in the label: the numbers are '61%', '60%' and the gap in
    percentage points ('1%포인트', '1 percentage point').
    """
    from desktop.engine.phrases import counted, phrase

    unit = _unit_text(pack, nm.name)
    percent = nm.unit != "KRW" and unit is not None and unit.ko.lstrip().startswith("%")

    def shown(v: float, lang: str) -> str:
        if nm.unit == "KRW":
            return format_amount(v, lang)
        if percent:
            return f"{_number(v)}%"
        return format_number(v, unit, lang)

    def gap(v: float) -> Text:
        if percent:
            return counted("near.points", _number(v) if v != 1 else 1)
        return Text(shown(v, "ko"), shown(v, "en"))

    fields = {
        "label": Text(_label(pack, nm.name, "ko"), _label(pack, nm.name, "en")),
        "value": Text(shown(nm.value, "ko"), shown(nm.value, "en")),
        "limit": Text(shown(nm.limit, "ko"), shown(nm.limit, "en")),
        "by": gap(nm.by),
    }
    return phrase("near.over" if nm.op in ("<", "<=") else "near.under", **fields)


def format_near_miss(nm: NearMiss, pack: RulePack, lang: str = "ko") -> str:
    return near_miss_text(nm, pack).get(lang)
