"""Registers the Korean font we ship so Hangul renders even where no Korean font is installed.

A school's or a consultant's computer may be an English Windows or a bare Linux without any CJK
font; Qt would then draw empty boxes. NanumGothic (SIL OFL, licence in resources/fonts/OFL.txt) is
added to Qt's font database at start and put first in the application font's family list, with the
system's own family behind it for anything Nanum lacks.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.paths import font_path

_family: str | None = None


def register_fonts() -> str | None:
    """Adds the shipped fonts; returns the family name, or None if the files could not be read."""
    global _family
    if _family is not None:
        return _family
    family = None
    for bold in (False, True):
        font_id = QFontDatabase.addApplicationFont(str(font_path(bold)))
        if font_id >= 0 and family is None:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else None
    _family = family
    return family


def apply_app_font(app: QApplication) -> None:
    """Makes the shipped Korean font the first family of the application font."""
    family = register_fonts()
    if not family:
        return
    font = QFont(app.font())
    fallback = [f for f in font.families() if f and f != family]
    font.setFamilies([family, *fallback])
    app.setFont(font)


def family() -> str | None:
    return _family
