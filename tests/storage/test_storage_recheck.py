"""Re-checking every saved profile after an update: one transaction of writes, only the profiles
with a change flagged, each with its causes; and the watch list."""

import datetime as dt
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.engine import evaluate
from desktop.engine.profile import load_profile
from desktop.storage.recheck import NO_OLD_RULES
from rule_edits import move_c11_ceiling, rules_with_c11_moved

D = dt.date


def _saved(store, pack, rules_dir, case, day):
    answers = load_profile(rules_dir / "cases" / case, pack).answers
    pid = store.create_profile(case, answers["applicant_type"], answers)
    store.save_assessment(pid, evaluate(pack, store.get_answers(pid), day))
    return pid


def test_recheck_flags_only_changed_profiles(store, pack, rules_dir):
    food = _saved(store, pack, rules_dir, "company-food-1100-2025.yaml", D(2025, 6, 1))
    school = _saved(store, pack, rules_dir, "school-specialized-seoul.yaml", D(2026, 6, 1))
    never = store.create_profile("never assessed", "individual")
    statements = []
    store.db.conn.set_trace_callback(statements.append)
    changed = store.recheck_all(pack, D(2026, 6, 1), {pack.version: pack})
    store.db.conn.set_trace_callback(None)
    assert [c.profile_id for c in changed] == [food]
    causes = [c.text.en for p in changed[0].changes.programs if p.program_id == "sme-ax" for c in p.causes]
    assert causes == ["SME sales ceiling for the industry moved from KRW 100 billion to KRW 120 billion "
                      "— your KRW 110 billion now fits"]
    # Every write in one transaction: one BEGIN and one COMMIT around the two new assessments.
    inserts = [s for s in statements if s.lstrip().upper().startswith("INSERT")]
    assert len(inserts) == 2 and all(s.startswith("INSERT INTO assessments") for s in inserts)
    assert [s for s in statements if s.split()[0].upper() in ("BEGIN", "COMMIT")] == ["BEGIN IMMEDIATE", "COMMIT"]
    assert len(store.history(food)) == len(store.history(school)) == 2 and store.history(never) == []
    flagged = store.flagged_profiles()
    assert list(flagged) == [food]
    assert any(p["program"] == "sme-ax" and p["new_status"] == "eligible" for p in flagged[food]["ko"]["programs"])
    assert store.last_assessment(school).as_of == D(2026, 6, 1)
    # Checked again on the same day under the same rules: nothing to flag any more.
    assert store.recheck_all(pack, D(2026, 6, 1), {pack.version: pack}) == []
    assert store.flagged_profiles() == {}


def test_recheck_without_the_earlier_rules_says_so(store, pack, rules_dir):
    food = _saved(store, pack, rules_dir, "company-food-1100-2025.yaml", D(2025, 6, 1))
    [changed] = store.recheck_all(pack, D(2026, 6, 1), {})
    assert changed.profile_id == food
    sme_ax = next(p for p in changed.changes.programs if p.program_id == "sme-ax")
    assert (sme_ax.old_status, sme_ax.new_status) == ("ineligible", "eligible")
    assert [c.text for c in sme_ax.causes] == [NO_OLD_RULES]
    stored = json.loads(store.db.execute("SELECT changes FROM assessments ORDER BY id DESC LIMIT 1").fetchone()[0])
    assert stored["en"]["changed"] is True


def test_recheck_in_batches_stops_between_them_and_the_change_reads_back(store, pack, rules_dir):
    food = _saved(store, pack, rules_dir, "company-food-1100-2025.yaml", D(2025, 6, 1))
    school = _saved(store, pack, rules_dir, "school-specialized-seoul.yaml", D(2026, 6, 1))
    never = store.create_profile("never assessed", "individual")
    statements, told = [], []
    store.db.conn.set_trace_callback(statements.append)
    changed = store.recheck_all(pack, D(2026, 6, 1), {pack.version: pack},
                                lambda done, total: told.append((done, total)) or False,
                                batch=1, only=[food, never, school])
    store.db.conn.set_trace_callback(None)
    # the first batch written whole in its own transaction, then stopped: nobody after it
    assert told == [(1, 3)] and [c.profile_id for c in changed] == [food]
    assert [s for s in statements if s.split()[0].upper() in ("BEGIN", "COMMIT")] == ["BEGIN IMMEDIATE", "COMMIT"]
    assert len(store.history(food)) == 2 and len(store.history(school)) == 1 and store.history(never) == []
    # the rest, one transaction each; a profile never assessed gets its first assessment
    store.recheck_all(pack, D(2026, 6, 1), {pack.version: pack}, lambda d, t: told.append((d, t)),
                      batch=1, only=[never, school])
    assert told[1:] == [(1, 2), (2, 2)]
    assert len(store.history(never)) == 1 and len(store.history(school)) == 2
    assert store.last_rules_versions() == {food: pack.version, school: pack.version, never: pack.version}
    # what was stored reads back as the same change, laid out by the same lines
    back = store.flagged_changes()
    assert list(back) == [food]
    assert back[food].lines("ko") == changed[0].changes.lines("ko")
    assert back[food].lines("en") == changed[0].changes.lines("en")
    assert [p.program_id for p in back[food].programs] == [p.program_id for p in changed[0].changes.programs]


def test_watch_list(store):
    assert store.watched_programs() == []
    store.set_watched("sme-ax", True)
    store.set_watched("smart-factory", True)
    store.set_watched("sme-ax", True)
    assert store.watched_programs() == ["sme-ax", "smart-factory"]
    store.set_watched("sme-ax", False)
    assert store.watched_programs() == ["smart-factory"]


def test_carried_over_results_are_what_a_full_assessment_gives(store, pack, rules_dir, tmp_path):
    """Programs the update cannot have touched keep their stored results; every row the re-check
    writes is exactly the snapshot of assessing the profile afresh under the new rules."""
    import shutil

    from desktop.engine import load_rules
    from desktop.storage.assessments import snapshot

    shutil.copytree(rules_dir, tmp_path / "rules")
    shutil.copytree(rules_dir.parent / "seeds", tmp_path / "seeds")
    ax = tmp_path / "rules" / "programs" / "ax-grad-school.yaml"
    ax.write_text(ax.read_text(encoding="utf-8").replace("ax_grad_students >= 40", "ax_grad_students >= 30"),
                  encoding="utf-8")
    new = load_rules(tmp_path / "rules")
    assert new.errors == ()
    cases = sorted(p.name for p in (rules_dir / "cases").glob("*.yaml"))[::3]
    saved = {}
    for i, case in enumerate(cases):
        saved[_saved(store, pack, rules_dir, case, (D(2025, 6, 1), D(2026, 12, 1))[i % 2])] = case
    edited = next(iter(saved))  # answered differently since its last check: assessed in full
    store.clear_answer(edited, [q for q in store.get_answers(edited) if q != "applicant_type"][-1])
    changed = store.recheck_all(new, D(2026, 12, 1), {pack.version: pack, new.version: new})
    for pid in saved:
        row = store.last_assessment(pid)
        assert row.rules_version == new.version
        assert row.snapshot == snapshot(evaluate(new, store.get_answers(pid), D(2026, 12, 1))), saved[pid]
    assert {c.profile_id for c in changed} <= set(saved)


def test_what_a_recheck_reports_is_what_two_full_assessments_give(store, pack, rules_dir, tmp_path):
    """An update with a moved limit, a new round and a moved SME ceiling, profiles checked on two
    days: each profile's changes are exactly the engine's what-changed between a full assessment
    under the earlier rules and one under the new, and each row's text is the snapshot's JSON."""
    import shutil

    from desktop.engine import load_rules
    from desktop.engine.what_changed import what_changed
    from desktop.storage.assessments import snapshot, stored_texts

    shutil.copytree(rules_dir, tmp_path / "rules")
    shutil.copytree(rules_dir.parent / "seeds", tmp_path / "seeds")
    programs = tmp_path / "rules" / "programs"
    ax = programs / "ax-grad-school.yaml"
    ax.write_text(ax.read_text(encoding="utf-8").replace("ax_grad_students >= 40", "ax_grad_students >= 30"),
                  encoding="utf-8")
    hs = programs / "sme-specialized-hs.yaml"
    hs.write_text(hs.read_text(encoding="utf-8").replace("recurrence:\n", (
        '  - id: "2027"\n    kind: fixed\n    opens: 2027-01-12\n    closes: 2027-02-13\n'
        "    source: [mss-2025-01-specialized-hs-call#deadline-2025]\nrecurrence:\n"), 1), encoding="utf-8")
    move_c11_ceiling(tmp_path / "rules")
    new = load_rules(tmp_path / "rules")
    assert new.errors == ()
    days = (D(2025, 6, 1), D(2026, 12, 1))
    saved = {}
    for i, case in enumerate(sorted(p.name for p in (rules_dir / "cases").glob("*.yaml"))):
        saved[_saved(store, pack, rules_dir, case, days[i % 2])] = days[i % 2]
    changed = {c.profile_id: c.changes
               for c in store.recheck_all(new, D(2026, 12, 1), {pack.version: pack, new.version: new})}
    expected = {}
    for pid, day in saved.items():
        answers = store.get_answers(pid)
        full = evaluate(new, answers, D(2026, 12, 1))
        changes = what_changed(evaluate(pack, answers, day), full, pack, new)
        if changes.changed:
            expected[pid] = changes
        stored = store.db.execute("SELECT snapshot, program_facts FROM assessments WHERE profile_id = ? "
                                  "ORDER BY id DESC", [pid]).fetchone()
        assert tuple(stored) == stored_texts(snapshot(full))
    assert changed == expected
    kinds = {c.kind for changes in changed.values() for p in changes.programs for c in p.causes}
    assert {"round", "value"} <= kinds  # the new round and the moved ceiling both reach someone


# ---------------------------------------------------------------- one moved table entry

ABSENT = "absent"
COMPANY_CASES = sorted(p.name for p in (Path(__file__).resolve().parents[2] / "rules" / "cases").glob("company-*.yaml"))


@pytest.fixture(scope="module")
def one_entry(tmp_path_factory, rules_dir):
    """The shipped rules with the SME sales ceiling of C11 (beverages) moved from 800억 to 900억."""
    return rules_with_c11_moved(rules_dir, tmp_path_factory.mktemp("one-entry"))


def _recheck_against_full(store, pack, new, day, ids, check):
    """What `recheck_all` reports after the update to `new`, and what it should report: the
    changes between full assessments of each profile under `pack` and under `new` on `day`.
    `check(pid, full)` is called for each profile with its full assessment under `new`."""
    from desktop.engine.what_changed import what_changed

    changed = {c.profile_id: c.changes
               for c in store.recheck_all(new, day, {pack.version: pack, new.version: new})}
    expected = {}
    for pid in ids:
        answers = store.get_answers(pid)
        full = evaluate(new, answers, day)
        check(pid, full)
        changes = what_changed(evaluate(pack, answers, day), full, pack, new)
        if changes.changed:
            expected[pid] = changes
    return changed, expected


@st.composite
def company(draw, pack, rules_dir):
    """A company case from the rules, with its industry and sales drawn (the moved industry, its
    finer codes, others, "I don't know", unanswered) and some other answers left out."""
    answers = dict(load_profile(rules_dir / "cases" / draw(st.sampled_from(COMPANY_CASES)), pack).answers)
    for qid in [q for q in answers if q != "applicant_type"]:
        if draw(st.integers(0, 4)) == 0:
            del answers[qid]
    for qid, values in (("industry", (ABSENT, None, "C11", "C1120", "C10", "C25", "C31202", "S94")),
                        ("avg_sales_3y", (ABSENT, None, 50_000_000_000, 79_999_999_999, 80_000_000_000,
                                          85_000_000_000, 90_000_000_000, 90_000_000_001))):
        value = draw(st.sampled_from(values))
        if value == ABSENT:
            answers.pop(qid, None)
        else:
            answers[qid] = value
    return answers


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_recheck_after_a_moved_table_entry_writes_what_full_assessments_give(pack, rules_dir, one_entry, data):
    """Differential: generated companies saved under the shipped rules, re-checked after the
    C11 ceiling moved; programs carried over for industries that never reach C11. Every row
    written is the snapshot of a full assessment under the new rules, and the changes are those
    of two full assessments."""
    from desktop.storage import open_store
    from desktop.storage.assessments import snapshot, stored_texts

    # A food maker between the two ceilings, always among them: not an SME before, one now.
    beverages = dict(load_profile(rules_dir / "cases" / "company-food-near-miss.yaml", pack).answers,
                     industry="C11", avg_sales_3y=85_000_000_000)
    profiles = [beverages] + data.draw(st.lists(company(pack, rules_dir), min_size=1, max_size=8))
    day = data.draw(st.sampled_from((D(2025, 6, 1), D(2026, 12, 1))))
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "profiles.db") as store:
        ids = []
        for i, answers in enumerate(profiles):
            pid = store.create_profile(f"p{i}", "company", answers)
            store.save_assessment(pid, evaluate(pack, store.get_answers(pid), day))
            ids.append(pid)
        def row_is_the_snapshot(pid, full):
            stored = store.db.execute("SELECT snapshot, program_facts FROM assessments WHERE profile_id = ? "
                                      "ORDER BY id DESC", [pid]).fetchone()
            assert tuple(stored) == stored_texts(snapshot(full)), store.get_answers(pid)

        changed, expected = _recheck_against_full(store, pack, one_entry, day, ids, row_is_the_snapshot)
        assert changed == expected
        moved = {p.program_id: (p.old_status, p.new_status) for p in changed[ids[0]].programs}
        assert moved["sme-ax"] == ("ineligible", "eligible")


def test_checks_stored_whole_before_are_read_and_rechecked_alike(store, pack, rules_dir, one_entry):
    """Rows from before the programs' facts had a column of their own (format 1: the whole
    snapshot in one text) read back as they were, and a re-check from them writes and reports
    what it does from rows stored now."""
    from desktop.storage.assessments import snapshot

    day = D(2026, 12, 1)
    cases = [c for c in COMPANY_CASES if "food" in c or "parts" in c] + ["individual-bar-owner.yaml"]
    saved = [_saved(store, pack, rules_dir, case, day) for case in cases]
    beverages = store.create_profile("beverages", "company", dict(
        load_profile(rules_dir / "cases" / "company-food-near-miss.yaml", pack).answers,
        industry="C11", avg_sales_3y=85_000_000_000))
    store.save_assessment(beverages, evaluate(pack, store.get_answers(beverages), day))
    saved.append(beverages)
    whole = {}
    for pid in saved:
        data = dict(snapshot(evaluate(pack, store.get_answers(pid), day)), format=1)
        whole[pid] = data
        store.db.execute("UPDATE assessments SET snapshot = ?, program_facts = NULL WHERE profile_id = ?",
                         [json.dumps(data, ensure_ascii=False), pid])
    store.db.conn.commit()
    for pid in saved:
        assert store.last_assessment(pid).snapshot == whole[pid]
    def last_is_the_snapshot(pid, full):
        assert store.last_assessment(pid).snapshot == snapshot(full)

    changed, expected = _recheck_against_full(store, pack, one_entry, day, saved, last_is_the_snapshot)
    assert changed == expected and beverages in changed
    # Without the earlier rules, a whole row still says what changed, from its record.
    for pid in saved:
        store.db.execute("UPDATE assessments SET snapshot = ?, program_facts = NULL WHERE id = "
                         "(SELECT MAX(id) FROM assessments WHERE profile_id = ?)",
                         [json.dumps(whole[pid], ensure_ascii=False), pid])
    store.db.conn.commit()
    [flagged] = store.recheck_all(one_entry, day, {})
    assert flagged.profile_id == beverages
    sme_ax = next(p for p in flagged.changes.programs if p.program_id == "sme-ax")
    assert (sme_ax.old_status, sme_ax.new_status) == ("ineligible", "eligible")
    assert [c.text for c in sme_ax.causes] == [NO_OLD_RULES]
