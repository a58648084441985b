"""Sentences the results and deadlines views show, from engine data, in the current language.

Kept apart from the widgets so the words are the same wherever a deadline or a source appears,
and so they can be checked without building a window. Fixed phrases are Qt translations
(context ``Wording``); rule texts and formatted values come from the rule files and the engine
in `lang`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.engine import format_amount, format_value, labels
from desktop.engine.formatting import format_number

translate = QCoreApplication.translate  # lupdate reads translate("Wording", "...") calls

#: Information older than this (days between the newest source note and the assessment date)
#: gets a warning: programs change every year, so a source from last year may be outdated.
OLD_AFTER_DAYS = 365

_WEEKDAYS = {"ko": "월화수목금토일", "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}


def text(t: Any, lang: str) -> str:
    """A rule-file text pair in `lang` ("" for none)."""
    return t.get(lang) if t is not None else ""


def date_text(d: dt.date | None, lang: str, weekday: bool = True) -> str:
    if d is None:
        return "–"
    s = d.isoformat()
    if weekday:
        s += f" ({_WEEKDAYS['en' if lang == 'en' else 'ko'][d.weekday()]})"
    return s


def days_left_text(days: int | None) -> str:
    """'12 days left', 'closes today', or '' when there is no closing date or it has passed."""
    if days is None or days < 0:
        return ""
    if days == 0:
        return translate("Wording", "closes today")
    # English needs its own singular; the Korean is the same for both
    if days == 1:
        return translate("Wording", "%n day left", None, days)
    return translate("Wording", "%n days left", None, days)


def name_label(pack, name: str, lang: str) -> str:
    """The label of a question or definition id (the id itself when it is neither)."""
    q = pack.questions.get(name)
    if q is not None:
        return text(q.label, lang)
    d = pack.definitions.get(name)
    if d is not None:
        return text(d.label, lang)
    return name


def with_colon(label: str) -> str:
    """'Label:' — but a label that is a question keeps its question mark instead."""
    label = label.rstrip()
    return label if label.endswith(("?", "？", ":")) else label + ":"


def value_text(pack, answers, name: str, value: Any, lang: str) -> str:
    """A value a criterion used, worded for people; an unknown says why it is unknown."""
    if value is None:
        if name in pack.questions:
            if name in answers:
                return translate("Wording", "I don't know")
            return translate("Wording", "not answered yet")
        return translate("Wording", "unknown")
    q = pack.questions.get(name)
    if q is not None:
        return format_value(q, value, lang, pack.industries)
    # a derived value (definition): no options, but maybe a unit
    if isinstance(value, bool):
        return (labels.YES if value else labels.NO).get(lang)
    if isinstance(value, (int, float)):
        unit = getattr(pack.definitions.get(name), "unit", None)
        if unit is not None and unit.en == "KRW":
            return format_amount(value, lang)
        return format_number(value, unit, lang)
    return str(value)


# ---------------------------------------------------------------- deadlines


def deadline_sentence(deadline, as_of: dt.date, lang: str) -> str:
    """One line about the application window, e.g. 'Open: closes 2026-02-14 (Sat), 12 days left'."""
    d = deadline
    closes = date_text(d.closes, lang)
    opens = date_text(d.opens, lang)
    if d.status == "open":
        if d.closes is None:
            s = translate("Wording", "Open now; no closing date announced")
        else:
            s = translate("Wording", "Open now: closes %1").replace("%1", closes)
            left = days_left_text(d.days_left)
            if left:
                s += f" · {left}"
    elif d.status == "upcoming":
        if d.opens is not None:
            s = translate("Wording", "Opens %1").replace("%1", opens)
            wait = (d.opens - as_of).days
            if wait > 0:
                s += " · " + (translate("Wording", "in %n day", None, wait) if wait == 1
                              else translate("Wording", "in %n days", None, wait))
            if d.closes is not None:
                s += " · " + translate("Wording", "closes %1").replace("%1", closes)
        else:
            s = translate("Wording", "Upcoming")
    elif d.status == "closed":
        s = translate("Wording", "Closed on %1").replace("%1", closes) if d.closes else \
            translate("Wording", "Closed")
    elif d.status == "rolling":
        s = translate("Wording", "Applications are taken all year round")
        if d.closes is not None:
            s += " · " + translate("Wording", "until %1").replace("%1", closes)
    else:  # not_announced
        if d.opens is not None or d.closes is not None:
            s = translate("Wording", "Next round not announced; expected %1 – %2") \
                .replace("%1", opens).replace("%2", closes)
        else:
            s = translate("Wording", "Next round not announced")
    if d.estimated and d.status != "not_announced":  # "not announced; expected …" says it
        s += " " + translate("Wording", "(estimated)")
    return s


def deadline_notes(deadline, lang: str) -> list[str]:
    """Extra lines under the deadline: the round's note (the engine adds the budget and
    estimate remarks to it, so they are not repeated here)."""
    return [text(deadline.note, lang)] if deadline.note is not None else []


# ---------------------------------------------------------------- sources


def note_of(pack, ref: str):
    """The source note a citation ("note-id" or "note-id#fact-id") points at, or None."""
    return pack.notes.get(ref.split("#", 1)[0])


def program_notes(pack, result) -> list:
    """Every source note the program and its criteria cite, newest first, each once."""
    seen: dict[str, Any] = {}
    refs = list(result.program.sources)
    for c in result.criteria:
        refs += list(c.sources)
    for ref in refs:
        note = note_of(pack, ref)
        if note is not None and note.id not in seen:
            seen[note.id] = note
    return sorted(seen.values(), key=lambda n: n.date, reverse=True)


def months_between(older: dt.date, newer: dt.date) -> int:
    return (newer.year - older.year) * 12 + newer.month - older.month - (newer.day < older.day)


def is_old(note_date: dt.date, as_of: dt.date) -> bool:
    return (as_of - note_date).days > OLD_AFTER_DAYS


def reliability_text(reliability: str) -> str:
    return {
        "official": translate("Wording", "official"),
        "press": translate("Wording", "press report"),
        "blog": translate("Wording", "unofficial: to verify"),
    }.get(reliability, reliability)


def source_line(note, as_of: dt.date, lang: str) -> str:
    """'Title — publisher, 2025-01-20 (official)' with its age when it is old."""
    when = date_text(note.date, lang, weekday=False)
    s = f"{text(note.title, lang)} — {note.publisher}, {when}"
    s += f" ({reliability_text(note.reliability)})"
    if is_old(note.date, as_of):
        months = months_between(note.date, as_of)
        s += " · " + (translate("Wording", "%n month old", None, months) if months == 1
                      else translate("Wording", "%n months old", None, months))
    return s


def citation_text(pack, refs, lang: str) -> str:
    """Short source mention for one criterion: the notes' titles and dates."""
    parts = []
    for ref in refs:
        note = note_of(pack, ref)
        if note is None:
            parts.append(ref)
            continue
        item = f"{text(note.title, lang)} ({date_text(note.date, lang, weekday=False)})"
        if item not in parts:
            parts.append(item)
    return "; ".join(parts)


def maturity_sentence(maturity: str) -> str:
    return {
        "open_call": translate("Wording", "A call for applications has been published."),
        "announced_policy": translate(
            "Wording", "No call for applications has been published yet."),
        "planned": translate("Wording", "No call yet; the details may still change."),
    }.get(maturity, "")
