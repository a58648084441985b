"""A damaged answer row (bad JSON, an unknown kind, a date that does not exist) leaves the profile
openable with its good answers; the damaged one is named, asked again, and replaced when answered."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from desktop.storage import open_store


@pytest.mark.parametrize("kind, value", [
    ("int", "{not json"),
    ("spaceship", "1"),
    ("date", '"2025-02-30"'),
    ("bool", '"yes"'),
])
def test_a_damaged_row_is_named_and_the_others_open(db_path, kind, value):
    with open_store(db_path) as store:
        pid = store.create_profile("한빛", "company", {"tax_arrears": False, "employees": 40,
                                                      "founded": dt.date(2015, 3, 1)})
    raw = sqlite3.connect(db_path)
    with raw:
        raw.execute("UPDATE answers SET kind = ?, value = ? WHERE question_id = 'employees'",
                    (kind, value))
    raw.close()
    with open_store(db_path) as store:
        assert store.get_answers(pid) == {"applicant_type": "company", "tax_arrears": False,
                                          "founded": dt.date(2015, 3, 1)}
        assert [d.question_id for d in store.damaged_answers(pid)] == ["employees"]
        store.set_answer(pid, "employees", 41)  # answered again: the row is good again
        assert store.damaged_answers(pid) == []
        assert store.get_answers(pid)["employees"] == 41
