"""Where the program finds its data: one lookup for the source tree and the bundle alike, and
the one user-data folder (saved profiles, the log, installed rule updates)."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path


def base_dir() -> Path:
    """The folder that holds rules/, seeds/ and resources/.

    In a PyInstaller bundle that is the bundle's data folder (sys._MEIPASS); from source it is the
    repository root, one level above the `desktop` package.
    """
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled)
    return _source_base()


@lru_cache(maxsize=1)
def _source_base() -> Path:
    """The repository root, resolved once: every file Jiwon reads of its own is found from it, and
    resolving a path asks the disk about each folder on the way."""
    return Path(__file__).resolve().parent.parent


def rules_dir() -> Path:
    return base_dir() / "rules"


def seeds_dir() -> Path:
    return base_dir() / "seeds"


def resources_dir() -> Path:
    return base_dir() / "resources"


def font_path(bold: bool = False) -> Path:
    name = "NanumGothicBold.ttf" if bold else "NanumGothic.ttf"
    return resources_dir() / "fonts" / name


APP_NAME = "Jiwon"


def user_data_dir() -> Path:
    """The user's data folder for Jiwon: the database, the log and installed rule updates."""
    import platformdirs  # only where a user folder is needed (not by the engine)

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_cache_dir() -> Path:
    """The user's cache folder for Jiwon: what can be thrown away and made again (parsed rule
    files). Nothing in it is needed; a missing or unwritable one only makes loading slower."""
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
