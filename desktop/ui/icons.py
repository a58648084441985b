"""The application icon, looked up in one place (resources/icons).

Status marks are drawn by `desktop.ui.status_style`, so that every view uses the same ones.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QIcon

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
