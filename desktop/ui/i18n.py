"""The interface language: which one is active, how to switch it, and who to tell.

Qt texts are English in the code (`self.tr("...")`) and Korean in resources/translations/*_ko.qm;
rule texts are pairs in the rule files and are picked with `current_lang()`. Switching installs or
removes the translators (Qt then sends every widget a LanguageChange event) and emits
`language_changed`, so views that show rule texts can redraw them too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from desktop.paths import resources_dir
from desktop.ui import settings

LANGUAGES = ("ko", "en")


class _LanguageNotifier(QObject):
    """Carries the `language_changed` signal; one instance for the whole program."""

    language_changed = Signal(str)


_notifier = _LanguageNotifier()
# Emitted with the new language code ('ko' or 'en') after the translators were swapped.
language_changed = _notifier.language_changed

_lang: str = "ko"
_installed: list[QTranslator] = []


def current_lang() -> str:
    """'ko' or 'en': the language rule texts and numbers are shown in."""
    return _lang


def system_lang() -> str:
    """Korean on a Korean system locale, English everywhere else."""
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def startup_lang() -> str:
    """The language remembered from the last run, or else the system's."""
    saved = settings.get(settings.LANGUAGE)
    return saved if saved in LANGUAGES else system_lang()


def translations_dir() -> Path:
    return resources_dir() / "translations"


def _load_translators(lang: str) -> list[QTranslator]:
    """Qt's own texts (standard buttons) and every `*_<lang>.qm` we ship (shell, views)."""
    found = []
    qt_own = QTranslator()
    if qt_own.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        found.append(qt_own)
    for qm in sorted(translations_dir().glob(f"*_{lang}.qm")):
        tr = QTranslator()
        if tr.load(str(qm)):
            found.append(tr)
    return found


def set_language(lang: str, remember: bool = True) -> None:
    """Switch the interface to `lang` now; with `remember`, also for the next start."""
    global _lang
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
    if remember:
        settings.put(settings.LANGUAGE, lang)
    changed = lang != _lang
    _lang = lang
    if lang == "ko":
        QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    app = QCoreApplication.instance()
    if app is not None:
        for tr in _installed:
            QCoreApplication.removeTranslator(tr)
        _installed.clear()
        if lang != "en":  # the source texts are English
            for tr in _load_translators(lang):
                QCoreApplication.installTranslator(tr)
                _installed.append(tr)
    if changed or app is not None:
        language_changed.emit(lang)


def installed_translations() -> list[str]:
    """File names of the translators in use (for the About dialog and tests)."""
    return [Path(tr.filePath()).name for tr in _installed]
