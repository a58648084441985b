"""What happens to an error: the details go to a log file, the user is told what to do.

A traceback or a Python message ("[Errno 13] Permission denied: …", "'NoneType' object has no
attribute …") means nothing to a school clerk and may show their data to whoever looks over their
shoulder, so a dialog says in the UI language what went wrong in the user's terms and what they can
do about it, and where the details were written. The log lives in the user's data folder, next to
the profiles database.
"""

from __future__ import annotations

import errno
import logging
import logging.handlers
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop import paths

log = logging.getLogger("jiwon")
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

_showing = False


def data_dir() -> Path:
    """The user's data folder for Jiwon (database, log)."""
    return paths.user_data_dir()


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


def advice(exc: BaseException) -> str:
    """What the user can do about `exc`, in the UI language; never the exception's own text."""
    if isinstance(exc, OSError):
        code = exc.errno
        if code in (errno.EACCES, errno.EPERM):
            return translate("ErrorHandler", "Jiwon is not allowed to use this file or folder. "
                             "Choose another folder, or ask whoever manages this computer.")
        if code == errno.ENOSPC:
            return translate("ErrorHandler", "The disk is full. Free some space, or choose "
                             "another disk.")
        if code == errno.EROFS:
            return translate("ErrorHandler", "This disk can only be read. Choose another folder.")
        if code in (errno.ENOENT, errno.ENOTDIR):
            return translate("ErrorHandler", "The file or folder is not there (any more). Check "
                             "the name, or choose another one.")
        if code == errno.EISDIR:
            return translate("ErrorHandler", "That is a folder, not a file. Choose a file.")
        return translate("ErrorHandler", "The file could not be used. If it is open in another "
                         "program, close it there and try again.")
    return translate("ErrorHandler", "Try again. If it happens again, restart Jiwon; your "
                     "answers are saved.")


def show_problem(parent: QWidget | None, title: str, what: str, exc: BaseException) -> None:
    """A dialog: what failed (`what`), what to do about it, where the details are; the whole
    exception goes to the log."""
    log.warning("%s: %s", what, exc, exc_info=(type(exc), exc, exc.__traceback__))
    details = translate("ErrorHandler", "Details were written to %1.")
    QMessageBox.warning(parent, title, f"{what}\n\n{advice(exc)}\n\n"
                        + details.replace("%1", str(_current_log_path())))


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
        box.setInformativeText(advice(exc) + "\n\n" + translate(
            "ErrorHandler", "Details were written to %1.").replace("%1", str(_current_log_path())))
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
