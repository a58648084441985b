"""The results page on real assessments of the example cases in rules/cases.

Each test evaluates a case file with the real engine and rule pack, shows it in a ResultsView
and reads what the user would read: group titles with counts, the detail's parts, the question
buttons. Where a test needs a situation no case file has (a near miss, a missing answer) it
takes a case and changes one answer, and says so.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from desktop.engine import evaluate, load_profile
from desktop.engine.explain import explain
from desktop.engine.phrases import say
from desktop.engine.source_age import cited_notes, is_old, newest_note
from desktop.paths import rules_dir
from desktop.ui import i18n
from desktop.ui.results import ResultsView

COMPANY = "company-parts-maker-eligible.yaml"
NEAR_MISS = "company-food-near-miss.yaml"
UNKNOWNS = "company-unknown-answers.yaml"
SCHOOL = "school-specialized-gyeongbuk.yaml"
INDIVIDUAL = "individual-closed-shop-owner.yaml"
_DROP = object()


def assess(pack, case: str, **changes):
    """The case's profile and its assessment, with `changes` applied to its answers
    (`name=_DROP` removes an answer)."""
    profile = load_profile(Path(rules_dir()) / "cases" / case, pack)
    answers = dict(profile.answers)
    for key, value in changes.items():
        if value is _DROP:
            answers.pop(key, None)
        else:
            answers[key] = value
    return profile, evaluate(pack, answers, profile.today)


@pytest.fixture
def view(qtbot):
    v = ResultsView()
    qtbot.addWidget(v)
    v.resize(1200, 800)
    v.show()
    return v


def test_company_case_groups_every_program_as_the_case_expects(view, rule_pack):
    profile, assessment = assess(rule_pack, COMPANY)
    view.show_assessment(rule_pack, assessment, profile.name)
    lst = view.program_list
    for status in ("eligible", "undetermined", "ineligible"):
        shown = set(lst.program_ids(status))
        if status == "ineligible":  # school and individual programmes are folded away
            shown |= set(lst.program_ids("other_applicants"))
        assert shown == {r.id for r in assessment.programs if r.status == status}
        expected = {pid for pid, s in profile.expect.items() if s == status}
        assert expected <= shown, status
    others = set(lst.program_ids("other_applicants"))
    assert others == {r.id for r in assessment.programs if "company" not in r.program.audience}
    assert others and not lst.group_items["other_applicants"].isExpanded()
    assert not others & set(lst.program_ids("ineligible"))
    counts = lst.counts()
    assert counts["eligible"] >= sum(1 for s in profile.expect.values() if s == "eligible") > 0
    assert lst.group_items["eligible"].text(0) == f"Eligible ({counts['eligible']})"
    assert lst.group_items["ineligible"].text(0) == f"Not eligible ({counts['ineligible']})"
    assert lst.group_items["undetermined"].text(0) == f"Undetermined ({counts['undetermined']})"
    assert profile.name in view.heading.text()
    assert f"{counts['eligible']} eligible" in view.subheading.text()
    # the first eligible program is opened at once
    assert view.detail.result is not None and view.detail.result.status == "eligible"


def test_eligible_detail_explains_every_criterion_with_values_and_sources(view, rule_pack):
    profile, assessment = assess(rule_pack, COMPANY)
    view.show_assessment(rule_pack, assessment, profile.name)
    assert view.select_program("sme-ax")
    r = assessment.by_id("sme-ax")
    detail = view.detail
    labels = detail.parts["criteria"].findChildren(type(detail.parts["title"]))
    by_id = {lab.property("criterionId"): lab for lab in labels if lab.property("criterionId")}
    criteria = [c for c in r.criteria if c.kind != "exclusion"]
    assert set(by_id) == {c.id for c in criteria}
    for c in criteria:
        text = by_id[c.id].text()
        assert c.text.en in text
        assert by_id[c.id].property("result") == c.result
        assert {"met": "Met", "not_met": "Not met", "unknown": "Unknown"}[c.result] in text
    sales = next(lab.text() for lab in labels if "avg_sales_3y" in _values_of(r, lab))
    assert "KRW 23 billion" in sales  # 230억 in words, not 23000000000
    text = detail.text_content()
    note = rule_pack.notes[r.criteria[1].sources[0].split("#")[0]]
    assert note.title.en in text and note.date.isoformat() in text
    exclusions = [c for c in r.criteria if c.kind == "exclusion"]
    assert exclusions
    shown = " ".join(lab.text() for lab in detail.parts["exclusions"].findChildren(type(detail.parts["title"])))
    for c in exclusions:
        assert c.text.en in shown
    assert "Does not apply" in shown  # an exclusion that does not hold, in words
    assert r.program.apply_how.en in text
    for doc in r.program.documents:
        assert doc.text.en in detail.parts["documents"].text()


def _values_of(result, label) -> str:
    c = next((c for c in result.criteria if c.id == label.property("criterionId")), None)
    return " ".join(c.values) if c is not None else ""


def test_not_eligible_lists_every_failed_criterion_and_the_near_miss(view, rule_pack):
    # a food maker whose average sales (1,230억) are just above the 1,200억 SME ceiling
    profile, assessment = assess(rule_pack, NEAR_MISS)
    view.show_assessment(rule_pack, assessment, profile.name)
    r = next(r for r in assessment.programs if r.near_misses)
    assert r.id in view.program_list.program_ids("ineligible")
    view.select_program(r.id)
    why = view.detail.parts["why_not"].text()
    e = explain(rule_pack, assessment, r)
    assert e.reasons
    for line in e.reasons:  # the deciding reasons, as the explanation words them
        assert html.escape(line.text.en, quote=False) in why
    near = view.detail.parts["near_miss"].text()
    assert "KRW 123 billion is above the KRW 120 billion limit" in near


def test_near_miss_in_korean(qtbot, view, rule_pack):
    profile, assessment = assess(rule_pack, NEAR_MISS)
    i18n.set_language("ko", remember=False)
    view.show_assessment(rule_pack, assessment, profile.name)
    r = next(r for r in assessment.programs if r.near_misses)
    view.select_program(r.id)
    assert "1,230억 원이 한도 1,200억 원을 30억 원 초과" in view.detail.parts["near_miss"].text()
    assert "신청 불가" in view.detail.parts["status"].text()


def test_needs_answers_questions_are_one_click_away(qtbot, view, rule_pack):
    # a machinery maker whose clerk answered "I don't know" to the size questions
    profile, assessment = assess(rule_pack, UNKNOWNS)
    view.show_assessment(rule_pack, assessment, profile.name)
    r = next(r for r in assessment.programs if r.status == "undetermined" and len(r.missing) > 1)
    assert r.id in view.program_list.program_ids("undetermined")
    view.select_program(r.id)
    buttons = view.detail.question_buttons
    assert list(buttons) == list(explain(rule_pack, assessment, r).questions)  # most decisive first
    assert set(buttons) == set(r.missing)
    for qid in r.missing:
        assert rule_pack.questions[qid].label.en in buttons[qid].text()
    last = r.missing[-1]
    with qtbot.waitSignal(view.answer_requested, timeout=1000) as signal:
        qtbot.mouseClick(buttons[last], Qt.MouseButton.LeftButton)
    assert signal.args == [last]
    # a question answered "I don't know" says so on its button
    dont_know = [q for q in r.missing if q in assessment.answers and assessment.answers[q] is None]
    assert dont_know
    assert "I don't know" in buttons[dont_know[0]].text()


def test_needs_answers_from_a_missing_answer(qtbot, view, rule_pack):
    # the parts maker without its tax-arrears answer: the programs that exclude arrears wait for it
    profile, assessment = assess(rule_pack, COMPANY, tax_arrears=_DROP)
    view.show_assessment(rule_pack, assessment, profile.name)
    assert "sme-ax" in view.program_list.program_ids("undetermined")
    view.select_program("sme-ax")
    button = view.detail.question_buttons["tax_arrears"]
    assert "I don't know" not in button.text()
    with qtbot.waitSignal(view.answer_requested, timeout=1000) as signal:
        button.click()
    assert signal.args == ["tax_arrears"]


def test_school_case_shows_the_specialized_high_school_tracks(view, rule_pack):
    profile, assessment = assess(rule_pack, SCHOOL)
    view.show_assessment(rule_pack, assessment, profile.name)
    eligible = view.program_list.program_ids("eligible")
    tracks = [pid for pid, p in rule_pack.programs.items() if p.tracks_of == "sme-specialized-hs"]
    assert "sme-specialized-hs" in eligible
    assert {pid for pid, s in profile.expect.items() if s == "eligible"} <= set(eligible)
    track = next(pid for pid in eligible if pid in tracks)
    view.select_program(track)
    parent = rule_pack.programs["sme-specialized-hs"].name.en
    assert f"Track of {parent}" in view.detail.text_content()
    d = assessment.by_id(track).deadline
    assert d.closes.isoformat() in view.detail.parts["deadline"].text()
    # a school is never shown company figures
    assert "KRW" not in view.detail.parts["criteria"].findChildren(type(view.heading))[0].text()


def test_individual_case(view, rule_pack):
    profile, assessment = assess(rule_pack, INDIVIDUAL)
    view.show_assessment(rule_pack, assessment, profile.name)
    eligible = set(view.program_list.program_ids("eligible"))
    assert {pid for pid, s in profile.expect.items() if s == "eligible"} <= eligible
    assert "hope-return" in eligible
    view.select_program("hope-return")
    text = view.detail.text_content()
    for b in assessment.by_id("hope-return").program.benefits:
        assert b.text.en in text
    # a school program is out because of who can apply, and says so
    school_only = next(r for r in assessment.programs if r.program.audience == ("school",))
    view.select_program(school_only.id)
    audience = next(c for c in school_only.criteria if c.kind == "audience")
    assert audience.result == "not_met"
    assert "Only schools can apply" in view.detail.parts["why_not"].text()


def test_apply_link_opens_the_browser(monkeypatch, view, rule_pack):
    profile, assessment = assess(rule_pack, COMPANY)
    view.show_assessment(rule_pack, assessment, profile.name)
    pid = next(r.id for r in assessment.programs if r.program.apply_url)
    view.select_program(pid)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    link = view.detail.parts["apply_link"]
    link.linkActivated.emit(assessment.by_id(pid).program.apply_url)
    assert [u.toString() for u in opened] == [assessment.by_id(pid).program.apply_url]


def test_estimated_window_and_old_sources_are_warned_about(view, rule_pack):
    profile, assessment = assess(rule_pack, COMPANY)
    view.show_assessment(rule_pack, assessment, profile.name)
    estimated = next(r for r in assessment.programs if r.deadline.estimated)
    view.select_program(estimated.id)
    assert say("cal.est_note", "en") in view.detail.parts["warnings"].text()
    # the window's own note on how it was estimated, once, under the window
    assert estimated.deadline.note.en in view.detail.parts["deadline_note"].text()
    assert view.detail.text_content().count(estimated.deadline.note.en) == 1
    deadline = view.detail.parts["deadline"].text()
    assert "estimate" in deadline
    assert explain(rule_pack, assessment, estimated).deadline.en in deadline
    # a program whose newest source is a year or more older than the assessment date
    old = next((r for r in assessment.programs
                if (note := newest_note(rule_pack, r)) and is_old(note.date, assessment.as_of)), None)
    if old is None:
        pytest.skip("no program of this case rests on sources older than a year")
    view.select_program(old.id)
    newest = newest_note(rule_pack, old).date.isoformat()
    assert "Check the latest call" in view.detail.parts["warnings"].text()
    assert newest in view.detail.parts["warnings"].text()


def test_language_switch_retranslates_groups_and_rule_texts(qtbot, view, rule_pack):
    profile, assessment = assess(rule_pack, COMPANY)
    view.show_assessment(rule_pack, assessment, profile.name)
    view.select_program("sme-ax")
    program = assessment.by_id("sme-ax").program
    assert program.name.en in view.detail.parts["title"].text()
    n = view.program_list.counts()["eligible"]

    i18n.set_language("ko", remember=False)
    qtbot.waitUntil(lambda: view.program_list.group_items["eligible"].text(0) == f"신청 가능 ({n})")
    qtbot.waitUntil(lambda: program.name.ko in view.detail.parts["title"].text())
    assert view.program_list.current_program_id() == "sme-ax"  # the selection is kept
    assert "검토 결과" in view.heading.text()
    assert "자격 조건" in view.detail.text_content()

    i18n.set_language("en", remember=False)
    qtbot.waitUntil(lambda: view.program_list.group_items["eligible"].text(0) == f"Eligible ({n})")
    qtbot.waitUntil(lambda: program.name.en in view.detail.parts["title"].text())


def test_status_is_readable_without_colour(view, rule_pack):
    """Every status shows a word, and the icons of the three outcomes differ in shape."""
    from desktop.ui import status_style

    profile, assessment = assess(rule_pack, COMPANY)
    view.show_assessment(rule_pack, assessment, profile.name)
    glyphs = {status_style.look("program", s).glyph for s in ("eligible", "undetermined", "ineligible")}
    assert len(glyphs) == 3
    assert "Eligible" in view.detail.parts["status"].text()


def test_empty_view_invites_to_answer(view):
    assert "Answer the questions" in view.subheading.text()
    assert view.detail.result is None
    assert "Select a program" in view.detail.text_content()


def _click_row(qtbot, view, program_id):
    tree = view.program_list
    item = tree.item_of(program_id)
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
    assert view.detail.result.program.id == program_id


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_each_program_row_carries_its_deadline_sentence(qtbot, view, rule_pack, lang):
    i18n.set_language(lang, remember=False)
    profile, assessment = assess(rule_pack, COMPANY)
    view.show_assessment(rule_pack, assessment, profile.name)
    for r in assessment.programs:
        e = explain(rule_pack, assessment, r)
        assert view.program_list.item_of(r.id).text(1) == e.deadline.get(lang), r.id
    # what the row says is what the detail says, for the row clicked
    pid = view.program_list.program_ids("eligible")[0]
    _click_row(qtbot, view, pid)
    row = view.program_list.item_of(pid).text(1)
    assert html.escape(row, quote=False) in view.detail.parts["deadline"].text()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_an_estimated_window_open_now_reads_the_same_in_the_list_and_the_detail(qtbot, view, rule_pack,
                                                                               lang):
    # this case's check day falls inside the autonomous-factory track's usual window
    i18n.set_language(lang, remember=False)
    profile, assessment = assess(rule_pack, "company-ai-plans-unknown.yaml")
    view.show_assessment(rule_pack, assessment, profile.name)
    r = assessment.by_id("smart-factory-autonomous")
    assert r.deadline.estimated and r.deadline.opens <= assessment.as_of <= r.deadline.closes
    _click_row(qtbot, view, r.id)
    row = view.program_list.item_of(r.id).text(1)
    usually = {"ko": "예년이면 지금 접수 기간", "en": "Usually open now"}[lang]
    assert row.startswith(usually) and "미공고" not in row and "Not announced" not in row
    detail = view.detail.parts["deadline"].text()
    assert html.escape(row, quote=False) in detail
    # the word beside it is the estimate's, not "not announced"
    assert {"ko": "추정", "en": "Estimated"}[lang] in detail
    assert "미공고" not in detail and "Not announced" not in detail


def test_tracks_sit_under_their_program(qtbot, view, rule_pack):
    profile, assessment = assess(rule_pack, "school-work-study-incheon-gyeonggi.yaml")
    view.show_assessment(rule_pack, assessment, profile.name)
    lst = view.program_list
    parent = lst.item_of("sme-specialized-hs")
    tracks = [r.id for r in assessment.programs if r.program.tracks_of == "sme-specialized-hs"
              and r.status == assessment.by_id("sme-specialized-hs").status]
    assert tracks and parent.parent() is lst.group_items["eligible"]
    under = [parent.child(i).data(0, Qt.ItemDataRole.UserRole + 1) for i in range(parent.childCount())]
    assert sorted(under) == sorted(tracks)
    ids = lst.program_ids("eligible")
    assert ids.index("sme-specialized-hs") < min(ids.index(t) for t in tracks)
    # counted once each, tracks included
    assert lst.group_items["eligible"].text(0) == f"Eligible ({len(ids)})"
    # a track in another group than its program stands in its own group
    for r in assessment.programs:
        if r.program.tracks_of == "sme-specialized-hs" and r.id not in tracks:
            assert lst.item_of(r.id).parent() is not parent
    _click_row(qtbot, view, tracks[0])
    assert "Track of" in view.detail.text_content()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_results_heading_names_the_rules_by_date_with_the_id_in_the_tooltip(view, rule_pack, lang):
    i18n.set_language(lang, remember=False)
    profile, assessment = assess(rule_pack, COMPANY)
    view.show_assessment(rule_pack, assessment, profile.name)
    newest = max(p.reviewed for p in rule_pack.programs.values()).isoformat()
    dated = {"ko": f"{newest} 규칙", "en": f"{newest} rules"}[lang]
    assert view.subheading.text().endswith(dated)
    assert assessment.rules_version[:7] not in view.subheading.text()
    assert assessment.rules_version[:7] in view.subheading.toolTip()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_sources_name_their_publisher_in_the_ui_language(qtbot, view, rule_pack, lang):
    i18n.set_language(lang, remember=False)
    profile, assessment = assess(rule_pack, COMPANY)
    view.show_assessment(rule_pack, assessment, profile.name)
    _click_row(qtbot, view, "sme-ax")
    shown = view.detail.parts["sources"].text()
    notes = cited_notes(rule_pack, assessment.by_id("sme-ax"))
    assert notes
    other = "en" if lang == "ko" else "ko"
    for note in notes:
        assert html.escape(note.publisher.get(lang), quote=False) in shown
        if note.publisher.get(other) != note.publisher.get(lang):
            assert html.escape(note.publisher.get(other), quote=False) not in shown
    assert any(n.publisher.ko != n.publisher.en for n in notes)  # a name that differs is seen
