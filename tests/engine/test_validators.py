"""The validators generated from the schema files (fastjsonschema) and jsonschema, which explains
failures, give the same verdict: compared on every real rule file, the hostile corpus, and the
real files with random damage. A validator made from another version of its schema is not used."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.engine import validators
from desktop.engine.schemas import SCHEMA_NAMES, validator
from desktop.tools import build_validators
from desktop.engine.yamlsrc import YamlProblem, read_source

REPO = Path(__file__).resolve().parents[2]


def schema_for(path: Path) -> str:
    if path.parent.name == "programs" or path.parent.name == "hostile":
        return "program"
    if path.parent.name == "cases":
        return "profile"
    if path.parent.name == "seeds":
        return "source-note"
    return {"questions.yaml": "questions", "industries.yaml": "industries", "definitions.yaml": "definitions",
            "documents.yaml": "documents", "criteria.yaml": "criteria"}[path.name]


FILES = [
    p
    for pattern in ("rules/*.yaml", "rules/programs/*.yaml", "rules/cases/*.yaml", "seeds/*.yaml", "tests/hostile/*.yaml",
                    "tests/engine/fixtures/rules/*.yaml", "tests/engine/fixtures/rules/programs/*.yaml")
    for p in sorted(REPO.glob(pattern))
]


def loaded():
    out = []
    for path in FILES:
        try:
            out.append((schema_for(path), read_source(path).data))
        except YamlProblem:
            continue
    return out


DOCS = loaded()


def fast_says_valid(schema: str, data) -> bool:
    fast = validators.fast_validator(schema)
    assert fast is not None, f"no up-to-date generated validator for {schema}"
    try:
        fast(data)
        return True
    except Exception:
        return False


def agree(schema: str, data) -> bool:
    valid = fast_says_valid(schema, data)
    assert valid == (not list(validator(schema).iter_errors(data)))
    return valid


def test_agrees_on_every_file():
    assert len(DOCS) > 50
    valid = sum(agree(schema, data) for schema, data in DOCS)
    assert valid > 40  # the good files are valid, the hostile ones not all


def test_every_validator_is_generated_and_current():
    assert build_validators.main(["--check"]) == 0
    assert all(validators.fast_validator(s) is not None for s in SCHEMA_NAMES)


def test_a_validator_from_another_schema_version_is_not_used(tmp_path, monkeypatch):
    changed = tmp_path / "program.schema.json"
    changed.write_text(validators.schema_file("program").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    monkeypatch.setattr(validators, "schema_file", lambda schema, folder=None: changed)
    assert validators.fast_validator.__wrapped__("program") is None


def _damage(data, path_choice, action, junk):
    """Walk to a random place and delete a key, add a key, or replace a value."""
    node = data
    for step in path_choice:
        if isinstance(node, dict) and node:
            key = list(node)[step % len(node)]
            if action == 0 or not isinstance(node[key], (dict, list)):
                if action == 0:
                    del node[key]
                elif action == 1:
                    node[key + "x"] = junk
                else:
                    node[key] = junk
                return
            node = node[key]
        elif isinstance(node, list) and node:
            i = step % len(node)
            if not isinstance(node[i], (dict, list)):
                node[i] = junk
                return
            node = node[i]
        else:
            return


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    which=st.integers(min_value=0),
    path_choice=st.lists(st.integers(min_value=0), min_size=1, max_size=6),
    action=st.integers(min_value=0, max_value=2),
    junk=st.one_of(st.none(), st.integers(), st.booleans(), st.text(max_size=4), st.just([]), st.just({}), st.floats(allow_nan=False)),
)
def test_agrees_on_damaged_files(which, path_choice, action, junk):
    import copy

    schema, data = DOCS[which % len(DOCS)]
    data = copy.deepcopy(data)
    _damage(data, path_choice, action, junk)
    agree(schema, data)
