"""Profile rows: one applicant (a company, a school, a person) with a name the user chose.

These functions work on a sqlite-utils `Database` inside a transaction the caller opened (those
the start page calls read the plain connection: see rows.py); the `Store` is what the rest of the
program calls. A profile's answers and assessments live in their
own tables (answers.py, assessments.py) and go with it when it is duplicated or deleted.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
import sqlite3
from typing import TYPE_CHECKING, Any, Mapping

if TYPE_CHECKING:
    from sqlite_utils import Database

from desktop.engine.model import APPLICANT_TYPES
from desktop.storage.codec import parse_timestamp
from desktop.storage.errors import NoSuchProfile
from desktop.storage.rows import rows

COPY_SUFFIX = " (사본)"
STATUSES = ("eligible", "ineligible", "undetermined")


@dataclass(frozen=True)
class ProfileRecord:
    """A profile as stored. `position` is whatever the wizard saved to resume (JSON data) or None."""

    id: int
    name: str
    applicant_type: str
    created: dt.datetime
    updated: dt.datetime  # last change of name or answers
    position: Any = None


@dataclass(frozen=True)
class ProfileSummary:
    """One line of the saved-profiles list, with what its last assessment found."""

    id: int
    name: str
    applicant_type: str
    updated: dt.datetime
    last_assessed: dt.datetime | None  # when the last assessment was made
    last_as_of: dt.date | None  # the date it assessed for
    rules_version: str | None  # of the last assessment
    counts: Mapping[str, int] = field(default_factory=dict)  # status -> programs; {} if never
    stale: bool | None = None  # rules changed since; None when no current version was given


def check_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned:
        raise ValueError("a profile needs a name")
    return cleaned


def check_applicant_type(applicant_type: str) -> str:
    if applicant_type not in APPLICANT_TYPES:
        raise ValueError(f"applicant_type must be one of {APPLICANT_TYPES}, not {applicant_type!r}")
    return applicant_type


def _record(row: dict[str, Any]) -> ProfileRecord:
    return ProfileRecord(
        id=row["id"],
        name=row["name"],
        applicant_type=row["applicant_type"],
        created=parse_timestamp(row["created"]),
        updated=parse_timestamp(row["updated"]),
        position=json.loads(row["position"]) if row["position"] is not None else None,
    )


def require(conn: sqlite3.Connection, profile_id: int) -> dict[str, Any]:
    """The profile's row; a profile in the trash is not there for anything but restoring it."""
    found = rows(conn, "SELECT * FROM profiles WHERE id = ? AND trashed IS NULL", [profile_id])
    if not found:
        raise NoSuchProfile(profile_id)
    return found[0]


def create_profile(db: Database, name: str, applicant_type: str, now: str) -> int:
    row = {
        "name": check_name(name),
        "applicant_type": check_applicant_type(applicant_type),
        "created": now,
        "updated": now,
        "position": None,
    }
    return db.table("profiles").insert(row).last_pk


def get_profile(db: Database, profile_id: int) -> ProfileRecord:
    return _record(require(db.conn, profile_id))


def touch(db: Database, profile_id: int, now: str) -> None:
    db.table("profiles").update(profile_id, {"updated": now})


def rename_profile(db: Database, profile_id: int, name: str, now: str) -> None:
    require(db.conn, profile_id)
    db.table("profiles").update(profile_id, {"name": check_name(name), "updated": now})


def set_applicant_type(db: Database, profile_id: int, applicant_type: str, now: str) -> None:
    require(db.conn, profile_id)
    db.table("profiles").update(
        profile_id, {"applicant_type": check_applicant_type(applicant_type), "updated": now}
    )


def set_position(db: Database, profile_id: int, position: Any) -> None:
    """Not a change of the profile's content, so `updated` stays as it is."""
    require(db.conn, profile_id)
    text = json.dumps(position, ensure_ascii=False) if position is not None else None
    db.table("profiles").update(profile_id, {"position": text})


def duplicate_profile(db: Database, profile_id: int, name: str | None, now: str) -> int:
    """A new profile with the same answers (and their times) and position; no history."""
    source = require(db.conn, profile_id)
    new_id = db.table("profiles").insert(
        {
            "name": check_name(name) if name is not None else source["name"] + COPY_SUFFIX,
            "applicant_type": source["applicant_type"],
            "created": now,
            "updated": now,
            "position": source["position"],
        }
    ).last_pk
    db.execute(
        "INSERT INTO answers (profile_id, question_id, kind, value, answered) "
        "SELECT ?, question_id, kind, value, answered FROM answers WHERE profile_id = ? "
        "ORDER BY rowid",
        [new_id, profile_id],
    )
    return new_id


def delete_profile(db: Database, profile_id: int) -> None:
    """Gone for good, with its answers and assessments (in the trash or not)."""
    if not list(db.table("profiles").rows_where("id = ?", [profile_id], select="id")):
        raise NoSuchProfile(profile_id)
    db.table("answers").delete_where("profile_id = ?", [profile_id])
    db.table("assessments").delete_where("profile_id = ?", [profile_id])
    db.table("profiles").delete(profile_id)


def trash_profile(db: Database, profile_id: int, now: str) -> None:
    """Out of the list, answers and history kept, until restored or the trash is emptied."""
    require(db.conn, profile_id)
    db.table("profiles").update(profile_id, {"trashed": now})


def restore_profile(db: Database, profile_id: int) -> None:
    rows = list(db.table("profiles").rows_where("id = ? AND trashed IS NOT NULL", [profile_id]))
    if not rows:
        raise NoSuchProfile(profile_id)
    db.table("profiles").update(profile_id, {"trashed": None})


def trashed_profiles(conn: sqlite3.Connection) -> list[tuple[ProfileRecord, dt.datetime]]:
    """The profiles in the trash with when each was put there, the most recent first."""
    found = rows(conn, "SELECT * FROM profiles WHERE trashed IS NOT NULL ORDER BY trashed DESC, id DESC")
    return [(_record(row), parse_timestamp(row["trashed"])) for row in found]


def trashed_before(conn: sqlite3.Connection, before: str) -> list[int]:
    """The profiles put in the trash before `before`."""
    return [row["id"] for row in rows(conn, "SELECT id FROM profiles WHERE trashed IS NOT NULL AND trashed < ?",
                                      [before])]


def empty_trash(db: Database, before: str) -> list[int]:
    """Delete for good the profiles put in the trash before `before`; their ids."""
    ids = trashed_before(db.conn, before)
    for profile_id in ids:
        delete_profile(db, profile_id)
    return ids


_LIST_SQL = """
SELECT p.id, p.name, p.applicant_type, p.updated,
       a.created AS last_assessed, a.as_of, a.rules_version,
       a.eligible, a.ineligible, a.undetermined
FROM profiles AS p
LEFT JOIN assessments AS a
  ON a.id = (SELECT max(id) FROM assessments WHERE profile_id = p.id)
WHERE p.trashed IS NULL
ORDER BY p.updated DESC, p.id DESC
"""


def list_profiles(conn: sqlite3.Connection, current_rules_version: str | None = None) -> list[ProfileSummary]:
    """Every profile, the most recently changed first."""
    summaries = []
    for row in rows(conn, _LIST_SQL):
        assessed = row["last_assessed"] is not None
        stale = None
        if current_rules_version is not None:
            stale = assessed and row["rules_version"] != current_rules_version
        summaries.append(
            ProfileSummary(
                id=row["id"],
                name=row["name"],
                applicant_type=row["applicant_type"],
                updated=parse_timestamp(row["updated"]),
                last_assessed=parse_timestamp(row["last_assessed"]),
                last_as_of=dt.date.fromisoformat(row["as_of"]) if assessed else None,
                rules_version=row["rules_version"],
                counts={s: row[s] or 0 for s in STATUSES} if assessed else {},
                stale=stale,
            )
        )
    return summaries
