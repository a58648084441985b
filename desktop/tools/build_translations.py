"""Compiles the Qt translation sources (resources/translations/*.ts) into .qm files.

Run by scripts/setup.sh and by the bundle build; a .qm file newer than its .ts is left alone.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from desktop.paths import resources_dir


def lrelease_command() -> list[str] | None:
    exe = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    exe = exe or shutil.which("pyside6-lrelease")
    return [exe] if exe else None


def build(folder: Path | None = None) -> list[Path]:
    folder = folder or resources_dir() / "translations"
    cmd = lrelease_command()
    built = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        if cmd is None:
            raise SystemExit("pyside6-lrelease not found: install PySide6-Essentials")
        subprocess.run([*cmd, "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


if __name__ == "__main__":
    for path in build():
        print(f"compiled {path}")
