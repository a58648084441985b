"""The KSIC industry picker: type part of a name or a code, pick from the matches.

Nobody knows the code of "metal products except machinery and furniture" by heart, and nobody
wants to scroll through eighty divisions either; matching anywhere in "C25 금속가공제품 제조업"
lets either the code or any word of the name find it. What is typed rather than picked is read by
the engine (typed_input.read_industry): a finer code than the list holds (C30393), the code without
its letter (30320), or a word of the name that only one division has.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QToolButton, QWidget

from desktop.ui.i18n import current_lang
from desktop.ui.wizard.fields.entry import EntryField

_PICKED = re.compile(r"\s*([A-Za-z]\d{2,5})\s+\D")  # "C25 금속가공제품 제조업", as the list shows it


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


class IndustryField(EntryField):
    def build_input(self) -> None:
        super().build_input()
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(12)
        self.completer.activated[str].connect(self._completed)
        self.edit.setCompleter(self.completer)
        self.browse = QToolButton(self)
        self.browse.setObjectName("browseIndustries")
        self.browse.setText("▾")
        self.browse.clicked.connect(self.show_all)
        self.input_row.addWidget(self.browse)

    def input_width(self) -> int:
        return 380

    def input_widgets(self) -> list[QWidget]:
        return [self.edit, self.browse]

    def entries(self) -> list[str]:
        lang = current_lang()
        return [f"{ind.code} {ind.label.get(lang)}" for ind in self.ctx.pack.industries.values()]

    def retranslate_input(self) -> None:
        self.model.setStringList(self.entries())
        self.edit.setPlaceholderText(
            translate("IndustryField", "Type a code or part of the name, e.g. C25 or metal"))
        self.browse.setToolTip(translate("IndustryField", "Show all industries"))
        self.browse.setAccessibleName(translate("IndustryField", "Show all industries"))

    def show_all(self) -> None:
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.completer.setCompletionPrefix("")
        self.completer.complete()

    def _completed(self, text: str) -> None:
        self.edit.setText(text)
        self.check_pending()

    def show_value(self, value: Any) -> None:
        self.edit.setText(self.ctx.display(self.question.id, value))
        self._checked_text = self.edit.text()

    def to_raw(self, text: str) -> Any:
        """The code of an entry picked from the list ("C25 금속가공제품 제조업"); anything else
        (a code, 30320 without its letter, part of a name) is the engine's to read."""
        m = _PICKED.match(text)
        if m:
            return m.group(1).upper()
        return text
