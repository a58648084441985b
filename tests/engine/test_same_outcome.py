"""Programs whose outcome cannot differ between two rule packs (each read on its day) are named by
same_outcome, and for those programs any answers give the same status, failed criteria and open
questions under both. The re-check carries their stored result over on that promise; a program
whose only change is a table entry is carried over for the answers that never reach it."""

import datetime as dt
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.engine import evaluate, load_rules
from desktop.engine.model import APPLICANT_TYPES
from desktop.engine.same_outcome import carry_over, same_outcome_programs

from answer_strategies import ABSENT, _limits, partial_answers, value_strategy
from rule_edits import edit, move_c11_ceiling, rules_with_c11_moved

D = dt.date
DAYS = (D(2025, 6, 1), D(2026, 6, 1), D(2026, 12, 1))


@pytest.fixture(scope="module")
def updated(tmp_path_factory, rules_dir):
    """The shipped rules with one moved limit, one new round and one moved table entry."""
    root = tmp_path_factory.mktemp("updated")
    shutil.copytree(rules_dir, root / "rules")
    shutil.copytree(rules_dir.parent / "seeds", root / "seeds")
    edit(root / "rules" / "programs" / "ax-grad-school.yaml", "ax_grad_students >= 40", "ax_grad_students >= 30")
    edit(root / "rules" / "programs" / "sme-specialized-hs.yaml", "recurrence:\n", (
        '  - id: "2027"\n    kind: fixed\n    opens: 2027-01-12\n    closes: 2027-02-13\n'
        "    source: [mss-2025-01-specialized-hs-call#deadline-2025]\nrecurrence:\n"))
    move_c11_ceiling(root / "rules")
    new = load_rules(root / "rules")
    assert new.errors == ()
    return new


def test_changed_programs_are_never_called_the_same(pack, updated):
    same = same_outcome_programs(pack, D(2026, 12, 1), updated, D(2026, 12, 1))
    assert "ax-grad-school" not in same  # its limit moved
    assert "sme-specialized-hs" in same  # only a round was added: dates, not the outcome
    ceiling_readers = {"sme-ax", "smart-factory", "smart-factory-depreciation"}
    assert not ceiling_readers & same and ceiling_readers <= set(updated.programs)
    # The same rules on the same day: every program.
    assert same_outcome_programs(pack, D(2026, 12, 1), pack, D(2026, 12, 1)) == frozenset(pack.programs)
    # Another day: programs that read the day (ages, dated ceilings) are assessed again.
    other_day = same_outcome_programs(pack, D(2025, 6, 1), pack, D(2026, 12, 1))
    assert "nesp-type1" not in other_day and "sme-ax" not in other_day
    assert "ax-grad-school" in other_day


def _outcome(result):
    return result.status, result.failed, result.missing


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_programs_called_the_same_come_out_the_same(pack, updated, data):
    old_day = data.draw(st.sampled_from(DAYS))
    new_day = data.draw(st.sampled_from(DAYS))
    new_pack = data.draw(st.sampled_from((pack, updated)))
    applicant = data.draw(st.sampled_from(APPLICANT_TYPES))
    answers = data.draw(partial_answers(pack, applicant, _limits(pack)))
    same = same_outcome_programs(pack, old_day, new_pack, new_day)
    before = {r.id: _outcome(r) for r in evaluate(pack, answers, old_day).programs}
    after = {r.id: _outcome(r) for r in evaluate(new_pack, answers, new_day).programs}
    for pid in same:
        assert before[pid] == after[pid], (pid, old_day, new_day)


# ---------------------------------------------------------------- one moved table entry

CEILING_READERS = {"sme-ax", "smart-factory", "smart-factory-depreciation", "smart-factory-autonomous"}


@pytest.fixture(scope="module")
def one_entry(tmp_path_factory, rules_dir):
    """The shipped rules with one table entry moved: the SME sales ceiling of C11 (beverages),
    from 800억 to 900억."""
    return rules_with_c11_moved(rules_dir, tmp_path_factory.mktemp("one-entry"))


def _company(pack, industry, **more):
    answers = {"applicant_type": "company", "industry": industry, "avg_sales_3y": 50_000_000_000,
               "total_assets": 10_000_000_000, "in_disclosure_group": False, "owned_30pct_by_large": False,
               "related_group_exceeds": False, **more}
    assert set(answers) <= set(pack.questions)
    return answers


def test_a_moved_entry_is_carried_over_only_for_answers_that_never_reach_it(pack, one_entry):
    day = D(2026, 12, 1)
    carry = carry_over(pack, day, one_entry, day)
    assert CEILING_READERS <= set(carry.by_answer) and not CEILING_READERS & carry.same
    for c in carry.by_answer.values():
        assert c.keys == (("sme_sales_ceiling", "industry"),)
        assert {"industry", "avg_sales_3y"} <= c.answered  # the search tries sales around every ceiling
    assert carry.same == same_outcome_programs(pack, day, one_entry, day)
    assert set(carry.by_answer) | carry.same == set(one_entry.programs)
    # A metal maker (C25) and a maker of seats for railway vehicles (C31202, three entries reached)
    # never read the C11 row.
    assert CEILING_READERS <= carry.unchanged(_company(pack, "C25"))
    assert CEILING_READERS <= carry.unchanged(_company(pack, "C31202"))
    # A beverage maker reads it; an unanswered industry, "I don't know" or unknown sales are
    # tried against every ceiling: assessed again.
    for answers in (_company(pack, "C11"), _company(pack, "C1120"), _company(pack, None),
                    {k: v for k, v in _company(pack, "C25").items() if k != "industry"},
                    _company(pack, "C25", avg_sales_3y=None)):
        assert not CEILING_READERS & carry.unchanged(answers), answers
    # On another day the dated ceilings are read on another close of the year: assessed again.
    assert not carry_over(pack, D(2025, 6, 1), one_entry, day).by_answer
    # The same rules: nothing to carry by answer, everything the same.
    assert carry_over(pack, day, pack, day).same == frozenset(pack.programs)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                    HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_programs_carried_over_by_answer_come_out_as_a_full_assessment(pack, one_entry, data):
    """Differential: for generated profiles (some in the moved industry, some with it unanswered
    or "I don't know", sales near the old and new ceilings), every program `unchanged` names has
    the same status, failed criteria and open questions as assessing afresh."""
    old_day = data.draw(st.sampled_from(DAYS))
    new_day = data.draw(st.sampled_from((old_day, old_day, D(2026, 12, 1))))
    applicant = data.draw(st.sampled_from(("company", "company", "company", *APPLICANT_TYPES)))
    answers = data.draw(partial_answers(pack, applicant, _limits(pack)))
    if applicant == "company":
        industry = data.draw(st.one_of(st.just(ABSENT), st.none(), st.sampled_from(("C11", "C111", "C1120")),
                                       value_strategy(pack, pack.questions["industry"])))
        if industry is ABSENT:
            answers.pop("industry", None)
        else:
            answers["industry"] = industry
        sales = data.draw(st.one_of(st.just(ABSENT), st.sampled_from(
            [None] + [n + d for n in (80_000_000_000, 90_000_000_000, 120_000_000_000) for d in (-1, 0, 1)])))
        if sales is not ABSENT:
            answers["avg_sales_3y"] = sales
    carry = carry_over(pack, old_day, one_entry, new_day)
    unchanged = carry.unchanged(answers)
    assert carry.same <= unchanged
    industry = answers.get("industry")
    if industry is None or str(industry).startswith("C11"):
        assert not unchanged & set(carry.by_answer)
    before = {r.id: _outcome(r) for r in evaluate(pack, answers, old_day).programs}
    after = {r.id: _outcome(r) for r in evaluate(one_entry, answers, new_day).programs}
    for pid in unchanged:
        assert before[pid] == after[pid], (pid, old_day, new_day, answers)
