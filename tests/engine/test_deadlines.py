"""Deadlines in KST: open, upcoming, rolling, budget, closed, and estimated windows."""

import datetime as dt

from desktop.engine import calendar, program_deadline, today_kst
from desktop.engine.clock import KST
from desktop.engine.model import Program, Recurrence, Round, Group, Text

T = Text("t", "t")


def program(rounds=(), recurrence=None, pid="p"):
    return Program(
        id=pid, name=T, ministry=T, operator=None, audience=("company",), summary=T, benefits=(),
        eligibility=Group("all", ()), exclusions=(), rounds=tuple(rounds), recurrence=recurrence,
        documents=(), apply_how=T, apply_url=None, sources=(), reviewed=dt.date(2026, 1, 1),
        maturity="open_call",
    )


def kst(y, m, d, hh=0, mm=0, ss=0):
    return dt.datetime(y, m, d, hh, mm, ss, tzinfo=KST)


FIXED = Round("2026-1", "fixed", kst(2026, 3, 2), kst(2026, 3, 31, 23, 59, 59))


def test_open_with_days_left():
    d = program_deadline(program([FIXED]), dt.date(2026, 3, 10))
    assert (d.status, d.opens, d.closes, d.days_left, d.estimated) == (
        "open", dt.date(2026, 3, 2), dt.date(2026, 3, 31), 21, False
    )


def test_closing_day_is_still_open():
    d = program_deadline(program([FIXED]), dt.date(2026, 3, 31))
    assert d.status == "open" and d.days_left == 0


def test_upcoming():
    d = program_deadline(program([FIXED]), dt.date(2026, 2, 1))
    assert d.status == "upcoming" and d.days_left == 58


def test_closed_without_recurrence():
    d = program_deadline(program([FIXED]), dt.date(2026, 4, 1))
    assert d.status == "closed" and d.days_left is None and d.round_id == "2026-1"


def test_estimated_after_the_last_round():
    p = program([FIXED], Recurrence("year", (3, 2), (3, 31)))
    d = program_deadline(p, dt.date(2026, 4, 1))
    assert (d.status, d.opens, d.closes, d.estimated, d.kind) == (
        "not_announced", dt.date(2027, 3, 2), dt.date(2027, 3, 31), True, "estimated"
    )
    assert "추정" in d.note.ko and "Estimated" in d.note.en


def test_estimate_without_any_round_uses_this_year_when_ahead():
    p = program([], Recurrence("year", (1, 15), (2, 14)))
    assert program_deadline(p, dt.date(2026, 1, 2)).opens == dt.date(2026, 1, 15)
    assert program_deadline(p, dt.date(2026, 3, 1)).opens == dt.date(2027, 1, 15)


def test_estimate_over_new_year():
    p = program([], Recurrence("year", (12, 1), (1, 31)))
    d = program_deadline(p, dt.date(2026, 6, 1))
    # 31 January 2027 is a Sunday: the estimate closes on the Friday before
    assert (d.opens, d.closes) == (dt.date(2026, 12, 1), dt.date(2027, 1, 29))


def test_estimate_moves_onto_korean_working_days():
    # usual window 6 Feb - 1 Mar; in 2027, 6-9 Feb are Seollal (with its substitute holiday) and
    # 1 Mar is Independence Movement Day
    p = program([], Recurrence("year", (2, 6), (3, 1)))
    d = program_deadline(p, dt.date(2026, 11, 21))
    assert (d.opens, d.closes) == (dt.date(2027, 2, 10), dt.date(2027, 2, 26))
    assert d.estimated and "평일" in d.note.ko and "working day" in d.note.en
    assert d.days_left == (dt.date(2027, 2, 26) - dt.date(2026, 11, 21)).days


def test_rolling():
    d = program_deadline(program([Round("r", "rolling", kst(2021, 1, 1), None)]), dt.date(2026, 3, 10))
    assert d.status == "rolling" and d.closes is None and d.days_left is None


def test_budget_round_notes_early_closing():
    r = Round("b", "budget", kst(2026, 1, 5), kst(2026, 12, 31, 23, 59, 59))
    d = program_deadline(program([r]), dt.date(2026, 3, 10))
    assert d.status == "open" and "budget" in d.note.en and "예산" in d.note.ko


def test_round_without_closing_date_does_not_stay_open_for_ever():
    old = Round("2023", "fixed", kst(2023, 1, 30), None)
    assert program_deadline(program([old]), dt.date(2023, 2, 1)).status == "open"
    assert program_deadline(program([old]), dt.date(2026, 3, 10)).status == "closed"


def test_not_announced_round():
    d = program_deadline(program([Round("n", "not_announced", None, None)]), dt.date(2026, 3, 10))
    assert d.status == "not_announced" and not d.estimated


def test_calendar_sorted_by_closing_date(mini_pack):
    entries = calendar(mini_pack, dt.date(2026, 3, 10))
    closes = [e.closes for e in entries if e.closes]
    assert closes == sorted(closes)
    by = {e.program.id: e for e in entries}
    assert by["school-track"].estimated and by["school-track"].opens == dt.date(2027, 1, 15)
    assert by["job-support"].closes is None and entries[-1].program.id == "job-support"
    assert not by["sme-grant"].estimated


def test_calendar_audience_and_horizon(mini_pack):
    assert {e.program.id for e in calendar(mini_pack, dt.date(2026, 3, 10), audience="school")} == {"school-track"}
    assert "school-track" not in {e.program.id for e in calendar(mini_pack, dt.date(2026, 3, 10), months=6)}


def test_today_in_korea():
    # 2026-03-01 16:00 UTC is already 2 March in Seoul.
    assert today_kst(dt.datetime(2026, 3, 1, 16, 0, tzinfo=dt.timezone.utc)) == dt.date(2026, 3, 2)
