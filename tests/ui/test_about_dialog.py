"""The About box: both versions, the font licence, and licences that match the installed packages."""

from __future__ import annotations

from importlib import metadata

import pytest
from PySide6.QtWidgets import QTableWidget

import desktop
from desktop.engine.explain import rules_label
from desktop.ui import i18n
from desktop.ui.about_dialog import COMPONENTS, AboutDialog


@pytest.fixture
def pack(rule_pack):
    return rule_pack


@pytest.fixture
def dialog(qtbot, pack):
    d = AboutDialog(None, pack)
    qtbot.addWidget(d)
    return d


def _table_text(table: QTableWidget) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_shows_program_and_rules_versions(dialog, pack):
    """The rules by date and short id, as on the PDF cover; the full id of `jiwon --version`
    in the tooltip."""
    assert dialog.program_version_label.text() == desktop.__version__
    assert dialog.rules_version_label.text() == rules_label(pack).en
    assert dialog.rules_version_label.text().endswith(f" rules · {pack.version[:7]}")
    assert dialog.rules_version_label.toolTip() == pack.version
    assert dialog.program_count_label.text() == str(len(pack.programs))


def test_names_the_database_file(qtbot, pack, tmp_path):
    d = AboutDialog(None, pack, database=tmp_path / "jiwon.db")
    qtbot.addWidget(d)
    assert d.database_label.text() == str(tmp_path / "jiwon.db")


def test_shows_the_shipped_font_licence(dialog):
    text = dialog.font_licence.toPlainText()
    assert "SIL OPEN FONT LICENSE" in text
    assert "NanumGothic" in text
    rows = _table_text(dialog.licences_table)
    assert ["NanumGothic", "—", "SIL Open Font License 1.1"] in rows


@pytest.mark.parametrize("component", COMPONENTS, ids=lambda c: c.name)
def test_library_licence_matches_the_installed_package(component):
    """The licence we show is the one the installed package declares (metadata or classifier)."""
    meta = metadata.metadata(component.distribution)
    declared = " ".join(filter(None, [
        meta.get("License-Expression"), meta.get("License"),
        *[c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")],
    ]))
    for part in component.licence.split(" / "):
        key = {"LGPL-3.0": "LGPL-3.0", "BSD": "BSD", "BSD-2-Clause": "BSD",
               "BSD-3-Clause": "BSD-3-Clause", "Apache-2.0": "Apache-2.0",
               "MIT": "MIT"}[part]
        assert key in declared, f"{component.distribution}: shows {part}, declares {declared!r}"


def test_every_library_row_has_a_version(dialog):
    rows = _table_text(dialog.licences_table)
    for c in COMPONENTS:
        row = next(r for r in rows if r[0] == c.name)
        assert row[1] and row[1] != "—", c.name


def test_language_switch_retranslates(qtbot, dialog):
    i18n.set_language("en", remember=False)
    assert dialog.windowTitle() == "About Jiwon"
    i18n.set_language("ko", remember=False)
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Jiwon(지원) 정보")
    assert dialog.tabs.tabText(1) == "글꼴 라이선스"
    assert dialog.rules_version_label.text() == rules_label(dialog._pack).ko
    i18n.set_language("en", remember=False)
    qtbot.waitUntil(lambda: dialog.windowTitle() == "About Jiwon")
