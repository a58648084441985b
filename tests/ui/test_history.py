"""A profile's check history, clicked in the real window: a stored check is shown as it was (its
day, its rules, each outcome), and "Check again today" names what changed since, and why."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.engine import evaluate
from desktop.engine.profile import load_profile
from desktop.ui import i18n

REPO = Path(__file__).resolve().parents[2]
LEFT = Qt.MouseButton.LeftButton


def test_history_shows_a_check_as_it_was_and_what_changed_today(qtbot, main_window, store, rule_pack):
    w = main_window
    i18n.set_language("en", remember=False)
    QApplication.processEvents()
    food = load_profile(REPO / "rules" / "cases" / "company-food-1100-2025.yaml", rule_pack).answers
    pid = store.create_profile("한결식품", "company", food)
    store.save_assessment(pid, evaluate(rule_pack, store.get_answers(pid), dt.date(2025, 6, 1)))
    store.save_assessment(pid, evaluate(rule_pack, store.get_answers(pid), w.as_of))
    w.start.refresh(select=pid)
    qtbot.mouseClick(w.start.history_button, LEFT)
    dialog = w.history_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Check history of 한결식품"
    rows = [dialog.list.topLevelItem(i).text(1) for i in range(dialog.list.topLevelItemCount())]
    assert rows == [w.as_of.isoformat(), "2025-06-01"]  # newest first
    older = dialog.list.topLevelItem(1)
    qtbot.mouseClick(dialog.list.viewport(), LEFT, pos=dialog.list.visualItemRect(older).center())
    text = dialog.detail.text()
    assert text.startswith(f"As checked for 2025-06-01 under rules {rule_pack.version[:12]}.")
    sme_ax = rule_pack.programs["sme-ax"].name.en
    assert f"• {sme_ax}: Not eligible" in text
    others = [p.name.en for p in rule_pack.programs.values() if "company" not in p.audience]
    assert others and not any(f"• {n}:" in text for n in others)  # other applicants' programs left out
    assert dialog.changes.isHidden()

    qtbot.mouseClick(dialog.again_button, LEFT)
    assert not dialog.changes.isHidden()
    said = dialog.changes.text()
    assert said.startswith(f"Between the check for 2025-06-01 and one today ({w.as_of.isoformat()}):")
    assert f"{sme_ax}: Not eligible → Eligible" in said
    assert ("  - SME sales ceiling for the industry moved from KRW 100 billion to KRW 120 billion "
            "— your KRW 110 billion now fits") in said
    assert len(store.history(pid)) == 2  # looking back saves nothing

    i18n.set_language("ko", remember=False)
    QApplication.processEvents()
    assert dialog.again_button.text() == "오늘 다시 확인"
    newest = dialog.list.topLevelItem(0)
    qtbot.mouseClick(dialog.list.viewport(), LEFT, pos=dialog.list.visualItemRect(newest).center())
    qtbot.mouseClick(dialog.again_button, LEFT)
    assert dialog.changes.text().endswith("그때와 달라진 점이 없습니다.")
    dialog.close()
