"""Reading a spreadsheet file: its header row and then its rows of cells, lazily.

CSV (UTF-8, with or without the byte-order mark Excel writes, or the CP949 that Korean Excel
saves by default) and workbooks through python-calamine (XLSX, XLSM, XLS, ODS: the first sheet).
The header is the first row that is not empty; blank rows are skipped but still counted, so the
row numbers are the ones the user sees in the spreadsheet.

Problems with the file itself (missing, unreadable, not a table, no header) are `TableFileError`,
with a message in both languages that names the file after a colon: no particle is ever attached
to a file name, since whether it takes 을 or 를 depends on how the name is read.
"""

from __future__ import annotations

import codecs
import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from desktop.engine.model import Text
from desktop.engine.problem import Problem
from desktop.tabular.cells import cell_text, is_blank

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
TABLE_SUFFIXES = CSV_SUFFIXES + WORKBOOK_SUFFIXES

_SNIFF_BYTES = 256 * 1024


class TableFileError(Problem):
    """The file cannot be read as a table. `message` is a Text (ko/en) that names the file;
    `path` is the file, shown inside the message rather than as `path:line:`."""

    def __init__(self, message: Text, path: str | Path):
        super().__init__(message)
        self.path = str(path)

    def header(self, lang: str = "en") -> str:
        return self.words(lang)


def _error(path: Path, ko: str, en: str) -> TableFileError:
    return TableFileError(Text(f"{ko}: {path.name}", f"{en}: {path.name}"), path)


@dataclass
class Table:
    """A table being read. `rows()` yields (row number, cells) for every non-blank row after the
    header, with as many cells as there are headers (missing ones are "")."""

    path: Path
    headers: tuple[str, ...]
    header_row: int  # the header's row number in the file (1-based)
    first_column: int = 0  # index of the sheet's first column (0 = A), for column letters
    _rows: Callable[[], Iterator[tuple[int, list[Any]]]] | None = field(default=None, repr=False)
    _used: bool = field(default=False, repr=False)

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        if self._used:
            raise RuntimeError("the rows of a table can be read once; call read_table() again")
        self._used = True
        width = len(self.headers)
        for number, cells in self._rows():
            if all(is_blank(c) for c in cells):
                continue
            cells = list(cells[:width]) + [""] * (width - len(cells))
            yield number, cells


def read_table(path: str | Path) -> Table:
    """The table in `path` (by its suffix: CSV or a workbook). Raises TableFileError."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise _error(path, "CSV 또는 XLSX 파일만 읽을 수 있습니다",
                     "only CSV and XLSX files can be read")
    if not path.is_file():
        raise _error(path, "파일이 없습니다", "there is no such file")
    if suffix in CSV_SUFFIXES:
        return _read_csv(path, "\t" if suffix == ".tsv" else None)
    return _read_workbook(path)


def _headers(path: Path, cells: list[Any]) -> tuple[str, ...]:
    headers = [cell_text(c) for c in cells]
    while headers and not headers[-1]:
        headers.pop()
    if not headers:
        raise _error(path, "머리글 행이 없습니다", "there is no header row")
    return tuple(headers)


# ---------------------------------------------------------------- CSV


def _encoding(path: Path) -> str:
    """UTF-8 (BOM or not) when the start of the file decodes as UTF-8, else CP949."""
    with path.open("rb") as f:
        head = f.read(_SNIFF_BYTES)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        codecs.getincrementaldecoder("cp949")().decode(head, final=False)
        return "cp949"
    except UnicodeDecodeError:
        raise _error(path, "글자 인코딩을 알 수 없습니다(UTF-8 또는 CP949로 저장해 주세요)",
                     "the text encoding is not known (save it as UTF-8 or CP949)") from None


def _delimiter(first_line: str) -> str:
    """Comma, unless the header line has tabs and no commas (a tab-separated export). A
    semicolon is never taken as the delimiter: it separates the choices inside a cell."""
    if "\t" in first_line and "," not in first_line:
        return "\t"
    return ","


def csv_delimiter(path: str | Path) -> str:
    """The delimiter of a CSV (or .tsv) file, decided as its reading here decides it."""
    path = Path(path)
    if path.suffix.lower() == ".tsv":
        return "\t"
    with path.open("r", encoding=_encoding(path), newline="") as f:
        return _delimiter(f.readline())


def _read_csv(path: Path, delimiter: str | None) -> Table:
    encoding = _encoding(path)

    def records() -> Iterator[tuple[int, list[str]]]:
        with path.open("r", encoding=encoding, newline="") as f:
            first = f.readline()
            f.seek(0)
            reader = csv.reader(f, delimiter=delimiter or _delimiter(first), strict=True)
            number = 0
            try:
                for cells in reader:
                    number += 1
                    yield number, cells
            except csv.Error as err:
                raise TableFileError(
                    Text(f"CSV 형식 오류 {number + 1}행({err}): {path.name}",
                         f"CSV format error in row {number + 1} ({err}): {path.name}"), path
                ) from None
            except UnicodeDecodeError:
                raise TableFileError(
                    Text(f"{number + 1}행에 읽을 수 없는 글자가 있습니다: {path.name}",
                         f"row {number + 1} holds characters that cannot be read: {path.name}"),
                    path) from None

    return _from_records(path, records, 0)


def _from_records(path: Path, records: Callable[[], Iterator[tuple[int, list[Any]]]],
                  first_column: int) -> Table:
    header_row = 0
    headers: tuple[str, ...] = ()
    for number, cells in records():
        if not all(is_blank(c) for c in cells):
            header_row = number
            headers = _headers(path, cells)
            break
    if not headers:
        raise _error(path, "내용이 없습니다", "the file is empty")

    def rows() -> Iterator[tuple[int, list[Any]]]:
        for number, cells in records():
            if number > header_row:
                yield number, cells

    return Table(path=path, headers=headers, header_row=header_row, first_column=first_column,
                 _rows=rows)


# ---------------------------------------------------------------- workbooks


def _read_workbook(path: Path) -> Table:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        if not book.sheet_names:
            raise _error(path, "시트가 없습니다", "the workbook has no sheet")
        sheet = book.get_sheet_by_index(0)
    except TableFileError:
        raise
    except Exception:  # noqa: BLE001 - calamine raises several kinds for a damaged file
        raise _error(path, "스프레드시트 파일을 열 수 없습니다(손상되었거나 암호가 걸려 있습니다)",
                     "the workbook cannot be opened (it is damaged or password-protected)") \
            from None
    start = sheet.start or (0, 0)

    def records() -> Iterator[tuple[int, list[Any]]]:
        # calamine yields every row from the first one, and columns from the first used one
        for index, cells in enumerate(sheet.iter_rows()):
            yield index + 1, cells

    return _from_records(path, records, start[1])

