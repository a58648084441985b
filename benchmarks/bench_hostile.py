"""Hostile inputs and two writers on one database: counts, not timings.

    .venv/bin/python benchmarks/bench_hostile.py [--writer-runs 5] [--answers 200]

1. Every input of tests/hostile/inputs.py runs as `python -m desktop.cli.main ...` in its own
   process and folder, with a 60 s limit. Counted: tries, clear errors (the expected exit code and
   message), tracebacks ("Traceback" on stderr), hangs (past the limit).
2. Two writer processes answer questions on one database file at the same moment; every answer
   reported saved (set_answer returned) is looked for in the file afterwards. Counted: answers
   acknowledged, refused ('locked', told to the caller), lost (acknowledged but not in the file).

Prints figures; it is not a test (the tests in tests/hostile and tests/storage check the same).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "hostile"))

from inputs import CORPUS, prepare  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def hostile_inputs() -> None:
    tries = clear = tracebacks = hangs = skipped = 0
    for hostile in CORPUS:
        if not hostile.needs():
            skipped += 1
            continue
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            prepare(folder)
            argv = hostile.make(folder)
            tries += 1
            try:
                done = subprocess.run([sys.executable, "-m", "desktop.cli.main", *argv], cwd=folder,
                                      env=ENV, capture_output=True, text=True, timeout=60,
                                      stdin=subprocess.DEVNULL)
            except subprocess.TimeoutExpired:
                hangs += 1
                print(f"  HANG       {hostile.id}")
                continue
            if "Traceback" in done.stderr:
                tracebacks += 1
                print(f"  TRACEBACK  {hostile.id}")
            elif done.returncode == hostile.code and hostile.expect in done.stdout + done.stderr:
                clear += 1
            else:
                print(f"  UNCLEAR    {hostile.id}: exit {done.returncode}: {done.stderr[-200:]!r}")
            os.chmod(folder, 0o700)
            for path in folder.rglob("*"):
                if not path.is_symlink():
                    os.chmod(path, 0o700)
    print(f"hostile inputs: {tries} tries, {clear} clear errors, {tracebacks} tracebacks, "
          f"{hangs} hangs ({skipped} not possible on this machine)")


WRITER = textwrap.dedent(
    """
    import sys
    from desktop.storage import StorageError, open_store

    path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = open_store(path)
    pid = store.create_profile(name, "company")
    print(f"profile {pid}", flush=True)
    sys.stdin.readline()
    for i in range(count):
        try:
            store.set_answer(pid, f"q{i}", i)
        except StorageError as error:
            print(f"refused {i} {error.kind}", flush=True)
        else:
            print(f"saved {i}", flush=True)
    """
)


def two_writers(runs: int, count: int) -> None:
    from desktop.storage import open_store

    acknowledged = refused = lost = 0
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "jiwon.db"
            open_store(path).close()
            writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), f"w{n}",
                                         str(count)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, env=ENV, text=True)
                       for n in range(2)]
            pids = [int(w.stdout.readline().split()[1]) for w in writers]
            for w in writers:
                w.stdin.write("go\n")
                w.stdin.flush()
            outputs = [w.communicate(timeout=300)[0] for w in writers]
            with open_store(path) as store:
                for pid, output in zip(pids, outputs):
                    answers = store.get_answers(pid)
                    for line in output.splitlines():
                        if line.startswith("saved "):
                            acknowledged += 1
                            i = int(line.split()[1])
                            lost += answers.get(f"q{i}") != i
                        elif line.startswith("refused "):
                            refused += 1
    print(f"two writers: {runs} runs, {acknowledged} answers acknowledged, {refused} refused "
          f"(locked, told), {lost} lost")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--writer-runs", type=int, default=5)
    parser.add_argument("--answers", type=int, default=200)
    args = parser.parse_args()
    hostile_inputs()
    two_writers(args.writer_runs, args.answers)


if __name__ == "__main__":
    main()
