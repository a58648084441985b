"""Profiles whose outcome changed at their last check (the re-check after a rule update): marked
on the start page with why, opened from there or from the update's banner, and shown with what
changed; the mark goes once the profile has been looked at. Clicked in the real window."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop.engine import evaluate
from desktop.engine.profile import load_profile
from desktop.ui import i18n

REPO = Path(__file__).resolve().parents[2]
LEFT = Qt.MouseButton.LeftButton


def _language(lang):
    i18n.set_language(lang, remember=False)
    QApplication.processEvents()  # Qt delivers the language change as an event


def _row(start, pid):
    for i in range(start.tree.topLevelItemCount()):
        item = start.tree.topLevelItem(i)
        if item.data(0, Qt.ItemDataRole.UserRole) == pid:
            return item
    raise AssertionError(pid)


def test_changed_profile_is_marked_opened_and_then_unmarked(qtbot, main_window, store, rule_pack,
                                                            tmp_path, monkeypatch):
    w = main_window
    food = load_profile(REPO / "rules" / "cases" / "company-food-1100-2025.yaml", rule_pack).answers
    pid = store.create_profile("한결식품", "company", food)
    store.save_assessment(pid, evaluate(rule_pack, store.get_answers(pid), dt.date(2025, 6, 1)))
    calm = store.create_profile("Calm school", "school", {"school_type": "general"})
    store.save_assessment(calm, evaluate(rule_pack, store.get_answers(calm), w.as_of))
    [changed] = store.recheck_all(rule_pack, w.as_of, {rule_pack.version: rule_pack})
    assert changed.profile_id == pid
    start = w.start
    _language("en")
    start.refresh(select=pid)
    item = _row(start, pid)
    assert item.text(4) == "⚠ Results changed"
    tip = item.toolTip(4)
    assert "SME AI Transformation (AX)" in tip and "Not eligible → Eligible" in tip
    assert "  - SME sales ceiling for the industry moved from KRW 100 billion to KRW 120 billion" in tip
    assert _row(start, calm).text(4) == ""
    _language("ko")
    item = _row(start, pid)
    assert item.text(4) == "⚠ 결과 달라짐"
    assert "업종별 중소기업 매출액 기준이 1,000억 원에서 1,200억 원으로 바뀌었습니다" in item.toolTip(4)

    start.select(pid)
    qtbot.mouseClick(start.open_button, LEFT)
    assert w.session is not None and w.session.profile_id == pid
    if w.current_page() == "wizard":
        qtbot.mouseClick(w.wizard.results_button, LEFT)
    assert w.current_page() == "results"
    banner = w.changes_banner
    assert not banner.isHidden()
    assert banner.title.text() == "지난 확인(2025-06-01, " + rule_pack.version[:12] + " 규칙) 이후 달라진 점:"
    assert "중소기업 AI 전환(AX) 지원" in banner.body.text() and "신청 불가 → 신청 가능" in banner.body.text()
    _language("en")
    assert banner.title.text() == f"Changed since the last check (2025-06-01, rules {rule_pack.version[:12]}):"
    # The PDF saved from here has the page of what changed, one line per cause.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "food.pdf"), ""))
    qtbot.mouseClick(w.toolbar.widgetForAction(w.act_pdf), LEFT)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "food.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    page = next(p for p in text.split("\f") if "Changes since your last assessment" in p)
    assert " ".join(page.split()).count(
        "SME sales ceiling for the industry moved from KRW 100 billion to KRW 120 billion") == 3
    # Looked at: the results are saved without a change, and the mark is gone.
    assert store.flagged_profiles() == {}
    w.close_profile()
    assert _row(w.start, pid).text(4) == ""
