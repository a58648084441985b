"""The calendar file, parsed back with the icalendar library: dates, Korean time, reminders.

Entries come from the engine's calendar() over the real rules; the timed case uses a copy of a
real program whose round closes at 18:00 KST, loaded by the real loader.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from readback import copy_rules, load_copied, program_copies

from desktop.engine import calendar
from desktop.report.ics import calendar_bytes

KST = ZoneInfo("Asia/Seoul")
STAMP = dt.datetime(2026, 3, 2, 0, 30, tzinfo=dt.timezone.utc)


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


AS_OF = dt.date(2026, 11, 21)


def ahead(entries):
    """The entries with a date still ahead: the ones that become events."""
    return [e for e in entries if (e.closes or e.opens) >= AS_OF]


@pytest.fixture(scope="module")
def entries(pack):
    found = calendar(pack, AS_OF, months=12)
    assert found, "the real rules have no window in the next 12 months"
    return found


def test_one_all_day_event_per_entry_on_its_date(entries):
    cal = parse(calendar_bytes(entries, "ko", stamp=STAMP, as_of=AS_OF))
    events = list(cal.walk("VEVENT"))
    entries = ahead(entries)
    assert len(events) == len(entries)
    assert str(cal["X-WR-TIMEZONE"]) == "Asia/Seoul"
    for entry, event in zip(entries, events):
        name = entry.program.name.ko
        summary = str(event["SUMMARY"])
        assert name in summary
        day = entry.closes or entry.opens
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        # an end-of-day deadline is an all-day event (a date, not a time) on the KST date
        assert type(start) is dt.date and start == day
        assert end == day + dt.timedelta(days=1)
        assert summary.startswith("[마감]" if entry.closes else "[접수 시작]")
        assert ("(추정)" in summary) == entry.estimated
        if entry.program.apply_url:
            assert str(event["URL"]) == entry.program.apply_url
            assert entry.program.apply_url in str(event["DESCRIPTION"])
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1
        assert str(alarms[0]["ACTION"]) == "DISPLAY"
        fires = dt.datetime.combine(start, dt.time()) + alarms[0].decoded("TRIGGER")
        assert fires == dt.datetime.combine(day - dt.timedelta(days=7), dt.time(9, 0))


def test_estimated_windows_say_so_in_english_too(entries):
    assert any(e.estimated for e in entries), "no estimated window in the real rules"
    events = list(parse(calendar_bytes(entries, "en", stamp=STAMP, as_of=AS_OF)).walk("VEVENT"))
    entries = ahead(entries)
    assert len(events) == len(entries)
    for entry, event in zip(entries, events):
        summary = str(event["SUMMARY"])
        assert entry.program.name.en in summary
        assert ("(estimated)" in summary) == entry.estimated


def test_uids_are_unique_and_stable(entries, pack):
    first = calendar_bytes(entries, "ko", stamp=STAMP, as_of=AS_OF)
    again = calendar_bytes(calendar(pack, AS_OF, months=12), "ko", stamp=STAMP, as_of=AS_OF)
    assert first == again
    uids = [str(e["UID"]) for e in parse(first).walk("VEVENT")]
    assert len(set(uids)) == len(uids)
    english = [str(e["UID"]) for e in
               parse(calendar_bytes(entries, "en", stamp=STAMP, as_of=AS_OF)).walk("VEVENT")]
    assert english == uids  # the same events, whatever the language


def test_a_round_closing_at_an_hour_is_a_timed_event_in_seoul(tmp_path, pack):
    rules = copy_rules(tmp_path)
    source = next(pid for pid, p in sorted(pack.programs.items()) if p.apply_url)

    def timed_round(data, i):
        data["rounds"] = [{"id": "2027-1", "kind": "fixed", "opens": "2027-03-02T10:00",
                           "closes": "2027-03-10T18:00"}]
        data.pop("recurrence", None)

    program_copies(pack, rules, source, 1, change=timed_round)
    timed_pack = load_copied(rules)
    entries = calendar(timed_pack, dt.date(2027, 2, 1), months=12)
    assert [e.closes for e in entries] == [dt.date(2027, 3, 10)]
    data = calendar_bytes(entries, "ko", stamp=STAMP, as_of=dt.date(2027, 2, 1))
    cal = parse(data)
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Seoul"]
    event = next(iter(cal.walk("VEVENT")))
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert end == dt.datetime(2027, 3, 10, 18, 0, tzinfo=KST)
    assert end.utcoffset() == dt.timedelta(hours=9)
    assert start < end and start.date() == end.date()
    assert b"DTSTART;TZID=Asia/Seoul:" in data
    assert "18:00" in str(event["SUMMARY"])
    alarm = next(iter(event.walk("VALARM")))
    assert alarm.decoded("TRIGGER") == -dt.timedelta(days=7)


def test_an_individuals_calendar_never_holds_only_past_dates(pack):
    """A rolling call open since January has no date ahead: it is named in the calendar's
    description, not put on a day eleven months back, and the file says it holds no event."""
    found = calendar(pack, AS_OF, months=12, audience="individual")
    assert found and not ahead(found)
    for lang, word in (("ko", "이 파일에는 일정이 없습니다"), ("en", "holds no events")):
        cal = parse(calendar_bytes(found, lang, stamp=STAMP, as_of=AS_OF, left_out=14))
        assert list(cal.walk("VEVENT")) == []
        desc = str(cal["X-WR-CALDESC"])
        assert word in desc and found[0].program.name.get(lang) in desc
    assert "다른 신청자 대상 사업 14개는 제외했습니다" in str(
        parse(calendar_bytes(found, "ko", stamp=STAMP, as_of=AS_OF, left_out=14))["X-WR-CALDESC"])


def test_no_event_lies_before_the_export_day(pack):
    for audience in ("company", "school", "individual", None):
        found = calendar(pack, AS_OF, months=12, audience=audience)
        for event in parse(calendar_bytes(found, "ko", stamp=STAMP, as_of=AS_OF)).walk("VEVENT"):
            start = event.decoded("DTSTART")
            assert (start if type(start) is dt.date else start.date()) >= AS_OF
