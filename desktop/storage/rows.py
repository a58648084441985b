"""Reading rows with the standard library alone.

What opening the app reads — the schema steps applied, the profile list, the trash, the last
assessment of each profile and what changed at it — is read through `rows` on the plain
`sqlite3` connection, so that the start page does not wait for sqlite-utils (and what it imports
in turn); the `Store` makes its sqlite-utils `Database` at the first call that needs one.
"""

from __future__ import annotations

import sqlite3
from typing import Any, Iterable


def rows(conn: sqlite3.Connection, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    """Every row of the query, each as a dict of column name -> value (as sqlite-utils gives)."""
    cursor = conn.execute(sql, tuple(params))
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (name,)).fetchone() is not None
