"""Profiles: create, read, list, rename, duplicate, delete, and where the wizard was."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.storage import NoSuchProfile, ProfileRecord, ProfileSummary, open_store


def test_create_and_get_whole_record(store, clock):
    pid = store.create_profile("  ㈜한빛정밀  ", "company")  # tick 1
    assert store.get_profile(pid) == ProfileRecord(
        id=pid, name="㈜한빛정밀", applicant_type="company",
        created=clock.at(1), updated=clock.at(1), position=None,
    )
    assert list(store.db["profiles"].rows) == [
        {"id": pid, "name": "㈜한빛정밀", "applicant_type": "company",
         "created": clock.stamp(1), "updated": clock.stamp(1), "position": None,
         "trashed": None},
    ]


def test_create_with_first_answers_is_all_or_nothing(store, clock):
    pid = store.create_profile("B", "individual", {"applicant_type": "individual", "age": 58,
                                                   "was_owner": True})  # tick 1
    assert store.get_answers(pid) == {"applicant_type": "individual", "age": 58,
                                      "was_owner": True}
    assert [r.answered for r in store.answer_records(pid)] == [clock.at(1), clock.at(1)]
    with pytest.raises(TypeError):
        store.create_profile("C", "individual", {"age": 58.5})
    assert [row["name"] for row in store.db["profiles"].rows] == ["B"]


def test_bad_names_and_types_are_refused(store):
    with pytest.raises(ValueError):
        store.create_profile("   ", "company")
    with pytest.raises(ValueError):
        store.create_profile("A", "government")
    assert list(store.db["profiles"].rows) == []


def test_position_is_kept_for_resuming_and_is_not_an_edit(db_path, clock):
    with open_store(db_path, clock=clock) as store:
        pid = store.create_profile("A", "school")  # tick 1
        store.set_position(pid, {"page": "finance", "question": "annual_sales", "index": 3})
    with open_store(db_path) as reopened:
        record = reopened.get_profile(pid)
        assert record.position == {"page": "finance", "question": "annual_sales", "index": 3}
        assert record.updated == clock.at(1)
        reopened.set_position(pid, None)
        assert reopened.get_profile(pid).position is None


def test_rename_changes_name_and_updated(store, clock):
    pid = store.create_profile("A", "company")  # 1
    store.rename_profile(pid, "B 주식회사")  # 2
    assert store.get_profile(pid) == ProfileRecord(pid, "B 주식회사", "company",
                                                   clock.at(1), clock.at(2), None)
    with pytest.raises(ValueError):
        store.rename_profile(pid, "")
    assert store.get_profile(pid).name == "B 주식회사"


def test_duplicate_copies_answers_and_position_not_history(store, clock):
    pid = store.create_profile("한빛", "company")  # 1
    store.set_answers(pid, {"employees": 40, "industry": "C25", "founded": None})  # 2
    store.set_position(pid, {"question": "industry"})
    copy = store.duplicate_profile(pid)  # 3
    named = store.duplicate_profile(pid, "한빛 2025")  # 4
    assert store.get_profile(copy) == ProfileRecord(
        copy, "한빛 (사본)", "company", clock.at(3), clock.at(3), {"question": "industry"}
    )
    assert store.get_profile(named).name == "한빛 2025"
    assert store.get_answers(copy) == store.get_answers(pid) == {
        "applicant_type": "company", "employees": 40, "industry": "C25", "founded": None,
    }
    # Each answer keeps when it was given.
    assert store.answer_records(copy) == store.answer_records(pid)
    # The copy is independent.
    store.set_answer(copy, "employees", 41)
    assert store.get_answers(pid)["employees"] == 40
    assert store.history(copy) == []


def test_delete_takes_answers_and_assessments_with_it(store):
    keep = store.create_profile("keep", "individual")
    gone = store.create_profile("gone", "company")
    store.set_answer(keep, "age", 30)
    store.set_answer(gone, "employees", 3)
    store.db["assessments"].insert({  # a row as save_assessment writes it
        "profile_id": gone, "created": "2025-03-01T00:00:00.000000+00:00", "as_of": "2025-03-01",
        "rules_version": "v1", "eligible": 0, "ineligible": 0, "undetermined": 0,
        "snapshot": "{}",
    })
    store.delete_profile(gone)
    assert [row["id"] for row in store.db["profiles"].rows] == [keep]
    assert [row["profile_id"] for row in store.db["answers"].rows] == [keep]
    assert list(store.db["assessments"].rows) == []
    with pytest.raises(NoSuchProfile):
        store.get_profile(gone)
    with pytest.raises(NoSuchProfile):
        store.delete_profile(gone)


def test_list_without_assessments(store, clock):
    first = store.create_profile("첫째", "company")  # 1
    second = store.create_profile("둘째", "school")  # 2
    store.set_answer(first, "employees", 5)  # 3: first is now the most recently changed
    assert store.list_profiles() == [
        ProfileSummary(first, "첫째", "company", clock.at(3), None, None, None, {}, None),
        ProfileSummary(second, "둘째", "school", clock.at(2), None, None, None, {}, None),
    ]
    # Never assessed: nothing to re-check.
    assert [s.stale for s in store.list_profiles("any-version")] == [False, False]


def test_missing_profile_ids(store):
    for call in (store.get_profile, store.history, store.last_assessment):
        with pytest.raises(NoSuchProfile):
            call(404)
    with pytest.raises(NoSuchProfile):
        store.rename_profile(404, "x")
    with pytest.raises(NoSuchProfile):
        store.duplicate_profile(404)
    with pytest.raises(NoSuchProfile):
        store.set_position(404, {})


def test_trash_keeps_everything_until_restored(store, clock):
    keep = store.create_profile("keep", "individual")  # 1
    gone = store.create_profile("gone", "company")  # 2
    store.set_answer(gone, "employees", 3)  # 3
    store.trash_profile(gone)  # 4
    assert [s.id for s in store.list_profiles()] == [keep]
    with pytest.raises(NoSuchProfile):
        store.get_answers(gone)
    with pytest.raises(NoSuchProfile):
        store.trash_profile(gone)
    [(record, when)] = store.trashed_profiles()
    assert (record.id, record.name, when) == (gone, "gone", clock.at(4))
    # the rows are all still there
    assert [row["profile_id"] for row in store.db["answers"].rows] == [gone]

    store.restore_profile(gone)
    assert store.get_answers(gone) == {"applicant_type": "company", "employees": 3}
    assert sorted(s.id for s in store.list_profiles()) == [keep, gone]
    assert store.trashed_profiles() == []
    with pytest.raises(NoSuchProfile):
        store.restore_profile(gone)  # not in the trash


def test_trash_older_than_thirty_days_is_emptied_when_the_file_is_opened(db_path, clock):
    store = open_store(db_path, clock=clock)
    old = store.create_profile("old", "company")
    recent = store.create_profile("recent", "school")
    store.set_answer(old, "employees", 3)
    store.trash_profile(old)
    clock.current += dt.timedelta(days=29)
    store.trash_profile(recent)
    store.close()

    clock.current += dt.timedelta(days=2)  # old: 31 days in the trash; recent: 2
    with open_store(db_path, clock=clock) as again:
        assert [r.id for r, _ in again.trashed_profiles()] == [recent]
        assert list(again.db["answers"].rows) == []
        with pytest.raises(NoSuchProfile):
            again.restore_profile(old)
