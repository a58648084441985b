"""The page furniture: running header and footer, "page X / Y", and the PDF outline.

The header and footer are drawn by the page template after each page's content, so no flowable
has to know about them. The total page count is only known at the end, so the canvas holds every
finished page back and stamps "X / Y" when the document is saved (one layout pass instead of
two). Section headings carry an `outline` attribute; the document turns those into bookmarks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from desktop.report import styles as st
from desktop.report.fonts import BOLD, REGULAR
from desktop.report.safe_text import ELLIPSIS, clean

HEADER_SIZE = 7.5
FOOTER_SIZE = 7


@dataclass(frozen=True)
class Furniture:
    """The texts printed on every page (already in the report's language)."""

    header_left: str
    header_right: str  # the applicant's name; shortened to fit
    footer_left: str
    page_word: str  # "쪽" / "Page"
    lang: str


def fit(text: str, font: str, size: float, width: float) -> str:
    """`text` cut with an ellipsis so that it is at most `width` points wide."""
    text = clean(text)
    if stringWidth(text, font, size) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if stringWidth(text[:mid] + ELLIPSIS, font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS


class ReportPage(PageTemplate):
    """A4 with one frame; header and footer drawn after the page's content."""

    def __init__(self, furniture: Furniture):
        width, height = st.PAGE_SIZE
        frame = Frame(
            st.MARGIN_LEFT, st.MARGIN_BOTTOM, st.FRAME_WIDTH,
            height - st.MARGIN_TOP - st.MARGIN_BOTTOM,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
        )
        super().__init__(id="report", frames=[frame], pagesize=st.PAGE_SIZE)
        self.furniture = furniture

    def afterDrawPage(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        f = self.furniture
        width, height = st.PAGE_SIZE
        left, right = st.MARGIN_LEFT, width - st.MARGIN_RIGHT
        canv.saveState()
        # header
        y = height - st.MARGIN_TOP + 7 * mm
        canv.setFillColor(st.ACCENT)
        canv.setFont(BOLD, HEADER_SIZE)
        canv.drawString(left, y, f.header_left)
        used = stringWidth(f.header_left, BOLD, HEADER_SIZE) + 8 * mm
        canv.setFillColor(st.MUTED)
        canv.setFont(REGULAR, HEADER_SIZE)
        canv.drawRightString(right, y, fit(f.header_right, REGULAR, HEADER_SIZE,
                                           st.FRAME_WIDTH - used))
        canv.setStrokeColor(st.RULE)
        canv.setLineWidth(0.5)
        canv.line(left, y - 2.5 * mm, right, y - 2.5 * mm)
        # footer (the page number is stamped by PageCountCanvas at save time)
        y = st.MARGIN_BOTTOM - 9 * mm
        canv.line(left, y + 3.6 * mm, right, y + 3.6 * mm)
        canv.setFont(REGULAR, FOOTER_SIZE)
        canv.drawString(left, y, fit(f.footer_left, REGULAR, FOOTER_SIZE,
                                     st.FRAME_WIDTH - 25 * mm))
        canv.restoreState()


class PageCountCanvas(Canvas):
    """Keeps finished pages until save() so each can say "X / Y".

    Bookmarks are also held back: ReportLab points a bookmark at the page being written to the
    file, and with pages held back that would always be the first one.
    """

    furniture: Furniture | None = None

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._held_pages: list[dict[str, Any]] = []
        self._held_marks: list[tuple[str, dict[str, Any]]] = []

    def bookmarkPage(self, key: str, **kwargs: Any) -> None:  # noqa: N802 (ReportLab's name)
        self._held_marks.append((key, kwargs))

    def showPage(self) -> None:  # noqa: N802
        self._held_pages.append(dict(self.__dict__))
        self._startPage()
        self._held_marks = []

    def save(self) -> None:
        total = len(self._held_pages)
        for state in self._held_pages:
            self.__dict__.update(state)
            for key, kwargs in state["_held_marks"]:
                Canvas.bookmarkPage(self, key, **kwargs)
            self._stamp_page_number(total)
            Canvas.showPage(self)
        Canvas.save(self)

    def _stamp_page_number(self, total: int) -> None:
        f = self.furniture
        number = self._pageNumber
        text = f"{number} / {total}"
        if f is not None and f.lang == "en":
            text = f"{f.page_word} {text}"
        width, _ = st.PAGE_SIZE
        self.saveState()
        self.setFont(BOLD, FOOTER_SIZE + 0.5)
        self.setFillColor(st.INK)
        self.drawRightString(width - st.MARGIN_RIGHT, st.MARGIN_BOTTOM - 9 * mm, text)
        self.restoreState()


def canvas_maker(furniture: Furniture):
    """A canvas class for `doc.build(canvasmaker=...)` that knows this report's footer texts."""
    return type("ReportCanvas", (PageCountCanvas,), {"furniture": furniture})


class ReportDoc(BaseDocTemplate):
    """The document: one page template; headings with `outline` become PDF bookmarks."""

    def __init__(self, target: Any, furniture: Furniture, **meta: Any):
        super().__init__(
            target, pagesize=st.PAGE_SIZE,
            leftMargin=st.MARGIN_LEFT, rightMargin=st.MARGIN_RIGHT,
            topMargin=st.MARGIN_TOP, bottomMargin=st.MARGIN_BOTTOM,
            displayDocTitle=True, initialFontName=REGULAR, initialFontSize=9,
            initialLeading=13.5, **meta,
        )
        self.addPageTemplates([ReportPage(furniture)])
        self._marks = 0

    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802
        outline = getattr(flowable, "outline", None)
        if outline is None:
            return
        title, level = outline
        self._marks += 1
        key = f"sec{self._marks}"
        self.canv.bookmarkPage(key, fit="XYZ", top=None)
        self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)
