"""Edits the tests make to a copy of the shipped rules (importable from every test folder: the
tests folder is on the path through its conftest)."""

from __future__ import annotations

import shutil
from pathlib import Path

C11_CEILING, C11_MOVED = "      C11: 80_000_000_000\n", "      C11: 90_000_000_000\n"


def edit(path: Path, old: str, new: str) -> None:
    """`old` replaced by `new` once in the file; fails when the file does not say `old`."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def move_c11_ceiling(rules: Path) -> None:
    """The SME sales ceiling of C11 (beverages) moved from 800억 to 900억 in `rules`."""
    edit(rules / "definitions.yaml", C11_CEILING, C11_MOVED)


def rules_with_c11_moved(rules_dir: Path, root: Path):
    """The shipped rules and seeds copied into `root`, the C11 ceiling moved, and loaded (with
    no problems) as the update a re-check is tried with."""
    from desktop.engine import load_rules

    shutil.copytree(rules_dir, root / "rules")
    shutil.copytree(rules_dir.parent / "seeds", root / "seeds")
    move_c11_ceiling(root / "rules")
    new = load_rules(root / "rules")
    assert new.errors == ()
    return new
