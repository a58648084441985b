"""The database schema, built up step by step so that an old file can be brought up to date.

A user's database outlives the version of Jiwon that made it. Each schema change is one function
registered with `@migration`, named `mNNN_what`, applied once and in order, each in its own
transaction together with the row in `_migrations` that records it: a crash half-way leaves the
file at the previous step, never in between. A step never changes once released; a later step
changes what an earlier one made. Every step also checks what is already there, so running it a
second time does nothing.

The schema version is the number of steps applied; it is also written to `PRAGMA user_version`
so that other tools can see it.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Callable

from desktop.storage.codec import timestamp, utc_now
from desktop.storage.rows import has_table, rows
from desktop.storage.transactions import write_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

Migration = Callable[["Database"], None]
MIGRATIONS: list[Migration] = []
MIGRATIONS_TABLE = "_migrations"


def migration(fn: Migration) -> Migration:
    """Register a schema step; steps run in the order they are defined."""
    if any(existing.__name__ == fn.__name__ for existing in MIGRATIONS):
        raise ValueError(f"migration {fn.__name__} is defined twice")
    MIGRATIONS.append(fn)
    return fn


@migration
def m001_initial(db: Database) -> None:
    """Profiles, their answers (one row per question, with when it was given) and assessments."""
    db.table("profiles").create(
        {
            "id": int,
            "name": str,
            "applicant_type": str,
            "created": str,
            "updated": str,
        },
        pk="id",
        not_null={"name", "applicant_type", "created", "updated"},
        if_not_exists=True,
    )
    db.table("answers").create(
        {
            "profile_id": int,
            "question_id": str,
            "kind": str,  # how to read `value` back: see codec.py
            "value": str,  # JSON text
            "answered": str,
        },
        pk=("profile_id", "question_id"),
        foreign_keys=[("profile_id", "profiles", "id")],
        not_null={"profile_id", "question_id", "kind", "value", "answered"},
        if_not_exists=True,
    )
    db.table("assessments").create(
        {
            "id": int,
            "profile_id": int,
            "created": str,
            "as_of": str,
            "rules_version": str,
            "eligible": int,
            "ineligible": int,
            "undetermined": int,
            "snapshot": str,  # JSON: see assessments.py
        },
        pk="id",
        foreign_keys=[("profile_id", "profiles", "id")],
        not_null={"profile_id", "created", "as_of", "rules_version", "snapshot"},
        if_not_exists=True,
    )


@migration
def m002_profile_position(db: Database) -> None:
    """Where the user was in the wizard, so that reopening a profile resumes there."""
    if "position" not in db.table("profiles").columns_dict:
        db.table("profiles").add_column("position", str)


@migration
def m003_assessments_by_profile(db: Database) -> None:
    """History and "last assessment" look assessments up by profile, newest first."""
    db.table("assessments").create_index(
        ["profile_id", "id"], index_name="assessments_by_profile", if_not_exists=True
    )


@migration
def m004_changes_and_watch_list(db: Database) -> None:
    """What changed since the profile's previous assessment (kept with the newer one, so the flag
    and the PDF page read it back), and the programs the user follows."""
    if "changes" not in db.table("assessments").columns_dict:
        db.table("assessments").add_column("changes", str)  # JSON, see recheck.py; NULL: none
    db.table("watched_programs").create(
        {"program_id": str, "added": str}, pk="program_id", not_null={"added"}, if_not_exists=True
    )


@migration
def m005_profile_trash(db: Database) -> None:
    """A deleted profile goes to the trash first (when, or NULL), so a deletion can be undone."""
    if "trashed" not in db.table("profiles").columns_dict:
        db.table("profiles").add_column("trashed", str)


@migration
def m006_program_facts(db: Database) -> None:
    """A check's program names and deadlines, the same for every profile checked under those
    rules on that day, kept beside its snapshot rather than in it (snapshot format 2, see
    assessments.py); NULL for a check stored whole before (format 1)."""
    if "program_facts" not in db.table("assessments").columns_dict:
        db.table("assessments").add_column("program_facts", str)


SCHEMA_VERSION = len(MIGRATIONS)


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """Names of the steps already applied to this database, in the order they were applied."""
    if not has_table(conn, MIGRATIONS_TABLE):
        return []
    return [row["name"] for row in rows(conn, f"SELECT name FROM [{MIGRATIONS_TABLE}] ORDER BY rowid")]


def unknown_migrations(conn: sqlite3.Connection) -> list[str]:
    """Steps recorded in the file that this version does not know: a newer Jiwon made it."""
    known = {fn.__name__ for fn in MIGRATIONS}
    return [name for name in applied_migrations(conn) if name not in known]


def pending_migrations(conn: sqlite3.Connection) -> bool:
    """Whether a step of this version is not applied yet (`migrate` has something to do)."""
    return bool({fn.__name__ for fn in MIGRATIONS} - set(applied_migrations(conn)))


def schema_version(db: Database) -> int:
    known = {fn.__name__ for fn in MIGRATIONS}
    return sum(1 for name in applied_migrations(db.conn) if name in known)


def migrate(db: Database, upto: int | None = None) -> list[str]:
    """Apply the pending steps (the first `upto` steps only, when given); returns their names."""
    with write_transaction(db):
        db.table(MIGRATIONS_TABLE).create(
            {"name": str, "applied": str}, pk="name", if_not_exists=True
        )
    done = set(applied_migrations(db.conn))
    ran: list[str] = []
    for index, fn in enumerate(MIGRATIONS[:upto] if upto is not None else MIGRATIONS, start=1):
        if fn.__name__ in done:
            continue
        with write_transaction(db):
            fn(db)
            db.table(MIGRATIONS_TABLE).insert(
                {"name": fn.__name__, "applied": timestamp(utc_now())}
            )
            db.execute(f"PRAGMA user_version = {index:d}")
        ran.append(fn.__name__)
    return ran
