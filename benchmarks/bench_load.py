"""How long loading the rule pack takes (a plain script, not a test: timings depend on the machine,
and on who else uses it — the load average is printed with the figures).

    .venv/bin/python benchmarks/bench_load.py [--rules DIR] [--runs 15]

Measures `load_rules()` in this process, each after one warm-up load:
- without a cache (`cache=None`): every file parsed;
- cold: an empty cache folder, so every file is parsed and its entry written;
- warm: every file found in the cache (what a second start of the app does: a new cache object
  each time, so the fingerprints of the parser and the schemas are worked out each time too);
and, apart, what loading no longer does: the evaluation plan, made at the first evaluation
(`plan_of`; from the cache it also builds the expressions the load took as built before,
`expr_records`), and that first evaluation of an empty profile itself.

Wall-clock time is shared with everyone on the machine; CPU time (`process_time`) less so.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.engine import evaluate, load_rules  # noqa: E402
from desktop.engine.parsed_cache import ParsedCache  # noqa: E402
from desktop.engine.plan import plan_of  # noqa: E402


def timed(make, runs: int) -> tuple[list[float], list[float]]:
    walls, cpus = [], []
    make()  # warm-up: imports, the YAML back end, the file system's own cache
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        make()
        cpus.append(time.process_time() - c)
        walls.append(time.perf_counter() - w)
    return walls, cpus


def line(what: str, walls: list[float], cpus: list[float]) -> str:
    return (f"{what:<28} wall best {min(walls) * 1000:6.1f} ms, median {statistics.median(walls) * 1000:6.1f} ms"
            f"   cpu best {min(cpus) * 1000:6.1f} ms, median {statistics.median(cpus) * 1000:6.1f} ms")


def load_average() -> str:
    try:
        return "load average %.2f %.2f %.2f" % os.getloadavg()
    except OSError:
        return "load average unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", default=None)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    print(f"{load_average()} (before), {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        pack = load_rules(args.rules, cache=None)
        print(f"rules {pack.version}: {len(pack.programs)} programs, {len(pack.errors)} problems, runs of {args.runs}")
        print(line("load, no cache", *timed(lambda: load_rules(args.rules, cache=None), args.runs)))
        fresh = iter(range(args.runs + 1))
        print(line("load, cold (empty cache)", *timed(
            lambda: load_rules(args.rules, cache=ParsedCache(Path(tmp) / f"cold-{next(fresh)}")), args.runs)))
        warm = Path(tmp) / "warm"
        caches = [ParsedCache(warm) for _ in range(args.runs + 1)]
        made = iter(caches)  # a cache of its own for each load, as each start of the app has
        print(line("load, warm (all cached)", *timed(lambda: load_rules(args.rules, cache=next(made)), args.runs)))
        assert sum(c.misses for c in caches[1:]) == 0, "a warm load parsed a file"
        cache = caches[0]

        packs = [load_rules(args.rules, cache=cache) for _ in range(args.runs + 1)]
        later = iter(packs)
        print(line("then: the evaluation plan", *timed(lambda: plan_of(next(later)), args.runs)))
        packs = [load_rules(args.rules, cache=cache) for _ in range(args.runs + 1)]
        later = iter(packs)
        empty = {"applicant_type": "company"}
        print(line("then: first evaluation", *timed(lambda: evaluate(next(later), empty), args.runs)))
        print("  (the first evaluation includes making the plan; the app pays it on the first page")
        print("   that evaluates, not at start-up)")
    print(f"{load_average()} (after)")


if __name__ == "__main__":
    main()
