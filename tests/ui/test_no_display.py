"""Started where there is no screen (a server, an SSH session), `jiwon` says so and points to the
command line instead of letting Qt abort with a plugin message."""

from __future__ import annotations

import os
import subprocess
import sys

from desktop.ui import app


def test_no_display_is_named_and_the_command_line_offered():
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    run = subprocess.run([sys.executable, "-m", "desktop.cli.main"], env=env,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert "needs a display" in run.stderr and "화면" in run.stderr
    assert "jiwon evaluate" in run.stderr
    assert "could not connect to display" not in run.stderr
    assert "This application failed to start" not in run.stderr


def test_what_counts_as_a_display():
    assert app.display_problem({}, "linux") is not None
    assert app.display_problem({"DISPLAY": ":0"}, "linux") is None
    assert app.display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert app.display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert app.display_problem({"QT_QPA_PLATFORM": "xcb"}, "linux") is not None
    assert app.display_problem({}, "win32") is None
    assert app.display_problem({}, "darwin") is None


def test_the_pyside_release_that_crashes_is_refused_with_what_to_install():
    problem = app.bindings_problem("6.12.0", (3, 11))
    assert problem is not None and "PySide6-Essentials<6.12" in problem
    assert app.bindings_problem("6.12.0", (3, 12)) is None
    assert app.bindings_problem("6.11.3", (3, 11)) is None
