"""File > Update rules… and File > Use the previous rules, clicked in the real window: a signed
pack (made here with a throwaway key) is installed, saved profiles are re-checked and the changed
one is named; a tampered pack changes nothing; the previous rules come back."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from nacl.encoding import HexEncoder
from nacl.signing import SigningKey
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.engine import evaluate
from desktop.engine.profile import load_profile
from desktop.packs import keys as pack_keys
from desktop.packs import store as pack_store
from desktop.packs.build import build_pack
from desktop.ui import i18n

KEY_ID = "ui-test-key"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    """A pack of the shipped rules whose food ceiling from 2025-09-01 is 1,050억 instead of 1,200억."""
    key = SigningKey.generate()
    folder = tmp_path_factory.mktemp("ui-packs")
    root = REPO
    shutil.copytree(root / "rules", folder / "rules")
    shutil.copytree(root / "seeds", folder / "seeds")
    d = folder / "rules" / "definitions.yaml"
    d.write_text(d.read_text(encoding="utf-8").replace(
        "- {value: 120_000_000_000, valid_from: 2025-09-01, source: [law-sme-framework-decree-2025#ceiling-1200]}",
        "- {value: 105_000_000_000, valid_from: 2025-09-01, source: [law-sme-framework-decree-2025#ceiling-1200]}", 1),
        encoding="utf-8")
    for case in ("company-food-1100-2026.yaml",):
        (folder / "rules" / "cases" / case).unlink()
    pack_file = folder / "2026.12.02.jiwonpack"
    build_pack(pack_file, key, KEY_ID, folder / "rules", version="2026.12.02")
    tampered = folder / "tampered.jiwonpack"
    with zipfile.ZipFile(pack_file) as z, zipfile.ZipFile(tampered, "w") as out:
        for name in z.namelist():
            data = z.read(name)
            out.writestr(name, data.replace(b"105_000_000_000", b"205_000_000_000") if name == "rules/definitions.yaml" else data)
    return key, pack_file, tampered


@pytest.fixture
def updatable(signed, tmp_path, monkeypatch):
    key = signed[0]
    monkeypatch.setattr(pack_keys, "TRUSTED_KEYS", {KEY_ID: key.verify_key.encode(encoder=HexEncoder).decode()})
    monkeypatch.setattr(pack_store, "default_root", lambda: tmp_path / "rule-packs")
    return signed


def choose(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def click_menu(qtbot, window, menu, action):
    bar = window.menuBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(menu.menuAction()).center())
    qtbot.waitUntil(menu.isVisible)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible())


def test_update_recheck_and_roll_back(qtbot, main_window, store, rule_pack, updatable, monkeypatch):
    _key, pack_file, tampered = updatable
    w = main_window
    food = load_profile(REPO / "rules" / "cases" / "company-food-1100-2026.yaml", rule_pack).answers
    pid = store.create_profile("한결식품", "company", food)
    store.save_assessment(pid, evaluate(rule_pack, store.get_answers(pid), w.as_of))
    other = store.create_profile("Someone", "individual", {})
    store.save_assessment(other, evaluate(rule_pack, store.get_answers(other), w.as_of))

    choose(monkeypatch, tampered)
    click_menu(qtbot, w, w.file_menu, w.act_update_rules)
    error = w.rule_updates.error_banner
    qtbot.waitUntil(lambda: not error.isHidden())
    assert error.title.text() == "The rules were not updated; nothing was changed."
    assert error.body.text().startswith("The pack was changed after it was signed.\n")
    assert "rules/definitions.yaml differs from what was signed" in error.body.text()
    i18n.set_language("ko", remember=False)
    click_menu(qtbot, w, w.file_menu, w.act_update_rules)
    qtbot.waitUntil(lambda: "rules/definitions.yaml 파일이 서명된 내용과 다릅니다" in error.body.text())
    assert "differs from what was signed" not in error.body.text()
    i18n.set_language("en", remember=False)
    assert w.pack is rule_pack and pack_store.PackStore().current is None

    choose(monkeypatch, pack_file)
    click_menu(qtbot, w, w.file_menu, w.act_update_rules)
    banner = w.rule_updates.banner
    qtbot.waitUntil(lambda: not banner.isHidden())
    assert error.isHidden()
    assert banner.title.text() == "Rules 2026.12.02 are now in use."
    assert banner.body.text().startswith("Saved profiles whose results changed: 1\n• 한결식품\n")
    assert w.pack.version != rule_pack.version and w.start.pack is w.pack
    assert pack_store.PackStore().current.version == "2026.12.02"
    assert [c.profile_id for c in w.rule_updates.last_changed] == [pid]
    assert list(store.flagged_profiles()) == [pid]
    sme_ax = next(p for p in w.rule_updates.last_changed[0].changes.programs if p.program_id == "sme-ax")
    assert (sme_ax.old_status, sme_ax.new_status) == ("eligible", "ineligible")
    assert sme_ax.causes[0].text.en.startswith(
        "SME sales ceiling for the industry moved from KRW 120 billion to KRW 105 billion — your KRW 110 billion no longer fits")
    # The banner opens the changed profile, which then says what changed and why.
    [open_food] = w.rule_updates.open_buttons
    assert open_food.text() in ("Open 한결식품", "한결식품 열기")
    qtbot.mouseClick(open_food, Qt.MouseButton.LeftButton)
    assert w.session is not None and w.session.profile_id == pid
    if w.current_page() == "wizard":
        qtbot.mouseClick(w.wizard.results_button, Qt.MouseButton.LeftButton)
    assert w.current_page() == "results" and not w.changes_banner.isHidden()
    assert "KRW 105 billion" in w.changes_banner.body.text() or "1,050억" in w.changes_banner.body.text()

    click_menu(qtbot, w, w.file_menu, w.act_previous_rules)
    qtbot.waitUntil(lambda: w.pack.version == rule_pack.version)
    assert pack_store.PackStore().current is None and pack_store.PackStore().previous.version == "2026.12.02"
    assert [c.profile_id for c in w.rule_updates.last_changed] == [pid]
