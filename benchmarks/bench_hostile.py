"""Hostile inputs and two writers on one database: counts, not timings.

    .venv/bin/python benchmarks/bench_hostile.py [--writer-runs 5] [--answers 200]

1. Every input of tests/hostile/inputs.py runs as `python -m desktop.cli.main ...` in its own
   process and folder, with a 60 s limit. Counted: tries, clear errors (the expected exit code and
   message), tracebacks ("Traceback" on stderr), hangs (past the limit).
2. Two writer processes answer questions on one database file at the same moment (the race of
   tests/storage/two_writers.py, which the contention test runs too); every answer reported
   saved (set_answer returned) is looked for in the file afterwards. Counted: answers
   acknowledged, refused ('locked', told to the caller), lost (acknowledged but not in the file).

Prints figures; it is not a test (the tests in tests/hostile and tests/storage check the same).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "hostile"))
sys.path.insert(0, str(ROOT / "tests" / "storage"))

from inputs import CORPUS, prepare  # noqa: E402
from two_writers import race  # noqa: E402

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


def two_writers(runs: int, count: int) -> None:
    from desktop.storage import open_store

    acknowledged = refused = lost = 0
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "jiwon.db"
            open_store(path).close()
            reports = race(path, count, timeout=300)
            with open_store(path) as store:
                for report in reports:
                    answers = store.get_answers(report.profile_id)
                    acknowledged += len(report.saved)
                    refused += len(report.refused)
                    lost += sum(answers.get(f"q{i}") != i for i in report.saved)
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
