"""Loading: line numbers, schema messages in plain words, references, cycles, partial loading."""

import textwrap

import pytest

from desktop.engine import load_rules
from desktop.engine.yamlsrc import YamlProblem, parse_source


def write(path, text):
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def messages(pack):
    return [str(e) for e in pack.errors]


def test_small_pack_loads(mini_pack):
    assert list(mini_pack.programs) == ["cofund", "job-support", "school-track", "sme-grant"]
    assert "applicant_type" in mini_pack.questions
    assert list(mini_pack.definitions)[:2] == ["sales_ceiling", "is_sme"]
    assert mini_pack.programs["sme-grant"].documents[0].id == "business_registration"
    assert len(mini_pack.version) == 12


def test_version_is_a_content_hash(mini_dir):
    first = load_rules(mini_dir).version
    assert load_rules(mini_dir).version == first
    path = mini_dir / "programs" / "cofund.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert load_rules(mini_dir).version != first


def test_lines_of_keys_and_items():
    src = parse_source("a: 1\nlist:\n  - x: 1\n    y: [1, 2]\n", "f.yaml")
    assert src.line("list", 0, "y") == 4
    assert src.line("list", 0, "missing") == 3
    assert src.data == {"a": 1, "list": [{"x": 1, "y": [1, 2]}]}


def test_dates_become_iso_text():
    assert parse_source("d: 2025-01-20\n", "f").data == {"d": "2025-01-20"}


def test_yaml_problems_have_lines():
    for text, line, words in [
        ("a: 1\na: 2\n", 2, "duplicate key 'a'"),
        ("a: [1,\n", 2, "YAML syntax error"),
        ("x: &a [1]\ny: *a\n", 2, "anchors and aliases"),
        ("d: !!python/object:os.system x\n", 1, "tags"),
    ]:
        try:
            parse_source(text, "f")
        except YamlProblem as err:
            assert err.line == line and words in err.words()
        else:
            raise AssertionError(text)


def test_unknown_key_with_suggestion(mini_dir):
    path = mini_dir / "programs" / "cofund.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("eligibility:", "elegibility:"), encoding="utf-8")
    pack = load_rules(mini_dir)
    assert "rules/programs/cofund.yaml:7: unknown key 'elegibility' (did you mean 'eligibility'?)" in messages(pack)
    assert "rules/programs/cofund.yaml:1: required key 'eligibility' missing" in messages(pack)
    assert "cofund" not in pack.programs
    assert {"sme-grant", "job-support", "school-track"} <= set(pack.programs)


def test_missing_english_text(mini_dir):
    path = mini_dir / "programs" / "cofund.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("name: {ko: 공동 투자, en: Co-funding}", "name: {ko: 공동 투자}"),
        encoding="utf-8",
    )
    pack = load_rules(mini_dir)
    assert "rules/programs/cofund.yaml:2: name: 'en' text missing" in messages(pack)


def test_comma_in_flow_text_is_explained(mini_dir):
    path = mini_dir / "documents.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("en: Tax payment certificate}", "en: Tax, payment certificate}"),
        encoding="utf-8",
    )
    pack = load_rules(mini_dir)
    (msg,) = messages(pack)
    assert msg.startswith("rules/documents.yaml:5: text: unknown key 'payment certificate'")
    assert "put the text in quotes" in msg
    # A shared catalog keeps the item: nothing else breaks because of a truncated text.
    assert "tax_certificate" in pack.documents and "sme-grant" in pack.programs


def test_duplicate_question_id(mini_dir):
    path = mini_dir / "questions.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - id: school_name", "  - id: school_type"), encoding="utf-8")
    pack = load_rules(mini_dir)
    line = text.splitlines().index("  - id: school_name") + 1
    first = text.splitlines().index("  - id: school_type") + 1
    assert f"rules/questions.yaml:{line}: duplicate question id 'school_type' (first on line {first})" in messages(pack)


def test_definition_cycle(mini_dir):
    write(
        mini_dir / "definitions.yaml",
        """
        definitions:
          - id: a
            label: {ko: 가, en: A}
            expr: "b + 1"
          - id: b
            label: {ko: 나, en: B}
            expr: "a + 1"
          - id: c
            label: {ko: 다, en: C}
            expr: "workers * 2"
        """,
    )
    pack = load_rules(mini_dir)
    assert "rules/definitions.yaml:4: definition cycle: a -> b -> a" in messages(pack)
    assert "c" in pack.definitions and "a" not in pack.definitions


def test_unknown_references(mini_dir):
    path = mini_dir / "programs" / "sme-grant.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("test-note#sme-size]\n    - id: sales_limit", "test-note#sme-sise]\n    - id: sales_limit")
    text = text.replace("documents: [business_registration, tax_certificate]", "documents: [business_registraton]")
    text = text.replace("expr: \"is_manufacturer\"", "expr: \"is_manufactorer\"")
    path.write_text(text, encoding="utf-8")
    pack = load_rules(mini_dir)
    got = "\n".join(messages(pack))
    assert "source note 'test-note' has no fact 'sme-sise' (did you mean 'sme-size'?)" in got
    assert "unknown document 'business_registraton' (did you mean 'business_registration'?)" in got
    assert "unknown name 'is_manufactorer' (did you mean 'is_manufacturer'?)" in got
    assert all(e.path == "rules/programs/sme-grant.yaml" for e in pack.errors)
    assert "sme-grant" not in pack.programs and len(pack.programs) == 3


def test_broken_shared_file_loads_the_rest(mini_dir):
    (mini_dir / "documents.yaml").write_text("documents: [\n", encoding="utf-8")
    pack = load_rules(mini_dir)
    assert messages(pack)[0].startswith("rules/documents.yaml:2: YAML syntax error")
    # Programs that ask for documents now cite unknown ones and are left out; the others load.
    assert "job-support" in pack.programs and "cofund" in pack.programs
    assert "sme-grant" not in pack.programs


def test_question_left_out_is_named_in_later_errors(mini_dir):
    path = mini_dir / "questions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("type: industry", "type: industy"), encoding="utf-8")
    pack = load_rules(mini_dir)
    got = "\n".join(messages(pack))
    assert "type: 'industy' is not one of:" in got and "(did you mean 'industry'?)" in got
    assert "uses question 'industry', which could not be loaded" in got


def test_missing_folder_is_an_error_not_a_crash(tmp_path):
    pack = load_rules(tmp_path / "nowhere")
    assert pack.programs == {} and pack.errors


def test_round_dates_are_kst(mini_pack):
    r = mini_pack.programs["sme-grant"].rounds[0]
    assert r.opens.isoformat() == "2026-03-02T00:00:00+09:00"
    assert r.closes.isoformat() == "2026-03-31T23:59:59+09:00"


def test_applies_if_checked_at_load(mini_dir):
    path = mini_dir / "questions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('applies_if: "age >= 15"', 'applies_if: "age >= 15 and agee"'), encoding="utf-8")
    pack = load_rules(mini_dir)
    got = "\n".join(messages(pack))
    assert "question 'income_pct' applies_if: unknown name 'agee' (did you mean 'age'?)" in got


def test_both_yaml_readers_give_the_same_data_and_lines():
    from pathlib import Path

    from desktop.engine.yamlsrc import _backend_available

    if not _backend_available("c"):
        import pytest

        pytest.skip("libyaml is not installed")
    repo = Path(__file__).resolve().parents[2]
    files = [p for pattern in ("rules/**/*.yaml", "seeds/*.yaml", "tests/**/*.yaml") for p in repo.glob(pattern)]
    assert len(files) > 50
    for path in files:
        raw = path.read_bytes()
        results = []
        for backend in ("c", "pure"):
            try:
                src = parse_source(raw, "f", backend=backend)
                results.append((src.data, src.lines))
            except YamlProblem as err:
                results.append(("problem", err.words().split(":")[0]))
        assert results[0] == results[1], path


def test_yaml_1_2_values():
    src = parse_source("a: no\nb: yes\nc: 1_000\nd: 0x1F\ne: ~\nf: '3'\ng: 2026-01-05 10:00:00\nh: 1.2억\n", "f")
    assert src.data == {"a": "no", "b": "yes", "c": 1000, "d": 31, "e": None, "f": "3", "g": "2026-01-05T10:00:00", "h": "1.2억"}


def test_definition_chains_are_bounded(mini_dir):
    items = ["definitions:", "  - {id: d0, label: {ko: 가, en: A}, expr: 'workers + 1'}"]
    items += [f"  - {{id: d{i}, label: {{ko: 가, en: A}}, expr: 'd{i - 1} + 1'}}" for i in range(1, 60)]
    (mini_dir / "definitions.yaml").write_text("\n".join(items) + "\n", encoding="utf-8")
    pack = load_rules(mini_dir)
    got = messages(pack)
    assert got[0] == "rules/definitions.yaml:52: definition 'd50' rests on a chain of more than 50 definitions"
    assert "d49" in pack.definitions and "d59" not in pack.definitions


def test_the_cycle_collector_is_paused_while_loading_and_left_as_it_was(mini_dir, monkeypatch):
    import gc

    from desktop.engine import loader

    seen = []
    real = loader._load

    def watched(*args):
        seen.append(gc.isenabled())
        return real(*args)

    monkeypatch.setattr(loader, "_load", watched)
    assert gc.isenabled()
    pack = load_rules(mini_dir, cache=None)
    assert seen == [False] and gc.isenabled() and "cofund" in pack.programs
    gc.disable()
    try:
        load_rules(mini_dir, cache=None)
        assert seen == [False, False] and not gc.isenabled()  # a caller's own pause is kept
    finally:
        gc.enable()

    def broken(*args):
        raise RuntimeError("a bug in the loader")

    monkeypatch.setattr(loader, "_load", broken)
    with pytest.raises(RuntimeError):
        load_rules(mini_dir, cache=None)
    assert gc.isenabled()  # running again even when loading failed
