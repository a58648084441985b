"""The preview before a client list is imported: which column answers which question, every bad
cell with its row, column and reason, and the choice to import the good rows or nothing.

The file is read once; changing a column's question re-checks every row at once. The mapping is
remembered per header for the next file. Rows with a bad cell are listed and left out whole: a
client is imported with all of their answers or not at all.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox,
                               QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from desktop.engine.model import RulePack
from desktop.tabular import (APPLICANT_TYPE, ID, NAME, ColumnMap, ParsedRow, cell_text,
                             guess_columns, parse_row, read_table)
from desktop.ui import settings
from desktop.ui.i18n import current_lang

MAX_LISTED_ERRORS = 2000  # more are counted, not listed
SAMPLE_ROWS = 3


def remembered_columns() -> dict[str, str]:
    try:
        data = json.loads(settings.get(settings.IMPORT_COLUMNS) or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def remember_columns(columns: ColumnMap) -> None:
    data = remembered_columns()
    data.update(columns.remembered())
    settings.put(settings.IMPORT_COLUMNS, json.dumps(data, ensure_ascii=False, sort_keys=True))


class ClientImportDialog(QDialog):
    """Raises TableFileError (from read_table) when the file cannot be read at all."""

    def __init__(self, pack: RulePack, path: str | Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("clientImportDialog")
        self.pack = pack
        self.path = Path(path)
        table = read_table(self.path)
        self.raw_rows = list(table.rows())  # read once; TableFileError for a broken row
        self.columns = guess_columns(pack, table.headers, remembered_columns(),
                                     table.first_column)
        self.parsed: list[ParsedRow] = []

        self.file_label = QLabel(self)
        self.file_label.setObjectName("importFile")
        self.file_label.setWordWrap(True)
        self.mapping_title = QLabel(self)
        self.mapping_title.setObjectName("sectionTitle")
        self.mapping = QTableWidget(len(self.columns.headers), 3, self)
        self.mapping.setObjectName("importMapping")
        self.mapping.verticalHeader().hide()
        self.mapping.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.mapping.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.combos: list[QComboBox] = []
        for index, text in enumerate(self.columns.headers):
            self.mapping.setItem(index, 0, QTableWidgetItem(
                f"{self.columns.letter(index)} · {text}" if text else self.columns.letter(index)))
            samples = [cell_text(cells[index]) for _, cells in self.raw_rows[:SAMPLE_ROWS]]
            self.mapping.setItem(index, 1, QTableWidgetItem(", ".join(s for s in samples if s)))
            combo = QComboBox(self.mapping)
            combo.setObjectName(f"mapColumn_{index}")
            combo.currentIndexChanged.connect(lambda _i, c=index: self._mapping_changed(c))
            self.mapping.setCellWidget(index, 2, combo)
            self.combos.append(combo)

        self.problems = QLabel(self)
        self.problems.setObjectName("importProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b3261e")
        self.errors_title = QLabel(self)
        self.errors_title.setObjectName("sectionTitle")
        self.errors = QTreeWidget(self)
        self.errors.setObjectName("importErrors")
        self.errors.setColumnCount(4)
        self.errors.setRootIsDecorated(False)
        self.errors.setUniformRowHeights(True)
        self.errors.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("importGoodRows")
        self.import_button.setDefault(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("importNothing")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(self.file_label)
        lay.addWidget(self.mapping_title)
        lay.addWidget(self.mapping, 3)
        lay.addWidget(self.problems)
        lay.addWidget(self.errors_title)
        lay.addWidget(self.errors, 2)
        lay.addWidget(self.summary)
        lay.addWidget(self.buttons)
        self.resize(900, 680)
        self._filling = False
        self._ready = True
        self.retranslate()
        self._reparse()

    # ------------------------------------------------------------ choices

    def _targets(self) -> list[tuple[str | None, str]]:
        """(target, label) for every choice in a column's list."""
        lang = current_lang()
        found: list[tuple[str | None, str]] = [
            (None, self.tr("Leave out")), (NAME, self.tr("Name")), (ID, self.tr("Id (kept as is)")),
        ]
        for q in self.pack.questions.values():
            label = q.label.get(lang)
            if q.id == APPLICANT_TYPE:
                label = self.tr("Applicant type")
            found.append((q.id, f"{label} ({q.id})"))
        return found

    def _fill_combos(self) -> None:
        self._filling = True
        targets = self._targets()
        for index, combo in enumerate(self.combos):
            combo.clear()
            for target, label in targets:
                combo.addItem(label, target)
            combo.setCurrentIndex(max(0, combo.findData(self.columns.target(index))))
        self._filling = False

    def _mapping_changed(self, index: int) -> None:
        if self._filling:
            return
        self.columns = self.columns.with_target(index, self.combos[index].currentData())
        self._reparse()

    # ------------------------------------------------------------ checking

    def _reparse(self) -> None:
        problems = self.columns.problems(self.pack)
        if problems:
            self.parsed = []
        else:
            self.parsed = [parse_row(self.pack, self.columns, number, cells)
                           for number, cells in self.raw_rows]
        self._show(problems)

    def good_rows(self) -> list[ParsedRow]:
        return [r for r in self.parsed if r.ok]

    def bad_rows(self) -> list[ParsedRow]:
        return [r for r in self.parsed if not r.ok]

    def _show(self, problems=None) -> None:
        lang = current_lang()
        if problems is None:
            problems = self.columns.problems(self.pack)
        self.problems.setText("\n".join(p.get(lang) for p in problems))
        self.problems.setVisible(bool(problems))
        self.errors.clear()
        items = []
        count = 0
        for row in self.bad_rows():
            for e in row.errors:
                count += 1
                if len(items) < MAX_LISTED_ERRORS:
                    items.append(QTreeWidgetItem([str(e.row), f"{e.letter} · {e.column}",
                                                  e.value, e.message.get(lang)]))
        self.errors.addTopLevelItems(items)
        good, bad = len(self.good_rows()), len(self.bad_rows())
        if problems:
            self.summary.setText(self.tr("Choose the columns above before importing."))
        else:
            text = (self.tr("%n client can be imported.", None, good) if good == 1 else
                    self.tr("%n clients can be imported.", None, good))
            if bad == 1:
                text += " " + self.tr("%n row with a bad cell will be left out whole; correct "
                                      "it in the file and import it again.", None, bad)
            elif bad:
                text += " " + self.tr("%n rows with bad cells will be left out whole; correct "
                                      "them in the file and import it again.", None, bad)
            self.summary.setText(text)
        self.errors_title.setText(self.tr("Bad cells (%n)", None, count)
                                  + ("" if count <= MAX_LISTED_ERRORS else
                                     " · " + self.tr("the first %1 are listed")
                                     .replace("%1", f"{MAX_LISTED_ERRORS:,}")))
        self.import_button.setText(self.tr("&Import %n client", None, good) if good == 1 else
                                   self.tr("&Import %n clients", None, good))
        self.import_button.setEnabled(good > 0 and not problems)

    # ------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import client list"))
        n = len(self.raw_rows)
        self.file_label.setText((self.tr("File: %1 · %n row", None, n) if n == 1 else
                                 self.tr("File: %1 · %n rows", None, n))
                                .replace("%1", self.path.name))
        self.mapping_title.setText(self.tr("Which question each column answers"))
        self.mapping.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("First values"), self.tr("Answers")])
        self.errors_title.setText(self.tr("Bad cells"))
        self.errors.setHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("Value"),
                                     self.tr("Reason")])
        self.cancel_button.setText(self.tr("Import &nothing"))
        self._fill_combos()
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and getattr(self, "_ready", False):
            self.retranslate()
        super().changeEvent(event)

    def accept(self) -> None:
        if self.import_button.isEnabled():
            remember_columns(self.columns)
            super().accept()
