"""Engine test fixtures: a small rule folder (real files under fixtures/) and copies to break.

The small folder covers every question type and all three applicant types, so the engine can be
tested in detail without depending on the wording of the real programs.
"""

import shutil
from pathlib import Path

import pytest

from desktop.engine import load_rules

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def mini_pack():
    pack = load_rules(FIXTURES / "rules", FIXTURES / "seeds")
    assert pack.errors == ()
    return pack


@pytest.fixture
def mini_dir(tmp_path, monkeypatch) -> Path:
    """A writable copy of the small rule folder (rules/ and seeds/ side by side); cwd is tmp_path
    so messages name files as `rules/...`."""
    shutil.copytree(FIXTURES / "rules", tmp_path / "rules")
    shutil.copytree(FIXTURES / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "rules"


@pytest.fixture
def rules_copy(tmp_path, monkeypatch) -> Path:
    """A writable copy of the shipped rules and seeds, side by side; cwd is tmp_path so messages
    name files as `rules/...`."""
    shutil.copytree(REPO / "rules", tmp_path / "rules")
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "rules"
