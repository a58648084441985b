"""The start page: the saved profiles list and everything done to it."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.engine import evaluate
from desktop.ui.new_profile_dialog import NewProfileDialog


def test_empty_state_then_a_new_profile_through_the_dialog(qtbot, main_window, store, when_modal):
    start = main_window.start
    assert start.list_stack.currentWidget() is start.empty
    assert "No saved profiles yet" in start.empty.text()
    assert not start.open_button.isEnabled()

    def fill(dialog):
        assert isinstance(dialog, NewProfileDialog)
        assert dialog.applicant_type() == "school"  # the button pressed chose it
        assert dialog.name() == "New school"
        dialog.name_edit.setText("부산기계공업고등학교")
        dialog.accept()

    when_modal(fill)
    start.new_buttons["school"].click()
    profiles = store.list_profiles()
    assert [(p.name, p.applicant_type) for p in profiles] == [("부산기계공업고등학교", "school")]
    assert main_window.current_page() == "wizard"
    assert main_window.session.profile_id == profiles[0].id


def test_cancelled_dialog_creates_nothing(qtbot, main_window, store, when_modal):
    when_modal(lambda d: d.reject())
    main_window.start.new_buttons["company"].click()
    assert store.list_profiles() == []
    assert main_window.current_page() == "start"


def test_new_profile_dialog_needs_a_name(qtbot):
    d = NewProfileDialog(None, "individual")
    qtbot.addWidget(d)
    ok = d.buttons.button(d.buttons.StandardButton.Ok)
    assert ok.isEnabled()
    d.name_edit.setText("  ")
    assert not ok.isEnabled()
    d.radios["company"].setChecked(True)
    assert d.applicant_type() == "company"


def test_only_a_profile_whose_last_check_changed_something_is_flagged(qtbot, main_window, store,
                                                                     rule_pack, as_of):
    from desktop.engine.what_changed import what_changed

    moved = store.create_profile("달라진 기업", "company", {"tax_arrears": True})
    same = store.create_profile("그대로 기업", "company", {"tax_arrears": True})
    before = evaluate(rule_pack, {"applicant_type": "company", "tax_arrears": False}, as_of)
    now = evaluate(rule_pack, store.get_answers(moved), as_of)
    changes = what_changed(before, now, rule_pack, rule_pack)
    assert changes.changed
    store.save_assessment(moved, now, changes)
    store.save_assessment(same, now, what_changed(now, now, rule_pack, rule_pack))
    start = main_window.start
    start.refresh()
    rows = {start.tree.topLevelItem(i).text(0): start.tree.topLevelItem(i)
            for i in range(start.tree.topLevelItemCount())}
    assert rows["달라진 기업"].text(4) == "⚠ Results changed"
    assert rows["달라진 기업"].toolTip(4).split("\n")[1:] == changes.lines("en")
    assert rows["그대로 기업"].text(4) == ""


def test_list_shows_type_last_check_counts_and_stale_mark(qtbot, main_window, store, rule_pack,
                                                          as_of):
    fresh = store.create_profile("최신 기업", "company", {"tax_arrears": True})
    stale = store.create_profile("옛 학교", "school", {})
    never = store.create_profile("아직 개인", "individual", {})
    a = evaluate(rule_pack, store.get_answers(fresh), as_of)
    store.save_assessment(fresh, a)
    old = evaluate(rule_pack, store.get_answers(stale), as_of)
    store.save_assessment(stale, dataclasses.replace(old, rules_version="older-rules"))

    start = main_window.start
    start.refresh()
    rows = {start.tree.topLevelItem(i).text(0): start.tree.topLevelItem(i)
            for i in range(start.tree.topLevelItemCount())}
    assert rows["최신 기업"].text(1) == "Company"
    assert rows["옛 학교"].text(1) == "School"
    assert rows["아직 개인"].text(2) == "Not yet"
    # counted over the programs a company can apply to at all
    counts = {s: sum(1 for p in a.programs if p.status == s and "company" in p.program.audience)
              for s in ("eligible", "undetermined", "ineligible")}
    assert rows["최신 기업"].text(3) == (f"Eligible {counts['eligible']} · Undetermined "
                                       f"{counts['undetermined']} · Not eligible "
                                       f"{counts['ineligible']}")
    # checked with other rules: nothing is claimed to have changed until it is checked again
    assert rows["옛 학교"].text(4) == "Checked with earlier rules"
    assert "⚠" not in rows["옛 학교"].text(4)
    assert rows["최신 기업"].text(4) == ""
    assert never

    # opening the stale profile and checking it again says what changed
    start.select(stale)
    start.open_selected()
    main_window.show_results()
    assert main_window.changes_banner.isVisible()
    assert "rules changed" in main_window.changes_banner.title.text()


def test_rename_duplicate_delete(qtbot, main_window, store, monkeypatch, when_modal):
    pid = store.create_profile("원래 이름", "company", {"tax_arrears": False})
    start = main_window.start
    start.refresh(select=pid)

    assert start.rename_selected("새 이름")
    assert store.get_profile(pid).name == "새 이름"
    assert start.tree.currentItem().text(0) == "새 이름"

    copy = start.duplicate_selected()
    assert copy != pid
    assert store.get_profile(copy).name == "새 이름 (copy)"
    assert store.get_answers(copy) == store.get_answers(pid)
    assert start.selected_id() == copy

    # delete asks first; "Cancel" keeps it
    def cancel(box):
        assert isinstance(box, QMessageBox) and "새 이름 (copy)" in box.text()
        box.button(QMessageBox.StandardButton.Cancel).click()

    when_modal(cancel)
    assert not start.delete_selected()
    assert len(store.list_profiles()) == 2

    def confirm(box):
        delete = next(b for b in box.buttons()
                      if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
        delete.click()

    when_modal(confirm)
    start.delete_button.click()
    assert [p.id for p in store.list_profiles()] == [pid]


def test_deleting_the_open_profile_closes_it(qtbot, main_window, open_profile, when_modal):
    pid = open_profile("individual")
    main_window.act_start.trigger()
    main_window.start.select(pid)

    def confirm(box):
        next(b for b in box.buttons()
             if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole).click()

    when_modal(confirm)
    assert main_window.start.delete_selected()
    assert main_window.session is None
    assert not main_window.act_results.isEnabled()


def test_export_then_import_gives_the_same_answers(qtbot, main_window, store, tmp_path):
    pid = store.create_profile("내보낼 기업", "company",
                               {"avg_sales_3y": 23_000_000_000, "industry": "C29",
                                "tax_arrears": None})
    start = main_window.start
    start.refresh(select=pid)
    path = start.export_selected(tmp_path / "hanbit")
    assert path.suffix == ".yaml" and path.exists()

    new_id = start.import_profile(path)
    assert new_id is not None and new_id != pid
    assert store.get_answers(new_id) == store.get_answers(pid)
    assert start.selected_id() == new_id


def test_importing_a_bad_file_says_why(qtbot, main_window, store, tmp_path, monkeypatch):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\napplicant_type: spaceship\nanswers: {}\n", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    assert main_window.start.import_profile(bad) is None
    assert shown and "bad.yaml" in shown[0] and ":2:" in shown[0]
    assert store.list_profiles() == []


def test_open_with_enter_from_the_list(qtbot, main_window, store):
    from PySide6.QtCore import Qt

    pid = store.create_profile("엔터", "individual", {})
    start = main_window.start
    start.refresh(select=pid)
    start.tree.setFocus()
    qtbot.keyClick(start.tree, Qt.Key.Key_Return)
    assert main_window.current_page() == "wizard"
    assert main_window.session.profile_id == pid
