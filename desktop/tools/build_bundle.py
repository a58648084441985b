"""Builds the one-folder desktop bundle (dist/jiwon) with PyInstaller from build.spec.

Compiles the translations first, so the bundle carries current .qm files.
Usage: .venv/bin/python -m desktop.tools.build_bundle [--dist DIR] [--work DIR]
"""

from __future__ import annotations

import argparse
import subprocess
import sys

from desktop.paths import base_dir
from desktop.tools import build_translations


def build(dist: str | None = None, work: str | None = None) -> int:
    build_translations.build()
    root = base_dir()
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    if dist:
        cmd += ["--distpath", dist]
    if work:
        cmd += ["--workpath", work]
    cmd.append(str(root / "build.spec"))
    return subprocess.run(cmd, cwd=root).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", help="output folder (default: dist/)")
    parser.add_argument("--work", help="build folder (default: build/)")
    args = parser.parse_args(argv)
    return build(args.dist, args.work)


if __name__ == "__main__":
    raise SystemExit(main())
