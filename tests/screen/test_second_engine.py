"""The compiled SQL is not DuckDB's alone: transpiled by sqlglot, it runs on SQLite (the standard
library's) with the same results for every example case, and renders for PostgreSQL and Spark.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from desktop.cli.main import main
from desktop.engine.cases import case_files
from desktop.engine.profile import load_profile
from desktop.engine.sql import compile_pack
from desktop.screen.duck import stored

sqlglot = pytest.importorskip("sqlglot")
pytest.importorskip("duckdb")
from desktop.screen import duck  # noqa: E402
from desktop.screen.dialects import render  # noqa: E402

TODAY = dt.date(2026, 11, 30)


def _sqlite_answers(pack, profiles) -> sqlite3.Connection:
    con = sqlite3.connect(":memory:")
    cols = ["row", *pack.questions]
    con.execute(f"CREATE TABLE answers ({', '.join(f'{chr(34)}{c}{chr(34)}' for c in cols)})")
    for n, answers in enumerate(profiles, 1):
        values = [n]
        for qid, q in pack.questions.items():
            v = stored(q, answers.get(qid))
            values.append(int(v) if isinstance(v, bool) else v)
        con.execute(f"INSERT INTO answers VALUES ({', '.join('?' * len(values))})", values)
    return con


def _plain(value):
    if isinstance(value, bool):
        return int(value)
    return value


def test_every_case_gives_the_same_results_on_sqlite_as_on_duckdb(pack, rules_dir):
    groups: dict[dt.date, list] = {}
    for path in case_files(rules_dir):
        profile = load_profile(path, pack)
        groups.setdefault(profile.today or TODAY, []).append(profile.answers)
    compared = 0
    for day, profiles in groups.items():
        # DuckDB runs the query as `jiwon screen` does (list literals); SQLite the portable one.
        sql = compile_pack(pack, day).sql("answers") + " ORDER BY row"
        portable = compile_pack(pack, day, portable=True).sql("answers") + " ORDER BY row"
        ddb = duck.connect(memory_limit="512MB", threads=1)
        duck.load_answers(ddb, pack, profiles)
        want = [tuple(_plain(v) for v in r) for r in ddb.execute(sql).fetchall()]
        assert [tuple(_plain(v) for v in r) for r in ddb.execute(portable).fetchall()] == want
        lite = _sqlite_answers(pack, profiles)
        got = [tuple(r) for r in lite.execute(render(portable, "sqlite")).fetchall()]
        assert got == want
        compared += len(got)
    assert compared == len(case_files(rules_dir))


@pytest.mark.parametrize("dialect", ["postgres", "spark", "sqlite"])
def test_show_sql_renders_the_rules_for_another_warehouse(dialect, capsys):
    assert main(["screen", "--show-sql", "--dialect", dialect, "--today", "2026-11-30", "--programs", "sme-ax"]) == 0
    out = capsys.readouterr().out
    assert '"sme-ax.settle"' in out or "`sme-ax.settle`" in out
    parsed = sqlglot.parse_one(out.rstrip().rstrip(";"), read=dialect)  # the rendering reads back
    assert parsed.find(sqlglot.exp.Select) is not None
    if dialect == "postgres":
        assert "POSITION(" in out and "TO_CHAR(" in out  # STRPOS and STRFTIME in Postgres words


def test_show_sql_in_duckdb_runs_as_printed(pack, capsys):
    assert main(["screen", "--show-sql", "--today", "2026-11-30"]) == 0
    sql = capsys.readouterr().out
    con = duck.connect(memory_limit="256MB", threads=1)
    duck.load_answers(con, pack, [{"applicant_type": "school", "school_type": "specialized"}])
    row = dict(zip([d[0] for d in con.execute(sql.rstrip().rstrip(";")).description], con.fetchone()))
    assert row["sme-ax"] == "ineligible" and row["sme-ax.failed"] == "audience"
