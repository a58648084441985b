"""Dates in Korea: application windows are announced in KST (UTC+9, no daylight saving)."""

from __future__ import annotations

import datetime as dt
import functools
import re

KST = dt.timezone(dt.timedelta(hours=9), "KST")
KST_ZONE_NAME = "Asia/Seoul"  # the same zone by its IANA name (calendar files name it)


@functools.lru_cache(maxsize=1)
def kst_zone():
    """Korea's zone as a ZoneInfo, for files that name their zone (TZID in a calendar file).

    Looked up when first asked for: the zone database is needed only where a zone is named."""
    from zoneinfo import ZoneInfo

    return ZoneInfo(KST_ZONE_NAME)

_DATE = r"(\d{4})-(\d{2})-(\d{2})"
_DATETIME = r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?"


def today_kst(now: dt.datetime | None = None) -> dt.date:
    """Today's date in Korea (what a Korean office calls "today", wherever this computer is)."""
    now = now or dt.datetime.now(dt.timezone.utc)
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.timezone.utc)
    return now.astimezone(KST).date()


def parse_date(text: object) -> dt.date | None:
    """'YYYY-MM-DD' -> date, or None when it is not a real date."""
    if isinstance(text, dt.datetime):
        return text.date()
    if isinstance(text, dt.date):
        return text
    if not isinstance(text, str):
        return None
    m = re.fullmatch(_DATE, text.strip())
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


# The dates an assessment can be made for: far enough either way for any case, near enough that
# twelve months of windows and every "N years after" in the rules stay real dates.
FIRST_ASSESSMENT_DAY = dt.date(1900, 1, 1)
LAST_ASSESSMENT_DAY = dt.date(2999, 12, 31)


def parse_assessment_date(text: object) -> dt.date | None:
    """Like parse_date, and None for a day outside FIRST_ASSESSMENT_DAY..LAST_ASSESSMENT_DAY."""
    day = parse_date(text)
    if day is None or not FIRST_ASSESSMENT_DAY <= day <= LAST_ASSESSMENT_DAY:
        return None
    return day


def parse_kst(text: object, end_of_day: bool) -> dt.datetime | None:
    """A round's opening or closing moment as an aware KST datetime.

    A date alone means the start of that day when opening and the last second of it when closing:
    "applications until February 14" accepts an application sent at 23:00 that day.
    """
    if isinstance(text, str):
        m = re.fullmatch(_DATETIME, text.strip())
        if m:
            try:
                return dt.datetime(
                    int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6] or 0), tzinfo=KST
                )
            except ValueError:
                return None
    day = parse_date(text)
    if day is None:
        return None
    if end_of_day:
        return dt.datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=KST)
    return dt.datetime(day.year, day.month, day.day, tzinfo=KST)
