"""Re-check all after a restart: the clients were checked under earlier rules by one run of the
app, and the next run (a new Store on the same SQLite file, a new workspace window, with only
today's rules in memory) re-checks them.

Between the two sets of rules one income limit moved (an individual's outcome changes) and one
application window moved (a school's outcome does not, its deadline does); a company is touched
by neither. When the earlier rules are still on this computer (the previous rule pack), the
re-check names the criterion; when they are gone, it says so for the outcome and still names the
moved window, from the deadline the stored check recorded.
"""

from __future__ import annotations

import json
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.engine import load_rules
from desktop.packs import store as pack_store
from desktop.paths import rules_dir, seeds_dir
from desktop.storage import open_store
from desktop.storage.recheck import NO_OLD_RULES
from desktop.tabular import write_table
from desktop.ui.workspace import ClientWorkspace

CLIENTS = [
    ["name", "applicant_type", "household_income_pct", "school_type", "university_status",
     "avg_sales_3y", "full_time_workers", "region"],
    ["김하늘", "individual", "80", "", "", "", "", "seoul"],
    ["한빛대학교", "school", "", "university", "ai_grad_school", "", "", "daejeon"],
    ["금속가공", "company", "", "", "", "35억", "40", "busan"],
]


@pytest.fixture(scope="module")
def earlier_rules(tmp_path_factory):
    """The rules as they were: a lower income limit for one programme, and the AX graduate
    school's 2026 window closing on 20 March instead of 25 March."""
    folder = tmp_path_factory.mktemp("earlier") / "rules"
    shutil.copytree(rules_dir(), folder)
    for name, old, new in [("nesp-type2", "household_income_pct <= 100", "household_income_pct <= 50"),
                           ("ax-grad-school", "    closes: 2026-03-25\n", "    closes: 2026-03-20\n")]:
        path = folder / "programs" / f"{name}.yaml"
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, name
        path.write_text(text.replace(old, new), encoding="utf-8")
    pack = load_rules(folder, seeds_dir())
    assert not pack.errors
    return folder, pack


def first_run(qtbot, monkeypatch, tmp_path, db_path, pack, as_of):
    """The client list imported under the earlier rules, by clicking; then the app closes."""
    path = tmp_path / "clients.csv"
    write_table(path, CLIENTS[0], CLIENTS[1:])
    store = open_store(db_path)
    w = ClientWorkspace(store, pack, as_of, find_pack=lambda _version: None)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(w.import_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(w.import_dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(store.list_profiles()) == 3
    w.close()
    store.close()


def second_run(qtbot, db_path, pack, as_of):
    """The app started again: a new Store on the same file, today's rules only in memory, the
    earlier ones looked up where the app looks for them (desktop.packs.finder)."""
    store = open_store(db_path)
    w = ClientWorkspace(store, pack, as_of)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert "were last checked with other rules" in w.notice.text()
    qtbot.mouseClick(w.recheck_button, Qt.MouseButton.LeftButton)
    changed = {c.name: c.changes for c in w.model.clients if c.flagged}
    return store, w, changed


def install_as_previous(root, folder, pack) -> None:
    """The earlier rules kept as the previous rule pack, as an update leaves them: a pack folder
    (rules and their source notes side by side, and the manifest) named in the state file."""
    previous = root / "pack-earlier"
    shutil.copytree(folder, previous / "rules")
    shutil.copytree(seeds_dir(), previous / "seeds")
    (previous / "manifest.json").write_text(json.dumps({
        "version": "2026.02.1", "rules_version": pack.version, "created": "2026-02-01T00:00:00Z"}),
        encoding="utf-8")
    (root / "state.json").write_text(json.dumps({"current": None, "previous": "pack-earlier"}),
                                     encoding="utf-8")


@pytest.mark.parametrize("kept", [False, True], ids=["earlier-rules-gone", "earlier-rules-kept"])
def test_recheck_after_a_restart_names_what_changed(qtbot, monkeypatch, tmp_path, db_path,
                                                    rule_pack, earlier_rules, as_of, kept):
    folder, earlier = earlier_rules
    root = tmp_path / "rule-packs"
    root.mkdir()
    if kept:
        install_as_previous(root, folder, earlier)
    monkeypatch.setattr(pack_store, "default_root", lambda: root)

    first_run(qtbot, monkeypatch, tmp_path, db_path, earlier, as_of)
    store, w, changed = second_run(qtbot, db_path, rule_pack, as_of)

    # only the two clients something changed for, each for the one programme that changed
    assert set(changed) == {"김하늘", "한빛대학교"}
    person, school = changed["김하늘"], changed["한빛대학교"]
    assert [p.program_id for p in person.programs] == ["nesp-type2"]
    assert [p.program_id for p in school.programs] == ["ax-grad-school"]
    income = person.programs[0]
    assert income.old_status == "ineligible" and income.new_status != "ineligible"
    window = school.programs[0]
    assert window.old_status == window.new_status  # the deadline alone moved
    assert [c.kind for c in window.causes] == ["round"]
    for lang in ("en", "ko"):
        line = window.causes[0].text.get(lang)
        assert "2026-03-20" in line and "2026-03-25" in line, line
    if kept:  # the earlier rules were found: the criterion that came out differently
        assert all(c.text != NO_OLD_RULES for c in income.causes)
        assert any(c.criterion for c in income.causes)
    else:  # gone: the outcome's cause is not known, and the row says so
        assert [c.text for c in income.causes] == [NO_OLD_RULES]
    # the matrix shows it, and the flags are in the file for the next start
    text = w.model.changes_text(next(c for c in w.model.clients if c.name == "한빛대학교"))
    assert window.causes[0].text.get("en") in text
    assert "An outcome or a deadline changed for 2 of them" in w.notice.text()
    w.close()
    store.close()
    again = open_store(db_path)
    try:
        flagged = again.flagged_changes()
        names = {p.id: p.name for p in again.list_profiles()}
        assert {names[pid] for pid in flagged} == {"김하늘", "한빛대학교"}
    finally:
        again.close()
