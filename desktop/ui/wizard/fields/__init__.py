"""One input per question type; `make_field` picks it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.engine.model import Question
from desktop.ui.wizard.fields.base import AnswerField, FieldContext
from desktop.ui.wizard.fields.choices import (MAX_RADIOS, BoolField, ComboChoiceField, MultiField,
                                              RadioChoiceField)
from desktop.ui.wizard.fields.date import DateField
from desktop.ui.wizard.fields.entry import AmountField, NumberField, TextField
from desktop.ui.wizard.fields.industry import IndustryField

__all__ = ["AnswerField", "FieldContext", "make_field"]


def make_field(question: Question, ctx: FieldContext, parent: QWidget | None = None) -> AnswerField:
    t = question.type
    if t == "bool":
        return BoolField(question, ctx, parent)
    if t == "choice":
        cls = RadioChoiceField if len(question.options) <= MAX_RADIOS else ComboChoiceField
        return cls(question, ctx, parent)
    if t == "multi":
        return MultiField(question, ctx, parent)
    if t == "int":
        return NumberField(question, ctx, parent)
    if t == "amount":
        return AmountField(question, ctx, parent)
    if t == "date":
        return DateField(question, ctx, parent)
    if t == "industry":
        return IndustryField(question, ctx, parent)
    return TextField(question, ctx, parent)
