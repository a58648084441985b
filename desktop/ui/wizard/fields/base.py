"""The frame every question input shares: label, help, the input, "I don't know", the error line.

A field owns the whole life of one answer on screen. It turns what the user typed or picked into
an answer value through the engine (`coerce_answer`, via the wizard's `FieldContext`), and only an
accepted value leaves the field (`answered`). A refused value stays in the field with the engine's
reason in red under it, so the user sees what is wrong where they typed it, and the wizard will not
move on while a field is in that state.
"""

from __future__ import annotations

from typing import Any, Callable, Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.engine import AnswerError
from desktop.engine.model import Question, RulePack, Text
from desktop.ui import status_style
from desktop.ui.i18n import current_lang
from desktop.ui.retranslate import Retranslating

ERROR_COLOUR = status_style.RED


class FieldContext(Protocol):
    """What a field needs from the wizard: the pack and the engine's check and display of values."""

    pack: RulePack

    def coerce(self, question_id: str, raw: Any) -> Any:
        """The answer value for `raw`; raises the engine's AnswerError (with a Text `message`)."""

    def display(self, question_id: str, value: Any) -> str:
        """How an accepted value is shown back in the input, in the current language."""


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


class AnswerField(Retranslating, QFrame):
    """One question on a wizard page. Subclasses build the input for their question type."""

    # an answer was accepted: (question id, value); value None means "I don't know"
    answered = Signal(str, object)
    # the user emptied the field: the question is back to "not answered"
    cleared = Signal(str)

    def __init__(self, question: Question, ctx: FieldContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.question = question
        self.ctx = ctx
        self._answered = False
        self._value: Any = None
        self._error: Callable[[], str] | None = None
        self._loading = False
        self.setObjectName(f"field_{question.id}")
        self.setFrameShape(QFrame.Shape.NoFrame)

        self.title = QLabel(self)
        self.title.setObjectName("fieldTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.help = QLabel(self)
        self.help.setObjectName("fieldHelp")
        self.help.setWordWrap(True)
        self.help.setTextFormat(Qt.TextFormat.PlainText)
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.hide()

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 6, 0, 10)
        lay.setSpacing(4)
        lay.addWidget(self.title)
        lay.addWidget(self.help)
        self.input_row = QHBoxLayout()
        self.input_row.setSpacing(8)
        lay.addLayout(self.input_row)
        self.extra = QVBoxLayout()  # below the input: e.g. the exact amount
        lay.addLayout(self.extra)
        lay.addWidget(self.error)

        self.dont_know: QCheckBox | None = None
        self.build_input()
        if self.uses_dont_know_box():
            self.dont_know = QCheckBox(self)
            self.dont_know.setObjectName("dontKnow")
            self.dont_know.toggled.connect(self._dont_know_toggled)
            self.place_dont_know(self.dont_know)
        self.input_row.addStretch(1)
        self.retranslate()

    # ------------------------------------------------------------ for subclasses

    def build_input(self) -> None:
        """Create the input widgets and add them to `self.input_row`."""
        raise NotImplementedError

    def uses_dont_know_box(self) -> bool:
        """Inputs that have no "I don't know" choice of their own get a check box next to them."""
        return True

    def place_dont_know(self, box: QCheckBox) -> None:
        """Where the "I don't know" box goes: next to the input, unless a subclass knows better."""
        self.input_row.addWidget(box)

    def show_value(self, value: Any) -> None:
        """Put an accepted value (not None) into the input, without emitting anything."""
        raise NotImplementedError

    def clear_input(self) -> None:
        """Empty the input, without emitting anything."""
        raise NotImplementedError

    def pending(self) -> bool:
        """True when the input holds something typed but not yet checked."""
        return False

    def check_pending(self) -> bool:
        """Check what was typed; accept or refuse it. Returns False when refused."""
        return True

    def set_input_enabled(self, enabled: bool) -> None:
        for w in self.input_widgets():
            w.setEnabled(enabled)

    def input_widgets(self) -> list[QWidget]:
        return []

    def retranslate_input(self) -> None:
        """Texts of the input itself (options, placeholders) in the current language."""

    def focus_input(self) -> None:
        widgets = self.input_widgets()
        if widgets:
            widgets[0].setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------ state

    @property
    def is_answered(self) -> bool:
        return self._answered

    @property
    def value(self) -> Any:
        return self._value

    @property
    def has_error(self) -> bool:
        return self._error is not None

    def state(self) -> str:
        """'invalid', 'answered' or 'empty'."""
        if self._error is not None:
            return "invalid"
        return "answered" if self._answered else "empty"

    def load(self, answered: bool, value: Any = None) -> None:
        """Show the saved answer (or none) without emitting: when a page is built or resumed."""
        self._loading = True
        try:
            self._answered = answered
            self._value = value if answered else None
            self._set_error(None)
            dont_know = answered and value is None
            if self.dont_know is not None:
                self.dont_know.setChecked(dont_know)
                self.set_input_enabled(not dont_know)
            if answered and value is not None:
                self.show_value(value)
            else:
                self.clear_input()
            self.after_load()
        finally:
            self._loading = False

    def after_load(self) -> None:
        """Hook: subclasses that mark "I don't know" inside the input do it here."""

    def commit(self) -> bool:
        """Check anything typed but not yet checked (before Next); False when a value is refused."""
        if self._error is not None and not self.pending():
            return False
        if self.pending():
            return self.check_pending()
        return self._error is None

    def require_answer(self) -> bool:
        """Mark the field when it has no answer at all; True when it has one."""
        if self._answered:
            return True
        if self._error is None:
            self._set_error(lambda: translate("AnswerField",
                                              "Please answer, or choose “I don't know”."))
        return False

    # ------------------------------------------------------------ accepting and refusing

    def accept_value(self, value: Any) -> None:
        """A value the engine accepted (or None for "I don't know"): keep it, tell the wizard."""
        self._set_error(None)
        self._answered = True
        self._value = value
        if not self._loading:
            self.answered.emit(self.question.id, value)

    def withdraw(self) -> None:
        """The input was emptied: no answer any more."""
        self._set_error(None)
        was = self._answered
        self._answered = False
        self._value = None
        if was and not self._loading:
            self.cleared.emit(self.question.id)

    def refuse(self, message: Text | str) -> None:
        """Show why a value was refused; the previous answer (if any) stays saved."""
        if isinstance(message, Text):
            self._set_error(lambda: message.get(current_lang()))
        else:
            self._set_error(lambda: str(message))

    def try_accept(self, raw: Any) -> bool:
        """Run `raw` through the engine's check; accept or refuse. Returns True when accepted."""
        try:
            value = self.ctx.coerce(self.question.id, raw)
        except AnswerError as exc:
            self.refuse(exc.message)
            return False
        if value is not None:
            self.show_value(value)
        self.accept_value(value)
        return True

    def _set_error(self, source: Callable[[], str] | None) -> None:
        self._error = source
        if source is None:
            self.error.clear()
            self.error.hide()
            for w in self.input_widgets():
                w.setProperty("invalid", False)
                w.style().unpolish(w)
                w.style().polish(w)
        else:
            self.error.setText(source())
            self.error.show()
            for w in self.input_widgets():
                w.setProperty("invalid", True)
                w.style().unpolish(w)
                w.style().polish(w)
        self._describe()

    def _describe(self) -> None:
        """Screen readers: the input is named by the question and described by help and error."""
        lang = current_lang()
        name = self.question.label.get(lang)
        desc = self.error.text() if self._error is not None else (
            self.question.help.get(lang) if self.question.help else "")
        for w in self.input_widgets():
            w.setAccessibleName(name)
            w.setAccessibleDescription(desc)

    def _dont_know_toggled(self, checked: bool) -> None:
        self.set_input_enabled(not checked)
        if self._loading:
            return
        if checked:
            self.clear_input()
            self.accept_value(None)
        else:
            self.withdraw()
            self.focus_input()

    # ------------------------------------------------------------ language

    def retranslate(self) -> None:
        lang = current_lang()
        q = self.question
        title = q.label.get(lang)
        if q.unit is not None and q.type in ("int", "amount"):
            title = f"{title} ({q.unit.get(lang)})"
        self.title.setText(title)
        if q.help is not None:
            self.help.setText(q.help.get(lang))
            self.help.show()
        else:
            self.help.hide()
        if self.dont_know is not None:
            self.dont_know.setText(translate("AnswerField", "I don't know"))
        if self._error is not None:
            self.error.setText(self._error())
        self.retranslate_input()
        if self._answered and self._value is not None:
            self._loading = True
            try:
                self.show_value(self._value)  # numbers and amounts are written per language
            finally:
                self._loading = False
        self._describe()
