"""Small building blocks shared by the sections: tick boxes, outline headings, status cells.

Kept apart from the sections so each section module reads as "what goes in it", not "how a box
is drawn".
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from desktop.report import styles as st
from desktop.report.fonts import BOLD
from desktop.report.safe_text import markup


class TickBox(Flowable):
    """An empty square to tick by hand (drawn, not a font glyph, so it prints crisply)."""

    def __init__(self, size: float = 8.5):
        super().__init__()
        self.size = size
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size + 1.5

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(st.INK)
        c.setLineWidth(0.7)
        c.rect(0, 0.5, self.size, self.size, stroke=1, fill=0)
        c.restoreState()


class Text(Paragraph):
    """A paragraph that lays itself out once per width.

    Tables, groups kept together and the frame each ask a paragraph for its size, mostly at the
    same width: ReportLab breaks the lines again every time, which was nearly half of all line
    breaking in a report. The layout is kept with the width it was made for and the line break
    it produced; a split (which may drop the line break) or any other width lays it out anew.
    """

    _laid_out: tuple[float, float, float, Any] | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        kept = self._laid_out
        if kept is not None and kept[0] == avail_width and self.__dict__.get("blPara") is kept[3]:
            self.width, self.height = kept[1], kept[2]
            return kept[1], kept[2]
        width, height = super().wrap(avail_width, avail_height)
        self._laid_out = (avail_width, width, height, self.__dict__.get("blPara"))
        return width, height


class Heading(Text):
    """A paragraph that also becomes an entry in the PDF's outline (bookmarks panel)."""

    def __init__(self, text: str, style: Any, outline_title: str, level: int):
        super().__init__(text, style)
        self.outline = (outline_title, level)


def para(text: str, style: Any) -> Paragraph:
    """A paragraph from markup that is already safe (built with safe_text.markup)."""
    return Text(text, style)


def plain(text: object, style: Any, limit: int | None = None) -> Paragraph:
    """A paragraph from plain text that may hold anything (escaped here)."""
    return Text(markup(text, limit), style)


def bullet(text: str, style: Any, mark: str) -> Paragraph:
    """A paragraph of safe markup after a bullet mark ("•", "[3]")."""
    return Text(text, style, bulletText=mark)


def coloured(text_markup: str, colour: colors.Color, bold: bool = False) -> str:
    inner = f"<b>{text_markup}</b>" if bold else text_markup
    return f'<font color="{st.css(colour)}">{inner}</font>'


def status_markup(look: st.StatusLook, word: str) -> str:
    """The outcome mark and word, coloured; the mark's shape carries it in greyscale."""
    return coloured(f"{look.mark} {markup(word)}", look.ink, look.bold)


def word_cell(extra: list[tuple], col: int, row: int, text: str, ink: colors.Color = st.INK,
              bold: bool = False, align: str = "LEFT") -> str:
    """A one-line cell drawn as a plain string (much cheaper than a Paragraph).

    Only for short fixed texts (numbers, dates, status words) that never need wrapping or
    escaping; the cell's colour, weight and alignment go into `extra` as table commands.
    """
    extra.append(("TEXTCOLOR", (col, row), (col, row), ink))
    if bold:
        extra.append(("FONTNAME", (col, row), (col, row), BOLD))
    if align != "LEFT":
        extra.append(("ALIGN", (col, row), (col, row), align))
    return text


def data_table(rows: list[list[Any]], widths: list[float], extra: list[tuple] | None = None,
               header_rows: int = 1, zebra: bool = True) -> Table:
    """A table that splits across pages and repeats its header rows on each one."""
    table = Table(rows, colWidths=widths, repeatRows=header_rows, hAlign="LEFT")
    table.setStyle(TableStyle(st.table_style_commands(header_rows, zebra) + (extra or [])))
    return table
