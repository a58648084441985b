"""`jiwon screen` end to end: real files in (CSV, XLSX, Parquet), real files out, read back.

Each output row is checked against the reference engine's own assessment of that row's answers,
so both engines are held to the same outcomes, failed criteria, deciding questions and gaps.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.engine import evaluate
from desktop.screen import outputs
from desktop.screen import progress as progress_module
from desktop.screen.cells import ABSENT, parse_cell
from desktop.screen.progress import Progress
from desktop.screen.reference import outcome
from desktop.screen.synthetic import Generator, register_cell

duckdb = pytest.importorskip("duckdb")

TODAY = "2026-11-30"


def write_register(pack, path: Path, n: int, seed: int = 7, bad: dict | None = None) -> list[list[str]]:
    """A CSV register of generated applicants; `bad` puts {applicant: (column, text)} into it
    (applicant 1 is on the CSV's row 2, under the header)."""
    gen = Generator(pack, dt.date.fromisoformat(TODAY), seed=seed)
    head = ["id", *pack.questions]
    rows = []
    for i, answers in enumerate(gen.profiles(n), 1):
        row = [f"R{i}"] + [("" if q not in answers else register_cell(answers[q])) for q in pack.questions]
        if bad and i in bad:
            column, value = bad[i]
            row[head.index(column)] = value
        rows.append(row)
    with open(path, "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out)
        w.writerow(head)
        w.writerows(rows)
    return [head, *rows]


def reference_outcomes(pack, head, row) -> dict:
    answers = {}
    for q, raw in zip(head[1:], row[1:]):
        value = parse_cell(pack, q, raw or None)
        if value is not ABSENT:
            answers[q] = value
    found = evaluate(pack, answers, dt.date.fromisoformat(TODAY))
    return {r.program.id: outcome(r) for r in found.programs}


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def check_against_reference(pack, register, out_rows, programs=None, first=2) -> None:
    """`first`: the first data row's number (2 in a spreadsheet, under its header; 1 in
    Parquet)."""
    head, *rows = register
    by_number = {int(r["row"]): r for r in out_rows}
    for number, row in enumerate(rows, first):
        if number not in by_number:
            continue
        got = by_number[number]
        assert got["id"] == row[0]
        want = reference_outcomes(pack, head, row)
        for pid in programs or pack.programs:
            have = tuple(got[pid + s] or "" for s in ("", ".failed", ".deciding", ".near_miss"))
            assert have == want[pid], f"row {number} {pid}: {have} != {want[pid]}"


@pytest.mark.parametrize("engine", ["duckdb", "python"])
def test_a_csv_register_with_bad_cells_is_screened_and_the_bad_rows_reported(pack, tmp_path, engine, capsys):
    register = write_register(pack, tmp_path / "in.csv", 150,
                              bad={5: ("avg_sales_3y", "lots"), 9: ("applicant_type", "")})
    out = tmp_path / "out.csv"
    code = main(["screen", str(tmp_path / "in.csv"), "-o", str(out), "--engine", engine,
                 "--today", TODAY, "--lang", "en"])
    assert code == 1  # rows were left out
    err = capsys.readouterr().err
    assert f"engine: {engine}" in err and "148 rows screened, 2 left out" in err
    problems = read_csv(outputs.errors_path(out))
    assert [(p["row"], p["column"], p["value"]) for p in problems] == [("6", "avg_sales_3y", "lots"), ("10", "applicant_type", "")]
    assert "not an amount" in problems[0]["message"]
    assert problems[1]["message"] == "the applicant type is empty"
    rows = read_csv(out)
    numbers = [int(r["row"]) for r in rows]
    assert numbers == sorted(numbers) and 6 not in numbers and 10 not in numbers and len(rows) == 148
    check_against_reference(pack, register, rows)
    summary = read_csv(outputs.summary_path(out))
    statuses = [s for s in summary if s["kind"] == "status"]
    assert sum(int(s["count"]) for s in statuses if s["program"] == "sme-ax") == 148
    ranked = [s for s in summary if s["kind"] == "question"]
    assert ranked and int(ranked[0]["rank"]) == 1 and ranked[0]["question"] in pack.questions
    shares = [float(s["share"]) for s in ranked]
    assert shares == sorted(shares)  # asking more questions never settles fewer outcomes
    assert "questions settles" in [s for s in summary if s["kind"] == "headline"][0]["label"]


def test_both_engines_write_the_same_outcomes(pack, tmp_path, capsys):
    write_register(pack, tmp_path / "in.csv", 200, seed=11)
    for engine in ("duckdb", "python"):
        assert main(["screen", str(tmp_path / "in.csv"), "-o", str(tmp_path / f"{engine}.csv"),
                     "--engine", engine, "--today", TODAY]) == 0
    assert read_csv(tmp_path / "duckdb.csv") == read_csv(tmp_path / "python.csv")
    assert (tmp_path / "duckdb.csv.summary.csv").read_text() == (tmp_path / "python.csv.summary.csv").read_text()


def test_parquet_in_and_out_keeps_the_input_order(pack, tmp_path, capsys):
    register = write_register(pack, tmp_path / "in.csv", 200, seed=3)
    con = duckdb.connect()
    con.execute(f"COPY (SELECT * FROM read_csv('{tmp_path / 'in.csv'}', all_varchar = true)) TO '{tmp_path / 'in.parquet'}'")
    out = tmp_path / "out.parquet"
    assert main(["screen", str(tmp_path / "in.parquet"), "-o", str(out), "--today", TODAY]) == 0
    assert "엔진: duckdb" in capsys.readouterr().err  # auto: Parquet goes to DuckDB
    rows = con.execute(f"SELECT * FROM read_parquet('{out}')").fetchall()
    names = [d[0] for d in con.description]
    records = [dict(zip(names, r)) for r in rows]
    assert [r["row"] for r in records] == list(range(1, 201))
    check_against_reference(pack, register, [{k: ("" if v is None else str(v)) for k, v in r.items()} for r in records],
                            first=1)
    assert outputs.summary_path(out).exists()


def test_xlsx_in_and_out_with_the_summary_on_a_second_sheet(pack, tmp_path, capsys):
    import xlsxwriter
    from python_calamine import CalamineWorkbook

    register = write_register(pack, tmp_path / "in.csv", 60, seed=5)
    book = xlsxwriter.Workbook(str(tmp_path / "in.xlsx"))
    sheet = book.add_worksheet()
    for i, row in enumerate(register):
        sheet.write_row(i, 0, row)
    book.close()
    out = tmp_path / "out.xlsx"
    programs = "sme-ax,nesp-type1"
    for engine in ("python", "duckdb"):
        assert main(["screen", str(tmp_path / "in.xlsx"), "-o", str(out), "--engine", engine,
                     "--today", TODAY, "--programs", programs]) == 0
        read = CalamineWorkbook.from_path(str(out))
        assert read.sheet_names == ["outcomes", "summary"]
        head, *body = read.get_sheet_by_index(0).to_python()
        assert head[:3] == ["row", "id", "nesp-type1"] and len(body) == 60
        rows = [{h: ("" if v is None else (str(int(v)) if isinstance(v, float) else str(v))) for h, v in zip(head, r)} for r in body]
        check_against_reference(pack, register, rows, programs.split(","))
        summary = read.get_sheet_by_index(1).to_python()
        assert summary[0][0] == "kind" and {r[1] for r in summary[1:] if r[0] == "status"} == set(programs.split(","))


def test_xlsx_output_refuses_more_rows_than_a_sheet_holds(pack, tmp_path, monkeypatch, capsys):
    write_register(pack, tmp_path / "in.csv", 30)
    monkeypatch.setattr(outputs, "XLSX_MAX_ROWS", 20)
    from desktop.screen import columnar

    def not_now(*args, **kwargs):  # the columnar engine refuses once the rows are counted
        raise AssertionError("the rules were compiled for an output that cannot hold the rows")

    monkeypatch.setattr(columnar, "compile_pack", not_now)
    for engine in ("python", "duckdb"):
        code = main(["screen", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.xlsx"), "--engine", engine,
                     "--today", TODAY, "--lang", "en"])
        assert code == 2
        assert "Parquet (.parquet) or CSV (.csv)" in capsys.readouterr().err


def test_strict_stops_at_the_first_bad_cell(pack, tmp_path, capsys):
    write_register(pack, tmp_path / "in.csv", 50, bad={7: ("founding_date", "2024-13-01"), 30: ("avg_sales_3y", "x")})
    for engine in ("duckdb", "python"):
        out = tmp_path / f"{engine}.csv"
        code = main(["screen", str(tmp_path / "in.csv"), "-o", str(out), "--strict", "--engine", engine,
                     "--today", TODAY, "--lang", "en"])
        assert code == 1
        err = capsys.readouterr().err
        assert "in.csv:8: founding_date: There is no such day as '2024-13-01'" in err
        assert not out.exists()
        assert [r["row"] for r in read_csv(outputs.errors_path(out))] == ["8"]


@pytest.mark.parametrize(
    "args, words",
    [
        (["missing.csv", "-o", "o.csv"], "no such file"),
        (["in.txt.gz", "-o", "o.csv"], "not a CSV, XLSX or Parquet file"),
        (["in.csv", "-o", "o.json"], "must be .parquet, .csv or .xlsx"),
        (["in.csv"], "INPUT and -o OUTPUT are required"),
        (["in.csv", "-o", "o.csv", "--programs", "no-such"], "unknown program no-such"),
        (["in.csv", "-o", "o.csv", "--today", "tomorrow"], "not a date"),
        (["headless.csv", "-o", "o.csv"], "no applicant type (applicant_type) column"),
    ],
)
def test_usage_and_file_errors_exit_2_with_one_line(pack, tmp_path, monkeypatch, capsys, args, words):
    monkeypatch.chdir(tmp_path)
    write_register(pack, tmp_path / "in.csv", 3)
    (tmp_path / "headless.csv").write_text("id,region\nA,seoul\n", encoding="utf-8")
    (tmp_path / "in.txt.gz").write_bytes(b"\x1f\x8b")
    assert main(["screen", *args, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


def test_auto_takes_the_python_engine_for_a_small_file_and_is_quiet_when_piped(pack, tmp_path, capsys):
    write_register(pack, tmp_path / "in.csv", 20)
    assert main(["screen", str(tmp_path / "in.csv"), "-o", str(tmp_path / "o.csv"), "--today", TODAY, "--lang", "en"]) == 0
    captured = capsys.readouterr()
    assert "engine: python" in captured.err
    assert "\r" not in captured.err and captured.out == ""  # no progress bar when not on a terminal


def test_the_summary_ranks_the_questions_that_settle_the_most_open_outcomes(pack):
    from desktop.screen.summary import Summary

    s = Summary(("p", "q"))
    s.add("p", "undetermined", "a;b", 3)
    s.add("p", "undetermined", "a", 5)
    s.add("q", "undetermined", "c", 2)
    s.add("q", "eligible", "", 4)
    ranked = s.ranked()
    assert [r[0] for r in ranked] == ["a", "b", "c"]
    assert [r[1] for r in ranked] == [8, 3, 2]
    assert [round(r[2], 2) for r in ranked] == [0.5, 0.8, 1.0]
    assert s.headline(pack, "en") == "asking these 3 questions settles 100% of the open outcomes"


def test_file_errors_speak_korean_first(pack, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "headless.csv").write_text("id,region\nA,seoul\n", encoding="utf-8")
    assert main(["screen", "headless.csv", "-o", "o.csv"]) == 2
    assert "신청자 유형(applicant_type) 열이 없습니다" in capsys.readouterr().err
    assert main(["screen", "missing.csv", "-o", "o.csv", "--lang", "ko"]) == 2
    assert "missing.csv: 파일이 없습니다" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_duckdb_progress_is_drawn_while_a_query_runs(monkeypatch):
    from desktop.screen import duck

    monkeypatch.setattr(progress_module, "DELAY", 0.0)
    monkeypatch.setattr(progress_module, "EVERY", 0.05)
    con = duck.connect(memory_limit="1GB", threads=2)
    con.execute("CREATE TABLE t AS SELECT i, hash(i) % 1000 AS k FROM range(20000000) r(i)")
    term = _Terminal()
    bar = Progress(term, lang="en")
    bar.attach(con)
    bar.phase("evaluate")
    drawn = ""
    for _ in range(8):  # a query long enough to be polled at least once, however fast the machine
        con.execute("SELECT k, count(DISTINCT i % 7919), sum(i) FROM t GROUP BY k").fetchall()
        drawn = term.getvalue()
        if "%" in drawn:
            break
    bar.close()
    assert re.search(r"\revaluate +\[[#.]{30}\] +[0-9.]+%", drawn), repr(drawn[:200])
    assert term.getvalue().endswith("\r")  # the line is erased at the end


def test_a_row_count_is_drawn_in_korean_by_the_python_engine(pack, tmp_path, monkeypatch):
    monkeypatch.setattr(progress_module, "DELAY", 0.0)
    write_register(pack, tmp_path / "in.csv", 5)
    term = _Terminal()
    monkeypatch.setattr("sys.stderr", term)
    assert main(["screen", str(tmp_path / "in.csv"), "-o", str(tmp_path / "o.csv"), "--today", TODAY,
                 "--engine", "python"]) == 0
    err = term.getvalue()
    assert re.search("\r평가 +1행", err), repr(err)  # the first row at once, later ones at most every 0.2 s
    assert "5행 심사" in err  # and the summary line follows the erased progress line


def test_nothing_is_drawn_when_not_on_a_terminal(monkeypatch):
    monkeypatch.setattr(progress_module, "DELAY", 0.0)
    piped = io.StringIO()
    bar = Progress(piped, total=10)
    bar.tick(5)
    bar.close()
    assert piped.getvalue() == ""


def test_settling_ticks_with_its_share_and_only_the_parent_draws(monkeypatch):
    monkeypatch.setattr(progress_module, "DELAY", 0.0)
    term = _Terminal()
    bar = Progress(term, lang="en")
    bar.phase("settle")
    bar.tick(50, 200)
    assert re.search(r"\rsettle +\[#{7}\.{23}\] +25\.0%", term.getvalue()), repr(term.getvalue())
    monkeypatch.setattr(bar, "_pid", -1)  # as in a forked child: its ticks are not drawn
    monkeypatch.setattr(bar, "_last", 0.0)
    drawn = term.getvalue()
    bar.tick(150, 200)
    assert term.getvalue() == drawn
