"""Shared fixtures for the desktop UI tests: real widgets, real rules, a real database file.

Qt runs offscreen (set here, before pytest-qt makes the one QApplication of the session, so the
tests need no display). The application gets the same style and shipped font as the real app,
so sizes and text in the tests are what users see. Every test has its own settings file and its
own database in `tmp_path`, and starts in English (the source language of the UI texts); tests
about Korean switch with `i18n.set_language("ko")`.

Fixtures for other UI test modules:
- `rule_pack`: the real rule pack from rules/ (loaded once; it is immutable)
- `as_of`: the fixed assessment date the UI tests use
- `db_path`, `store`: a fresh SQLite store in tmp_path
- `main_window`: the main window on that store, shown
- `open_profile(applicant_type, answers=None, name=None)`: creates a profile in the store, opens
  it in `main_window`, returns its id
- `when_modal(callback)`: runs `callback(dialog)` on the next modal dialog once it is shown
"""

from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.engine import load_rules  # noqa: E402
from desktop.storage import open_store  # noqa: E402
from desktop.ui import i18n, settings  # noqa: E402

AS_OF = dt.date(2026, 3, 2)


@pytest.fixture(scope="session", autouse=True)
def jiwon_look(qapp):
    """The app's style and shipped Korean font on the session's QApplication."""
    from desktop.ui.app import make_application

    make_application([])
    return qapp


@pytest.fixture(autouse=True)
def ui_settings(tmp_path, qapp):
    """Fresh settings per test, English UI; both put back afterwards."""
    settings.use_file(tmp_path / "settings.ini")
    i18n.set_language("en", remember=False)
    yield tmp_path / "settings.ini"
    i18n.set_language("en", remember=False)
    settings.use_file(None)


@pytest.fixture(scope="session")
def rule_pack():
    return load_rules()


@pytest.fixture
def as_of() -> dt.date:
    return AS_OF


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "jiwon.db"


@pytest.fixture
def store(db_path):
    s = open_store(db_path)
    yield s
    s.close()


@pytest.fixture
def main_window(qtbot, rule_pack, store, as_of):
    from desktop.ui.main_window import MainWindow

    window = MainWindow(rule_pack, store, as_of=as_of)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    # Gone before `store` closes the database (qtbot's own clean-up comes after that): a start
    # page left alive would read the closed store when the next test's events run.
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def open_profile(main_window, store):
    def _open(applicant_type: str, answers: dict | None = None, name: str | None = None) -> int:
        pid = store.create_profile(name or f"Test {applicant_type}", applicant_type, answers or {})
        main_window.start.refresh(select=pid)
        assert main_window.open_profile(pid)
        return pid

    return _open


@pytest.fixture
def when_modal():
    """`when_modal(callback)`: run `callback(dialog)` on the next modal dialog, once it is shown.

    The polling belongs to the test: it stops when the test ends, so a dialog that never came is
    not looked for (and answered) in the next test.
    """
    timers: list[QTimer] = []

    def arm(callback):
        timer = QTimer()
        timer.setInterval(20)

        def poll():
            dialog = QApplication.activeModalWidget()
            if dialog is not None:
                timer.stop()
                callback(dialog)

        timer.timeout.connect(poll)
        timer.start()
        timers.append(timer)

    yield arm
    for timer in timers:
        timer.stop()
