"""Two writer processes answering questions on one database file at the same moment.

Shared by the contention test (tests/storage/test_storage_contention.py) and the hostile-input
benchmark (benchmarks/bench_hostile.py), which count the same thing: every answer a writer was
told is saved must be in the file afterwards.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent(
    """
    import sys
    from desktop.storage import StorageError, open_store

    path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = open_store(path)
    pid = store.create_profile(name, "company")
    print(f"profile {pid}", flush=True)
    sys.stdin.readline()  # both writers start answering at the same moment
    for i in range(count):
        try:
            store.set_answer(pid, f"q{i}", i)
        except StorageError as error:
            print(f"refused {i} {error.kind}", flush=True)
        else:
            print(f"saved {i}", flush=True)
    print("done", flush=True)
    """
)


@dataclass(frozen=True)
class WriterRun:
    """What one writer reported: its profile, the answers it was told are saved, the ones it was
    refused (with the kind of refusal), whether it got to the end, and its exit code."""

    profile_id: int
    saved: tuple[int, ...]
    refused: tuple[tuple[int, str], ...]
    finished: bool
    returncode: int


def race(db_path: Path, count: int, timeout: float = 120) -> list[WriterRun]:
    """Start two writers on `db_path` (which must exist, migrated), let them answer `count`
    questions each at once, and return what each reported."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), f"writer {n}", str(count)],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True)
        for n in range(2)
    ]
    try:
        pids = [int(w.stdout.readline().split()[1]) for w in writers]
        for w in writers:
            w.stdin.write("go\n")
            w.stdin.flush()
        outputs = [w.communicate(timeout=timeout)[0] for w in writers]
    finally:
        for w in writers:
            w.kill()
            w.wait(timeout=30)
    runs = []
    for pid, output, w in zip(pids, outputs, writers):
        lines = output.splitlines()
        saved = tuple(int(line.split()[1]) for line in lines if line.startswith("saved "))
        refused = tuple((int(line.split()[1]), line.split()[2]) for line in lines
                        if line.startswith("refused "))
        runs.append(WriterRun(pid, saved, refused, bool(lines) and lines[-1] == "done",
                              w.returncode))
    return runs
