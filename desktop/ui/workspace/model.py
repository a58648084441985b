"""The client matrix as a Qt table model, and the search, filters and sort over it.

Rows are clients, columns are the client's name, applicant type and what changed, then one column
per program. A cell shows what `explain_cell()` says (status icon and word, the deciding question
or reason, the deadline sentence in its tooltip); a program that is not for this kind of applicant
has an empty cell. Sorting is stable (ties go by name, then by profile id) and only happens when
asked: a re-check or an import never reorders the rows under the user's hands.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.engine.model import RulePack
from desktop.engine.phrases import word
from desktop.ui import status_style
from desktop.ui.i18n import current_lang
from desktop.ui.workspace.caseload import Client
from desktop.ui.workspace.changes import change_lines
from desktop.ui.workspace.explain import NOT_OPEN, CellWords, explain_cell, group_of

NAME_COL, TYPE_COL, CHANGED_COL = 0, 1, 2
FIXED_COLS = 3
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2  # a program cell's group (NOT_OPEN when none)
PROFILE_ROLE = Qt.ItemDataRole.UserRole + 3
PROGRAM_ROLE = Qt.ItemDataRole.UserRole + 4
_RANK = {"eligible": 0, "undetermined": 1, "ineligible": 2, NOT_OPEN: 3}
_NOT_OPEN_BG = QBrush(QColor("#f1f3f4"))


class MatrixModel(QAbstractTableModel):
    def __init__(self, pack: RulePack, as_of: dt.date, parent=None):
        super().__init__(parent)
        self.pack = pack
        self.as_of = as_of
        self.programs = list(pack.programs.values())
        self.clients: list[Client] = []
        self._words: dict[tuple[int, int], CellWords] = {}
        self._lang = current_lang()
        self._headers = {NAME_COL: "", TYPE_COL: "", CHANGED_COL: ""}

    # ------------------------------------------------------------ contents

    def set_pack(self, pack: RulePack) -> None:
        """Other rules: other program columns (the clients are set again after this)."""
        self.beginResetModel()
        self.pack = pack
        self.programs = list(pack.programs.values())
        self.clients = []
        self._words.clear()
        self.endResetModel()

    def set_clients(self, clients: list[Client]) -> None:
        self.beginResetModel()
        self.clients = list(clients)
        self._words.clear()
        self.endResetModel()

    def clients_changed(self) -> None:
        """Flags or checks changed (after a re-check): redraw, keep the order."""
        self._words.clear()
        if self.clients:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.clients) - 1, self.columnCount() - 1))

    def retranslate(self, headers: dict[int, str]) -> None:
        self._headers = dict(headers)
        self._lang = current_lang()
        self._words.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        self.clients_changed()

    def words(self, row: int, program_index: int) -> CellWords:
        key = (row, program_index)
        found = self._words.get(key)
        if found is None:
            assessment = self.clients[row].assessment
            found = explain_cell(self.pack, assessment, assessment.programs[program_index],
                                 self._lang)
            self._words[key] = found
        return found

    def group(self, row: int, program_index: int) -> str:
        """A cell's group without its words (filters and sorting read only this)."""
        assessment = self.clients[row].assessment
        return group_of(assessment, assessment.programs[program_index])

    def program_of_column(self, column: int):
        return self.programs[column - FIXED_COLS] if column >= FIXED_COLS else None

    def column_of_program(self, program_id: str) -> int:
        return FIXED_COLS + next(i for i, p in enumerate(self.programs) if p.id == program_id)

    def changes_text(self, client: Client) -> str:
        return "\n".join(change_lines(client.changes, self._lang))

    # ------------------------------------------------------------ Qt model

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.clients)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else FIXED_COLS + len(self.programs)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        program = self.program_of_column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if program is None:
                return self._headers.get(section, "")
            return program.name.get(self._lang)
        if role == Qt.ItemDataRole.ToolTipRole and program is not None:
            return program.name.get(self._lang) + "\n" + program.ministry.get(self._lang)
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        client = self.clients[row]
        if role == PROFILE_ROLE:
            return client.profile_id
        if col == NAME_COL:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return client.name
            if role == SORT_ROLE:
                return client.name.casefold()
            return None
        if col == TYPE_COL:
            if role == Qt.ItemDataRole.DisplayRole:
                return word("applicant", client.applicant_type, self._lang)
            if role == SORT_ROLE:
                return client.applicant_type
            return None
        if col == CHANGED_COL:
            return self._changed_data(client, role)
        program_index = col - FIXED_COLS
        if role == PROGRAM_ROLE:
            return self.programs[program_index].id
        group = self.group(row, program_index)
        if role == GROUP_ROLE:
            return group
        if role == SORT_ROLE:
            return _RANK.get(group, 9)
        if group == NOT_OPEN:
            if role == Qt.ItemDataRole.BackgroundRole:
                return _NOT_OPEN_BG
            if role == Qt.ItemDataRole.DisplayRole:
                return "–"
            if role == Qt.ItemDataRole.ToolTipRole:
                return word("status", NOT_OPEN, self._lang)
            return None
        words = self.words(row, program_index)
        if role == Qt.ItemDataRole.DisplayRole:
            second = words.deciding or words.deadline
            return f"{words.status}\n{second}"
        if role == Qt.ItemDataRole.DecorationRole:
            return status_style.icon("program", words.group)
        if role == Qt.ItemDataRole.ToolTipRole:
            return words.tooltip(self.programs[program_index].name.get(self._lang))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(status_style.colour("program", words.group))
        return None

    def _changed_data(self, client: Client, role) -> Any:
        changes = client.changed_programs
        if role == SORT_ROLE:
            return 0 if changes else (1 if client.needs_recheck else 2)
        if role == Qt.ItemDataRole.DisplayRole:
            if changes:
                return self.tr("Changed (%n)", None, len(changes))
            if client.needs_recheck:
                return self.tr("Not re-checked")
            return ""
        if role == Qt.ItemDataRole.ToolTipRole and changes:
            return self.changes_text(client)
        if role == Qt.ItemDataRole.ForegroundRole and (changes or client.needs_recheck):
            return QBrush(QColor(status_style.AMBER))
        return None


class MatrixFilter(QSortFilterProxyModel):
    """Search by name; filter by applicant type, status, program and "changed only"."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)  # the order changes only when the user sorts
        self.search = ""
        self.applicant_type: str | None = None
        self.status: str | None = None
        self.program_id: str | None = None
        self.changed_only = False

    def set_filters(self, **values) -> None:
        for key, value in values.items():
            setattr(self, key, value)
        self.invalidate()

    def _source(self) -> MatrixModel:
        return self.sourceModel()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        model = self._source()
        client = model.clients[source_row]
        if self.search and self.search.casefold() not in client.name.casefold():
            return False
        if self.applicant_type and client.applicant_type != self.applicant_type:
            return False
        if self.changed_only and not client.flagged:
            return False
        if self.program_id:
            index = next(i for i, p in enumerate(model.programs) if p.id == self.program_id)
            group = model.group(source_row, index)
            return group != NOT_OPEN and (self.status is None or group == self.status)
        if self.status:
            return any(model.group(source_row, i) == self.status
                       for i in range(len(model.programs)))
        return True

    def filterAcceptsColumn(self, source_column: int, source_parent) -> bool:
        program = self._source().program_of_column(source_column)
        if program is None:
            return True
        if self.program_id:
            return program.id == self.program_id
        if self.applicant_type:
            return self.applicant_type in program.audience
        return True

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        model = self._source()
        a = (left.data(SORT_ROLE), model.clients[left.row()].name.casefold(),
             model.clients[left.row()].profile_id)
        b = (right.data(SORT_ROLE), model.clients[right.row()].name.casefold(),
             model.clients[right.row()].profile_id)
        return a < b
