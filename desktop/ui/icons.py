"""The application icon, looked up in one place (resources/icons).

Status marks are drawn by `desktop.ui.status_style`, so that every view uses the same ones.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from desktop.paths import resources_dir


def icon_path(name: str) -> Path:
    return resources_dir() / "icons" / name


@lru_cache(maxsize=None)
def app_icon() -> QIcon:
    icon = QIcon()
    for name in ("jiwon.png", "jiwon-64.png", "jiwon-32.png", "jiwon-16.png"):
        path = icon_path(name)
        if path.exists():
            icon.addFile(str(path))
    return icon


@lru_cache(maxsize=None)
def calendar_icon() -> QIcon:
    """A small calendar page, drawn rather than taken from a font (no font has it everywhere)."""
    icon = QIcon()
    for size in (16, 24, 32, 48):
        pix = QPixmap(size, size)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        unit = size / 16
        ink = QColor("#3c4043")
        page = QRectF(1.5 * unit, 2.5 * unit, 13 * unit, 12 * unit)
        p.setPen(QPen(ink, max(unit, 1.0)))
        p.setBrush(QColor("#ffffff"))
        p.drawRoundedRect(page, 1.5 * unit, 1.5 * unit)
        p.fillRect(QRectF(page.left(), page.top(), page.width(), 3.5 * unit), QColor("#1f5fbf"))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(ink)
        for row in range(2):
            for col in range(3):
                p.drawRect(QRectF((3.5 + col * 3.5) * unit, (8 + row * 3) * unit,
                                  2 * unit, 2 * unit))
        rings = QPen(ink, max(1.4 * unit, 1.0))
        rings.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(rings)
        for x in (4.5, 11.5):
            p.drawLine(QPointF(x * unit, 1 * unit), QPointF(x * unit, 4 * unit))
        p.end()
        icon.addPixmap(pix)
    return icon
