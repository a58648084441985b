"""Client lists as spreadsheets: real CSV and XLSX files read, headers recognised, cells checked.

Every file here is written to tmp_path as a user's spreadsheet program would save it (XlsxWriter
for workbooks, with real date, number and boolean cells) and read back with the real rule pack.
"""

from __future__ import annotations

import datetime as dt

import pytest
import xlsxwriter

from desktop.tabular import (APPLICANT_TYPE, NAME, TableFileError, guess_columns, parse_rows,
                             read_table, write_csv, write_table, write_xlsx)
from desktop.tabular import write as write_module
from desktop.tabular.columns import header_key


def write_csv_file(path, text: str, encoding: str = "utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def parse(pack, path, remembered=None):
    table = read_table(path)
    columns = guess_columns(pack, table.headers, remembered, table.first_column)
    return columns, list(parse_rows(pack, table, columns))


# ---------------------------------------------------------------- headers


def test_headers_in_korean_english_or_as_ids_name_the_same_questions(pack):
    q = pack.questions["avg_sales_3y"]
    for header in ("avg_sales_3y", q.label.ko, q.label.en, q.label.en.upper(), f" {q.label.ko} "):
        columns = guess_columns(pack, ["이름", "유형", header])
        assert columns.targets == (NAME, APPLICANT_TYPE, "avg_sales_3y"), header


def test_reserved_columns_have_korean_and_english_names(pack):
    columns = guess_columns(pack, ["기업명", "신청자 유형", "관리번호", "비고"])
    assert columns.targets == ("name", "applicant_type", "id", None)
    columns = guess_columns(pack, ["Client name", "Applicant type", "ID"])
    assert columns.targets == ("name", "applicant_type", "id")


def test_a_remembered_choice_wins_and_a_second_column_for_one_question_is_left_out(pack):
    remembered = {header_key("연매출"): "avg_sales_3y", header_key("region"): ""}
    columns = guess_columns(pack, ["name", "applicant_type", "연매출", "region", "avg_sales_3y"],
                            remembered)
    assert columns.targets == ("name", "applicant_type", "avg_sales_3y", None, None)
    assert columns.remembered()[header_key("연매출")] == "avg_sales_3y"


def test_a_mapping_without_applicant_type_or_name_says_what_is_missing(pack):
    problems = guess_columns(pack, ["region"]).problems(pack)
    en = [p.en for p in problems]
    assert "there is no applicant type (applicant_type) column" in en
    assert "there is no name or id column" in en
    assert all(p.ko and p.ko != p.en for p in problems)


def test_two_columns_for_one_question_are_a_problem_named_by_letters(pack):
    columns = guess_columns(pack, ["name", "applicant_type", "region", "x"]).with_target(3, "region")
    [problem] = columns.problems(pack)
    assert "C" in problem.en and "D" in problem.en
    assert "C열과 D열" in problem.ko


# ---------------------------------------------------------------- cells


def test_csv_cells_in_the_list_format(pack, tmp_path):
    path = write_csv_file(tmp_path / "clients.csv", (
        "name,applicant_type,avg_sales_3y,full_time_workers,founding_date,tax_arrears,"
        "ai_plans,region,industry\n"
        "금속가공,company,3억 5천만,120,2015-03-01,아니오,,서울특별시,C25\n"
        "Parts Ltd,기업,120000000,모름,,false,none,Busan,c29\n"
        "Plans Co,Company,1230억,\"1,200\",,예,,gyeonggi,\n"))
    columns, rows = parse(pack, path)
    assert [r.row for r in rows] == [2, 3, 4]
    assert all(r.ok for r in rows), [e.text("en") for r in rows for e in r.errors]
    first, second, third = rows
    assert first.name == "금속가공"
    assert first.answers == {
        "applicant_type": "company", "avg_sales_3y": 350_000_000, "full_time_workers": 120,
        "founding_date": dt.date(2015, 3, 1), "tax_arrears": False, "region": "seoul",
        "industry": "C25"}
    # "I don't know" is an answer (None); an empty cell is no answer at all
    assert second.answers["full_time_workers"] is None
    assert "founding_date" not in second.answers
    assert second.answers["ai_plans"] == ()  # 'none' of the options: known
    assert second.answers["region"] == "busan"
    assert third.answers["full_time_workers"] == 1200
    assert third.answers["avg_sales_3y"] == 123_000_000_000
    assert third.answers["tax_arrears"] is True


def test_several_choices_separated_by_semicolons_by_value_or_label(pack, tmp_path):
    q = pack.questions["track_interest"]
    a, b = q.options[0], q.options[1]
    path = write_csv_file(tmp_path / "schools.csv", (
        "학교명,유형,track_interest\n"
        f"한빛고,학교,{a.value}; {b.label.ko}\n"
        f"Hill High,school,{b.label.en};{a.value};{a.value}\n"
        "모름고,school,모름\n"))
    _, rows = parse(pack, path)
    assert [r.answers["track_interest"] for r in rows] == [
        (a.value, b.value), (b.value, a.value), None]


def test_every_bad_cell_is_listed_and_its_row_gives_no_answers_to_use(pack, tmp_path):
    path = write_csv_file(tmp_path / "bad.csv", (
        "name,applicant_type,avg_sales_3y,founding_date,tax_arrears,region\n"
        "Good,company,10억,2020-01-01,no,seoul\n"
        "Bad,company,열두 억,2020-13-01,maybe,mars\n"
        ",company,,,,\n"
        "NoType,,,,,\n"
        "Martian,alien,,,,\n"))
    _, rows = parse(pack, path)
    good, bad, nameless, untyped, alien = rows
    assert good.ok and not bad.ok
    assert [(e.row, e.letter, e.column, e.value) for e in bad.errors] == [
        (3, "C", "avg_sales_3y", "열두 억"), (3, "D", "founding_date", "2020-13-01"),
        (3, "E", "tax_arrears", "maybe"), (3, "F", "region", "mars")]
    for e in bad.errors:
        assert e.message.ko and e.message.en and e.message.ko != e.message.en
    assert bad.errors[0].text("ko").startswith("3행 C열(avg_sales_3y): ")
    assert bad.errors[0].text("en").startswith("row 3, column C (avg_sales_3y): ")
    assert [e.message.en for e in nameless.errors] == ["the name is empty"]
    assert [e.message.en for e in untyped.errors] == ["the applicant type is empty"]
    assert [e.letter for e in alien.errors] == ["B"]
    assert alien.applicant_type is None


def test_korean_excel_csv_in_cp949_and_utf8_with_bom(pack, tmp_path):
    text = "이름,신청자 유형,소재지(시·도)\n대한정밀,기업,부산광역시\n"
    for encoding in ("cp949", "utf-8-sig", "utf-8"):
        path = write_csv_file(tmp_path / f"{encoding}.csv", text, encoding)
        _, [row] = parse(pack, path)
        assert row.ok and row.name == "대한정밀" and row.answers["region"] == "busan", encoding


def test_blank_rows_are_skipped_but_counted(pack, tmp_path):
    path = write_csv_file(tmp_path / "gaps.csv",
                          "\n\nname,applicant_type\n\nA,company\n,\nB,school\n")
    _, rows = parse(pack, path)
    assert [(r.row, r.name) for r in rows] == [(5, "A"), (7, "B")]


# ---------------------------------------------------------------- workbooks


def test_xlsx_with_typed_cells_and_a_table_not_starting_at_a1(pack, tmp_path):
    path = tmp_path / "register.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("고객")
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(2, 1, ["기업명", "신청자 유형", pack.questions["avg_sales_3y"].label.ko,
                           "founding_date", "tax_arrears", "full_time_workers"])
    sheet.write_row(3, 1, ["A정밀", "company", 123_000_000_000])
    sheet.write_datetime(3, 4, dt.datetime(2019, 5, 2), day)
    sheet.write_boolean(3, 5, False)
    sheet.write_number(3, 6, 42)
    sheet.write_row(4, 1, ["B테크", "company", 1.5, "2019-05-02", True, 4.5])
    book.close()
    columns, rows = parse(pack, path)
    assert columns.letter(0) == "B"
    first, second = rows
    assert first.row == 4 and first.ok
    assert first.answers == {"applicant_type": "company", "avg_sales_3y": 123_000_000_000,
                             "founding_date": dt.date(2019, 5, 2), "tax_arrears": False,
                             "full_time_workers": 42}
    assert second.row == 5
    assert {(e.letter, e.value) for e in second.errors} == {("D", "1.5"), ("G", "4.5")}


def test_a_damaged_or_foreign_file_is_refused_with_its_name_after_a_colon(tmp_path):
    damaged = tmp_path / "clients.xlsx"
    damaged.write_bytes(b"PK\x03\x04 not really a workbook")
    empty = write_csv_file(tmp_path / "empty.csv", "\n\n")
    cases = [damaged, empty, tmp_path / "missing.csv", tmp_path / "notes.docx"]
    for path in cases:
        with pytest.raises(TableFileError) as caught:
            read_table(path)
        message = caught.value.message
        assert message.ko.endswith(f": {path.name}") and message.en.endswith(f": {path.name}")
        assert "(를)" not in message.ko and "을(" not in message.ko
        assert message.ko != message.en


def test_a_badly_quoted_csv_row_is_a_file_error_with_its_row(tmp_path):
    path = write_csv_file(tmp_path / "quotes.csv", 'name,applicant_type\n"A,company\nB,school\n')
    table = read_table(path)
    with pytest.raises(TableFileError) as caught:
        list(table.rows())
    assert "row 2" in caught.value.message.en or "row 3" in caught.value.message.en


# ---------------------------------------------------------------- writing


def test_xlsx_and_csv_written_read_back_the_same(pack, tmp_path):
    header = ["name", "applicant_type", "avg_sales_3y", "founding_date", "memo"]
    rows = [["가나", "company", 123_000_000_000, dt.date(2020, 1, 2), "=1+1"],
            ["다라", "school", None, None, "0012"]]
    for suffix in ("xlsx", "csv"):
        path = tmp_path / f"out.{suffix}"
        assert write_table(path, header, rows) == 2
        table = read_table(path)
        assert table.headers == tuple(header)
        got = [cells for _, cells in table.rows()]
        assert got[0][0] == "가나" and got[1][4] == "0012"
        assert got[0][4] == "=1+1"  # text stays text, never a formula
        sales = got[0][2]
        assert int(float(sales)) == 123_000_000_000
        assert str(got[0][3])[:10] == "2020-01-02"
    assert (tmp_path / "out.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_xlsx_refuses_more_rows_than_a_sheet_holds_and_leaves_no_file(tmp_path, monkeypatch):
    monkeypatch.setattr(write_module, "XLSX_MAX_ROWS", 3)
    path = tmp_path / "big.xlsx"
    with pytest.raises(TableFileError) as caught:
        write_xlsx(path, [("s", ["a"], ([i] for i in range(10)))])
    assert "CSV" in caught.value.message.ko
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_csv_export_keeps_the_previous_file_when_writing_fails(tmp_path):
    path = tmp_path / "keep.csv"
    path.write_text("old\n", encoding="utf-8")

    def rows():
        yield ["a"]
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_csv(path, ["h"], rows())
    assert path.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.csv"]


def test_the_korean_reason_for_an_option_typo_is_korean_through_and_through(pack, tmp_path):
    path = write_csv_file(tmp_path / "typo.csv", "name,applicant_type,business_status\nA,company,"
                                                 "operatin\n")
    _, [row] = parse(pack, path)
    [error] = row.errors
    assert "(혹시 'operating'?)" in error.message.ko
    assert "did you mean" not in error.message.ko and "did you mean" in error.message.en


def test_exports_go_through_the_one_atomic_writer(tmp_path):
    """A folder is refused, a link keeps pointing at the file it names, and the file written
    keeps the mode of the one it replaces, as for reports and calendars."""
    from desktop.atomic_write import WriteRefused

    folder = tmp_path / "clients.xlsx"
    folder.mkdir()
    with pytest.raises(WriteRefused) as caught:
        write_xlsx(folder, [("s", ["a"], [[1]])])
    assert "folder" in caught.value.message.en and "폴더" in caught.value.message.ko
    assert folder.is_dir() and list(folder.iterdir()) == []

    real = tmp_path / "real.csv"
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o600)
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert write_csv(link, ["h"], [["새 값"]]) == 1
    assert link.is_symlink() and link.resolve() == real
    assert real.read_text(encoding="utf-8-sig").splitlines() == ["h", "새 값"]
    assert real.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clients.xlsx", "link.csv", "real.csv"]
