"""An input register as a DuckDB relation `src`: a row number (from 1, in file order) and the
file's columns.

CSV and Parquet are read by DuckDB itself (no pyarrow); XLSX by desktop/tabular, the client
import's reader, row by row, and handed to DuckDB as newline-delimited JSON. Rows are numbered as
the file numbers them for its user, in the errors file and the output alike: a spreadsheet's own
row numbers for CSV and XLSX (the header is row 1 of a CSV; the first data row is 2), the record
number from 1 for Parquet. Rows whose cells are all blank are skipped, as the client import skips
them. (DuckDB passes over an entirely empty line of a CSV without counting it, so after one the
numbers are one lower than the spreadsheet's; the Python engine counts every line.)
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from desktop.engine.model import Text
from desktop.engine.problem import Problem
from desktop.engine.sql.literals import ident, text

SUFFIXES = {".csv": "csv", ".txt": "csv", ".tsv": "csv", ".parquet": "parquet", ".pq": "parquet",
            ".xlsx": "xlsx", ".xlsm": "xlsx"}


class SourceError(Problem):
    """The input cannot be read at all (not a register): a message for the command line."""


def not_a_register(path) -> SourceError:
    return SourceError(Text(f"{path}: CSV, XLSX, Parquet 파일이 아닙니다", f"{path}: not a CSV, XLSX or Parquet file"))


def no_such_file(path) -> SourceError:
    return SourceError(Text(f"{path}: 파일이 없습니다", f"{path}: no such file"))


def kind_of(path: str | Path) -> str | None:
    return SUFFIXES.get(Path(path).suffix.lower())


def open_source(con, path: str | Path) -> tuple[list[str], dict[str, str]]:
    """Create the relation `src`; return its column names (without `row`) and their types."""
    path = Path(path)
    kind = kind_of(path)
    if kind is None:
        raise not_a_register(path)
    if not path.is_file():
        raise no_such_file(path)
    try:
        if kind == "parquet":
            con.execute(
                f"CREATE VIEW src AS SELECT file_row_number + 1 AS row, * EXCLUDE (file_row_number) "
                f"FROM read_parquet({text(str(path))}, file_row_number = true)"
            )
        elif kind == "csv":
            # A table keeps the file's order (insertion order), so rowid numbers the rows.
            con.execute(
                f"CREATE TEMP TABLE src_file AS SELECT * FROM read_csv({text(str(path))}, "
                f"all_varchar = true, header = true, delim = {text(_delimiter(path))}, quote = '\"', "
                f"escape = '\"', null_padding = true, strict_mode = false)"
            )
            names = [r[0] for r in con.execute("DESCRIBE src_file").fetchall()]
            blank = " AND ".join(f"coalesce(trim({ident(n)}), '') = ''" for n in names) or "FALSE"
            con.execute(f"CREATE VIEW src AS SELECT rowid + 2 AS row, * FROM src_file "
                        f"WHERE NOT ({blank})")
        else:
            _xlsx(con, path)
    except SourceError:
        raise
    except Exception as err:  # DuckDB's own reader errors: one line, no traceback
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise SourceError(Text(f"{path}: 파일을 읽을 수 없습니다({first})", f"{path}: cannot read the file ({first})")) from None
    described = con.execute("DESCRIBE src").fetchall()
    types = {name: kind for name, kind, *_ in described if name != "row"}
    return list(types), types


def _delimiter(path: Path) -> str:
    """As the client import decides it (desktop/tabular): ';' separates choices in a cell."""
    from desktop.tabular.files import csv_delimiter

    return csv_delimiter(path)


def _xlsx(con, path: Path) -> None:
    from desktop.tabular import TableFileError, cell_text, is_blank, read_table

    try:
        table = read_table(path)
        header = [h.strip() for h in table.headers]
        fd, tmp = tempfile.mkstemp(suffix=".ndjson")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                for n, cells in table.rows():
                    record: dict = {"row": n}
                    for name, cell in zip(header, cells):
                        if name:
                            record[name] = None if is_blank(cell) else cell_text(cell)
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
            columns = "{'row': 'BIGINT', " + ", ".join(f"{text(h)}: 'VARCHAR'" for h in header if h) + "}"
            con.execute(
                f"CREATE TEMP TABLE src_file AS SELECT * FROM read_json({text(tmp)}, "
                f"format = 'newline_delimited', columns = {columns})"
            )
            con.execute("CREATE VIEW src AS SELECT * FROM src_file")
        finally:
            os.unlink(tmp)
    except TableFileError as err:
        raise SourceError(err.message) from None


def quoted(name: str) -> str:
    return ident(name)
