"""Programs whose outcome cannot differ between two rule packs (each read on its day) are named by
same_outcome, and for those programs any answers give the same status, failed criteria and open
questions under both. The re-check carries their stored result over on that promise."""

import datetime as dt
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.engine import evaluate, load_rules
from desktop.engine.model import APPLICANT_TYPES
from desktop.engine.same_outcome import same_outcome_programs

from answer_strategies import _limits, partial_answers

D = dt.date
DAYS = (D(2025, 6, 1), D(2026, 6, 1), D(2026, 12, 1))


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


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
    edit(root / "rules" / "definitions.yaml", "      C11: 80_000_000_000\n", "      C11: 90_000_000_000\n")
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
