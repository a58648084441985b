"""The quick schema check may only say "valid" when jsonschema agrees: compared on every real rule
file, the hostile corpus, and the real files with random damage."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.engine.fastcheck import surely_valid
from desktop.engine.schemas import validator
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
            "documents.yaml": "documents"}[path.name]


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


def agree(schema: str, data) -> None:
    v = validator(schema)
    if surely_valid(v.schema, data):
        assert not list(v.iter_errors(data))


def test_agrees_on_every_file():
    assert len(DOCS) > 50
    valid = 0
    for schema, data in DOCS:
        agree(schema, data)
        valid += surely_valid(validator(schema).schema, data)
    assert valid > 40  # and it does say yes to the good files, or it would be no use


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
