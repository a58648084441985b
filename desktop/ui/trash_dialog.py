"""Deleted profiles: what is in the trash, how long it stays, and the way back.

A deleted profile keeps its answers and check history in the trash for `TRASH_DAYS` days, so a
click on the wrong row is never the end of a client's file. This dialog lists them and restores
the one chosen; the start page opens it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel,
                               QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from desktop.storage import NoSuchProfile, Store, StorageError
from desktop.storage.store import TRASH_DAYS
from desktop.ui import status_style
from desktop.ui.retranslate import Retranslating

_ID = Qt.ItemDataRole.UserRole


class TrashDialog(Retranslating, QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trashDialog")
        self.store = store
        self.restored: list[int] = []
        self.entries: list[tuple] = []
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("trashList")
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemActivated.connect(lambda *_: self.restore_selected())
        self.empty = QLabel(self)
        self.empty.setObjectName("trashEmpty")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self)
        self.restore_button.setObjectName("restoreProfile")
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(lambda: self.restore_selected())
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.empty)
        lay.addWidget(self.buttons)
        self.resize(560, 360)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        try:
            self.entries = self.store.trashed_profiles()
        except StorageError:
            self.entries = []
        self.tree.clear()
        today = dt.datetime.now(dt.timezone.utc)
        for record, when in self.entries:
            item = QTreeWidgetItem(self.tree)
            item.setData(0, _ID, record.id)
            item.setText(0, record.name)
            item.setText(1, status_style.audience_label(record.applicant_type))
            left = max(TRASH_DAYS - (today - when).days, 0)
            item.setText(2, self.tr("%1 (kept %2 more days)")
                         .replace("%1", when.astimezone().strftime("%Y-%m-%d %H:%M"))
                         .replace("%2", str(left)))
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.tree.setVisible(bool(self.entries))
        self.empty.setVisible(not self.entries)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.tree.currentItem() is not None)

    def restore_selected(self) -> int | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        pid = int(item.data(0, _ID))
        try:
            self.store.restore_profile(pid)
        except (StorageError, NoSuchProfile):
            self.refresh()
            return None
        self.restored.append(pid)
        self.refresh()
        return pid

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Deleted profiles"))
        self.intro.setText(self.tr("Deleted profiles stay here with all their answers for %1 "
                                   "days, then they are removed for good.")
                           .replace("%1", str(TRASH_DAYS)))
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Applicant"), self.tr("Deleted")])
        self.empty.setText(self.tr("No deleted profiles."))
        self.restore_button.setText(self.tr("&Restore"))
        if self.entries:
            self.refresh()
