"""The main window: Start, Wizard, Results and Deadlines pages, menus, and the banners above them
(their words are in window_banners.py and changes_banner.py, the report commands in
report_commands.py).

It owns the open profile (a `ProfileSession`) and moves it between the pages: the start page
asks to open a profile, the wizard says when nothing is left to ask, the results ask for a question
to be answered. The first screen is the start page: the results and deadlines pages, the report
actions (ReportLab), the client workspace and the dialogs are imported and made when first
needed, so that start-up waits only for what it shows.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (QLabel, QMainWindow, QMessageBox, QStackedWidget, QToolBar,
                               QVBoxLayout, QWidget)

from desktop.engine import today_kst
from desktop.engine.model import RulePack
from desktop.storage import NoSuchProfile, Store, StorageError
from desktop.storage.store import TRASH_DAYS
from desktop.ui import i18n, settings
from desktop.ui.changes_banner import ChangesBanner
from desktop.ui.i18n import current_lang
from desktop.ui.icons import app_icon
from desktop.ui.session import ProfileSession
from desktop.ui.start_page import StartPage
from desktop.ui.report_commands import ReportCommands
from desktop.ui.retranslate import Retranslating
from desktop.ui.window_banners import WindowBanners

if TYPE_CHECKING:
    from desktop.ui.help_dialog import HelpDialog

log = logging.getLogger("jiwon.ui")

START, WIZARD, REVIEW, RESULTS, DEADLINES = "start", "wizard", "review", "results", "deadlines"


class MainWindow(Retranslating, QMainWindow):
    def __init__(self, pack: RulePack | None, store: Store, as_of: dt.date | None = None,
                 saving_disabled: str | None = None, parent: QWidget | None = None):
        """`pack` None: the window is shown while the rules are read, and `set_pack` follows
        before any input is handled (see app.run)."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.pack = pack
        self.store = store
        self.as_of = as_of or today_kst()
        self.session: ProfileSession | None = None
        self._saving_disabled = saving_disabled  # why answers are only kept in memory, if so

        # pages
        self.stack = QStackedWidget(self)
        self.start = StartPage(store, pack, self, as_of=self.as_of)
        self.start.open_requested.connect(self.open_profile)
        self.start.profiles_changed.connect(self._profiles_changed)
        self.start.storage_failed.connect(self.report_storage_error)
        self.start.review_requested.connect(self.review_profile)
        self.start.history_requested.connect(self.show_history)
        self.history_dialog = None
        self.start.client_list_chosen.connect(self.import_client_list)
        # the other pages are made when first needed (see the properties below)
        self._page_makers = {WIZARD: self._make_wizard, REVIEW: self._make_review,
                             RESULTS: self._make_results, DEADLINES: self._make_deadlines}
        self._pack_finder = None  # earlier rules found on this machine, for the history dialog
        self._deadlines_filled = False  # the deadlines are filled when first shown
        self.pages = {START: self.start}
        self.stack.addWidget(self.start)

        # banners above the pages
        self.banners = WindowBanners(self, store, saving_disabled)
        self.rules_banner, self.store_banner = self.banners.rules, self.banners.store_state
        self.save_banner, self.damaged_banner = self.banners.save, self.banners.damaged
        self.changes_banner = ChangesBanner(pack, self)  # what changed under new rules
        self.changes_banner.hide()
        central = QWidget(self)
        lay = QVBoxLayout(central)
        lay.setContentsMargins(8, 6, 8, 0)
        lay.setSpacing(6)
        for b in (self.rules_banner, self.store_banner, self.save_banner, self.changes_banner,
                  self.damaged_banner):
            lay.addWidget(b)
        from desktop.ui.rule_update import RuleUpdates

        self.rule_updates = RuleUpdates(self)
        lay.addWidget(self.rule_updates.error_banner)
        lay.addWidget(self.rule_updates.banner)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.workspace = None  # the client workspace window, made when first asked for
        self.reports = ReportCommands(self)
        self.help: HelpDialog | None = None  # the guide, made when first asked for
        self._make_actions()
        self._make_menus()
        self.status_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.status_label)

        self.banners.set_pack(pack)
        self.banners.show_store_state()
        i18n.language_changed.connect(self._language_changed)
        self.retranslate()
        self.show_page(START)
        last = settings.get(settings.LAST_PROFILE)
        if last:
            self.start.select(last)
        self.resize(1200, 800)
        geometry = settings.get(settings.WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = settings.get(settings.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)

    # ------------------------------------------------------------ pages made when first needed

    def page(self, name: str) -> QWidget:
        """The page of that name, made the first time it is needed (the first screen is the
        start page alone)."""
        found = self.pages.get(name)
        if found is None:
            found = self.pages[name] = self._page_makers[name]()
            self.stack.addWidget(found)
        return found

    wizard = property(lambda self: self.page(WIZARD), doc="The question pages.")
    review = property(lambda self: self.page(REVIEW), doc="The Answers page.")
    results = property(lambda self: self.page(RESULTS), doc="The results page.")
    deadlines = property(lambda self: self.page(DEADLINES), doc="The deadlines page (filled when first shown).")

    def _made(self, name: str) -> QWidget | None:
        """The page, if it has been made (None: it will read the current state when made)."""
        return self.pages.get(name)

    def _make_wizard(self) -> QWidget:
        from desktop.ui.wizard import WizardView

        page = WizardView(self)
        page.finished.connect(self.show_results)
        page.storage_failed.connect(self.report_storage_error)
        page.review_requested.connect(lambda: self.show_page(REVIEW))
        return page

    def _make_review(self) -> QWidget:
        from desktop.ui.wizard.review import ReviewPage

        page = ReviewPage(self)
        page.question_requested.connect(self.answer_question)
        page.questions_requested.connect(lambda: self.show_page(WIZARD))
        page.results_requested.connect(self.show_results)
        page.storage_failed.connect(self.report_storage_error)
        return page

    def _make_results(self) -> QWidget:
        from desktop.ui.results import ResultsView

        page = ResultsView(self)
        page.answer_requested.connect(self.answer_question)
        page.watch_toggled.connect(self.set_watched)
        return page

    def _make_deadlines(self) -> QWidget:
        from desktop.ui.deadlines_view import DeadlinesView

        page = DeadlinesView(self)
        page.program_activated.connect(self.show_program)
        if self.session is not None:  # a school sees the school windows first
            page.set_filters(audience=self.session.applicant_type)
        return page

    # ------------------------------------------------------------ actions and menus

    def _action(self, name: str, slot, shortcuts: tuple[str, ...] = ()) -> QAction:
        act = QAction(self)
        act.setObjectName(name)
        if shortcuts:
            act.setShortcuts([QKeySequence(s) for s in shortcuts])
        act.triggered.connect(slot)
        self.addAction(act)
        return act

    def _make_actions(self) -> None:
        a = self._action
        self.act_new = a("actNew", lambda: self.start.new_profile(), ("Ctrl+Shift+N",))
        self.act_import = a("actImport", self.import_profile, ("Ctrl+I",))
        self.act_export = a("actExport", self.export_profile, ("Ctrl+E",))
        self.act_pdf = a("actPdf", self.reports.save_pdf, ("Ctrl+S",))
        self.act_print = a("actPrint", self.reports.print_report, ("Ctrl+P",))
        self.act_preview = a("actPreview", self.reports.preview_report, ("Ctrl+Shift+P",))
        self.act_update_rules = a("actUpdateRules", lambda: self.rule_updates.update_rules())
        self.act_previous_rules = a("actPreviousRules", lambda: self.rule_updates.use_previous())
        self.act_quit = a("actQuit", self.close, ("Ctrl+Q",))
        self.act_start = a("actStart", lambda: self.show_page(START), ("Ctrl+1",))
        self.act_wizard = a("actWizard", lambda: self.show_page(WIZARD), ("Ctrl+2",))
        self.act_results = a("actResults", self.show_results, ("Ctrl+3",))
        self.act_deadlines = a("actDeadlines", lambda: self.show_page(DEADLINES), ("Ctrl+4",))
        self.act_review = a("actReview", lambda: self.show_page(REVIEW), ("Ctrl+5",))
        self.act_clients = a("actClients", self.show_clients, ("Ctrl+6",))
        self.act_guide = a("actGuide", lambda: self.show_help("guide"), ("F1",))
        self.act_shortcuts = a("actShortcuts", lambda: self.show_help("shortcuts"))
        self.act_about = a("actAbout", self.show_about)
        self.lang_group = QActionGroup(self)
        self.lang_actions: dict[str, QAction] = {}
        for code, text in (("ko", "한국어"), ("en", "English")):
            act = QAction(text, self)
            act.setObjectName(f"actLang_{code}")
            act.setCheckable(True)
            act.triggered.connect(lambda _=False, c=code: i18n.set_language(c))
            self.lang_group.addAction(act)
            self.lang_actions[code] = act
        self.page_actions = {START: self.act_start, WIZARD: self.act_wizard,
                             REVIEW: self.act_review, RESULTS: self.act_results,
                             DEADLINES: self.act_deadlines}
        for act in self.page_actions.values():
            act.setCheckable(True)
        self.page_group = QActionGroup(self)
        for act in self.page_actions.values():
            self.page_group.addAction(act)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        for act in (self.act_new, self.act_import, self.act_export):
            self.file_menu.addAction(act)
        self.file_menu.addSeparator()
        for act in (self.act_pdf, self.act_preview, self.act_print):
            self.file_menu.addAction(act)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_update_rules)
        self.file_menu.addAction(self.act_previous_rules)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_quit)
        self.view_menu = bar.addMenu("")
        for act in self.page_actions.values():
            self.view_menu.addAction(act)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.act_clients)
        self.lang_menu = bar.addMenu("")
        for act in self.lang_actions.values():
            self.lang_menu.addAction(act)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.act_guide)
        self.help_menu.addAction(self.act_shortcuts)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.act_about)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in self.page_actions.values():
            self.toolbar.addAction(act)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_pdf)
        self.toolbar.addAction(self.act_print)
        self.addToolBar(self.toolbar)

    def _update_actions(self) -> None:
        has = self.session is not None
        for act in (self.act_wizard, self.act_review, self.act_results, self.act_pdf,
                    self.act_print, self.act_preview):
            act.setEnabled(has)
        self.act_export.setEnabled(has or self.start.selected_id() is not None)

    # ------------------------------------------------------------ pages

    def current_page(self) -> str:
        widget = self.stack.currentWidget()
        return next(k for k, v in self.pages.items() if v is widget)

    def show_page(self, page: str) -> None:
        if page in (WIZARD, REVIEW, RESULTS) and self.session is None:
            page = START
        if page == RESULTS:
            self.show_results()
            return
        self._switch(page)

    def _switch(self, page: str) -> None:
        if page == DEADLINES and not self._deadlines_filled:
            self.deadlines.set_pack(self.pack, self.as_of)
            self._deadlines_filled = True
            self._show_watched()
        self.stack.setCurrentWidget(self.page(page))
        self.page_actions[page].setChecked(True)
        self.changes_banner.setVisible(page == RESULTS and self.changes_banner.text is not None)
        if page == START:
            self.start.refresh()
            self.start.focus_list()
        elif page == WIZARD:
            self.wizard.focus_first_open()
        elif page == REVIEW:
            self.review.show_session(self.session)
        self._update_actions()
        self._update_title()

    def set_pack(self, pack: RulePack) -> None:
        """Switch to other rules (an update or a roll-back): the open profile is closed, the lists
        are read again under the new rules, and the deadlines are filled afresh when next shown."""
        self.close_profile()
        self.pack = pack
        self.start.pack = pack
        self._deadlines_filled = False
        self.banners.set_pack(pack)
        self.start.refresh()
        if self.workspace is not None:
            self.workspace.set_pack(pack)

    # ------------------------------------------------------------ the open profile

    def open_profile(self, profile_id: int) -> bool:
        try:
            session = ProfileSession(self.store, self.pack, profile_id, self.as_of, self)
            last = self.store.last_assessment(profile_id)
            damaged = self.store.damaged_answers(profile_id)
        except NoSuchProfile:
            self.start.refresh()
            return False
        except StorageError as err:
            self.report_storage_error(err)
            return False
        if self.session is not None:
            self.wizard.close_session()
            self.session.deleteLater()
        self.session = session
        self._show_damaged([d.question_id for d in damaged])
        if (review := self._made(REVIEW)) is not None:
            review.show_session(None)  # built afresh when shown
        try:
            stored = self.store.flagged_changes().get(profile_id)
        except StorageError:
            stored = None
        self.changes_banner.profile_opened(self.pack, last, stored)
        settings.put(settings.LAST_PROFILE, profile_id)
        if (deadlines := self._made(DEADLINES)) is not None:  # a school sees the school windows first
            deadlines.set_filters(audience=session.applicant_type)
        if self.wizard.open_session(session):
            self._switch(WIZARD)
        else:
            self.show_results()
        self.statusBar().showMessage(self.tr("Answers are saved as you give them."), 5000)
        return True

    def show_history(self, profile_id: int):
        """From the start page: the profile's stored checks as they were, and "check again today"."""
        from desktop.packs.finder import PackFinder
        from desktop.ui.history_dialog import HistoryDialog

        if self._pack_finder is None or self._pack_finder.current is not self.pack:
            self._pack_finder = PackFinder(self.pack)
        try:
            dialog = HistoryDialog(self.store, profile_id, self.pack, self.as_of, self._pack_finder, self)
        except NoSuchProfile:
            self.start.refresh()
            return None
        except StorageError as err:
            self.report_storage_error(err)
            return None
        if self.history_dialog is not None:
            self.history_dialog.close()
        self.history_dialog = dialog
        dialog.show()
        return dialog

    def review_profile(self, profile_id: int) -> bool:
        """From the start page: the profile's answers, to change any of them."""
        if self.session is None or self.session.profile_id != profile_id:
            if not self.open_profile(profile_id):
                return False
        self._switch(REVIEW)
        return True

    def close_profile(self) -> None:
        if self.session is not None:
            self.wizard.close_session()
            self.session.deleteLater()
        self.session = None
        self._show_damaged([])
        if (review := self._made(REVIEW)) is not None:
            review.show_session(None)
        self.changes_banner.forget()
        self._switch(START)

    def show_results(self) -> None:
        """Evaluate, keep the assessment in the history, and show it."""
        s = self.session
        if s is None:
            self._switch(START)
            return
        assessment = s.assessment
        try:
            s.save_assessment()
        except StorageError as err:
            self.report_storage_error(err)
        self.changes_banner.results_shown(assessment)
        self.results.show_assessment(self.pack, assessment, s.name)
        self._show_watched()
        self._switch(RESULTS)

    def show_program(self, program_id: str) -> None:
        """From the deadlines: the open profile's result for that program."""
        if self.session is None:
            return
        self.show_results()
        self.results.select_program(program_id)

    def set_watched(self, program_id: str, on: bool) -> None:
        """From the results: follow a program (or stop), kept in the store for every profile."""
        try:
            self.store.set_watched(program_id, on)
        except StorageError as err:
            self.report_storage_error(err)
        self._show_watched()

    def _show_watched(self) -> None:
        try:
            watched = self.store.watched_programs()
        except StorageError:
            return
        for view in (self._made(RESULTS), self._made(DEADLINES)):  # pages not made yet read it when made
            if view is not None:
                view.set_watched(watched)

    def answer_question(self, question_id: str) -> None:
        """From the results: go to the question that would decide a program."""
        if self.session is None:
            return
        self._switch(WIZARD)
        self.wizard.show_question(question_id)

    # ------------------------------------------------------------ file actions

    def import_profile(self) -> None:
        pid = self.start.import_profile()
        if pid is not None:
            self._switch(START)
            self.start.select(pid)

    def export_profile(self) -> None:
        pid = self.session.profile_id if self.session is not None else self.start.selected_id()
        if pid is not None:
            self.start.export_profile(pid)

    def show_clients(self) -> None:
        """The client workspace window (every saved client against the programs)."""
        if self.workspace is None:
            from desktop.ui.workspace import ClientWorkspace

            self.workspace = ClientWorkspace(self.store, self.pack, self.as_of, self)
            self.workspace.open_requested.connect(self._open_from_workspace)
            self.workspace.program_requested.connect(
                lambda pid, program: self._open_from_workspace(pid, program))
            self.workspace.profiles_changed.connect(lambda: self.start.refresh())
            self.workspace.storage_failed.connect(self.report_storage_error)
        else:
            self.workspace.reload()
        self.workspace.show()
        self.workspace.raise_()
        self.workspace.activateWindow()

    def import_client_list(self, path: str) -> None:
        """A spreadsheet chosen as a profile to import: it goes to the client-list import."""
        self.show_clients()
        if self.workspace is not None:
            self.workspace.import_clients(path)

    def _open_from_workspace(self, profile_id: int, program_id: str | None = None) -> None:
        if self.open_profile(profile_id) and program_id:
            self.show_program(program_id)
        self.raise_()
        self.activateWindow()

    def show_about(self) -> None:
        """Opened, not executed: the window waits for it without this call blocking."""
        from desktop.ui.about_dialog import AboutDialog

        database = None if self._saving_disabled is not None else self.store.path
        about = AboutDialog(self, self.pack, database=database)
        about.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        about.open()

    def show_help(self, tab: Literal["guide", "shortcuts"]) -> None:
        """The guide or the shortcuts list: one window, kept beside the work (not modal). Its
        module, with the Qt widgets only it uses, is imported when help is first asked for."""
        from desktop.ui import help_dialog

        if self.help is None:
            self.help = help_dialog.HelpDialog(self, self.actions(), TRASH_DAYS)
        self.help.show_tab(help_dialog.GUIDE if tab == "guide" else help_dialog.SHORTCUTS)

    def _profiles_changed(self) -> None:
        """A rename or delete on the start page may concern the open profile."""
        if self.session is None:
            return
        try:
            record = self.store.get_profile(self.session.profile_id)
        except NoSuchProfile:
            self.close_profile()
            return
        except StorageError:
            return
        self.session.name = record.name
        if (wizard := self._made(WIZARD)) is not None:
            wizard._update_who()
        self._update_title()

    # ------------------------------------------------------------ problems

    def report_storage_error(self, err: StorageError) -> None:
        """Saving or reading failed: say so where it stays visible, and once in a dialog.

        While the banner still shows, a further failure (every answer on a full disk) only updates
        it: one dialog per episode, not one per answer.
        """
        log.warning("storage problem: %s", err)
        if self.banners.storage_failed(err):
            QMessageBox.warning(self, self.banners.save_title(), err.message.get(current_lang()))

    def _show_damaged(self, question_ids: list[str]) -> None:
        for qid in question_ids:
            log.warning("damaged answer row left out: profile %s, question %s",
                        self.session.profile_id if self.session else "?", qid)
        self.banners.show_damaged(question_ids)

    # ------------------------------------------------------------ language, title, closing

    def _update_title(self) -> None:
        base = self.tr("Jiwon – support programs")
        self.setWindowTitle(f"{base} – {self.session.name}" if self.session else base)
        if self.session is not None:
            # where exactly is in About; the main screens say only that it is saved
            self.status_label.setText(self.tr("Saved on this computer")
                                      if self._saving_disabled is None else "")
        else:
            self.status_label.setText("")

    def _language_changed(self, lang: str) -> None:
        """Keep the Language menu's tick right however the language was switched."""
        self.lang_actions[lang].setChecked(True)

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.lang_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        texts = {
            self.act_new: self.tr("&New profile…"),
            self.act_import: self.tr("&Import profile…"),
            self.act_export: self.tr("&Export profile…"),
            self.act_pdf: self.tr("Save &PDF…"),
            self.act_print: self.tr("P&rint…"),
            self.act_preview: self.tr("Print pre&view…"),
            self.act_update_rules: self.tr("&Update rules…"),
            self.act_previous_rules: self.tr("Use the previous r&ules"),
            self.act_quit: self.tr("&Quit"),
            self.act_start: self.tr("&Start"),
            self.act_wizard: self.tr("&Questions"),
            self.act_results: self.tr("&Results"),
            self.act_deadlines: self.tr("&Deadlines"),
            self.act_review: self.tr("&Answers"),
            self.act_clients: self.tr("&Clients…"),
            self.act_about: self.tr("&About Jiwon"),
            self.act_guide: self.tr("&Guide"),
            self.act_shortcuts: self.tr("&Keyboard shortcuts"),
        }
        for act, text in texts.items():
            act.setText(text)
            # toolbar buttons: the words alone ("시작", not "시작(S)"); mnemonics live in menus
            act.setIconText(re.sub(r"\(&\w\)|&(?=\w)|…$", "", text).strip())
        tips = {
            self.act_start: self.tr("Saved profiles and new ones"),
            self.act_wizard: self.tr("The questions for the open profile"),
            self.act_results: self.tr("Which programs fit, and why"),
            self.act_deadlines: self.tr("Every program's application windows"),
            self.act_review: self.tr("Every answer of the open profile, to change any of them"),
            self.act_pdf: self.tr("Save the results as a PDF report"),
            self.act_print: self.tr("Print the results"),
        }
        for act, tip in tips.items():
            shortcut = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            act.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
            act.setStatusTip(tip)
        self.lang_actions[current_lang()].setChecked(True)
        self.banners.retranslate(self.changes_banner)
        self._update_title()
        self._update_actions()

    def closeEvent(self, event: QCloseEvent) -> None:
        for f in (wizard.fields.values() if (wizard := self._made(WIZARD)) is not None else ()):
            if f.pending():  # a value typed but not yet confirmed
                f.commit()
        settings.put(settings.WINDOW_GEOMETRY, self.saveGeometry())
        settings.put(settings.WINDOW_STATE, self.saveState())
        super().closeEvent(event)
