"""Which question next: only what can still change an undecided program, most decisive first."""

import datetime as dt

from desktop.engine import applicable_questions, evaluate, next_questions

DAY = dt.date(2026, 3, 10)


def ids(questions):
    return [q.id for q in questions]


def test_company_first_questions_are_the_most_decisive(mini_pack):
    got = ids(next_questions(mini_pack, {"applicant_type": "company"}, DAY))
    # industry, in_big_group and avg_sales_3y decide both company programs; tax_arrears only one.
    assert got[:3] == ["industry", "in_big_group", "avg_sales_3y"]
    assert "tax_arrears" in got
    assert not {"school_type", "age", "income_pct"} & set(got)


def test_school_is_never_asked_for_sales(mini_pack):
    got = ids(next_questions(mini_pack, {"applicant_type": "school"}, DAY))
    assert got == ["school_type", "track_interest"]
    assert "avg_sales_3y" not in ids(applicable_questions(mini_pack, {"applicant_type": "school"}, DAY))


def test_dont_know_is_not_asked_again(mini_pack):
    got = ids(next_questions(mini_pack, {"applicant_type": "school", "school_type": None}, DAY))
    assert got == ["track_interest"]


def test_condition_gates_the_question(mini_pack):
    answers = {"applicant_type": "individual"}
    # Both decide one program: catalog order.
    assert ids(next_questions(mini_pack, answers, DAY)) == ["tax_arrears", "age"]
    answers["age"] = 10
    # At 10 the program is decided (too young), so nothing is left to ask for it.
    assert next_questions(mini_pack, answers, DAY) == []
    answers["age"] = 30
    assert ids(next_questions(mini_pack, answers, DAY)) == ["tax_arrears", "income_pct"]


def test_questions_stop_once_everything_is_decided(mini_pack):
    answers = {
        "applicant_type": "company",
        "industry": "C25",
        "in_big_group": True,
        "tax_arrears": False,
    }
    # Part of a large group: both company programs fail, no more questions.
    assert next_questions(mini_pack, answers, DAY) == []


def test_applicable_questions_follow_applies_if(mini_pack):
    base = {"applicant_type": "company", "industry": "C25", "in_big_group": False}
    assert "ai_plan" not in ids(applicable_questions(mini_pack, base, DAY))
    small = dict(base, avg_sales_3y=1_000_000_000)
    assert "ai_plan" in ids(applicable_questions(mini_pack, small, DAY))


def test_reusing_an_assessment_gives_the_same_answer(mini_pack):
    answers = {"applicant_type": "company"}
    a = evaluate(mini_pack, answers, DAY)
    assert ids(next_questions(mini_pack, answers, DAY, assessment=a)) == ids(next_questions(mini_pack, answers, DAY))
