"""Screening in DuckDB: the compiled rules over the whole register, settled where SQL is unsure.

1. read: the file becomes `src`; each mapped column is typed (typing.py); bad cells are listed
   and their rows left out.
2. evaluate: the compiled query runs over every row once, into a table in input order; it marks
   the outcomes three-valued SQL cannot be sure of (`<program>.settle`).
3. settle: those rows' cells are read again by the cell parser and evaluated by the reference
   engine, row by row; only the flagged programs' outcomes are taken from it.
   Their outcomes are put into the table in place (an update: the order stays, nothing is sorted).
4. write: the table into the output file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from desktop.engine.model import RulePack
from desktop.engine.sql import OUTCOME_SUFFIXES, compile_pack
from desktop.engine.sql.literals import ident, text
from desktop.screen import duck, reference
from desktop.screen.cells import ABSENT, AnswerError, parse_cell
from desktop.screen.sources import open_source
from desktop.screen.typing import prepare


@dataclass
class CellProblem:
    row: int
    column: str
    value: str
    message: str


@dataclass
class Run:
    """What a screening did, for the command line and the benchmark."""

    engine: str
    rows: int = 0  # data rows in the input
    screened: int = 0
    problems: list[CellProblem] = field(default_factory=list)
    settled_rows: int = 0
    settled_outcomes: int = 0
    outcomes: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    passthrough: tuple[str, ...] = ()  # the output's `id` / `name` columns
    programs: tuple[str, ...] = ()


class Stopped(Exception):
    """--strict: the first bad cell ends the run."""

    def __init__(self, problem: CellProblem):
        super().__init__(problem.message)
        self.problem = problem


def _timed(run: Run, phase: str):
    class _T:
        def __enter__(self):
            self.t = time.perf_counter()

        def __exit__(self, *exc):
            run.seconds[phase] = run.seconds.get(phase, 0.0) + time.perf_counter() - self.t

    return _T()


def screen(pack: RulePack, path, mapping: Callable, today: dt.date, *, programs=None, lang="ko",
           strict=False, write: Callable, memory_limit="3GB", threads=None, progress=None) -> Run:
    """Screen the register at `path`. `mapping(headers) -> {column: target}` says which column
    answers what; `write(con, query, run)` writes the output from the final query."""
    run = Run("duckdb")
    con = duck.connect(memory_limit=memory_limit, threads=threads)
    if progress is not None:
        progress.attach(con)
    with _timed(run, "read"):
        headers, types = open_source(con, path)
        targets = mapping(headers)
        questions = {c: t for c, t in targets.items() if t in pack.questions}
        sources = tuple(c for c, t in targets.items() if t in ("id", "name"))
        run.passthrough = tuple(targets[c] for c in sources)
        columns = prepare(con, pack, "src", questions, types, lang)
        run.rows = con.execute("SELECT count(*) FROM src").fetchone()[0]
        run.problems = _problems(con, columns, strict)
        if strict and run.problems:
            raise Stopped(run.problems[0])
        answered = {c.question: c for c in columns}
        select = ["row"] + [f"CAST({ident(c)} AS VARCHAR) AS {ident(targets[c])}" for c in sources]
        for qid, q in pack.questions.items():
            c = answered.get(qid)
            select.append(f"{c.value if c else 'NULL'}::{duck.sql_type(q)} AS {ident(qid)}")
        bad = " OR ".join(c.bad for c in columns) or "FALSE"
        con.execute(f"CREATE VIEW answers AS SELECT {', '.join(select)} FROM src WHERE NOT ({bad})")
    keep = ("row",) + run.passthrough
    compiled = compile_pack(pack, today, programs)
    run.programs = tuple(p.program.id for p in compiled.programs)
    settle_cols = [ident(p + ".settle") for p in run.programs]
    with _timed(run, "evaluate"):
        if progress is not None:
            progress.phase("evaluate")
        # Once over every row, into a table kept in input order (insertion order is preserved).
        con.execute(f"CREATE TEMP TABLE outcomes AS {compiled.sql('answers', keep)}")
        flagged = con.execute(
            f"SELECT row, {', '.join(settle_cols)} FROM outcomes WHERE {' OR '.join(settle_cols) or 'FALSE'}"
        ).fetchall()
        run.screened = run.rows - len({p.row for p in run.problems})
    with _timed(run, "settle"):
        if progress is not None:
            progress.phase("settle")
        settled = _settle(con, pack, today, run, flagged, targets)
        _put_back(con, run, settled)
    run.outcomes = run.screened * len(run.programs)
    run.settled_rows = len(flagged)
    run.settled_outcomes = sum(sum(1 for f in row[1:] if f) for row in flagged)
    cols = [ident(k) for k in keep] + [ident(pid + suffix) for pid in run.programs for suffix in OUTCOME_SUFFIXES]
    final = f"SELECT {', '.join(cols)} FROM outcomes"
    with _timed(run, "write"):
        if progress is not None:
            progress.phase("write")
        write(con, final, run)
    return run


def _problems(con, columns, strict: bool) -> list[CellProblem]:
    if not columns:
        return []
    parts = [
        f"SELECT row, {i} AS n, {text(c.source)} AS col, {c.raw} AS value, {c.message} AS message "
        f"FROM src WHERE {c.bad}"
        for i, c in enumerate(columns)
    ]
    limit = " LIMIT 1" if strict else ""
    found = con.execute(f"SELECT row, col, value, message FROM ({' UNION ALL '.join(parts)}) ORDER BY row, n{limit}").fetchall()
    return [CellProblem(*r) for r in found]


def _put_back(con, run: Run, settled: dict[int, list[Any]]) -> None:
    """The reference engine's outcomes into the table, in place (the rows keep their order)."""
    if not settled:
        return
    names = [pid + suffix for pid in run.programs for suffix in OUTCOME_SUFFIXES]
    fd, path = tempfile.mkstemp(suffix=".ndjson")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            for row, flat in settled.items():
                out.write(json.dumps({"row": row, **dict(zip(names, flat))}, ensure_ascii=False) + "\n")
        spec = "{'row': 'BIGINT', " + ", ".join(f"{text(n)}: 'VARCHAR'" for n in names) + "}"
        con.execute(f"CREATE TEMP TABLE settled AS SELECT * FROM read_json({text(path)}, "
                    f"format = 'newline_delimited', columns = {spec})")
    finally:
        os.unlink(path)
    sets = [
        f"{ident(pid + suffix)} = CASE WHEN outcomes.{ident(pid + '.settle')} THEN s.{ident(pid + suffix)} "
        f"ELSE outcomes.{ident(pid + suffix)} END"
        for pid in run.programs
        for suffix in OUTCOME_SUFFIXES
    ]
    con.execute(f"UPDATE outcomes SET {', '.join(sets)} FROM settled s WHERE outcomes.row = s.row")


def _settle(con, pack: RulePack, today: dt.date, run: Run, flagged, targets) -> dict[int, list[Any]]:
    """The reference engine's outcomes for the flagged rows, read again from their cells."""
    if not flagged:
        return {}
    want = {row[0]: [run.programs[i] for i, f in enumerate(row[1:]) if f] for row in flagged}
    con.execute("CREATE TEMP TABLE flagged AS SELECT unnest(?::BIGINT[]) AS row", [list(want)])
    questions = {c: t for c, t in targets.items() if t in pack.questions}
    cols = ", ".join(f"CAST({ident(c)} AS VARCHAR)" for c in questions)
    cells = con.execute(f"SELECT row{', ' + cols if cols else ''} FROM src WHERE row IN (SELECT row FROM flagged)").fetchall()
    cache: dict = {}
    seen: dict = {}  # the same cells for the same programs: the same outcomes
    out: dict[int, list[Any]] = {}
    for row, *values in cells:
        key = (tuple(values), tuple(want[row]))
        found = seen.get(key)
        if found is not None:
            out[row] = found
            continue
        answers: dict[str, Any] = {}
        for qid, raw in zip(questions.values(), values):
            key = (qid, raw)
            value = cache.get(key, cache)
            if value is cache:
                try:
                    value = parse_cell(pack, qid, raw)
                except AnswerError:  # not reached: rows with a bad cell were left out
                    value = ABSENT
                cache[key] = value
            if value is not ABSENT:
                answers[qid] = value
        found = reference.outcomes(pack, answers, today, set(want[row]))
        flat: list[Any] = []
        for pid in run.programs:
            flat.extend(found.get(pid, (None,) * 4))
        out[row] = seen[key] = flat
    return out
