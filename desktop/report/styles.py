"""The report's look in one place: page geometry, colours and every paragraph style.

All paragraph styles descend from one base through `parent=`, so changing the body font or size
changes the whole document consistently. Status colours are paired with distinct marks
(○ △ ×) and weights so the outcome still reads when printed in greyscale.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm

from desktop.report.fonts import BOLD, REGULAR, register_fonts

PAGE_SIZE = A4
MARGIN_LEFT = 20 * mm
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 24 * mm  # leaves room for the running header
MARGIN_BOTTOM = 20 * mm  # and for the footer
FRAME_WIDTH = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT

INK = colors.HexColor("#1b1f24")
MUTED = colors.HexColor("#59616b")
RULE = colors.HexColor("#a3acb6")
GRID = colors.HexColor("#c9d0d7")
ACCENT = colors.HexColor("#1f3a5f")
HEAD_FILL = colors.HexColor("#e4e9ef")
ZEBRA = colors.HexColor("#f6f7f9")
WARN = colors.HexColor("#8a4b00")


def css(colour: colors.Color) -> str:
    """A colour as the report's markup writes it, `rgb(r,g,b)`: ReportLab reads that form at once,
    while a hex value goes through its slower general parsing first (the same colour either way)."""
    return "rgb(%d,%d,%d)" % tuple(round(x * 255) for x in colour.rgb())

# Table cells: paragraphs ("Cell" style) and plain-string cells share these, so a row's columns
# line up whichever kind a column uses.
CELL_SIZE = 8.3
CELL_LEADING = 11.5


@dataclass(frozen=True)
class StatusLook:
    """How one outcome is shown: a mark that survives greyscale, text colour and cell fill."""

    mark: str
    ink: colors.Color
    fill: colors.Color | None
    bold: bool


STATUS_LOOK = {
    "eligible": StatusLook("○", colors.HexColor("#17603a"), colors.HexColor("#d5ecdc"), True),
    "undetermined": StatusLook("△", colors.HexColor("#7a4d00"), colors.HexColor("#fbeccb"), True),
    "ineligible": StatusLook("×", colors.HexColor("#4a4f55"), None, False),
}

RESULT_LOOK = {
    "met": StatusLook("○", colors.HexColor("#17603a"), None, False),
    "unknown": StatusLook("△", colors.HexColor("#7a4d00"), None, False),
    "not_met": StatusLook("×", colors.HexColor("#a12222"), None, True),
}


@lru_cache(maxsize=1)
def stylesheet() -> StyleSheet1:
    """Build the style sheet once; the fonts are registered first so the names resolve."""
    register_fonts()
    ss = StyleSheet1()

    ss.add(ParagraphStyle(
        "Base", fontName=REGULAR, fontSize=9, leading=13.5, textColor=INK, alignment=TA_LEFT,
        splitLongWords=1, allowWidows=0, allowOrphans=0, bulletFontName=REGULAR,
        # Spaces keep their width: squeezing them so that one more word fits a line costs
        # ReportLab a pass over the line for every word of a paragraph that mixes styles.
        spaceShrinkage=0,
    ))
    ss.add(ParagraphStyle("Body", parent=ss["Base"], spaceAfter=4))
    ss.add(ParagraphStyle("BodySmall", parent=ss["Body"], fontSize=8, leading=12))
    ss.add(ParagraphStyle("Note", parent=ss["Body"], fontSize=7.5, leading=11, textColor=MUTED))
    ss.add(ParagraphStyle("Warn", parent=ss["Note"], textColor=WARN))
    ss.add(ParagraphStyle(
        "Bullet", parent=ss["Body"], leftIndent=14, bulletIndent=4, spaceAfter=2,
        bulletFontSize=9,
    ))

    ss.add(ParagraphStyle(
        "Ref", parent=ss["BodySmall"], leftIndent=17, bulletIndent=0, spaceAfter=3,
        bulletFontSize=8,
    ))

    # the criteria that decided nothing, in one paragraph under the reasons
    ss.add(ParagraphStyle("Aside", parent=ss["Base"], fontSize=7.5, leading=10.5, spaceAfter=2))

    # one line per source in a program section
    ss.add(ParagraphStyle(
        "RefLine", parent=ss["Ref"], fontSize=7.5, leading=10.5, spaceAfter=1.2,
        leftIndent=19, bulletFontSize=7.5,
    ))

    # one entry of the full source list at the back, with the facts relied on
    ss.add(ParagraphStyle(
        "RefFull", parent=ss["RefLine"], leading=10.2, spaceAfter=0.6,
    ))
    ss.add(ParagraphStyle(
        "RefFact", parent=ss["RefFull"], fontSize=7, leading=9.6, textColor=MUTED, spaceAfter=0.6,
    ))

    ss.add(ParagraphStyle(
        "Title", parent=ss["Base"], fontName=BOLD, fontSize=19, leading=25, textColor=ACCENT,
        spaceAfter=2,
    ))
    ss.add(ParagraphStyle(
        "Subtitle", parent=ss["Base"], fontSize=10.5, leading=15, textColor=MUTED, spaceAfter=10,
    ))
    ss.add(ParagraphStyle(
        "H1", parent=ss["Base"], fontName=BOLD, fontSize=14, leading=19, textColor=ACCENT,
        spaceBefore=14, spaceAfter=6, keepWithNext=1,
    ))
    ss.add(ParagraphStyle(
        "H2", parent=ss["H1"], fontSize=12.5, leading=17, spaceBefore=4, spaceAfter=2,
    ))
    ss.add(ParagraphStyle(
        "H3", parent=ss["Base"], fontName=BOLD, fontSize=9.5, leading=13, textColor=ACCENT,
        spaceBefore=8, spaceAfter=3, keepWithNext=1,
    ))
    ss.add(ParagraphStyle("Meta", parent=ss["Base"], fontSize=8, leading=11.5, textColor=MUTED))

    # table cells
    ss.add(ParagraphStyle("Cell", parent=ss["Base"], fontSize=CELL_SIZE, leading=CELL_LEADING))
    ss.add(ParagraphStyle("CellBold", parent=ss["Cell"], fontName=BOLD))
    ss.add(ParagraphStyle("CellRight", parent=ss["Cell"], alignment=TA_RIGHT))
    ss.add(ParagraphStyle("CellCenter", parent=ss["Cell"], alignment=TA_CENTER))
    ss.add(ParagraphStyle("CellSmall", parent=ss["Cell"], fontSize=7.3, leading=10,
                          textColor=MUTED))
    ss.add(ParagraphStyle("CellHead", parent=ss["Cell"], fontName=BOLD, textColor=ACCENT))
    ss.add(ParagraphStyle("CellHeadRight", parent=ss["CellHead"], alignment=TA_RIGHT))
    ss.add(ParagraphStyle("CellHeadCenter", parent=ss["CellHead"], alignment=TA_CENTER))
    ss.add(ParagraphStyle("CellLabel", parent=ss["Cell"], textColor=MUTED))

    # the outcome band at the top of each program section
    ss.add(ParagraphStyle("Band", parent=ss["Base"], fontName=BOLD, fontSize=10, leading=14))
    ss.add(ParagraphStyle("BandText", parent=ss["Base"], fontSize=8.8, leading=13))
    return ss


def table_style_commands(header_rows: int = 1, zebra: bool = True) -> list[tuple]:
    """The common grid of every data table: a tinted header row, hairlines, light zebra rows."""
    cmds: list[tuple] = [
        # plain-string cells (even empty ones) would otherwise select Helvetica
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
        ("LINEBELOW", (0, header_rows), (-1, -2), 0.25, GRID),
    ]
    if header_rows:
        cmds += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_FILL),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.6, ACCENT),
        ]
    if zebra:
        cmds.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, ZEBRA]))
    return cmds
