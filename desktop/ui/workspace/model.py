"""The client matrix as a Qt table model, and the search, filters and sort over it.

Rows are clients, columns are the client's name, applicant type and what changed, then one column
per program. A cell shows what `explain_cell()` says (status icon and word, the deciding question
or reason, the deadline sentence in its tooltip); a program that is not for this kind of applicant
has an empty cell. Sorting is stable (ties go by name, then by profile id) and only happens when
asked: a re-check never reorders the rows under the user's hands; a reload (after an import) puts
everyone in the order last asked for. The clients are sorted here, in one Python `sorted` over a
key per client, not by the proxy: Qt's proxy would call back into Python for every comparison.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
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
        self._sorted_by: tuple[int, Qt.SortOrder] = (NAME_COL, Qt.SortOrder.AscendingOrder)
        self._in_order = False  # the rows are in _sorted_by's order and no flag changed since

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
        """Everyone anew, in the order last asked for."""
        self.beginResetModel()
        self.clients = list(clients)
        self._words.clear()
        column, order = self._sorted_by
        if column < self.columnCount():
            self.clients = [self.clients[r] for r in self._sorted_rows(column, order)]
            self._in_order = True
        self.endResetModel()

    def _sorted_rows(self, column: int, order: Qt.SortOrder) -> list[int]:
        keys = [self.sort_key(row, column) for row in range(len(self.clients))]
        return sorted(range(len(keys)), key=keys.__getitem__,
                      reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The rows by a column (keys unique, so descending is exactly ascending reversed); the
        current cell and the selection stay on the same clients."""
        if not 0 <= column < self.columnCount():
            return
        if self._in_order and self._sorted_by == (column, order):
            return  # the frozen columns' header echoes the main one's click
        self._sorted_by = (column, order)
        self._in_order = True
        self.layoutAboutToBeChanged.emit()
        rows = self._sorted_rows(column, order)
        new_row = {old: new for new, old in enumerate(rows)}
        before = self.persistentIndexList()
        after = [self.index(new_row[i.row()], i.column()) if i.isValid() else i for i in before]
        self.clients = [self.clients[r] for r in rows]
        self._words.clear()  # keyed by row
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def clients_changed(self) -> None:
        """Flags or checks changed (after a re-check): redraw, keep the order."""
        self._words.clear()
        self._in_order = False
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

    def sort_value(self, row: int, column: int) -> Any:
        """What a column sorts by (SORT_ROLE): the name, the applicant type, changed first,
        or the status (eligible first, a program not open to the client last)."""
        client = self.clients[row]
        if column == NAME_COL:
            return client.name.casefold()
        if column == TYPE_COL:
            return client.applicant_type
        if column == CHANGED_COL:
            return 0 if client.flagged else (1 if client.needs_recheck else 2)
        return _RANK.get(self.group(row, column - FIXED_COLS), 9)

    def sort_key(self, row: int, column: int) -> tuple:
        """The sort value, then name, then id: unique, so ties keep one order."""
        client = self.clients[row]
        return (self.sort_value(row, column), client.name.casefold(), client.profile_id)

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
        if role == SORT_ROLE:
            return self.sort_value(row, col)
        if col == NAME_COL:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return client.name
            return None
        if col == TYPE_COL:
            if role == Qt.ItemDataRole.DisplayRole:
                return word("applicant", client.applicant_type, self._lang)
            return None
        if col == CHANGED_COL:
            return self._changed_data(client, role)
        program_index = col - FIXED_COLS
        if role == PROGRAM_ROLE:
            return self.programs[program_index].id
        group = self.group(row, program_index)
        if role == GROUP_ROLE:
            return group
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

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: the source model sorts itself by that column (see the module's
        docstring); this proxy keeps the source order."""
        shown = [c for c in range(self._source().columnCount())
                 if self.filterAcceptsColumn(c, QModelIndex())]
        if 0 <= column < len(shown):
            self._source().sort(shown[column], order)
