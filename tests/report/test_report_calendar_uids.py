"""A program's window keeps its calendar UID when its estimate becomes an announced round, so a
calendar that imports the exported file again updates the event instead of keeping both."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import icalendar

from desktop.engine import calendar, load_rules
from desktop.report.ics import calendar_bytes

FIXTURES = Path(__file__).resolve().parents[1] / "engine" / "fixtures"
AS_OF = dt.date(2026, 4, 10)  # the 2026 round is over: next year's is estimated
ANNOUNCED = """  - id: "2027-1"
    kind: fixed
    opens: 2027-03-04
    closes: 2027-04-02
"""


def uids(rules: Path) -> dict[str, tuple[str, bool]]:
    entries = [e for e in calendar(load_rules(rules), AS_OF) if e.program.id == "sme-grant"]
    events = icalendar.Calendar.from_ical(calendar_bytes(entries, "ko")).walk("VEVENT")
    return {str(ev["UID"]): (str(ev.decoded("DTSTART")), e.estimated)
            for ev, e in zip(events, entries)}


def test_estimate_and_announced_round_share_their_uid(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(FIXTURES / "rules", rules)
    shutil.copytree(FIXTURES / "seeds", tmp_path / "seeds")
    estimated = uids(rules)
    assert [flag for _, flag in estimated.values()] == [True]

    program = rules / "programs" / "sme-grant.yaml"
    text = program.read_text(encoding="utf-8")
    program.write_text(text.replace("recurrence:", ANNOUNCED + "recurrence:", 1), encoding="utf-8")
    announced = uids(rules)
    assert [flag for _, flag in announced.values()] == [False]
    assert list(announced) == list(estimated)
    assert announced != estimated  # the same event, now on the announced date
