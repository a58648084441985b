"""Writing a rule once: a track extends its program (inheriting, replacing, dropping and adding
criteria), a criterion group in criteria.yaml is used by id, each reused criterion knows where it
is written, and its mistakes are reported there, once."""

import shutil
import textwrap
from pathlib import Path

import pytest

from desktop.engine import evaluate, load_rules
from desktop.engine.coverage import criteria_of

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "engine" / "fixtures"


@pytest.fixture
def mini(tmp_path, monkeypatch):
    shutil.copytree(FIXTURES / "rules", tmp_path / "rules")
    shutil.copytree(FIXTURES / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "rules"


def write(path: Path, text: str) -> None:
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


TRACK = """
    id: sme-grant-young
    extends: sme-grant
    name: {ko: 청년 창업 트랙, en: Young-firm track}
    note: {ko: 시험용 트랙, en: A test track}
    eligibility:
      drop: [manufacturer]
      replace:
        - id: sales_limit
          text: {ko: 매출 100억 원 이하, en: Sales at most KRW 10 billion}
          expr: "avg_sales_3y <= 10_000_000_000"
      add:
        - id: founded_known
          text: {ko: 설립일을 알 것, en: Founding date known}
          expr: "known(founded)"
          note: {ko: 메모, en: A remark}
"""


def ids(program) -> list[str]:
    return [c.id for c in criteria_of(program.eligibility)]


def test_a_track_inherits_replaces_drops_and_adds(mini):
    write(mini / "programs" / "sme-grant-young.yaml", TRACK)
    pack = load_rules(mini)
    assert not pack.errors, [str(e) for e in pack.errors]
    parent, track = pack.programs["sme-grant"], pack.programs["sme-grant-young"]
    assert ids(track) == ["not_big_group", "sales_limit", "young", "founded_known"]
    assert track.tracks_of == "sme-grant" and track.extends == "sme-grant"
    assert track.audience == parent.audience and track.rounds == parent.rounds
    assert track.documents == parent.documents and track.exclusions[0].origin == "program 'sme-grant'"
    by_id = {c.id: c for c in criteria_of(track.eligibility)}
    assert by_id["not_big_group"].origin == "program 'sme-grant'"
    assert by_id["not_big_group"].where.path == "rules/programs/sme-grant.yaml"
    assert by_id["sales_limit"].origin is None and by_id["sales_limit"].where.path == "rules/programs/sme-grant-young.yaml"
    assert track.note.en == "A test track" and by_id["founded_known"].note.en == "A remark"
    answers = {"applicant_type": "company", "industry": "C25", "in_big_group": False,
               "avg_sales_3y": 23_000_000_000, "founded": "2022-03-01", "tax_arrears": False}
    import datetime as dt
    result = evaluate(pack, answers, dt.date(2026, 3, 10))
    assert result.by_id("sme-grant").status == "eligible"
    young = result.by_id("sme-grant-young")
    assert young.status == "ineligible" and young.failed == ("sales_limit",)


def test_a_track_of_an_unknown_program_or_criterion_is_told(mini):
    write(mini / "programs" / "sme-grant-young.yaml",
          TRACK.replace("extends: sme-grant", "extends: sme-grnt"))
    write(mini / "programs" / "sme-grant-old.yaml",
          TRACK.replace("id: sme-grant-young", "id: sme-grant-old").replace("drop: [manufacturer]", "drop: [manufactuer]"))
    pack = load_rules(mini)
    shown = [str(e) for e in pack.errors]
    assert "rules/programs/sme-grant-young.yaml:2: extends: unknown program 'sme-grnt' (did you mean 'sme-grant'?)" in shown
    assert any(s.startswith("rules/programs/sme-grant-old.yaml:6: drop: 'sme-grant' has no criterion 'manufactuer'") for s in shown)
    assert "sme-grant-young" not in pack.programs and "sme-grant-old" not in pack.programs


GROUPS = """
    groups:
      - id: small-firm
        all:
          - id: not_big_group
            text: {ko: 대기업집단에 속하지 않을 것, en: Not part of a large business group}
            expr: "not in_big_group"
          - id: sales_ok
            text: {ko: 매출 기준, en: Sales within the ceiling}
            expr: "avg_sales_3y <= sales_ceilin"
"""


def test_a_criterion_group_is_used_by_id_and_its_mistake_told_once_where_written(mini):
    write(mini / "criteria.yaml", GROUPS)
    for name in ("sme-grant", "cofund"):
        path = mini / "programs" / f"{name}.yaml"
        text = path.read_text(encoding="utf-8")
        text = text.replace("eligibility:\n  all:\n", "eligibility:\n  all:\n    - use: small-firm\n", 1)
        text = text.replace("    - id: not_big_group\n      text: {ko: 대기업집단에 속하지 않을 것, en: Not part of a large business group}\n"
                            "      expr: \"not in_big_group\"\n      source: [test-note#sme-size]\n", "")
        path.write_text(text, encoding="utf-8")
    pack = load_rules(mini)
    shown = [str(e) for e in pack.errors]
    assert shown == ["rules/criteria.yaml:9: criterion 'sales_ok': unknown name 'sales_ceilin' "
                     "(did you mean 'sales_ceiling'?) (column 32)"]
    assert "sme-grant" not in pack.programs and "cofund" not in pack.programs

    write(mini / "criteria.yaml", GROUPS.replace("sales_ceilin\"", "sales_ceiling\""))
    pack = load_rules(mini)
    assert not pack.errors, [str(e) for e in pack.errors]
    grant = pack.programs["sme-grant"]
    used = {c.id: c for c in criteria_of(grant.eligibility)}
    assert used["sales_ok"].origin == "criteria group 'small-firm'"
    assert used["sales_ok"].where.path == "rules/criteria.yaml" and used["sales_ok"].where.line == 7
    assert "sales_ok" in {c.id for c in criteria_of(pack.programs["cofund"].eligibility)}


def test_an_unknown_group_is_told_with_a_suggestion(mini):
    write(mini / "criteria.yaml", GROUPS.replace("sales_ceilin\"", "sales_ceiling\""))
    path = mini / "programs" / "sme-grant.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("eligibility:\n  all:\n", "eligibility:\n  all:\n    - use: small-frm\n", 1),
                    encoding="utf-8")
    shown = [str(e) for e in load_rules(mini).errors]
    assert shown == ["rules/programs/sme-grant.yaml:11: unknown criterion group 'small-frm' (did you mean 'small-firm'?)"]


def test_one_spelling_for_citations_inside_a_program(mini):
    path = mini / "programs" / "sme-grant.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    closes: 2026-03-31\n", "    closes: 2026-03-31\n    sources: [test-note]\n"),
                    encoding="utf-8")
    shown = [str(e) for e in load_rules(mini).errors]
    assert shown == ["rules/programs/sme-grant.yaml:36: unknown key 'sources' (did you mean 'source'?)"]


def test_shipped_tracks_and_groups_are_written_once():
    pack = load_rules()
    assert not pack.errors
    for pid in ("shs-new-tech", "shs-regional-key-industry", "shs-regional-work-study", "shs-tailored-class"):
        program = pack.programs[pid]
        assert program.extends == "sme-specialized-hs"
        inherited = [c.id for c in criteria_of(program.eligibility) if c.origin == "program 'sme-specialized-hs'"]
        assert inherited == ["specialized_school", "other_vocational_school", "other_vocational_allowed",
                             "tailored_classes", "sme_training"]
    for pid in ("sme-ax", "smart-factory-depreciation"):
        size = [c for c in criteria_of(pack.programs[pid].eligibility) if c.origin == "criteria group 'sme-size'"]
        assert [c.id for c in size] == ["sme_not_group_controlled", "sme_related_sales", "sme_sales", "sme_assets", "sme_grace"]
        assert all(c.where.path.endswith("rules/criteria.yaml") for c in size)


def test_the_same_mistake_in_two_programs_is_told_in_each(rules_copy):
    """An expression written alike in several programs is worked out once per load; a mistake
    in it is still told in every file that has it, at that file's own line and column."""
    lines = {}
    for name in ("smart-factory", "ai-factory-leading"):
        path = rules_copy / "programs" / f"{name}.yaml"
        text = path.read_text(encoding="utf-8")
        assert text.count('expr: "is_manufacturer"') == 1
        path.write_text(text.replace('expr: "is_manufacturer"', 'expr:   "is_manufactrer"'), encoding="utf-8")
        lines[name] = next(i for i, line in enumerate(text.splitlines(), 1) if 'expr: "is_manufacturer"' in line)
    pack = load_rules(rules_copy, cache=None)
    told = [e for e in pack.errors if "is_manufactrer" in e.message.en]
    assert sorted((e.path, e.line, e.column) for e in told) == sorted(
        (f"rules/programs/{name}.yaml", line, 16) for name, line in lines.items())
    assert all("did you mean 'is_manufacturer'" in e.message.en for e in told)
    assert "smart-factory" not in pack.programs and "ai-factory-leading" not in pack.programs
    assert "ai-rapid-commercialization" in pack.programs
