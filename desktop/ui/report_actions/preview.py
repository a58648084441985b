"""The in-app preview of the PDF report: its pages as images, with Save and Print.

The preview shows the very file that "Save PDF…" and "Print…" in this dialog then save or print,
so the user sees exactly what they hand over. Pages are drawn by `pages.open_pdf` (QtPdf or
PDFium); this dialog only lays them out, zooms and forwards the buttons.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPalette, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.report_actions.pages import PdfPages
from desktop.ui.retranslate import Retranslating

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


class PreviewDialog(Retranslating, QDialog):
    """Shows every page of one PDF file; the buttons act on that same file."""

    def __init__(
        self,
        parent: QWidget | None,
        pdf_path: Path,
        pages: PdfPages,
        on_save: Callable[[QWidget, Path], object] | None = None,
        on_print: Callable[[QWidget, Path], object] | None = None,
        cleanup: Callable[[], None] | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("reportPreview")
        self.pdf_path = pdf_path
        self._pages = pages
        self._on_save = on_save
        self._on_print = on_print
        self._cleanup = cleanup
        self._zoom = 1.0
        self.page_labels: list[QLabel] = []

        self.zoom_out_button = QPushButton()
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = QPushButton()
        self.count_label = QLabel()
        self.save_button = QPushButton()
        self.print_button = QPushButton()
        self.close_button = QPushButton()
        self.save_button.setEnabled(on_save is not None)
        self.print_button.setEnabled(on_print is not None)

        bar = QHBoxLayout()
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_in_button)
        bar.addSpacing(12)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        bar.addWidget(self.print_button)
        bar.addWidget(self.close_button)

        self._sheet = QWidget()
        self._sheet.setBackgroundRole(QPalette.ColorRole.Dark)
        self._sheet.setAutoFillBackground(True)
        self._sheet_layout = QVBoxLayout(self._sheet)
        self._sheet_layout.setSpacing(16)
        self._sheet_layout.setContentsMargins(16, 16, 16, 16)
        for _ in range(pages.page_count()):
            lab = QLabel()
            lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
            lab.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            self._sheet_layout.addWidget(lab, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(lab)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self._sheet)
        self.scroll.setWidgetResizable(True)
        self.scroll.setBackgroundRole(QPalette.ColorRole.Dark)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)

        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(+1))
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self.save_button.clicked.connect(self._save)
        self.print_button.clicked.connect(self._print)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, activated=lambda: self.step_zoom(+1))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, activated=lambda: self.step_zoom(-1))
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self._print)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self._save)
        self.finished.connect(self._release)

        self.resize(900, 1000)
        self.retranslate()
        self._render()

    # ------------------------------------------------------------------ pages

    @property
    def zoom(self) -> float:
        return self._zoom

    def step_zoom(self, step: int) -> None:
        i = min(range(len(ZOOMS)), key=lambda k: abs(ZOOMS[k] - self._zoom))
        i = max(0, min(len(ZOOMS) - 1, i + step))
        if ZOOMS[i] != self._zoom:
            self._zoom = ZOOMS[i]
            self._render()

    def _render(self) -> None:
        ratio = self.devicePixelRatioF() or 1.0
        # 1.0 zoom shows a page at its printed size on a 96 dpi screen
        scale = self._zoom * 96.0 / 72.0
        for index, lab in enumerate(self.page_labels):
            image = self._pages.render(index, scale * ratio)
            pm = QPixmap.fromImage(image)
            pm.setDevicePixelRatio(ratio)
            lab.setPixmap(pm)
            lab.setFixedSize(pm.deviceIndependentSize().toSize())
            lab.setAccessibleName(self.tr("Page %1 of %2").replace("%1", str(index + 1))
                                  .replace("%2", str(len(self.page_labels))))
        self.zoom_label.setText(f"{round(self._zoom * 100)}%")
        self.zoom_in_button.setEnabled(self._zoom < ZOOMS[-1])
        self.zoom_out_button.setEnabled(self._zoom > ZOOMS[0])

    # ------------------------------------------------------------------ buttons

    def _save(self) -> None:
        if self._on_save is not None:
            self._on_save(self, self.pdf_path)

    def _print(self) -> None:
        if self._on_print is not None:
            self._on_print(self, self.pdf_path)

    def _release(self) -> None:
        self._pages.close()
        if self._cleanup is not None:
            self._cleanup()
            self._cleanup = None

    # ------------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Report preview"))
        self.zoom_in_button.setText(self.tr("Zoom in"))
        self.zoom_out_button.setText(self.tr("Zoom out"))
        n = len(self.page_labels)
        self.count_label.setText(self.tr("%n page", "", n) if n == 1 else
                                 self.tr("%n pages", "", n))
        self.save_button.setText(self.tr("Save PDF…"))
        self.print_button.setText(self.tr("Print…"))
        self.close_button.setText(self.tr("Close"))
