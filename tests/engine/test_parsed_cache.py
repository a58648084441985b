"""Parsed rule files kept between runs: a load from the cache is the load without it, a changed
file is parsed again, and a damaged, edited or unwritable cache is no cache at all."""

import dataclasses
import hashlib
import json
from pathlib import Path

import pytest

from desktop import paths
from desktop.engine import load_rules
from desktop.engine.expr.compile import Expr
from desktop.engine.parsed_cache import ParsedCache

REPO = Path(__file__).resolve().parents[2]


def shape(x):
    """Everything a loaded pack holds, as plain comparable values (expressions by their text and
    what was worked out of it; functions are made anew on every load)."""
    if isinstance(x, Expr):
        return ("expr", x.text, x.kind, tuple(sorted(x.names)), x.uses_today, tuple(sorted(x.tables)), x.bound,
                shape(x.near))
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return (type(x).__name__,) + tuple((f.name, shape(getattr(x, f.name))) for f in dataclasses.fields(x) if f.compare)
    if hasattr(x, "items") and callable(x.items):
        return ("map",) + tuple((k, shape(v)) for k, v in x.items())
    if isinstance(x, (list, tuple)):
        return tuple(shape(v) for v in x)
    if isinstance(x, (set, frozenset)):
        return ("set",) + tuple(sorted(repr(shape(v)) for v in x))
    if callable(x):
        return ("function",)
    return x


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


def test_a_load_from_the_cache_is_the_load_without_it(rules_copy, tmp_path):
    plain = load_rules(rules_copy, cache=None)
    cache = ParsedCache(tmp_path / "cache")
    cold = load_rules(rules_copy, cache=cache)
    assert cache.hits == 0 and cache.misses == len(entries(cache.folder)) > 70
    warm_cache = ParsedCache(tmp_path / "cache")
    warm = load_rules(rules_copy, cache=warm_cache)
    assert warm_cache.misses == 0 and warm_cache.hits == cache.misses
    assert shape(warm) == shape(cold) == shape(plain)
    assert warm.version == plain.version and warm.errors == plain.errors == ()


def test_problems_and_their_lines_are_the_same_from_the_cache(rules_copy, tmp_path):
    """A file that parses but breaks the rules is kept; its `path:line:` messages do not change."""
    path = rules_copy / "programs" / "sme-ax.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("name:", "nmae:", 1) + "\nbogus_key: 1\n", encoding="utf-8")
    plain = [str(e) for e in load_rules(rules_copy, cache=None).errors]
    assert any(m.startswith("rules/programs/sme-ax.yaml:") for m in plain)
    load_rules(rules_copy, cache=ParsedCache(tmp_path / "cache"))
    warm = ParsedCache(tmp_path / "cache")
    assert [str(e) for e in load_rules(rules_copy, cache=warm).errors] == plain
    assert warm.misses == 0


def test_a_changed_file_is_parsed_again_with_its_new_lines(rules_copy, tmp_path):
    cache_dir = tmp_path / "cache"
    before = load_rules(rules_copy, cache=ParsedCache(cache_dir))
    path = rules_copy / "programs" / "sme-ax.yaml"
    # Same data, every line one further down: only the lines tell the difference.
    path.write_text("# a comment line\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    cache = ParsedCache(cache_dir)
    after = load_rules(rules_copy, cache=cache)
    assert cache.misses == 1
    old, new = before.programs["sme-ax"], after.programs["sme-ax"]
    assert new.where.line == old.where.line + 1
    assert [c.where.line for c in new.exclusions] == [c.where.line + 1 for c in old.exclusions]
    assert shape(after) == shape(load_rules(rules_copy, cache=None))


def _rewrite(entry: Path, change) -> None:
    """Edits the body of an entry and writes a matching digest, as a deliberate edit would."""
    body = json.loads(entry.read_bytes().partition(b"\n")[2])
    change(body)
    raw = json.dumps(body).encode()
    entry.write_bytes(hashlib.sha256(raw).hexdigest().encode() + b"\n" + raw)


@pytest.mark.parametrize("damage", [
    "garbage", "truncated", "edited body, old digest", "empty", "another file's entry",
    "lines not numbers", "too deep",
])
def test_a_damaged_or_edited_entry_is_ignored_and_made_again(rules_copy, tmp_path, damage):
    cache_dir = tmp_path / "cache"
    plain = load_rules(rules_copy, cache=None)
    load_rules(rules_copy, cache=ParsedCache(cache_dir))
    found = entries(cache_dir)
    for entry in found:
        blob = entry.read_bytes()
        if damage == "garbage":
            entry.write_bytes(b"\x80\x00not json at all")
        elif damage == "truncated":
            entry.write_bytes(blob[: len(blob) // 2])
        elif damage == "edited body, old digest":
            entry.write_bytes(blob + b" ")  # still valid JSON, no longer what was digested
        elif damage == "empty":
            entry.write_bytes(b"")
        elif damage == "another file's entry":
            pass  # below: every name gets another entry's (valid) contents
        elif damage == "lines not numbers":
            _rewrite(entry, lambda body: body["lines"][0].__setitem__(0, "9; rm -rf /"))
        elif damage == "too deep":
            def deepen(body):
                nested = 0
                for _ in range(150):
                    nested = [nested]
                body["data"] = {"id": nested}
            _rewrite(entry, deepen)
    if damage == "another file's entry":  # swap the bodies so each name holds another's entry
        blobs = [e.read_bytes() for e in found]
        for e, b in zip(found, blobs[1:] + blobs[:1]):
            e.write_bytes(b)
    cache = ParsedCache(cache_dir)
    again = load_rules(rules_copy, cache=cache)
    assert cache.hits == 0 and cache.misses == len(found)
    assert shape(again) == shape(plain) and again.errors == ()
    # ... and each entry was made again: the next load finds them all.
    next_cache = ParsedCache(cache_dir)
    assert shape(load_rules(rules_copy, cache=next_cache)) == shape(plain)
    assert next_cache.hits == len(found) and next_cache.misses == 0


def test_a_cache_folder_that_cannot_be_made_or_written_is_no_cache(rules_copy, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go\n")
    cache = ParsedCache(blocker / "cache")
    pack = load_rules(rules_copy, cache=cache)
    assert shape(pack) == shape(load_rules(rules_copy, cache=None))
    assert cache.hits == 0 and cache.misses > 70
    assert blocker.read_text() == "a file where the cache folder would go\n"


def test_by_default_the_cache_is_in_the_user_cache_folder(rules_copy, tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "user_cache_dir", lambda: tmp_path / "user-cache")
    plain = load_rules(rules_copy, cache=None)
    first = load_rules(rules_copy)
    made = entries(tmp_path / "user-cache" / "parsed-rules")
    assert len(made) > 70
    assert shape(first) == shape(load_rules(rules_copy)) == shape(plain)


def test_a_file_with_a_yaml_problem_is_not_kept(mini_dir, tmp_path):
    path = mini_dir / "programs" / "cofund.yaml"
    path.write_text("id: cofund\nname: [unclosed\n", encoding="utf-8")
    plain = [str(e) for e in load_rules(mini_dir, cache=None).errors]
    cache = ParsedCache(tmp_path / "cache")
    assert [str(e) for e in load_rules(mini_dir, cache=cache).errors] == plain
    assert any(m.startswith("rules/programs/cofund.yaml:") for m in plain)
    assert cache.misses == len(entries(cache.folder)) + 1


LOAD_AND_COUNT = """
import sys
from desktop.engine import load_rules
from desktop.engine.parsed_cache import ParsedCache
cache = ParsedCache(sys.argv[1])
pack = load_rules(sys.argv[2], cache=cache)
print(cache.hits, cache.misses, pack.version)
"""


def test_another_run_of_the_program_finds_what_one_run_kept(tmp_path):
    """Each run of Python hashes text differently (PYTHONHASHSEED): the keys must not depend on
    it, or no second start would ever find an entry."""
    import os
    import subprocess
    import sys

    def run(seed: int) -> list[str]:
        env = dict(os.environ, PYTHONHASHSEED=str(seed))
        return subprocess.run([sys.executable, "-c", LOAD_AND_COUNT, str(tmp_path / "cache"), str(REPO / "rules")],
                              capture_output=True, text=True, env=env, timeout=300, check=True).stdout.split()

    hits, misses, version = run(1)
    assert hits == "0" and int(misses) > 70
    assert run(2) == [misses, "0", version]  # every file found, none parsed
    assert ParsedCache(tmp_path / "cache").key(b"id: x\n") == ParsedCache(tmp_path / "other").key(b"id: x\n")
