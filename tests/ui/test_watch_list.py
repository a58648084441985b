"""The watch list, clicked in the real window: a program is watched from the results, marked and
shown on its own on the Deadlines page, exported alone to a calendar file, and unwatched again;
the list is kept in the store."""

from __future__ import annotations

from pathlib import Path

import icalendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop.engine.profile import load_profile
from desktop.ui import i18n

REPO = Path(__file__).resolve().parents[2]
LEFT = Qt.MouseButton.LeftButton


def click_program(qtbot, results, program_id):
    tree = results.program_list
    item = tree.item_of(program_id)
    assert item is not None, program_id
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), LEFT, pos=tree.visualItemRect(item).center())


def click_page(qtbot, window, page):
    button = window.toolbar.widgetForAction(window.page_actions[page])
    qtbot.mouseClick(button, LEFT)
    assert window.current_page() == page


def test_watch_a_program_see_its_deadlines_alone_and_export_them(qtbot, main_window, store, rule_pack,
                                                                 tmp_path, monkeypatch):
    w = main_window
    i18n.set_language("en", remember=False)
    QApplication.processEvents()
    food = load_profile(REPO / "rules" / "cases" / "company-food-1100-2026.yaml", rule_pack).answers
    pid = store.create_profile("한결식품", "company", food)
    w.start.refresh(select=pid)
    qtbot.mouseClick(w.start.open_button, LEFT)
    if w.current_page() == "wizard":
        qtbot.mouseClick(w.wizard.results_button, LEFT)
    results = w.results
    button = results.watch_button
    click_program(qtbot, results, "sme-ax")
    assert button.isEnabled() and not button.isChecked() and button.text() == "☆ Watch this program"
    qtbot.mouseClick(button, LEFT)
    assert store.watched_programs() == ["sme-ax"]
    assert button.isChecked() and button.text() == "★ Watched (click again to stop)"
    click_program(qtbot, results, "smart-factory")
    assert not button.isChecked()  # each program its own mark
    click_program(qtbot, results, "sme-ax")
    assert button.isChecked()

    click_page(qtbot, w, "deadlines")
    deadlines = w.deadlines
    everything = deadlines.visible_windows()
    assert len({x.program.id for x in everything}) > 1
    qtbot.mouseClick(deadlines.watched_only, LEFT)
    shown = deadlines.visible_windows()
    assert shown and {x.program.id for x in shown} == {"sme-ax"}
    name = rule_pack.programs["sme-ax"].name.en
    assert deadlines.proxy.index(0, 0).data() == f"★ {name}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "watched.ics"), ""))
    qtbot.mouseClick(deadlines.export_button, LEFT)
    cal = icalendar.Calendar.from_ical((tmp_path / "watched.ics").read_bytes())
    summaries = [str(ev.get("SUMMARY")) for ev in cal.walk("VEVENT")]
    # only the watched program: as an event when a date of it is ahead, else named in the
    # calendar's description (the file never holds past dates)
    assert all(name in s for s in summaries)
    assert summaries or name in str(cal.get("X-WR-CALDESC", "")) + str(cal.get("DESCRIPTION", ""))
    i18n.set_language("ko", remember=False)
    QApplication.processEvents()
    assert deadlines.watched_only.text() == "관심 사업만"

    click_page(qtbot, w, "results")
    click_program(qtbot, results, "sme-ax")
    assert button.text() == "★ 관심 사업 (다시 누르면 해제)"
    qtbot.mouseClick(button, LEFT)
    assert store.watched_programs() == [] and not button.isChecked()
    click_page(qtbot, w, "deadlines")
    assert deadlines.visible_windows() == []  # still "watched only", and nothing is watched
    qtbot.mouseClick(deadlines.watched_only, LEFT)
    assert len(deadlines.visible_windows()) == len(everything)
