"""The About box: which program and which rules the user is running, and under which licences.

Support staff ask "which version do you have?" first: the program version and the rules version
must both be here, the rules named as everywhere else (their date and the short content hash,
`rules_label`; the full hash of `jiwon --version` in the tooltip), with the database file the
profiles are kept in. These technical details live here rather than on the main screens.
The licences are the ones the bundle has to show: the shipped Korean font (SIL OFL, full text
from resources/fonts/OFL.txt) and the libraries inside the bundle.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QHeaderView,
    QAbstractItemView,
)

import desktop
from desktop.engine.explain import rules_label
from desktop.paths import resources_dir
from desktop.ui import i18n
from desktop.ui.retranslate import Retranslating


@dataclass(frozen=True)
class Component:
    """A library shipped with the program and its licence (checked against the package metadata
    by tests/ui/test_about_dialog.py, so a dependency that changes licence is noticed)."""

    name: str  # as shown
    distribution: str  # the installed package's name, for its version
    licence: str


COMPONENTS = (
    Component("Qt / PySide6", "PySide6-Essentials", "LGPL-3.0"),
    Component("ReportLab", "reportlab", "BSD"),
    Component("sqlite-utils", "sqlite-utils", "Apache-2.0"),
    Component("ruamel.yaml", "ruamel.yaml", "MIT"),
    Component("jsonschema", "jsonschema", "MIT"),
    Component("fastjsonschema", "fastjsonschema", "BSD-3-Clause"),
    Component("icalendar", "icalendar", "BSD-2-Clause"),
    Component("holidays", "holidays", "MIT"),
    Component("platformdirs", "platformdirs", "MIT"),
    Component("pypdfium2 / PDFium", "pypdfium2", "Apache-2.0 / BSD-3-Clause"),
    Component("PyNaCl / libsodium", "PyNaCl", "Apache-2.0"),
)

FONT_NAME = "NanumGothic"
FONT_LICENCE = "SIL Open Font License 1.1"


def installed_version(distribution: str) -> str:
    """The installed version, or an em dash where the metadata is not shipped (some bundles)."""
    if distribution == "PySide6-Essentials":
        return f"{PySide6.__version__} (Qt {qVersion()})"
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "—"


def font_licence_text() -> str:
    path = resources_dir() / "fonts" / "OFL.txt"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


class AboutDialog(Retranslating, QDialog):
    """Versions, what the program is (and is not), and every licence."""

    def __init__(self, parent: QWidget | None, pack, database: Path | None = None):
        """`database`: the profiles file, or None when this session works without saving."""
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self._pack = pack
        self._database = database

        self.title_label = QLabel()
        self.title_label.setTextFormat(Qt.TextFormat.RichText)
        self.blurb_label = QLabel()
        self.blurb_label.setWordWrap(True)

        self.program_version_label = QLabel(desktop.__version__)
        self.rules_version_label = QLabel()
        self.rules_version_label.setToolTip(pack.version)
        self.program_count_label = QLabel(str(len(pack.programs)))
        self.database_label = QLabel()
        self.database_label.setWordWrap(True)
        for lab in (self.program_version_label, self.rules_version_label, self.database_label):
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.versions = QFormLayout()
        self._version_names = [QLabel(), QLabel(), QLabel(), QLabel()]
        self.versions.addRow(self._version_names[0], self.program_version_label)
        self.versions.addRow(self._version_names[1], self.rules_version_label)
        self.versions.addRow(self._version_names[2], self.program_count_label)
        self.versions.addRow(self._version_names[3], self.database_label)

        self.licences_table = QTableWidget(len(COMPONENTS) + 2, 3)
        self.licences_table.verticalHeader().hide()
        self.licences_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.licences_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        rows = [("Jiwon", desktop.__version__, "MIT"),
                (FONT_NAME, "—", FONT_LICENCE)]
        rows += [(c.name, installed_version(c.distribution), c.licence) for c in COMPONENTS]
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.licences_table.setItem(r, c, QTableWidgetItem(text))
        self.licences_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)  # compact rows: all fit without scrolling
        self.licences_table.setWordWrap(False)
        head = self.licences_table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.licences_note = QLabel()
        self.licences_note.setWordWrap(True)

        self.font_licence = QPlainTextEdit(font_licence_text())
        self.font_licence.setReadOnly(True)
        self.font_licence.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.font_note = QLabel()
        self.font_note.setWordWrap(True)

        libs = QWidget()
        lay = QVBoxLayout(libs)
        lay.addWidget(self.licences_table, 1)
        lay.addWidget(self.licences_note)
        font = QWidget()
        lay = QVBoxLayout(font)
        lay.addWidget(self.font_note)
        lay.addWidget(self.font_licence, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(libs, "")
        self.tabs.addTab(font, "")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.blurb_label)
        layout.addLayout(self.versions)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(660, 640)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About Jiwon"))
        self.title_label.setText("<h2>Jiwon 지원</h2>")
        self.blurb_label.setText(self.tr(
            "Checks which Korean government support programs a company, school or person can "
            "apply for, why, and by when. It runs offline: your answers stay on this computer. "
            "The results are a pre-screening, not an official decision."))
        self._version_names[0].setText(self.tr("Program version:"))
        self._version_names[1].setText(self.tr("Rules version:"))
        self._version_names[2].setText(self.tr("Programs loaded:"))
        self._version_names[3].setText(self.tr("Profiles saved in:"))
        self.rules_version_label.setText(rules_label(self._pack).get(i18n.current_lang()))
        self.database_label.setText(
            str(self._database) if self._database is not None
            else self.tr("Not saved: this session works without saving"))
        self.licences_table.setHorizontalHeaderLabels(
            [self.tr("Component"), self.tr("Version"), self.tr("Licence")])
        self.licences_note.setText(self.tr(
            "Qt and PySide6 are used under the GNU Lesser General Public License v3; you may "
            "replace them with your own build. The other libraries' licences permit "
            "redistribution with this notice."))
        self.tabs.setTabText(0, self.tr("Libraries"))
        self.tabs.setTabText(1, self.tr("Font licence"))
        self.font_note.setText(self.tr(
            "Korean text is shown and printed in the NanumGothic font by NAVER, shipped with the "
            "program under the SIL Open Font License 1.1:"))
