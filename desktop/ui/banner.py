"""A strip across the top of the window for things the user must know but need not stop for.

Used for rule files that failed to load (the app runs with the rest), a damaged database that was
set aside, and saving that stopped working. Unlike a message box it does not block the work, and
unlike the status bar it stays until it is read and closed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout,
                               QWidget)

from desktop.ui import status_style

STYLES = {  # (ground, border and text accent), from the app's one palette
    "warning": (status_style.GROUNDS["warning"], status_style.AMBER),
    "error": (status_style.GROUNDS["error"], status_style.RED),
    "info": (status_style.GROUNDS["info"], status_style.BLUE),
}


class Banner(QFrame):
    closed = Signal()
    # the banner's own button (e.g. "Undo") was clicked
    action_clicked = Signal()

    def __init__(self, kind: str = "warning", parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        back, fore = STYLES.get(kind, STYLES["warning"])
        self.setObjectName(f"banner_{kind}")
        self.setProperty("bannerKind", kind)  # the style below must survive a new object name
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f'QFrame[bannerKind="{kind}"] {{ background: {back}; border: 1px solid {fore};'
            f" border-radius: 4px; }} QLabel {{ color: #202124; background: transparent; }}"
            f" QLabel#bannerTitle {{ color: {fore}; font-weight: bold; }}")
        self.title = QLabel(self)
        self.title.setObjectName("bannerTitle")
        self.title.setWordWrap(True)
        self.body = QLabel(self)
        self.body.setObjectName("bannerBody")
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel(self)
        self.details.setObjectName("bannerDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.hide()
        self.details_button = QToolButton(self)
        self.details_button.setObjectName("bannerDetailsButton")
        self.details_button.setAutoRaise(True)
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._toggle_details)
        self.details_button.hide()
        self._details_texts = ("Show details", "Hide details")
        self.action_button = QPushButton(self)
        self.action_button.setObjectName("bannerAction")
        self.action_button.clicked.connect(self.action_clicked)
        self.action_button.hide()
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("bannerClose")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.title)
        texts.addWidget(self.body)
        texts.addWidget(self.details)
        # a row for buttons of the banner's own (e.g. one per profile to open), filled by its
        # owner; hidden while empty so it takes no room
        self.extra_row = QWidget(self)
        self.extra = QHBoxLayout(self.extra_row)
        self.extra.setContentsMargins(0, 0, 0, 0)
        self.extra.setSpacing(6)
        self.extra_row.hide()
        texts.addWidget(self.extra_row)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 6, 6, 6)
        lay.addLayout(texts, 1)
        lay.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)
        lay.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignTop)
        lay.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.set_close_text(self.tr("Close"))

    def set_text(self, title: str, body: str = "") -> None:
        self.title.setText(title)
        self.body.setText(body)
        self.body.setVisible(bool(body))

    def set_details(self, details: str, show_text: str, hide_text: str) -> None:
        """Longer text behind a "Show details" button (e.g. every `path:line: message`)."""
        self.details.setText(details)
        self._details_texts = (show_text, hide_text)
        self.details_button.setVisible(bool(details))
        self._toggle_details(self.details_button.isChecked())

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown and bool(self.details.text()))
        self.details_button.setText(self._details_texts[1 if shown else 0])

    def set_action(self, text: str | None) -> None:
        """A button on the banner for the one thing to do about it; None takes it away."""
        self.action_button.setText(text or "")
        self.action_button.setVisible(bool(text))

    def clear_extra(self) -> None:
        while self.extra.count():
            item = self.extra.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.extra_row.hide()

    def set_close_text(self, text: str) -> None:
        self.close_button.setToolTip(text)
        self.close_button.setAccessibleName(text)

    def dismiss(self) -> None:
        self.hide()
        self.closed.emit()
