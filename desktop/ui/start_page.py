"""The first screen: saved profiles, and the way to start a new one.

A consultant keeps many profiles; the list shows for each one what kind of applicant it is, when it
was last checked and what that check found, and marks the ones checked with older rules so they
can be opened and checked again. Everything that changes the list (new, rename, duplicate, delete,
import) happens here, each in one store call, and the list is re-read afterwards.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QFileDialog, QHBoxLayout, QHeaderView,
                               QInputDialog, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QStackedWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from desktop.engine import ProfileError, today_kst
from desktop.engine.model import RulePack
from desktop.engine.phrases import phrase, say
from desktop.engine.watch_notes import WatchNote, watch_notes
from desktop.storage import (NoSuchProfile, ProfileSummary, Store, StorageError, export_profile,
                             import_profile)
from desktop.engine.explain import open_to, status_word
from desktop.storage.store import TRASH_DAYS
from desktop.tabular import TABLE_SUFFIXES
from desktop.ui import errors, settings, status_style
from desktop.ui.banner import Banner
from desktop.ui.i18n import current_lang
from desktop.ui.retranslate import Retranslating

_ID = Qt.ItemDataRole.UserRole
_SORT = Qt.ItemDataRole.UserRole + 1  # what a column sorts by, when not its text
STALE_COLOUR = status_style.AMBER  # something changed at the last check
EARLIER_RULES_COLOUR = status_style.GREY  # checked with other rules: nothing known yet


class _ProfileItem(QTreeWidgetItem):
    """A row that sorts by each column's sort key (dates as dates, "not yet" last)."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        col = self.treeWidget().sortColumn() if self.treeWidget() else 0
        mine, theirs = self.data(col, _SORT), other.data(col, _SORT)
        if mine is None or theirs is None:
            return self.text(col).casefold() < other.text(col).casefold()
        return (mine, self.text(0).casefold()) < (theirs, other.text(0).casefold())


class StartPage(Retranslating, QWidget):
    # open this profile in the wizard (or its results)
    open_requested = Signal(int)
    # the list changed (a profile renamed or deleted may be the one open)
    profiles_changed = Signal()
    # a store call failed; the main window tells the user
    storage_failed = Signal(object)
    # show this profile's answers, to change any of them
    review_requested = Signal(int)
    # show this profile's stored checks
    history_requested = Signal(int)
    # a spreadsheet was chosen: it is a client list, for the client workspace's import
    client_list_chosen = Signal(str)

    def __init__(self, store: Store, pack: RulePack | None, parent: QWidget | None = None,
                 as_of: dt.date | None = None):
        """`pack` None: the rules are still being read (the app's first moments): the list shows
        what the database says, and the outcome counts and the earlier-rules mark, which need the
        rules, come with `pack` (the main window's `set_pack`)."""
        super().__init__(parent)
        self.setObjectName("startPage")
        self.store = store
        self.pack = pack
        self.as_of = as_of  # the assessment date; None: today, by the engine's clock
        self.summaries: list[ProfileSummary] = []
        self.changed: dict = {}  # profile id -> what changed at its last check (ProfileChanges)
        # (profile, the day its last check was made for, its notes on watched programs)
        self.watch_notes: list[tuple[ProfileSummary, dt.date, tuple[WatchNote, ...]]] = []
        self.notes_day: dt.date | None = None

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
        header = self.tree.header()
        column, order = _saved_sort()
        self.tree.sortItems(column, order)
        self.tree.setSortingEnabled(True)  # a click on a heading sorts; the order then stays
        header.sortIndicatorChanged.connect(
            lambda col, order: settings.put(settings.PROFILE_SORT, f"{col},{order.value}"))
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

        # notes on watched programs, per profile: worked out by the engine, only shown here
        self.watch_box = QWidget(self)
        self.watch_box.setObjectName("watchBox")
        self.watch_title = QLabel(self.watch_box)
        self.watch_title.setObjectName("sectionTitle")
        self.watch_intro = QLabel(self.watch_box)
        self.watch_intro.setWordWrap(True)
        self.watch_intro.setStyleSheet(f"color: {status_style.MUTED};")
        self.watch_tree = QTreeWidget(self.watch_box)
        self.watch_tree.setObjectName("watchNotes")
        self.watch_tree.setHeaderHidden(True)
        self.watch_tree.setColumnCount(1)
        self.watch_tree.setMaximumHeight(190)
        self.watch_tree.itemClicked.connect(lambda item, _c: self._note_clicked(item))
        self.watch_tree.itemActivated.connect(lambda item, _c: self._note_activated(item))
        box = QVBoxLayout(self.watch_box)
        box.setContentsMargins(0, 4, 0, 0)
        box.setSpacing(4)
        box.addWidget(self.watch_title)
        box.addWidget(self.watch_intro)
        box.addWidget(self.watch_tree)
        self.watch_box.hide()

        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openProfile")
        self.open_button.clicked.connect(lambda: self.open_selected())
        self.review_button = QPushButton(self)
        self.review_button.setObjectName("reviewProfile")
        self.review_button.clicked.connect(lambda: self.review_selected())
        self.history_button = QPushButton(self)
        self.history_button.setObjectName("historyProfile")
        self.history_button.clicked.connect(lambda: self.history_selected())
        self.rename_button = QPushButton(self)
        self.rename_button.setObjectName("renameProfile")
        self.rename_button.clicked.connect(lambda: self.rename_selected())
        self.duplicate_button = QPushButton(self)
        self.duplicate_button.setObjectName("duplicateProfile")
        self.duplicate_button.clicked.connect(lambda: self.duplicate_selected())
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("deleteProfile")
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("importProfile")
        self.import_button.clicked.connect(lambda: self.import_profile())
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportProfile")
        self.export_button.clicked.connect(lambda: self.export_selected())
        self.trash_button = QPushButton(self)
        self.trash_button.setObjectName("showTrash")
        self.trash_button.clicked.connect(lambda: self.show_trash())
        actions = QHBoxLayout()
        for b in (self.open_button, self.review_button, self.history_button, self.rename_button,
                  self.duplicate_button, self.delete_button):
            actions.addWidget(b)
        actions.addStretch(1)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 18, 24, 18)
        lay.setSpacing(10)
        lay.addWidget(self.heading)
        lay.addWidget(self.intro)
        lay.addLayout(new_row)
        lay.addSpacing(8)
        title_row = QHBoxLayout()
        title_row.addWidget(self.list_title)
        title_row.addStretch(1)
        for b in (self.import_button, self.export_button, self.trash_button):
            title_row.addWidget(b)
        lay.addLayout(title_row)
        lay.addWidget(self.list_stack, 1)
        lay.addWidget(self.watch_box)
        self.undo_banner = Banner("info", self)
        self.undo_banner.setObjectName("undoBanner")
        self.undo_banner.action_button.setObjectName("undoDelete")
        self.undo_banner.action_clicked.connect(lambda: self.undo_delete())
        self.undo_banner.hide()
        self._deleted: list[tuple[int, str]] = []  # (id, name) deleted since the app started
        lay.addWidget(self.undo_banner)
        lay.addLayout(actions)

        self.retranslate()
        self.refresh()

    # ------------------------------------------------------------ the list

    def refresh(self, select: int | None = None) -> None:
        """Re-read the saved profiles; keep (or move) the selection."""
        keep = select if select is not None else self.selected_id()
        try:
            self.summaries = self.store.list_profiles(self.pack.version if self.pack is not None else None)
            self.changed = self.store.flagged_changes()
        except StorageError as err:
            self.summaries = []
            self.changed = {}
            self.storage_failed.emit(err)
        self.tree.setSortingEnabled(False)  # filled first, sorted once
        self.tree.clear()
        for s in self.summaries:
            item = _ProfileItem(self.tree)
            item.setData(0, _ID, s.id)
            self._fill(item, s)
        self.tree.setSortingEnabled(True)
        self.list_stack.setCurrentWidget(self.tree if self.summaries else self.empty)
        if keep is not None:
            self.select(keep)
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._update_buttons()
        self.watch_notes = self._read_watch_notes()
        self._fill_watch_notes()

    # ------------------------------------------------------------ notes on watched programs

    def _read_watch_notes(self) -> list:
        """Per profile, the engine's notes on the watched programs as of the assessment date,
        against what the profile's last check knew. None while the rules are being read."""
        if self.pack is None:
            return []
        try:
            watched = self.store.watched_programs()
            if not watched or not self.summaries:
                return []
            last = self.store.last_assessments()
        except StorageError as err:
            self.storage_failed.emit(err)
            return []
        self.notes_day = self.as_of or today_kst()
        out = []
        for s in self.summaries:
            record = last.get(s.id)
            if record is None:
                continue
            notes = watch_notes(self.pack, watched, record.known(), record.as_of, self.notes_day)
            if notes:
                out.append((s, record.as_of, notes))
        return out

    def _fill_watch_notes(self) -> None:
        self.watch_tree.clear()
        self.watch_box.setVisible(bool(self.watch_notes))
        if not self.watch_notes:
            return
        lang = current_lang()
        self.watch_title.setText(say("watchnote.title", lang))
        self.watch_intro.setText(say("watchnote.intro", lang, date=self.notes_day.isoformat()))
        for s, then, notes in self.watch_notes:
            top = QTreeWidgetItem(self.watch_tree)
            top.setText(0, phrase("watchnote.profile", name=s.name, date=then.isoformat()).get(lang))
            top.setData(0, _ID, s.id)
            for note in notes:
                child = QTreeWidgetItem(top)
                child.setText(0, note.text.get(lang))
                child.setToolTip(0, note.text.get(lang))
                child.setData(0, _ID, s.id)
                child.setData(0, _SORT, note.kind)
                if note.kind == "closing":
                    child.setForeground(0, QColor(STALE_COLOUR))
        self.watch_tree.expandAll()

    def _note_clicked(self, item: QTreeWidgetItem) -> None:
        """A note, or its profile's line: that profile is selected in the list above."""
        pid = item.data(0, _ID)
        if pid is not None:
            self.select(int(pid))

    def _note_activated(self, item: QTreeWidgetItem) -> None:
        pid = item.data(0, _ID)
        if pid is not None and self.select(int(pid)):
            self.open_requested.emit(int(pid))

    def _fill(self, item: QTreeWidgetItem, s: ProfileSummary) -> None:
        item.setText(0, s.name)
        item.setText(1, status_style.audience_label(s.applicant_type))
        if s.last_assessed is not None:
            local = s.last_assessed.astimezone()
            item.setText(2, local.strftime("%Y-%m-%d %H:%M"))
            item.setData(2, _SORT, s.last_assessed.timestamp())
            if self.pack is not None:
                item.setText(3, self.counts_text(self.counts_for_applicant(s)))
                item.setToolTip(3, self.tr("Programs open to this kind of applicant, as of the last "
                                           "check"))
        else:
            item.setText(2, self.tr("Not yet"))
            item.setData(2, _SORT, 0.0)  # never checked: before every checked one
            item.setText(3, "")
        changes = self.changed.get(s.id)
        if s.stale:  # nothing is known to have changed for this profile until it is checked
            item.setText(4, self.tr("Checked with earlier rules"))
            item.setForeground(4, QColor(EARLIER_RULES_COLOUR))
            item.setToolTip(4, self.tr("The program rules changed since this profile was last "
                                       "checked. Open it, or re-check all in View → Clients, to "
                                       "see whether anything changed for it."))
        elif changes is not None and changes.changed:
            item.setText(4, "⚠ " + self.tr("Results changed"))
            item.setForeground(4, QColor(STALE_COLOUR))
            item.setToolTip(4, "\n".join([self.tr("What changed at the last check:"),
                                          *changes.lines(current_lang())]))
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
            if program is not None and open_to(program, s.applicant_type):
                counts[status] = counts.get(status, 0) + 1
        return counts

    @staticmethod
    def counts_text(counts: dict) -> str:
        parts = []
        for status in ("eligible", "undetermined", "ineligible"):
            parts.append(f"{status_word(status).get(current_lang())} {counts.get(status, 0)}")
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
        for b in (self.open_button, self.review_button, self.history_button, self.rename_button,
                  self.duplicate_button, self.delete_button, self.export_button):
            b.setEnabled(has)

    def focus_list(self) -> None:
        (self.tree if self.summaries else self.new_buttons["company"]).setFocus()

    # ------------------------------------------------------------ actions

    def open_selected(self) -> None:
        pid = self.selected_id()
        if pid is not None:
            self.open_requested.emit(pid)

    def history_selected(self) -> None:
        pid = self.selected_id()
        if pid is not None:
            self.history_requested.emit(pid)

    def review_selected(self) -> None:
        pid = self.selected_id()
        if pid is not None:
            self.review_requested.emit(pid)

    def new_profile(self, applicant_type: str = "company", name: str | None = None) -> int | None:
        """Ask for a name (unless given) and create the profile; it is opened at once."""
        if name is None:
            from desktop.ui.new_profile_dialog import NewProfileDialog  # made when first asked for

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

    def delete_selected(self) -> bool:
        """Ask, then move the selected profile to the trash; Undo on the page brings it back."""
        pid = self.selected_id()
        if pid is None:
            return False
        name = self.tree.currentItem().text(0)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete profile"),
                          self.tr("Delete the profile “%1”?").replace("%1", name),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("confirmDelete")
        box.setInformativeText(self.tr(
            "You can undo this right away, or restore it with its answers and check history "
            "from “Deleted profiles” for %1 days.").replace("%1", str(TRASH_DAYS)))
        delete = box.addButton(self.tr("&Delete"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        if box.clickedButton() is not delete:
            return False
        try:
            self.store.trash_profile(pid)
        except StorageError as err:
            self.storage_failed.emit(err)
            return False
        except NoSuchProfile:
            pass  # gone already (another window): the list just catches up
        else:
            self._deleted.append((pid, name))
        self.refresh()
        self._show_undo()
        self.profiles_changed.emit()
        return True

    def undo_delete(self) -> int | None:
        """Bring back the profile deleted last; its id, or None when there is nothing to undo."""
        if not self._deleted:
            return None
        pid, _name = self._deleted.pop()
        try:
            self.store.restore_profile(pid)
        except StorageError as err:
            self.storage_failed.emit(err)
            return None
        except NoSuchProfile:  # restored or emptied elsewhere
            pid = None
        self.refresh(select=pid)
        self._show_undo()
        self.profiles_changed.emit()
        return pid

    def _show_undo(self) -> None:
        if not self._deleted:
            self.undo_banner.hide()
            return
        _pid, name = self._deleted[-1]
        self.undo_banner.set_text(self.tr("“%1” was deleted.").replace("%1", name))
        self.undo_banner.set_action(self.tr("&Undo"))
        self.undo_banner.set_close_text(self.tr("Close this message"))
        self.undo_banner.show()

    def show_trash(self) -> list[int]:
        """The deleted profiles, to restore one; the ids restored."""
        from desktop.ui.trash_dialog import TrashDialog  # made when first asked for

        dialog = TrashDialog(self.store, self)
        dialog.exec()
        restored = dialog.restored
        dialog.deleteLater()
        if restored:
            self._deleted = [d for d in self._deleted if d[0] not in restored]
            self._show_undo()
            self.refresh(select=restored[-1])
            self.profiles_changed.emit()
        return restored

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
            errors.show_problem(self, self.tr("Import profile"),
                                self.tr("%1 could not be read.").replace("%1", str(path)), err)
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
            errors.show_problem(self, self.tr("Export profile"),
                                self.tr("The profile could not be written to %1.")
                                .replace("%1", str(path)), err)
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
        self.review_button.setText(self.tr("&Answers…"))
        self.review_button.setToolTip(self.tr("Every answer of this profile, to change any of "
                                              "them"))
        lang = current_lang()
        self.history_button.setText(say("history.button", lang))
        self.history_button.setToolTip(say("history.button_tip", lang))
        self.rename_button.setText(self.tr("&Rename…"))
        self.duplicate_button.setText(self.tr("D&uplicate"))
        self.delete_button.setText(self.tr("&Delete…"))
        self.trash_button.setText(self.tr("Deleted &profiles…"))
        self.import_button.setText(self.tr("I&mport…"))
        self.export_button.setText(self.tr("E&xport…"))
        by_id = {s.id: s for s in self.summaries}
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            summary = by_id.get(item.data(0, _ID))
            if summary is not None:
                self._fill(item, summary)
        self._fill_watch_notes()
        self._show_undo()



def _saved_sort() -> tuple[int, Qt.SortOrder]:
    """The column and order the user last sorted the list by (name, A to Z, at first)."""
    try:
        col, order = (int(x) for x in settings.get(settings.PROFILE_SORT).split(","))
    except ValueError:
        col, order = 0, 0
    if not 0 <= col <= 4 or order not in (0, 1):
        col, order = 0, 0
    return col, Qt.SortOrder(order)


def export_file_name(name: str) -> str:
    """A file name from the profile's name that every file system accepts."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", name.strip()).strip(" .")[:60]
    return f"{cleaned or 'profile'}.yaml"


def profile_error_text(err: Exception) -> str:
    """The engine's problems with a profile file, one `path:line: message` per line."""
    problems = getattr(err, "errors", None) or getattr(err, "problems", None)
    if problems:
        lang = current_lang()
        return "\n".join(p.header(lang) if hasattr(p, "header") else str(p) for p in list(problems)[:12])
    message = getattr(err, "message", None)
    if message is not None and hasattr(message, "get"):
        return message.get(current_lang())
    return str(err)
