"""Screening with the reference engine alone, one applicant at a time (no DuckDB needed for CSV
and XLSX): the engine the desktop app's client matrix uses, and the one the columnar engine is
measured against.

CSV and XLSX are read and judged by desktop/tabular, row by row, exactly as the app's client
import reads them (`parse_row`): the same rows, the same answers, the same bad cells with the
same row numbers, columns and reasons. Parquet is read through DuckDB.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Sequence

from desktop.engine.model import RulePack, Text
from desktop.screen import reference
from desktop.screen.columnar import CellProblem, Run, Stopped
from desktop.screen.sources import SourceError, kind_of, no_such_file, not_a_register
from desktop.tabular import (ColumnMap, TableFileError, cell_text, is_blank, parse_row,
                             read_table)


def read_rows(path) -> tuple[list[str], int, Iterator[tuple[int, list[Any]]]]:
    """The header, the first column's index and (row number, cells) for each data row: for CSV
    and XLSX the spreadsheet's own row numbers (blank rows skipped), for Parquet the record's."""
    path = Path(path)
    kind = kind_of(path)
    if kind is None:
        raise not_a_register(path)
    if not path.is_file():
        raise no_such_file(path)
    if kind != "parquet":
        try:
            table = read_table(path)
        except TableFileError as err:
            raise SourceError(err.message) from None
        return list(table.headers), table.first_column, table.rows()
    from desktop.screen import duck

    if not duck.available():
        raise SourceError(Text(f"{path}: Parquet을 읽으려면 DuckDB가 필요합니다(pip install .[screen])",
                               f"{path}: reading Parquet needs DuckDB (pip install .[screen])"))
    con = duck.connect(memory_limit="1GB")
    from desktop.screen.sources import open_source

    head, _types = open_source(con, path)
    cols = ", ".join(f'CAST("{h}" AS VARCHAR)' for h in head)
    cursor = con.execute(f"SELECT row, {cols} FROM src")

    def rows():
        while batch := cursor.fetchmany(10_000):
            for n, *cells in batch:
                yield n, ["" if c is None else c for c in cells]

    return head, 0, rows()


def column_map(headers: Sequence[str], targets: Mapping[str, str], first_column: int) -> ColumnMap:
    """The mapping (header -> target, from map_headers) per column; a repeated header answers
    only where it first appears, as guess_columns decided."""
    seen: set[str] = set()
    found: list[str | None] = []
    for header in headers:
        found.append(targets.get(header) if header not in seen else None)
        seen.add(header)
    return ColumnMap(headers=tuple(headers), targets=tuple(found), first_column=first_column)


def screen(pack: RulePack, path, mapping: Callable, today: dt.date, *, programs=None, lang="ko",
           strict=False, progress=None) -> tuple[Run, list[list[Any]]]:
    """Screen every row; return the run and the output rows (header: outputs.header)."""
    run = Run("python")
    start = time.perf_counter()
    if progress is not None:
        progress.phase("evaluate")
    head, first_column, rows = read_rows(path)
    columns = column_map(head, mapping(head), first_column)
    sources = [i for i, t in enumerate(columns.targets) if t in ("id", "name")]
    run.passthrough = tuple(columns.targets[i] for i in sources)
    run.programs = tuple(p for p in pack.programs if programs is None or p in programs)
    wanted = set(run.programs)
    out: list[list[Any]] = []
    for n, cells in rows:
        run.rows += 1
        parsed = parse_row(pack, columns, n, cells, clients=False)
        for e in parsed.errors:
            problem = CellProblem(n, e.column, e.value, e.message.get(lang))
            run.problems.append(problem)
            if strict:
                raise Stopped(problem)
        if progress is not None:
            progress.tick(run.rows)
        if parsed.errors:
            continue
        found = reference.outcomes(pack, parsed.answers, today, wanted)
        record: list[Any] = [n, *(None if is_blank(cells[i]) else cell_text(cells[i])
                                  for i in sources)]
        for pid in run.programs:
            record.extend(found[pid])
        out.append(record)
    run.screened = len(out)
    run.outcomes = run.screened * len(run.programs)
    run.seconds["evaluate"] = time.perf_counter() - start
    return run, out
