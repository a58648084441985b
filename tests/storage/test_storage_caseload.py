"""Many profiles at once: every answer and last check in one read, a client list saved whole."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.engine import evaluate, load_rules
from desktop.storage import open_store

AS_OF = dt.date(2026, 3, 2)


@pytest.fixture(scope="module")
def pack():
    return load_rules()


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "jiwon.db")
    yield s
    s.close()


CLIENTS = [
    ("가나정밀", "company", {"avg_sales_3y": 12_000_000_000, "tax_arrears": False,
                         "founding_date": dt.date(2015, 3, 1), "ai_plans": ()}),
    ("한빛고", "school", {"region": "busan", "track_interest": ("new_tech",)}),
    ("홍길동", "individual", {"household_income_pct": None}),
]


def test_create_profiles_saves_every_client_with_the_same_answers_as_one_by_one(store, pack):
    checks = [evaluate(pack, {"applicant_type": t, **a}, AS_OF) for _, t, a in CLIENTS]
    ids = store.create_profiles(CLIENTS, checks)
    assert len(ids) == 3
    for pid, (name, kind, answers) in zip(ids, CLIENTS):
        assert store.get_profile(pid).name == name
        assert store.get_answers(pid) == {"applicant_type": kind, **answers}
        assert store.last_assessment(pid).rules_version == pack.version
    everyone = store.all_answers()
    assert everyone == {pid: store.get_answers(pid) for pid in ids}
    assert set(store.last_assessments()) == set(ids)


def test_a_bad_client_in_the_list_saves_none_of_them(store):
    bad = CLIENTS[:2] + [("외계인", "martian", {})]
    with pytest.raises(ValueError):
        store.create_profiles(bad)
    assert store.list_profiles() == []
    assert store.all_answers() == {}


def test_last_assessments_are_the_newest_of_each_profile(store, pack):
    ids = store.create_profiles(CLIENTS)
    assert store.last_assessments() == {}
    first = [(pid, evaluate(pack, store.get_answers(pid), AS_OF)) for pid in ids]
    assert store.save_assessments(first) == 3
    later = [(ids[0], evaluate(pack, store.get_answers(ids[0]), AS_OF + dt.timedelta(days=30)))]
    store.save_assessments(later)
    newest = store.last_assessments()
    assert newest[ids[0]].as_of == AS_OF + dt.timedelta(days=30)
    assert newest[ids[1]].as_of == AS_OF
    assert newest[ids[0]] == store.last_assessment(ids[0])
