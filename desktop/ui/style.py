"""The app's look: Qt's Fusion style everywhere, plus resources/style/app.qss.

Fusion draws the same on Windows, macOS and Linux, so the screenshots in the documentation are
what users see, and high-DPI scaling works the same way on each.

The app asks for Fusion on the command line it gives QApplication (`COMMAND_LINE`), so Qt makes it
as the first and only style. Asking later, with `setStyle`, makes a second style and PySide6's
wrapper for QStyle and its many enumerations, some 10-20 ms of every start.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop.paths import resources_dir

#: Added to the arguments of the QApplication the app makes (last, so that it wins).
COMMAND_LINE = ["-style", "fusion"]


def apply_style(app: QApplication, fusion_asked: bool = False) -> None:
    """The style sheet, and Fusion unless the application was made with `COMMAND_LINE`."""
    if not fusion_asked:
        app.setStyle("Fusion")
    qss = resources_dir() / "style" / "app.qss"
    try:
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    except OSError:
        pass  # the plain Fusion look is fine
