"""Assessment history: what each check of a profile found, and what changed since.

A profile is re-checked when the rules change (a new rule pack has a new content hash as its
version). To say "3 programs changed outcome" the old result must be kept as it was, independent
of the rule files that produced it, which may be gone. So each assessment is stored as a compact
JSON snapshot that is ours, not the engine's full `to_dict()` (which is tied to a language and
grows with every detail the views show): per program its status and name, the questions that
would decide it, the criteria it failed and its deadline, plus the answers it was made from. The
counts per status are columns too, for the saved-profiles list.

The snapshot (as `snapshot` makes it and `AssessmentRecord.snapshot` gives it back):
    {"format": 2, "as_of": "YYYY-MM-DD", "rules_version": str,
     "programs": {program id: {"status": str, "name": {"ko", "en"}, "missing": [question id],
                               "failed": [criterion id],
                               "deadline": {"status", "opens": "YYYY-MM-DD"|None,
                                            "closes": "YYYY-MM-DD"|None, "round": str|None,
                                            "estimated"}}},
     "answers": {question id: [kind, json text]}}   (see codec.py)

Format 2 keeps it in two columns (`stored_texts`): `snapshot` holds what is the profile's own,
    {"format": 2, "as_of", "rules_version", "programs": {program id: [status, missing, failed]},
     "answers"},
and `program_facts` what every profile checked under those rules on that day shares,
    {program id: {"name", "deadline"}},
so that a re-check reads a few hundred bytes per profile, not every program's names again. A
format 1 row (made before) holds the whole snapshot in `snapshot`, with "format": 1, and no
`program_facts`; both are read back alike (`read_snapshot`).

A deadline's "opens" and "round" were added later (a check stored before has neither): with them a
stored check says whether a window moved even when the rules it was made with are gone.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Mapping, NamedTuple

from desktop.engine.model import Assessment, Deadline, Text
from desktop.engine.what_changed import Recorded
from desktop.engine.watch_notes import KnownThen
from desktop.storage import profiles
from desktop.storage.codec import decode_answers, encode_answers, parse_timestamp
from desktop.storage.profiles import STATUSES
from desktop.storage.rows import rows

if TYPE_CHECKING:
    from sqlite_utils import Database

SNAPSHOT_FORMAT = 2


@dataclass(frozen=True)
class AssessmentRecord:
    id: int
    profile_id: int
    created: dt.datetime  # when the check was made
    as_of: dt.date  # the date it was made for
    rules_version: str
    counts: Mapping[str, int]  # status -> number of programs
    snapshot: Mapping[str, Any]  # see the module docstring

    def statuses(self) -> dict[str, str]:
        """Program id -> status, in the order the rules listed the programs."""
        return snapshot_statuses(self.snapshot)

    def answers(self) -> dict[str, Any]:
        """The answers the assessment was made from, with their Python types back."""
        return decode_answers(self.snapshot.get("answers", {}))

    def known(self) -> dict[str, KnownThen]:
        """What this check said of each program: its outcome and the deadline known that day
        (for the notes on watched programs, desktop.engine.watch_notes)."""
        out = {}
        for pid, entry in self.snapshot.get("programs", {}).items():
            d = entry.get("deadline") or {}
            try:
                closes = dt.date.fromisoformat(d["closes"]) if d.get("closes") else None
            except (TypeError, ValueError):
                closes = None
            out[pid] = KnownThen(entry.get("status", "undetermined"), d.get("status"), closes,
                                 bool(d.get("estimated")))
        return out


class StatusChange(NamedTuple):
    """A program whose outcome differs; None for a program that was not in one of the two."""

    program_id: str
    old: str | None
    new: str | None


def deadline_entry(deadline) -> dict[str, Any]:
    return {
        "status": deadline.status,
        "opens": deadline.opens.isoformat() if deadline.opens else None,
        "closes": deadline.closes.isoformat() if deadline.closes else None,
        "round": deadline.round_id,
        "estimated": deadline.estimated,
    }


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None


def recorded_programs(snapshot_data: Mapping[str, Any]) -> dict[str, Recorded]:
    """Each program of a stored snapshot as the engine's `Recorded` (for what changed since it
    when its rules are gone); a deadline recorded without its status has none."""
    found: dict[str, Recorded] = {}
    for pid, entry in snapshot_data.get("programs", {}).items():
        name = entry.get("name") or {}
        d = entry.get("deadline") or {}
        deadline = None
        if d.get("status"):
            deadline = Deadline(status=d["status"], opens=_day(d.get("opens")),
                                closes=_day(d.get("closes")), days_left=None,
                                estimated=bool(d.get("estimated")), round_id=d.get("round"),
                                kind=None)
        found[pid] = Recorded(entry.get("status"), Text(name.get("ko", pid), name.get("en", pid)),
                              deadline)
    return found


def program_entry(result) -> dict[str, Any]:
    """One program of a snapshot (see the module docstring)."""
    return {
        "status": result.status,
        "name": result.program.name.to_dict(),
        "missing": list(result.missing),
        "failed": list(result.failed),
        "deadline": deadline_entry(result.deadline),
    }


def snapshot(assessment: Assessment) -> dict[str, Any]:
    return {
        "format": SNAPSHOT_FORMAT,
        "as_of": assessment.as_of.isoformat(),
        "rules_version": assessment.rules_version,
        "programs": {result.id: program_entry(result) for result in assessment.programs},
        "answers": encode_answers(dict(assessment.answers)),
    }


def outcomes(programs: Mapping[str, Any]) -> dict[str, list]:
    """The programs of a whole snapshot as the profile's own part keeps them:
    program id -> [status, missing, failed]."""
    return {pid: [e["status"], e["missing"], e["failed"]] for pid, e in programs.items()}


def own_text(data: Mapping[str, Any]) -> str:
    """The `snapshot` column's text for a snapshot: the profile's own part."""
    own = {"format": SNAPSHOT_FORMAT, "as_of": data["as_of"], "rules_version": data["rules_version"],
           "programs": outcomes(data["programs"]), "answers": data["answers"]}
    return json.dumps(own, ensure_ascii=False)


def stored_texts(data: Mapping[str, Any]) -> tuple[str, str]:
    """The two column texts a snapshot is kept as (see the module docstring): the profile's own
    part, and the programs' names and deadlines."""
    facts = {pid: {"name": e["name"], "deadline": e["deadline"]} for pid, e in data["programs"].items()}
    return own_text(data), json.dumps(facts, ensure_ascii=False)


_FACTS: dict[str, dict] = {}  # program_facts text -> decoded: one text is shared by many rows


def _facts(text: str) -> dict:
    found = _FACTS.get(text)
    if found is None:
        if len(_FACTS) > 16:
            _FACTS.clear()
        found = _FACTS[text] = json.loads(text)
    return found


def read_snapshot(text: str, facts: str | None) -> dict[str, Any]:
    """The snapshot a row holds (format 1 or 2) in the shape `snapshot` makes."""
    return whole_snapshot(json.loads(text), facts)


def whole_snapshot(data: Mapping[str, Any], facts: str | None) -> dict[str, Any]:
    """`read_snapshot` from the row's `snapshot` already decoded."""
    if data.get("format") != 2:
        return dict(data)
    shared = _facts(facts) if facts is not None else {}  # names and deadlines lost: ids stand in
    programs = {}
    for pid, (status, missing, failed) in data["programs"].items():
        fact = shared.get(pid) or {}
        programs[pid] = {"status": status, "name": fact.get("name") or {"ko": pid, "en": pid},
                         "missing": missing, "failed": failed, "deadline": fact.get("deadline") or {}}
    return {**data, "programs": programs}


class SnapshotText:
    """The column texts of snapshots of one rules version on one day, exactly what
    `stored_texts(snapshot)` gives, with each program's entry written once per distinct outcome
    (the profiles of a re-check repeat the same few outcomes, a status with its open questions or
    failed criteria, thousands of times) and the programs' facts once for all."""

    def __init__(self, as_of: dt.date, rules_version: str, names: Mapping[str, Any],
                 deadlines: Mapping[str, Any]) -> None:
        self._head = json.dumps({"format": SNAPSHOT_FORMAT, "as_of": as_of.isoformat(),
                                 "rules_version": rules_version}, ensure_ascii=False)[:-1]
        self.facts = json.dumps({pid: {"name": names[pid], "deadline": deadlines[pid]} for pid in names},
                                ensure_ascii=False)
        self._entries: dict[tuple, str] = {}

    def entry(self, pid: str, status: str, missing, failed) -> str:
        key = (pid, status, tuple(missing), tuple(failed))
        text = self._entries.get(key)
        if text is None:
            text = self._entries[key] = json.dumps({pid: [status, list(missing), list(failed)]},
                                                   ensure_ascii=False)[1:-1]
        return text

    def dumps(self, entries: list[str], stored_answers: Mapping[str, Any]) -> str:
        """`entries` from `entry`, in the rules' order; the answers as the snapshot keeps them."""
        return (self._head + ', "programs": {' + ", ".join(entries) + '}, "answers": '
                + json.dumps(stored_answers, ensure_ascii=False) + "}")


def count_statuses(statuses: Mapping[str, str]) -> dict[str, int]:
    counts = {status: 0 for status in STATUSES}
    for status in statuses.values():
        counts[status] = counts.get(status, 0) + 1
    return counts


def snapshot_statuses(data: Mapping[str, Any]) -> dict[str, str]:
    return {pid: entry["status"] for pid, entry in data.get("programs", {}).items()}


def save_assessment(db: Database, profile_id: int, assessment: Assessment, now: str,
                    changes: str | None = None) -> int:
    """`changes`: what changed since the previous assessment (JSON from recheck.changes_to_json)."""
    profiles.require(db.conn, profile_id)
    data = snapshot(assessment)
    counts = count_statuses(snapshot_statuses(data))
    text, facts = stored_texts(data)
    return db.table("assessments").insert(
        {
            "profile_id": profile_id,
            "created": now,
            "as_of": data["as_of"],
            "rules_version": assessment.rules_version,
            "eligible": counts["eligible"],
            "ineligible": counts["ineligible"],
            "undetermined": counts["undetermined"],
            "snapshot": text,
            "program_facts": facts,
            "changes": changes,
        }
    ).last_pk


def _record(row: dict[str, Any]) -> AssessmentRecord:
    return AssessmentRecord(
        id=row["id"],
        profile_id=row["profile_id"],
        created=parse_timestamp(row["created"]),
        as_of=dt.date.fromisoformat(row["as_of"]),
        rules_version=row["rules_version"],
        counts={status: row[status] for status in STATUSES},
        snapshot=read_snapshot(row["snapshot"], row.get("program_facts")),
    )


def history(db: Database, profile_id: int) -> list[AssessmentRecord]:
    """Every assessment of the profile, the newest first."""
    profiles.require(db.conn, profile_id)
    rows = db.table("assessments").rows_where(
        "profile_id = ?", [profile_id], order_by="id DESC"
    )
    return [_record(row) for row in rows]


def last_assessment(conn: sqlite3.Connection, profile_id: int) -> AssessmentRecord | None:
    profiles.require(conn, profile_id)
    found = rows(conn, "SELECT * FROM assessments WHERE profile_id = ? ORDER BY id DESC LIMIT 1", [profile_id])
    return _record(found[0]) if found else None


def is_stale(db: Database, profile_id: int, current_rules_version: str) -> bool:
    """Whether the rules changed since the last assessment; False for a profile never assessed
    (there is nothing to re-check, only a first check to make)."""
    last = last_assessment(db.conn, profile_id)
    return last is not None and last.rules_version != current_rules_version


def _statuses_of(item: Assessment | AssessmentRecord | Mapping[str, Any] | None) -> dict[str, str]:
    if item is None:
        return {}
    if isinstance(item, Assessment):
        return {result.id: result.status for result in item.programs}
    if isinstance(item, AssessmentRecord):
        return item.statuses()
    return snapshot_statuses(item)


def status_changes(
    old: Mapping[str, Any] | AssessmentRecord | None,
    new: Assessment | AssessmentRecord | Mapping[str, Any],
) -> list[StatusChange]:
    """The programs whose status differs between an earlier snapshot and a newer assessment.

    Programs are listed in the newer assessment's order; programs that are no longer in the rules
    come last, with `new` None; a program new to the rules has `old` None.
    """
    before = _statuses_of(old)
    after = _statuses_of(new)
    changes = [
        StatusChange(pid, before.get(pid), status)
        for pid, status in after.items()
        if before.get(pid) != status
    ]
    changes += [StatusChange(pid, status, None) for pid, status in before.items() if pid not in after]
    return changes
