"""Writing a screening's outcomes and its summary, for either engine (formats: outputs.py)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from desktop.engine.model import RulePack
from desktop.engine.sql.literals import text
from desktop.screen import outputs, summary
from desktop.screen.columnar import Run


def writer(path, fmt: str, pack: RulePack, lang: str):
    """For the columnar engine: write(con, query, run) puts the query's rows into `path`, and the
    summary of the counts the engine made (run.counted)."""

    def write(con, query: str, run: Run) -> None:
        if fmt == "xlsx":
            fits(path, fmt)(run)
            cursor = con.execute(query)
            head = [d[0] for d in cursor.description]

            def rows():
                while batch := cursor.fetchmany(10_000):
                    yield from batch

            _xlsx(path, head, rows(), run.counted, pack, lang, run)
            return
        tmp = Path(str(path) + ".partial")
        options = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT csv, HEADER"
        con.execute(f"COPY ({query}) TO {text(str(tmp))} ({options})")
        tmp.replace(path)
        _summary_csv(path, run.counted, pack, lang, run)

    return write


def fits(path, fmt: str):
    """For the columnar engine, once the register is read: raise OutputError before anything is
    evaluated when the screened rows cannot all go into `path` (one XLSX sheet)."""

    def check(run: Run) -> None:
        if fmt == "xlsx" and run.screened + 1 > outputs.XLSX_MAX_ROWS:
            raise outputs.too_many_rows(run.screened, path)

    return check


def write_rows(path, fmt: str, pack: RulePack, lang: str, run: Run, rows: list) -> None:
    """For the row-wise engine: the rows it made, in the same columns as the columnar engine's."""
    head = outputs.header(run.passthrough, run.programs)
    counted = summary.Summary(run.programs)
    for r in rows:
        for i, pid in enumerate(run.programs):
            base = 1 + len(run.passthrough) + 4 * i
            counted.add(pid, r[base], r[base + 2])
    if fmt == "xlsx":
        _xlsx(path, head, rows, counted, pack, lang, run)
        return
    if fmt == "csv":
        outputs.write_csv(path, head, rows)
    else:
        _parquet_from_rows(path, head, rows)
    _summary_csv(path, counted, pack, lang, run)


def _parquet_from_rows(path, head, rows) -> None:
    from desktop.screen import duck

    con = duck.connect(memory_limit="1GB")
    spec = "{" + ", ".join(f"{text(h)}: '{'BIGINT' if h == 'row' else 'VARCHAR'}'" for h in head) + "}"
    fd, tmp = tempfile.mkstemp(suffix=".ndjson")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            for r in rows:
                out.write(json.dumps(dict(zip(head, r)), ensure_ascii=False) + "\n")
        con.execute(
            f"COPY (SELECT * FROM read_json({text(tmp)}, format = 'newline_delimited', columns = {spec})) "
            f"TO {text(str(path))} (FORMAT parquet)"
        )
    finally:
        os.unlink(tmp)


class _SummaryRows:
    """The summary sheet's rows, made only once the outcomes sheet has been streamed and counted."""

    def __init__(self, counted, pack, lang, run):
        self.args = (counted, pack, lang, run)

    def __iter__(self):
        counted, pack, lang, run = self.args
        return iter(counted.rows(pack, lang, run.screened)[1])


def _xlsx(path, head, rows, counted, pack, lang, run) -> None:
    sheets = [("outcomes", head, rows), ("summary", summary.HEADER, _SummaryRows(counted, pack, lang, run))]
    outputs.write_xlsx(path, sheets)


def _summary_csv(path, counted, pack, lang, run) -> None:
    head, body = counted.rows(pack, lang, run.screened)
    outputs.write_csv(outputs.summary_path(path), head, body)
