"""The one object the UI holds: an open database and every operation on saved profiles.

Each method is one transaction, committed (and flushed to disk, see database.py) before it
returns, so what the user did is saved whatever happens next. Database problems come out as
`StorageError` with a `kind` and a `Text` message; mistakes in the call itself (an unknown
applicant type, a float as an answer) are `ValueError`/`TypeError`, and an id that is not there is
`NoSuchProfile`. A lock makes the store usable from a worker thread as well as the UI thread.
"""

from __future__ import annotations

import datetime as dt
import functools
import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, Sequence, TypeVar

from desktop.engine.model import Assessment
from desktop.storage import answers as _answers
from desktop.storage import assessments as _assessments
from desktop.storage import caseload as _caseload
from desktop.storage import profiles as _profiles
from desktop.storage import recheck as _recheck
from desktop.storage.answers import AnswerRecord, DamagedAnswer
from desktop.storage.assessments import AssessmentRecord, StatusChange
from desktop.storage.codec import timestamp, utc_now
from desktop.storage.database import DEFAULT_TIMEOUT, default_path, open_database, wrap
from desktop.storage.errors import StorageError, storage_error
from desktop.storage.migrations import schema_version
from desktop.storage.transactions import write_transaction
from desktop.storage.profiles import ProfileRecord, ProfileSummary

if TYPE_CHECKING:
    from sqlite_utils import Database

Clock = Callable[[], dt.datetime]
T = TypeVar("T")

# Errors that say something about the file; the others (IntegrityError, ProgrammingError, ...)
# are mistakes in this code and are left as they are.
_FILE_ERRORS = (sqlite3.OperationalError, sqlite3.InternalError)

# How long a deleted profile stays in the trash, restorable, before it is gone for good.
TRASH_DAYS = 30


def _guarded(method: Callable[..., T]) -> Callable[..., T]:
    @functools.wraps(method)
    def wrapper(self: "Store", *args: Any, **kwargs: Any) -> T:
        with self._lock:
            try:
                return method(self, *args, **kwargs)
            except _FILE_ERRORS as error:
                raise storage_error(error, self.path) from error
            except sqlite3.DatabaseError as error:
                if type(error) is not sqlite3.DatabaseError:
                    raise
                raise storage_error(error, self.path) from error

    return wrapper


class Store:
    """Saved profiles, their answers and their assessment history, in one SQLite file."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path, recovered_from: Path | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self.conn = conn
        self._db: Database | None = None
        self.path = path
        # Where a damaged database was moved when this one was started fresh (tell the user).
        self.recovered_from = recovered_from
        self._clock = clock
        self._lock = threading.RLock()

    def _now(self) -> str:
        return timestamp(self._clock())

    @property
    def db(self) -> Database:
        """The connection as sqlite-utils sees it, made at the first call that writes (or reads
        beyond what the start page shows): see rows.py."""
        with self._lock:
            if self._db is None:
                self._db = wrap(self.conn)
            return self._db

    # ------------------------------------------------------------ the file

    @property
    @_guarded
    def schema_version(self) -> int:
        return schema_version(self.db)

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ profiles

    @_guarded
    def create_profile(
        self, name: str, applicant_type: str, answers: Mapping[str, Any] | None = None
    ) -> int:
        """A new profile, with its first answers if given (all saved, or nothing)."""
        with write_transaction(self.db):
            now = self._now()
            profile_id = _profiles.create_profile(self.db, name, applicant_type, now)
            rest = {k: v for k, v in (answers or {}).items() if k != _answers.APPLICANT_TYPE}
            _answers.set_answers(self.db, profile_id, rest, now)
            return profile_id

    @_guarded
    def get_profile(self, profile_id: int) -> ProfileRecord:
        return _profiles.get_profile(self.db, profile_id)

    @_guarded
    def list_profiles(self, current_rules_version: str | None = None) -> list[ProfileSummary]:
        """With `current_rules_version`, each summary also says whether it is stale."""
        return _profiles.list_profiles(self.conn, current_rules_version)

    @_guarded
    def rename_profile(self, profile_id: int, name: str) -> None:
        with write_transaction(self.db):
            _profiles.rename_profile(self.db, profile_id, name, self._now())

    @_guarded
    def duplicate_profile(self, profile_id: int, name: str | None = None) -> int:
        """A copy with the same answers, named "<name> (사본)" unless a name is given."""
        with write_transaction(self.db):
            return _profiles.duplicate_profile(self.db, profile_id, name, self._now())

    @_guarded
    def delete_profile(self, profile_id: int) -> None:
        """The profile, its answers and its assessments, for good (from the trash too)."""
        with write_transaction(self.db):
            _profiles.delete_profile(self.db, profile_id)

    @_guarded
    def trash_profile(self, profile_id: int) -> None:
        """Out of the list and of every call but `restore_profile`; kept for TRASH_DAYS."""
        with write_transaction(self.db):
            _profiles.trash_profile(self.db, profile_id, self._now())

    @_guarded
    def restore_profile(self, profile_id: int) -> None:
        """Back from the trash, as it was."""
        with write_transaction(self.db):
            _profiles.restore_profile(self.db, profile_id)

    @_guarded
    def trashed_profiles(self) -> list[tuple[ProfileRecord, dt.datetime]]:
        """(profile, when it was put in the trash), the most recent first."""
        return _profiles.trashed_profiles(self.conn)

    @_guarded
    def empty_trash(self, older_than_days: int = TRASH_DAYS) -> list[int]:
        """Delete for good what has been in the trash longer than that; the ids deleted."""
        if not _profiles.trashed_profiles(self.conn):
            return []  # the usual case: nothing to do, and no reading of the clock
        before = timestamp(self._clock() - dt.timedelta(days=older_than_days))
        if not _profiles.trashed_before(self.conn, before):
            return []  # nothing old enough: no write
        with write_transaction(self.db):
            return _profiles.empty_trash(self.db, before)

    @_guarded
    def set_position(self, profile_id: int, position: Any) -> None:
        """Where the wizard is (any JSON data, e.g. {"question": "employees"}), to resume there."""
        with write_transaction(self.db):
            _profiles.set_position(self.db, profile_id, position)

    # ------------------------------------------------------------ answers

    @_guarded
    def set_answer(self, profile_id: int, question_id: str, value: Any) -> None:
        """Saved and on disk when this returns. None = "I don't know"."""
        with write_transaction(self.db):
            _answers.set_answer(self.db, profile_id, question_id, value, self._now())

    @_guarded
    def set_answers(self, profile_id: int, answers: Mapping[str, Any]) -> None:
        """Several answers at once, all or none."""
        with write_transaction(self.db):
            _answers.set_answers(self.db, profile_id, dict(answers), self._now())

    @_guarded
    def clear_answer(self, profile_id: int, question_id: str) -> None:
        """Back to "not answered"."""
        with write_transaction(self.db):
            _answers.clear_answer(self.db, profile_id, question_id, self._now())

    @_guarded
    def get_answers(self, profile_id: int) -> dict[str, Any]:
        return _answers.get_answers(self.db, profile_id)

    @_guarded
    def answer_records(self, profile_id: int) -> list[AnswerRecord]:
        """The answers with when each was given."""
        return _answers.answer_records(self.db, profile_id)

    @_guarded
    def damaged_answers(self, profile_id: int) -> list[DamagedAnswer]:
        """Answer rows that cannot be read: left out of `get_answers`, to be named to the user."""
        return _answers.damaged_answers(self.db, profile_id)

    # ------------------------------------------------------------ assessments

    @_guarded
    def save_assessment(self, profile_id: int, assessment: Assessment, changes: Any = None) -> int:
        """`changes`: a ProfileChanges since the previous assessment, kept with this one when it
        changed something."""
        text = _recheck.changes_to_json(changes) if changes is not None and changes.changed else None
        with write_transaction(self.db):
            return _assessments.save_assessment(self.db, profile_id, assessment, self._now(), text)

    @_guarded
    def recheck_all(self, new_pack, as_of: dt.date, packs: Mapping[str, Any], progress=None,
                    batch: int | None = None, only: Iterable[int] | None = None,
                    current: Mapping[int, Assessment] | None = None) -> list:
        """Every assessed profile (or those in `only`) under the new rules, written in one
        transaction or in batches of `batch` with `progress` able to stop between them; the ones
        with a change (see recheck.py)."""
        return _recheck.recheck_all(self.db, new_pack, as_of, packs, self._now(), progress,
                                    batch, only, current)

    @_guarded
    def flagged_profiles(self) -> dict[int, dict]:
        return _recheck.flagged_profiles(self.conn)

    @_guarded
    def watched_programs(self) -> list[str]:
        return _recheck.watched(self.conn)

    @_guarded
    def set_watched(self, program_id: str, on: bool) -> None:
        with write_transaction(self.db):
            _recheck.set_watched(self.db, program_id, on, self._now())

    @_guarded
    def history(self, profile_id: int) -> list[AssessmentRecord]:
        """Newest first."""
        return _assessments.history(self.db, profile_id)

    @_guarded
    def last_assessment(self, profile_id: int) -> AssessmentRecord | None:
        return _assessments.last_assessment(self.conn, profile_id)

    @_guarded
    def is_stale(self, profile_id: int, current_rules_version: str) -> bool:
        return _assessments.is_stale(self.db, profile_id, current_rules_version)

    # ------------------------------------------------------------ many profiles at once

    @_guarded
    def all_answers(self) -> dict[int, dict[str, Any]]:
        """Profile id -> answers (with `applicant_type`), for every profile, in one query."""
        return _caseload.all_answers(self.db)

    @_guarded
    def last_assessments(self) -> dict[int, AssessmentRecord]:
        """Profile id -> its newest assessment, for every profile that has one."""
        return _caseload.last_assessments(self.conn)

    @_guarded
    def last_rules_versions(self) -> dict[int, str]:
        """Profile id -> the rules version its newest assessment was made with."""
        return _caseload.last_rules_versions(self.db)

    @_guarded
    def flagged_changes(self) -> dict[int, Any]:
        """Profile id -> what changed at its newest assessment (a ProfileChanges), for the
        profiles where something did."""
        return {pid: _recheck.changes_from_stored(stored)
                for pid, stored in _recheck.flagged_profiles(self.conn).items()}

    @_guarded
    def create_profiles(
        self, clients: Sequence[tuple[str, str, Mapping[str, Any]]],
        assessments: Sequence[Assessment] | None = None,
    ) -> list[int]:
        """A profile per (name, applicant type, answers), each with its first assessment when
        given: all of them saved, or none."""
        with write_transaction(self.db):
            now = self._now()
            ids = _caseload.create_profiles(self.db, clients, now)
            if assessments is not None:
                _caseload.save_assessments(self.db, zip(ids, assessments), now)
            return ids

    @_guarded
    def save_assessments(self, items: Iterable[tuple[int, Assessment]]) -> int:
        """Several (profile id, assessment) at once, in one transaction."""
        with write_transaction(self.db):
            return _caseload.save_assessments(self.db, items, self._now())

    @staticmethod
    def status_changes(
        old: Mapping[str, Any] | AssessmentRecord | None,
        new: Assessment | AssessmentRecord | Mapping[str, Any],
    ) -> list[StatusChange]:
        return _assessments.status_changes(old, new)


def open_store(
    path: str | Path | None = None, *, timeout: float = DEFAULT_TIMEOUT, clock: Clock = utc_now
) -> Store:
    """Open (creating and migrating as needed) the database; the user's data folder by default.

    `":memory:"` gives a store that keeps nothing once the program ends, for carrying on when the
    file cannot be used (the user must be told that nothing is saved).

    Raises `StorageError` ('locked', 'readonly', 'io', 'newer'; 'corrupt' only when a damaged
    file could not be moved aside). A damaged file is moved aside and `store.recovered_from` says
    where it went.
    """
    target = Path(path) if path is not None else default_path()
    conn, moved = open_database(target, timeout)
    store = Store(conn, target, recovered_from=moved, clock=clock)
    try:
        store.empty_trash()
    except StorageError:  # a read-only file keeps its trash a little longer; nothing is lost
        pass
    return store
