"""An input register as a DuckDB relation `src`: a row number (from 1, in file order) and the
file's columns.

CSV and Parquet are read by DuckDB itself (no pyarrow); XLSX by the spreadsheet reader, in
Python, row by row, and handed to DuckDB as newline-delimited JSON. Row numbers count data rows
from 1, as the errors file and the output name them.
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
            con.execute("CREATE VIEW src AS SELECT rowid + 1 AS row, * FROM src_file")
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
    """Comma or tab, whichever the header line holds more of (';' separates choices in a cell)."""
    with open(path, "rb") as f:
        first = f.readline()
    return "\t" if first.count(b"\t") > first.count(b",") else ","


def _xlsx(con, path: Path) -> None:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    if not book.sheet_names:
        raise SourceError(Text(f"{path}: 통합 문서에 시트가 없습니다", f"{path}: the workbook has no sheet"))
    rows = iter(book.get_sheet_by_index(0).to_python(skip_empty_area=False))
    header = [str(h).strip() if h is not None else "" for h in next(rows, [])]
    if not any(header):
        raise SourceError(Text(f"{path}: 첫 시트에 머리글 행이 없습니다", f"{path}: the first sheet has no header row"))
    fd, tmp = tempfile.mkstemp(suffix=".ndjson")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            for n, cells in enumerate(rows, 1):
                record = {"row": n}
                for name, cell in zip(header, cells):
                    if name:
                        record[name] = _cell_text(cell)
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        columns = "{'row': 'BIGINT', " + ", ".join(f"{text(h)}: 'VARCHAR'" for h in header if h) + "}"
        con.execute(
            f"CREATE TEMP TABLE src_file AS SELECT * FROM read_json({text(tmp)}, "
            f"format = 'newline_delimited', columns = {columns})"
        )
        con.execute("CREATE VIEW src AS SELECT * FROM src_file")
    finally:
        os.unlink(tmp)


def _cell_text(cell) -> str | None:
    import datetime as dt

    if cell is None or cell == "":
        return None
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat()
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return str(cell)


def quoted(name: str) -> str:
    return ident(name)
