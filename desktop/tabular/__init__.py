"""Client lists and registers as spreadsheets: CSV and XLSX in, answers out; tables written back.

One row is one applicant: `name` (or `id`), `applicant_type`, and one column per question id (or
the question's Korean or English label). The same format serves the app's client import and
`jiwon screen`, so one file works for both. Pure Python, no Qt and no database:

    table = read_table(path)                      # headers and rows, read lazily
    columns = guess_columns(pack, table.headers)  # which column answers which question
    for row in parse_rows(pack, table, columns):  # every row: its answers or its bad cells
        ...

Cell values (see cells.py): amounts in whole won or as 억/만 text, empty = not answered,
`모름`/`unknown` = "I don't know", several choices separated by `;`, dates as YYYY-MM-DD, yes/no as
true/false or 예/아니오. Every value is checked by the engine's `coerce_answer`, the same check the
wizard and profile files get. Every bad cell comes back as a `CellError` (row, column, value and a
message in Korean and English); a row with a bad cell has no answers to use, never half of them.
"""

from desktop.tabular.cells import cell_text, is_blank
from desktop.tabular.columns import (APPLICANT_TYPE, ID, NAME, RESERVED, ColumnMap,
                                     column_letter, guess_columns, header_key)
from desktop.tabular.files import TableFileError, Table, read_table, TABLE_SUFFIXES
from desktop.tabular.rows import (EMPTY_APPLICANT_TYPE, CellError, ParsedRow, applicant_type_value,
                                  parse_row, parse_rows)
from desktop.tabular.write import write_csv, write_table, write_xlsx, XLSX_MAX_ROWS

__all__ = [
    "APPLICANT_TYPE",
    "EMPTY_APPLICANT_TYPE",
    "ID",
    "NAME",
    "RESERVED",
    "TABLE_SUFFIXES",
    "XLSX_MAX_ROWS",
    "CellError",
    "ColumnMap",
    "ParsedRow",
    "Table",
    "TableFileError",
    "applicant_type_value",
    "cell_text",
    "column_letter",
    "guess_columns",
    "header_key",
    "is_blank",
    "parse_row",
    "parse_rows",
    "read_table",
    "write_csv",
    "write_table",
    "write_xlsx",
]
