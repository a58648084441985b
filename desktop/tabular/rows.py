"""Rows of a table as applicants: the answers of each row, or every bad cell in it.

A row is taken whole or not at all: when one cell is bad, the row's `answers` are still worked out
for the cells that are fine (a preview can show them) but `ok` is False and no caller may save or
screen it. Every bad cell is reported, not just the first, with the row number and column the user
sees in the spreadsheet and a message in Korean and English.

The client import and `jiwon screen` (both of its engines) judge a row here, so one file gets the
same answers and the same bad cells from both. One difference is the caller's: a client list
becomes saved profiles, which need a name (`clients=True`: an empty or overlong name is a bad
cell); a register's row is screened and passed through by its row number, with or without one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from desktop.engine import AnswerError
from desktop.engine.model import APPLICANT_TYPES, RulePack, Text
from desktop.tabular.cells import cell_answer, cell_text, is_blank
from desktop.tabular.columns import APPLICANT_TYPE, ID, NAME, ColumnMap
from desktop.tabular.files import Table

MAX_NAME = 200


@dataclass(frozen=True)
class CellError:
    """One bad cell: `row` as the spreadsheet numbers it (the header row counts), `column` its
    header (or its letter when the header is empty), `value` the cell as written."""

    row: int
    column: str
    letter: str  # the spreadsheet's column letter, 'A', 'B', ...
    value: str
    message: Text

    def text(self, lang: str) -> str:
        """'12행 C열(매출액): message' / 'row 12, column C (Sales): message'."""
        if lang == "en":
            return f"row {self.row}, column {self.letter} ({self.column}): {self.message.en}"
        return f"{self.row}행 {self.letter}열({self.column}): {self.message.ko}"


@dataclass(frozen=True)
class ParsedRow:
    row: int  # the row number in the spreadsheet
    name: str  # the name, or the id when there is no name
    ref: str | None  # the id column's value, passed through
    applicant_type: str | None
    answers: dict[str, Any]  # question id -> value (None = "I don't know"); has applicant_type
    errors: tuple[CellError, ...]

    @property
    def ok(self) -> bool:
        return not self.errors


#: The applicant type's cell is empty: every applicant has a type, so this is a bad cell.
EMPTY_APPLICANT_TYPE = Text("신청자 유형이 비어 있습니다", "the applicant type is empty")


def applicant_type_value(pack: RulePack, cell: Any) -> str:
    """company, school or individual. Raises AnswerError for an empty cell, "I don't know" or
    anything else (the one judgement of this column, for the import and both screen engines)."""
    if is_blank(cell):
        raise AnswerError(EMPTY_APPLICANT_TYPE, APPLICANT_TYPE)
    question = pack.questions.get(APPLICANT_TYPE)
    if question is not None:
        value = cell_answer(pack, question, cell)
    else:  # a rule pack without the catalog's first question: the three types still apply
        value = cell_text(cell).lower()
    if value not in APPLICANT_TYPES:
        raise AnswerError(Text("기업·학교·개인(company, school, individual) 중 하나를 적어 주세요",
                               "write company, school or individual"), APPLICANT_TYPE)
    return value


def parse_row(pack: RulePack, columns: ColumnMap, number: int, cells: list[Any],
              clients: bool = True) -> ParsedRow:
    """One row's answers and its bad cells (with `clients`, the name's too)."""
    errors: list[CellError] = []
    answers: dict[str, Any] = {}
    name = ref = applicant = None

    def bad(index: int, message: Text) -> None:
        header = columns.headers[index] or columns.letter(index)
        errors.append(CellError(number, header, columns.letter(index), cell_text(cells[index]),
                                message))

    for index, target in enumerate(columns.targets):
        if target is None or target in (NAME, ID):
            continue
        cell = cells[index]
        if target == APPLICANT_TYPE:
            try:
                applicant = applicant_type_value(pack, cell)
            except AnswerError as err:
                bad(index, err.message)
            continue
        if is_blank(cell):
            continue  # not answered
        question = pack.questions.get(target)
        if question is None:
            continue  # ColumnMap.problems() reports it once for the whole file
        try:
            answers[target] = cell_answer(pack, question, cell)
        except AnswerError as err:
            bad(index, err.message)

    name_at, ref_at = columns.index_of(NAME), columns.index_of(ID)
    if ref_at is not None and not is_blank(cells[ref_at]):
        ref = cell_text(cells[ref_at])
    if name_at is not None and not is_blank(cells[name_at]):
        name = cell_text(cells[name_at])
        if clients and len(name) > MAX_NAME:
            bad(name_at, Text(f"이름은 {MAX_NAME}자 이하로 적어 주세요",
                              f"the name is longer than {MAX_NAME} characters"))
    if clients and name is None and ref is None:
        if name_at is not None and ref_at is not None:
            bad(name_at, Text("이름도 번호도 비어 있습니다", "both the name and the id are empty"))
        elif name_at is not None:
            bad(name_at, Text("이름이 비어 있습니다", "the name is empty"))
        elif ref_at is not None:
            bad(ref_at, Text("번호가 비어 있습니다", "the id is empty"))
    if applicant is not None:
        answers[APPLICANT_TYPE] = applicant
    errors.sort(key=lambda e: e.letter.rjust(3))
    return ParsedRow(row=number, name=name or ref or "", ref=ref, applicant_type=applicant,
                     answers=answers, errors=tuple(errors))


def parse_rows(pack: RulePack, table: Table, columns: ColumnMap,
               clients: bool = True) -> Iterator[ParsedRow]:
    """Every non-blank row of the table, in file order."""
    for number, cells in table.rows():
        yield parse_row(pack, columns, number, cells, clients)
