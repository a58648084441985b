"""Killing the program in the middle of the wizard loses no answer that was accepted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.storage import open_store

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent("""
    import datetime as dt, sys, time
    from desktop.ui import app, settings
    settings.use_file(sys.argv[1] + "/settings.ini")
    application = app.make_application(["jiwon"])
    w = app.launch(sys.argv[1], today=dt.date(2026, 3, 2))
    w.show()
    pid = w.start.new_profile("company", name="kill me")
    field = w.wizard.fields["avg_sales_3y"] if "avg_sales_3y" in w.wizard.fields else None
    if field is None:
        w.wizard.show_question("avg_sales_3y")
        field = w.wizard.fields["avg_sales_3y"]
    field.edit.setText("1,230억")
    field.edit.editingFinished.emit()
    application.processEvents()
    print("ANSWERED", pid, w.wizard.topic, flush=True)
    time.sleep(600)
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_answers_survive_a_kill(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT, str(tmp_path)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = proc.stdout.readline().split()
        assert line and line[0] == "ANSWERED", line
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    pid, topic = int(line[1]), line[2]

    store = open_store(tmp_path / "jiwon.db")
    try:
        assert store.get_answers(pid)["avg_sales_3y"] == 123_000_000_000
        assert store.get_profile(pid).position["topic"] == topic
    finally:
        store.close()
