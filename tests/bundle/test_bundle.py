"""Builds the PyInstaller bundle and starts it headless, as a school's computer would run it.

Slow (a minute or more): marked `slow`; CI runs it. Skip locally with `-m "not slow"`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__
from desktop.engine import load_rules

ROOT = Path(__file__).resolve().parents[2]
EXCLUDED_QT = ("QtQuick", "QtQml", "QtDesigner", "QtSql", "QtTest", "QtNetwork", "QtDBus")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [sys.executable, "-m", "desktop.tools.build_bundle", "--dist", str(out / "dist"),
         "--work", str(out / "work")],
        cwd=ROOT, capture_output=True, text=True, timeout=1800,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    folder = out / "dist" / "jiwon"
    assert (folder / "jiwon").exists()
    return folder


def _run(folder: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(cwd))
    return subprocess.run([str(folder / "jiwon"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_selfcheck_runs_from_the_bundle_alone(bundle, tmp_path):
    # run from an empty folder: nothing may be read from the source checkout
    result = _run(bundle, "selfcheck", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "selfcheck ok" in result.stdout and "pdf:" in result.stdout
    # the spreadsheet libraries (python-calamine reads, XlsxWriter writes) are in the bundle
    assert "xlsx: 1 row(s) read back" in result.stdout


def test_desktop_window_starts_from_the_bundle(bundle, tmp_path):
    result = _run(bundle, "--exit-when-ready", "--data-dir", str(tmp_path / "data"), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "READY" in result.stdout
    assert (tmp_path / "data" / "jiwon.db").exists()


def test_version_names_package_and_rules(bundle, tmp_path):
    result = _run(bundle, "--version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert __version__ in result.stdout
    assert load_rules().version in result.stdout


def test_bundle_carries_data_and_leaves_unused_qt_out(bundle):
    internal = bundle / "_internal"
    assert (internal / "rules" / "questions.yaml").exists()
    assert (internal / "resources" / "fonts" / "NanumGothic.ttf").exists()
    assert (internal / "resources" / "fonts" / "OFL.txt").exists()
    assert (internal / "resources" / "style" / "app.qss").exists()
    assert list((internal / "resources" / "translations").glob("*.qm"))
    names = [p.name for p in internal.rglob("*")]
    for module in EXCLUDED_QT:
        assert not [n for n in names if module in n], module
    # the columnar engine of `jiwon screen` is an optional extra, not part of the desktop bundle
    assert not [n for n in names if "duckdb" in n.lower() or n.startswith("sqlglot")]
    # nothing loads these: no interactive prompt, no Japanese or Chinese legacy text codecs, no
    # OpenGL on Wayland, no shells of cars or kiosks
    for left_out in ("readline", "_codecs_jp", "_codecs_cn", "libQt6OpenGL", "wayland-graphics-integration",
                     "libivi-shell", "libreadline"):
        assert not [n for n in names if n.startswith(left_out)], left_out
    # ReportLab's C text measuring comes along (it is imported by name, out of a finder's sight)
    assert [n for n in names if n.startswith("_rl_accel")]
    # printing stays: Qt's CUPS plugin, which loads the computer's own CUPS library
    plugins = internal / "PySide6" / "Qt" / "plugins"
    assert list((plugins / "printsupport").glob("libcupsprintersupport*"))
    assert not [n for n in names if n.startswith(("libcups.so", "libgnutls"))]
    assert list((plugins / "wayland-shell-integration").glob("libxdg-shell*"))
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"bundle size: {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB)")


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("ldd") is None, reason="ldd: Linux")
def test_every_shared_library_in_the_bundle_finds_what_it_needs(bundle):
    # The libraries left out of the bundle are needed by nothing in it, or (CUPS) found on the
    # computer: the dynamic linker resolves every library each file names, from the bundle first.
    internal = bundle / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}")
    missing = []
    files = [p for p in internal.rglob("*.so*") if p.is_file() and not p.is_symlink()]
    assert len(files) > 100
    for path in files:
        out = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True).stdout
        missing += [f"{path.relative_to(internal)}: {line.strip()}" for line in out.splitlines() if "not found" in line]
    assert not missing, "\n".join(missing)
