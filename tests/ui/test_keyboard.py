"""Keyboard-only use: from the start page to the second wizard page without the mouse."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QRadioButton

from desktop.ui.new_profile_dialog import NewProfileDialog


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    widget = QApplication.focusWidget()
    assert widget is not None, "something has the keyboard focus"
    qtbot.keyClick(widget, key, modifier)
    QApplication.processEvents()


def test_keyboard_only_new_profile_and_first_page(qtbot, main_window, store):
    w = main_window
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)

    # Ctrl+Shift+N opens the new-profile dialog; type a name, Alt+S picks "school", Enter
    def in_dialog():
        d = QApplication.activeModalWidget()
        assert isinstance(d, NewProfileDialog)
        assert d.name_edit.hasFocus()
        qtbot.keyClicks(d.name_edit, "Keyboard High School")
        qtbot.keyClick(d.name_edit, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: d.applicant_type() == "school")  # a mnemonic "animates" the click
        d.name_edit.setFocus()
        qtbot.keyClick(d.name_edit, Qt.Key.Key_Return)

    problems = []

    def when_focused(tries=500):
        d = QApplication.activeModalWidget()
        if (d is None or not d.name_edit.hasFocus()) and tries:
            QTimer.singleShot(20, lambda: when_focused(tries - 1))
            return
        try:
            in_dialog()
        except AssertionError as err:  # never leave a modal dialog open: the run would hang
            problems.append(err)
            if d is not None:
                d.reject()

    QTimer.singleShot(0, when_focused)
    qtbot.keyClick(w, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not problems, problems
    profiles = store.list_profiles()
    assert [(p.name, p.applicant_type) for p in profiles] == [("Keyboard High School", "school")]
    assert w.current_page() == "wizard"

    # the cursor is in the first question (once the window is active again: offscreen there is
    # no window manager to hand activation back after the dialog)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert any(w.wizard.fields[q].isAncestorOf(QApplication.focusWidget())
               for q in w.wizard.question_ids)
    # answer each question with the keyboard, then Enter = Next
    first_topic = w.wizard.topic
    for _ in range(20):
        focused = QApplication.focusWidget()
        field = next((w.wizard.fields[q] for q in w.wizard.question_ids
                      if w.wizard.fields[q].isAncestorOf(focused)), None)
        if field is None:
            break
        if isinstance(focused, QRadioButton):
            press(qtbot, Qt.Key.Key_Space)  # picks the focused option
        elif isinstance(focused, QLineEdit):
            qtbot.keyClicks(focused, "3")
        else:
            press(qtbot, Qt.Key.Key_Space)
        if all(w.wizard.fields[q].is_answered for q in w.wizard.question_ids):
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert all(w.wizard.fields[q].is_answered for q in w.wizard.question_ids)
    press(qtbot, Qt.Key.Key_Return)
    assert w.wizard.topic != first_topic or w.current_page() == "results"
    if w.current_page() == "wizard":
        # Ctrl+B goes back
        press(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
        assert w.wizard.topic == first_topic
