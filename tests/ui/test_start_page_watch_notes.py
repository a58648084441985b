"""The start page's notes on watched programs, in the real window on a real database: programs
are watched from the results with clicks, and the start page then shows, per profile, a round
that opened since its last check, one closing within 14 days and an estimate replaced by real
dates; a click on a note selects its profile, and the notes follow the language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication

from desktop.engine import evaluate, load_rules
from desktop.engine.profile import load_profile
from desktop.ui import i18n

REPO = Path(__file__).resolve().parents[2]
CHECKED = dt.date(2026, 2, 20)  # the profiles' last check: every school round of the year ahead
TODAY = dt.date(2026, 3, 15)

LEFT = Qt.MouseButton.LeftButton


def click_item(qtbot, tree, item):
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), LEFT, pos=tree.visualItemRect(item).center())


def row_of(tree, profile_id):
    for i in range(tree.topLevelItemCount()):
        if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == profile_id:
            return tree.topLevelItem(i)
    raise AssertionError(profile_id)


def notes_shown(start):
    tree = start.watch_tree
    out = {}
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        out[top.text(0)] = [top.child(j).text(0) for j in range(top.childCount())]
    return out


def test_watched_programs_give_notes_per_profile(qtbot, store, announced_rules, rule_pack):
    from desktop.ui.main_window import MainWindow

    new = load_rules(announced_rules)
    assert new.errors == ()
    ids = {}
    for name, case in (("서울 특성화고", "school-specialized-seoul.yaml"), ("AX 대학원", "school-university-ax.yaml"),
                       ("한결식품", "company-food-1100-2026.yaml")):
        answers = load_profile(REPO / "rules" / "cases" / case, rule_pack).answers
        ids[name] = store.create_profile(name, answers["applicant_type"], answers)
        store.save_assessment(ids[name], evaluate(rule_pack, store.get_answers(ids[name]), CHECKED))

    w = MainWindow(new, store, as_of=TODAY)
    w.show()
    qtbot.waitExposed(w)
    try:
        start = w.start
        assert start.watch_box.isHidden()  # nothing watched yet

        # open the university and watch three school programs from its results
        click_item(qtbot, start.tree, row_of(start.tree, ids["AX 대학원"]))
        qtbot.mouseClick(start.open_button, LEFT)
        if w.current_page() == "wizard":
            qtbot.mouseClick(w.wizard.results_button, LEFT)
        results = w.results
        for pid in ("ax-grad-school", "shs-tailored-class", "sme-specialized-hs"):
            item = results.program_list.item_of(pid)
            click_item(qtbot, results.program_list, item)
            qtbot.mouseClick(results.watch_button, LEFT)
        assert store.watched_programs() == ["ax-grad-school", "shs-tailored-class", "sme-specialized-hs"]
        qtbot.mouseClick(w.toolbar.widgetForAction(w.page_actions["start"]), LEFT)
        assert w.current_page() == "start"

        assert start.watch_box.isVisible()
        names = {p: new.programs[p].name for p in ("ax-grad-school", "shs-tailored-class", "sme-specialized-hs")}
        shown = notes_shown(start)
        # the university was checked again just now (its results were shown): only the round
        # closing soon is news; the school, last checked on 2026-02-20, has a round that opened
        # and an estimate replaced; the company can apply to none of them
        assert shown == {
            "AX 대학원 (last checked for 2026-03-15)": [
                f"{names['ax-grad-school'].en}: closes 2026-03-25 — 10 days left"],
            "서울 특성화고 (last checked for 2026-02-20)": [
                f"{names['shs-tailored-class'].en}: applications opened since the last check (2026-02-20) "
                "— closes 2026-04-20",
                f"{names['sme-specialized-hs'].en}: the 2026 round was announced: 2026-04-01 – 2026-04-30, "
                "replacing the estimate"],
        }
        assert "As of 2026-03-15" in start.watch_intro.text()

        # a click on a note selects its profile in the list; Open then opens that one
        school_row = next(start.watch_tree.topLevelItem(i) for i in range(start.watch_tree.topLevelItemCount())
                          if start.watch_tree.topLevelItem(i).text(0).startswith("서울"))
        click_item(qtbot, start.watch_tree, school_row.child(1))
        assert start.selected_id() == ids["서울 특성화고"]
        qtbot.mouseClick(start.open_button, LEFT)
        assert w.session is not None and w.session.profile_id == ids["서울 특성화고"]
        # its results shown: checked today, so what opened and what was announced is known now
        if w.current_page() == "wizard":
            qtbot.mouseClick(w.wizard.results_button, LEFT)
        assert w.current_page() == "results"

        # in Korean, with the particle read from the number of days
        qtbot.mouseClick(w.toolbar.widgetForAction(w.page_actions["start"]), LEFT)
        i18n.set_language("ko", remember=False)
        QApplication.processEvents()
        korean = notes_shown(start)
        assert korean["AX 대학원 (지난 확인 2026-03-15)"] == [
            f"{names['ax-grad-school'].ko}: 2026-03-25 마감 — 마감까지 10일이 남았습니다"]
        assert start.watch_title.text() == "관심 사업 소식"
        assert set(korean) == {"AX 대학원 (지난 확인 2026-03-15)"}
    finally:
        i18n.set_language("en", remember=False)
        w.close()
        w.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_notes_are_left_out_for_programs_no_longer_watched(qtbot, store, announced_rules, rule_pack):
    from desktop.ui.main_window import MainWindow

    new = load_rules(announced_rules)
    answers = load_profile(REPO / "rules" / "cases" / "school-specialized-seoul.yaml", rule_pack).answers
    pid = store.create_profile("서울 특성화고", "school", answers)
    store.save_assessment(pid, evaluate(rule_pack, store.get_answers(pid), CHECKED))
    store.set_watched("shs-tailored-class", True)
    w = MainWindow(new, store, as_of=TODAY)
    w.show()
    qtbot.waitExposed(w)
    try:
        start = w.start
        assert len(notes_shown(start)) == 1
        store.set_watched("shs-tailored-class", False)
        start.refresh()
        assert start.watch_box.isHidden() and notes_shown(start) == {}
    finally:
        w.close()
        w.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
