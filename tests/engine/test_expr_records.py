"""Expressions that built before, kept in the parsed-file cache: a warm load builds none of them
until they are evaluated, evaluates them as a load without the cache does, and reports every
mistake again as soon as anything it depends on changed; a damaged record is built again."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.engine import evaluate, expr_records, load_rules
from desktop.engine.cases import case_files, run_case
from desktop.engine.expr.compile import Expr, Unbuilt
from desktop.engine.expr.tri import UNKNOWN
from desktop.engine.parsed_cache import ParsedCache

from tests.engine.test_parsed_cache import shape

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def builds(monkeypatch) -> list:
    """The texts each load builds anew through the record (the real build, counted)."""
    made: list = []
    real = expr_records.build_expr

    def counted(text, names, test=False):
        made.append(text)
        return real(text, names, test=test)

    monkeypatch.setattr(expr_records, "build_expr", counted)
    return made


def records(folder: Path) -> list[Path]:
    """The cache's expression records (its entries that hold expressions, not a parsed file)."""
    return sorted(folder.glob("expressions-*.json"))


def program_exprs(pack) -> list:
    out = []
    for program in pack.programs.values():
        stack = [program.eligibility, *program.exclusions]
        while stack:
            node = stack.pop()
            stack.extend(getattr(node, "children", ()))
            if getattr(node, "expr", None) is not None:
                out.append(node.expr)
        out.extend(b.amount_expr for b in program.benefits if b.amount_expr is not None)
    return out


def outcomes(pack, rules: Path) -> list:
    return [(run.path, [str(e) for e in run.errors + run.mismatches],
             [(r.program.id, r.status, r.failed, r.missing) for r in run.assessment.programs] if run.assessment else None)
            for run in (run_case(pack, path) for path in case_files(rules))]


def messages(pack) -> list:
    return [(str(e), e.column, e.source_line) for e in pack.errors]


def test_a_warm_load_builds_no_expression_until_it_is_evaluated(rules_copy, tmp_path, builds):
    plain = load_rules(rules_copy, cache=None)
    builds.clear()
    load_rules(rules_copy, cache=ParsedCache(tmp_path / "cache"))
    assert len(builds) > 100 and len(records(tmp_path / "cache")) == 1
    builds.clear()
    warm = load_rules(rules_copy, cache=ParsedCache(tmp_path / "cache"))
    assert builds == []
    waiting = program_exprs(warm)
    assert waiting and all(type(e) is Unbuilt for e in waiting)
    assert all(type(d.expr) is Unbuilt for d in warm.definitions.values())
    assert all(type(q.applies_if) is Unbuilt for q in warm.questions.values() if q.applies_if is not None)
    # Evaluated, each is built once (the real build) and is then an expression like any other,
    # giving every case the outcome it has without the cache.
    assert outcomes(warm, rules_copy) == outcomes(plain, rules_copy)
    assert all(type(e) is Expr for e in program_exprs(warm))
    assert shape(warm) == shape(plain) and warm.errors == plain.errors == ()


def test_what_is_kept_is_what_building_gives(rules_copy, tmp_path):
    load_rules(rules_copy, cache=ParsedCache(tmp_path / "cache"))
    warm = load_rules(rules_copy, cache=ParsedCache(tmp_path / "cache"))
    kept = [(e.text, e.names, e.uses_today, e.kind, e.tables, e.bound) for e in program_exprs(warm)]
    assert all(type(e) is Unbuilt for e in program_exprs(warm))
    built = [(e.text, e.names, e.uses_today, e.kind, e.tables, e.bound) for e in program_exprs(warm) if e.fn]
    assert kept == built


def _break_option(rules: Path) -> None:
    """questions.yaml renames an option that sme-ax's expression compares with."""
    path = rules / "questions.yaml"
    text = path.read_text(encoding="utf-8")
    assert "{value: adopt_ai," in text
    path.write_text(text.replace("{value: adopt_ai,", "{value: adopt_ai_now,", 1), encoding="utf-8")


def test_a_changed_questions_file_reports_the_mistake_again(rules_copy, tmp_path, builds):
    load_rules(rules_copy, cache=ParsedCache(tmp_path / "cache"))
    _break_option(rules_copy)
    plain = load_rules(rules_copy, cache=None)
    assert any(m.startswith("rules/programs/sme-ax.yaml:") and "adopt_ai" in m for m, _, _ in messages(plain))
    assert "sme-ax" not in plain.programs
    builds.clear()
    warm = load_rules(rules_copy, cache=ParsedCache(tmp_path / "cache"))
    assert messages(warm) == messages(plain)
    assert "has_any(ai_plans, ['adopt_ai', 'ai_factory', 'develop_ai'])" in builds  # built, not taken as before
    assert shape(warm) == shape(plain)
    # ... and again on the load after, now that a record for these names exists too.
    again = load_rules(rules_copy, cache=ParsedCache(tmp_path / "cache"))
    assert messages(again) == messages(plain) and len(records(tmp_path / "cache")) == 1


def test_a_changed_definition_reports_the_mistake_again(rules_copy, tmp_path, builds):
    """A definition that gives another kind of value: the program tests that compare it with a
    number are wrong now, though not one program file changed."""
    load_rules(rules_copy, cache=ParsedCache(tmp_path / "cache"))
    path = rules_copy / "definitions.yaml"
    text = path.read_text(encoding="utf-8")
    assert 'expr: "years_since(birth_date)"' in text
    path.write_text(text.replace('expr: "years_since(birth_date)"', "expr: \"'a text now'\"", 1), encoding="utf-8")
    plain = load_rules(rules_copy, cache=None)
    assert plain.definitions["age_years"].expr.kind == "text"
    assert any(m.startswith("rules/programs/") and "age_years" in m for m, _, _ in messages(plain))
    builds.clear()
    warm = load_rules(rules_copy, cache=ParsedCache(tmp_path / "cache"))
    assert messages(warm) == messages(plain)
    assert any("age_years" in text for text in builds)
    assert shape(warm) == shape(plain)


def test_every_message_is_the_same_with_and_without_the_record(rules_copy, tmp_path):
    """A program whose expressions break: its mistakes are built and reported on every load."""
    load_rules(rules_copy, cache=ParsedCache(tmp_path / "cache"))
    path = rules_copy / "programs" / "sme-ax.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("expr: \"has_any(ai_plans,", "expr: \"tax_arrears == true and has_any(ai_plan,", 1),
                    encoding="utf-8")
    plain = messages(load_rules(rules_copy, cache=None))
    assert any(column for _, column, _ in plain) and any("ai_plan" in m for m, _, _ in plain)
    for _ in range(2):  # the load that writes the new record, and one that reads it
        assert messages(load_rules(rules_copy, cache=ParsedCache(tmp_path / "cache"))) == plain


def _rewrite(entry: Path, change) -> None:
    body = json.loads(entry.read_bytes().partition(b"\n")[2])
    change(body)
    raw = json.dumps(body).encode()
    entry.write_bytes(hashlib.sha256(raw).hexdigest().encode() + b"\n" + raw)


def _set_row(field: int, value):
    def change(body):
        body["expressions"][0][field] = value
    return change


@pytest.mark.parametrize("damage", [
    "garbage", "edited body, old digest", "rows not a list", "a row too short", "a kind of no such name",
    "a bound below zero", "names not a list", "a test that is not yes or no", "another record's key",
])
def test_a_damaged_record_is_ignored_and_made_again(rules_copy, tmp_path, builds, damage):
    plain = load_rules(rules_copy, cache=None)
    builds.clear()
    load_rules(rules_copy, cache=ParsedCache(tmp_path / "cache"))
    [record] = records(tmp_path / "cache")
    first = len(builds)
    assert first > 100
    blob = record.read_bytes()
    if damage == "garbage":
        record.write_bytes(b"\x80 not a record")
    elif damage == "edited body, old digest":
        record.write_bytes(blob.replace(b'"bool"', b'"number"', 1))
    elif damage == "rows not a list":
        _rewrite(record, lambda body: body.__setitem__("expressions", {"a": 1}))
    elif damage == "a row too short":
        _rewrite(record, lambda body: body["expressions"][0].pop())
    elif damage == "a kind of no such name":
        _rewrite(record, _set_row(6, "anything"))
    elif damage == "a bound below zero":
        _rewrite(record, _set_row(8, -1))
    elif damage == "names not a list":
        _rewrite(record, _set_row(4, "tax_arrears"))
    elif damage == "a test that is not yes or no":
        _rewrite(record, _set_row(2, 1))
    elif damage == "another record's key":
        _rewrite(record, lambda body: body.__setitem__("key", "0" * 64))
    builds.clear()
    again = load_rules(rules_copy, cache=ParsedCache(tmp_path / "cache"))
    assert len(builds) == first  # every expression built again
    assert not any(type(e) is Unbuilt for e in program_exprs(again))
    assert shape(again) == shape(plain) and again.errors == ()
    builds.clear()
    after = load_rules(rules_copy, cache=ParsedCache(tmp_path / "cache"))  # the record was made anew
    assert builds == [] and shape(after) == shape(plain)


def test_a_record_edited_to_pass_a_broken_expression_gives_unknown_not_a_crash(rules_copy, tmp_path):
    """Only whoever can write the user's folders can write a matching digest; even then an
    expression that does not build is unknown when evaluated."""
    path = rules_copy / "programs" / "sme-ax.yaml"
    text = path.read_text(encoding="utf-8")
    good = "has_any(ai_plans, ['adopt_ai', 'ai_factory', 'develop_ai'])"
    load_rules(rules_copy, cache=ParsedCache(tmp_path / "cache"))
    [record] = records(tmp_path / "cache")
    bad = "has_any(ai_plans, ['adopt_ai', 'no_such_option'])"

    def claim(body):
        row = next(r for r in body["expressions"] if r[1] == good)
        body["expressions"].append([row[0], bad, row[2], bad, *row[4:]])
    _rewrite(record, claim)
    path.write_text(text.replace(good, bad, 1), encoding="utf-8")
    assert any("no_such_option" in m for m, _, _ in messages(load_rules(rules_copy, cache=None)))
    pack = load_rules(rules_copy, cache=ParsedCache(tmp_path / "cache"))
    forged = next(e for e in program_exprs(pack) if e.text == bad)
    assert type(forged) is Unbuilt
    assert forged({"ai_plans": ["adopt_ai"]}) is UNKNOWN
    assert evaluate(pack, {"applicant_type": "company", "ai_plans": ["adopt_ai"]}).by_id("sme-ax").status == "undetermined"


def test_another_process_finds_the_record(rules_copy, tmp_path):
    """The key is worked out the same in every process (other string hashes included)."""
    load_rules(rules_copy, cache=ParsedCache(tmp_path / "cache"))
    script = (
        "import sys\n"
        "from desktop.engine import expr_records, load_rules\n"
        "from desktop.engine.parsed_cache import ParsedCache\n"
        "made = []\n"
        "real = expr_records.build_expr\n"
        "expr_records.build_expr = lambda *a, **k: made.append(a[0]) or real(*a, **k)\n"
        "pack = load_rules(sys.argv[1], cache=ParsedCache(sys.argv[2]))\n"
        "print(len(made), len(pack.programs))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", script, str(rules_copy), str(tmp_path / "cache")], env=env,
                         capture_output=True, text=True, check=True, cwd=tmp_path).stdout.split()
    assert out == ["0", str(len(load_rules(rules_copy, cache=None).programs))]


def test_the_fingerprint_of_the_names_follows_what_an_expression_can_read(rules_copy):
    import dataclasses

    from desktop.engine.expr import Names

    pack = load_rules(rules_copy, cache=None)
    assert pack.tables
    names = Names(pack.questions, {d: v.expr.kind for d, v in pack.definitions.items()}, pack.tables, {},
                  {d: v.expr.bound for d, v in pack.definitions.items()})
    first = expr_records.names_fingerprint(names)
    assert first == expr_records.names_fingerprint(dataclasses.replace(names))
    qid, q = next((k, v) for k, v in pack.questions.items() if v.options)
    others = [
        dataclasses.replace(names, questions={**names.questions, qid: dataclasses.replace(q, options=q.options[1:])}),
        dataclasses.replace(names, questions={**names.questions, qid: dataclasses.replace(q, type="text")}),
        dataclasses.replace(names, questions={k: v for k, v in names.questions.items() if k != qid}),
        dataclasses.replace(names, definitions={**names.definitions, "extra": "number"}),
        dataclasses.replace(names, bounds={**names.bounds, "extra": 7}),
        dataclasses.replace(names, unavailable={"left_out": "question"}),
        dataclasses.replace(names, tables={}),
    ]
    prints = {expr_records.names_fingerprint(n) for n in others}
    assert len(prints) == len(others) and first not in prints


def test_the_fingerprint_of_the_code_follows_its_source(tmp_path, monkeypatch):
    first = expr_records.code_fingerprint()
    assert first == expr_records.code_fingerprint()
    module = sys.modules["desktop.engine.expr.size"]
    copy = tmp_path / "size.py"
    copy.write_bytes(Path(module.__file__).read_bytes() + b"\n# a line more\n")
    monkeypatch.setattr(module, "__file__", str(copy))
    assert expr_records.code_fingerprint() != first
    monkeypatch.setattr(module, "__file__", str(tmp_path / "gone.py"))  # no source: the compiled code
    assert expr_records.code_fingerprint() == expr_records.compiled_fingerprint(expr_records._code_modules())


def test_the_compiled_code_is_fingerprinted_alike_in_every_process(tmp_path):
    script = (
        "from desktop.engine import load_rules, expr_records\n"
        "print(expr_records.compiled_fingerprint(expr_records._code_modules()))\n"
    )
    seen = set()
    for seed in ("1", "987654"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO)}
        seen.add(subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True,
                                cwd=tmp_path).stdout)
    assert len(seen) == 1 and len(seen.pop().strip()) == 64
