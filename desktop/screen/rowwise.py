"""Screening with the reference engine alone, one applicant at a time (no DuckDB needed for CSV
and XLSX): the engine the desktop app's client matrix uses, and the one the columnar engine is
measured against.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any, Callable, Iterator

from desktop.engine.model import RulePack
from desktop.screen import reference
from desktop.screen.cells import ABSENT, AnswerError, parse_cell
from desktop.screen.columnar import CellProblem, Run, Stopped
from desktop.engine.model import Text
from desktop.screen.sources import SourceError, _cell_text, kind_of, no_such_file, not_a_register
from desktop.screen.typing import MISSING_TYPE, REQUIRED


def read_rows(path) -> tuple[list[str], Iterator[tuple[int, dict[str, Any]]]]:
    """The header and (row number, {column: cell text}) for each data row."""
    path = Path(path)
    kind = kind_of(path)
    if kind is None:
        raise not_a_register(path)
    if not path.is_file():
        raise no_such_file(path)
    if kind == "csv":
        try:
            handle = open(path, encoding="utf-8-sig", newline="")
            reader = csv.reader(handle)
            head = [h.strip() for h in next(reader, [])]
        except UnicodeDecodeError:
            raise SourceError(Text(f"{path}: UTF-8 글자가 아닙니다(CSV를 UTF-8로 저장하십시오)",
                                   f"{path}: not UTF-8 text (save the CSV as UTF-8)")) from None

        def rows():
            with handle:
                for n, cells in enumerate(reader, 1):
                    yield n, {h: (c if c != "" else None) for h, c in zip(head, cells) if h}

        return head, rows()
    if kind == "xlsx":
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_path(str(path))
        sheet = iter(book.get_sheet_by_index(0).to_python(skip_empty_area=False))
        head = [str(h).strip() if h is not None else "" for h in next(sheet, [])]

        def rows():
            for n, cells in enumerate(sheet, 1):
                yield n, {h: _cell_text(c) for h, c in zip(head, cells) if h}

        return head, rows()
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
                yield n, dict(zip(head, cells))

    return head, rows()


def screen(pack: RulePack, path, mapping: Callable, today: dt.date, *, programs=None, lang="ko",
           strict=False, progress=None) -> tuple[Run, list[list[Any]]]:
    """Screen every row; return the run and the output rows (header: outputs.header)."""
    import time

    run = Run("python")
    start = time.perf_counter()
    head, rows = read_rows(path)
    targets = mapping(head)
    questions = {c: t for c, t in targets.items() if t in pack.questions}
    sources = tuple(c for c, t in targets.items() if t in ("id", "name"))
    run.passthrough = tuple(targets[c] for c in sources)
    run.programs = tuple(p for p in pack.programs if programs is None or p in programs)
    wanted = set(run.programs)
    cache: dict = {}
    out: list[list[Any]] = []
    for n, cells in rows:
        run.rows = n
        answers: dict[str, Any] = {}
        bad = False
        for column, qid in questions.items():
            raw = cells.get(column)
            key = (qid, raw)
            value = cache.get(key, cache)
            if value is cache:
                try:
                    value = parse_cell(pack, qid, raw)
                except AnswerError as err:
                    problem = CellProblem(n, column, raw, err.message.get(lang))
                    run.problems.append(problem)
                    if strict:
                        raise Stopped(problem) from None
                    bad = True
                    continue
                cache[key] = value
            if qid == REQUIRED and (value is ABSENT or value is None):
                problem = CellProblem(n, column, raw or "", MISSING_TYPE[1 if lang == "en" else 0])
                run.problems.append(problem)
                if strict:
                    raise Stopped(problem)
                bad = True
                continue
            if value is not ABSENT:
                answers[qid] = value
        if progress is not None:
            progress.tick(n)
        if bad:
            continue
        found = reference.outcomes(pack, answers, today, wanted)
        record: list[Any] = [n, *(cells.get(c) for c in sources)]
        for pid in run.programs:
            record.extend(found[pid])
        out.append(record)
    run.screened = len(out)
    run.outcomes = run.screened * len(run.programs)
    run.seconds["evaluate"] = time.perf_counter() - start
    return run, out
