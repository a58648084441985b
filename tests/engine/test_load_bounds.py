"""Rule files that would make evaluation slow, unbounded or wrong are refused at load, each with
its `path:line`: numbers that grow past the size every rule keeps to, criteria that are not
yes/no tests, table values and benefit amounts that do not fit, `applies_if` cycles and
questions that can never be asked. Each test breaks a copy of the shipped rules."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.engine import evaluate, load_rules
from desktop.engine.expr import UNKNOWN, Names, build_expr

REPO = Path(__file__).resolve().parents[2]
SQUARE = "  - id: {id}\n    label: {{ko: 제곱, en: Square}}\n    expr: \"{expr}\"\n"


@pytest.fixture
def rules(rules_copy) -> Path:
    return rules_copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def shown(pack) -> list[str]:
    return [str(e) for e in pack.errors]


def test_shipped_rules_load_and_check_passes(capsys):
    pack = load_rules(REPO / "rules")
    assert pack.errors == ()
    assert main(["check", "--rules", str(REPO / "rules")]) == 0
    assert "문제 0건" in capsys.readouterr().out


# ---------------------------------------------------------------- sizes of numbers


def test_definitions_that_square_each_other_are_refused_where_they_grow_too_large(rules):
    defs = rules / "definitions.yaml"
    chain = [SQUARE.format(id="sq0", expr="avg_sales_3y")]
    chain += [SQUARE.format(id=f"sq{i}", expr=f"sq{i - 1} * sq{i - 1}") for i in range(1, 19)]
    defs.write_text(defs.read_text(encoding="utf-8") + "\n" + "".join(chain), encoding="utf-8")

    pack = load_rules(rules)

    line = line_of(defs, '"sq2 * sq2"')
    assert shown(pack)[0] == (f"rules/definitions.yaml:{line}: definition 'sq3': 'sq2 * sq2' can reach "
                              "a number of 113 digits; a rule's numbers stay below 60 digits (column 12)")
    assert "^^^^^^^^^" in pack.errors[0].render()
    assert {"sq0", "sq1", "sq2"} <= set(pack.definitions)
    assert not {f"sq{i}" for i in range(3, 19)} & set(pack.definitions)
    assert all(f"definition 'sq{i}' uses 'sq{i - 1}', which could not be loaded" in s
               for i, s in zip(range(4, 19), shown(pack)[1:]))
    assert len(pack.errors) == 16
    assert len(pack.programs) == 24


def test_a_product_of_questions_without_a_max_is_refused_with_a_hint(rules):
    edit(rules / "questions.yaml", "    max: 1000000\n", "")  # full_time_workers
    program = rules / "programs" / "sme-ax.yaml"
    text = program.read_text(encoding="utf-8")
    first = re.search(r'expr: "([^"]+)"', text)
    edit(program, first.group(0), 'expr: "full_time_workers * full_time_workers * 3 > 10"')

    pack = load_rules(rules)

    assert "sme-ax" not in pack.programs
    (error,) = [e for e in pack.errors if e.path == "rules/programs/sme-ax.yaml"]
    assert "'full_time_workers * full_time_workers' can reach a number of 81 digits" in str(error)
    assert error.suggestion.en == "give question 'full_time_workers' a min and a max"
    assert "질문 'full_time_workers'의 min, max 값을 정하세요" in error.render("ko")


def test_a_long_product_within_one_expression_is_refused_at_its_column(rules):
    program = rules / "programs" / "sme-ax.yaml"
    text = program.read_text(encoding="utf-8")
    first = re.search(r'expr: "([^"]+)"', text)
    product = " * ".join(["avg_sales_3y"] * 6)
    edit(program, first.group(0), f'expr: "{product} > 1"')

    pack = load_rules(rules)

    (error,) = [e for e in pack.errors if e.path == "rules/programs/sme-ax.yaml"]
    # told at the first product past the size: five factors of at most 15 digits each
    assert "'avg_sales_3y * avg_sales_3y * avg_sales_3y * avg_sales_3y * avg_sales_3y' can reach a number " \
           "of 71 digits" in str(error)
    assert error.line == line_of(program, product)


def test_a_number_from_outside_the_rules_past_the_size_is_unknown(pack):
    names = Names(pack.questions, {d.id: d.expr.kind for d in pack.definitions.values()}, pack.tables)
    expr = build_expr("full_time_workers + 1 > 0", names, test=True)
    from desktop.engine.scope import Scope

    small = Scope({"full_time_workers": 10**30}, {}, dt.date(2026, 6, 1))
    huge = Scope({"full_time_workers": 10**70}, {}, dt.date(2026, 6, 1))
    assert expr(small) is True
    assert expr(huge) is UNKNOWN


def test_nesting_and_length_limits_hold_in_real_files(rules):
    program = rules / "programs" / "smart-factory.yaml"
    first, second = re.findall(r'expr: "[^"]+"', program.read_text(encoding="utf-8"))[:2]
    edit(program, first, 'expr: "' + "abs(" * 45 + "full_time_workers" + ")" * 45 + ' > 1"')
    listed = "[" + ", ".join(["1"] * 800) + "]"
    edit(program, second, f'expr: "full_time_workers in {listed}"')

    pack = load_rules(rules)

    messages = [str(e) for e in pack.errors if e.path == "rules/programs/smart-factory.yaml"]
    assert any("nested too deeply (limit 40)" in m for m in messages), messages
    assert any("characters long; the limit is 2000" in m for m in messages), messages
    assert "smart-factory" not in pack.programs


# ---------------------------------------------------------------- types


@pytest.mark.parametrize("written, kind", [("12", "a number"), ("'yes'", "text"),
                                           ("sme_sales_limit", "a number"), ("founding_date", "a date")])
def test_a_criterion_that_is_not_a_yes_no_test_is_refused(rules, written, kind):
    program = rules / "programs" / "sme-ax.yaml"
    text = program.read_text(encoding="utf-8")
    first = re.search(r'expr: "([^"]+)"', text)
    edit(program, first.group(0), f'expr: "{written}"')

    pack = load_rules(rules)

    assert "sme-ax" not in pack.programs
    (error,) = [e for e in pack.errors if e.path == "rules/programs/sme-ax.yaml"]
    assert f"'{written}' is {kind}, not a yes/no test" in str(error)
    assert error.line == line_of(program, f'expr: "{written}"')


def test_applies_if_must_be_a_yes_no_test(rules):
    questions = rules / "questions.yaml"
    edit(questions, 'applies_if: "in_disclosure_group"', 'applies_if: "full_time_workers"')
    pack = load_rules(rules)
    line = line_of(questions, 'applies_if: "full_time_workers"')
    assert any(s.startswith(f"rules/questions.yaml:{line}: ") and "is a number, not a yes/no test" in s
               for s in shown(pack)), shown(pack)


@pytest.mark.parametrize("value, why", [
    ("lots", "'lots' is not an amount in whole won"),
    ("true", "true is not an amount in whole won"),
    ("-5", "-5 is below 0"),
    (".inf", "inf is not a finite number"),
    (".nan", "nan is not a finite number"),
    ("1.5e3", "1500.0 is not an amount in whole won"),
    ("1" + "0" * 20, "is above 10,000,000,000,000,000"),
])
def test_a_sales_ceiling_that_is_not_an_amount_is_refused(rules, value, why):
    defs = rules / "definitions.yaml"
    edit(defs, "        - {value: 100_000_000_000, valid_to: 2025-08-31, source: [law-sme-framework-decree-2015#ceiling-1000]}\n"
               "        - {value: 120_000_000_000, valid_from: 2025-09-01, source: [law-sme-framework-decree-2025#ceiling-1200]}\n"
               "      C11:",
         f"        - {{value: {value}, valid_to: 2025-08-31, source: [law-sme-framework-decree-2015#ceiling-1000]}}\n"
         "        - {value: 120_000_000_000, valid_from: 2025-09-01, source: [law-sme-framework-decree-2025#ceiling-1200]}\n"
         "      C11:")

    pack = load_rules(rules)

    line = line_of(defs, f"{{value: {value}, valid_to")
    assert any(s.startswith(f"rules/definitions.yaml:{line}: table 'sme_sales_ceiling' (amount): ")
               and why in s for s in shown(pack)), shown(pack)
    assert "sme_sales_ceiling" not in pack.tables


def test_a_table_without_a_type_holds_one_kind_of_value(rules):
    defs = rules / "definitions.yaml"
    edit(defs, "    type: int\n", "")
    text = defs.read_text(encoding="utf-8")
    start = text.index("  micro_worker_limit:")
    entry = list(re.compile(r"(\n      [A-Z]\w*: )(\d[\d_]*)").finditer(text, start))[1]  # the second
    defs.write_text(text[:entry.start(2)] + "many" + text[entry.end(2):], encoding="utf-8")

    pack = load_rules(rules)

    assert "micro_worker_limit" not in pack.tables
    assert any("table 'micro_worker_limit': 'many' is not a number, unlike its first value; give the "
               "table a type" in s for s in shown(pack)), shown(pack)


@pytest.mark.parametrize("amount, why", [("1.5e300", "1.5e+300 is not an amount in whole won"),
                                         ("1" + "0" * 30, "a number of 31 digits is above")])
def test_a_benefit_amount_out_of_range_is_refused(rules, amount, why):
    program = rules / "programs" / "sme-ax.yaml"
    text = program.read_text(encoding="utf-8")
    old = re.search(r"amount: [\d_]+", text)
    assert old, "sme-ax has a benefit amount"
    edit(program, old.group(0), f"amount: {amount}")

    pack = load_rules(rules)

    assert "sme-ax" not in pack.programs
    line = line_of(program, f"amount: {amount}")
    assert any(s.startswith(f"rules/programs/sme-ax.yaml:{line}: benefit amount: ") and why in s
               for s in shown(pack)), shown(pack)


# ---------------------------------------------------------------- questions that are never asked


def test_an_applies_if_cycle_through_two_questions_is_refused(rules):
    questions = rules / "questions.yaml"
    edit(questions, "  - id: in_disclosure_group\n", "  - id: in_disclosure_group\n    applies_if: \"in_restricted_group\"\n")

    pack = load_rules(rules)

    line = line_of(questions, 'applies_if: "in_restricted_group"')
    assert (f"rules/questions.yaml:{line}: question 'in_disclosure_group' applies_if: a cycle "
            "(in_disclosure_group -> in_restricted_group -> in_disclosure_group); none of these questions "
            "is ever asked") in shown(pack)
    assert any(f"question 'in_restricted_group' applies_if: a cycle" in s for s in shown(pack))
    assert not {"in_disclosure_group", "in_restricted_group"} & set(pack.questions)


def test_an_applies_if_that_reads_the_question_through_a_definition_is_refused(rules):
    questions = rules / "questions.yaml"
    edit(questions, "  - id: industry\n", "  - id: industry\n    applies_if: \"is_manufacturer\"\n")

    pack = load_rules(rules)

    line = line_of(questions, 'applies_if: "is_manufacturer"')
    assert (f"rules/questions.yaml:{line}: question 'industry' applies_if: a cycle (industry -> industry "
            "(through definition 'is_manufacturer')); none of these questions is ever asked") in shown(pack)
    assert "industry" not in pack.questions


def test_a_question_whose_applies_if_reads_only_other_applicants_questions_is_refused(rules):
    questions = rules / "questions.yaml"
    text = questions.read_text(encoding="utf-8")
    first = text.index('applies_if: "is_high_school"')
    questions.write_text(text[:first] + 'applies_if: "avg_sales_3y > 0"'
                         + text[first + len('applies_if: "is_high_school"'):], encoding="utf-8")

    pack = load_rules(rules)

    line = line_of(questions, 'applies_if: "avg_sales_3y > 0"')
    assert (f"rules/questions.yaml:{line}: question 'tailored_class_plan' can never be asked: applies_if "
            "'avg_sales_3y > 0' is not true for any of its applicants (it reads 'avg_sales_3y', which is "
            "never asked to school)") in shown(pack)
    assert "tailored_class_plan" not in pack.questions


def test_a_question_that_rests_on_a_cycle_is_never_asked_either(rules):
    questions = rules / "questions.yaml"
    edit(questions, "  - id: owned_30pct_by_large\n",
         "  - id: owned_30pct_by_large\n    applies_if: \"owned_30pct_by_giant\"\n")

    pack = load_rules(rules)

    messages = [s for s in shown(pack) if s.startswith("rules/questions.yaml:")]
    assert any("question 'owned_30pct_by_large' applies_if: a cycle" in m for m in messages), messages
    assert any("question 'owned_30pct_by_giant' applies_if: a cycle" in m for m in messages), messages
    assert not {"owned_30pct_by_large", "owned_30pct_by_giant"} & set(pack.questions)


def test_an_always_false_applies_if_is_refused(rules):
    questions = rules / "questions.yaml"
    edit(questions, 'applies_if: "in_disclosure_group"', 'applies_if: "1 > 2"')
    pack = load_rules(rules)
    assert any("question 'in_restricted_group' can never be asked" in s and "it is never true" in s
               for s in shown(pack)), shown(pack)


def test_check_refuses_a_cycle_with_exit_1_and_its_line(rules, capsys):
    questions = rules / "questions.yaml"
    edit(questions, "  - id: in_disclosure_group\n", "  - id: in_disclosure_group\n    applies_if: \"in_restricted_group\"\n")
    code = main(["check", "--rules", "rules"])
    out = capsys.readouterr()
    assert code == 2
    line = line_of(questions, 'applies_if: "in_restricted_group"')
    assert f"rules/questions.yaml:{line}: 질문 'in_disclosure_group' applies_if: 조건이 돌고 돕니다" in out.out + out.err
    assert main(["check", "--rules", "rules", "--lang", "en"]) == 2
    out = capsys.readouterr()
    assert f"rules/questions.yaml:{line}: question 'in_disclosure_group' applies_if: a cycle" in out.out + out.err


def test_an_applicant_is_still_assessed_with_the_rest_of_the_rules(rules):
    questions = rules / "questions.yaml"
    edit(questions, "  - id: in_disclosure_group\n", "  - id: in_disclosure_group\n    applies_if: \"in_restricted_group\"\n")
    pack = load_rules(rules)
    result = evaluate(pack, {"applicant_type": "individual"}, dt.date(2026, 6, 1))
    assert len(result.programs) == len(pack.programs)


def test_a_file_is_read_whole_when_it_says_less_than_it_holds(tmp_path):
    """A file is read as far as its size says, and on past it when there is more (a file that grew
    since, or one of the kernel's, whose size reads 0), up to the limit and no further."""
    from desktop.engine.yamlsrc import MAX_BYTES, YamlProblem, read_limited

    status = Path("/proc/self/status")
    assert status.stat().st_size == 0
    assert read_limited(status).startswith(b"Name:") and b"\nVmRSS:" in read_limited(status)
    small = tmp_path / "small.yaml"
    small.write_bytes(b"id: x\n")
    assert read_limited(small) == b"id: x\n"
    exact = tmp_path / "exact.yaml"
    exact.write_bytes(b"#" * MAX_BYTES)
    assert len(read_limited(exact)) == MAX_BYTES
    exact.write_bytes(b"#" * (MAX_BYTES + 1))
    with pytest.raises(YamlProblem):
        read_limited(exact)
