"""Who the applicant is, in a few lines a reader checks first: the facts a report's summary opens with.

For a company: its type, industry with its name, size class and what that class rests on,
region, founding date and headcount; for a school its type and region; for a person their age,
work and business. Each value is worded once here, in both languages.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from desktop.engine.expr.tri import UNKNOWN
from desktop.engine.formatting import value_words
from desktop.engine.model import RulePack, Text
from desktop.engine.phrases import join, phrase, word
from desktop.engine.plan import plan_of
from desktop.engine.scope import Scope

FACTS = {
    "company": ("industry", "company_size", "region", "founding_date", "full_time_workers"),
    "school": ("school_type", "region"),
    "individual": ("age_years", "employment_status", "owner_status"),
}
#: the answers the size class rests on, shown beside it
SIZE_BASIS = ("avg_sales_3y", "total_assets", "full_time_workers")


def _both(pack: RulePack, answers, name: str, value: Any) -> Text:
    return Text(value_words(pack, answers, name, value, "ko"), value_words(pack, answers, name, value, "en"))


def _label(pack: RulePack, name: str) -> Text:
    q = pack.questions.get(name)
    if q is not None:
        return q.label
    d = pack.definitions.get(name)
    return d.label if d is not None else Text(name, name)


def applicant_facts(pack: RulePack, answers: Mapping[str, Any], as_of: dt.date) -> list[tuple[Text, Text]]:
    """(label, value) pairs, both in Korean and English, in reading order."""
    applicant = answers.get("applicant_type")
    scope = Scope(answers, plan_of(pack).definitions, as_of)
    out: list[tuple[Text, Text]] = [(phrase("who.type"), word("applicant", applicant or "unknown"))]
    for name in FACTS.get(applicant, ()):
        if name not in pack.questions and name not in pack.definitions:
            continue
        value = scope[name]
        if name == "company_size":
            out.append((_label(pack, name), _size(pack, answers, value)))
            continue
        shown = None if value is UNKNOWN else value
        out.append((_label(pack, name), _both(pack, answers, name, shown)))
    return out


def _size(pack: RulePack, answers, value: Any) -> Text:
    size = word("size", value) if isinstance(value, str) else phrase("value.unknown")
    basis = [Text(f"{_label(pack, n).ko}: {value_words(pack, answers, n, answers.get(n), 'ko')}",
                  f"{_label(pack, n).en}: {value_words(pack, answers, n, answers.get(n), 'en')}")
             for n in SIZE_BASIS if n in pack.questions]
    if not basis:
        return size
    return phrase("who.size_basis", size=size, basis=join(basis, "reason.and"))
