"""The wizard's buttons clicked with the mouse: Back, Next, Show results now, the date picker,
the industry list and "I don't know"."""

from __future__ import annotations

import datetime as dt

from driving import answer
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget, QTableView

LEFT = Qt.MouseButton.LeftButton


def go_to(window, question_id: str):
    window.wizard.show_question(question_id)
    QApplication.processEvents()
    return window.wizard.fields[question_id]


def click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, LEFT)
    QApplication.processEvents()


def test_date_picker_button_opens_a_calendar_and_the_picked_day_is_the_answer(
        qtbot, main_window, open_profile, store):
    pid = open_profile("company")
    field = go_to(main_window, "founding_date")
    assert field.pick.text() == "" and not field.pick.icon().isNull()  # drawn, not a glyph
    click(qtbot, field.pick)
    cal = field._calendar
    assert isinstance(cal, QCalendarWidget) and cal.isVisible()
    cal.setSelectedDate(QDate(2019, 7, 1))
    view = cal.findChild(QTableView)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter on the chosen day, as with the keyboard
    QApplication.processEvents()
    assert field._calendar is None  # closed (and gone) once a day was picked
    assert store.get_answers(pid)["founding_date"] == dt.date(2019, 7, 1)
    assert field.edit.text() == "2019-07-01"


def test_calendar_opens_on_the_saved_date(qtbot, main_window, open_profile):
    open_profile("company", {"founding_date": dt.date(2001, 5, 9)})
    field = go_to(main_window, "founding_date")
    click(qtbot, field.pick)
    assert field._calendar.selectedDate() == QDate(2001, 5, 9)
    field._calendar.close()


def test_industry_list_button_shows_every_division(qtbot, main_window, open_profile, rule_pack):
    open_profile("company")
    field = go_to(main_window, "industry")
    click(qtbot, field.browse)
    popup = field.completer.popup()
    assert popup.isVisible()
    assert popup.model().rowCount() == len(rule_pack.industries)
    popup.hide()


def test_next_back_and_show_results_buttons(qtbot, main_window, open_profile):
    open_profile("company")
    wiz = main_window.wizard
    first = wiz.topic
    assert not wiz.back_button.isEnabled()
    for qid in wiz.question_ids:
        answer(qtbot, wiz.fields[qid], None)
    click(qtbot, wiz.next_button)
    assert wiz.topic != first
    click(qtbot, wiz.back_button)
    assert wiz.topic == first
    click(qtbot, wiz.results_button)
    assert main_window.current_page() == "results"


def test_dont_know_box_is_clicked_like_any_check_box(qtbot, main_window, open_profile, store):
    pid = open_profile("company")
    field = go_to(main_window, "avg_sales_3y")
    qtbot.mouseClick(field.dont_know, LEFT, pos=field.dont_know.rect().center())
    assert store.get_answers(pid)["avg_sales_3y"] is None


def test_progress_that_grows_after_an_answer_says_why(qtbot, main_window, open_profile):
    open_profile("individual")
    wiz = main_window.wizard
    field = go_to(main_window, "employment_status")
    answer(qtbot, field, "job_seeking")  # opens questions for job seekers
    text = wiz.progress_text.text()
    assert "1 answered" in text and "your last answer added 3" in text
    from desktop.ui import i18n

    i18n.set_language("ko", remember=False)  # the same note in the other language
    QApplication.processEvents()
    assert "1" in wiz.progress_text.text() and "3" in wiz.progress_text.text()
    assert wiz.progress_text.text() != text
