"""Answers: saved one by one, every type back exactly as given, None distinct from absent."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.storage import AnswerRecord, NoSuchProfile, open_store

EVERY_TYPE = {
    "applicant_type": "company",
    "is_manufacturer": True,
    "tax_arrears": False,
    "employees": 42,
    "annual_sales": 123_000_000_000,  # amount, whole KRW
    "loss": -5,
    "huge": 10**22,  # beyond 64 bits: still an int
    "founded": dt.date(2019, 2, 28),
    "industry": "C25",
    "region": "서울",
    "note": "2024-01-01",  # text that looks like a date stays text
    "empty_text": "",
    "ai_use": ("vision", "forecast"),
    "no_options": (),
    "hire_date": None,  # "I don't know"
}


def test_every_answer_type_round_trips_through_the_file(db_path, clock):
    with open_store(db_path, clock=clock) as store:
        pid = store.create_profile("부품 제조 A", "company")
        for question_id, value in EVERY_TYPE.items():
            store.set_answer(pid, question_id, value)
    with open_store(db_path) as reopened:
        answers = reopened.get_answers(pid)
    assert answers == EVERY_TYPE
    # == would take True for 1 and a list for nothing; check the types one by one.
    assert {k: type(v) for k, v in answers.items()} == {k: type(v) for k, v in EVERY_TYPE.items()}
    assert list(answers) == list(EVERY_TYPE)


def test_rows_keep_kind_json_and_when_given(store, clock):
    pid = store.create_profile("학교", "school")  # tick 1
    store.set_answer(pid, "founded", dt.date(2001, 3, 2))  # tick 2
    store.set_answer(pid, "tracks", ["a", "b"])  # tick 3: a list is taken as a multi answer
    store.set_answer(pid, "students", None)  # tick 4
    assert list(store.db["answers"].rows) == [
        {"profile_id": pid, "question_id": "founded", "kind": "date", "value": '"2001-03-02"',
         "answered": clock.stamp(2)},
        {"profile_id": pid, "question_id": "tracks", "kind": "multi", "value": '["a", "b"]',
         "answered": clock.stamp(3)},
        {"profile_id": pid, "question_id": "students", "kind": "unknown", "value": "null",
         "answered": clock.stamp(4)},
    ]
    assert store.answer_records(pid) == [
        AnswerRecord("founded", dt.date(2001, 3, 2), clock.at(2)),
        AnswerRecord("tracks", ("a", "b"), clock.at(3)),
        AnswerRecord("students", None, clock.at(4)),
    ]


def test_changing_an_answer_keeps_its_place_and_updates_its_time(store, clock):
    pid = store.create_profile("A", "company")  # 1
    store.set_answer(pid, "employees", 10)  # 2
    store.set_answer(pid, "industry", "C25")  # 3
    store.set_answer(pid, "employees", None)  # 4: changed to "I don't know"
    assert store.answer_records(pid) == [
        AnswerRecord("employees", None, clock.at(4)),
        AnswerRecord("industry", "C25", clock.at(3)),
    ]
    assert store.get_profile(pid).updated == clock.at(4)


def test_clear_answer_makes_it_unanswered_again(store, clock):
    pid = store.create_profile("A", "company")  # 1
    store.set_answer(pid, "employees", None)  # 2
    store.set_answer(pid, "industry", "C25")  # 3
    store.clear_answer(pid, "employees")  # 4
    assert store.get_answers(pid) == {"applicant_type": "company", "industry": "C25"}
    assert store.get_profile(pid).updated == clock.at(4)
    store.clear_answer(pid, "never_answered")  # 5: nothing to clear, nothing changes
    assert store.get_profile(pid).updated == clock.at(4)


def test_applicant_type_lives_on_the_profile(store):
    pid = store.create_profile("A", "company")
    store.set_answer(pid, "applicant_type", "individual")
    assert store.get_answers(pid) == {"applicant_type": "individual"}
    assert store.get_profile(pid).applicant_type == "individual"
    assert list(store.db["answers"].rows) == []
    with pytest.raises(ValueError):
        store.set_answer(pid, "applicant_type", "alien")
    with pytest.raises(ValueError):
        store.clear_answer(pid, "applicant_type")
    assert store.get_answers(pid) == {"applicant_type": "individual"}


def test_set_answers_is_all_or_nothing(store):
    pid = store.create_profile("A", "company")
    store.set_answers(pid, {"employees": 5, "industry": "C25"})
    with pytest.raises(TypeError):
        store.set_answers(pid, {"founded": dt.date(2020, 1, 1), "ratio": 0.5})
    assert store.get_answers(pid) == {"applicant_type": "company", "employees": 5,
                                      "industry": "C25"}


@pytest.mark.parametrize(
    "value",
    [1.5, dt.datetime(2024, 1, 1, 12, 0), ("a", 1), {"a": 1}, b"bytes"],
    ids=["float", "datetime", "multi-with-int", "dict", "bytes"],
)
def test_values_no_question_produces_are_refused(store, value):
    pid = store.create_profile("A", "company")
    with pytest.raises(TypeError):
        store.set_answer(pid, "q", value)
    assert store.get_answers(pid) == {"applicant_type": "company"}


def test_answers_for_a_missing_profile(store):
    with pytest.raises(NoSuchProfile):
        store.set_answer(999, "employees", 3)
    with pytest.raises(NoSuchProfile):
        store.get_answers(999)
    assert list(store.db["answers"].rows) == []
