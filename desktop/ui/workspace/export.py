"""The matrix as a spreadsheet: the rows and program columns the user sees, in the order shown.

The first sheet (the only table of a CSV) is the matrix itself, one status word per program; an
XLSX gets a second sheet with one row per client and program: the status, the deciding question
or reason and the deadline sentence, the same words as the cells.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.engine.phrases import word
from desktop.tabular import write_csv, write_xlsx
from desktop.ui.workspace.explain import NOT_OPEN
from desktop.ui.workspace.model import FIXED_COLS, MatrixFilter, MatrixModel

translate = QCoreApplication.translate  # lupdate reads translate("ClientMatrix", "...") calls


def _shown(proxy: MatrixFilter) -> tuple[list[int], list[int]]:
    rows = [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())]
    columns = [proxy.mapToSource(proxy.index(0, c)).column() if rows else c
               for c in range(proxy.columnCount())]
    if not rows:  # no row to map through: the columns the filter accepts
        columns = [c for c in range(proxy.sourceModel().columnCount())
                   if proxy.filterAcceptsColumn(c, None)]
    return rows, [c for c in columns if c >= FIXED_COLS]


def export_matrix(path: str | Path, model: MatrixModel, proxy: MatrixFilter, lang: str) -> int:
    """Write the shown matrix to `path` (.xlsx or .csv); returns the number of clients written."""
    path = Path(path)
    rows, columns = _shown(proxy)
    programs = [model.program_of_column(c) for c in columns]
    name_h = translate("ClientMatrix", "Client")
    type_h = translate("ClientMatrix", "Applicant type")
    changed_h = translate("ClientMatrix", "What changed")
    header = [name_h, type_h, changed_h] + [p.name.get(lang) for p in programs]
    matrix = []
    details = []
    for row in rows:
        client = model.clients[row]
        line = [client.name, word("applicant", client.applicant_type, lang),
                model.changes_text(client)]
        for column, program in zip(columns, programs):
            if model.group(row, column - FIXED_COLS) == NOT_OPEN:
                line.append("")
                continue
            words = model.words(row, column - FIXED_COLS)
            line.append(words.status)
            details.append([client.name, program.name.get(lang), program.id, words.status,
                            words.deciding, words.deadline])
        matrix.append(line)
    if path.suffix.lower() == ".csv":
        write_csv(path, header, matrix)
    else:
        detail_header = [name_h, translate("ClientMatrix", "Program"),
                         translate("ClientMatrix", "Program id"),
                         translate("ClientMatrix", "Status"),
                         translate("ClientMatrix", "Deciding question or reason"),
                         translate("ClientMatrix", "Application window")]
        write_xlsx(path, [(translate("ClientMatrix", "Matrix"), header, matrix),
                          (translate("ClientMatrix", "Details"), detail_header, details)])
    return len(matrix)
