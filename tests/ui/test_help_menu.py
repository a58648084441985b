"""The Help menu, clicked as a user would: the guide, the keyboard shortcuts and About.

The menu bar's Help title is clicked, then the entry in the open menu; the dialogs that open are
read for what they must say: the three results in the results' own words, the real shortcuts of
the window's actions, and in About the program version, the rules by date and short id, and the
database file of this test.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel

import desktop
from desktop.engine.explain import rules_label, status_word
from desktop.ui import i18n
from desktop.ui.about_dialog import AboutDialog
from desktop.ui.help_dialog import GUIDE, SHORTCUTS, HelpDialog
from desktop.storage.store import TRASH_DAYS


def click_menu(qtbot, window, menu, action) -> None:
    """Click the menu's title in the menu bar, then the entry."""
    bar = window.menuBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.actionGeometry(menu.menuAction()).center())
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=3000)


def _open_dialog(qtbot, window, cls):
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(cls)), timeout=3000)
    return next(d for d in window.findChildren(cls) if d.isVisible())  # goes with its window


def test_help_menu_lists_guide_shortcuts_and_about(main_window):
    w = main_window
    assert w.help_menu.actions()[0] is w.act_guide
    assert w.act_shortcuts in w.help_menu.actions() and w.help_menu.actions()[-1] is w.act_about
    assert w.act_guide.shortcut().toString() == "F1"


def test_guide_explains_the_three_results_in_the_results_words(qtbot, main_window):
    click_menu(qtbot, main_window, main_window.help_menu, main_window.act_guide)
    dialog = _open_dialog(qtbot, main_window, HelpDialog)
    assert dialog.tabs.currentIndex() == GUIDE
    text = dialog.guide.toPlainText()
    for status in ("eligible", "undetermined", "ineligible"):
        assert f"{status_word(status).en}:" in text
    assert "Where the facts come from" in text
    assert f"Start page for {TRASH_DAYS} days" in text


def test_guide_speaks_korean_first(qtbot, main_window):
    i18n.set_language("ko", remember=False)
    click_menu(qtbot, main_window, main_window.help_menu, main_window.act_guide)
    dialog = _open_dialog(qtbot, main_window, HelpDialog)
    text = dialog.guide.toPlainText()
    assert dialog.windowTitle() == "Jiwon(지원) 사용 안내"
    for status in ("eligible", "undetermined", "ineligible"):
        assert f"{status_word(status).ko}:" in text
    assert "세 가지 결과의 뜻" in text and "정보의 출처" in text and "답변 저장 방식" in text
    assert not any("a" <= ch <= "z" for ch in text.replace("Jiwon", "")), text
    i18n.set_language("en", remember=False)
    qtbot.waitUntil(lambda: "What the three results mean" in dialog.guide.toPlainText(),
                    timeout=3000)


def test_shortcuts_list_the_window_s_real_keys(qtbot, main_window):
    w = main_window
    click_menu(qtbot, w, w.help_menu, w.act_shortcuts)
    dialog = _open_dialog(qtbot, w, HelpDialog)
    assert dialog.tabs.currentIndex() == SHORTCUTS
    table = dialog.shortcuts_table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    native = QKeySequence.SequenceFormat.NativeText
    assert rows["Save PDF"] == w.act_pdf.shortcut().toString(native)
    assert rows["Answers"] == w.act_review.shortcut().toString(native)
    assert rows["Guide"] == "F1"
    assert "Start page: rename the selected profile" in rows
    i18n.set_language("ko", remember=False)
    qtbot.waitUntil(lambda: table.item(0, 0).text() == w.act_new.iconText()
                    and w.act_new.iconText() != "New profile", timeout=3000)
    assert table.horizontalHeaderItem(1).text() == "단축키"


def test_about_shows_versions_rules_date_and_the_database(qtbot, main_window, db_path,
                                                           rule_pack):
    w = main_window
    click_menu(qtbot, w, w.help_menu, w.act_about)
    about = _open_dialog(qtbot, w, AboutDialog)
    assert about.program_version_label.text() == desktop.__version__
    assert about.rules_version_label.text() == rules_label(rule_pack).en
    assert rule_pack.version[:7] in about.rules_version_label.text()
    assert about.database_label.text() == str(db_path)
    i18n.set_language("ko", remember=False)
    qtbot.waitUntil(lambda: about.rules_version_label.text() == rules_label(rule_pack).ko,
                    timeout=3000)


def test_main_screens_no_longer_show_the_database_path(qtbot, main_window, open_profile,
                                                       db_path):
    open_profile("company")
    shown = [lab.text() for lab in main_window.findChildren(QLabel) if lab.isVisible()]
    assert shown and not any(str(db_path) in t for t in shown)
    assert main_window.status_label.text() == "Saved on this computer"


def test_about_in_a_session_without_saving_says_so(qtbot, rule_pack, as_of):
    from desktop.storage import open_store
    from desktop.ui.main_window import MainWindow

    store = open_store(":memory:")
    window = MainWindow(rule_pack, store, as_of=as_of, saving_disabled="The file is locked.")
    window.show()
    click_menu(qtbot, window, window.help_menu, window.act_about)
    about = _open_dialog(qtbot, window, AboutDialog)
    assert about.database_label.text() == "Not saved: this session works without saving"
    about.close()
    window.close()  # gone before its store closes, as in the main_window fixture
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    store.close()
