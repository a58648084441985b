"""Write transactions: every change to the database goes through `write_transaction`.

Choices, and why:

- Every write is one `BEGIN IMMEDIATE` transaction: it takes the write lock before its first
  statement, so another writer holding the file is met there, where SQLite waits
  the busy timeout. A deferred transaction that reads first and then wants to write is refused at
  once instead (SQLite skips the busy handler to avoid a deadlock), half-way through its work.
- An answer is saved with SQL written out (answers.py), not sqlite-utils' `upsert`: that one tests once per connection
  whether `ON CONFLICT` works, and if the test meets a locked file it falls back for good to
  `INSERT OR IGNORE` + `UPDATE`, which saves nothing for a new row of a table with NOT NULL
  columns while reporting success.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from sqlite_utils import Database


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One write, all or nothing, holding the write lock from the start.

    Committed (and on disk) when the block ends; rolled back if it raises or the commit fails, so a
    write that cannot be made is an error to the caller, never a silent loss.
    """
    conn = db.conn
    if conn.in_transaction:
        raise RuntimeError("a write transaction is already open on this connection")
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
