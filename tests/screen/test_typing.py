"""Cells typed inside DuckDB are the cell parser's verdicts: the plain forms SQL reads itself
(whole numbers in range, ISO dates) and every other value, listed inline or looked up through a
DuckDB function, give the same answer or the same bad cell as `typing.judge` (the client
import's judgement)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.screen.cells import ABSENT, AnswerError

pytest.importorskip("duckdb")
from desktop.screen import duck, typing  # noqa: E402
from desktop.engine.sql import encode_list  # noqa: E402

CELLS = {
    "avg_sales_3y": ["120000000000", "0", "1230억", "5,000만", "-5", "-0", "+5", "1e3", "1_000", "12.0", "100000000000001", "007", " 12 ", "lots", "", None, "모름"],
    "full_time_workers": ["10", "-1", "-0", "+3", "1000001", "3,000", "1.5", "unknown"],
    "founding_date": ["2020-02-29", "2021-02-29", "2024-13-01", "0000-01-01", "2024-1-5", " 2024-01-05 ", "10000-01-01", "9999-12-31", "0001-01-01", "x"],
    "tax_arrears": ["예", "아니오", "true", "FALSE", "1", "maybe", "모름"],
    "business_status": ["active", "closed", "폐업", "nonsense"],
    "ai_plans": ["adopt_ai;train_staff", "없음", "adopt_ai; nope", "train_staff"],
    "applicant_type": ["company", "", "모름", "bank"],
}


def _expected(pack, qid, raw):
    try:
        value = typing.judge(pack, qid, raw)
    except AnswerError as err:
        return None, err.message.en
    if value is ABSENT or value is None:
        return None, None
    q = pack.questions[qid]
    if q.type == "multi":
        return encode_list(value), None
    return value, None


@pytest.mark.parametrize("inline", [True, False])
def test_sql_typed_cells_agree_with_the_cell_parser(pack, monkeypatch, inline):
    if not inline:
        monkeypatch.setattr(typing, "INLINE_LIMIT", 0)  # every verdict through a DuckDB function
    con = duck.connect(memory_limit="256MB", threads=1)
    width = max(len(v) for v in CELLS.values())
    rows = []
    for i in range(width):
        rows.append([CELLS[q][i] if i < len(CELLS[q]) else None for q in CELLS])
    cols = ", ".join(f'"{q}" VARCHAR' for q in CELLS)
    con.execute(f"CREATE TABLE src (row BIGINT, {cols})")
    con.executemany(f"INSERT INTO src VALUES (?, {', '.join('?' * len(CELLS))})", [[i + 1, *r] for i, r in enumerate(rows)])
    columns = typing.prepare(con, pack, "src", {q: q for q in CELLS}, {q: "VARCHAR" for q in CELLS}, "en")
    select = ", ".join(f"{c.value}, {c.bad}, {c.message}" for c in columns)
    got = con.execute(f"SELECT {select} FROM src ORDER BY row").fetchall()
    checked = 0
    for r, raw_row in zip(got, rows):
        for n, (qid, raw) in enumerate(zip(CELLS, raw_row)):
            if qid != "applicant_type" and raw is None:
                continue
            value, bad, message = r[3 * n: 3 * n + 3]
            want_value, want_message = _expected(pack, qid, raw)
            assert bool(bad) == (want_message is not None), (qid, raw, message)
            if want_message is None:
                assert value == want_value, (qid, raw)
            else:
                assert message == want_message, (qid, raw)
            checked += 1
    assert checked >= 40
    assert any(isinstance(v, dt.date) for v in [r[3 * 2] for r in got])
