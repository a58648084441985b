"""Make any text safe to print: only characters the font can draw, and no markup injection.

Names and text answers come straight from the user. ReportLab's Paragraph reads a small XML-like
markup, so a name such as `<Best> & Co` must be escaped or it breaks the build; characters the
Korean font has no glyph for (emoji, rare symbols) would otherwise come out as blank boxes or
nothing at all, so they are replaced with a visible mark the reader can notice and ask about.
"""

from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape

from desktop.report.fonts import covered

#: Printed in place of a character the font cannot draw (the geta mark, the traditional
#: "missing character" sign in CJK typesetting; NanumGothic has it).
PLACEHOLDER = "\u3013"
ELLIPSIS = "\u2026"

# Invisible helpers that only shape the character next to them (zero-width joiner, variation
# selectors, emoji skin-tone modifiers, tag characters). When the font cannot draw them they are
# dropped instead of producing one extra placeholder each.
_SILENT_RANGES = (
    (0x200B, 0x200F),
    (0x2060, 0x2064),
    (0xFE00, 0xFE0F),
    (0x1F3FB, 0x1F3FF),
    (0xE0000, 0xE007F),
    (0xE0100, 0xE01EF),
)


def _silent(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in _SILENT_RANGES)


class _Printable(dict):
    """Code point -> what prints for it, worked out at a character's first use and then looked up
    by `str.translate` (a whole report's text goes through `clean` thousands of times)."""

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        if ch in "\r\n\t\v\f":
            shown = " "
        elif unicodedata.category(ch) in ("Cc", "Cs"):
            shown = ""
        elif covered(cp):
            shown = ch
        elif _silent(cp) or unicodedata.category(ch) == "Mn":
            shown = ""
        else:
            shown = PLACEHOLDER
        self[cp] = shown
        return shown


_PRINTABLE = _Printable()


def clean(text: object, limit: int | None = None) -> str:
    """Plain text the font can draw: NFC, no control characters, missing glyphs marked.

    `limit` cuts very long texts (with an ellipsis) where a table cell must fit on one page.
    """
    s = unicodedata.normalize("NFC", "" if text is None else str(text))
    result = s.translate(_PRINTABLE)
    if limit is not None and len(result) > limit:
        result = result[: max(limit - 1, 0)].rstrip() + ELLIPSIS
    return result


def markup(text: object, limit: int | None = None) -> str:
    """Text for a Paragraph: cleaned, then `&`, `<` and `>` escaped."""
    return escape(clean(text, limit))


def href(url: str) -> str:
    """A URL for a link attribute: cleaned and escaped, quotes included."""
    return escape(clean(url), {'"': "&quot;", "'": "&apos;"})
