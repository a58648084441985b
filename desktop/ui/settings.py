"""Every setting the desktop app remembers, declared once with its default.

The app reads and writes settings only through `get` / `put` with one of the `Setting` constants
below, so a key is never spelled twice and a missing or damaged value falls back to its default
instead of surprising a view. Tests point the settings at a file of their own with `use_file`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "Jiwon"
APPLICATION = "Jiwon"


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    type: type
    title: str  # what it is, for whoever reads the settings file


LANGUAGE = Setting("ui/language", "", str, "Interface language: 'ko', 'en' or '' (system)")
WINDOW_GEOMETRY = Setting("window/geometry", QByteArray(), QByteArray, "Main window geometry")
WINDOW_STATE = Setting("window/state", QByteArray(), QByteArray, "Toolbars and docks")
WIZARD_SPLITTER = Setting("wizard/splitter", QByteArray(), QByteArray,
                          "Questions / live panel split")
LAST_PROFILE = Setting("profiles/last", 0, int, "Id of the profile open when the app was closed")
LAST_FOLDER = Setting("files/last_folder", "", str, "Folder last used to import or export")
PROFILE_SORT = Setting("profiles/sort", "0,0", str,
                       "Saved-profiles list: column and order (0 ascending, 1 descending)")
IMPORT_COLUMNS = Setting("clients/import_columns", "", str,
                         "Client-list import: header -> question chosen last time (JSON)")

ALL = (LANGUAGE, WINDOW_GEOMETRY, WINDOW_STATE, WIZARD_SPLITTER, LAST_PROFILE, LAST_FOLDER,
       PROFILE_SORT, IMPORT_COLUMNS)

_file: str | None = None


def use_file(path: str | None) -> None:
    """Keep settings in this INI file instead of the user's settings (tests, portable use)."""
    global _file
    _file = str(path) if path is not None else None


def _qsettings() -> QSettings:
    if _file is not None:
        return QSettings(_file, QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APPLICATION)


def get(setting: Setting) -> Any:
    """The stored value, or the default when it is missing or of the wrong kind."""
    raw = _qsettings().value(setting.key, None)
    if raw is None:
        return setting.default
    if isinstance(raw, setting.type):
        return raw
    try:
        if setting.type is int:
            return int(raw)
        if setting.type is str:
            return str(raw)
    except (TypeError, ValueError):
        pass
    return setting.default


def put(setting: Setting, value: Any) -> None:
    s = _qsettings()
    s.setValue(setting.key, value)
    s.sync()
