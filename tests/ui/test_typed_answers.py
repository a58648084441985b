"""Each way of writing an amount, a date or an industry, typed into the real field, in Korean and
in English; and a refusal at the field that says, in the UI language, what is accepted."""

from __future__ import annotations

import datetime as dt

import pytest
from driving import type_into
from PySide6.QtWidgets import QApplication

from desktop.ui import i18n

AMOUNTS = [("3억", 300_000_000), ("3억 5천만", 350_000_000), ("1,230억", 123_000_000_000),
           ("300 million", 300_000_000), ("KRW 1.2 billion", 1_200_000_000),
           ("1.2bn", 1_200_000_000)]
DATES = ["1968-03-15", "1968.03.15", "1968/3/15", "19680315", "1968년 3월 15일"]
INDUSTRIES = [("30320", "C30320"), ("C30320", "C30320"), ("c25", "C25"),
              ("금속가공", "C25"), ("fabricated metal", "C25")]
LANGS = ["ko", "en"]


def field_for(qtbot, window, open_profile, lang, applicant, question_id):
    i18n.set_language(lang, remember=False)
    QApplication.processEvents()
    pid = open_profile(applicant)
    window.wizard.show_question(question_id)
    QApplication.processEvents()
    return pid, window.wizard.fields[question_id]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("text, krw", AMOUNTS, ids=[a for a, _ in AMOUNTS])
def test_amount_forms(qtbot, main_window, open_profile, store, lang, text, krw):
    pid, field = field_for(qtbot, main_window, open_profile, lang, "company", "avg_sales_3y")
    type_into(qtbot, field, text)
    assert not field.has_error, field.error.text()
    assert store.get_answers(pid)["avg_sales_3y"] == krw


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("text", DATES)
def test_date_forms(qtbot, main_window, open_profile, store, lang, text):
    pid, field = field_for(qtbot, main_window, open_profile, lang, "individual", "birth_date")
    type_into(qtbot, field, text)
    assert not field.has_error, field.error.text()
    assert store.get_answers(pid)["birth_date"] == dt.date(1968, 3, 15)
    assert field.edit.text() == "1968-03-15"  # written back the one way, so it can be checked


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("text, code", INDUSTRIES, ids=[t for t, _ in INDUSTRIES])
def test_industry_forms_show_the_chosen_codes_name(qtbot, main_window, open_profile, store,
                                                   rule_pack, lang, text, code):
    pid, field = field_for(qtbot, main_window, open_profile, lang, "company", "industry")
    type_into(qtbot, field, text)
    assert not field.has_error, field.error.text()
    assert store.get_answers(pid)["industry"] == code
    division = rule_pack.industries[code[:3]].label.get(lang)
    assert code in field.edit.text() and division in field.edit.text()


@pytest.mark.parametrize("lang, words", [("ko", "이렇게 쓸 수 있습니다"), ("en", "You can write")])
@pytest.mark.parametrize("question, applicant, bad, example", [
    ("avg_sales_3y", "company", "약 삼백", {"ko": "3억 5천만", "en": "1.2bn"}),
    ("birth_date", "individual", "next spring", {"ko": "1968년 3월 15일", "en": "1968.03.15"}),
    ("industry", "company", "spaceships", {"ko": "30320", "en": "30320"}),
], ids=["amount", "date", "industry"])
def test_a_refusal_says_what_is_accepted_in_the_ui_language(qtbot, main_window, open_profile,
                                                            store, lang, words, question,
                                                            applicant, bad, example):
    pid, field = field_for(qtbot, main_window, open_profile, lang, applicant, question)
    type_into(qtbot, field, bad)
    assert field.has_error and field.error.isVisible()
    assert words in field.error.text() and example[lang] in field.error.text()
    assert question not in store.get_answers(pid)


@pytest.mark.parametrize("lang, amount, date, industry", [
    ("ko", "3억", "1968년", "금속"), ("en", "300 million", "1968-03-15", "metal")])
def test_examples_in_the_inputs_are_in_the_ui_language(qtbot, main_window, open_profile, lang,
                                                       amount, date, industry):
    _pid, sales = field_for(qtbot, main_window, open_profile, lang, "company", "avg_sales_3y")
    assert amount in sales.edit.placeholderText()
    main_window.wizard.show_question("founding_date")
    QApplication.processEvents()
    assert date in main_window.wizard.fields["founding_date"].edit.placeholderText()
    main_window.wizard.show_question("industry")
    QApplication.processEvents()
    assert industry in main_window.wizard.fields["industry"].edit.placeholderText()


@pytest.mark.parametrize("lang, unit", [("ko", "기준 중위소득 대비"), ("en", "percent of the median")])
def test_percentages_say_of_what(qtbot, main_window, open_profile, lang, unit):
    _pid, field = field_for(qtbot, main_window, open_profile, lang, "individual",
                            "employment_status")
    from driving import answer

    answer(qtbot, field, "job_seeking")
    main_window.wizard.show_question("household_income_pct")
    QApplication.processEvents()
    pct = main_window.wizard.fields["household_income_pct"]
    assert pct.unit.text() == pct.question.unit.get(lang) and unit in pct.unit.text()
