"""Application deadlines as an iCalendar file, built with the `icalendar` library.

One event per calendar entry, on the round's closing date in Korea: an all-day event when the
round closes at the end of a day, a timed event (TZID Asia/Seoul, with its VTIMEZONE) when the
call gives a closing hour. Each event carries a display reminder a week before and the
program's application link. Estimated windows say so in the title, because a reader who only
sees the calendar must not mistake a guess for an announced date. UIDs are derived from the
program, round and date so that importing a newer export updates events instead of duplicating.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from pathlib import Path

import icalendar

from desktop import __version__
from desktop.atomic_write import write_atomic
from desktop.engine.clock import KST_ZONE_NAME, kst_zone, today_kst
from desktop.engine.deadlines import kst_date
from desktop.engine.model import CalendarEntry, Program, Round
from desktop.engine.phrases import say

REMIND_DAYS = 7
#: For all-day events the reminder fires at 09:00 on the day a week before (a trigger of
#: exactly -7 days would fire at midnight).
ALL_DAY_TRIGGER = -dt.timedelta(days=REMIND_DAYS - 1, hours=15)
TIMED_TRIGGER = -dt.timedelta(days=REMIND_DAYS)
#: A timed deadline is shown as the half hour leading up to it.
TIMED_LENGTH = dt.timedelta(minutes=30)
UID_DOMAIN = "jiwon.deadlines"

# RFC 5545 §3.3.11: TEXT holds no control characters but the newline (which it escapes itself).
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _clean(text: str) -> str:
    return _CONTROL.sub("", text)


def _w(key: str, lang: str, **fields) -> str:
    return say(f"cal.{key}", lang, **fields)


def calendar_bytes(entries: list[CalendarEntry], lang: str = "ko",
                   stamp: dt.datetime | None = None, as_of: dt.date | None = None,
                   left_out: int = 0) -> bytes:
    """An iCalendar (RFC 5545) file with one event per entry ahead; `stamp` is the DTSTAMP (now).

    An entry without a closing date becomes an "opens" event on its opening day. A window whose
    only date is already past (a rolling call open since January) is no event: the calendar's
    description names it instead, so the file never holds past dates, and says so when nothing
    lies ahead. `left_out` programs for other applicants are mentioned there too.
    """
    lang = "en" if lang == "en" else "ko"
    if stamp is None:
        stamp = dt.datetime.now(dt.timezone.utc)
    as_of = as_of or today_kst()
    ahead = [e for e in entries if (e.closes or e.opens) is not None and (e.closes or e.opens) >= as_of]
    undated = [e for e in entries if e not in ahead]
    events = [ev for ev in (_event(e, lang, stamp) for e in ahead) if ev is not None]
    uids = sorted(str(ev["UID"]) for ev in events)
    description = [_w("desc", lang)]
    if not events:
        description.append(_w("none", lang))
    if undated:
        names = ", ".join(dict.fromkeys(e.program.name.get(lang) for e in undated))
        description.append(_w("open_undated", lang, names=names))
    if left_out:
        from desktop.engine.explain import left_out_line

        description.append(left_out_line(left_out).get(lang))
    cal = icalendar.Calendar.new(
        prodid=f"-//Jiwon//Jiwon {__version__}//{lang.upper()}",
        name=_w("name", lang),
        description=" ".join(description),
        uid=str(uuid.uuid5(uuid.NAMESPACE_URL, "jiwon:" + "|".join(uids))),
        subcomponents=events,
    )
    cal.add("X-WR-TIMEZONE", KST_ZONE_NAME)
    cal.add_missing_timezones()
    return cal.to_ical()


def write_ics(entries: list[CalendarEntry], path: str | Path, lang: str = "ko",
              as_of: dt.date | None = None, left_out: int = 0) -> Path:
    """Write the calendar file (the name in docs/architecture.md); returns the path."""
    return write_atomic(path, calendar_bytes(entries, lang, as_of=as_of, left_out=left_out))


def _window_key(entry: CalendarEntry) -> str:
    """Which of the program's windows this is, the same while estimated and once announced (so a
    calendar that imports the file again replaces the estimate): the year it opens (or closes)
    in and its place among the program's announced windows of that year; an estimate comes after
    the announced ones."""
    day = entry.opens or entry.closes
    assert day is not None
    announced = sorted(
        (start, r.id) for r in entry.program.rounds if r.kind != "not_announced"
        and (start := kst_date(r.opens) or kst_date(r.closes)) is not None
        and start.year == day.year
    )
    ids = [rid for _, rid in announced]
    place = len(ids) + 1 if entry.estimated or entry.round_id not in ids else ids.index(entry.round_id) + 1
    return f"{day.year}-{place}"


def _find_round(program: Program, round_id: str | None) -> Round | None:
    for r in program.rounds:
        if r.id == round_id:
            return r
    return None


def _closing_time(entry: CalendarEntry) -> dt.datetime | None:
    """The round's closing moment when the call names an hour (not just a day)."""
    if entry.estimated or entry.closes is None:
        return None
    rnd = _find_round(entry.program, entry.round_id)
    if rnd is None or rnd.closes is None:
        return None
    zone = kst_zone()
    closes = rnd.closes.astimezone(zone) if rnd.closes.tzinfo else rnd.closes.replace(tzinfo=zone)
    if closes.date() != entry.closes:
        return None
    if (closes.hour, closes.minute) in ((23, 59), (0, 0)):
        return None
    return closes


def _event(entry: CalendarEntry, lang: str, stamp: dt.datetime) -> icalendar.Event | None:
    """The event for one entry: on its closing day, or on its opening day when the window has
    no closing date (rolling, or until the budget runs out); None when it has neither."""
    p = entry.program
    name = p.name.get(lang)
    closing = entry.closes is not None
    day = entry.closes if closing else entry.opens
    if day is None:
        return None
    timed = _closing_time(entry)
    label = _w("closes" if closing else "opens", lang)
    if timed is not None:
        label += f" {timed:%H:%M}"
    summary = f"[{label}] {name}"
    if entry.estimated:
        summary += f" ({say('estimated', lang)})"

    lines = [name, f"{_w('ministry', lang)}: {p.ministry.get(lang)}"]
    if entry.opens or entry.closes:
        window = f"{entry.opens.isoformat() if entry.opens else '…'} ~ " \
                 f"{entry.closes.isoformat() if entry.closes else '…'}"
        lines.append(f"{_w('window', lang)}: {window}")
    if entry.note is not None:  # the engine's note already explains an estimate
        lines.append(entry.note.get(lang))
    elif entry.estimated:
        lines.append(_w("est_note", lang))
    lines.append(f"{_w('apply', lang)}: {p.apply_how.get(lang)}")
    if p.apply_url:
        lines.append(p.apply_url)

    kind = "closes" if closing else "opens"
    uid = f"{p.id}.{_window_key(entry)}.{kind}@{UID_DOMAIN}"
    if timed is not None:
        start, end, trigger = timed - TIMED_LENGTH, timed, TIMED_TRIGGER
    else:
        start, end, trigger = day, day + dt.timedelta(days=1), ALL_DAY_TRIGGER
    event = icalendar.Event.new(
        summary=_clean(summary), description=_clean("\n".join(lines)), start=start, end=end,
        uid=uid, url=_clean(p.apply_url or "") or None, stamp=stamp,
        categories=[_clean(p.ministry.get(lang))], transparency="TRANSPARENT",
    )
    alarm_text = _clean(_w("alarm" if closing else "alarm_open", lang, name=name))
    event.add_component(icalendar.Alarm.new_display(description=alarm_text, trigger=trigger))
    return event
