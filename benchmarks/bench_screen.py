"""How fast `jiwon screen` is on the columnar engine, against the reference engine on a sample.

    .venv/bin/python benchmarks/bench_screen.py                    # 1,000,000 applicants
    .venv/bin/python benchmarks/bench_screen.py --rows 8000000 --no-csv

A register of generated applicants (desktop/screen/synthetic.py: answers at, just below and just
above every limit the rules compare with; `--unknown` of the questions unanswered or "I don't
know") is written as Parquet (text cells, as a register exported from elsewhere would hold them).
Distinct applicants are generated in Python and repeated by DuckDB up to `--rows` (with their own
ids, in no particular order: sorting 8 million rows would take longer than screening them), so
generating 8 million rows takes seconds; screening reads, evaluates and writes every row,
but settles each distinct case once, so the settling time follows `--distinct`, not `--rows`.

The screening runs in a child process (so its peak memory is its own), Parquet in and out, with
DuckDB's memory limit set, and reports reading (typing and checking the cells), evaluation (the
compiled rules over every row, into a table of statuses as codes and failed criteria and deciding
questions as bit masks), settling (the outcomes three-valued SQL cannot be sure of, by the
reference engine, once per distinct case of cells) and writing (the output file: the codes and
masks spelled out, the settled outcomes put in on the way) apart, each as wall-clock time and as
CPU time (every thread of the child process; on a shared machine the wall-clock time depends on
what else runs, so the load average is printed too). The reference engine screens a sample of the
same register in the same run for the speed-up. Unless `--no-csv`, the register is also screened
into CSV, for the CSV output speed. Not a timed test: it prints figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY = dt.date(2026, 11, 30)


def make_register(path: Path, rows: int, distinct: int, unknown: float, seed: int) -> None:
    import json

    from desktop.engine import load_rules
    from desktop.screen import duck
    from desktop.screen.synthetic import Generator, register_cell

    pack = load_rules()
    gen = Generator(pack, TODAY, seed=seed, unknown=unknown)
    questions = list(pack.questions)
    base = path.with_suffix(".base.ndjson")
    with open(base, "w", encoding="utf-8") as out:
        for k, answers in enumerate(gen.profiles(distinct)):
            record = {"k": k}
            for q in questions:
                record[q] = register_cell(answers[q]) if q in answers else None
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    con = duck.connect(memory_limit="3GB")
    spec = "{'k': 'BIGINT', " + ", ".join(f"'{q}': 'VARCHAR'" for q in questions) + "}"
    con.execute(f"CREATE TABLE base AS SELECT * FROM read_json('{base}', format='newline_delimited', columns={spec})")
    cols = ", ".join(f'b."{q}"' for q in questions)
    con.execute(
        f"COPY (SELECT 'A' || lpad(CAST(i AS VARCHAR), 8, '0') AS id, {cols} FROM range({rows}) r(i) "
        f"JOIN base b ON b.k = i % {distinct}) TO '{path}' (FORMAT parquet, COMPRESSION zstd)"
    )
    base.unlink()


def _child(path: str, output: str, memory_limit: str, queue) -> None:
    from desktop.engine import load_rules
    from desktop.screen import columnar, writing
    from desktop.screen.headers import map_headers
    from desktop.screen.outputs import format_of

    pack = load_rules()
    start, cpu = time.perf_counter(), time.process_time()
    run = columnar.screen(
        pack, path, lambda h: map_headers(pack, h)[0], TODAY, memory_limit=memory_limit,
        write=writing.writer(output, format_of(output), pack, "en"),
    )
    total = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    queue.put((run, total, usage.ru_maxrss, time.process_time() - cpu))


def screen_duckdb(path: Path, output: Path, memory_limit: str):
    queue = mp.get_context("spawn").Queue()
    proc = mp.get_context("spawn").Process(target=_child, args=(str(path), str(output), memory_limit, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def screen_python(path: Path, sample: int):
    from desktop.engine import load_rules
    from desktop.screen import rowwise
    from desktop.screen.headers import map_headers
    from desktop.screen.sources import open_source
    from desktop.screen import duck

    pack = load_rules()
    con = duck.connect(memory_limit="1GB")
    open_source(con, path)
    small = path.with_suffix(".sample.parquet")
    con.execute(f"COPY (SELECT * EXCLUDE (row) FROM src LIMIT {sample}) TO '{small}' (FORMAT parquet)")
    start = time.perf_counter()
    run, rows = rowwise.screen(pack, small, lambda h: map_headers(pack, h)[0], TODAY)
    seconds = time.perf_counter() - start
    small.unlink()
    return run, seconds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--distinct", type=int, default=50_000, help="distinct generated applicants")
    ap.add_argument("--unknown", type=float, default=0.05, help="share of questions left unknown")
    ap.add_argument("--sample", type=int, default=20_000, help="rows for the reference engine")
    ap.add_argument("--memory-limit", default="3GB")
    ap.add_argument("--no-csv", action="store_true", help="skip the CSV output run")
    ap.add_argument("--dir", help="where to put the files (default: a temporary folder)")
    args = ap.parse_args()

    folder = Path(args.dir or tempfile.mkdtemp(prefix="bench-screen-"))
    folder.mkdir(parents=True, exist_ok=True)
    register = folder / f"register-{args.rows}.parquet"
    t = time.perf_counter()
    make_register(register, args.rows, min(args.distinct, args.rows), args.unknown, seed=15)
    print(f"register: {args.rows:,} applicants ({min(args.distinct, args.rows):,} distinct, "
          f"{args.unknown:.0%} of answers unknown), {register.stat().st_size / 1e6:.0f} MB Parquet, "
          f"made in {time.perf_counter() - t:.1f} s (not counted)")

    load = os.getloadavg()[0]
    run, total, peak_kib, cpu = screen_duckdb(register, folder / "out.parquet", args.memory_limit)
    s, c = run.seconds, run.cpu_seconds
    print(f"\nDuckDB engine, Parquet in and out, memory limit {args.memory_limit}, {os.cpu_count()} cores, "
          f"load average {load:.2f} before, {os.getloadavg()[0]:.2f} after:")
    print("                              wall s    CPU s")
    print(f"  read + type + check cells   {s.get('read', 0):7.2f}  {c.get('read', 0):7.2f}")
    print(f"  evaluate (every row)        {s.get('evaluate', 0):7.2f}  {c.get('evaluate', 0):7.2f}")
    print(f"  settle (reference engine)   {s.get('settle', 0):7.2f}  {c.get('settle', 0):7.2f}   "
          f"{run.settled_rows:,} rows ({run.settled_rows / max(run.screened, 1):.1%}), "
          f"{run.settled_outcomes:,} of {run.outcomes:,} outcomes ({run.settled_outcomes / max(run.outcomes, 1):.2%})")
    print(f"  write (output file)         {s.get('write', 0):7.2f}  {c.get('write', 0):7.2f}")
    print(f"  end to end                  {total:7.2f}  {cpu:7.2f}   {run.screened / total:,.0f} applicants/s, "
          f"{len(run.programs)} programs")
    print(f"  peak memory (child process) {peak_kib / 1024 / 1024:7.2f} GiB")

    py_run, py_seconds = screen_python(register, args.sample)
    rate = py_run.screened / py_seconds
    print(f"\nreference engine on a sample of {py_run.screened:,}: {py_seconds:.2f} s, {rate:,.0f} applicants/s")
    print(f"speed-up of the DuckDB engine, end to end: {run.screened / total / rate:.1f}x")

    if not args.no_csv:
        run_csv, total_csv, _, _ = screen_duckdb(register, folder / "out.csv", args.memory_limit)
        size = (folder / "out.csv").stat().st_size
        w = run_csv.seconds.get("write", 0)
        print(f"\nCSV output: {size / 1e6:.0f} MB written in {w:.2f} s ("
              f"{run_csv.screened / w:,.0f} rows/s, {size / 1e6 / w:.0f} MB/s); end to end {total_csv:.2f} s")
    if not args.dir:
        for f in folder.iterdir():
            f.unlink()
        folder.rmdir()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
