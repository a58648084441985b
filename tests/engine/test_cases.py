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
