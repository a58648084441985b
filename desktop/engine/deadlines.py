"""Application windows in Korean time: which round matters today, and the calendar ahead.

A recurring program whose next round is not announced yet gets an estimated window from its usual
dates, always marked as an estimate, so nobody mistakes a guess for an announcement.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Collection

from desktop.engine.clock import KST, today_kst
from desktop.engine.model import CalendarEntry, Deadline, Program, Recurrence, Round, RulePack, Text

BUDGET_NOTE = Text(
    "예산이 소진되면 마감일 전에 조기 마감될 수 있습니다.",
    "May close before this date once the budget runs out.",
)
ESTIMATE_NOTE = Text(
    "아직 공고되지 않았습니다. 예년 일정을 바탕으로 추정한 기간입니다"
    "(주말·공휴일은 가까운 평일로 옮김).",
    "Not announced yet. Estimated from the usual dates of past rounds "
    "(weekends and public holidays moved to the nearest working day).",
)


def kst_date(moment: dt.datetime | None) -> dt.date | None:
    if moment is None:
        return None
    return moment.astimezone(KST).date()


def _join(first: Text | None, second: Text | None) -> Text | None:
    if first is None:
        return second
    if second is None:
        return first
    return Text(f"{first.ko} {second.ko}", f"{first.en} {second.en}")


def effective_close(r: Round) -> dt.date | None:
    """The last day a round can be open. Without a known closing date, a fixed or budget round is
    taken to end with the year it opened in (programs run on the fiscal year), so an old round whose
    end nobody recorded does not look open forever."""
    closes = kst_date(r.closes)
    if closes is not None or r.kind == "rolling":
        return closes
    opens = kst_date(r.opens)
    return dt.date(opens.year, 12, 31) if opens is not None else None


def _days_left(closes: dt.date | None, as_of: dt.date) -> int | None:
    return None if closes is None else (closes - as_of).days


def _month_day(year: int, md: tuple[int, int]) -> dt.date:
    month, day = md
    if month == 2 and day == 29:
        try:
            return dt.date(year, 2, 29)
        except ValueError:
            return dt.date(year, 2, 28)
    return dt.date(year, month, day)


@lru_cache(maxsize=16)
def _public_holidays(year: int) -> frozenset[dt.date]:
    """Korea's public holidays of `year` (substitute holidays included), from `holidays`.

    Imported here, not at the top: only estimated windows need it, and it costs ~80 ms to load.
    """
    import holidays

    return frozenset(holidays.country_holidays("KR", years=[year]))


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _public_holidays(day.year)


def _working_window(opens: dt.date, closes: dt.date) -> tuple[dt.date, dt.date]:
    """An estimated window on working days: calls open and close on days the offices work, so an
    estimate that lands on a Sunday or on Seollal is moved (opening later, closing earlier)."""
    first, last = opens, closes
    while not is_working_day(first) and first < last:
        first += dt.timedelta(days=1)
    while not is_working_day(last) and last > first:
        last -= dt.timedelta(days=1)
    return first, last


def estimate_window(
    recurrence: Recurrence, as_of: dt.date, after: dt.date | None = None
) -> tuple[dt.date, dt.date]:
    """The next usual window that has not ended by `as_of` and starts after the last known round,
    moved onto working days."""
    opens, closes = _usual_window(recurrence, as_of, after)
    return _working_window(opens, closes)


def _usual_window(
    recurrence: Recurrence, as_of: dt.date, after: dt.date | None
) -> tuple[dt.date, dt.date]:
    start_year = min(as_of.year, after.year) if after else as_of.year
    for year in range(start_year - 1, start_year + 4):
        opens = _month_day(year, recurrence.opens)
        closes = _month_day(year, recurrence.closes)
        if closes < opens:  # a window over the new year
            closes = _month_day(year + 1, recurrence.closes)
        if closes < as_of:
            continue
        if after is not None and opens <= after:
            continue
        return opens, closes
    opens = _month_day(as_of.year + 1, recurrence.opens)
    return opens, max(opens, _month_day(as_of.year + 1, recurrence.closes))


def _round_note(r: Round) -> Text | None:
    return _join(r.note, BUDGET_NOTE) if r.kind == "budget" else r.note


def _deadline(status: str, r: Round, as_of: dt.date) -> Deadline:
    opens, closes = kst_date(r.opens), kst_date(r.closes)
    return Deadline(
        status=status,
        opens=opens,
        closes=closes,
        days_left=_days_left(closes, as_of),
        estimated=False,
        round_id=r.id,
        kind=r.kind,
        note=_round_note(r),
    )


def program_deadline(program: Program, as_of: dt.date | None = None) -> Deadline:
    """The round that matters at `as_of`: open, else upcoming, else an estimate, else closed."""
    as_of = as_of or today_kst()
    current, upcoming, past = [], [], []
    for r in program.rounds:
        if r.kind == "not_announced":
            continue
        opens, closes = kst_date(r.opens), effective_close(r)
        if opens is not None and opens > as_of:
            upcoming.append(r)
        elif closes is not None and closes < as_of:
            past.append(r)
        else:
            current.append(r)
    if current:
        far = dt.date.max
        r = min(current, key=lambda r: (r.kind == "rolling", kst_date(r.closes) or far))
        return _deadline("rolling" if r.kind == "rolling" else "open", r, as_of)
    if upcoming:
        r = min(upcoming, key=lambda r: kst_date(r.opens))
        return _deadline("upcoming", r, as_of)
    last_close = max((effective_close(r) for r in past), default=None)
    if program.recurrence is not None:
        opens, closes = estimate_window(program.recurrence, as_of, last_close)
        return Deadline(
            status="not_announced",
            opens=opens,
            closes=closes,
            days_left=_days_left(closes, as_of),
            estimated=True,
            round_id=None,
            kind="estimated",
            note=_join(ESTIMATE_NOTE, program.recurrence.note),
        )
    unannounced = [r for r in program.rounds if r.kind == "not_announced"]
    if unannounced:
        r = unannounced[0]
        return Deadline("not_announced", None, None, None, False, r.id, r.kind, r.note)
    if past:
        r = max(past, key=effective_close)
        return Deadline("closed", kst_date(r.opens), kst_date(r.closes), None, False, r.id, r.kind, r.note)
    return Deadline("not_announced", None, None, None, False, None, None, None)


def _add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    return dt.date(year, month, 28)


def calendar(
    pack: RulePack, as_of: dt.date | None = None, months: int = 12, audience: str | None = None,
    programs: Collection[str] | None = None,
) -> list[CalendarEntry]:
    """Every window open now or opening within `months`, estimated ones marked, by closing date;
    only those of `programs` (e.g. the watch list) when given."""
    as_of = as_of or today_kst()
    horizon = _add_months(as_of, months)
    entries: list[CalendarEntry] = []
    for program in pack.programs.values():
        if audience and audience not in program.audience:
            continue
        if programs is not None and program.id not in programs:
            continue
        ahead = False
        for r in program.rounds:
            if r.kind == "not_announced":
                continue
            opens, closes = kst_date(r.opens), kst_date(r.closes)
            end = effective_close(r)
            if end is not None and end < as_of:
                continue
            ahead = True
            if opens is not None and opens > horizon:
                continue
            if opens is None and closes is None:
                continue  # open all year with no date to put on a calendar
            entries.append(CalendarEntry(program, r.id, r.kind, opens, closes, False, _round_note(r)))
        if not ahead and program.recurrence is not None:
            past = [e for r in program.rounds if (e := effective_close(r)) is not None]
            opens, closes = estimate_window(program.recurrence, as_of, max(past, default=None))
            if opens <= horizon:
                entries.append(
                    CalendarEntry(
                        program, None, "estimated", opens, closes, True, _join(ESTIMATE_NOTE, program.recurrence.note)
                    )
                )
    far = dt.date.max
    entries.sort(key=lambda e: (e.closes or far, e.opens or dt.date.min, e.program.id))
    return entries
