"""Answer rows: one per profile and question, saved the moment the answer is given.

The engine works on a plain dict (question id -> value, with `applicant_type` always present);
these functions turn that dict into rows and back, through codec.py so that every type returns
exactly as it went in. `applicant_type` is not an answer row: it lives on the profile, which needs
it for the list of saved profiles and which can never be without it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.storage import profiles
from desktop.storage.codec import decode_answer, encode_answer, parse_timestamp

if TYPE_CHECKING:
    from sqlite_utils import Database

APPLICANT_TYPE = "applicant_type"

# Written out, not sqlite-utils' upsert (see database.py): a new answer is inserted, a changed one
# updated in place (its rowid, hence its place in the order of first answers, stays).
_UPSERT = (
    "INSERT INTO answers (profile_id, question_id, kind, value, answered) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (profile_id, question_id) DO UPDATE SET "
    "kind = excluded.kind, value = excluded.value, answered = excluded.answered"
)


@dataclass(frozen=True)
class AnswerRecord:
    question_id: str
    value: Any  # None = "I don't know"
    answered: dt.datetime  # when it was given


def set_answer(db: Database, profile_id: int, question_id: str, value: Any, now: str) -> None:
    if question_id == APPLICANT_TYPE:
        profiles.set_applicant_type(db, profile_id, value, now)
        return
    profiles.require(db.conn, profile_id)
    kind, text = encode_answer(value)
    db.execute(_UPSERT, [profile_id, question_id, kind, text, now])
    profiles.touch(db, profile_id, now)


def set_answers(db: Database, profile_id: int, answers: dict[str, Any], now: str) -> None:
    for question_id, value in answers.items():
        set_answer(db, profile_id, question_id, value, now)


def clear_answer(db: Database, profile_id: int, question_id: str, now: str) -> None:
    """Back to "not answered" (no row), which the wizard asks again; not the same as None."""
    if question_id == APPLICANT_TYPE:
        raise ValueError("applicant_type cannot be cleared; a profile always has one")
    profiles.require(db.conn, profile_id)
    cursor = db.execute(
        "DELETE FROM answers WHERE profile_id = ? AND question_id = ?", [profile_id, question_id]
    )
    if cursor.rowcount:
        profiles.touch(db, profile_id, now)


@dataclass(frozen=True)
class DamagedAnswer:
    """An answer row that cannot be read back (edited or damaged outside Jiwon): left out, so
    that the question is asked again, and named to the user. Answering it again replaces it."""

    question_id: str
    reason: str


def _read_rows(db: Database, profile_id: int) -> tuple[list[AnswerRecord], list[DamagedAnswer]]:
    good: list[AnswerRecord] = []
    damaged: list[DamagedAnswer] = []
    for row in db.table("answers").rows_where("profile_id = ?", [profile_id], order_by="rowid"):
        try:
            good.append(AnswerRecord(row["question_id"], decode_answer(row["kind"], row["value"]),
                                     parse_timestamp(row["answered"])))
        except (ValueError, TypeError, KeyError, RecursionError) as error:
            damaged.append(DamagedAnswer(str(row["question_id"]), f"{type(error).__name__}: {error}"))
    return good, damaged


def answer_records(db: Database, profile_id: int) -> list[AnswerRecord]:
    """The answer rows that can be read, in the order the questions were first answered."""
    profiles.require(db.conn, profile_id)
    return _read_rows(db, profile_id)[0]


def damaged_answers(db: Database, profile_id: int) -> list[DamagedAnswer]:
    """The answer rows that cannot be read (see DamagedAnswer)."""
    profiles.require(db.conn, profile_id)
    return _read_rows(db, profile_id)[1]


def get_answers(db: Database, profile_id: int) -> dict[str, Any]:
    """The answers dict the engine takes: `applicant_type` first, then the answers given."""
    row = profiles.require(db.conn, profile_id)
    answers: dict[str, Any] = {APPLICANT_TYPE: row["applicant_type"]}
    for record in answer_records(db, profile_id):
        answers[record.question_id] = record.value
    return answers
