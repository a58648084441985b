"""The hostile corpus: rule files written to break or abuse the loader.

Each file in this folder is a program file with `# expect: LINE: MESSAGE` comments at the top. It
is dropped into a copy of the small test rule folder; loading must report every expected problem
as `rules/programs/<file>:LINE: ...MESSAGE...`, never raise, leave the file's program out, and
still load every other program.
"""

import re
import shutil
from pathlib import Path

import pytest

from desktop.engine import load_rules

HERE = Path(__file__).parent
FIXTURES = HERE.parent / "engine" / "fixtures"
CORPUS = sorted(HERE.glob("*.yaml"))
GOOD = {"cofund", "job-support", "school-track", "sme-grant"}


def expectations(path: Path) -> list[tuple[int, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"# expect: (\d+): (.*)$", line)
        if m:
            out.append((int(m[1]), m[2]))
    return out


def test_corpus_is_there():
    assert len(CORPUS) >= 30
    assert all(expectations(p) for p in CORPUS)


@pytest.mark.parametrize("hostile", CORPUS, ids=[p.stem for p in CORPUS])
def test_hostile_file_is_refused_with_its_line(hostile, tmp_path, monkeypatch):
    shutil.copytree(FIXTURES / "rules", tmp_path / "rules")
    shutil.copytree(FIXTURES / "seeds", tmp_path / "seeds")
    shutil.copy(hostile, tmp_path / "rules" / "programs" / hostile.name)
    monkeypatch.chdir(tmp_path)

    pack = load_rules(tmp_path / "rules")

    shown = [str(e) for e in pack.errors]
    for line, message in expectations(hostile):
        prefix = f"rules/programs/{hostile.name}:{line}: "
        assert any(s.startswith(prefix) and message in s for s in shown), (prefix + message, shown)
    assert all(e.path == f"rules/programs/{hostile.name}" for e in pack.errors), shown
    assert set(pack.programs) == GOOD
    assert pack.programs["sme-grant"].path == "rules/programs/sme-grant.yaml"


def test_file_that_is_not_utf8(tmp_path, monkeypatch):
    shutil.copytree(FIXTURES / "rules", tmp_path / "rules")
    shutil.copytree(FIXTURES / "seeds", tmp_path / "seeds")
    (tmp_path / "rules" / "programs" / "latin1.yaml").write_bytes(b"id: x\nname: caf\xe9\n")
    monkeypatch.chdir(tmp_path)
    pack = load_rules(tmp_path / "rules")
    assert [str(e) for e in pack.errors] == ["rules/programs/latin1.yaml:2: the file is not UTF-8 text"]
    assert set(pack.programs) == GOOD


def test_empty_and_list_files(tmp_path, monkeypatch):
    shutil.copytree(FIXTURES / "rules", tmp_path / "rules")
    shutil.copytree(FIXTURES / "seeds", tmp_path / "seeds")
    (tmp_path / "rules" / "programs" / "empty.yaml").write_text("", encoding="utf-8")
    (tmp_path / "rules" / "programs" / "list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    pack = load_rules(tmp_path / "rules")
    shown = [str(e) for e in pack.errors]
    assert shown == [
        "rules/programs/empty.yaml:1: a program file must be a mapping (id: ..., name: ..., ...)",
        "rules/programs/list.yaml:1: a program file must be a mapping (id: ..., name: ..., ...)",
    ]
    assert set(pack.programs) == GOOD
