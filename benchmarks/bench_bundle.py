"""Desktop bundle: size on disk and start-up time against running from source.

    .venv/bin/python -m desktop.tools.build_bundle          # first, builds dist/jiwon
    .venv/bin/python benchmarks/bench_bundle.py [--bundle dist/jiwon] [--runs 5]

Prints figures; it is not a test. Targets (issue 5): under 150 MB unpacked on Linux; start-up
within 1.5x of running from source. Start-up is timed from process start until the main window
is shown and the event loop turns (`--exit-when-ready`), offscreen, each run a fresh process with
a fresh data folder.
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


def start_time(cmd: list[str]) -> float:
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        began = time.perf_counter()
        out = subprocess.run([*cmd, "--exit-when-ready", "--data-dir", data, "--lang", "ko"],
                             env=env, capture_output=True, text=True, cwd=data, timeout=120)
        elapsed = time.perf_counter() - began
    if "READY" not in out.stdout:
        raise SystemExit(f"{cmd[0]} did not start: {out.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", default=str(ROOT / "dist" / "jiwon"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    bundle = Path(args.bundle)
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in files)
    print(f"bundle: {bundle} — {size / 1e6:.1f} MB in {len(files)} files (target < 150 MB)")

    source_cmd = [sys.executable, "-m", "desktop"]
    bundle_cmd = [str(bundle / "jiwon")]
    start_time(source_cmd), start_time(bundle_cmd)  # warm the file cache for both
    source = [start_time(source_cmd) for _ in range(args.runs)]
    bundled = [start_time(bundle_cmd) for _ in range(args.runs)]
    s, b = statistics.median(source), statistics.median(bundled)
    print(f"start-up from source: median {s * 1000:.0f} ms (min {min(source) * 1000:.0f})")
    print(f"start-up from bundle: median {b * 1000:.0f} ms (min {min(bundled) * 1000:.0f})")
    print(f"ratio bundle / source: {b / s:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
