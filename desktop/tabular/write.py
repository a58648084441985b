"""Writing tables: CSV (UTF-8 with the byte-order mark, so Excel shows Korean right) and XLSX
(XlsxWriter, row by row in constant memory), one or more sheets, header row frozen and filtered.

Values are written as what they are: whole numbers as numbers, dates as dates, None as an empty
cell, everything else as text. The file goes through `desktop.atomic_write`: written next to its
final name and moved into place when complete, so a failed export never leaves half a file where a
good one was, and a folder, a device or a link is never replaced by it.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any, Iterable, Sequence

from desktop.atomic_write import write_atomic_with
from desktop.engine.model import Text
from desktop.tabular.cells import cell_text
from desktop.tabular.files import TableFileError

XLSX_MAX_ROWS = 1_048_576  # rows one sheet holds, the header included
_XLSX_SHEET_NAME = 31
_MAX_WIDTH = 60

Sheet = tuple[str, Sequence[str], Iterable[Sequence[Any]]]  # (sheet name, header, rows)


def _csv_value(value: Any) -> str:
    return "" if value is None else cell_text(value)


def write_csv(path: str | Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Returns the number of rows written (the header not counted)."""
    count = 0

    def write(tmp: Path) -> None:
        nonlocal count
        with tmp.open("w", encoding="utf-8-sig", newline="") as f:
            out = csv.writer(f)
            out.writerow(header)
            for row in rows:
                out.writerow([_csv_value(v) for v in row])
                count += 1

    write_atomic_with(Path(path), write)
    return count


def _too_many_rows(path: Path) -> TableFileError:
    return TableFileError(Text(
        f"XLSX 시트 하나에는 {XLSX_MAX_ROWS:,}행까지만 들어갑니다. CSV로 저장해 주세요: {path.name}",
        f"an XLSX sheet holds at most {XLSX_MAX_ROWS:,} rows; save as CSV instead: {path.name}"),
        path)


def write_xlsx(path: str | Path, sheets: Sequence[Sheet]) -> list[int]:
    """One worksheet per (name, header, rows); returns the rows written per sheet. Raises
    TableFileError when a sheet would have more rows than XLSX allows."""
    import xlsxwriter

    path = Path(path)
    counts: list[int] = []

    def write(tmp: Path) -> None:
        book = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "strings_to_numbers": False,
                                              "strings_to_formulas": False,
                                              "strings_to_urls": False})
        try:
            bold = book.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1})
            day = book.add_format({"num_format": "yyyy-mm-dd"})
            for name, header, rows in sheets:
                sheet = book.add_worksheet(name[:_XLSX_SHEET_NAME])
                widths = [min(max(len(h) * 2, 8), _MAX_WIDTH) for h in header]
                for col, width in enumerate(widths):
                    sheet.set_column(col, col, width)
                sheet.write_row(0, 0, list(header), bold)
                sheet.freeze_panes(1, 0)
                number = 0
                for number, row in enumerate(rows, start=1):
                    if number >= XLSX_MAX_ROWS:
                        raise _too_many_rows(path)
                    for col, value in enumerate(row):
                        _write_cell(sheet, number, col, value, day)
                if header:
                    sheet.autofilter(0, 0, max(number, 1), len(header) - 1)
                counts.append(number)
        finally:
            book.close()

    write_atomic_with(path, write)
    return counts


def _write_cell(sheet, row: int, col: int, value: Any, day) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, col, value)
    elif isinstance(value, dt.datetime):
        sheet.write_datetime(row, col, value.replace(tzinfo=None), day)
    elif isinstance(value, dt.date):
        sheet.write_datetime(row, col, dt.datetime(value.year, value.month, value.day), day)
    else:
        sheet.write_string(row, col, str(value))


def write_table(path: str | Path, header: Sequence[str], rows: Iterable[Sequence[Any]],
                sheet_name: str = "Sheet1") -> int:
    """CSV or XLSX by the file's suffix; returns the rows written."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        return write_xlsx(path, [(sheet_name, header, rows)])[0]
    if path.suffix.lower() == ".csv":
        return write_csv(path, header, rows)
    raise TableFileError(Text(f"CSV 또는 XLSX로만 저장할 수 있습니다: {path.name}",
                              f"only CSV and XLSX can be written: {path.name}"), path)
