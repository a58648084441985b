"""The explanation of each outcome, on the real rules and cases: deciding reasons, what to
confirm, near-miss bands, the badge against the deadline, the deadline sentence, source age."""

import datetime as dt
import shutil
from pathlib import Path

import pytest

from desktop.engine import evaluate, load_profile, load_rules
from desktop.engine.explain import (
    badge_of, deadline_sentence, deadline_short, explain, explain_all, left_out_line, rules_label,
    rules_name, window_case,
)
from desktop.engine.formatting import near_miss_text
from desktop.engine.model import Deadline, NearMiss
from desktop.engine.source_age import is_old

CASES = sorted(Path("rules/cases").glob("*.yaml"))


@pytest.fixture(scope="module")
def pack():
    p = load_rules()
    assert p.errors == ()
    return p


def case(pack, name):
    prof = load_profile(f"rules/cases/{name}.yaml", pack)
    return evaluate(pack, prof.answers, prof.today)


def texts(lines, lang="ko"):
    return [line.text.get(lang) for line in lines]


def test_specialized_school_never_sees_the_other_branch(pack):
    for name in ("school-specialized-seoul", "school-specialized-gyeongbuk",
                 "school-specialized-no-sme-training"):
        a = case(pack, name)
        for pid, e in explain_all(pack, a).items():
            if not e.for_applicant:
                continue
            said = " ".join(texts(e.reasons) + texts(e.to_confirm) + texts(e.reasons, "en"))
            assert "마이스터고" not in said and "Meister" not in said, (name, pid, said)
    e = explain(pack, case(pack, "school-specialized-seoul"),
                case(pack, "school-specialized-seoul").by_id("sme-specialized-hs"))
    assert e.status == "eligible" and "특성화고일 것" in texts(e.reasons)


def test_either_or_failing_everywhere_is_one_reason_naming_both(pack):
    a = evaluate(pack, {"applicant_type": "school", "school_type": "university",
                        "tailored_class_plan": True, "sme_understanding_training": True},
                 dt.date(2026, 11, 21))
    e = explain(pack, a, a.by_id("sme-specialized-hs"))
    assert e.status == "ineligible"
    (reason,) = e.reasons
    assert "특성화고일 것" in reason.text.ko and "마이스터고 또는 일반고 직업계열" in reason.text.ko
    assert "none is met" in reason.text.en
    assert set(reason.criteria) == {"specialized_school", "other_vocational_school"}


def test_eligible_by_one_route_lists_only_that_route(pack):
    a = case(pack, "individual-young-jobseeker")
    e = explain(pack, a, a.by_id("nesp-type1"))
    assert e.status == "eligible"
    said = texts(e.reasons)
    assert any("(선발형)" in t for t in said)
    assert not any("(요건심사형)" in t for t in said)  # a failed alternative is never a reason


def test_to_confirm_says_what_must_hold(pack):
    a = case(pack, "company-parts-maker-eligible")
    e = explain(pack, a, a.by_id("sme-ax"))
    assert e.status == "eligible"
    assert "국세·지방세 체납이 없어야 합니다 — 확인 필요" in texts(e.to_confirm)
    assert not any("체납" in t for t in texts(e.reasons))
    # exclusions written for individuals are nothing a company must confirm
    e2 = explain(pack, a, a.by_id("ai-vocational-training"))
    assert not any("공무원" in t for t in texts(e2.to_confirm))


def test_undetermined_reasons_are_the_deciding_questions(pack):
    a = evaluate(pack, {"applicant_type": "company", "industry": "C25"}, dt.date(2026, 11, 21))
    for r in a.programs:
        e = explain(pack, a, r)
        if r.status != "undetermined":
            continue
        assert set(e.questions) == set(r.missing)
        assert [q for line in e.reasons for q in line.questions] == list(e.questions)
        assert e.reasons, r.program.id


def test_near_miss_only_within_the_band(pack):
    old = case(pack, "individual-older-jobseeker")  # 72 against a 69 / 34 limit
    assert old.by_id("nesp-type1").near_misses == ()
    near = case(pack, "company-food-near-miss")
    (nm,) = near.by_id("sme-ax").near_misses
    assert nm.by == 3_000_000_000
    e = explain(pack, near, near.by_id("sme-ax"))
    assert texts(e.near_misses) == ["최근 3년 평균 매출액 1,230억 원이 한도 1,200억 원을 30억 원 초과"]


@pytest.mark.parametrize("name, program, ko, en", [
    ("individual-young-jobseeker", "nesp-type2",
     "가구 소득(기준 중위소득 대비 %) 110%가 한도 100%를 10%포인트 초과",
     "Household income as a percentage of the standard median income 110% is above the 100% "
     "limit by 10 percentage points"),
    ("individual-nesp-income-one-point-over", "nesp-type1",
     "가구 소득(기준 중위소득 대비 %) 61%가 한도 60%를 1%포인트 초과",
     "Household income as a percentage of the standard median income 61% is above the 60% "
     "limit by 1 percentage point"),
])
def test_a_percentage_near_miss_names_its_base_once(pack, name, program, ko, en):
    a = case(pack, name)
    e = explain(pack, a, a.by_id(program))
    assert texts(e.near_misses) == [ko]
    assert texts(e.near_misses, "en") == [en]
    for text in (ko, en):
        assert text.count("중위소득") + text.count("median") == 1


def test_near_miss_band_defaults(mini_pack):
    day = dt.date(2026, 3, 10)
    base = {"applicant_type": "company", "industry": "C25", "in_big_group": False,
            "founded": dt.date(2015, 3, 1), "tax_arrears": False}
    inside = evaluate(mini_pack, dict(base, avg_sales_3y=130_000_000_000), day)  # 8% over
    outside = evaluate(mini_pack, dict(base, avg_sales_3y=140_000_000_000), day)  # 17% over
    assert len(inside.by_id("sme-grant").near_misses) == 1
    assert outside.by_id("sme-grant").near_misses == ()
    person = {"applicant_type": "individual", "income_pct": 50}
    assert evaluate(mini_pack, dict(person, age=13), day).by_id("job-support").near_misses  # 2 years
    assert evaluate(mini_pack, dict(person, age=12), day).by_id("job-support").near_misses == ()


def test_rule_file_sets_its_own_band(mini_dir):
    path = mini_dir / "programs" / "sme-grant.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(
        'expr: "avg_sales_3y <= lookup(\'sme_sales_ceiling\', industry)"',
        'expr: "avg_sales_3y <= lookup(\'sme_sales_ceiling\', industry)"\n      near_within: "30%"'),
        encoding="utf-8")
    pack = load_rules(mini_dir, mini_dir.parent / "seeds")
    assert pack.errors == ()
    a = evaluate(pack, {"applicant_type": "company", "industry": "C25", "in_big_group": False,
                        "avg_sales_3y": 150_000_000_000, "founded": dt.date(2015, 3, 1),
                        "tax_arrears": False}, dt.date(2026, 3, 10))
    assert len(a.by_id("sme-grant").near_misses) == 1  # 25% over, inside its own 30% band


def test_a_bad_band_is_reported_with_its_line(mini_dir):
    path = mini_dir / "programs" / "sme-grant.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('expr: "not in_big_group"',
                                 'expr: "not in_big_group"\n      near_within: "lots"'),
                    encoding="utf-8")
    pack = load_rules(mini_dir, mini_dir.parent / "seeds")
    (err,) = [e for e in pack.errors if "near_within" in e.words()]
    assert str(err).startswith("rules/programs/sme-grant.yaml:") and err.line > 1


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_badge_never_contradicts_the_deadline(pack, path):
    prof = load_profile(path, pack)
    a = evaluate(pack, prof.answers, prof.today)
    for r in a.programs:
        e = explain(pack, a, r)
        is_open = r.deadline.status in ("open", "rolling")
        assert (e.badge == "open_call") == is_open, (r.program.id, e.badge, r.deadline.status)
        for lang in ("ko", "en"):
            for line in (*e.reasons, *e.to_confirm, *e.near_misses):
                assert line.text.get(lang).strip()


def test_deadline_sentences():
    today = dt.date(2026, 11, 21)
    d = Deadline("open", dt.date(2026, 11, 1), dt.date(2026, 12, 3), 12, False, "r", "fixed")
    assert "D-12" in deadline_sentence(d, today).ko and "12 days left" in deadline_sentence(d, today).en
    est = Deadline("not_announced", dt.date(2027, 1, 15), dt.date(2027, 2, 12), 83, True, None, "estimated")
    s = deadline_sentence(est, today)
    assert s.ko.startswith("약 55일 후") and "estimate" in s.en and "about 55 days" in s.en
    budget = Deadline("open", dt.date(2026, 1, 5), None, None, False, "r", "budget")
    assert "예산" in deadline_sentence(budget, today).ko
    rolling = Deadline("rolling", dt.date(2026, 1, 1), None, None, False, "r", "rolling")
    assert deadline_sentence(rolling, today).ko == "상시 접수"


def test_an_estimate_open_now_is_one_case_for_the_sentence_and_the_short_form():
    today = dt.date(2026, 11, 21)
    usual = Deadline("not_announced", dt.date(2026, 11, 2), dt.date(2027, 1, 7), 47, True, None, "estimated")
    assert window_case(usual, today) == "estimated_open"
    assert deadline_sentence(usual, today).en.startswith("Usually open now")
    assert deadline_short(usual, today).en == "Usually open (estimate)"
    assert deadline_short(usual, today).ko == "예년이면 접수 중(추정)"
    # never a countdown to a close nobody announced
    assert "D-" not in deadline_short(usual, today).ko
    ahead = Deadline("not_announced", dt.date(2027, 1, 15), dt.date(2027, 2, 12), 83, True, None, "estimated")
    assert window_case(ahead, today) == "estimated_ahead"
    assert deadline_short(ahead, today).en == "in about 55 days (estimated)"


def test_one_source_age_threshold():
    assert is_old(dt.date(2025, 11, 21), dt.date(2026, 11, 21))  # exactly a year
    assert not is_old(dt.date(2025, 11, 22), dt.date(2026, 11, 21))


def test_rules_label(pack):
    label = rules_label(pack)
    newest = max(p.reviewed for p in pack.programs.values()).isoformat()
    assert label.ko == f"{newest} 규칙 · {pack.version[:7]}"
    # read after a "Rules version" label, the English names the rules by their date too
    assert label.en == f"{newest} rules · {pack.version[:7]}"
    assert rules_name(pack).ko == f"{newest} 규칙" and rules_name(pack).en == f"{newest} rules"


def test_left_out_line():
    assert left_out_line(14).ko == "다른 신청자 대상 사업 14개는 제외했습니다"
    assert left_out_line(1).en == "1 program for another kind of applicant is left out"


def test_badge_of_an_announced_policy_with_an_open_round(pack):
    p = pack.programs["industrial-dx-fund"]
    open_now = Deadline("open", dt.date(2026, 1, 1), dt.date(2026, 12, 31), 40, False, "r", "fixed")
    assert badge_of(p, open_now) == "open_call"
    closed = Deadline("not_announced", None, None, None, False, None, None)
    assert badge_of(p, closed) == "announced_policy"


@pytest.mark.parametrize("value, by, en", [
    (35, 1, "Age in full years 35 years is above the 34 years limit by 1 year"),
    (36, 2, "Age in full years 36 years is above the 34 years limit by 2 years"),
])
def test_an_english_near_miss_starts_with_a_capital_and_counts_one_year_as_one(pack, value, by, en):
    nm = NearMiss("age", "age_years", value, 34, "<=", by, "years")
    text = near_miss_text(nm, pack)
    assert text.en == en
    assert text.ko == f"만 나이 {value}세가 한도 34세를 {by}세 초과"
