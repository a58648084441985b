"""Client workspace speed with a caseload: importing a client list, building the matrix, re-checking
everyone after a rules change.

    .venv/bin/python benchmarks/bench_workspace.py [--clients 1000] [--runs 3]

Prints figures; it is not a test and asserts nothing. Everything is real: an XLSX written by
desktop.tools.sample_clients (every 25th row with a bad cell), read with python-calamine, every
cell checked by the engine, the clients saved in a SQLite file on disk, the matrix window built
offscreen, and a re-check against the rules as they were before one income limit changed.

- import: reading and checking the file (what the preview does), then saving the good rows with
  their first check (one transaction);
- engine: evaluating every client against every program, nothing else;
- matrix: reading every client and last check from the database and evaluating each against every
  program (the caseload), then the same through the window (the Qt model and view filled), then
  sorting it by each program's column in turn and back by name (as clicking the headers does);
- re-check: everyone's last check made with the older rules, then re-checked with the current ones
  (`Store.recheck_all`, the rule update's own: the engine's what-changed for each client whose
  outcome or deadline may differ) and the new checks saved in batches.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

AS_OF = dt.date(2026, 3, 2)


def older_rules(folder: Path):
    from desktop.engine import load_rules
    from desktop.paths import rules_dir, seeds_dir

    shutil.copytree(rules_dir(), folder)
    path = folder / "programs" / "nesp-type2.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "household_income_pct <= 100", "household_income_pct <= 50"), encoding="utf-8")
    return load_rules(folder, seeds_dir())


def one_run(pack, old_pack, clients: int, work: Path) -> dict[str, float]:
    from desktop.engine import evaluate
    from desktop.storage import open_store
    from desktop.tabular import guess_columns, parse_rows, read_table, write_table
    from desktop.tools.sample_clients import sample_rows
    from desktop.ui.workspace import ClientWorkspace, caseload
    from desktop.ui.workspace.model import FIXED_COLS, NAME_COL
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    figures: dict[str, float] = {}
    header, rows, _bad = sample_rows(pack, clients, seed=14, bad_every=25)
    path = work / "clients.xlsx"
    write_table(path, header, rows, sheet_name="clients")
    db = work / "jiwon.db"
    db.unlink(missing_ok=True)
    store = open_store(db)

    start = time.perf_counter()
    table = read_table(path)
    parsed = list(parse_rows(pack, table, guess_columns(pack, table.headers)))
    figures["import: read and check the file"] = time.perf_counter() - start
    start = time.perf_counter()
    ids = caseload.import_clients(store, pack, parsed, AS_OF)
    figures["import: save the good rows with a first check"] = time.perf_counter() - start
    figures["clients imported"] = len(ids)

    answers = store.all_answers()
    start = time.perf_counter()
    for given in answers.values():
        evaluate(pack, given, AS_OF)
    figures["engine: evaluate every client against every program"] = time.perf_counter() - start
    start = time.perf_counter()
    loaded = caseload.load_caseload(store, pack, AS_OF)
    figures["matrix: read and evaluate every client"] = time.perf_counter() - start
    start = time.perf_counter()
    window = ClientWorkspace(store, pack, AS_OF)
    window.show()
    QApplication.processEvents()
    figures["matrix: window built and shown"] = time.perf_counter() - start
    start = time.perf_counter()
    for column in range(FIXED_COLS, FIXED_COLS + len(pack.programs)):
        window.view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    window.view.sortByColumn(NAME_COL, Qt.SortOrder.AscendingOrder)
    QApplication.processEvents()
    figures["matrix: sorted by each program column, then by name"] = \
        time.perf_counter() - start

    # the same clients, last checked with the older rules
    store.save_assessments([(pid, evaluate(old_pack, a, AS_OF)) for pid, a in answers.items()])
    loaded = caseload.load_caseload(store, pack, AS_OF)
    start = time.perf_counter()
    caseload.recheck(store, pack, AS_OF, loaded, {old_pack.version: old_pack})
    figures["re-check: what changed for each, saved in batches"] = time.perf_counter() - start
    figures["clients flagged"] = sum(1 for c in loaded if c.flagged)
    window.close()
    window.deleteLater()
    store.close()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    from desktop.engine import load_rules
    from desktop.ui import settings
    from desktop.ui.app import make_application

    make_application([])
    with tempfile.TemporaryDirectory(prefix="jiwon-bench-") as tmp:
        work = Path(tmp)
        settings.use_file(work / "settings.ini")
        pack = load_rules()
        old_pack = older_rules(work / "old-rules")
        runs = [one_run(pack, old_pack, args.clients, work) for _ in range(args.runs)]
    print(f"{args.clients} clients x {len(pack.programs)} programs, {args.runs} runs, median "
          f"(min-max):")
    for key in runs[0]:
        values = [r[key] for r in runs]
        if key.startswith("clients"):
            print(f"  {key}: {values[0]:.0f}")
        else:
            print(f"  {key}: {statistics.median(values):.3f} s "
                  f"({min(values):.3f}-{max(values):.3f})")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
