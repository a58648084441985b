"""A profile with one damaged answer row opens with its other answers, and the window names the
damaged one (by its question, in the UI language) until another profile is opened."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from desktop.ui import i18n


def _damage(db_path, question_id: str) -> None:
    raw = sqlite3.connect(db_path)
    with raw:
        raw.execute("UPDATE answers SET value = '{not json' WHERE question_id = ?", (question_id,))
    raw.close()


def _open_by_click(qtbot, window, profile_id: int) -> None:
    window.start.refresh()
    assert window.start.select(profile_id)
    qtbot.mouseClick(window.start.open_button, Qt.MouseButton.LeftButton)


def test_the_damaged_answer_is_named_and_the_profile_opens(qtbot, main_window, store, db_path):
    pid = store.create_profile("한빛정밀", "company", {"tax_arrears": False, "full_time_workers": 42})
    other = store.create_profile("새싹", "company", {"tax_arrears": False})
    _damage(db_path, "full_time_workers")

    _open_by_click(qtbot, main_window, pid)

    assert main_window.session is not None and main_window.session.profile_id == pid
    assert main_window.session.answers.get("tax_arrears") is False
    assert "full_time_workers" not in main_window.session.answers
    banner = main_window.damaged_banner
    assert banner.isVisible()
    assert "could not be read" in banner.title.text()
    label = main_window.pack.questions["full_time_workers"].label
    assert f"{label.en} (full_time_workers)" in banner.body.text()

    i18n.set_language("ko", remember=False)
    qtbot.waitUntil(lambda: "읽을 수 없는" in banner.title.text())
    assert f"{label.ko} (full_time_workers)" in banner.body.text()
    i18n.set_language("en", remember=False)
    qtbot.waitUntil(lambda: "could not be read" in banner.title.text())

    qtbot.mouseClick(main_window.toolbar.widgetForAction(main_window.act_start), Qt.MouseButton.LeftButton)
    assert main_window.current_page() == "start"
    _open_by_click(qtbot, main_window, other)
    assert main_window.session.profile_id == other
    assert not banner.isVisible()
