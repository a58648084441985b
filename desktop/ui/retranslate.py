"""One way for a widget to follow a language switch: it says its texts again in `retranslate()`.

Qt tells every widget of a switch with a LanguageChange event; a widget that mixes this in (before
its Qt base class: `class StartPage(Retranslating, QWidget)`) has that event call its own
`retranslate()`, so no view writes the same `changeEvent` again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Mix-in for QWidget subclasses that define `retranslate()`."""

    def retranslate(self) -> None:  # pragma: no cover - every user defines its own
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
