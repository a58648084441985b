"""Assessment history with the real rule files: snapshots, last assessment, stale profiles after a
rules change, and which programs changed outcome."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections import Counter

import pytest

from desktop.engine import evaluate, load_profile, load_rules
from desktop.paths import rules_dir, seeds_dir
from desktop.storage import AssessmentRecord, ProfileSummary, StatusChange, status_changes
from desktop.storage.codec import encode_answers

CASES = sorted(rules_dir().joinpath("cases").glob("*.yaml"))
PARTS_MAKER = rules_dir() / "cases" / "company-parts-maker-eligible.yaml"


@pytest.fixture(scope="module")
def pack():
    return load_rules()


@pytest.fixture(scope="module")
def parts_maker(pack):
    return load_profile(PARTS_MAKER, pack)


def stored_profile(store, profile) -> int:
    return store.create_profile(profile.name, profile.applicant_type, profile.answers)


def expected_counts(assessment) -> dict[str, int]:
    counts = Counter(result.status for result in assessment.programs)
    return {status: counts[status] for status in ("eligible", "ineligible", "undetermined")}


def test_saved_row_and_snapshot(store, clock, pack, parts_maker):
    pid = stored_profile(store, parts_maker)  # tick 1
    assessment = evaluate(pack, store.get_answers(pid), parts_maker.today)
    aid = store.save_assessment(pid, assessment)  # tick 2
    counts = expected_counts(assessment)
    [row] = list(store.db["assessments"].rows)
    own, facts = json.loads(row.pop("snapshot")), json.loads(row.pop("program_facts"))
    assert row == {
        "id": aid, "profile_id": pid, "created": clock.stamp(2),
        "as_of": parts_maker.today.isoformat(), "rules_version": pack.version, **counts,
        "changes": None,
    }
    # The row keeps the profile's own part and the programs' names and deadlines apart; the
    # record puts them back together.
    assert own["programs"] == {r.id: [r.status, list(r.missing), list(r.failed)] for r in assessment.programs}
    assert own["answers"] == encode_answers(dict(assessment.answers))
    assert list(facts) == [r.id for r in assessment.programs]
    snapshot = store.last_assessment(pid).snapshot
    assert {pid: {"name": e["name"], "deadline": e["deadline"]} for pid, e in snapshot["programs"].items()} == facts
    assert snapshot["format"] == own["format"] == 2
    assert snapshot["as_of"] == parts_maker.today.isoformat()
    assert snapshot["rules_version"] == pack.version
    assert snapshot["programs"] == {
        r.id: {
            "status": r.status,
            "name": {"ko": r.program.name.ko, "en": r.program.name.en},
            "missing": list(r.missing),
            "failed": list(r.failed),
            "deadline": {
                "status": r.deadline.status,
                "opens": r.deadline.opens.isoformat() if r.deadline.opens else None,
                "closes": r.deadline.closes.isoformat() if r.deadline.closes else None,
                "round": r.deadline.round_id,
                "estimated": r.deadline.estimated,
            },
        }
        for r in assessment.programs
    }
    record = store.last_assessment(pid)
    assert record == AssessmentRecord(
        id=aid, profile_id=pid, created=clock.at(2), as_of=parts_maker.today,
        rules_version=pack.version, counts=counts, snapshot=snapshot,
    )
    # The answers it was made from come back with their types.
    assert record.answers() == assessment.answers == parts_maker.answers
    assert record.statuses() == {r.id: r.status for r in assessment.programs}


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_every_case_gives_its_outcomes_from_stored_answers(db_path, pack, case):
    """Answers that went through the database assess exactly as the file's own answers.

    (Whether those outcomes are the ones the case expects is the rule cases' own test.)
    """
    from desktop.storage import open_store

    profile = load_profile(case, pack)
    with open_store(db_path) as store:
        pid = stored_profile(store, profile)
    with open_store(db_path) as store:
        answers = store.get_answers(pid)
        assert answers == profile.answers
        assessment = evaluate(pack, answers, profile.today)
        store.save_assessment(pid, assessment)
        saved = store.last_assessment(pid).statuses()
    from_file = evaluate(pack, profile.answers, profile.today)
    assert saved == {r.id: r.status for r in from_file.programs}


def test_history_newest_first_and_the_list_summary(store, clock, pack, parts_maker):
    pid = stored_profile(store, parts_maker)  # 1
    other = store.create_profile("아직 평가 전", "school")  # 2
    first = evaluate(pack, store.get_answers(pid), dt.date(2026, 1, 10))
    store.save_assessment(pid, first)  # 3
    store.set_answer(pid, "tax_arrears", True)  # 4
    second = evaluate(pack, store.get_answers(pid), dt.date(2026, 11, 21))
    store.save_assessment(pid, second)  # 5
    history = store.history(pid)
    assert [(h.as_of, h.created) for h in history] == [
        (dt.date(2026, 11, 21), clock.at(5)), (dt.date(2026, 1, 10), clock.at(3)),
    ]
    assert store.last_assessment(pid) == history[0]
    assert store.last_assessment(other) is None and store.history(other) == []
    assert store.list_profiles(pack.version) == [
        ProfileSummary(pid, parts_maker.name, "company", clock.at(4), clock.at(5),
                       dt.date(2026, 11, 21), pack.version, expected_counts(second), False),
        ProfileSummary(other, "아직 평가 전", "school", clock.at(2), None, None, None, {}, False),
    ]


def test_what_changed_after_an_answer_changed(store, pack, parts_maker):
    pid = stored_profile(store, parts_maker)
    before = evaluate(pack, store.get_answers(pid), parts_maker.today)
    store.save_assessment(pid, before)
    store.set_answer(pid, "tax_arrears", True)  # an exclusion
    after = evaluate(pack, store.get_answers(pid), parts_maker.today)
    old = store.last_assessment(pid)
    changes = store.status_changes(old.snapshot, after)
    assert changes == [
        StatusChange(b.id, b.status, a.status)
        for b, a in zip(before.programs, after.programs)
        if b.status != a.status
    ]
    assert StatusChange("sme-ax", "eligible", "ineligible") in changes
    # A record, a snapshot or an assessment can be compared alike; the same gives nothing.
    store.save_assessment(pid, after)
    assert status_changes(old, store.last_assessment(pid)) == changes
    assert status_changes(store.last_assessment(pid).snapshot, after) == []


@pytest.fixture
def changed_rules(tmp_path):
    """A copy of the rules with one program withdrawn and a comment added to another."""
    copy = tmp_path / "rules"
    shutil.copytree(rules_dir(), copy)
    (copy / "programs" / "hope-return-demolition.yaml").unlink()
    with (copy / "programs" / "sme-ax.yaml").open("a", encoding="utf-8") as out:
        out.write("\n# reviewed again, nothing changed\n")
    return copy


def test_stale_after_the_rules_change_and_what_changed(store, pack, parts_maker, changed_rules):
    new_pack = load_rules(changed_rules, seeds_dir())
    assert new_pack.version != pack.version
    assert set(pack.programs) - set(new_pack.programs) == {"hope-return-demolition"}
    pid = stored_profile(store, parts_maker)
    never = store.create_profile("새 프로필", "individual")
    assert store.is_stale(pid, pack.version) is False  # never assessed: nothing to re-check
    store.save_assessment(pid, evaluate(pack, store.get_answers(pid), parts_maker.today))
    assert store.is_stale(pid, pack.version) is False
    assert store.is_stale(pid, new_pack.version) is True
    assert [(s.id, s.stale) for s in store.list_profiles(new_pack.version)] == [
        (never, False), (pid, True),
    ]
    recheck = evaluate(new_pack, store.get_answers(pid), parts_maker.today)
    changes = status_changes(store.last_assessment(pid), recheck)
    assert changes == [StatusChange("hope-return-demolition", "ineligible", None)]
    store.save_assessment(pid, recheck)
    assert store.is_stale(pid, new_pack.version) is False
    # Back to the old rules: the program returns, as new to this profile's last check.
    again = evaluate(pack, store.get_answers(pid), parts_maker.today)
    assert status_changes(store.last_assessment(pid), again) == [
        StatusChange("hope-return-demolition", None, "ineligible")
    ]


def test_deleting_a_profile_removes_its_history(store, pack, parts_maker):
    pid = stored_profile(store, parts_maker)
    keep = stored_profile(store, parts_maker)
    for profile_id in (pid, keep):
        store.save_assessment(profile_id, evaluate(pack, parts_maker.answers, parts_maker.today))
    store.delete_profile(pid)
    assert [row["profile_id"] for row in store.db["assessments"].rows] == [keep]
