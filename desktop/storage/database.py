"""Opening the database file: where it lives, how it is made safe, and what happens when it is not.

Choices, and why:

- One file in the user's data folder (`platformdirs`), so that the app works with no set-up and a
  consultant's profiles survive an app update.
- Rollback journal (`journal_mode=DELETE`) with `synchronous=FULL`, not WAL: each write is a
  transaction that is on disk (journal and database flushed) before the call returns, so killing the
  program, or losing power, right after an answer loses nothing. The file stays a single file that
  can be copied or mailed, it keeps working on network and read-only folders, and a damaged file
  has no `-wal`/`-shm` companions to lose track of. The price, an fsync per answer, is a few
  milliseconds at human typing speed.
- Every write is one `BEGIN IMMEDIATE` transaction: see transactions.py.
- Every open checks the file (`PRAGMA quick_check`) and tries a write that it then rolls back, so a
  damaged, locked or read-only file is found when the app starts, with a clear message, rather than
  on the first answer.
- Opening reads with the standard library alone (`sqlite3`); sqlite-utils, with what it imports,
  is needed only for a schema step and, later, for writing (`wrap`), so the start page does not
  wait for it.
- A damaged file is never deleted: it is renamed to `<name>.corrupt-YYYYmmdd-HHMMSS` (its journal
  with it) and a fresh database is started; the caller is told, to tell the user.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import paths
from desktop.storage.errors import StorageError, classify, storage_error
from desktop.storage.migrations import migrate, pending_migrations, unknown_migrations

if TYPE_CHECKING:
    from sqlite_utils import Database

FILE_NAME = "jiwon.db"
# How long to wait for another connection to let go of the file before calling it locked.
DEFAULT_TIMEOUT = 3.0
_COMPANIONS = ("-journal", "-wal", "-shm")


def default_path() -> Path:
    return paths.user_data_dir() / FILE_NAME


def connect(path: Path, timeout: float) -> sqlite3.Connection:
    """The raw connection; one place, so that every open uses the same settings."""
    return sqlite3.connect(str(path), timeout=timeout, check_same_thread=False)


def wrap(conn: sqlite3.Connection) -> Database:
    """The connection as sqlite-utils sees it (imported here, at the first call that needs it)."""
    from sqlite_utils import Database

    return Database(conn, execute_plugins=False)


def _prepare(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    # journal_mode is the first statement that reads the file: "not a database" shows up here.
    conn.execute("PRAGMA journal_mode = DELETE").fetchall()
    conn.execute("PRAGMA synchronous = FULL")


def _check(conn: sqlite3.Connection, path: Path) -> None:
    rows = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    if rows != ["ok"]:
        raise StorageError("corrupt", path, detail="; ".join(str(r) for r in rows[:5]))
    newer = unknown_migrations(conn)
    if newer:
        raise StorageError("newer", path, detail=", ".join(newer))


def _probe_write(conn: sqlite3.Connection) -> None:
    """Take the write lock and write the header, then undo: fails now if we could not write later."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA user_version = {int(version):d}")
    finally:
        conn.execute("ROLLBACK")


def _open_once(path: Path, timeout: float) -> sqlite3.Connection:
    conn = connect(path, timeout)
    try:
        _prepare(conn)
        _check(conn, path)
        if pending_migrations(conn):
            migrate(wrap(conn))
        _probe_write(conn)
        return conn
    except BaseException:
        conn.close()
        raise


def set_aside(path: Path, now: dt.datetime | None = None) -> Path:
    """Rename a damaged file (and its journal) out of the way; returns its new path."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    path.rename(target)
    for suffix in _COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    return target


MEMORY = ":memory:"


def open_memory() -> sqlite3.Connection:
    """A database that lives only as long as the program: for going on when the file is unusable."""
    conn = sqlite3.connect(MEMORY, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    migrate(wrap(conn))
    return conn


def open_database(path: Path, timeout: float = DEFAULT_TIMEOUT) -> tuple[sqlite3.Connection, Path | None]:
    """The checked, migrated database at `path` (its connection), and where a damaged file was
    put, if one was."""
    if str(path) == MEMORY:
        return open_memory(), None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise storage_error(error, path) from error
    if path.is_dir():
        raise StorageError("folder", path, detail="the path is a folder")
    try:
        return _open_once(path, timeout), None
    except StorageError as error:
        if error.kind != "corrupt":
            raise
        detail = error.detail
    except (sqlite3.OperationalError, sqlite3.DatabaseError) as error:
        if classify(error, path) != "corrupt":
            raise storage_error(error, path) from error
        detail = str(error)
    try:
        moved = set_aside(path)
    except OSError as error:
        # Cannot move it (read-only folder, ...): say it is damaged, keep it where it is.
        raise StorageError("corrupt", path, detail=f"{detail}; not moved: {error}") from error
    try:
        return _open_once(path, timeout), moved
    except (sqlite3.OperationalError, sqlite3.DatabaseError) as error:
        raise storage_error(error, path) from error
