"""The Help menu's guide: what the three results mean, where the facts come from, how answers are
kept, and the keyboard shortcuts.

The result names are the phrase catalog's (`status_word`), so the guide says "신청 가능" exactly
as the results do. The shortcuts are read from the main window's own actions when shown, so the
list cannot drift from the keys that really work; only the keys a page handles itself (Delete, F2
on the start page) are named here.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.explain import status_word
from desktop.ui import i18n

GUIDE, SHORTCUTS = 0, 1
OUTCOMES = ("eligible", "undetermined", "ineligible")


class HelpDialog(QDialog):
    """Two tabs: the guide and the keyboard shortcuts. Not modal: it can stay open beside the work."""

    def __init__(self, parent: QWidget | None, actions: list[QAction], trash_days: int):
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self._actions = actions
        self._trash_days = trash_days

        self.guide = QTextBrowser()
        self.guide.setObjectName("helpGuide")
        self.guide.setOpenLinks(False)
        self.shortcuts_table = QTableWidget(0, 2)
        self.shortcuts_table.setObjectName("helpShortcuts")
        self.shortcuts_table.verticalHeader().hide()
        self.shortcuts_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.shortcuts_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        head = self.shortcuts_table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)  # sized to the keys, below

        self.tabs = QTabWidget()
        self.tabs.addTab(self.guide, "")
        self.tabs.addTab(self.shortcuts_table, "")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 540)
        self.retranslate()

    def show_tab(self, tab: int) -> None:
        self.tabs.setCurrentIndex(tab)
        self.show()
        self.raise_()
        self.activateWindow()

    # ------------------------------------------------------------ words

    def guide_html(self) -> str:
        lang = i18n.current_lang()
        meaning = {
            "eligible": self.tr(
                "By your answers, every condition of the program is met and no exclusion "
                "applies. This is a pre-screening: the agency that runs the program decides."),
            "undetermined": self.tr(
                "Jiwon cannot decide yet: a question that matters is not answered, or the "
                "program's sources do not settle a condition. The result lists what is still "
                "open; answering it settles the result."),
            "ineligible": self.tr(
                "At least one condition is not met, or an exclusion applies. The result names "
                "it, with the answer it was decided on."),
        }
        outcomes = "".join(
            f"<li><b>{html.escape(status_word(s).get(lang))}</b>: {html.escape(meaning[s])}</li>"
            for s in OUTCOMES)
        sections = [
            (self.tr("What the three results mean"), f"<ul>{outcomes}</ul>"),
            (self.tr("Where the facts come from"), "".join(f"<p>{html.escape(t)}</p>" for t in (
                self.tr("Every condition, amount and date comes from the programs' public "
                        "announcements and guidelines. Each program's page names its sources "
                        "and the date they were read."),
                self.tr("A date marked as an estimate follows the rounds of earlier years: the "
                        "program has not announced it yet."),
                self.tr("Help › About Jiwon names the rules in use by their date. File › "
                        "Update rules… installs newer ones; the results then say what changed."),
            ))),
            (self.tr("How your answers are saved"), "".join(f"<p>{html.escape(t)}</p>" for t in (
                self.tr("Each answer is saved on this computer as soon as you give it; nothing "
                        "is sent anywhere. Help › About Jiwon names the file they are kept in."),
                self.tr("Reopen a profile from the Start page and change any answer on the "
                        "Answers page. A deleted profile is kept under “Deleted profiles” on the "
                        "Start page for %1 days.")
                .replace("%1", str(self._trash_days)),
            ))),
        ]
        return "".join(f"<h3>{html.escape(title)}</h3>{body}" for title, body in sections)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        rows = []
        for act in self._actions:
            keys = act.shortcut()
            if not keys.isEmpty():
                rows.append((act.iconText(),  # the menu text without its mnemonic
                             keys.toString(QKeySequence.SequenceFormat.NativeText)))
        native = QKeySequence.SequenceFormat.NativeText
        rows.append((self.tr("Start page: move the selected profile to the trash"),
                     QKeySequence("Delete").toString(native)))
        rows.append((self.tr("Start page: rename the selected profile"),
                     QKeySequence("F2").toString(native)))
        return rows

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Jiwon guide"))
        self.tabs.setTabText(GUIDE, self.tr("Guide"))
        self.tabs.setTabText(SHORTCUTS, self.tr("Keyboard shortcuts"))
        self.guide.setHtml(self.guide_html())
        rows = self.shortcut_rows()
        self.shortcuts_table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.shortcuts_table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.shortcuts_table.setItem(r, c, QTableWidgetItem(text))
        self.shortcuts_table.resizeRowsToContents()
        self.shortcuts_table.resizeColumnToContents(1)
        self.shortcuts_table.setColumnWidth(1, self.shortcuts_table.columnWidth(1) + 16)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            # after the main window has said its actions' texts in the new language
            QTimer.singleShot(0, self, self.retranslate)
        super().changeEvent(event)
