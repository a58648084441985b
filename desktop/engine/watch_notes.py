"""Notes on watched programs for one saved profile: a round that opened since the profile's last
check, a round closing within 14 days, an estimate replaced by a round with real dates.

Worked out here, as of a day (the assessment date; the engine's clock when none is given), from
the rules in force that day and what the profile's last check said of each program: its outcome
and the deadline known then. Only programs the profile could apply to at that check are noted (an
outcome other than "not eligible"); a program the check did not know is left out, as nothing is
known of the profile's chances there. At most one note per program, the most pressing: closing
soon, then opened, then announced. Pure: no storage, no Qt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Mapping

from desktop.engine import change_words
from desktop.engine.clock import today_kst
from desktop.engine.dated import in_force
from desktop.engine.deadlines import program_deadline
from desktop.engine.model import RulePack, Text
from desktop.engine.phrases import counted, phrase

CLOSING_DAYS = 14  # a round closing within this many days (today included) is noted
KINDS = ("closing", "opened", "announced")


@dataclass(frozen=True)
class KnownThen:
    """What a stored check said of one program: its outcome and its deadline on that day."""

    status: str
    deadline_status: str | None  # open | upcoming | closed | not_announced | rolling
    closes: dt.date | None
    estimated: bool


@dataclass(frozen=True)
class WatchNote:
    kind: str  # closing | opened | announced
    program_id: str
    name: Text
    text: Text  # the whole line, the program's name first
    closes: dt.date | None


def watch_notes(pack: RulePack, watched: Iterable[str], then: Mapping[str, KnownThen],
                then_as_of: dt.date, as_of: dt.date | None = None) -> tuple[WatchNote, ...]:
    """The notes for the watched programs, the most pressing first (closing soonest first), then
    in the order of `watched`. `then`: program id -> what the last check (made for `then_as_of`)
    said of it."""
    as_of = as_of or today_kst()
    cut = in_force(pack, as_of)
    notes: list[WatchNote] = []
    for pid in dict.fromkeys(watched):
        program, known = cut.programs.get(pid), then.get(pid)
        if program is None or known is None or known.status == "ineligible":
            continue
        note = _note(program, known, then_as_of, as_of)
        if note is not None:
            notes.append(note)
    order = {kind: i for i, kind in enumerate(KINDS)}
    far = dt.date.max
    return tuple(sorted(notes, key=lambda n: (order[n.kind], (n.closes or far) if n.kind == "closing" else far)))


def _note(program, known: KnownThen, then_as_of: dt.date, as_of: dt.date) -> WatchNote | None:
    d = program_deadline(program, as_of)
    name = program.name
    real = not d.estimated and d.round_id is not None
    if real and d.status == "open" and d.closes is not None and 0 <= (d.closes - as_of).days <= CLOSING_DAYS:
        left = (d.closes - as_of).days
        if left == 0:
            text = phrase("watchnote.closing_today", name=name)
        else:
            text = phrase("watchnote.closing", name=name, closes=d.closes.isoformat(),
                          days=counted("watchnote.days", left))
        return WatchNote("closing", program.id, name, text, d.closes)
    if real and d.status == "open" and known.deadline_status not in ("open", "rolling"):
        if d.closes is not None:
            text = phrase("watchnote.opened", name=name, then=then_as_of.isoformat(),
                          closes=d.closes.isoformat())
        else:
            text = phrase("watchnote.opened_no_close", name=name, then=then_as_of.isoformat())
        return WatchNote("opened", program.id, name, text, d.closes)
    if real and known.estimated and d.status in ("open", "upcoming") and (d.opens or d.closes):
        change = change_words.round_announced(d.round_id, d.opens, d.closes)
        return WatchNote("announced", program.id, name, phrase("watchnote.announced", name=name, change=change),
                         d.closes)
    return None
