"""Each question input: typing, refusing a wrong value at the field, Back and Next, the keyboard."""

from __future__ import annotations

from driving import DONT, answer, click_next, type_into
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.wizard.fields.industry import IndustryField


def go_to(qtbot, window, question_id: str):
    """The field of `question_id`, reached the way the results' "answer this" link does."""
    window.wizard.show_question(question_id)
    QApplication.processEvents()
    field = window.wizard.fields[question_id]
    return field


def test_wrong_amount_is_refused_at_the_field(qtbot, main_window, open_profile, store):
    pid = open_profile("company")
    w = main_window
    field = go_to(qtbot, w, "avg_sales_3y")
    topic = w.wizard.topic

    type_into(qtbot, field, "약 삼백")
    assert field.has_error
    assert field.error.isVisible()
    assert "amount" in field.error.text() or "금액" in field.error.text()
    assert "avg_sales_3y" not in store.get_answers(pid), "a refused value is not saved"

    # Next stays on the page and keeps the cursor in the wrong field
    click_next(qtbot, w)
    assert w.wizard.topic == topic
    assert field.has_error

    # fixing it clears the message and saves the amount, shown back formatted
    type_into(qtbot, field, "1,230억")
    assert not field.has_error and not field.error.isVisible()
    assert store.get_answers(pid)["avg_sales_3y"] == 123_000_000_000
    assert field.edit.text() == "123,000,000,000"  # English UI: plain won
    assert "123 billion" in field.exact.text() and "1,230억" in field.exact.text()


def test_amount_in_korean_units_is_written_back_with_eok_and_man(qtbot, main_window, open_profile,
                                                                  store):
    from desktop.ui import i18n

    i18n.set_language("ko", remember=False)
    pid = open_profile("company")
    field = go_to(qtbot, main_window, "total_assets")
    type_into(qtbot, field, "5000만")
    assert store.get_answers(pid)["total_assets"] == 50_000_000
    assert field.edit.text() == "5,000만 원"
    assert field.exact.text() == "= 50,000,000원"


def test_number_out_of_range_is_refused_with_the_engines_reason(qtbot, main_window, open_profile,
                                                                store):
    pid = open_profile("company")
    field = go_to(qtbot, main_window, "full_time_workers")
    type_into(qtbot, field, "-5")
    assert field.has_error and "minimum" in field.error.text()
    type_into(qtbot, field, "1250")
    assert store.get_answers(pid)["full_time_workers"] == 1250
    assert field.edit.text() == "1,250"


def test_date_field_accepts_iso_and_refuses_nonsense(qtbot, main_window, open_profile, store):
    import datetime as dt

    pid = open_profile("company")
    field = go_to(qtbot, main_window, "founding_date")
    type_into(qtbot, field, "2021-02-30")
    assert field.has_error and "YYYY-MM-DD" in field.error.text()
    type_into(qtbot, field, "2021-02-03")
    assert store.get_answers(pid)["founding_date"] == dt.date(2021, 2, 3)


def test_industry_picker_finds_by_name_and_by_code(qtbot, main_window, open_profile, store,
                                                   rule_pack):
    pid = open_profile("company")
    field = go_to(qtbot, main_window, "industry")
    assert isinstance(field, IndustryField)
    # the list offers every KSIC division with its code and name
    assert field.model.rowCount() == len(rule_pack.industries)
    c25 = rule_pack.industries["C25"].label.en
    assert f"C25 {c25}" in field.model.stringList()

    # part of a name that matches one division only picks it
    word = c25.split()[0]
    hits = [e for e in field.entries() if word.casefold() in e.casefold()]
    if len(hits) == 1:
        type_into(qtbot, field, word)
        assert store.get_answers(pid)["industry"] == "C25"
    # a code works, and a finer class of a known division too
    type_into(qtbot, field, "c29")
    assert store.get_answers(pid)["industry"] == "C29"
    assert field.edit.text().startswith("C29 ")
    type_into(qtbot, field, "Z99")
    assert field.has_error
    assert store.get_answers(pid)["industry"] == "C29", "the refused code did not replace it"


def test_industry_completion_offers_matches(qtbot, main_window, open_profile):
    open_profile("company")
    field = go_to(qtbot, main_window, "industry")
    field.completer.setCompletionPrefix("metal")
    matches = [field.completer.completionModel().index(i, 0).data()
               for i in range(field.completer.completionCount())]
    assert matches and all("metal" in m.casefold() for m in matches)


def test_dont_know_box_disables_the_input_and_saves_none(qtbot, main_window, open_profile, store):
    pid = open_profile("company")
    field = go_to(qtbot, main_window, "avg_sales_3y")
    answer(qtbot, field, DONT)
    assert store.get_answers(pid)["avg_sales_3y"] is None
    assert not field.edit.isEnabled()
    answer(qtbot, field, DONT)  # un-ticking: not answered again
    assert "avg_sales_3y" not in store.get_answers(pid)
    assert field.edit.isEnabled()


def test_multi_choice_none_of_these_is_an_answer(qtbot, main_window, open_profile, store):
    pid = open_profile("company")
    field = go_to(qtbot, main_window, "ai_plans")
    answer(qtbot, field, ("adopt_ai", "train_staff"))
    assert store.get_answers(pid)["ai_plans"] == ("adopt_ai", "train_staff")
    answer(qtbot, field, ())
    assert store.get_answers(pid)["ai_plans"] == ()
    assert not any(cb.isChecked() for _, cb in field.boxes)


def test_next_needs_an_answer_or_dont_know(qtbot, main_window, open_profile):
    open_profile("company")
    w = main_window
    # Next takes an untouched multiple-choice field as "none of these": go on to a page that has
    # a field needing an answer.
    for _ in range(10):
        if any(w.wizard.fields[q].question.type != "multi" for q in w.wizard.question_ids):
            break
        click_next(qtbot, w)
    topic = w.wizard.topic
    click_next(qtbot, w)
    assert w.wizard.topic == topic
    first = next(w.wizard.fields[q] for q in w.wizard.question_ids if w.wizard.fields[q].question.type != "multi")
    assert first.has_error and "I don't know" in first.error.text()


def test_back_and_next_keep_every_answer(qtbot, main_window, open_profile, store):
    pid = open_profile("company")
    w = main_window
    first_topic = w.wizard.topic
    given = {}
    for qid in list(w.wizard.question_ids):
        f = w.wizard.fields.get(qid)
        if f is not None and not f.is_answered:
            answer(qtbot, f, DONT if f.question.type != "bool" else True)
            given[qid] = store.get_answers(pid)[qid]
    click_next(qtbot, w)
    second_topic = w.wizard.topic
    assert second_topic != first_topic
    assert w.wizard.back_button.isEnabled()

    qtbot.mouseClick(w.wizard.back_button, Qt.MouseButton.LeftButton)
    assert w.wizard.topic == first_topic
    for qid, value in given.items():  # shown again, as given, and editable
        f = w.wizard.fields[qid]
        assert f.is_answered and f.value == value
        assert all(x.isEnabled() for x in f.input_widgets()) or value is None
    click_next(qtbot, w)
    assert w.wizard.topic == second_topic
    assert all(store.get_answers(pid)[q] == v for q, v in given.items())


def test_keyboard_enter_is_next_and_alt_arrows_move(qtbot, main_window, open_profile):
    open_profile("company")
    w = main_window
    first_topic = w.wizard.topic
    for qid in list(w.wizard.question_ids):
        f = w.wizard.fields.get(qid)
        if f is not None and not f.is_answered:
            answer(qtbot, f, DONT)
    # Enter in a field goes to the next page
    f = w.wizard.fields[w.wizard.question_ids[0]]
    f.focus_input()
    qtbot.keyClick(w.wizard.focusWidget() or w.wizard, Qt.Key.Key_Return)
    assert w.wizard.topic != first_topic
    # Alt+Left goes back, Alt+Right forward again
    w.wizard.back_action.trigger()
    assert w.wizard.topic == first_topic
    assert w.wizard.back_action.shortcuts()[0].toString() == "Alt+Left"
    assert w.wizard.next_action.shortcuts()[0].toString() == "Alt+Right"
    w.wizard.next_action.trigger()
    assert w.wizard.topic != first_topic


def test_tab_order_runs_through_the_fields_then_the_buttons(qtbot, main_window, open_profile):
    open_profile("company")
    w = main_window
    order = w.wizard.question_ids
    first = w.wizard.fields[order[0]].input_widgets()[0]
    chain = [first]
    widget = first
    for _ in range(60):
        widget = widget.nextInFocusChain()
        if widget is w.wizard.next_button:
            break
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(w):
            chain.append(widget)
    assert widget is w.wizard.next_button
    owners = []
    for x in chain:
        for qid in order:
            if w.wizard.fields[qid].isAncestorOf(x) and qid not in owners:
                owners.append(qid)
    assert owners == order


def test_progress_counts_answered_and_still_relevant(qtbot, main_window, open_profile):
    open_profile("company")
    w = main_window
    bar = w.wizard.progress
    assert bar.value() == 0 and bar.maximum() > 0
    left_before = bar.maximum() - bar.value()
    f = w.wizard.fields[w.wizard.question_ids[0]]
    answer(qtbot, f, DONT)
    assert bar.value() == 1
    assert "1 answered" in w.wizard.progress_text.text()
    assert bar.maximum() - bar.value() <= left_before


def test_a_question_for_other_applicants_is_never_shown(qtbot, main_window, open_profile):
    open_profile("school")
    w = main_window
    w.wizard.show_question("avg_sales_3y")  # e.g. from a stale link: a school has no sales
    assert "avg_sales_3y" not in w.wizard.fields


def test_multi_choice_left_empty_means_none_of_these_on_next(qtbot, main_window, open_profile,
                                                             store):
    pid = open_profile("company")
    w = main_window
    field = go_to(qtbot, w, "ai_plans")
    for qid in list(w.wizard.question_ids):  # everything else on the page: "I don't know"
        f = w.wizard.fields.get(qid)
        if f is not None and qid != "ai_plans" and not f.is_answered:
            answer(qtbot, f, DONT)
    assert not field.is_answered
    topic = w.wizard.topic
    click_next(qtbot, w)
    assert store.get_answers(pid)["ai_plans"] == ()
    assert w.wizard.topic != topic or "ai_plans" not in w.wizard.fields


def test_option_labels_keep_their_ampersand(qtbot, main_window, open_profile, rule_pack):
    open_profile("company")
    field = go_to(qtbot, main_window, "investment_plans")
    labels = {o.value: o.label.en for o in rule_pack.questions["investment_plans"].options}
    for value, cb in field.boxes:
        # "&&" is how a button shows one "&"; a single one would become a keyboard mnemonic
        assert cb.text().replace("&&", "&") == labels[value]
