"""The app's look: Qt's Fusion style everywhere, plus resources/style/app.qss.

Fusion draws the same on Windows, macOS and Linux, so the screenshots in the documentation are
what users see, and high-DPI scaling works the same way on each.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop.paths import resources_dir


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    qss = resources_dir() / "style" / "app.qss"
    try:
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    except OSError:
        pass  # the plain Fusion look is fine
