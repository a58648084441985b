"""How old a program's sources are at the assessment date, with one threshold for every view.

Programs change every year; a program whose newest source is a year old or more is flagged
"check the latest call" on the screen, in the PDF and in the terminal alike.
"""

from __future__ import annotations

import datetime as dt

from desktop.engine.model import ProgramResult, RulePack, SourceNote, Text
from desktop.engine.phrases import counted, has_phrase, phrase

#: A source this many months old or older (at the assessment date) is out of date.
OLD_AFTER_MONTHS = 12


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole months from `earlier` to `later` (0 when later is earlier)."""
    months = (later.year - earlier.year) * 12 + (later.month - earlier.month)
    if later.day < earlier.day:
        months -= 1
    return max(months, 0)


def is_old(note_date: dt.date, as_of: dt.date) -> bool:
    return months_between(note_date, as_of) >= OLD_AFTER_MONTHS


def cited_notes(pack: RulePack, result: ProgramResult) -> list[SourceNote]:
    """Every source note the program and its criteria cite, each once, in citation order."""
    seen: dict[str, SourceNote] = {}
    refs = list(result.program.sources)
    for c in result.criteria:
        refs += list(c.sources)
    for ref in refs:
        note = pack.notes.get(ref.split("#", 1)[0])
        if note is not None and note.id not in seen:
            seen[note.id] = note
    return list(seen.values())


def newest_note(pack: RulePack, result: ProgramResult) -> SourceNote | None:
    notes = cited_notes(pack, result)
    return max(notes, key=lambda n: n.date) if notes else None


def _date(d: dt.date) -> Text:
    return Text(d.isoformat(), d.isoformat())


def source_line(note: SourceNote, as_of: dt.date) -> Text:
    """'Title — publisher, 2025-01-20 (official)', with its age when it is out of date."""
    rel = phrase(f"source.{note.reliability}") if has_phrase(f"source.{note.reliability}") \
        else Text(note.reliability, note.reliability)
    ko = f"{note.title.ko} — {note.publisher.ko}, {note.date.isoformat()} ({rel.ko})"
    en = f"{note.title.en} — {note.publisher.en}, {note.date.isoformat()} ({rel.en})"
    if is_old(note.date, as_of):
        age = counted("source.age", months_between(note.date, as_of))
        ko, en = f"{ko} · {age.ko}", f"{en} · {age.en}"
    return Text(ko, en)


def citation(pack: RulePack, refs) -> Text:
    """A short mention of the notes behind one criterion: their titles and dates, each once."""
    ko: list[str] = []
    en: list[str] = []
    for ref in refs:
        note = pack.notes.get(ref.split("#", 1)[0])
        pair = (ref, ref) if note is None else (f"{note.title.ko} ({note.date.isoformat()})",
                                                 f"{note.title.en} ({note.date.isoformat()})")
        if pair[0] not in ko:
            ko.append(pair[0])
            en.append(pair[1])
    return Text("; ".join(ko), "; ".join(en))
