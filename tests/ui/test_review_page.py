"""A finished profile can be changed: every answer on one page, by topic, editable in place, and
reached from the wizard, the results and the start page."""

from __future__ import annotations

import datetime as dt

from driving import answer, type_into, walk
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

LEFT = Qt.MouseButton.LeftButton


def click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, LEFT)
    QApplication.processEvents()


def finished_company(qtbot, main_window, store):
    pid = store.create_profile("㈜한빛정밀", "company", {})
    main_window.start.refresh(select=pid)
    assert main_window.open_profile(pid)
    walk(qtbot, main_window, {"avg_sales_3y": "120억", "in_disclosure_group": False,
                              "founding_date": "2015-06-01", "industry": "C25"})
    assert main_window.current_page() == "results"
    return pid


def test_finished_profile_reopened_from_the_start_page_can_change_its_sales(
        qtbot, main_window, store):
    pid = finished_company(qtbot, main_window, store)
    main_window.show_page("start")
    main_window.start.select(pid)
    click(qtbot, main_window.start.review_button)
    assert main_window.current_page() == "review"
    review = main_window.review
    row = review.rows["avg_sales_3y"]
    assert row.field.edit.text() == "12,000,000,000"
    # by topic, in the pack's order
    topics = [t for t in main_window.pack.topics if t in review.headings]
    assert list(review.headings) == topics
    type_into(qtbot, row.field, "300 million")
    assert store.get_answers(pid)["avg_sales_3y"] == 300_000_000
    assert main_window.session.answers["avg_sales_3y"] == 300_000_000
    click(qtbot, review.results_button)
    assert main_window.current_page() == "results"
    assert main_window.session.assessment.answers["avg_sales_3y"] == 300_000_000


def test_answers_that_no_longer_apply_are_kept_but_marked_not_used(qtbot, main_window, store):
    pid = store.create_profile("구직자", "individual", {})
    main_window.start.refresh(select=pid)
    assert main_window.open_profile(pid)
    wiz = main_window.wizard
    wiz.show_question("employment_status")
    answer(qtbot, wiz.fields["employment_status"], "job_seeking")
    wiz.show_question("household_income_pct")
    QApplication.processEvents()
    type_into(qtbot, wiz.fields["household_income_pct"], "55")
    click(qtbot, wiz.review_button)
    review = main_window.review
    assert main_window.current_page() == "review"
    assert not review.rows["household_income_pct"].unused.isVisible()

    answer(qtbot, review.rows["employment_status"].field, "employed")
    row = review.rows["household_income_pct"]
    assert row.unused.isVisible() and "55" in row.unused.text()
    assert not row.field.edit.isEnabled() and not row.go.isEnabled()
    assert store.get_answers(pid)["household_income_pct"] == 55  # kept
    answer(qtbot, review.rows["employment_status"].field, "job_seeking")
    assert not row.unused.isVisible() and row.field.edit.isEnabled()


def test_go_to_question_opens_its_wizard_page(qtbot, main_window, open_profile):
    open_profile("company", {"founding_date": dt.date(2015, 6, 1)})
    main_window.show_page("review")
    click(qtbot, main_window.review.rows["founding_date"].go)
    assert main_window.current_page() == "wizard"
    assert "founding_date" in main_window.wizard.question_ids
    click(qtbot, main_window.wizard.review_button)
    click(qtbot, main_window.review.questions_button)
    assert main_window.current_page() == "wizard"


def test_results_offer_to_change_an_answer_a_criterion_used(qtbot, main_window, store):
    finished_company(qtbot, main_window, store)
    results = main_window.results
    buttons = []
    # a program whose detail shows a criterion with values from the answers
    detail = results.detail
    for program in main_window.session.assessment.programs:
        results.select_program(program.program.id)
        QApplication.processEvents()
        if detail.change_buttons:
            buttons = list(detail.change_buttons.values())
            break
    assert buttons, "some criterion used an answer"
    button = buttons[0]
    detail.ensureWidgetVisible(button)
    QApplication.processEvents()
    click(qtbot, button)
    assert main_window.current_page() == "wizard"
