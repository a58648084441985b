"""Every example case in rules/cases is a test item of its own, named by its file."""

from pathlib import Path

import pytest

from desktop.engine.cases import case_files, run_case

RULES = Path(__file__).resolve().parents[2] / "rules"
CASES = case_files(RULES)


def test_there_are_cases():
    assert CASES


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_case(pack, case):
    outcome = run_case(pack, case)
    assert outcome.ok, "\n".join(str(e) for e in outcome.errors + outcome.mismatches)


def test_a_detailed_expectation_that_does_not_hold_is_reported_at_its_line(pack, tmp_path):
    case = tmp_path / "wrong-reason.yaml"
    case.write_text(
        (RULES / "cases" / "company-related-sales-exceed.yaml").read_text(encoding="utf-8")
        .replace("failed: [sme_related_sales]", "failed: [sme_not_group_controlled]", 1),
        encoding="utf-8",
    )
    outcome = run_case(pack, case)
    messages = [str(e) for e in outcome.mismatches]
    assert len(messages) == 1, messages
    line = case.read_text(encoding="utf-8").splitlines().index("  sme-ax:") + 1
    assert messages[0].startswith(f"{case}:{line}: program sme-ax: case expects failed to include sme_not_group_controlled")
    assert "sme_related_sales" in messages[0]


def test_unsettled_criteria_are_marked_in_the_result_and_its_json(pack):
    import datetime as dt

    from desktop.engine import evaluate

    answers = {"applicant_type": "company", "ai_plans": ("adopt_ai", "ai_factory"), "ai_factory_recommended": False}
    result = evaluate(pack, answers, dt.date(2026, 12, 1)).by_id("ai-factory-finance")
    assert result.status == "undetermined" and result.missing == ()
    marked = {c.id: c.unsettled for c in result.criteria}
    assert marked["insurance_terms"] is True and marked["motie_recommended"] is False
    row = next(c for c in result.to_dict("en")["criteria"] if c["id"] == "insurance_terms")
    assert (row["unsettled"], row["unsettled_text"], row["result"]) == (True, "The sources do not say", "unknown")
