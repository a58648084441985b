"""Questions that change only what a program pays are asked after every deciding question.

Walked through the real wizard with clicks and typing: the shop's floor area for the demolition
subsidy and the course's place for premium training come last, on their own page, and the
results then carry the worked-out amount.
"""

from __future__ import annotations

from driving import walk

from test_said_everywhere import click_program
from test_wizard_walkthrough import COMPANY

SHOP_OWNER = {
    "birth_date": "1975-04-02",
    "employment_status": "self_employed",
    "owner_status": "closing",
    "shop_opened": "2018-03-01",
    "former_business_micro": True,
    "former_business_excluded_type": False,
    "premises_leased": True,
    "demolition_received_before": False,
    "shop_floor_area_m2": "50",
}


def test_the_floor_area_is_asked_last_and_sets_the_demolition_amount(qtbot, main_window, rule_pack):
    w = main_window
    w.start.new_profile("individual", name="박꽃집")
    pages: list = []
    asked = walk(qtbot, w, SHOP_OWNER, pages=pages)

    assert w.current_page() == "results"
    assert asked[-1] == "shop_floor_area_m2", asked
    assert pages[-1] == ["shop_floor_area_m2"], pages  # a page of its own, the last one
    deciding = {"owner_status", "shop_opened", "former_business_micro", "premises_leased"}
    assert deciding <= set(asked[:-1])
    r = w.session.assessment.by_id("hope-return-demolition")
    assert r.status == "eligible" and "shop_floor_area_m2" not in r.missing
    assert round(r.amounts[0].value) == 3_030_303  # 50 m² at 200,000 won per 3.3 m²
    assert r.amount_questions == ()

    # the results say it: under the name in the list, and beside the benefit in the detail
    click_program(qtbot, w.results, "hope-return-demolition")
    assert "For these answers: up to KRW 3.03 million" in w.results.detail.text_content()
    row = w.results.program_list.currentItem()
    assert row.text(0).endswith("\nup to KRW 3.03 million")


def test_the_course_place_is_asked_after_the_deciding_questions(qtbot, main_window, rule_pack):
    w = main_window
    w.start.new_profile("company", name="한빛정밀")
    pages: list = []
    asked = walk(qtbot, w, {**COMPANY, "course_place": "outside_capital"}, pages=pages)

    assert w.current_page() == "results"
    assert asked[-1] == "course_place", asked
    assert pages[-1] == ["course_place"], pages
    r = w.session.assessment.by_id("ai-vocational-training")
    assert r.status == "eligible"
    assert [a.value for a in r.amounts] == [95]
    click_program(qtbot, w.results, "ai-vocational-training")
    assert "For these answers: at least 95%" in w.results.detail.text_content()
