"""Desktop app speed and memory: start-up, answer-to-live-panel, resident memory.

    .venv/bin/python benchmarks/bench_ui.py [--runs 5]

Prints figures; it is not a test and asserts nothing. Targets (issue 3): a usable main window
1.0 s or less after launch, with its ratio to a bare PySide6 QMainWindow started the same way in
the same run; 50 ms or less from an answer to the updated live panel; 200 MB or less resident
memory after a full walk-through.

Each start-up is its own process (interpreter start included), started the way the `jiwon`
command starts (its command line, then the app), timed from the moment the process is started
until the window is shown and Qt's event loop runs; and, apart, until the rules
are in as well (the window is drawn before the rules are read, and the outcome counts of the
start page's list follow them: see desktop/ui/app.py). The parsed rule files are in the user's
cache folder after the first start, as on a user's machine. The answer timing runs
in-process on a real window with a real database file (every answer written to disk as in use).
Qt runs offscreen unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow()
w.resize(1200, 800)
w.show()
QTimer.singleShot(0, lambda: (print("READY", time.process_time(), flush=True), app.quit()))
app.exec()
"""

# Jiwon starts as the `jiwon` command does: its command line first, then the app's module (which
# imports the parts without Qt before PySide6), then PySide6 (already loaded by then).
JIWON = """
import sys, time
from desktop.cli import main as cli
from desktop.ui import app as jiwon
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

make = jiwon.make_application
def ready():
    print("READY", time.process_time(), flush=True)
    QTimer.singleShot(0, QApplication.quit)  # the first turn may come before app.exec()
def patched(argv):
    application = make(argv)
    QTimer.singleShot(0, ready)  # runs once the window is shown and the event loop turns
    return application
jiwon.make_application = patched
sys.exit(cli.main(["--data-dir", sys.argv[1], "--lang", "ko"]))
"""

# The same start, timed until the rules are in and the start page shows its counts.
JIWON_WITH_RULES = """
import sys, time
from desktop.cli import main as cli
from desktop.ui import app as jiwon
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.ui.main_window import MainWindow

given = MainWindow.set_pack
def ready():
    print("READY", time.process_time(), flush=True)
    QApplication.quit()
def set_pack(self, pack):
    given(self, pack)
    QTimer.singleShot(0, ready)
MainWindow.set_pack = set_pack
sys.exit(cli.main(["--data-dir", sys.argv[1], "--lang", "ko"]))
"""

WALK = """
import datetime as dt, os, sys
from PySide6.QtWidgets import QApplication
from desktop.ui import app as jiwon, settings
settings.use_file(os.path.join(sys.argv[1], "settings.ini"))
application = jiwon.make_application(["jiwon"])
w = jiwon.launch(sys.argv[1], today=dt.date(2026, 3, 2))
w.show()
pages = 0
for kind in ("company", "school", "individual"):
    w.start.new_profile(kind, name=kind)
    for _ in range(50):
        if w.current_page() != "wizard":
            break
        for _ in range(100):
            open_ = [w.wizard.fields[q] for q in w.wizard.question_ids
                     if not w.wizard.fields[q].is_answered]
            if not open_:
                break
            open_[0].accept_value(None)  # "I don't know", through the field's own signal
            application.processEvents()
        w.wizard.go_next()
        application.processEvents()
        pages += 1
    w.act_deadlines.trigger()
    application.processEvents()
    w.act_start.trigger()
    application.processEvents()
with open("/proc/self/status") as f:
    rss = next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
print(f"PAGES {pages}")
print(f"RSS_KB {rss}")
"""


def env() -> dict[str, str]:
    e = dict(os.environ)
    e.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Byte-code caches as an installed app has them (pip compiles on install, the bundle ships
    # compiled): with PYTHONDONTWRITEBYTECODE a fresh tree would compile every module each start.
    e.pop("PYTHONDONTWRITEBYTECODE", None)
    e["PYTHONPATH"] = str(ROOT) + os.pathsep + e.get("PYTHONPATH", "")
    return e


def launch_time(code: str, *args: str, cpu: list[float] | None = None) -> float:
    """Seconds from starting the process to its READY line; with `cpu`, the CPU seconds the
    process had used by then (user and system, as it reports them) are appended to it."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env(), cwd=ROOT)
    for line in proc.stdout:
        if line.startswith("READY"):
            elapsed = time.perf_counter() - start
            if cpu is not None:
                cpu.append(float(line.split()[1]))
            break
    else:
        raise RuntimeError("the app never became ready")
    proc.wait(timeout=60)
    return elapsed


def bench_startup(runs: int) -> None:
    bare, jiwon, complete = [], [], []
    bare_cpu, jiwon_cpu, complete_cpu = [], [], []
    load = "load average %.2f %.2f %.2f" % os.getloadavg()
    with tempfile.TemporaryDirectory() as data:
        launch_time(JIWON, data)  # first start creates the database and warms the file cache
        launch_time(BARE)
        for _ in range(runs):
            bare.append(launch_time(BARE, cpu=bare_cpu))
            jiwon.append(launch_time(JIWON, data, cpu=jiwon_cpu))
            complete.append(launch_time(JIWON_WITH_RULES, data, cpu=complete_cpu))
    b, j, c = statistics.median(bare), statistics.median(jiwon), statistics.median(complete)
    print(f"start-up, launch to usable main window ({runs} runs each, median; {load} before, "
          f"%.2f %.2f %.2f after):" % os.getloadavg())
    print(f"  bare PySide6 QMainWindow   {b * 1000:7.0f} ms   (min {min(bare) * 1000:.0f})")
    print(f"  Jiwon main window          {j * 1000:7.0f} ms   (min {min(jiwon) * 1000:.0f})"
          f"   target <= 1000 ms")
    print(f"  ratio Jiwon / bare         {j / b:7.2f}")
    print(f"  ... with its rules in      {c * 1000:7.0f} ms   (min {min(complete) * 1000:.0f})"
          f"   ratio {c / b:.2f}")
    # CPU time used by each process until it was ready: other programs on the machine disturb it
    # less than they disturb the time on the clock.
    bc, jc, cc = (statistics.median(x) for x in (bare_cpu, jiwon_cpu, complete_cpu))
    print(f"  CPU time until ready (median)  bare {bc * 1000:.0f} ms, Jiwon {jc * 1000:.0f} ms "
          f"(ratio {jc / bc:.2f}), with its rules in {cc * 1000:.0f} ms (ratio {cc / bc:.2f})")


def bench_answers(rounds: int) -> None:
    import datetime as dt

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.ui import app as jiwon
    from desktop.ui import settings

    with tempfile.TemporaryDirectory() as data:
        settings.use_file(Path(data) / "settings.ini")
        application = jiwon.make_application(["jiwon"])
        w = jiwon.launch(data, today=dt.date(2026, 3, 2))
        w.show()
        w.start.new_profile("company", name="bench")
        application.processEvents()
        wiz = w.wizard
        session = w.session
        # answer, then un-answer, the questions of the pages as they come: each time the
        # answer goes through the field (saved to disk, engine, live panel, page, progress)
        totals, engine, saves = [], [], []
        original_set = session.store.set_answer

        def timed_set(*a, **k):
            t = time.perf_counter()
            original_set(*a, **k)
            saves.append((time.perf_counter() - t) * 1000)

        session.store.set_answer = timed_set
        for i in range(rounds):
            open_ = [wiz.fields[q] for q in wiz.question_ids if not wiz.fields[q].is_answered]
            if not open_:
                if not wiz.go_next() or w.current_page() != "wizard":
                    w.start.new_profile("company", name=f"bench {i}")
                    session = w.session
                    session.store.set_answer = timed_set
                continue
            field = open_[0]
            start = time.perf_counter()
            field.accept_value(None)
            totals.append((time.perf_counter() - start) * 1000)
            engine.append(session.last_update_ms)
            application.processEvents()
        w.close()
        w.store.close()

    def line(name, values):
        values = sorted(values)
        p95 = values[int(len(values) * 0.95) - 1] if len(values) >= 20 else values[-1]
        print(f"  {name:26} median {statistics.median(values):6.1f} ms   p95 {p95:6.1f}   "
              f"max {values[-1]:6.1f}")

    print(f"answer -> updated live panel ({len(totals)} answers):")
    line("whole update", totals)
    print("    of which:")
    line("  saving (SQLite, fsync)", saves)
    line("  engine (evaluate, plan)", engine)
    print("  target <= 50 ms")


def bench_memory() -> None:
    with tempfile.TemporaryDirectory() as data:
        out = subprocess.run([sys.executable, "-c", WALK, data], capture_output=True, text=True,
                             env=env(), cwd=ROOT, timeout=300)
    figures = dict(line.split(" ", 1) for line in out.stdout.splitlines() if " " in line)
    if "RSS_KB" not in figures:
        print("memory: the walk-through failed:", out.stderr[-500:])
        return
    print("resident memory after a full walk-through (company, school, individual; "
          f"{figures['PAGES']} pages):")
    print(f"  RSS {int(figures['RSS_KB']) / 1024:7.0f} MB   target <= 200 MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="start-ups of each kind")
    parser.add_argument("--answers", type=int, default=60, help="answers to time")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, platform {env()['QT_QPA_PLATFORM']}")
    bench_startup(args.runs)
    bench_memory()
    bench_answers(args.answers)


if __name__ == "__main__":
    main()
