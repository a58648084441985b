"""Walking through the wizard as a company, a school and a person, from the start page to results.

The answers are given through the real widgets (clicks and typing); the results are checked
against the engine's own verdict on the answers that ended up in the database, so these tests
check the UI's plumbing, not the rule content (the rule cases do that).
"""

from __future__ import annotations

from driving import DONT, click_next, walk

from desktop.engine import evaluate

# questions only companies are asked
COMPANY_QUESTIONS = {"avg_sales_3y", "total_assets", "full_time_workers", "industry",
                     "tax_arrears", "business_status", "in_disclosure_group"}

COMPANY = {
    "industry": "C29",
    "business_status": "operating",
    "avg_sales_3y": "230억",
    "total_assets": "180억",
    "full_time_workers": "40",
    "founding_date": "2012-05-01",
    "region": "gyeongnam",
    "in_disclosure_group": False,
    "in_restricted_group": False,
    "owned_30pct_by_large": False,
    "owned_30pct_by_giant": False,
    "related_group_exceeds": False,
    "in_sme_grace_period": False,
    "tax_arrears": False,
    "excluded_business_type": False,
    "ai_plans": ("adopt_ai", "train_staff"),
    "ai_collab_partner": True,
    "ai_self_investment": True,
    "investment_plans": ("facility",),
    "smart_factory_level": "basic",
    "smart_factory_plan": True,
    "smart_factory_assets": True,
}

SCHOOL = {
    "school_type": "specialized",
    "region": "busan",
    "tailored_class_plan": True,
    "sme_understanding_training": True,
    "track_interest": ("regional_industry", "new_tech"),
}

INDIVIDUAL = {
    "birth_date": "1996-04-12",
    "employment_status": "job_seeking",
    "household_income_pct": "55",
    "household_assets": "2억",
    "work_days_2y": "200",
    "work_hours_2y": "1600",
    "public_servant": False,
    "studied_ai_major": False,
    "owner_status": "never",
}


def statuses(assessment) -> dict[str, str]:
    return {p.id: p.status for p in assessment.programs}


def assert_results_match_saved_answers(window, store, pack, pid, as_of):
    saved = store.get_answers(pid)
    assert statuses(window.session.assessment) == statuses(evaluate(pack, saved, as_of))
    shown = window.results.assessment
    assert shown is not None and statuses(shown) == statuses(window.session.assessment)
    record = store.last_assessment(pid)
    assert record is not None and record.statuses() == statuses(shown)
    return saved


def test_company_walkthrough_from_start_to_results(qtbot, main_window, store, rule_pack, as_of):
    w = main_window
    assert w.current_page() == "start"
    pid = w.start.new_profile("company", name="한빛정밀")
    assert w.current_page() == "wizard"
    first_page = list(w.wizard.question_ids)
    assert first_page, "the first page asks something"

    asked = walk(qtbot, w, COMPANY)

    assert w.current_page() == "results"
    assert {"industry", "avg_sales_3y"} <= set(asked)
    assert len(asked) == len(set(asked)), "no question is asked twice"
    saved = assert_results_match_saved_answers(w, store, rule_pack, pid, as_of)
    # typed texts were stored as the engine's values
    assert saved["avg_sales_3y"] == 23_000_000_000
    assert saved["industry"] == "C29"
    assert saved["tax_arrears"] is False
    # a company with these answers qualifies for something, and never for school programs
    result = statuses(w.session.assessment)
    assert "eligible" in result.values()
    school_programs = [p.id for p in rule_pack.programs.values() if p.audience == ("school",)]
    assert all(result[p] == "ineligible" for p in school_programs)


def test_school_is_never_asked_company_questions(qtbot, main_window, store, rule_pack, as_of):
    w = main_window
    pid = w.start.new_profile("school", name="부산기계공고")
    asked = walk(qtbot, w, SCHOOL)

    assert not COMPANY_QUESTIONS & set(asked), asked
    assert "school_type" in asked
    assert_results_match_saved_answers(w, store, rule_pack, pid, as_of)
    result = statuses(w.session.assessment)
    tracks = [p.id for p in rule_pack.programs.values() if p.tracks_of == "sme-specialized-hs"]
    assert tracks, "the Specialized High School project has tracks"
    # each track is decided or names what would decide it; the school saw them all
    assert all(result[t] in ("eligible", "ineligible", "undetermined") for t in tracks)
    assert result["sme-specialized-hs"] == "eligible"

    # the deadlines page shows the project's windows, filtered to schools
    w.act_deadlines.trigger()
    assert w.current_page() == "deadlines"
    shown = {win.program.id for win in w.deadlines.visible_windows()}
    assert "sme-specialized-hs" in shown or set(tracks) & shown
    assert all("school" in win.program.audience for win in w.deadlines.visible_windows())


def test_individual_walkthrough(qtbot, main_window, store, rule_pack, as_of):
    w = main_window
    pid = w.start.new_profile("individual", name="김지원")
    asked = walk(qtbot, w, INDIVIDUAL)

    assert not COMPANY_QUESTIONS & set(asked)
    assert "school_type" not in asked
    assert "employment_status" in asked
    assert_results_match_saved_answers(w, store, rule_pack, pid, as_of)
    result = statuses(w.session.assessment)
    individual_programs = [p.id for p in rule_pack.programs.values()
                           if p.audience == ("individual",)]
    assert any(result[p] != "ineligible" for p in individual_programs)


def test_dont_know_answers_lead_to_needs_answers(qtbot, main_window, store, rule_pack, as_of):
    w = main_window
    pid = w.start.new_profile("company", name="모름 주식회사")
    asked = walk(qtbot, w, {})  # "I don't know" to everything

    saved = store.get_answers(pid)
    assert all(saved[q] is None for q in asked), "I don't know is saved as None"
    result = statuses(w.session.assessment)
    undetermined = [p for p, s in result.items() if s == "undetermined"]
    assert undetermined, result
    # each undecided program says which questions would decide it
    for pid_ in undetermined:
        assert w.session.assessment.by_id(pid_).missing or \
            w.session.assessment.by_id(pid_).unverifiable
    # and the live panel said the same all along
    for program_id in undetermined:
        assert w.wizard.live.status_of(program_id) == "Undetermined"


def test_live_panel_follows_each_answer(qtbot, main_window, store, rule_pack):
    w = main_window
    w.start.new_profile("company", name="live")
    before = {p.id: w.wizard.live.status_of(p.id) for p in w.session.assessment.programs
              if "company" in p.program.audience}
    assert set(before.values()) == {"Undetermined"} or "Undetermined" in before.values()
    # a disqualifying answer turns programs red at once, before Next
    field = None
    while field is None:
        field = w.wizard.fields.get("tax_arrears") or w.wizard.fields.get("business_status")
        if field is None:
            walk_one_page_dont_know(qtbot, w)
    from driving import answer

    if field.question.id == "tax_arrears":
        answer(qtbot, field, True)
    else:
        answer(qtbot, field, "closed")
    after = {pid: w.wizard.live.status_of(pid) for pid in before}
    assert "Not eligible" in after.values()
    assert after != before
    assert w.session.last_update_ms < 1000


def walk_one_page_dont_know(qtbot, w):
    from driving import answer

    for qid in list(w.wizard.question_ids):
        f = w.wizard.fields.get(qid)
        if f is not None and not f.is_answered:
            answer(qtbot, f, DONT)
    click_next(qtbot, w)
    assert w.current_page() == "wizard"
