"""One client list, two ways in: `jiwon screen` and the workspace's import read the same file the
same way.

A real CSV and a real XLSX, written as a consultant's spreadsheet would be (Korean and English
headers, a question's label or its id, `기업`/`school` as the applicant type, amounts in won and as
억/만 text, `모름`, choices separated by `;`, dates, 예/아니오 and true/false, a few bad cells), are
screened on the command line (the Python engine, and DuckDB's when it is installed) and imported
through the workspace's preview by clicking its buttons. Both must give every applicant the same
outcomes (status, failed criteria, deciding questions, near misses for every program) and list the
same bad cells: row, column and reason.
"""

from __future__ import annotations

import csv
import datetime as dt

import pytest
import xlsxwriter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.cli.main import main
from desktop.engine.sql import OUTCOME_SUFFIXES
from desktop.screen import outputs
from desktop.screen.reference import outcome
from desktop.ui.workspace import ClientWorkspace


def header(pack) -> list[str]:
    q = pack.questions
    return ["기업명", "applicant_type", q["avg_sales_3y"].label.ko, "full_time_workers",
            q["founding_date"].label.en, "tax_arrears", "소재지(시·도)", "ai_plans",
            "household_income_pct", "birth_date", "track_interest", "school_type"]


# name, type, sales, workers, founded, arrears, region, AI plans, income %, born, tracks, school
ROWS = [
    ["금속가공 1", "기업", "3억 5천만", "120", "2015-03-01", "아니오", "서울특별시",
     "adopt_ai; train_staff", "", "", "", ""],
    ["Parts Ltd", "company", "1200000000", "모름", "2019-07-15", "false", "Busan", "없음",
     "", "", "", ""],
    ["열두억상사", "기업", "열두 억", "8", "2020-13-01", "예", "gyeonggi", "", "", "", "", ""],
    ["한빛공업고", "학교", "", "", "", "", "daegu", "", "", "", "regional_industry;work_study",
     "meister"],
    ["김하늘", "individual", "", "", "", "", "seoul", "", "80", "1998-04-09", "", ""],
    ["모름상사", "모름", "5억", "12", "", "", "", "", "", "", "", ""],
    ["Hill High", "school", "", "", "", "", "Incheon", "", "", "", "new_tech", "specialized"],
    ["바른테크", "기업", "2억 3,000만", "35", "2011-11-11", "no", "mars", "adopt_ai;nope", "",
     "", "", ""],
    ["이도윤", "개인", "", "", "", "", "busan", "", "모름", "2001-02-30", "", ""],
    ["청솔소재", "company", "80000000000", "240", "2008-05-20", "true", "경상남도", "develop_ai",
     "", "", "", ""],
]
TODAY = dt.date(2026, 3, 2)


def write_csv(path, pack) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header(pack))
        writer.writerows(ROWS)


def write_xlsx(path, pack) -> None:
    """The same list as a workbook with typed cells where a spreadsheet would have them."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("고객")
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, header(pack))
    for r, row in enumerate(ROWS, start=1):
        for c, value in enumerate(row):
            if value == "":
                continue
            if c in (4, 9) and value[:4].isdigit():
                try:
                    sheet.write_datetime(r, c, dt.datetime.fromisoformat(value), day)
                    continue
                except ValueError:
                    pass  # not a day: written as the text it is, a bad cell either way
            if value.isdigit():
                sheet.write_number(r, c, int(value))
            elif value in ("true", "false"):
                sheet.write_boolean(r, c, value == "true")
            else:
                sheet.write_string(r, c, value)
    book.close()


def screened(path, tmp_path, engine):
    """(bad cells as (row, column, reason), {name: {program: the four outcome columns}})."""
    out = tmp_path / f"{path.stem}-{engine}.csv"
    code = main(["screen", str(path), "-o", str(out), "--engine", engine, "--lang", "en",
                 "--today", TODAY.isoformat()])
    assert code == 1  # rows with bad cells were left out
    with open(outputs.errors_path(out), encoding="utf-8", newline="") as f:
        bad = [(int(r["row"]), r["column"], r["message"]) for r in csv.DictReader(f)]
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    programs = [h for h in rows[0] if "." not in h and h not in ("row", "name")]
    found = {r["name"]: {p: tuple(r[p + s] or "" for s in OUTCOME_SUFFIXES) for p in programs}
             for r in rows}
    return bad, found


def imported(qtbot, monkeypatch, store, pack, path):
    """(bad cells as (row, column, reason), {name: {program: outcome}}) from the workspace."""
    w = ClientWorkspace(store, pack, TODAY)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(w.import_button, Qt.MouseButton.LeftButton)
    dialog = w.import_dialog
    assert dialog is not None and dialog.isVisible()
    listed = dialog.errors
    bad = [(int(listed.topLevelItem(i).text(0)), listed.topLevelItem(i).text(1).split(" · ", 1)[1],
            listed.topLevelItem(i).text(3)) for i in range(listed.topLevelItemCount())]
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    found = {c.name: {r.program.id: outcome(r) for r in c.assessment.programs}
             for c in w.model.clients}
    return bad, found


ENGINES = ["python"] + (["duckdb"] if pytest.importorskip("desktop.screen.duck").available()
                        else [])


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize("engine", ENGINES)
def test_screen_and_the_workspace_import_read_one_file_the_same(
        qtbot, monkeypatch, tmp_path, store, rule_pack, kind, engine):
    path = tmp_path / f"clients.{kind}"
    (write_csv if kind == "csv" else write_xlsx)(path, rule_pack)

    screen_bad, screen_found = screened(path, tmp_path, engine)
    import_bad, import_found = imported(qtbot, monkeypatch, store, rule_pack, path)

    # the same bad cells, named by the spreadsheet's own row numbers and the column's header
    assert screen_bad == import_bad
    q = rule_pack.questions
    assert {(row, column) for row, column, _ in screen_bad} == {
        (4, q["avg_sales_3y"].label.ko), (4, q["founding_date"].label.en),
        (7, "applicant_type"), (9, "소재지(시·도)"), (9, "ai_plans"), (10, "birth_date")}
    # the same applicants, each with the same outcome of every program
    bad_names = {ROWS[row - 2][0] for row, _, _ in screen_bad}
    assert set(screen_found) == set(import_found) == {r[0] for r in ROWS} - bad_names
    for name, outcomes in screen_found.items():
        assert outcomes == import_found[name], name
    # the answers were read, not left blank: the first company is open to programs the
    # individual is not, and the outcomes differ between them
    assert screen_found["금속가공 1"] != screen_found["김하늘"]
    assert len({o[0] for o in screen_found["금속가공 1"].values()}) > 1
