"""Parsed rule files kept between runs: a load from the cache is the load without it, a changed
file is parsed again, and a damaged, edited or unwritable cache is no cache at all."""

import dataclasses
import hashlib
import json
import re
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
    """The entries of parsed files (not the record of expressions built, `expr_records`)."""
    return sorted(p for p in folder.glob("*.json") if not p.name.startswith("expressions-"))


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
    "lines not numbers", "lines not a table", "line zero", "a line without its number", "two tabs on a line", "too deep", "verdict for no schema", "verdict not a list",
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
            _rewrite(entry, lambda body: body.__setitem__("lines", re.sub(r"\t\d+\n", "\t9; rm -rf /\n", body["lines"], 1)))
        elif damage == "lines not a table":
            _rewrite(entry, lambda body: body.__setitem__("lines", [body["lines"].split("\n"), []]))
        elif damage == "line zero":
            _rewrite(entry, lambda body: body.__setitem__("lines", re.sub(r"\t\d+\n", "\t0\n", body["lines"], 1)))
        elif damage == "a line without its number":
            _rewrite(entry, lambda body: body.__setitem__("lines", re.sub(r"\t\d+\n", "\n", body["lines"], 1)))
        elif damage == "two tabs on a line":
            _rewrite(entry, lambda body: body.__setitem__("lines", re.sub(r"\t(\d+)\n", r"\t\1\t\1\n", body["lines"], 1)))
        elif damage == "verdict for no schema":
            _rewrite(entry, lambda body: body.__setitem__("valid", ["anything goes"]))
        elif damage == "verdict not a list":
            _rewrite(entry, lambda body: body.__setitem__("valid", {"program": True}))
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


def test_every_line_read_from_the_cache_is_the_line_parsed(rules_copy, tmp_path):
    from desktop.engine.yamlsrc import parse_source

    files = sorted(rules_copy.glob("*.yaml")) + sorted((rules_copy / "programs").glob("*.yaml"))
    files.append(rules_copy / "programs" / "odd-keys.yaml")
    files[-1].write_text('id: odd\n"": 1\nnested:\n  "": [2, {"": 3}]\n  "#0": 4\n', encoding="utf-8")
    for path in files:
        raw = path.read_bytes()
        ParsedCache(tmp_path / "cache").parse(raw, path.name)
        cache = ParsedCache(tmp_path / "cache")
        cached, parsed = cache.parse(raw, path.name), parse_source(raw, path.name)
        expected_hits = 0 if path.name == "odd-keys.yaml" else 1  # a key with '#' is not kept
        assert cache.hits == expected_hits, path
        assert dict(cached.lines) == parsed.lines and len(cached.lines) == len(parsed.lines)
        for key_path in parsed.lines:
            assert cached.line(*key_path) == parsed.line(*key_path) == parsed.lines[key_path]
            assert cached.line(*key_path, "no such key") == parsed.lines[key_path]
    without_hash = 'id: odd\n"": 1\nnested:\n  "": [2, {"": 3}]\n  "a/b": 4\n'
    for text in (without_hash, without_hash.replace("a/b", "a b")):
        raw = text.encode()
        ParsedCache(tmp_path / "cache").parse(raw, "odd.yaml")
        cache = ParsedCache(tmp_path / "cache")
        cached, parsed = cache.parse(raw, "odd.yaml"), parse_source(raw, "odd.yaml")
        assert cache.hits == ("a/b" not in text)
        assert dict(cached.lines) == parsed.lines
        assert cached.line("nested", "", 1, "") == 4 and cached.line("", "x") == 2 and cached.line() == 1


def _counting_schema_checks(monkeypatch) -> list[str]:
    """The schema checks a load makes, by schema name (each still made by the real check): the
    loader's, and the cache's of a file it parses anew."""
    from desktop.engine import parsed_cache, problems, schemas

    made: list[str] = []

    def counted(src, name):
        made.append(name)
        return schemas.schema_problems(src, name)

    monkeypatch.setattr(problems, "schema_problems", counted)
    monkeypatch.setattr(parsed_cache, "schema_problems", counted)
    return made


def test_a_file_that_met_its_schema_is_not_checked_again(rules_copy, tmp_path, monkeypatch):
    plain = load_rules(rules_copy, cache=None)
    cold = load_rules(rules_copy, cache=ParsedCache(tmp_path / "cache"))
    made = _counting_schema_checks(monkeypatch)
    warm = load_rules(rules_copy, cache=ParsedCache(tmp_path / "cache"))
    assert made == []
    assert shape(warm) == shape(cold) == shape(plain)
    without = load_rules(rules_copy, cache=None)
    assert len(made) == len(entries(tmp_path / "cache")) > 70 and set(made) >= {"program", "source-note", "questions"}
    assert shape(without) == shape(plain)


def test_every_message_is_the_same_with_and_without_the_cache(rules_copy, tmp_path, monkeypatch):
    """A file with schema problems is checked on every load; its expression problems, with their
    columns and the line shown under them, and the cases it makes fail read the same."""
    path = rules_copy / "programs" / "sme-ax.yaml"
    text = path.read_text(encoding="utf-8")
    assert "expr: \"has_any(ai_plans," in text
    text = text.replace("expr: \"has_any(ai_plans,", "expr: \"tax_arrears == true && has_any(ai_plan,", 1)
    path.write_text(text.replace("name:", "nmae:", 1) + "\nbogus_key: 1\n", encoding="utf-8")
    plain = [(str(e), e.column, e.source_line) for e in load_rules(rules_copy, cache=None).errors]
    assert sum(m.startswith("rules/programs/sme-ax.yaml:") for m, _, _ in plain) >= 3
    assert any(column for _, column, _ in plain)
    cold = load_rules(rules_copy, cache=ParsedCache(tmp_path / "cache"))
    made = _counting_schema_checks(monkeypatch)
    warm_cache = ParsedCache(tmp_path / "cache")
    warm = load_rules(rules_copy, cache=warm_cache)
    assert warm_cache.misses == 0 and made == ["program"]  # only the broken file is checked again
    for pack in (cold, warm):
        assert [(str(e), e.column, e.source_line) for e in pack.errors] == plain


def test_the_fingerprint_of_the_schemas_follows_every_schema_file(tmp_path):
    import shutil

    from desktop.engine.schemas import SCHEMA_NAMES, schemas_fingerprint

    folder = tmp_path / "schema"
    shutil.copytree(paths.rules_dir() / "schema", folder)
    first = schemas_fingerprint(folder)
    assert first == schemas_fingerprint() and first is not None
    seen = {first}
    for name in SCHEMA_NAMES:
        path = folder / f"{name}.schema.json"
        before = path.read_bytes()
        path.write_bytes(before.replace(b"{", b"{ ", 1))  # the same schema, other bytes: still another
        seen.add(schemas_fingerprint(folder))
        path.write_bytes(before)
    assert len(seen) == len(SCHEMA_NAMES) + 1 and schemas_fingerprint(folder) == first
    (folder / "program.schema.json").unlink()
    assert schemas_fingerprint(folder) is None


def test_entries_made_under_other_schema_files_are_not_used(rules_copy, tmp_path, monkeypatch):
    """A schema that changed (an update of Jiwon) may refuse what the old one let through: no
    entry, nor its verdict, made under the old schema files is found."""
    import shutil

    from desktop.engine import parsed_cache
    from desktop.engine.schemas import schemas_fingerprint

    load_rules(rules_copy, cache=ParsedCache(tmp_path / "cache"))
    made_before = entries(tmp_path / "cache")
    folder = tmp_path / "schema"
    shutil.copytree(paths.rules_dir() / "schema", folder)
    program = folder / "program.schema.json"
    program.write_text(program.read_text(encoding="utf-8").replace("{", "{ ", 1), encoding="utf-8")
    monkeypatch.setattr(parsed_cache, "schemas_fingerprint", lambda: schemas_fingerprint(folder))
    made = _counting_schema_checks(monkeypatch)
    cache = ParsedCache(tmp_path / "cache")
    pack = load_rules(rules_copy, cache=cache)
    assert cache.hits == 0 and cache.misses == len(made_before)
    assert len(made) == len(made_before)  # every file checked again
    assert shape(pack) == shape(load_rules(rules_copy, cache=None))
    assert len(entries(tmp_path / "cache")) == 2 * len(made_before)


def test_without_the_schema_files_no_verdict_is_kept(rules_copy, tmp_path, monkeypatch):
    from desktop.engine import parsed_cache

    monkeypatch.setattr(parsed_cache, "schemas_fingerprint", lambda: None)
    load_rules(rules_copy, cache=ParsedCache(tmp_path / "cache"))
    assert all(json.loads(e.read_bytes().partition(b"\n")[2])["valid"] == [] for e in entries(tmp_path / "cache"))
    made = _counting_schema_checks(monkeypatch)
    cache = ParsedCache(tmp_path / "cache")
    load_rules(rules_copy, cache=cache)
    assert cache.misses == 0 and len(made) == cache.hits


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
