"""Screening in DuckDB: the compiled rules over the whole register, settled where SQL is unsure.

1. read: the file becomes `src`; each mapped column is typed (typing.py); bad cells are listed
   and their rows left out.
2. evaluate: the compiled query runs over every row once, into a table in input order; it marks
   the outcomes three-valued SQL cannot be sure of (`<program>.settle`). The table holds the
   failed criteria and deciding questions as bit masks, not text.
3. settle: for each program, its flagged rows' cells of the questions it reads are read again
   and grouped by distinct cells (other answers cannot change its outcome, and a register repeats
   itself), parsed by the cell parser and evaluated by the reference engine once per case.
4. write: the table into the output file, the masks spelled out and the settled outcomes looked
   up by row number on the flagged rows as they stream past (the order stays, nothing is sorted
   or updated).
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from desktop.engine.model import RulePack
from desktop.engine.same_outcome import questions_read
from desktop.engine.sql import OUTCOME_SUFFIXES, compile_pack
from desktop.engine.sql.literals import ident, text
from desktop.screen import duck, halves, reference, spelling, summary
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
    seconds: dict[str, float] = field(default_factory=dict)  # wall-clock time per phase
    cpu_seconds: dict[str, float] = field(default_factory=dict)  # CPU time per phase, every thread
    passthrough: tuple[str, ...] = ()  # the output's `id` / `name` columns
    programs: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()  # the question each mapped input column answers, in order
    counted: Any = None  # the summary's counts (summary.Summary), when the engine made them


class Stopped(Exception):
    """--strict: the first bad cell ends the run."""

    def __init__(self, problem: CellProblem):
        super().__init__(problem.message)
        self.problem = problem


def _timed(run: Run, phase: str):
    class _T:
        def __enter__(self):
            self.t, self.cpu = time.perf_counter(), time.process_time()

        def __exit__(self, *exc):
            run.seconds[phase] = run.seconds.get(phase, 0.0) + time.perf_counter() - self.t
            run.cpu_seconds[phase] = run.cpu_seconds.get(phase, 0.0) + time.process_time() - self.cpu

    return _T()


def screen(pack: RulePack, path, mapping: Callable, today: dt.date, *, programs=None, lang="ko",
           strict=False, write: Callable, memory_limit="3GB", threads=None, progress=None,
           fits: Callable | None = None) -> Run:
    """Screen the register at `path`. `mapping(headers) -> {column: target}` says which column
    answers what; `write(con, query, run)` writes the output from the final query; `fits(run)`,
    called once the rows are read and counted, raises when the output cannot hold them."""
    run = Run("duckdb")
    con = duck.connect(memory_limit=memory_limit, threads=threads)
    if progress is not None:
        progress.attach(con)
    with _timed(run, "read"):
        headers, types = open_source(con, path)
        targets = mapping(headers)
        questions = {c: t for c, t in targets.items() if t in pack.questions}
        run.questions = tuple(questions.values())
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
        # The rows with a bad cell are left out (none to leave out: no test on every row).
        bad = f" WHERE NOT ({' OR '.join(c.bad for c in columns)})" if run.problems else ""
        con.execute(f"CREATE VIEW answers AS SELECT {', '.join(select)} FROM src{bad}")
        run.screened = run.rows - len({p.row for p in run.problems})
        if fits is not None:
            fits(run)
    keep = ("row",) + run.passthrough
    compiled = compile_pack(pack, today, programs)
    run.programs = tuple(p.program.id for p in compiled.programs)
    with _timed(run, "evaluate"):
        if progress is not None:
            progress.phase("evaluate")
        # Once over every row, into a table kept in input order (insertion order is preserved).
        con.execute(f"CREATE TEMP TABLE outcomes AS {compiled.outcomes_sql('answers', keep)}")
    with _timed(run, "settle"):
        if progress is not None:
            progress.phase("settle")
        cases = _open_cases(con, pack, compiled, run, targets, today)
        settled = _settle(pack, today, run, cases, progress)
        run.counted = _count(con, compiled, run, cases, settled)
    run.outcomes = run.screened * len(run.programs)
    with _timed(run, "write"):
        if progress is not None:
            progress.phase("write")
        write(con, _final(con, compiled, run, keep, cases, settled), run)
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


def _open_cases(con, pack: RulePack, compiled, run: Run, targets, today: dt.date) -> list[tuple]:
    """The outcomes for the reference engine, one case per program and distinct cells of the
    questions that program reads (same_outcome.questions_read: other answers cannot change its
    outcome, so rows that differ only there are one case): (program index, rows, cells...). The
    flagged rows' cells are read again as written (the cell parser reads them as the reference
    engine would)."""
    flags = [compiled.stored(p + ".settle") for p in run.programs]
    if not flags:
        return []
    names = [ident(f"#{i}") for i in range(len(flags))]
    mapped = [c for c, t in targets.items() if t in pack.questions]
    cells = [f"CAST(src.{ident(c)} AS VARCHAR) AS {ident(c)}" for c in mapped]
    # One pass over the register for the flagged rows' cells, then one grouping per program.
    con.execute(f"CREATE TEMP TABLE flagged AS SELECT row, {', '.join(f'{f} AS {n}' for f, n in zip(flags, names))}"
                f"{''.join(', ' + c for c in cells)} FROM (SELECT * FROM outcomes WHERE {' OR '.join(flags)}) "
                f"JOIN src USING (row)")
    programs = {p.program.id: p.program for p in compiled.programs}
    cases: list[tuple] = []
    for i, pid in enumerate(run.programs):
        reads = questions_read(pack, programs[pid], today)
        own = [c for c in mapped if targets[c] in reads]
        found = con.execute(
            f"SELECT list(row ORDER BY row){''.join(', ' + ident(c) for c in own)} FROM flagged "
            f"WHERE {names[i]} GROUP BY ALL"
        ).fetchall()
        questions = tuple(targets[c] for c in own)
        cases.extend((i, questions, found_rows, values) for found_rows, *values in found if found_rows)
    con.execute("DROP TABLE flagged")
    return cases


def _settle(pack: RulePack, today: dt.date, run: Run, cases, progress=None) -> list[tuple]:
    """The reference engine's four columns of each case's program, half of the cases in a second
    process when there are many (halves.py)."""
    parsed: dict = {}  # (question, cell) -> its value: a column holds few distinct cells
    done = [0]  # cases done by this process (each process does about every other one)
    share = 2 if halves.splits(len(cases)) else 1

    def settled(case) -> tuple:
        if progress is not None:
            done[0] += share
            progress.tick(done[0], len(cases))
        i, questions, _rows, values = case
        answers: dict[str, Any] = {}
        for qid, raw in zip(questions, values):
            value = parsed.get((qid, raw), parsed)
            if value is parsed:
                try:
                    value = parse_cell(pack, qid, raw)
                except AnswerError:  # not reached: rows with a bad cell were left out
                    value = ABSENT
                parsed[(qid, raw)] = value
            if value is not ABSENT:
                answers[qid] = value
        pid = run.programs[i]
        return reference.outcomes(pack, answers, today, {pid})[pid]

    out = halves.map_in_two(settled, cases)
    rows: set[int] = set()
    for i, _questions, found_rows, _values in cases:
        rows.update(found_rows)
        run.settled_outcomes += len(found_rows)
    run.settled_rows = len(rows)
    return out


def _count(con, compiled, run: Run, cases, settled) -> summary.Summary:
    """The summary's counts: SQL's own outcomes counted in the table, the settled ones here."""
    counted = summary.from_sql(con, "outcomes", compiled, run.programs, settled_apart=True)
    for (i, _questions, found_rows, _values), found in zip(cases, settled):
        counted.add(run.programs[i], found[0], found[2], len(found_rows))
    return counted


def _final(con, compiled, run: Run, keep, cases, settled) -> str:
    """The output query: the table's rows in order, spelled out (spelling.py), the settled
    outcomes in place of SQL's for the flagged programs (looked up by row number, only on the
    flagged rows; a join would not keep the order)."""
    names = [pid + suffix for pid in run.programs for suffix in OUTCOME_SUFFIXES]
    width = len(OUTCOME_SUFFIXES)
    found: dict[str, set[str]] = {}
    by_row: dict[int, list] = {}
    for (i, _questions, found_rows, _values), four in zip(cases, settled):
        for k, value in enumerate(four):
            if value is not None:
                found.setdefault(names[width * i + k], set()).add(value)
        for row in found_rows:
            flat = by_row.get(row)
            if flat is None:
                flat = by_row[row] = [None] * len(names)
            flat[width * i:width * i + width] = four
    spelled = spelling.columns(con, compiled, "outcomes", found)
    cols = [ident(k) for k in keep]
    if not cases:
        cols += [f"{spelled[name].sql()} AS {ident(name)}" for name in names]
        return f"SELECT {', '.join(cols)} FROM outcomes"
    from duckdb import list_type
    from duckdb.sqltypes import BIGINT, VARCHAR

    con.create_function("settled_outcomes", lambda row: by_row[row], [BIGINT], list_type(VARCHAR), type="native",
                        side_effects=False)
    flags = [compiled.stored(p + ".settle") for p in run.programs]
    for k, name in enumerate(names):
        theirs = f'"#settled"[{k + 1}]'
        cols.append(f"{spelled[name].sql(flags[k // width], theirs)} AS {ident(name)}")
    return (f"SELECT {', '.join(cols)} FROM (SELECT *, CASE WHEN {' OR '.join(flags)} THEN settled_outcomes(row) END "
            f"AS \"#settled\" FROM outcomes)")
