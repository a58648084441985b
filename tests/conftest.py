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


@pytest.fixture(scope="session")
def announced_rules(tmp_path_factory) -> Path:
    """A copy of the shipped rules where two school programs whose next round was only estimated
    got a round with real dates: sme-specialized-hs from 2026-04-01 to 2026-04-30 and
    shs-tailored-class from 2026-03-09 to 2026-04-20 (the folder of the rules)."""
    import shutil

    tmp = tmp_path_factory.mktemp("announced")
    shutil.copytree(REPO / "rules", tmp / "rules")
    shutil.copytree(REPO / "seeds", tmp / "seeds")
    for file, opens, closes in (("sme-specialized-hs.yaml", "2026-04-01", "2026-04-30"),
                                ("shs-tailored-class.yaml", "2026-03-09", "2026-04-20")):
        path = tmp / "rules" / "programs" / file
        text = path.read_text(encoding="utf-8")
        assert "recurrence:\n" in text
        path.write_text(text.replace("recurrence:\n", (
            f'  - id: "2026"\n    kind: fixed\n    opens: {opens}\n    closes: {closes}\n'
            "    source: [mss-2025-01-specialized-hs-call#deadline-2025]\nrecurrence:\n"), 1), encoding="utf-8")
    return tmp / "rules"
