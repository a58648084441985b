"""Driving the wizard the way a user does: clicks and typing on the real widgets.

Used by the UI tests (import with `from driving import ...`; pytest puts this folder on the path).
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from desktop.ui.wizard.fields.base import AnswerField
from desktop.ui.wizard.fields.choices import (DONT_KNOW, ComboChoiceField, MultiField,
                                              _RadioField)
from desktop.ui.wizard.fields.entry import EntryField

DONT = object()  # answer "I don't know"


def type_into(qtbot, field: EntryField, text: str) -> None:
    """Select all, type `text`, and leave the field with Tab (which checks it)."""
    edit = field.edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    for ch in text:
        if ch.isascii():
            qtbot.keyClick(edit, ch)
        else:  # QTest only knows ASCII keys: send Hangul as the text of a key event
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(edit, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
    # leaving the field is what checks it; Tab may move focus out of the window offscreen, so
    # send the same signal QLineEdit sends on focus loss
    edit.editingFinished.emit()


def click_button(qtbot, button) -> None:
    """Click a radio button or check box on its mark, where a user clicks (a stretched button's
    centre may be empty space beside its label)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def answer(qtbot, field: AnswerField, value: Any) -> None:
    """Give `value` to `field` through its widgets; DONT (or None) = "I don't know"."""
    QApplication.processEvents()  # a field that just appeared is laid out before it is clicked
    dont = value is DONT or value is None
    if isinstance(field, _RadioField):
        target = DONT_KNOW if dont else value
        for v, btn in field.buttons:
            if v == target:
                click_button(qtbot, btn)
                return
        raise AssertionError(f"{field.question.id}: no option {value!r}")
    if isinstance(field, ComboChoiceField):
        target = DONT_KNOW if dont else value
        index = field.combo.findData(target)
        assert index >= 0, f"{field.question.id}: no option {value!r}"
        field.combo.setCurrentIndex(index)
        field.combo.activated.emit(index)
        return
    if dont:
        assert field.dont_know is not None
        click_button(qtbot, field.dont_know)
        return
    if isinstance(field, MultiField):
        wanted = set(value)
        if not wanted:
            click_button(qtbot, field.none_box)
            return
        for v, cb in field.boxes:
            if (v in wanted) != cb.isChecked():
                click_button(qtbot, cb)
        return
    if isinstance(field, EntryField):
        type_into(qtbot, field, str(value))
        return
    raise AssertionError(f"no way to answer {type(field).__name__}")


def click_next(qtbot, window) -> None:
    qtbot.mouseClick(window.wizard.next_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def walk(qtbot, window, answers: dict[str, Any],
         fallback: Callable[[AnswerField], Any] | None = None, max_pages: int = 40,
         pages: list | None = None) -> list[str]:
    """Answer every page until the results show; returns the question ids asked, in order.

    A question not in `answers` gets `fallback(field)` (default: "I don't know"). With `pages`,
    the question ids each page showed are appended to it, page by page.
    """
    asked: list[str] = []
    for _ in range(max_pages):
        if window.current_page() == "results":
            return asked
        assert window.current_page() == "wizard", window.current_page()
        wiz = window.wizard
        # answer the first open question until none is left: answers may add or remove others
        for _ in range(100):
            open_ = [wiz.fields[q] for q in wiz.question_ids if not wiz.fields[q].is_answered]
            if not open_:
                break
            field = open_[0]
            qid = field.question.id
            asked.append(qid)
            value = answers[qid] if qid in answers else (fallback(field) if fallback else DONT)
            answer(qtbot, field, value)
            assert field.is_answered or qid not in wiz.fields, f"{qid}: {field.error.text()}"
        if pages is not None:
            pages.append(list(wiz.question_ids))
        click_next(qtbot, window)
    raise AssertionError(f"the wizard did not reach the results; asked {asked}")
