"""Typed answers: whole numbers, amounts in KRW (억/만 or million/bn), free text.

The text is checked when the user leaves the field or presses Enter, not on every key: "1,2" on
the way to "1,230억" is not an error. An accepted number is written back formatted (thousands
separators, 억/만 for amounts), so the user sees how it was read.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from desktop.engine import format_amount
from desktop.ui.i18n import current_lang
from desktop.ui.wizard.fields.base import AnswerField


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


class EntryField(AnswerField):
    """A line of text checked by the engine; the base for numbers, amounts, dates and industries."""

    def build_input(self) -> None:
        self.edit = QLineEdit(self)
        self.edit.setObjectName("answerInput")
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(self.input_width())
        self.edit.setMaximumWidth(max(self.input_width() * 2, 420))
        self.edit.editingFinished.connect(self._editing_finished)
        self.edit.textEdited.connect(self._text_edited)
        self._checked_text: str | None = None  # text as it was last checked or loaded
        self.input_row.addWidget(self.edit, 1)

    def input_width(self) -> int:
        return 220

    def input_widgets(self) -> list[QWidget]:
        return [self.edit]

    def raw_text(self) -> str:
        return self.edit.text().strip()

    def show_value(self, value: Any) -> None:
        self.edit.setText(self.ctx.display(self.question.id, value))
        self._checked_text = self.edit.text()

    def clear_input(self) -> None:
        self.edit.clear()
        self._checked_text = ""

    def pending(self) -> bool:
        return self.edit.isEnabled() and self.edit.text() != self._checked_text

    def check_pending(self) -> bool:
        raw = self.raw_text()
        self._checked_text = self.edit.text()
        if not raw:
            self.withdraw()
            return True
        ok = self.try_accept(self.to_raw(raw))
        if not ok:
            self._checked_text = self.edit.text()
        return ok

    def to_raw(self, text: str) -> Any:
        """What is handed to the engine's check for the typed `text`."""
        return text

    def _editing_finished(self) -> None:
        if self.pending():
            self.check_pending()

    def _text_edited(self, _text: str) -> None:
        if self.has_error:  # retyping: the old complaint no longer describes the text
            self._set_error(None)


class TextField(EntryField):
    def input_width(self) -> int:
        return 320


class NumberField(EntryField):
    """Whole numbers (people, years, ...), shown with thousands separators."""

    def build_input(self) -> None:
        super().build_input()
        self.unit = QLabel(self)
        self.input_row.addWidget(self.unit)

    def input_width(self) -> int:
        return 160

    def retranslate_input(self) -> None:
        q = self.question
        self.unit.setText(q.unit.get(current_lang()) if q.unit else "")
        self.unit.setVisible(q.unit is not None)
        self.edit.setPlaceholderText(translate("EntryField", "e.g. 1,250"))


class AmountField(EntryField):
    """Amounts in KRW as the engine reads them ("3억 5천만", "1,230억", "300 million", "1.2bn");
    shown back with 억/만 in Korean, in won with the English words beside it in English."""

    def build_input(self) -> None:
        super().build_input()
        self.exact = QLabel(self)
        self.exact.setObjectName("amountExact")
        self.exact.setStyleSheet("color: palette(placeholder-text);")
        self.extra.addWidget(self.exact)
        self.exact.hide()

    def input_width(self) -> int:
        return 220

    def retranslate_input(self) -> None:
        self.edit.setPlaceholderText(translate("EntryField", "e.g. 300 million or 1.2bn"))
        self._show_exact()

    def show_value(self, value: Any) -> None:
        super().show_value(value)
        self._show_exact()

    def clear_input(self) -> None:
        super().clear_input()
        self._show_exact()

    def accept_value(self, value: Any) -> None:
        super().accept_value(value)
        self._show_exact()

    def withdraw(self) -> None:
        super().withdraw()
        self._show_exact()

    def _show_exact(self) -> None:
        if not hasattr(self, "exact"):
            return
        if self.is_answered and isinstance(self.value, int):
            # the other way of writing it, so "1,230억" can be checked digit by digit
            if current_lang() == "ko":
                self.exact.setText(f"= {self.value:,}원")
            else:
                en, ko = format_amount(self.value, "en"), format_amount(self.value, "ko")
                self.exact.setText(f"= {en} ({ko})")
            self.exact.show()
        else:
            self.exact.hide()
