"""The embedded DuckDB connection screening runs in: offline, bounded, typed like the rules.

DuckDB would install and load extensions from the network on first use of a feature; screening
never needs one (CSV and Parquet are built in), so both are switched off before anything runs.
"""

from __future__ import annotations

import json
import os
import tempfile
from typing import Any, Iterable, Mapping

from desktop.engine.model import RulePack
from desktop.engine.sql import encode_list
from desktop.engine.sql.literals import ident

SQL_TYPES = {"bool": "BOOLEAN", "int": "BIGINT", "amount": "BIGINT", "date": "DATE"}


def available() -> bool:
    try:
        import duckdb  # noqa: F401
    except ImportError:
        return False
    return True


def connect(memory_limit: str | None = "3GB", threads: int | None = None, temp_dir: str | None = None):
    import duckdb

    config: dict[str, Any] = {
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "preserve_insertion_order": True,
    }
    if memory_limit:
        config["memory_limit"] = memory_limit
    if threads:
        config["threads"] = threads
    if temp_dir:
        config["temp_directory"] = temp_dir
    return duckdb.connect(":memory:", config=config)


def sql_type(question) -> str:
    return SQL_TYPES.get(question.type, "VARCHAR")


def stored(question, value: Any) -> Any:
    """An answer as it is held in the answers table (None for unknown)."""
    if value is None:
        return None
    if question.type == "multi":
        return encode_list(value)
    if question.type == "date":
        return value.isoformat()
    return value


def load_answers(con, pack: RulePack, rows: Iterable[Mapping[str, Any]], table: str = "answers",
                 keep: tuple[str, ...] = ()) -> int:
    """A typed answers table from answer dicts (a key absent or None: unknown). Row numbers
    count from 1 in the order given. Returns the number of rows."""
    columns = {"row": "BIGINT", **{k: "VARCHAR" for k in keep}}
    columns.update({qid: sql_type(q) for qid, q in pack.questions.items()})
    fd, path = tempfile.mkstemp(suffix=".ndjson")
    n = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            for n, answers in enumerate(rows, 1):
                record = {"row": n}
                for k in keep:
                    record[k] = answers.get(k)
                for qid, q in pack.questions.items():
                    record[qid] = stored(q, answers.get(qid))
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        spec = "{" + ", ".join(f"'{k}': '{t}'" for k, t in columns.items()) + "}"
        con.execute(
            f"CREATE OR REPLACE TABLE {ident(table)} AS SELECT * FROM read_json('{path}', "
            f"format='newline_delimited', columns={spec})"
        )
    finally:
        os.unlink(path)
    return n
