"""What happens to an error nobody expected: it goes to a log file, the user gets one short line.

A traceback means nothing to a school clerk and may show their data to whoever looks over their
shoulder, so the dialog only says that something went wrong and where the details were written.
The log lives in the user's data folder, next to the profiles database.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path
from types import TracebackType

import platformdirs
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("jiwon")
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

_showing = False


def data_dir() -> Path:
    """The user's data folder for Jiwon (database, log)."""
    return Path(platformdirs.user_data_dir("Jiwon", appauthor=False))


def log_file() -> Path:
    return data_dir() / "jiwon.log"


def setup_logging(path: Path | None = None) -> Path:
    """Send the 'jiwon' logger to a small rotating file; returns the file's path."""
    path = path or log_file()
    for h in list(log.handlers):
        if isinstance(h, logging.FileHandler):
            log.removeHandler(h)
            h.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=512_000, backupCount=2, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def short_message(exc: BaseException) -> str:
    """One line for the user: what kind of problem, never the traceback."""
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if len(detail) > 160:
        detail = detail[:157] + "…"
    return detail


def handle_exception(exc_type: type[BaseException], exc: BaseException,
                     tb: TracebackType | None) -> None:
    """sys.excepthook: log the whole story, show the user a short note (once at a time)."""
    global _showing
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.error("Unexpected error", exc_info=(exc_type, exc, tb))
    app = QApplication.instance()
    if app is None or _showing:
        return
    _showing = True
    try:
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("ErrorHandler", "Something went wrong"))
        box.setText(translate(
            "ErrorHandler", "Something went wrong, but your answers are saved."))
        box.setInformativeText(
            translate("ErrorHandler", "%1\n\nDetails were written to %2.")
            .replace("%1", short_message(exc)).replace("%2", str(_current_log_path())))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()
    finally:
        _showing = False


def _current_log_path() -> Path:
    for h in log.handlers:
        if isinstance(h, logging.FileHandler):
            return Path(h.baseFilename)
    return log_file()


def install(path: Path | None = None) -> Path:
    """Start logging to `path` (default: the data folder) and take over sys.excepthook."""
    where = setup_logging(path)
    sys.excepthook = handle_exception
    return where
