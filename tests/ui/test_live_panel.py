"""The live panel beside the questions: long program names wrap onto a second line instead of
ending in '…', and the line under the list reads as sentences."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt

from desktop.engine import evaluate, load_profile
from desktop.paths import rules_dir
from desktop.ui import i18n
from desktop.ui.wizard.live_panel import LivePanel


def test_long_names_wrap_at_the_width_the_column_has(qtbot, monkeypatch, rule_pack):
    monkeypatch.setattr(i18n, "_lang", "en")
    profile = load_profile(rules_dir() / "cases" / "company-parts-maker-eligible.yaml", rule_pack)
    assessment = evaluate(rule_pack, profile.answers, profile.today)
    panel = LivePanel()
    qtbot.addWidget(panel)
    panel.resize(460, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_assessment(rule_pack, assessment, "company")
    tree = panel.tree
    qtbot.waitUntil(lambda: tree.header().sectionSize(0) > 100)
    width = tree.header().sectionSize(0)
    metrics = tree.fontMetrics()
    wrapped = 0
    for pid, item in panel._items.items():
        if item.isHidden():
            continue
        name = item.text(0)
        rect = tree.visualItemRect(item)
        needs = metrics.boundingRect(QRect(0, 0, width - 60, 10_000),
                                     int(Qt.TextFlag.TextWordWrap), name).height()
        if metrics.horizontalAdvance(name) > width:
            wrapped += 1
            assert rect.height() >= 2 * metrics.lineSpacing(), (pid, name)
        assert rect.height() + 4 >= min(needs, 2 * metrics.lineSpacing()), (pid, name)
    assert wrapped, "no program name is longer than the column at this width"
    # the hint's two sentences both end with a full stop
    assert panel.hint.text().endswith(".")
    assert panel.hint.text().count(".") >= 2
