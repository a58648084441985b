"""What a program pays, worked out from the answers, on the real rules.

The demolition subsidy pays up to 20만 per 3.3㎡ of the shop within the cap in force on the
closure day; premium training refunds at least 90%, 95% for a course outside the capital region
or on-site. The questions that change only these amounts are asked after every deciding one and
are never among what decides a program; the explanation words the amount once, with Korean
particles chosen for the figure.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.engine import evaluate, load_rules, next_questions
from desktop.engine.explain import explain

DAY = dt.date(2026, 3, 2)

SHOP = {
    "applicant_type": "individual",
    "birth_date": dt.date(1975, 4, 2),
    "employment_status": "job_seeking",
    "owner_status": "closed",
    "shop_opened": dt.date(2016, 5, 1),
    "closure_date": dt.date(2025, 9, 1),
    "former_business_micro": True,
    "former_business_excluded_type": False,
    "premises_leased": True,
    "demolition_received_before": False,
}


def _demolition(pack, answers):
    return evaluate(pack, answers, DAY).by_id("hope-return-demolition")


def test_the_cap_follows_the_closure_day(pack):
    assert _demolition(pack, {**SHOP, "shop_floor_area_m2": 33}).amounts[0].value == pytest.approx(2_000_000)
    # 100㎡ is 606만 by area: over the 600만 cap for a closure from 2025-07-11 ...
    assert _demolition(pack, {**SHOP, "shop_floor_area_m2": 100}).amounts[0].value == 6_000_000
    # ... and the 400만 cap for one the day before
    before = {**SHOP, "closure_date": dt.date(2025, 7, 10), "shop_floor_area_m2": 100}
    assert _demolition(pack, before).amounts[0].value == 4_000_000


def test_an_unknown_closure_day_gives_the_range_of_both_caps(pack):
    # "I don't know" the closure day: the program stays open (60 days of business are not
    # thereby shown), and what it pays is 100㎡ within one of the two caps
    answers = {**SHOP, "closure_date": None, "shop_floor_area_m2": 100}
    r = _demolition(pack, answers)
    (a,) = r.amounts
    assert r.status == "undetermined"
    assert (a.value, a.low, a.high) == (None, 4_000_000, 6_000_000)
    assert a.questions == ("closure_date",)
    assert r.amount_questions == ()  # the closure day also decides: never an amount-only question


def test_the_floor_area_is_asked_only_after_the_deciding_questions(pack):
    answers = {k: v for k, v in SHOP.items() if k != "premises_leased"}
    r = _demolition(pack, answers)
    assert r.status == "undetermined"
    assert "shop_floor_area_m2" not in r.missing
    asked = [q.id for q in next_questions(pack, answers, DAY)]
    assert "premises_leased" in asked
    assert "shop_floor_area_m2" not in asked  # its applies_if waits for the lease answer

    r = _demolition(pack, SHOP)
    assert r.status == "eligible" and r.missing == ()
    assert r.amount_questions == ("shop_floor_area_m2",)
    asked = [q.id for q in next_questions(pack, SHOP, DAY)]
    assert asked[-1] == "shop_floor_area_m2"
    deciding = {qid for p in evaluate(pack, SHOP, DAY).programs if p.status == "undetermined" for qid in p.missing}
    assert set(asked[:-1]) == deciding - set(SHOP)


def test_an_ineligible_program_asks_nothing_about_its_amount(pack):
    answers = {**SHOP, "premises_leased": False}
    r = _demolition(pack, answers)
    assert r.status == "ineligible"
    assert r.amounts == () and r.amount_questions == ()
    assert "shop_floor_area_m2" not in [q.id for q in next_questions(pack, answers, DAY)]


def test_the_explanation_words_the_amount_with_the_particle_that_fits(pack):
    a = evaluate(pack, {**SHOP, "shop_floor_area_m2": 50}, DAY)
    line = explain(pack, a, a.by_id("hope-return-demolition")).benefits[0]
    assert line.worked_out
    assert line.amount.ko == "이 답으로는 최대 303만 303원이 지원됩니다"
    assert line.amount.en == "For these answers: up to KRW 3.03 million"

    company = {
        "applicant_type": "company", "industry": "C25", "region": "gyeongbuk",
        "founding_date": dt.date(2009, 4, 1), "business_status": "operating",
        "avg_sales_3y": 23_000_000_000, "total_assets": 18_000_000_000, "full_time_workers": 42,
        "in_disclosure_group": False, "owned_30pct_by_large": False, "related_group_exceeds": False,
        "tax_arrears": False, "excluded_business_type": False, "ai_plans": ["train_staff"],
    }
    a = evaluate(pack, {**company, "course_place": "on_site"}, DAY)
    line = explain(pack, a, a.by_id("ai-vocational-training")).benefits[0]
    assert line.amount.ko == "이 답으로는 최소 95%가 지원됩니다"  # 퍼센트: no final consonant
    a = evaluate(pack, company, DAY)
    line = explain(pack, a, a.by_id("ai-vocational-training")).benefits[0]
    assert line.questions == ("course_place",)
    assert line.amount.ko == ("‘직원이 들을 AI 훈련 과정은 어디에서 열리나요?’에 대한 답에 따라 "
                              "최소 90%에서 최소 95%까지 달라집니다")
    assert line.amount.en.startswith("From at least 90% to at least 95%, depending on the answer to")


def test_an_individual_is_not_given_a_company_course_rate(pack):
    worker = {"applicant_type": "individual", "birth_date": dt.date(1990, 1, 1),
              "employment_status": "employed", "employer_is_sme": True, "public_servant": False}
    r = evaluate(pack, worker, DAY).by_id("ai-vocational-training")
    assert r.status == "eligible"
    assert r.amounts == () and r.amount_questions == ()
    assert "course_place" not in [q.id for q in next_questions(pack, worker, DAY)]


def test_no_figure_for_a_closure_day_the_sources_do_not_cover(pack):
    answers = {**SHOP, "closure_date": dt.date(2022, 10, 31), "shop_floor_area_m2": 40}
    a = evaluate(pack, answers, DAY)
    r = a.by_id("hope-return-demolition")
    assert [(x.value, x.low, x.high, x.questions) for x in r.amounts] == [(None, None, None, ())]
    line = explain(pack, a, r).benefits[0]
    assert line.amount.ko == "이 답에 해당하는 금액은 자료에 나와 있지 않습니다"
    assert line.amount.en == "The sources give no amount for these answers"


def test_an_amount_that_is_not_a_number_is_refused_at_its_line(mini_dir):
    path = mini_dir / "programs" / "sme-grant.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("amount: 200000000}", "amount: 200000000, amount_expr: \"workers > 10\"}")
    path.write_text(text, encoding="utf-8")
    pack = load_rules(mini_dir)
    found = [(e.header("ko"), e.header("en")) for e in pack.errors]
    assert ("rules/programs/sme-grant.yaml:8: amount_expr는 금액(숫자)을 내야 합니다: "
            "'workers > 10'의 값은 예/아니요입니다",
            "rules/programs/sme-grant.yaml:8: amount_expr must give a number; "
            "'workers > 10' gives a yes/no value") in found, found
    assert "sme-grant" not in pack.programs
