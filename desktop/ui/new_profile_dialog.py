"""Asks for what a new profile needs before the first question: a name and who is applying.

The applicant type decides every question that follows (a school is never asked for its sales),
so it is chosen here, once, rather than in the wizard.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWidget)

from desktop.engine.model import APPLICANT_TYPES
from desktop.ui.retranslate import Retranslating


class NewProfileDialog(Retranslating, QDialog):
    def __init__(self, parent: QWidget | None = None, applicant_type: str = "company"):
        super().__init__(parent)
        self.setObjectName("newProfileDialog")
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("profileName")
        self.name_label = QLabel(self)
        self.name_label.setBuddy(self.name_edit)
        self.type_label = QLabel(self)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        row = QHBoxLayout()
        for i, kind in enumerate(APPLICANT_TYPES):
            rb = QRadioButton(self)
            rb.setObjectName(f"type_{kind}")
            self.group.addButton(rb, i)
            self.radios[kind] = rb
            row.addWidget(rb)
            rb.toggled.connect(self._type_toggled)
        row.addStretch(1)
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.explain.setObjectName("typeExplain")
        form = QFormLayout()
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.type_label, row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._update_ok)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.explain)
        lay.addWidget(self.buttons)
        self._named_by_user = False
        self.name_edit.textEdited.connect(lambda _t: setattr(self, "_named_by_user", True))
        self.radios.get(applicant_type, self.radios["company"]).setChecked(True)
        self.retranslate()
        self.setMinimumWidth(460)
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def applicant_type(self) -> str:
        for kind, rb in self.radios.items():
            if rb.isChecked():
                return kind
        return "company"

    def name(self) -> str:
        return self.name_edit.text().strip()

    def default_name(self, kind: str) -> str:
        return {"company": self.tr("New company"), "school": self.tr("New school"),
                "individual": self.tr("New individual")}[kind]

    def _type_toggled(self, _on: bool) -> None:
        if not self._named_by_user:
            self.name_edit.setText(self.default_name(self.applicant_type()))
            self.name_edit.selectAll()
        self._explain()

    def _explain(self) -> None:
        self.explain.setText({
            "company": self.tr("A company or a start-up: SME support, AI transformation, "
                               "smart factories, investment."),
            "school": self.tr("A vocational high school: the SME Specialized High School project "
                              "and its tracks."),
            "individual": self.tr("A person: re-employment, training and job-search support."),
        }[self.applicant_type()])

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.name()))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New profile"))
        self.name_label.setText(self.tr("&Name:"))
        self.type_label.setText(self.tr("Who is applying:"))
        self.radios["company"].setText(self.tr("&Company"))
        self.radios["school"].setText(self.tr("&School"))
        self.radios["individual"].setText(self.tr("&Individual"))
        if not self._named_by_user:
            self.name_edit.setText(self.default_name(self.applicant_type()))
        self._explain()
        self._update_ok()
