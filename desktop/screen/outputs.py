"""Where the outcomes go: Parquet, CSV or XLSX, one row per screened input row, in input order.

Columns: `row` (the input's data row number), the `id` / `name` columns passed through, then per
program its status (named by the program id) and `<id>.failed`, `<id>.deciding`,
`<id>.near_miss`. The summary goes to a second sheet of an XLSX output, or beside a Parquet or CSV
output as `OUTPUT.summary.csv`.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterable, Sequence

from desktop.engine.model import Text
from desktop.engine.problem import Problem
from desktop.engine.sql import OUTCOME_SUFFIXES

XLSX_MAX_ROWS = 1_048_576  # rows in one sheet, the header included
FORMATS = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv", ".xlsx": "xlsx"}


class OutputError(Problem):
    """The output cannot be written as asked: a message for the command line."""


def format_of(path: str | Path) -> str | None:
    return FORMATS.get(Path(path).suffix.lower())


def header(passthrough: Sequence[str], programs: Sequence[str]) -> list[str]:
    return ["row", *passthrough] + [p + s for p in programs for s in OUTCOME_SUFFIXES]


def summary_path(output: str | Path) -> Path:
    return Path(str(output) + ".summary.csv")


def errors_path(output: str | Path) -> Path:
    return Path(str(output) + ".errors.csv")


def too_many_rows(rows: int, path) -> OutputError:
    most = XLSX_MAX_ROWS - 1
    return OutputError(Text(
        f"{path}: {rows:,}행은 XLSX 시트 하나에 들어가지 않습니다(최대 {most:,}행). "
        "Parquet(.parquet)이나 CSV(.csv)로 쓰십시오",
        f"{path}: {rows:,} rows do not fit in one XLSX sheet ({most:,} at most); "
        "write Parquet (.parquet) or CSV (.csv) instead",
    ))


def write_csv(path: str | Path, head: Sequence[str], rows: Iterable[Sequence]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(head)
        writer.writerows(rows)


def write_xlsx(path: str | Path, sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence]]]) -> None:
    """Sheets of (name, header, rows), streamed (constant memory); text stays text."""
    import xlsxwriter

    book = xlsxwriter.Workbook(
        str(path),
        {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
         "strings_to_urls": False},
    )
    try:
        bold = book.add_format({"bold": True})
        for name, head, rows in sheets:
            sheet = book.add_worksheet(name)
            sheet.write_row(0, 0, list(head), bold)
            sheet.freeze_panes(1, 0)
            for n, row in enumerate(rows, 1):
                if n >= XLSX_MAX_ROWS:
                    raise too_many_rows(n, path)
                sheet.write_row(n, 0, ["" if v is None else v for v in row])
    finally:
        book.close()
