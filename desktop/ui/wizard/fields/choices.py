"""Answers picked rather than typed: yes/no, one of several options, several of several.

Here "I don't know" is one more choice in the same group, so a keyboard user reaches it with the
arrow keys like the others. A pick is an answer at once; nothing waits for Enter.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QGridLayout, QRadioButton,
                               QVBoxLayout, QWidget)

from desktop.ui.i18n import current_lang
from desktop.ui.wizard.fields.base import AnswerField

DONT_KNOW = "__dont_know__"
MAX_RADIOS = 6  # more options than this go into a drop-down list


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def _plain(text: str) -> str:
    """A rule text as a button label: "M&A" must not turn into "MA" with an underlined A."""
    return text.replace("&", "&&")


class _RadioField(AnswerField):
    """A row (or column) of radio buttons, the last one "I don't know"."""

    def uses_dont_know_box(self) -> bool:
        return False

    def options(self) -> list[tuple[Any, str]]:
        """(value, label) pairs in the current language, "I don't know" not included."""
        raise NotImplementedError

    def vertical(self) -> bool:
        return False

    def build_input(self) -> None:
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[tuple[Any, QRadioButton]] = []
        box = QWidget(self)
        lay = QVBoxLayout(box) if self.vertical() else QGridLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        values = [v for v, _ in self.options()] + [DONT_KNOW]
        for i, value in enumerate(values):
            btn = QRadioButton(box)
            btn.setObjectName(f"option_{value}")
            self.group.addButton(btn, i)
            self.buttons.append((value, btn))
            if isinstance(lay, QGridLayout):
                lay.addWidget(btn, 0, i)
            else:
                lay.addWidget(btn)
        self.group.idClicked.connect(self._clicked)
        self.input_row.addWidget(box)

    def input_widgets(self) -> list[QWidget]:
        return [b for _, b in self.buttons]

    def retranslate_input(self) -> None:
        labels = dict(self.options())
        for value, btn in self.buttons:
            btn.setText(translate("ChoiceField", "I don't know") if value == DONT_KNOW
                        else _plain(labels.get(value, str(value))))

    def _clicked(self, index: int) -> None:
        value = self.buttons[index][0]
        self.accept_value(None if value == DONT_KNOW else value)

    def show_value(self, value: Any) -> None:
        for v, btn in self.buttons:
            if v == value:
                btn.setChecked(True)

    def clear_input(self) -> None:
        self.group.setExclusive(False)
        for _, btn in self.buttons:
            btn.setChecked(False)
        self.group.setExclusive(True)

    def after_load(self) -> None:
        if self.is_answered and self.value is None:
            self.buttons[-1][1].setChecked(True)

    def set_input_enabled(self, enabled: bool) -> None:  # "I don't know" is one of the buttons
        pass

    def focus_input(self) -> None:
        checked = self.group.checkedButton()
        (checked or self.buttons[0][1]).setFocus(Qt.FocusReason.OtherFocusReason)


class BoolField(_RadioField):
    def options(self) -> list[tuple[Any, str]]:
        return [(True, translate("ChoiceField", "Yes")), (False, translate("ChoiceField", "No"))]


class RadioChoiceField(_RadioField):
    def options(self) -> list[tuple[Any, str]]:
        lang = current_lang()
        return [(o.value, o.label.get(lang)) for o in self.question.options]

    def vertical(self) -> bool:
        return len(self.question.options) > 3 or any(
            len(o.label.get(current_lang())) > 18 for o in self.question.options)


class ComboChoiceField(AnswerField):
    """Many options: a drop-down list with an empty first entry and "I don't know" last."""

    def uses_dont_know_box(self) -> bool:
        return False

    def build_input(self) -> None:
        self.combo = QComboBox(self)
        self.combo.setObjectName("answerInput")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.addItem("", None)
        for o in self.question.options:
            self.combo.addItem("", o.value)
        self.combo.addItem("", DONT_KNOW)
        self.combo.activated.connect(self._activated)
        self.input_row.addWidget(self.combo)

    def input_widgets(self) -> list[QWidget]:
        return [self.combo]

    def set_input_enabled(self, enabled: bool) -> None:
        pass

    def retranslate_input(self) -> None:
        lang = current_lang()
        self.combo.setItemText(0, translate("ChoiceField", "(choose)"))
        for i, o in enumerate(self.question.options, start=1):
            self.combo.setItemText(i, o.label.get(lang))
        self.combo.setItemText(self.combo.count() - 1, translate("ChoiceField", "I don't know"))

    def _activated(self, index: int) -> None:
        data = self.combo.itemData(index)
        if data is None:
            self.withdraw()
        else:
            self.accept_value(None if data == DONT_KNOW else data)

    def show_value(self, value: Any) -> None:
        i = self.combo.findData(value)
        self.combo.setCurrentIndex(max(i, 0))

    def clear_input(self) -> None:
        self.combo.setCurrentIndex(0)

    def after_load(self) -> None:
        if self.is_answered and self.value is None:
            self.combo.setCurrentIndex(self.combo.count() - 1)


class MultiField(AnswerField):
    """Check boxes, one per option, plus "None of these"; "I don't know" is the usual box.

    Nothing ticked means "not answered yet"; "None of these" is the explicit empty answer, so the
    two are never confused.
    """

    NONE = "__none__"

    def build_input(self) -> None:
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.boxes: list[tuple[str, QCheckBox]] = []
        for o in self.question.options:
            cb = QCheckBox(box)
            cb.setObjectName(f"option_{o.value}")
            cb.toggled.connect(lambda on, v=o.value: self._toggled(v, on))
            lay.addWidget(cb)
            self.boxes.append((o.value, cb))
        self.none_box = QCheckBox(box)
        self.none_box.setObjectName("option_none")
        self.none_box.toggled.connect(lambda on: self._toggled(self.NONE, on))
        lay.addWidget(self.none_box)
        self._list = lay
        self.input_row.addWidget(box)
        self.input_row.setAlignment(box, Qt.AlignmentFlag.AlignTop)

    def place_dont_know(self, box: QCheckBox) -> None:
        """Last in the list of boxes, not beside one option where it would read as part of it."""
        self._list.addWidget(box)

    def require_answer(self) -> bool:
        """Nothing ticked when the user moves on means none of the options applies.

        The rule files tell users "if none applies, choose nothing", so Next takes the empty
        selection as the answer "none of these" (and ticks that box so it shows) rather than
        complaining.
        """
        if not self.is_answered and not self.has_error:
            was = self._loading
            self._loading = True
            try:
                self.none_box.setChecked(True)
            finally:
                self._loading = was
            return self.try_accept(())
        return super().require_answer()

    def input_widgets(self) -> list[QWidget]:
        return [cb for _, cb in self.boxes] + [self.none_box]

    def retranslate_input(self) -> None:
        lang = current_lang()
        labels = {o.value: o.label.get(lang) for o in self.question.options}
        for value, cb in self.boxes:
            cb.setText(_plain(labels[value]))
        self.none_box.setText(translate("ChoiceField", "None of these"))

    def selected(self) -> tuple[str, ...]:
        return tuple(v for v, cb in self.boxes if cb.isChecked())

    def _toggled(self, value: str, on: bool) -> None:
        if self._loading:
            return
        self._loading = True  # un-ticking the other side must not answer twice
        try:
            if value == self.NONE and on:
                for _, cb in self.boxes:
                    cb.setChecked(False)
            elif value != self.NONE and on:
                self.none_box.setChecked(False)
        finally:
            self._loading = False
        picked = self.selected()
        if picked:
            self.try_accept(picked)
        elif self.none_box.isChecked():
            self.try_accept(())
        else:
            self.withdraw()

    def show_value(self, value: Any) -> None:
        was = self._loading
        self._loading = True
        try:
            chosen = set(value or ())
            for v, cb in self.boxes:
                cb.setChecked(v in chosen)
            self.none_box.setChecked(not chosen)
        finally:
            self._loading = was

    def clear_input(self) -> None:
        was = self._loading
        self._loading = True
        try:
            for _, cb in self.boxes:
                cb.setChecked(False)
            self.none_box.setChecked(False)
        finally:
            self._loading = was
