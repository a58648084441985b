"""Evaluation on the small rule folder: statuses, every reason, near misses, missing questions."""

import datetime as dt

import pytest

from desktop.engine import evaluate, format_near_miss

DAY = dt.date(2026, 3, 10)

MAKER = {
    "applicant_type": "company",
    "industry": "C25",
    "in_big_group": False,
    "avg_sales_3y": 23_000_000_000,
    "founded": dt.date(2015, 3, 1),
    "tax_arrears": False,
}


def result(pack, answers, pid):
    return evaluate(pack, answers, DAY).by_id(pid)


def test_eligible_with_every_criterion_explained(mini_pack):
    r = result(mini_pack, MAKER, "sme-grant")
    assert r.status == "eligible"
    ids = [c.id for c in r.criteria]
    assert ids == ["audience", "not_big_group", "sales_limit", "manufacturer", "young", "tax_arrears"]
    by = {c.id: c for c in r.criteria}
    assert by["sales_limit"].values == {"industry": "C25", "avg_sales_3y": 23_000_000_000}
    assert by["young"].result == "not_met" and by["young"].group == "any"
    assert by["tax_arrears"].kind == "exclusion" and by["tax_arrears"].result == "met"
    assert by["audience"].values == {"applicant_type": "company"}
    assert r.failed == () and r.missing == ()


def test_every_failed_criterion_is_listed(mini_pack):
    answers = dict(MAKER, industry="J58", in_big_group=True, avg_sales_3y=110_000_000_000, founded=dt.date(2010, 1, 1))
    r = result(mini_pack, answers, "sme-grant")
    assert r.status == "ineligible"
    # Both branches of the failed `any` are reasons.
    assert r.failed == ("not_big_group", "sales_limit", "manufacturer", "young")


def test_exclusion_disqualifies(mini_pack):
    r = result(mini_pack, dict(MAKER, tax_arrears=True), "sme-grant")
    assert r.status == "ineligible" and r.failed == ("tax_arrears",)
    assert {c.id: c.result for c in r.criteria}["tax_arrears"] == "not_met"


def test_near_miss_on_looked_up_limit(mini_pack):
    answers = dict(MAKER, avg_sales_3y=123_000_000_000)
    r = result(mini_pack, answers, "sme-grant")
    (nm,) = r.near_misses
    assert (nm.criterion, nm.name, nm.value, nm.limit, nm.op, nm.by, nm.unit) == (
        "sales_limit", "avg_sales_3y", 123_000_000_000, 120_000_000_000, "<=", 3_000_000_000, "KRW",
    )
    assert format_near_miss(nm, mini_pack, "ko") == "최근 3년 평균 매출액 1,230억 원이 한도 1,200억 원을 30억 원 초과"
    assert format_near_miss(nm, mini_pack, "en") == (
        "Average sales over the last 3 years KRW 123 billion is above the KRW 120 billion limit by KRW 3 billion"
    )


def test_near_miss_below_a_minimum(mini_pack):
    r = result(mini_pack, {"applicant_type": "individual", "age": 14, "income_pct": 50}, "job-support")
    (nm,) = r.near_misses
    assert (nm.name, nm.op, nm.limit, nm.by) == ("age", ">=", 15, 1)
    assert format_near_miss(nm, mini_pack, "ko") == "나이 14세가 기준 15세에 1세 미달"


def test_audience_mismatch(mini_pack):
    r = result(mini_pack, {"applicant_type": "school"}, "sme-grant")
    assert r.status == "ineligible" and r.failed == ("audience",)
    assert [c.kind for c in r.criteria] == ["audience"]
    assert r.criteria[0].text.en == "Open to: companies"


def test_undetermined_names_the_deciding_questions(mini_pack):
    r = result(mini_pack, {"applicant_type": "company", "industry": "C25"}, "sme-grant")
    assert r.status == "undetermined"
    # Through the definitions: is_manufacturer is decided by the industry; business_age is not
    # needed because manufacturer already holds the `any`.
    assert r.missing == ("in_big_group", "avg_sales_3y", "tax_arrears")


def test_dont_know_counts_as_missing(mini_pack):
    answers = dict(MAKER, tax_arrears=None)
    r = result(mini_pack, answers, "sme-grant")
    assert r.status == "undetermined" and r.missing == ("tax_arrears",)


def test_missing_goes_through_definitions(mini_pack):
    r = result(mini_pack, {"applicant_type": "company", "tax_arrears": False}, "cofund")
    assert r.status == "undetermined"
    assert r.missing == ("industry", "in_big_group", "avg_sales_3y")
    assert r.unverifiable == ("cofunding",)


def test_unverifiable_keeps_undetermined(mini_pack):
    r = result(mini_pack, MAKER, "cofund")
    assert r.status == "undetermined" and r.missing == ()
    assert {c.id: c.to_verify for c in r.criteria}["cofunding"] is True


def test_question_whose_condition_is_unknown_yields_its_condition(mini_pack):
    # income_pct applies only from age 15: while age is unknown, age is what to ask.
    r = result(mini_pack, {"applicant_type": "individual", "tax_arrears": False}, "job-support")
    assert r.missing == ("age",)
    r = result(mini_pack, {"applicant_type": "individual", "tax_arrears": False, "age": 30}, "job-support")
    assert r.missing == ("income_pct",)


def test_dates_in_values_are_iso(mini_pack):
    answers = dict(MAKER, industry="J58")
    r = result(mini_pack, answers, "sme-grant")
    young = {c.id: c for c in r.criteria}["young"]
    assert young.values == {"business_age": 11}


def test_odd_answers_never_crash(mini_pack):
    answers = {"applicant_type": "company", "avg_sales_3y": "lots", "founded": "yesterday", "industry": 25}
    r = result(mini_pack, answers, "sme-grant")
    assert r.status == "undetermined"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_assessment_to_dict_contract(mini_pack, lang):
    a = evaluate(mini_pack, MAKER, DAY)
    d = a.to_dict(lang)
    assert d["as_of"] == "2026-03-10" and d["rules_version"] == mini_pack.version
    p = next(p for p in d["programs"] if p["id"] == "sme-grant")
    assert set(p["name"]) == {"ko", "en"}
    assert p["status"] == "eligible"
    assert {"id", "result", "text", "kind", "values", "sources", "to_verify"} <= set(p["criteria"][0])
    assert p["deadline"]["status"] == "open" and p["deadline"]["days_left"] == 21
    assert {"status", "opens", "closes", "days_left", "estimated"} <= set(p["deadline"])
