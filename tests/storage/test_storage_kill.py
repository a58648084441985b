"""Killing the program mid-wizard loses nothing: every answer is on disk once set_answer returns.

A child process answers questions as fast as it can and reports each one after set_answer has
returned; the test kills it with SIGKILL (no clean-up, no atexit, no close) while it is busy
writing, reopens the file and checks that every reported answer is there, exactly, and that the
file is sound.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.storage import open_store

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import datetime as dt, sys
    from desktop.storage import open_store

    def value(i):
        return [i % 2 == 0, i * 1000, dt.date(2020, 1, 1) + dt.timedelta(days=i),
                f"텍스트 {i}", (f"a{i}", f"b{i}"), None][i % 6]

    store = open_store(sys.argv[1])
    pid = store.create_profile("작업 중", "company")
    store.set_position(pid, {"question": "q0"})
    print(f"profile {pid}", flush=True)
    i = 0
    while True:
        store.set_answer(pid, f"q{i}", value(i))
        store.set_position(pid, {"question": f"q{i + 1}"})
        print(f"saved {i}", flush=True)
        i += 1
    """
)


def value(i: int):
    return [i % 2 == 0, i * 1000, dt.date(2020, 1, 1) + dt.timedelta(days=i),
            f"텍스트 {i}", (f"a{i}", f"b{i}"), None][i % 6]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
@pytest.mark.parametrize("kill_after", [1, 57, 300])
def test_sigkill_mid_wizard_loses_no_answer(tmp_path, kill_after):
    path = tmp_path / "jiwon.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, env=env, text=True
    )
    try:
        pid = int(child.stdout.readline().split()[1])
        last = -1
        while last + 1 < kill_after:
            line = child.stdout.readline()
            assert line.startswith("saved "), f"child stopped: {line!r}"
            last = int(line.split()[1])
        child.send_signal(signal.SIGKILL)  # while it is writing the next answers
    finally:
        child.kill()
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    with open_store(path) as store:
        assert store.recovered_from is None  # the file was sound
        assert store.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        answers = store.get_answers(pid)
        for i in range(last + 1):
            assert f"q{i}" in answers, f"answer {i} of {last + 1} reported saved is missing"
            assert answers[f"q{i}"] == value(i) and type(answers[f"q{i}"]) is type(value(i))
        # Possibly a few more answers made it before the kill; none is half-written.
        extra = {k: v for k, v in answers.items() if k not in {f"q{i}" for i in range(last + 1)}}
        assert extra.pop("applicant_type") == "company"
        assert all(v == value(int(k[1:])) for k, v in extra.items())
        # Reopening resumes at (or past) the next question.
        position = store.get_profile(pid).position
        assert int(position["question"][1:]) >= last + 1
