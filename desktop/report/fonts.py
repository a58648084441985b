"""The shipped Korean font, registered once with ReportLab.

ReportLab's built-in PDF fonts have no Hangul, so every piece of text in the report is set in the
NanumGothic TrueType files in resources/fonts. A TTFont is embedded as a subset of the glyphs
actually used, which keeps a report small while keeping its text selectable and searchable.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.paths import font_path

REGULAR = "NanumGothic"
BOLD = "NanumGothic-Bold"

_lock = threading.Lock()
_coverage: frozenset[int] | None = None


def _font(name: str, bold: bool) -> TTFont:
    font = TTFont(name, str(font_path(bold=bold)))
    # ReportLab asks a font for its ascent and descent first and, for a TrueType font, finds them
    # on its face only after an exception: once for every word of a paragraph that mixes bold,
    # sizes or colours. The font carries its face's values, so the first look finds them.
    font.ascent, font.descent = font.face.ascent, font.face.descent
    return font


def register_fonts() -> tuple[str, str]:
    """Register the regular and bold faces as one family; safe to call any number of times.

    Returns the (regular, bold) font names to use in styles and on the canvas.
    """
    global _coverage
    with _lock:
        registered = set(pdfmetrics.getRegisteredFontNames())
        if REGULAR not in registered:
            pdfmetrics.registerFont(_font(REGULAR, bold=False))
        if BOLD not in registered:
            pdfmetrics.registerFont(_font(BOLD, bold=True))
        # The family mapping lets <b> inside a Paragraph switch to the bold file; the font has
        # no italic, so italic falls back to the upright faces instead of a missing font.
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)
        if _coverage is None:
            regular = set(pdfmetrics.getFont(REGULAR).face.charToGlyph)
            bold = set(pdfmetrics.getFont(BOLD).face.charToGlyph)
            _coverage = frozenset(regular & bold)
    return REGULAR, BOLD


def covered(codepoint: int) -> bool:
    """Whether both faces have a glyph for this character (so it prints as itself)."""
    if _coverage is None:
        register_fonts()
    assert _coverage is not None
    return codepoint in _coverage
