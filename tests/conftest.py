"""Shared test set-up: Qt runs offscreen (no display needed), and the real rules folder as fixtures.

The engine tests read the real rule files so that what is tested is what ships; `pack` is loaded
once per session because loading is pure and the pack is immutable.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def own_cache_folder(tmp_path_factory):
    """Parsed rule files are kept in a cache folder of the session's own, not the user's: what
    one run leaves there never decides what another sees."""
    from desktop import paths

    folder = tmp_path_factory.mktemp("user-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(paths, "user_cache_dir", lambda: folder)
        yield folder


@pytest.fixture(scope="session")
def rules_dir() -> Path:
    return REPO / "rules"


@pytest.fixture(scope="session")
def pack(rules_dir):
    from desktop.engine import load_rules

    return load_rules(rules_dir)
