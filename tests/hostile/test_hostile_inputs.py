"""Hostile command-line inputs (inputs.py): each gives its clear message and exit code, in one
line per problem, and never a traceback; outputs that must not be replaced are left as they were."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from inputs import CORPUS, prepare  # noqa: E402

from desktop.cli.main import main  # noqa: E402


@pytest.mark.parametrize("hostile", CORPUS, ids=[h.id for h in CORPUS])
def test_hostile_input_gives_a_clear_message(hostile, tmp_path, monkeypatch, capsys):
    if not hostile.needs():
        pytest.skip("this machine cannot make the input (root reads every file; only root makes "
                    "device nodes)")
    prepare(tmp_path)
    monkeypatch.chdir(tmp_path)
    argv = hostile.make(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())

    code = main(argv)

    out, err = capsys.readouterr()
    assert code == hostile.code, (out, err)
    assert hostile.expect in out + err, (out, err)
    assert "Traceback" not in out + err
    # one line per problem: no forged lines, no control characters
    assert all(ch == "\n" or ch >= " " for ch in out + err)
    # nothing left behind (a `.part` file), nothing replaced
    after = sorted(p.name for p in tmp_path.iterdir())
    if "out.pdf" in after and code == 0:
        after.remove("out.pdf")
    assert after == before
