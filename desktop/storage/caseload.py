"""Many profiles at once, for a consultant's caseload: read every answer and every last check in one
query each, create a whole imported client list in one go, save a batch of assessments together.

The one-profile functions (profiles.py, answers.py, assessments.py) make three or four queries per
answer, which is right for a wizard saving as the user types and far too slow for a list of a
thousand clients. These functions work inside a transaction the caller opened, like the others.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from desktop.engine.model import Assessment
from desktop.storage.answers import APPLICANT_TYPE
from desktop.storage.assessments import (AssessmentRecord, _record, count_statuses, snapshot,
                                         snapshot_statuses, stored_texts)
from desktop.storage.codec import decode_answer, encode_answer
from desktop.storage.profiles import check_applicant_type, check_name
from desktop.storage.rows import rows

if TYPE_CHECKING:
    from sqlite_utils import Database


def all_answers(db: Database) -> dict[int, dict[str, Any]]:
    """profile id -> the answers dict the engine takes (`applicant_type` first)."""
    found: dict[int, dict[str, Any]] = {
        row["id"]: {APPLICANT_TYPE: row["applicant_type"]}
        for row in db.query("SELECT id, applicant_type FROM profiles")
    }
    for row in db.query("SELECT profile_id, question_id, kind, value FROM answers ORDER BY rowid"):
        answers = found.get(row["profile_id"])
        if answers is not None:
            answers[row["question_id"]] = decode_answer(row["kind"], row["value"])
    return found


def last_assessments(conn: sqlite3.Connection) -> dict[int, AssessmentRecord]:
    """profile id -> its newest assessment, for every profile that has one (read on the plain
    connection: the start page's notes on watched programs need it)."""
    found = rows(conn,
        "SELECT a.* FROM assessments AS a JOIN "
        "(SELECT profile_id, max(id) AS id FROM assessments GROUP BY profile_id) AS newest "
        "ON a.id = newest.id")
    return {row["profile_id"]: _record(row) for row in found}


def last_rules_versions(db: Database) -> dict[int, str]:
    """profile id -> the rules version of its newest assessment (no snapshot read)."""
    rows = db.query(
        "SELECT a.profile_id, a.rules_version FROM assessments AS a JOIN "
        "(SELECT profile_id, max(id) AS id FROM assessments GROUP BY profile_id) AS newest "
        "ON a.id = newest.id")
    return {row["profile_id"]: row["rules_version"] for row in rows}


def create_profiles(db: Database, clients: Sequence[tuple[str, str, Mapping[str, Any]]],
                    now: str) -> list[int]:
    """A profile per (name, applicant type, answers), in order; returns their ids."""
    # SQL written out: sqlite-utils' insert and insert_all look the table up and convert every
    # value again for each row, which is most of the time an imported list takes to save
    ids: list[int] = []
    rows: list[tuple[Any, ...]] = []
    for name, applicant_type, answers in clients:
        profile_id = db.execute(
            "INSERT INTO profiles (name, applicant_type, created, updated, position) "
            "VALUES (?, ?, ?, ?, NULL)",
            [check_name(name), check_applicant_type(applicant_type), now, now]).lastrowid
        ids.append(profile_id)
        for question_id, value in answers.items():
            if question_id == APPLICANT_TYPE:
                continue
            kind, text = encode_answer(value)
            rows.append((profile_id, question_id, kind, text, now))
    if rows:
        db.conn.executemany(
            "INSERT INTO answers (profile_id, question_id, kind, value, answered) "
            "VALUES (?, ?, ?, ?, ?)", rows)
    return ids


def save_assessments(db: Database, items: Iterable[tuple[int, Assessment]], now: str) -> int:
    """Every (profile id, assessment) as a new history row; returns how many were saved."""
    rows = []
    for profile_id, assessment in items:
        data = snapshot(assessment)
        counts = count_statuses(snapshot_statuses(data))
        rows.append((profile_id, now, data["as_of"], assessment.rules_version,
                     counts["eligible"], counts["ineligible"], counts["undetermined"], *stored_texts(data)))
    if rows:
        db.conn.executemany(
            "INSERT INTO assessments (profile_id, created, as_of, rules_version, eligible, "
            "ineligible, undetermined, snapshot, program_facts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)
