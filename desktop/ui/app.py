"""`jiwon` with no subcommand: the desktop app.

Start-up order matters: the application object first (with its high-DPI policy, which must be
set before it exists), then the shipped Korean font and the translators, so that the very first
window already draws Hangul and speaks the user's language; then the database and the window,
shown with the saved profiles; then the rule pack, read while the window is on screen and before
any input is handled (the outcome counts of the list, which need it, follow at once). Problems
are shown rather than raised: a broken rule file leaves a banner, a damaged database is set
aside, a locked or read-only one is explained with a choice of what to do.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import logging
import os
import sys
import threading
from pathlib import Path

# Imported before PySide6 on purpose. Once PySide6 is imported it reads the source of every module
# imported after it (to see whether the module asks for PySide's `__feature__` options), a
# fraction of a millisecond each, for some two hundred modules at start-up. The window and the
# rules need these parts, which have nothing to do with Qt (with the standard library modules
# they use), before the window is up, so they are imported first and never inspected.
import desktop.engine  # noqa: E402,F401,I001  (the engine, with its rule-file reader and cache)
import desktop.engine.explain  # noqa: F401
import desktop.engine.loader  # noqa: F401
import desktop.packs.store  # noqa: F401  (where installed rule packs are; the user's folders)
import desktop.storage  # noqa: F401
import desktop.storage.store  # noqa: F401
import desktop.tabular  # noqa: F401
import platformdirs  # noqa: F401  (the user's folders: desktop.paths asks it when first needed)

import PySide6
from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import __version__
from desktop.ui import errors, fonts, i18n, settings, style
from desktop.ui.icons import app_icon

log = logging.getLogger("jiwon.ui")
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def parse_args(args: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our own options (from `args`, without the program name); the rest is left for Qt.

    Returns the options and the argv for QApplication (program name first).
    """
    parser = argparse.ArgumentParser(prog="jiwon", add_help=False)
    parser.add_argument("--data-dir", help="folder for the profiles database and the log")
    parser.add_argument("--rules", help="rules folder (default: the one shipped)")
    parser.add_argument("--today", type=dt.date.fromisoformat,
                        help="assess as of this date (YYYY-MM-DD)")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help="interface language")
    parser.add_argument("--exit-when-ready", action="store_true",
                        help="print READY and quit once the window is up (start-up checks)")
    if args[:1] == ["gui"]:  # `jiwon gui` is the same as `jiwon`
        args = args[1:]
    opts, rest = parser.parse_known_args(args)
    return opts, ["jiwon", *rest]


# Platforms that draw without a screen (tests, screenshots, remote viewers).
_HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "vkkhrdisplay", "eglfs", "linuxfb")


def display_problem(env: dict[str, str] | None = None, platform: str | None = None) -> str | None:
    """Why the window cannot be shown here (no display to draw on), or None when it can.

    Checked before Qt is asked for a window: Qt's own answer is an abort with a plugin message
    that tells a person on a server or over SSH nothing about what to do instead.
    """
    env = dict(os.environ) if env is None else env
    platform = platform or sys.platform
    if not platform.startswith("linux") and "bsd" not in platform:
        return None  # Windows and macOS always have a screen for a desktop session
    if env.get("QT_QPA_PLATFORM", "").split(":")[0] in _HEADLESS_PLATFORMS:
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return ("Jiwon의 데스크톱 앱은 화면(디스플레이)이 있어야 열립니다. 서버나 SSH 연결에서는 "
            "명령줄을 쓰세요: 'jiwon evaluate 프로필.yaml', 'jiwon deadlines', 'jiwon --help'.\n"
            "The Jiwon desktop app needs a display to open its window. On a server or over SSH, "
            "use the command line: 'jiwon evaluate profile.yaml', 'jiwon deadlines', "
            "'jiwon --help'.")


def bindings_problem(version: str | None = None, python: tuple[int, int] | None = None) -> str | None:
    """The one PySide6 release Jiwon cannot run on, named so the user knows what to change.

    PySide6 6.12.0 on Python 3.11 loses a reference to None on every call of a method that returns
    nothing, and Python aborts after a few minutes of use; the package's requirements already
    exclude it, so this only catches a copy installed by hand.
    """
    version = version or PySide6.__version__
    python = python or sys.version_info[:2]
    if version.startswith("6.12.0") and python < (3, 12):
        return (f"PySide6 {version}는 Python {python[0]}.{python[1]}에서 Jiwon을 멈추게 합니다. "
                "다른 버전을 설치하세요: pip install 'PySide6-Essentials<6.12'.\n"
                f"PySide6 {version} crashes Jiwon on Python {python[0]}.{python[1]}. "
                "Install another release: pip install 'PySide6-Essentials<6.12'.")
    return None


def make_application(argv: list[str]) -> QApplication:
    """The QApplication with Jiwon's names, DPI policy, font, look and icon."""
    existing = QApplication.instance()
    if existing is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        QCoreApplication.setOrganizationName(settings.ORGANIZATION)
        QCoreApplication.setApplicationName(settings.APPLICATION)
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication([*argv, *style.COMMAND_LINE])
    else:
        app = existing  # type: ignore[assignment]
    QGuiApplication.setApplicationDisplayName("Jiwon")
    QGuiApplication.setDesktopFileName("jiwon")
    style.apply_style(app, fusion_asked=existing is None)
    fonts.apply_app_font(app)
    app.setWindowIcon(app_icon())
    return app


def load_pack(rules: str | Path | None = None):
    """The rule pack: `rules` if given, else the installed update (File > Update rules…), else the
    rules that came with the app; problems in single files are in `pack.errors` (a banner)."""
    from desktop.engine import load_rules

    if not rules:
        from desktop.packs.store import active_rules_dir

        rules = active_rules_dir()
    pack = load_rules(Path(rules) if rules else None)
    for problem in pack.errors:
        log.warning("rule file problem: %s", problem)
    return pack


def ask_about_storage(err) -> str:
    """The database cannot be used: 'retry', 'memory' (work without saving) or 'quit'."""
    box = QMessageBox(QMessageBox.Icon.Warning,
                      translate("Startup", "Saved profiles are not available"),
                      err.message.get(i18n.current_lang()))
    box.setInformativeText(translate("Startup", "You can try again, work without saving, or quit."))
    retry = box.addButton(translate("Startup", "&Try again"), QMessageBox.ButtonRole.AcceptRole)
    memory = box.addButton(translate("Startup", "&Work without saving"),
                           QMessageBox.ButtonRole.ActionRole)
    quit_ = box.addButton(translate("Startup", "&Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    clicked = box.clickedButton()
    if clicked is memory:
        return "memory"
    if clicked is quit_:
        return "quit"
    return "retry"


def open_store_or_ask(path: Path | None, ask=None):
    """(store, why answers are not saved or None), or (None, why the file could not be used)
    when the user chose to quit."""
    from desktop.storage import StorageError, open_store

    ask = ask or ask_about_storage
    while True:
        try:
            return open_store(path), None
        except StorageError as err:
            log.warning("cannot open the database: %s", err)
            choice = ask(err)
            if choice == "quit":
                return None, err.message.get(i18n.current_lang())
            if choice == "memory":
                return open_store(":memory:"), err.message.get(i18n.current_lang())


def launch(data_dir: str | Path | None = None, rules: str | Path | None = None,
           today: dt.date | None = None, ask=None, rules_later: bool = False):
    """Load the rules, open the database and build the main window (not shown); None to quit.
    With `rules_later` the window is built without the rules: the caller shows it, then gives
    it `load_pack(rules)` through `set_pack` (as `run` does)."""
    from desktop.storage import default_path
    from desktop.ui.main_window import MainWindow

    pack = None if rules_later else load_pack(rules)
    db_path = Path(data_dir) / "jiwon.db" if data_dir else default_path()
    store, why = open_store_or_ask(db_path, ask)
    if store is None:
        print(why, file=sys.stderr)  # started from a terminal: the reason stays on it
        return None
    if store.recovered_from is not None:
        log.warning("damaged database set aside as %s", store.recovered_from)
    return MainWindow(pack, store, as_of=today, saving_disabled=why)


# Not needed for the start page, but soon after (the first write to the database): imported while
# the user looks at the start page, so the first click does not wait for them.
SOON_NEEDED = ("sqlite_utils",)


def import_soon_needed() -> threading.Thread:
    """Imports SOON_NEEDED in a thread of its own (not a daemon: the interpreter waits for it to
    finish rather than stopping it half-way through an import when the app quits at once)."""
    def work() -> None:
        for name in SOON_NEEDED:
            try:
                importlib.import_module(name)
            except Exception:  # imported again, and reported, where it is used
                log.exception("could not import %s ahead of use", name)

    thread = threading.Thread(target=work, name="import-soon-needed")
    thread.start()
    return thread


def run(argv: list[str] | None = None) -> int:
    """Start the desktop app with `argv` (the arguments after the command name); the exit code."""
    opts, qt_argv = parse_args(list(sys.argv[1:] if argv is None else argv))
    problem = display_problem() or bindings_problem()
    if problem is not None and QApplication.instance() is None:
        print(problem, file=sys.stderr)
        return 2
    data_dir = Path(opts.data_dir) if opts.data_dir else None
    if data_dir is not None:
        settings.use_file(data_dir / "settings.ini")
    app = make_application(qt_argv)
    errors.install((data_dir / "jiwon.log") if data_dir else None)
    i18n.set_language(opts.lang or i18n.startup_lang(), remember=bool(opts.lang))
    window = launch(data_dir, opts.rules, opts.today, rules_later=True)
    if window is None:  # the saved-profiles file could not be used and the user chose to quit
        return 2
    window.show()
    # The window is drawn (and timers run) before the rules are read; input waits for them, so
    # nothing the user does meets a window without its rules.
    app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    window.set_pack(load_pack(opts.rules))
    QTimer.singleShot(0, import_soon_needed)  # once the list with its counts is drawn
    if opts.exit_when_ready:
        QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(run())
