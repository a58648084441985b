"""Korean and English, switched while the app runs; Korean by default on a Korean system."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.ui import fonts, i18n, settings


def settle():
    QApplication.processEvents()  # Qt delivers LanguageChange through the event queue


def test_switching_language_changes_every_text(qtbot, main_window, open_profile, rule_pack):
    w = main_window
    open_profile("company")
    wiz = w.wizard
    qid = wiz.question_ids[0]
    q = rule_pack.questions[qid]
    program = next(iter(rule_pack.programs.values()))
    assert w.file_menu.title() == "&File"
    assert wiz.fields[qid].title.text().startswith(q.label.en)
    assert wiz.topic_title.text() == rule_pack.topics[wiz.topic].label.en

    w.lang_actions["ko"].trigger()
    settle()
    assert i18n.current_lang() == "ko"
    assert w.file_menu.title() == "파일(&F)"
    assert wiz.next_button.text() in ("다음(&N)", "결과 보기(&R)")
    assert wiz.fields[qid].title.text().startswith(q.label.ko)  # rule text from the rule file
    assert wiz.topic_title.text() == rule_pack.topics[wiz.topic].label.ko
    assert wiz.live.tree.findItems(program.name.ko, _recursive())  # program names too
    assert "답변" in wiz.progress_text.text()
    assert settings.get(settings.LANGUAGE) == "ko", "the choice is remembered"

    w.lang_actions["en"].trigger()
    settle()
    assert w.file_menu.title() == "&File"
    assert wiz.fields[qid].title.text().startswith(q.label.en)
    assert wiz.live.tree.findItems(program.name.en, _recursive())


def _recursive():
    from PySide6.QtCore import Qt

    return Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive


def test_start_page_and_status_words_follow_the_language(qtbot, main_window, store):
    store.create_profile("기업 A", "company")
    main_window.start.refresh()
    i18n.set_language("ko")
    settle()
    item = main_window.start.tree.topLevelItem(0)
    assert item.text(1) == "기업"
    assert main_window.start.heading.text() != "Which support programs can you apply for?"


def test_korean_is_the_default_on_a_korean_system(monkeypatch):
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.Korean)))
    assert i18n.startup_lang() == "ko"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.German)))
    assert i18n.startup_lang() == "en"
    settings.put(settings.LANGUAGE, "ko")
    assert i18n.startup_lang() == "ko", "a remembered choice wins over the system"


def test_korean_translations_are_installed_for_both_ui_files(qtbot):
    i18n.set_language("ko", remember=False)
    names = i18n.installed_translations()
    assert "shell_ko.qm" in names and "views_ko.qm" in names


def test_shipped_font_draws_hangul(qtbot):
    family = fonts.register_fonts()
    assert family
    assert QApplication.font().families()[0] == family
    assert QFontDatabase.WritingSystem.Korean in QFontDatabase.writingSystems(family)
