"""What changed for one profile: only programs with a change, one line per cause."""

import datetime as dt
import re
import shutil

import pytest

from desktop.engine import load_rules
from desktop.engine.profile import load_profile
from desktop.engine.what_changed import recheck
from rule_edits import edit

D = dt.date


def test_dated_ceiling_explains_itself(pack, rules_dir):
    answers = load_profile(rules_dir / "cases" / "company-food-1100-2025.yaml", pack).answers
    changes = recheck(pack, pack, answers, D(2025, 6, 1), D(2026, 6, 1))
    flipped = {p.program_id: (p.old_status, p.new_status) for p in changes.outcome_changes}
    assert flipped == {
        "sme-ax": ("ineligible", "eligible"),
        "ai-vocational-training": ("undetermined", "eligible"),
        "smart-factory-depreciation": ("ineligible", "eligible"),
    }
    # An estimated window that rolls on to the next year is the calendar, not a change.
    assert {p.program_id for p in changes.programs} == set(flipped)
    sme_ax = next(p for p in changes.programs if p.program_id == "sme-ax")
    assert [c.text.en for c in sme_ax.causes] == [
        "SME sales ceiling for the industry moved from KRW 100 billion to KRW 120 billion — your KRW 110 billion now fits"
    ]
    assert [c.text.ko for c in sme_ax.causes] == [
        "업종별 중소기업 매출액 기준이 1,000억 원에서 1,200억 원으로 바뀌었습니다 — 1,100억 원이 이제 기준에 맞습니다"
    ]
    back = recheck(pack, pack, answers, D(2026, 6, 1), D(2025, 6, 1))
    sme_ax = next(p for p in back.programs if p.program_id == "sme-ax")
    assert sme_ax.causes[0].text.en.endswith("— your KRW 110 billion no longer fits")
    assert sme_ax.causes[0].text.ko.endswith("— 1,100억 원은 이제 기준에 맞지 않습니다")


def test_same_rules_same_day_changes_nothing(pack, rules_dir):
    answers = load_profile(rules_dir / "cases" / "company-food-near-miss.yaml", pack).answers
    changes = recheck(pack, pack, answers, D(2026, 11, 21), D(2026, 11, 21))
    assert not changes.changed and changes.lines() == []


@pytest.fixture
def updated(tmp_path, rules_dir):
    shutil.copytree(rules_dir, tmp_path / "rules")
    shutil.copytree(rules_dir.parent / "seeds", tmp_path / "seeds")
    ax = tmp_path / "rules" / "programs" / "ax-grad-school.yaml"
    text = ax.read_text(encoding="utf-8")
    block = re.search(r"    - id: company_consortium\n(      .*\n)+", text).group(0)
    ax.write_text(text.replace(block, ""), encoding="utf-8")
    hs = tmp_path / "rules" / "programs" / "sme-specialized-hs.yaml"
    edit(hs, "recurrence:\n", (
        '  - id: "2027"\n    kind: fixed\n    opens: 2027-01-12\n    closes: 2027-02-13\n'
        "    source: [mss-2025-01-specialized-hs-call#deadline-2025]\nrecurrence:\n"))
    new = load_rules(tmp_path / "rules")
    assert new.errors == ()
    return new


def test_update_names_the_causes_per_program(pack, updated):
    school = {"applicant_type": "school", "school_type": "university",
              "ax_track": "designated", "ax_consortium_midlarge": False, "ax_grad_students": 45,
              "university_status": []}
    changes = recheck(pack, updated, school, D(2026, 12, 1), D(2026, 12, 1))
    assert [(p.program_id, p.old_status, p.new_status) for p in changes.programs] == [
        ("ax-grad-school", "ineligible", "eligible")]
    assert [c.kind for c in changes.programs[0].causes] == ["criterion_removed"]
    assert changes.programs[0].causes[0].text.en.startswith("criterion dropped: Must apply with a company consortium")


def test_round_announced_replaces_the_estimate(pack, updated, rules_dir):
    answers = load_profile(rules_dir / "cases" / "school-specialized-seoul.yaml", pack).answers
    changes = recheck(pack, updated, answers, D(2026, 12, 1), D(2026, 12, 1))
    hs = {p.program_id: p for p in changes.programs}
    assert hs["sme-specialized-hs"].old_status == hs["sme-specialized-hs"].new_status == "eligible"
    assert [c.text.en for c in hs["sme-specialized-hs"].causes] == [
        "the 2027 round was announced: 2027-01-12 – 2027-02-13, replacing the estimate"]
    assert hs["sme-specialized-hs"].causes[0].text.ko == "2027 회차가 공고되었습니다: 2027-01-12 ~ 2027-02-13 (추정 일정을 대체)"
    unaffected = {"applicant_type": "individual", "birth_date": D(1990, 1, 1)}
    assert not recheck(pack, updated, unaffected, D(2026, 12, 1), D(2026, 12, 1)).changed
