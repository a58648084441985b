"""`jiwon check --coverage` and `--mutate` on the small test rules: what the cases do not reach is
listed by file and line (exit 2); a state marked impossible, or a mutant marked equivalent, is
listed with its reason instead; a case at the limit kills the mutants that move the limit."""

import shutil
import textwrap
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.engine import load_rules
from desktop.engine.cases import case_files, run_case
from desktop.engine.coverage import coverage, mutation

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "engine" / "fixtures"


@pytest.fixture
def mini(tmp_path, monkeypatch):
    shutil.copytree(FIXTURES / "rules", tmp_path / "rules")
    shutil.copytree(FIXTURES / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "rules"


def case(rules: Path, name: str, text: str) -> None:
    (rules / "cases" / f"{name}.yaml").write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


def runs_of(rules: Path):
    pack = load_rules(rules)
    return pack, [run_case(pack, p) for p in case_files(rules)]


AT_THE_LIMIT = """
    applicant_type: company
    today: 2026-03-10
    answers:
      industry: C25
      in_big_group: false
      avg_sales_3y: 1200억
      founded: 2015-03-01
      tax_arrears: false
    expect:
      sme-grant: eligible
"""


def test_coverage_lists_what_no_case_reaches(mini, capsys):
    code = main(["check", "--rules", "rules", "--coverage", "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 2
    assert "rules/programs/sme-grant.yaml:15: criterion 'sales_limit' limit " \
           "'avg_sales_3y <= lookup('sme_sales_ceiling', industry)': no case makes it at" in out
    assert "rules/programs/sme-grant.yaml:11: criterion 'not_big_group': no case makes it not met" in out
    assert "rules/programs/sme-grant.yaml:27: exclusion 'tax_arrears': no case makes it fires" in out
    assert "no case reaches the deadline state 'closed'" in out
    assert "coverage: " in out and " missing, 0 marked impossible" in out


def test_a_case_at_the_limit_reaches_it(mini):
    pack, runs = runs_of(mini)
    before = [str(g) for g in coverage(pack, runs).missing]
    case(mini, "at-the-limit", AT_THE_LIMIT)
    pack, runs = runs_of(mini)
    after = [str(g) for g in coverage(pack, runs).missing]
    gone = set(before) - set(after)
    assert any("'sales_limit' limit" in g and "makes it at" in g for g in gone)
    assert len(after) < len(before)


def test_impossible_state_is_listed_with_its_reason(mini):
    path = mini / "programs" / "sme-grant.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        '      expr: "not in_big_group"\n',
        '      expr: "not in_big_group"\n      untestable: {unknown: every company knows whether it is in a group}\n'),
        encoding="utf-8")
    pack, runs = runs_of(mini)
    assert not pack.errors
    report = coverage(pack, runs)
    assert not any("'not_big_group': no case makes it unknown" in str(g) for g in report.missing)
    assert any(str(e).endswith("criterion 'not_big_group' is never unknown: every company knows whether it is in a group")
               for e in report.excused)


def test_mutants_no_case_notices_are_listed_and_a_limit_case_kills_them(mini):
    pack, runs = runs_of(mini)
    report = mutation(pack, runs)
    survivors = [str(s) for s in report.survivors]
    flip = ("rules/programs/sme-grant.yaml:17: criterion 'sales_limit': mutant "
            "avg_sales_3y <= lookup('sme_sales_ceiling', industry): '<=' → '<' survives: no case notices it (column 27)")
    assert flip in survivors
    assert any("'tax_arrears': mutant dropped survives" in s for s in survivors)
    assert report.total == report.killed + len(report.survivors)
    assert report.killed > 0  # dropping 'sales_limit' is noticed: the school case is not a company

    case(mini, "at-the-limit", AT_THE_LIMIT)
    pack, runs = runs_of(mini)
    assert flip not in [str(s) for s in mutation(pack, runs).survivors]


def test_equivalent_mutant_is_listed_with_its_reason(mini, capsys):
    path = mini / "programs" / "sme-grant.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        '          expr: "business_age <= 7"\n',
        '          expr: "business_age <= 7"\n          equivalent: {"\'<=\' → \'<\'": test reason}\n'), encoding="utf-8")
    code = main(["check", "--rules", "rules", "--mutate", "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 2
    assert ("(marked equivalent) rules/programs/sme-grant.yaml:25: criterion 'young': "
            "business_age <= 7: '<=' → '<' changes no outcome: test reason (column 31)") in out
    assert "criterion 'young': mutant business_age <= 7: '<=' → '<' survives" not in out
    assert "mutation: " in out and " 1 marked equivalent" in out


def test_a_mutant_names_its_line_and_column_and_shows_the_spot(mini, capsys):
    main(["check", "--rules", "rules", "--mutate", "--lang", "en"])
    out = capsys.readouterr().out
    assert ("rules/programs/job-support.yaml:11: criterion 'age_range': mutant age <= 69: 69 → 70 survives: "
            "no case notices it (column 27)\n"
            '  11 |       expr: "15 <= age <= 69"\n'
            "     |                           ^^\n") in out
    # each comparison of a chain is changed on its own, and says which one
    assert "mutant 15 <= age: '<=' → '<' survives" in out and "mutant age <= 69: '<=' → '<' survives" in out


def test_check_speaks_korean_by_default(mini, capsys):
    code = main(["check", "--rules", "rules", "--coverage", "--mutate"])
    out = capsys.readouterr().out
    assert code == 2
    assert "rules/programs/sme-grant.yaml:27: 제외 사유 'tax_arrears': 해당 상태로 만드는 사례가 없습니다" in out
    assert "요건 'young': 변이(business_age <= 7: 7 → 8)를 알아채는 사례가 없습니다 (열 34)" in out
    assert "적용 범위: " in out and "변이: " in out
    assert "no case" not in out and "survives" not in out


SALES_EXPR = """      expr: "avg_sales_3y <= lookup('sme_sales_ceiling', industry)"\n"""
FLIP = "avg_sales_3y <= lookup('sme_sales_ceiling', industry): '<=' → '<'"


def test_a_mark_that_is_not_true_is_reported(mini, capsys):
    """A state marked impossible that a case reaches, or a mutant marked equivalent that a case
    notices, is a mistake in the rule file: listed, exit 2."""
    path = mini / "programs" / "sme-grant.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('      expr: "not in_big_group"\n',
                        '      expr: "not in_big_group"\n      untestable: {met: wrongly marked}\n')
    text = text.replace(SALES_EXPR, SALES_EXPR + f'      equivalent: {{"{FLIP}": wrongly marked}}\n')
    path.write_text(text, encoding="utf-8")
    case(mini, "at-the-limit", AT_THE_LIMIT)
    pack, runs = runs_of(mini)
    assert not pack.errors
    assert any("criterion 'not_big_group' is marked never met, but a case makes it met: remove the mark" in str(g)
               for g in coverage(pack, runs).missing)
    report = mutation(pack, runs)
    assert [str(w) for w in report.wrong_marks] == [
        f"rules/programs/sme-grant.yaml:18: criterion 'sales_limit': mutant {FLIP} is marked equivalent, "
        "but a case notices it: remove the mark (column 27)"]
    assert main(["check", "--rules", "rules", "--mutate", "--lang", "en"]) == 2


def test_a_reason_may_be_written_in_both_languages(mini, capsys):
    path = mini / "programs" / "sme-grant.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        '      expr: "not in_big_group"\n',
        '      expr: "not in_big_group"\n'
        '      untestable:\n        unknown: {ko: 기업은 집단 소속을 압니다, en: a company knows its group}\n'),
        encoding="utf-8")
    main(["check", "--rules", "rules", "--coverage", "--lang", "en"])
    assert "criterion 'not_big_group' is never unknown: a company knows its group" in capsys.readouterr().out
    main(["check", "--rules", "rules", "--coverage", "--lang", "ko"])
    assert "요건 'not_big_group': 알 수 없음 상태가 될 수 없음 — 기업은 집단 소속을 압니다" in capsys.readouterr().out


def test_the_shipped_rules_are_fully_covered_and_every_mutant_is_noticed(capsys, monkeypatch):
    """The rules that ship: every criterion, limit, exclusion, round kind and deadline state reached
    by a case (or marked impossible with its reason), and every mutant noticed by a case (or marked
    equivalent with its reason). A new rule without cases fails here."""
    monkeypatch.chdir(REPO)
    code = main(["check", "--rules", "rules", "--coverage", "--mutate", "--lang", "en"])
    out = capsys.readouterr().out
    summary = [line for line in out.splitlines() if line.startswith(("coverage:", "mutation:"))]
    assert code == 0, out
    assert len(summary) == 2 and " 0 missing" in summary[0] and " 0 survive" in summary[1], summary
