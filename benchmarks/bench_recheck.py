"""How long re-checking every saved profile takes after a rule update (a plain script, not a test).

    .venv/bin/python benchmarks/bench_recheck.py [--profiles 1000]

Makes a fresh database of generated profiles, each assessed under the shipped rules; then loads a
copy of the rules with one changed limit, one new round and a changed SME ceiling, and times
`Store.recheck_all` (both assessments per profile, what changed for each, every write in one
transaction). The target is 1 s for 1,000 profiles. Each run has profiles of its own (another
seed), on a fresh database: the engine keeps the exact outcomes it worked out for answers it has
seen, and the same profiles again would find them all ready. The first run is also the new rules'
first use in the process (their evaluation plan is made then), as after "Update rules".

`--saved-on DATE` makes the stored assessments on an earlier day (a re-check some months later:
programs that read the day are assessed again, see desktop/engine/same_outcome.py); by default
they were made on the day of the re-check. Wall and CPU time are both printed: on a busy machine
the wall time mostly says how busy it was.
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
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_engine import generate_profiles  # noqa: E402

from desktop.engine import evaluate, load_rules  # noqa: E402
from desktop.storage import open_store  # noqa: E402

DAY = dt.date(2026, 12, 1)


def updated_rules(folder: Path) -> Path:
    shutil.copytree(ROOT / "rules", folder / "rules")
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    ax = folder / "rules" / "programs" / "ax-grad-school.yaml"
    ax.write_text(ax.read_text(encoding="utf-8").replace("ax_grad_students >= 40", "ax_grad_students >= 30"),
                  encoding="utf-8")
    hs = folder / "rules" / "programs" / "sme-specialized-hs.yaml"
    hs.write_text(hs.read_text(encoding="utf-8").replace("recurrence:\n", (
        '  - id: "2027"\n    kind: fixed\n    opens: 2027-01-12\n    closes: 2027-02-13\n'
        "    source: [mss-2025-01-specialized-hs-call#deadline-2025]\nrecurrence:\n"), 1), encoding="utf-8")
    d = folder / "rules" / "definitions.yaml"
    d.write_text(d.read_text(encoding="utf-8").replace("      C11: 80_000_000_000\n", "      C11: 90_000_000_000\n"),
                 encoding="utf-8")
    return folder / "rules"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profiles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--saved-on", type=dt.date.fromisoformat, default=DAY)
    args = parser.parse_args()
    old = load_rules()
    with tempfile.TemporaryDirectory() as tmp:
        new = load_rules(updated_rules(Path(tmp)))
        assert not new.errors, new.errors
        times, cpus = [], []
        flagged = 0
        for run in range(args.repeat):
            # other profiles each run: the engine keeps what it worked out for answers it has seen
            profiles = generate_profiles(old, args.profiles, seed=7 + run)
            db_path = Path(tmp) / f"bench-{run}.db"
            with open_store(db_path) as store:
                clients = [(f"p{i}", answers["applicant_type"], answers) for i, answers in enumerate(profiles)]
                store.create_profiles(clients)
                store.save_assessments([(pid, evaluate(old, answers, args.saved_on))
                                        for pid, answers in store.all_answers().items()])
                start, cpu = time.perf_counter(), time.process_time()
                changed = store.recheck_all(new, DAY, {old.version: old, new.version: new})
                times.append(time.perf_counter() - start)
                cpus.append(time.process_time() - cpu)
                flagged = len(changed)
                rows = store.db.execute("SELECT COUNT(*) FROM assessments").fetchone()[0]
        print(f"re-check of {args.profiles} saved profiles (assessed {args.saved_on}, re-checked {DAY}) "
              f"after an update: first run {times[0]:.3f} s (CPU {cpus[0]:.3f} s; the new rules' first use), "
              f"best {min(times):.3f} s, median {statistics.median(times):.3f} s, "
              f"worst {max(times):.3f} s over {args.repeat} runs (CPU time best {min(cpus):.3f} s, "
              f"median {statistics.median(cpus):.3f} s) ({flagged} profiles flagged in the last run; {rows} "
              f"assessment rows after it; load average {os.getloadavg()[0]:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
