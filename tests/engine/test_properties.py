"""Properties of the three-valued evaluation, checked on the real rule files.

A decided outcome is final: filling in an unknown answer, with any valid value, never changes an
eligible or ineligible result and never turns it undetermined. Undetermined outcomes only ever
name questions that are unanswered and meant for this applicant.
"""

import datetime as dt

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desktop.engine import evaluate, next_questions
from desktop.engine.model import APPLICANT_TYPES

from answer_strategies import _limits, partial_answers, questions_for, value_strategy

DAY = dt.date(2026, 3, 2)
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def limits(pack):
    return _limits(pack)


def decided(assessment):
    return {r.id: r.status for r in assessment.programs if r.status != "undetermined"}


def test_the_real_rules_load_cleanly(pack):
    assert [str(e) for e in pack.errors] == []
    assert len(pack.programs) >= 14


@SETTINGS
@given(data=st.data())
def test_filling_one_unknown_answer_keeps_decided_outcomes(pack, limits, data):
    applicant = data.draw(st.sampled_from(APPLICANT_TYPES))
    answers = data.draw(partial_answers(pack, applicant, limits))
    unknown = [q for q in questions_for(pack, applicant) if answers.get(q.id) is None]
    assume(unknown)
    q = data.draw(st.sampled_from(unknown))
    value = data.draw(value_strategy(pack, q, limits))
    before = decided(evaluate(pack, answers, DAY))
    after = evaluate(pack, {**answers, q.id: value}, DAY)
    for pid, status in before.items():
        assert after.by_id(pid).status == status, (pid, q.id, value)


@SETTINGS
@given(data=st.data())
def test_completing_every_answer_keeps_decided_outcomes(pack, limits, data):
    applicant = data.draw(st.sampled_from(APPLICANT_TYPES))
    answers = data.draw(partial_answers(pack, applicant, limits))
    before = decided(evaluate(pack, answers, DAY))
    full = dict(answers)
    for q in questions_for(pack, applicant):
        if full.get(q.id) is None:
            full[q.id] = data.draw(value_strategy(pack, q, limits))
    after = evaluate(pack, full, DAY)
    for pid, status in before.items():
        assert after.by_id(pid).status == status, pid


@SETTINGS
@given(data=st.data())
def test_missing_questions_are_unanswered_and_for_this_applicant(pack, limits, data):
    applicant = data.draw(st.sampled_from(APPLICANT_TYPES))
    answers = data.draw(partial_answers(pack, applicant, limits))
    assessment = evaluate(pack, answers, DAY)
    for r in assessment.programs:
        if r.status != "undetermined":
            assert r.missing == ()
        for qid in r.missing:
            assert answers.get(qid) is None
            assert applicant in pack.questions[qid].audience
    asked = next_questions(pack, answers, DAY, assessment=assessment)
    for q in asked:
        assert q.id not in answers and applicant in q.audience
    if applicant == "school":
        assert "avg_sales_3y" not in {q.id for q in asked}


@settings(max_examples=150, deadline=None)
@given(
    applicant=st.sampled_from(APPLICANT_TYPES + ("robot", None)),
    junk=st.dictionaries(
        st.sampled_from(["avg_sales_3y", "industry", "founding_date", "full_time_workers", "tax_arrears", "age", "nope"]),
        st.one_of(st.none(), st.integers(), st.floats(allow_nan=True), st.text(max_size=5), st.lists(st.integers(), max_size=3), st.booleans(), st.dates()),
    ),
)
def test_odd_answers_never_raise(pack, applicant, junk):
    answers = dict(junk, applicant_type=applicant)
    assessment = evaluate(pack, answers, DAY)
    assert len(assessment.programs) == len(pack.programs)
    next_questions(pack, answers, DAY, assessment=assessment)
