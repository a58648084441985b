"""The first screen: saved profiles, and the way to start a new one.

A consultant keeps many profiles; the list shows for each one what kind of applicant it is, when it
was last checked and what that check found, and marks the ones checked with older rules so they
can be opened and checked again. Everything that changes the list (new, rename, duplicate, delete,
import) happens here, each in one store call, and the list is re-read afterwards.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QFileDialog, QHBoxLayout, QHeaderView,
                               QInputDialog, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QStackedWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from desktop.engine import ProfileError
from desktop.engine.model import RulePack
from desktop.storage import (NoSuchProfile, ProfileSummary, Store, StorageError, export_profile,
                             import_profile)
from desktop.tabular import TABLE_SUFFIXES
from desktop.ui import settings, status_style
from desktop.ui.i18n import current_lang
from desktop.ui.new_profile_dialog import NewProfileDialog

_ID = Qt.ItemDataRole.UserRole
STALE_COLOUR = status_style.AMBER


class StartPage(QWidget):
    # open this profile in the wizard (or its results)
    open_requested = Signal(int)
    # the list changed (a profile renamed or deleted may be the one open)
    profiles_changed = Signal()
    # a store call failed; the main window tells the user
    storage_failed = Signal(object)
    # a spreadsheet was chosen: it is a client list, for the client workspace's import
    client_list_chosen = Signal(str)

    def __init__(self, store: Store, pack: RulePack, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("startPage")
        self.store = store
        self.pack = pack
        self.summaries: list[ProfileSummary] = []

        self.heading = QLabel(self)
        self.heading.setObjectName("pageTitle")
        self.intro = QLabel(self)
        self.intro.setObjectName("pageIntro")
        self.intro.setWordWrap(True)

        self.new_buttons: dict[str, QPushButton] = {}
        new_row = QHBoxLayout()
        self.new_label = QLabel(self)
        new_row.addWidget(self.new_label)
        for kind in ("company", "school", "individual"):
            b = QPushButton(self)
            b.setObjectName(f"new_{kind}")
            b.clicked.connect(lambda _=False, k=kind: self.new_profile(k))
            self.new_buttons[kind] = b
            new_row.addWidget(b)
        new_row.addStretch(1)

        self.list_title = QLabel(self)
        self.list_title.setObjectName("sectionTitle")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("profileList")
        self.tree.setColumnCount(5)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSortingEnabled(False)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.itemActivated.connect(lambda item, _c: self.open_selected())
        self.tree.itemSelectionChanged.connect(self._update_buttons)

        self.empty = QLabel(self)
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.tree)
        self.list_stack.addWidget(self.empty)

        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openProfile")
        self.open_button.clicked.connect(self.open_selected)
        self.rename_button = QPushButton(self)
        self.rename_button.setObjectName("renameProfile")
        self.rename_button.clicked.connect(self.rename_selected)
        self.duplicate_button = QPushButton(self)
        self.duplicate_button.setObjectName("duplicateProfile")
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("deleteProfile")
        self.delete_button.clicked.connect(lambda: self.delete_selected())  # not clicked(checked)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("importProfile")
        self.import_button.clicked.connect(lambda: self.import_profile())
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportProfile")
        self.export_button.clicked.connect(lambda: self.export_selected())
        actions = QHBoxLayout()
        for b in (self.open_button, self.rename_button, self.duplicate_button, self.delete_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 18, 24, 18)
        lay.setSpacing(10)
        lay.addWidget(self.heading)
        lay.addWidget(self.intro)
        lay.addLayout(new_row)
        lay.addSpacing(8)
        lay.addWidget(self.list_title)
        lay.addWidget(self.list_stack, 1)
        lay.addLayout(actions)

        self.retranslate()
        self.refresh()

    # ------------------------------------------------------------ the list

    def refresh(self, select: int | None = None) -> None:
        """Re-read the saved profiles; keep (or move) the selection."""
        keep = select if select is not None else self.selected_id()
        try:
            self.summaries = self.store.list_profiles(self.pack.version)
        except StorageError as err:
            self.summaries = []
            self.storage_failed.emit(err)
        self.tree.clear()
        for s in self.summaries:
            item = QTreeWidgetItem(self.tree)
            item.setData(0, _ID, s.id)
            self._fill(item, s)
        self.list_stack.setCurrentWidget(self.tree if self.summaries else self.empty)
        if keep is not None:
            self.select(keep)
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._update_buttons()

    def _fill(self, item: QTreeWidgetItem, s: ProfileSummary) -> None:
        item.setText(0, s.name)
        item.setText(1, status_style.audience_label(s.applicant_type))
        if s.last_assessed is not None:
            local = s.last_assessed.astimezone()
            item.setText(2, local.strftime("%Y-%m-%d %H:%M"))
            item.setText(3, self.counts_text(self.counts_for_applicant(s)))
            item.setToolTip(3, self.tr("Programs open to this kind of applicant, as of the last "
                                       "check"))
        else:
            item.setText(2, self.tr("Not yet"))
            item.setText(3, "")
        if s.stale:
            item.setText(4, "⚠ " + self.tr("Rules changed: check again"))
            item.setForeground(4, QColor(STALE_COLOUR))
            item.setToolTip(4, self.tr("The program rules changed since this profile was last "
                                       "checked. Open it to see what changed."))
        else:
            item.setText(4, "")
        item.setToolTip(0, s.name)

    def counts_for_applicant(self, s: ProfileSummary) -> dict[str, int]:
        """The last check's outcomes for the programs this applicant can apply to at all.

        A company is "not eligible" for every school program; counting those would drown the
        numbers that matter. Falls back to the stored totals when the snapshot cannot be read.
        """
        try:
            record = self.store.last_assessment(s.id)
        except StorageError:
            record = None
        if record is None:
            return dict(s.counts)
        counts = {"eligible": 0, "undetermined": 0, "ineligible": 0}
        for program_id, status in record.statuses().items():
            program = self.pack.programs.get(program_id)
            if program is not None and s.applicant_type in program.audience:
                counts[status] = counts.get(status, 0) + 1
        return counts

    @staticmethod
    def counts_text(counts: dict) -> str:
        parts = []
        for status in ("eligible", "undetermined", "ineligible"):
            parts.append(f"{status_style.label('program', status)} {counts.get(status, 0)}")
        return " · ".join(parts)

    def selected_id(self) -> int | None:
        item = self.tree.currentItem()
        return int(item.data(0, _ID)) if item is not None else None

    def select(self, profile_id: int) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, _ID) == profile_id:
                self.tree.setCurrentItem(item)
                return True
        return False

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        for b in (self.open_button, self.rename_button, self.duplicate_button,
                  self.delete_button, self.export_button):
            b.setEnabled(has)

    def focus_list(self) -> None:
        (self.tree if self.summaries else self.new_buttons["company"]).setFocus()

    # ------------------------------------------------------------ actions

    def open_selected(self) -> None:
        pid = self.selected_id()
        if pid is not None:
            self.open_requested.emit(pid)

    def new_profile(self, applicant_type: str = "company", name: str | None = None) -> int | None:
        """Ask for a name (unless given) and create the profile; it is opened at once."""
        if name is None:
            dialog = NewProfileDialog(self, applicant_type)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            name, applicant_type = dialog.name(), dialog.applicant_type()
        try:
            pid = self.store.create_profile(name, applicant_type)
        except StorageError as err:
            self.storage_failed.emit(err)
            return None
        self.refresh(select=pid)
        self.profiles_changed.emit()
        self.open_requested.emit(pid)
        return pid

    def rename_selected(self, name: str | None = None) -> bool:
        pid = self.selected_id()
        if pid is None:
            return False
        if name is None:
            current = self.tree.currentItem().text(0)
            name, ok = QInputDialog.getText(self, self.tr("Rename profile"), self.tr("New name:"),
                                            QLineEdit.EchoMode.Normal, current)
            if not ok or not name.strip():
                return False
        try:
            self.store.rename_profile(pid, name)
        except StorageError as err:
            self.storage_failed.emit(err)
            return False
        self.refresh(select=pid)
        self.profiles_changed.emit()
        return True

    def duplicate_selected(self) -> int | None:
        pid = self.selected_id()
        if pid is None:
            return None
        try:
            name = self.store.get_profile(pid).name + self.tr(" (copy)")
            new_id = self.store.duplicate_profile(pid, name)
        except StorageError as err:
            self.storage_failed.emit(err)
            return None
        self.refresh(select=new_id)
        self.profiles_changed.emit()
        return new_id

    def delete_selected(self, confirm: bool = True) -> bool:
        pid = self.selected_id()
        if pid is None:
            return False
        name = self.tree.currentItem().text(0)
        if confirm:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete profile"),
                              self.tr("Delete the profile “%1” with all its answers and "
                                      "its check history?").replace("%1", name),
                              QMessageBox.StandardButton.NoButton, self)
            box.setInformativeText(self.tr("This cannot be undone. Export it first if you may "
                                           "need it again."))
            delete = box.addButton(self.tr("&Delete"), QMessageBox.ButtonRole.DestructiveRole)
            cancel = box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(cancel)
            box.exec()
            if box.clickedButton() is not delete:
                return False
        try:
            self.store.delete_profile(pid)
        except StorageError as err:
            self.storage_failed.emit(err)
            return False
        except NoSuchProfile:
            pass  # gone already (another window): the list just catches up
        self.refresh()
        self.profiles_changed.emit()
        return True

    def import_profile(self, path: str | Path | None = None) -> int | None:
        """Read a profile file (the format `jiwon evaluate` reads) into a new saved profile."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import profile"), settings.get(settings.LAST_FOLDER),
                self.tr("Profile files (*.yaml *.yml *.json);;All files (*)"))
            if not chosen:
                return None
            path = chosen
        path = Path(path)
        settings.put(settings.LAST_FOLDER, str(path.parent))
        if path.suffix.lower() in TABLE_SUFFIXES:  # a client list, not one profile
            self.client_list_chosen.emit(str(path))
            return None
        try:
            pid = import_profile(self.store, path, self.pack)
        except StorageError as err:
            self.storage_failed.emit(err)
            return None
        except ProfileError as err:
            QMessageBox.warning(self, self.tr("Import profile"),
                                self.tr("%1 could not be imported.").replace("%1", path.name)
                                + "\n\n" + profile_error_text(err))
            return None
        except OSError as err:
            QMessageBox.warning(self, self.tr("Import profile"),
                                self.tr("%1 could not be read.").replace("%1", str(path))
                                + f"\n\n{err.strerror or err}")
            return None
        self.refresh(select=pid)
        self.profiles_changed.emit()
        return pid

    def export_selected(self, path: str | Path | None = None) -> Path | None:
        pid = self.selected_id()
        if pid is None:
            return None
        return self.export_profile(pid, path)

    def export_profile(self, profile_id: int, path: str | Path | None = None) -> Path | None:
        try:
            record = self.store.get_profile(profile_id)
        except (StorageError, NoSuchProfile):
            return None
        if path is None:
            folder = settings.get(settings.LAST_FOLDER) or str(Path.home())
            suggested = str(Path(folder) / export_file_name(record.name))
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export profile"), suggested,
                self.tr("Profile files (*.yaml *.yml *.json)"))
            if not chosen:
                return None
            path = chosen
        path = Path(path)
        if path.suffix.lower() not in (".yaml", ".yml", ".json"):
            path = path.with_name(path.name + ".yaml")
        settings.put(settings.LAST_FOLDER, str(path.parent))
        try:
            export_profile(self.store, profile_id, path)
        except StorageError as err:
            self.storage_failed.emit(err)
            return None
        except OSError as err:
            QMessageBox.warning(self, self.tr("Export profile"),
                                self.tr("The profile could not be written to %1.")
                                .replace("%1", str(path)) + f"\n\n{err.strerror or err}")
            return None
        return path

    # ------------------------------------------------------------ keys and language

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.tree.hasFocus():
            self.delete_selected()
            return
        if event.key() == Qt.Key.Key_F2 and self.tree.hasFocus():
            self.rename_selected()
            return
        super().keyPressEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Which support programs can you apply for?"))
        self.intro.setText(self.tr(
            "Answer a few questions about a company, a school or yourself. Jiwon asks only what "
            "can still change a result, shows every program's status as you go, and saves each "
            "answer at once on this computer."))
        self.new_label.setText(self.tr("Start a new profile:"))
        self.new_buttons["company"].setText(self.tr("&Company"))
        self.new_buttons["school"].setText(self.tr("&School"))
        self.new_buttons["individual"].setText(self.tr("&Individual"))
        self.list_title.setText(self.tr("Saved profiles"))
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Applicant"), self.tr("Last checked"),
                                   self.tr("Outcome"), self.tr("Rules")])
        self.empty.setText(self.tr(
            "No saved profiles yet.\nStart with a new company, school or individual profile "
            "above, or import a profile file."))
        self.open_button.setText(self.tr("&Open"))
        self.rename_button.setText(self.tr("&Rename…"))
        self.duplicate_button.setText(self.tr("D&uplicate"))
        self.delete_button.setText(self.tr("&Delete…"))
        self.import_button.setText(self.tr("I&mport…"))
        self.export_button.setText(self.tr("E&xport…"))
        for i, s in enumerate(self.summaries):
            item = self.tree.topLevelItem(i)
            if item is not None:
                self._fill(item, s)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)




def export_file_name(name: str) -> str:
    """A file name from the profile's name that every file system accepts."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", name.strip()).strip(" .")[:60]
    return f"{cleaned or 'profile'}.yaml"


def profile_error_text(err: Exception) -> str:
    """The engine's problems with a profile file, one `path:line: message` per line."""
    problems = getattr(err, "errors", None) or getattr(err, "problems", None)
    if problems:
        return "\n".join(str(p) for p in list(problems)[:12])
    message = getattr(err, "message", None)
    if message is not None and hasattr(message, "get"):
        return message.get(current_lang())
    return str(err)
