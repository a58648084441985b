"""The report's PDF pages as images, for the in-app preview and for printing.

Printing and the preview show the PDF's own pages, so what the user prints is exactly the file
they would save. Qt can draw PDF pages with its QtPdf module, but the PySide6-Essentials wheel
does not contain it; pypdfium2 (a project dependency, with its own PDFium build) does the same
job. `open_pdf` uses QtPdf when this Qt has it and pypdfium2 otherwise, and returns None when
neither is there so the caller can say so and offer the PDF viewer instead.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

#: Pages are rendered at most at this resolution for printing: sharp on paper, bounded memory
#: (an A4 page at 300 dpi is about 35 MB as an image).
MAX_PRINT_DPI = 300


class PdfPages(Protocol):
    """A loaded PDF whose pages can be drawn as images."""

    backend: str

    def page_count(self) -> int: ...

    def page_size(self, index: int) -> QSizeF:
        """The page's size in points (1/72 inch)."""

    def render(self, index: int, scale: float) -> QImage:
        """The page as an opaque image, `scale` pixels per point."""

    def close(self) -> None: ...


def backend_name() -> str | None:
    """'QtPdf', 'pdfium' or None: which renderer `open_pdf` would use."""
    if _has_module("PySide6.QtPdf"):
        return "QtPdf"
    if _has_module("pypdfium2"):
        return "pdfium"
    return None


def _has_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def open_pdf(path: Path) -> PdfPages | None:
    """The PDF at `path` ready to draw, or None when no renderer is installed.

    Raises OSError (or the renderer's own error) when the file cannot be read as a PDF.
    """
    backend = backend_name()
    if backend == "QtPdf":
        return _QtPdfPages(path)
    if backend == "pdfium":
        return _PdfiumPages(path)
    return None


class _PdfiumPages:
    backend = "pdfium"

    def __init__(self, path: Path):
        import pypdfium2

        self._doc = pypdfium2.PdfDocument(str(path))

    def page_count(self) -> int:
        return len(self._doc)

    def page_size(self, index: int) -> QSizeF:
        w, h = self._doc.get_page_size(index)
        return QSizeF(w, h)

    def render(self, index: int, scale: float) -> QImage:
        page = self._doc[index]
        try:
            # RGBx in memory order is exactly QImage's RGBX8888; the copy detaches the image
            # from PDFium's buffer, which is freed with the bitmap.
            bitmap = page.render(scale=scale, prefer_bgrx=True, rev_byteorder=True,
                                 may_draw_forms=False)
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGBX8888).copy()
            bitmap.close()
            return image
        finally:
            page.close()

    def close(self) -> None:
        self._doc.close()


class _QtPdfPages:
    backend = "QtPdf"

    def __init__(self, path: Path):
        from PySide6.QtPdf import QPdfDocument

        self._doc = QPdfDocument()
        err = self._doc.load(str(path))
        if err != QPdfDocument.Error.None_:
            raise OSError(f"{path}: cannot read the PDF ({err.name})")

    def page_count(self) -> int:
        return self._doc.pageCount()

    def page_size(self, index: int) -> QSizeF:
        return self._doc.pagePointSize(index)

    def render(self, index: int, scale: float) -> QImage:
        pts = self.page_size(index)
        size = QSize(max(1, round(pts.width() * scale)), max(1, round(pts.height() * scale)))
        image = self._doc.render(index, size)
        # QtPdf leaves the background transparent; paper is white.
        opaque = QImage(image.size(), QImage.Format.Format_RGB32)
        opaque.fill(0xFFFFFFFF)
        p = QPainter(opaque)
        p.drawImage(0, 0, image)
        p.end()
        return opaque

    def close(self) -> None:
        self._doc.close()


def paint_to_printer(pages: PdfPages, printer: QPrinter) -> int:
    """Draw the pages the printer asks for (its from/to range, all by default); returns how many.

    The printer is put in full-page mode and each PDF page is scaled to the paper keeping its
    proportions, so the PDF's own margins are the printed margins.
    """
    n = pages.page_count()
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0:
        first, last = 1, n
    last = min(max(last, first), n)
    printer.setFullPage(True)
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    printed = 0
    try:
        for index in range(first - 1, last):
            if printed:
                printer.newPage()
            image = pages.render(index, dpi / 72.0)
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            size = image.size().scaled(paper.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            x = paper.x() + (paper.width() - size.width()) / 2
            y = paper.y() + (paper.height() - size.height()) / 2
            painter.drawImage(QRectF(x, y, size.width(), size.height()), image)
            printed += 1
    finally:
        painter.end()
    return printed

