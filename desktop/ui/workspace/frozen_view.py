"""A table whose first columns stay in place while the others scroll sideways.

With two dozen programs the matrix is wider than any screen; without this the client's name would
scroll out of sight. Qt's own recipe (the "frozen column" example): a second view on the same
model and selection lies over the left edge, shows only the frozen columns, and follows the main
view's rows, column widths and vertical scrolling.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


class FrozenTableView(QTableView):
    def __init__(self, frozen: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.frozen = frozen
        self.front = QTableView(self)
        self.front.setObjectName("frozenColumns")
        self.front.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.front.verticalHeader().hide()
        self.front.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.front.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.front.setStyleSheet("QTableView { border: none; border-right: 1px solid #9aa0a6; }")
        self.viewport().stackUnder(self.front)
        self.verticalScrollBar().valueChanged.connect(self.front.verticalScrollBar().setValue)
        self.front.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.horizontalHeader().sectionResized.connect(self._section_resized)
        self.verticalHeader().sectionResized.connect(
            lambda row, _old, size: self.front.setRowHeight(row, size))

    # ------------------------------------------------------------ keeping the two in step

    def setModel(self, model) -> None:
        super().setModel(model)
        self.front.setModel(model)
        self.front.setSelectionModel(self.selectionModel())
        model.layoutChanged.connect(self._columns_changed)
        model.modelReset.connect(self._columns_changed)
        model.columnsInserted.connect(self._columns_changed)
        model.columnsRemoved.connect(self._columns_changed)
        self._columns_changed()

    def _columns_changed(self, *_args) -> None:
        model = self.model()
        if model is None:
            return
        for column in range(model.columnCount()):
            self.front.setColumnHidden(column, column >= self.frozen)
            if column < self.frozen:
                self.front.setColumnWidth(column, self.columnWidth(column))
        self._place()

    def _section_resized(self, column: int, _old: int, size: int) -> None:
        if column < self.frozen:
            self.front.setColumnWidth(column, size)
            self._place()

    def _place(self) -> None:
        width = sum(self.columnWidth(c) for c in range(min(self.frozen, self.model().columnCount()
                                                           if self.model() else 0)))
        self.front.setGeometry(self.verticalHeader().width() + self.frameWidth(),
                               self.frameWidth(), width,
                               self.viewport().height() + self.horizontalHeader().height())

    def configure_front(self) -> None:
        """Copy the look the main view was given (rows, header, sorting) to the frozen part."""
        f = self.front
        f.setSelectionBehavior(self.selectionBehavior())
        f.setSelectionMode(self.selectionMode())
        f.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        f.setWordWrap(self.wordWrap())
        f.setTextElideMode(self.textElideMode())
        f.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        f.verticalHeader().setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
        header, mine = f.horizontalHeader(), self.horizontalHeader()
        header.setDefaultAlignment(mine.defaultAlignment())
        header.setFixedHeight(mine.height())
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.sectionClicked.connect(self._sort_from_front)
        mine.sortIndicatorChanged.connect(lambda c, o: header.setSortIndicator(c, o))
        f.activated.connect(self.activated)
        f.doubleClicked.connect(self.doubleClicked)
        self._place()

    def _sort_from_front(self, column: int) -> None:
        mine = self.horizontalHeader()
        order = (Qt.SortOrder.DescendingOrder
                 if mine.sortIndicatorSection() == column
                 and mine.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
                 else Qt.SortOrder.AscendingOrder)
        self.sortByColumn(column, order)

    # ------------------------------------------------------------ geometry

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place()

    def moveCursor(self, action, modifiers) -> QModelIndex:
        current = super().moveCursor(action, modifiers)
        # keep the cell the keyboard moved to out from under the frozen columns
        if (action == QAbstractItemView.CursorAction.MoveLeft and current.column() >= self.frozen
                and self.visualRect(current).topLeft().x() < self.front.width()):
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() + self.visualRect(current).topLeft().x()
                         - self.front.width())
        return current

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        if index.column() >= self.frozen:
            super().scrollTo(index, hint)
        else:  # a frozen column is always in sight: only the row needs scrolling to
            super().scrollTo(index.siblingAtColumn(self.frozen)
                             if self.model().columnCount() > self.frozen else index, hint)
