"""Fixtures for the report tests: the real example cases, evaluated by the real engine.

Reports are built from the cases in rules/cases (one per applicant type) so the tests see what
users will see.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from readback import REPO

from desktop.engine import evaluate, load_profile
from desktop.engine.model import Assessment, Profile, RulePack

CASES = REPO / "rules" / "cases"


@dataclass
class Case:
    profile: Profile
    assessment: Assessment


def evaluate_case(pack: RulePack, profile: Profile) -> Assessment:
    return evaluate(pack, profile.answers, profile.today)


@pytest.fixture(scope="session")
def cases(pack) -> dict[str, Case]:
    found = {}
    for path in sorted(CASES.glob("*.yaml")):
        profile = load_profile(path, pack)
        found[path.stem] = Case(profile, evaluate_case(pack, profile))
    assert found, "no example cases in rules/cases"
    return found


def richest_case(cases: dict[str, Case], applicant_type: str) -> Case:
    """The case of this applicant type whose report shows the most: several outcomes, many
    eligible programs (ties broken by file name, so the choice is stable)."""
    of_type = [(name, c) for name, c in cases.items() if c.profile.applicant_type == applicant_type]
    assert of_type, f"no {applicant_type} case in rules/cases"

    def score(item):
        name, c = item
        statuses = {r.status for r in c.assessment.programs}
        eligible = sum(r.status == "eligible" for r in c.assessment.programs)
        return (-len(statuses), -eligible, name)

    return sorted(of_type, key=score)[0][1]


@pytest.fixture(scope="session")
def company(cases) -> Case:
    return richest_case(cases, "company")


@pytest.fixture(scope="session")
def school(cases) -> Case:
    return richest_case(cases, "school")


@pytest.fixture(scope="session")
def individual(cases) -> Case:
    return richest_case(cases, "individual")
