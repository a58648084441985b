"""How long `jiwon check --coverage --mutate` takes on the shipped rules (a plain script, not a
test: timings depend on the machine). The test suite runs both; this says what that costs.

    .venv/bin/python benchmarks/bench_check.py [--rules DIR] [--repeat 3]

Measures: running every case; the coverage report; the mutation run (every mutant against the
cases of its program); and how many states and mutants there are.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.engine import load_rules  # noqa: E402
from desktop.engine.cases import case_files, run_case  # noqa: E402
from desktop.engine.coverage import coverage, mutation  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", default=str(Path(__file__).resolve().parent.parent / "rules"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pack = load_rules(args.rules)
    times: dict[str, list[float]] = {"cases": [], "coverage": [], "mutation": []}
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        runs = [run_case(pack, p) for p in case_files(pack.root)]
        t1 = time.perf_counter()
        report = coverage(pack, runs)
        t2 = time.perf_counter()
        mutated = mutation(pack, runs)
        t3 = time.perf_counter()
        times["cases"].append(t1 - t0)
        times["coverage"].append(t2 - t1)
        times["mutation"].append(t3 - t2)
    print(f"{len(runs)} cases, {len(pack.programs)} programs")
    print(f"coverage: {report.checked} states, {len(report.missing)} missing, {len(report.excused)} marked impossible")
    print(f"mutation: {mutated.total} mutants, {len(mutated.survivors)} survive, "
          f"{len(mutated.equivalent)} marked equivalent")
    for what, values in times.items():
        print(f"{what}: median of {args.repeat} {statistics.median(values) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
