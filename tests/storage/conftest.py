"""Fixtures for the storage tests: a real database file in tmp_path and a clock the tests control.

The clock ticks one second per reading so that timestamps in whole-row assertions are known in
advance and every write gets a distinct, ordered time.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.storage import open_store

START = dt.datetime(2025, 3, 1, 9, 0, 0, tzinfo=dt.timezone.utc)


class TickingClock:
    def __init__(self, start: dt.datetime = START) -> None:
        self.current = start - dt.timedelta(seconds=1)

    def __call__(self) -> dt.datetime:
        self.current += dt.timedelta(seconds=1)
        return self.current

    def at(self, tick: int) -> dt.datetime:
        """The time the clock gave at its `tick`-th reading (1-based)."""
        return START + dt.timedelta(seconds=tick - 1)

    def stamp(self, tick: int) -> str:
        """The same time as the text the database keeps."""
        return self.at(tick).isoformat(timespec="microseconds")


@pytest.fixture
def clock() -> TickingClock:
    return TickingClock()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "jiwon.db"


@pytest.fixture
def store(db_path, clock):
    s = open_store(db_path, clock=clock, timeout=0.2)
    yield s
    s.close()
