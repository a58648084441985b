"""How old a program's sources are at the assessment date, with one threshold for every view.

Programs change every year; a program whose newest source is a year old or more is flagged
"check the latest call" on the screen, in the PDF and in the terminal alike.
"""

from __future__ import annotations

import datetime as dt

from desktop.engine.model import ProgramResult, RulePack, SourceNote

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
