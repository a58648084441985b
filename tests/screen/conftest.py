"""The differential check both engines must pass: the compiled SQL in DuckDB against the
reference engine, on the same profiles and days."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.engine import evaluate
from desktop.engine.sql import compile_pack
from desktop.screen.reference import outcome

_SQL_RESULT = {True: "met", False: "not_met", None: "unknown"}
_SQL_EXCLUSION = {True: "not_met", False: "met", None: "unknown"}


def compare(pack, profiles: list[tuple[dict, dt.date]], label) -> dict:
    """Run both engines; return counts; fail with the first differences, named."""
    by_day: dict[dt.date, list[int]] = {}
    for i, (_, day) in enumerate(profiles):
        by_day.setdefault(day, []).append(i)
    problems: list[str] = []
    counts = {"outcomes": 0, "settled": 0, "criteria": 0}
    for day, indexes in by_day.items():
        compiled = compile_pack(pack, day)
        from desktop.screen import duck

        con = duck.connect(memory_limit="1GB", threads=2)
        duck.load_answers(con, pack, (profiles[i][0] for i in indexes))
        out = con.execute(compiled.sql() + " ORDER BY row").fetchall()
        names = [d[0] for d in con.description]
        crit = con.execute(compiled.criteria_sql() + " ORDER BY row").fetchall()
        crit_names = [d[0] for d in con.description]
        for i, row, crow in zip(indexes, out, crit):
            answers = profiles[i][0]
            sql = dict(zip(names, row))
            truth = dict(zip(crit_names, crow))
            assessment = evaluate(pack, answers, day)
            for p in compiled.programs:
                pid = p.program.id
                result = assessment.by_id(pid)
                counts["outcomes"] += 1
                if sql[f"{pid}.settle"]:
                    counts["settled"] += 1
                    continue
                got = tuple(sql[pid + s] for s in ("", ".failed", ".deciding", ".near_miss"))
                if got != outcome(result):
                    problems.append(f"{label(i)} {pid}: SQL {got} != reference {outcome(result)}")
                if result.criteria[0].result == "not_met":  # outside the audience: nothing else
                    continue
                rest = [c for c in result.criteria if c.kind != "audience"]
                for leaf, c in zip([*p.leaves, *p.exclusions], rest):
                    words = _SQL_RESULT if leaf in p.leaves else _SQL_EXCLUSION
                    counts["criteria"] += 1
                    if leaf.criterion.id != c.id or words[truth[leaf.column]] != c.result:
                        problems.append(
                            f"{label(i)} {pid}/{c.id}: SQL {words[truth[leaf.column]]}, reference {c.result}"
                        )
    assert not problems, f"{len(problems)} differences, e.g.\n" + "\n".join(problems[:10])
    return counts


@pytest.fixture
def differential():
    """compare(pack, [(answers, day), ...], label) -> counts; fails naming the differences.
    Where the SQL marks an outcome for the reference engine to settle, its own answer is not
    compared (it is not used); everywhere else it must be the reference engine's, to the letter."""
    pytest.importorskip("duckdb")
    return compare
