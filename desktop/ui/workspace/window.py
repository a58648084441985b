"""The client workspace: every saved client against every program open to them, in one window.

A consultant searches, sorts and filters the matrix (applicant type, status, program, changed
only), opens a client from their row or that client's explanation of one program from its cell,
imports a client list, exports the matrix, and re-checks everyone after the rules changed, with
only the clients whose outcome or deadline changed flagged. The window decides nothing itself:
the caseload module evaluates, `explain_cell` words, the store saves.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import time
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox, QDialog,
                               QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMainWindow, QMessageBox, QProgressDialog, QPushButton,
                               QVBoxLayout, QWidget)

from desktop.engine.model import APPLICANT_TYPES, RulePack
from desktop.engine.phrases import word
from desktop.packs.finder import PackFinder
from desktop.storage import Store, StorageError
from desktop.tabular import TABLE_SUFFIXES, TableFileError
from desktop.ui import i18n, settings, status_style
from desktop.ui.i18n import current_lang
from desktop.ui.workspace import caseload
from desktop.ui.workspace.explain import NOT_OPEN
from desktop.ui.workspace.export import export_matrix
from desktop.ui.workspace.frozen_view import FrozenTableView
from desktop.ui.workspace.import_dialog import ClientImportDialog
from desktop.ui.workspace.model import (CHANGED_COL, FIXED_COLS, NAME_COL, PROFILE_ROLE,
                                        PROGRAM_ROLE, TYPE_COL, MatrixFilter, MatrixModel)
from desktop.ui.retranslate import Retranslating

log = logging.getLogger("jiwon.ui")
STATUSES = ("eligible", "undetermined", "ineligible")


class ClientWorkspace(Retranslating, QMainWindow):
    #: open this client (profile id)
    open_requested = Signal(int)
    #: show this client's explanation of this program (profile id, program id)
    program_requested = Signal(int, str)
    #: clients were added or re-checked (the start page's list is out of date)
    profiles_changed = Signal()
    #: a store call failed
    storage_failed = Signal(object)

    def __init__(self, store: Store, pack: RulePack, as_of: dt.date,
                 parent: QWidget | None = None,
                 find_pack: Callable[[str], RulePack | None] | None = None):
        """`pack`: the rules in use; earlier rules met while the window is open (`set_pack`)
        are kept, so a re-check can say why an outcome moved. `find_pack`: the rules of an
        earlier version when they are still on this computer (by default the shipped and the
        installed rule packs, desktop.packs.finder), for clients last checked before a restart."""
        super().__init__(parent)
        self.setObjectName("clientWorkspace")
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window, True)
        self.store = store
        self.pack = pack
        self.packs: dict[str, RulePack] = {pack.version: pack}
        self.find_pack = find_pack or PackFinder(pack)
        self.as_of = as_of
        self.import_dialog: ClientImportDialog | None = None
        self.progress: QProgressDialog | None = None
        self.timings: dict[str, float] = {}
        self._last_recheck: tuple[int, int] | None = None  # (checked, changed)

        self.model = MatrixModel(pack, as_of, self)
        self.proxy = MatrixFilter(self)
        self.proxy.setSourceModel(self.model)

        central = QWidget(self)
        lay = QVBoxLayout(central)
        lay.setContentsMargins(12, 10, 12, 8)
        self.heading = QLabel(central)
        self.heading.setObjectName("pageTitle")
        lay.addWidget(self.heading)

        buttons = QHBoxLayout()
        self.import_button = QPushButton(central)
        self.import_button.setObjectName("importClients")
        self.import_button.clicked.connect(lambda: self.import_clients())
        self.export_button = QPushButton(central)
        self.export_button.setObjectName("exportMatrix")
        self.export_button.clicked.connect(lambda: self.export())
        self.recheck_button = QPushButton(central)
        self.recheck_button.setObjectName("recheckAll")
        self.recheck_button.clicked.connect(self.recheck_all)
        for b in (self.import_button, self.export_button, self.recheck_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.notice = QLabel(central)
        self.notice.setObjectName("recheckNotice")
        self.notice.setWordWrap(True)
        buttons.addWidget(self.notice, 2)
        lay.addLayout(buttons)

        filters = QHBoxLayout()
        self.search = QLineEdit(central)
        self.search.setObjectName("clientSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda t: self.proxy.set_filters(search=t.strip())
                                        or self._update_count())
        self.type_filter = QComboBox(central)
        self.type_filter.setObjectName("typeFilter")
        self.status_filter = QComboBox(central)
        self.status_filter.setObjectName("statusFilter")
        self.program_filter = QComboBox(central)
        self.program_filter.setObjectName("programFilter")
        self.program_filter.setMinimumContentsLength(18)
        self.program_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for combo in (self.type_filter, self.status_filter, self.program_filter):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.changed_only = QCheckBox(central)
        self.changed_only.setObjectName("changedOnly")
        self.changed_only.toggled.connect(self._filters_changed)
        self.count_label = QLabel(central)
        self.count_label.setObjectName("clientCount")
        filters.addWidget(self.search, 2)
        for w in (self.type_filter, self.status_filter, self.program_filter, self.changed_only):
            filters.addWidget(w)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        lay.addLayout(filters)

        self.view = FrozenTableView(FIXED_COLS, central)
        self.view.setObjectName("clientMatrix")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(NAME_COL, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 10)
        header = self.view.horizontalHeader()
        header.setDefaultSectionSize(170)
        header.setHighlightSections(False)
        # program names are long: wrapped on up to three lines, the full name in the tooltip
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                                   | Qt.TextFlag.TextWordWrap)
        header.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.view.setColumnWidth(NAME_COL, 190)
        self.view.setColumnWidth(TYPE_COL, 80)
        self.view.setColumnWidth(CHANGED_COL, 110)
        self.view.activated.connect(self._activated)
        self.view.doubleClicked.connect(self._activated)
        self.view.selectionModel().currentChanged.connect(self._show_detail)
        self.view.configure_front()
        lay.addWidget(self.view, 1)

        self.detail = QLabel(central)
        self.detail.setObjectName("cellDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.detail)
        self.setCentralWidget(central)

        i18n.language_changed.connect(self._language_changed)
        self.resize(1280, 760)
        self.retranslate()
        self.reload()

    # ------------------------------------------------------------ contents

    def reload(self) -> None:
        """Read every saved client and evaluate them with the current rules."""
        start = time.perf_counter()
        try:
            clients = caseload.load_caseload(self.store, self.pack, self.as_of)
        except StorageError as err:
            self.storage_failed.emit(err)
            clients = []
        self.model.set_clients(clients)
        self.proxy.invalidate()
        self.timings["matrix"] = time.perf_counter() - start
        self._update_count()
        self._update_notice()

    def set_pack(self, pack: RulePack) -> None:
        """The window's rules changed (an update or a roll-back): new columns, everyone
        evaluated again; the earlier rules are kept for the re-check's causes."""
        self.packs[pack.version] = pack
        self.pack = pack
        self.model.set_pack(pack)
        self.retranslate()
        self.reload()

    def _filters_changed(self, *_args) -> None:
        self.proxy.set_filters(applicant_type=self.type_filter.currentData(),
                               status=self.status_filter.currentData(),
                               program_id=self.program_filter.currentData(),
                               changed_only=self.changed_only.isChecked())
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), len(self.model.clients)
        self.count_label.setText((self.tr("%1 of %n client", None, total) if total == 1 else
                                  self.tr("%1 of %n clients", None, total))
                                 .replace("%1", str(shown)))
        self.export_button.setEnabled(shown > 0)
        self.recheck_button.setEnabled(total > 0)

    def _update_notice(self) -> None:
        stale = sum(1 for c in self.model.clients if c.needs_recheck)
        if self._last_recheck is not None:
            checked, changed = self._last_recheck
            text = (self.tr("Re-checked %n client.", None, checked) if checked == 1 else
                    self.tr("Re-checked %n clients.", None, checked))
            text += " " + (self.tr("An outcome or a deadline changed for %n of them: see "
                                   "'What changed'.", None, changed) if changed else
                           self.tr("Nothing changed for any of them."))
            if stale:
                text += " " + (self.tr("%n client is not re-checked yet.", None, stale)
                               if stale == 1 else
                               self.tr("%n clients are not re-checked yet.", None, stale))
        elif stale == 1:
            text = self.tr("%n client was last checked with other rules, or never: re-check "
                           "all to see what changed.", None, stale)
        elif stale:
            text = self.tr("%n clients were last checked with other rules, or never: re-check "
                           "all to see what changed.", None, stale)
        else:
            text = ""
        self.notice.setText(text)

    # ------------------------------------------------------------ opening

    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        source = self.proxy.mapToSource(index)
        profile_id = source.data(PROFILE_ROLE)
        if source.column() >= FIXED_COLS:
            if self.model.group(source.row(), source.column() - FIXED_COLS) != NOT_OPEN:
                self.program_requested.emit(profile_id, source.data(PROGRAM_ROLE))
                return
        self.open_requested.emit(profile_id)

    def _show_detail(self, current: QModelIndex, _previous=None) -> None:
        if not current.isValid():
            self.detail.setText("")
            return
        source = self.proxy.mapToSource(current)
        client = self.model.clients[source.row()]
        lines = [f"<b>{html.escape(client.name)}</b>"]
        program = self.model.program_of_column(source.column())
        if program is not None:
            words = self.model.words(source.row(), source.column() - FIXED_COLS)
            lines[0] += " — " + html.escape(program.name.get(current_lang()))
            if words.group == NOT_OPEN:
                lines.append(html.escape(words.status))
            else:
                lines.append(status_style.badge_html("program", words.group, words.status))
                if words.deciding:
                    lines.append(html.escape(words.deciding))
                lines.append(html.escape(words.deadline))
        changes = self.model.changes_text(client)
        if changes:
            lines.append(html.escape(self.tr("What changed:")) + "<br>"
                         + html.escape(changes).replace("\n", "<br>"))
        self.detail.setText("<br>".join(lines))

    # ------------------------------------------------------------ import

    def import_clients(self, path: str | Path | None = None) -> ClientImportDialog | None:
        """Open the preview for a client list; the import happens when it is accepted."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import client list"), settings.get(settings.LAST_FOLDER),
                self.tr("Client lists (%1);;All files (*)")
                .replace("%1", " ".join(f"*{s}" for s in TABLE_SUFFIXES)))
            if not chosen:
                return None
            path = chosen
        path = Path(path)
        settings.put(settings.LAST_FOLDER, str(path.parent))
        try:
            dialog = ClientImportDialog(self.pack, path, self)
        except TableFileError as err:
            QMessageBox.warning(self, self.tr("Import client list"),
                                err.message.get(current_lang()))
            return None
        dialog.accepted.connect(lambda: self._import_accepted(dialog))
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _import_accepted(self, dialog: ClientImportDialog) -> None:
        start = time.perf_counter()
        try:
            ids = caseload.import_clients(self.store, self.pack, dialog.good_rows(), self.as_of)
        except StorageError as err:
            self.storage_failed.emit(err)
            return
        self.timings["import"] = time.perf_counter() - start
        self.reload()
        n = len(ids)
        self.statusBar().showMessage(self.tr("Imported %n client.", None, n) if n == 1 else
                                     self.tr("Imported %n clients.", None, n), 8000)
        self.profiles_changed.emit()

    # ------------------------------------------------------------ export

    def export(self, path: str | Path | None = None) -> Path | None:
        if path is None:
            xlsx, csv = self.tr("Excel workbook (*.xlsx)"), self.tr("CSV file (*.csv)")
            chosen, chosen_filter = QFileDialog.getSaveFileName(
                self, self.tr("Export the matrix"),
                str(Path(settings.get(settings.LAST_FOLDER) or ".") / "clients.xlsx"),
                f"{xlsx};;{csv}")
            if not chosen:
                return None
            path = Path(chosen)
            if path.suffix.lower() not in (".xlsx", ".csv"):
                path = path.with_suffix(".csv" if chosen_filter == csv else ".xlsx")
        path = Path(path)
        try:
            count = export_matrix(path, self.model, self.proxy, current_lang())
        except (OSError, TableFileError) as err:
            message = err.message.get(current_lang()) if isinstance(err, TableFileError) \
                else f"{path}\n{err.strerror or err}"
            QMessageBox.warning(self, self.tr("Export the matrix"), message)
            return None
        settings.put(settings.LAST_FOLDER, str(path.parent))
        written = (self.tr("%n client written to %1", None, count) if count == 1 else
                   self.tr("%n clients written to %1", None, count))
        self.statusBar().showMessage(written.replace("%1", path.name), 8000)
        return path

    # ------------------------------------------------------------ re-check

    def recheck_all(self) -> None:
        """Compare everyone with their last check, in batches, with a progress bar and Cancel."""
        clients = [c for c in self.model.clients if c.needs_recheck] or list(self.model.clients)
        if not clients:
            return
        progress = QProgressDialog(self)
        progress.setObjectName("recheckProgress")
        progress.setWindowTitle(self.tr("Re-check all"))
        progress.setLabelText(self.tr("Checking every client against the current rules…"))
        progress.setCancelButtonText(self.tr("Cancel"))
        progress.setRange(0, len(clients))
        progress.setMinimumDuration(0)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setValue(0)
        self.progress = progress
        start = time.perf_counter()

        def step(done: int, _total: int) -> bool:
            progress.setValue(done)
            QApplication.processEvents()
            return not progress.wasCanceled()

        for version in {c.last_rules for c in clients} - set(self.packs) - {None}:
            found = self.find_pack(version)
            if found is not None:
                self.packs[version] = found
        try:
            done = caseload.recheck(self.store, self.pack, self.as_of, clients, self.packs, step)
        except StorageError as err:
            self.storage_failed.emit(err)
            done = 0
        finally:
            progress.reset()
            progress.hide()
        self.timings["recheck"] = time.perf_counter() - start
        changed = sum(1 for c in clients[:done] if c.flagged)
        self._last_recheck = (done, changed)
        self.model.clients_changed()
        self.proxy.invalidate()
        self._update_count()
        self._update_notice()
        self._show_detail(self.view.currentIndex())
        self.profiles_changed.emit()  # the start page's list marks who changed

    # ------------------------------------------------------------ language

    def _language_changed(self, _lang: str) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        lang = current_lang()
        self.setWindowTitle(self.tr("Clients – Jiwon"))
        self.heading.setText(self.tr("Clients and the programs open to them"))
        self.import_button.setText(self.tr("&Import client list…"))
        self.export_button.setText(self.tr("E&xport…"))
        self.recheck_button.setText(self.tr("&Re-check all"))
        self.search.setPlaceholderText(self.tr("Search by name"))
        self.changed_only.setText(self.tr("C&hanged only"))
        self._fill_combo(self.type_filter, self.tr("All applicants"),
                         [(t, word("applicant", t, lang)) for t in APPLICANT_TYPES])
        self._fill_combo(self.status_filter, self.tr("Any status"),
                         [(s, word("status", s, lang)) for s in STATUSES])
        self._fill_combo(self.program_filter, self.tr("All programs"),
                         [(p.id, p.name.get(lang)) for p in self.pack.programs.values()])
        self.model.retranslate({NAME_COL: self.tr("Client"), TYPE_COL: self.tr("Type"),
                                CHANGED_COL: self.tr("What changed")})
        self._update_count()
        self._update_notice()
        self._show_detail(self.view.currentIndex())

    @staticmethod
    def _fill_combo(combo: QComboBox, everything: str, items) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for value, text in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(keep)))
        combo.blockSignals(False)
