"""Three-valued logic and the functions, as the rule files rely on them."""

import datetime as dt

import pytest

from desktop.engine.expr import UNKNOWN

from exprkit import TODAY, ev


def test_false_and_unknown_is_false():
    assert ev("b and c", b=False) is False
    assert ev("c and b", b=False) is False


def test_true_or_unknown_is_true():
    assert ev("b or c", b=True) is True
    assert ev("c or b", b=True) is True


def test_true_and_unknown_is_unknown():
    assert ev("b and c", b=True) is UNKNOWN
    assert ev("b or c", b=False) is UNKNOWN


def test_dont_know_is_unknown():
    assert ev("b", b=None) is UNKNOWN
    assert ev("not b", b=None) is UNKNOWN


def test_comparisons_and_arithmetic_with_unknown():
    assert ev("n > 3") is UNKNOWN
    assert ev("n + 1 > 3") is UNKNOWN
    assert ev("n * 0 == 0") is UNKNOWN  # no algebra on unknowns: honest, not clever


def test_chained_comparison():
    assert ev("15 <= n <= 69", n=40) is True
    assert ev("15 <= n <= 69", n=70) is False
    assert ev("15 <= n <= 69") is UNKNOWN


def test_if_expression():
    assert ev("'a' if b else 'b'", b=True) == "a"
    assert ev("'a' if b else 'b'", b=False) == "b"
    assert ev("'a' if b else 'b'") is UNKNOWN
    assert ev("'same' if b else 'same'") == "same"  # both branches agree: decided


def test_known_is_never_unknown():
    assert ev("known(n)") is False
    assert ev("known(n)", n=3) is True
    assert ev("known(n)", n=None) is False


def test_membership():
    assert ev("ch in ['red', 'green']", ch="red") is True
    assert ev("ch not in ['red']", ch="green") is True
    assert ev("ch in ['red']") is UNKNOWN
    assert ev("'ai' in tags", tags=("ai", "bio")) is True
    assert ev("has(tags, 'smart')", tags=("ai",)) is False
    assert ev("has_any(tags, ['smart', 'bio'])", tags=("bio",)) is True
    assert ev("count(tags) >= 2", tags=("ai", "bio")) is True


def test_type_errors_at_run_time_are_unknown():
    # A bad answer of the wrong type (e.g. from an old profile) must not crash nor decide.
    assert ev("n > 3", n="many") is UNKNOWN
    assert ev("n + 1 > 3", n="x") is UNKNOWN
    assert ev("years_since(d) > 1", d="yesterday") is UNKNOWN
    assert ev("count(tags) > 1", tags=5) is UNKNOWN
    assert ev("b and n > 1", b=True, n=[1, 2]) is UNKNOWN
    assert ev("n == 3", n="3") is UNKNOWN


def test_division_by_zero_at_run_time_is_unknown():
    assert ev("10 / n > 1", n=0) is UNKNOWN


def test_dates():
    assert ev("years_since(d)", d=dt.date(2020, 3, 2)) == 6
    assert ev("years_since(d)", d=dt.date(2020, 3, 3)) == 5
    assert ev("days_since(d)", d=TODAY - dt.timedelta(days=60)) == 60
    assert ev("years_between(d, e)", d=dt.date(2000, 2, 29), e=dt.date(2001, 2, 28)) == 0
    assert ev("days_between(d, e)", d=dt.date(2026, 1, 1), e=dt.date(2026, 2, 1)) == 31
    assert ev("d >= date('2025-07-11')", d=dt.date(2025, 7, 11)) is True
    assert ev("today == date('2026-03-02')") is True


def test_min_max_abs():
    assert ev("min(n, 5)", n=3) == 3
    assert ev("max(n, 5)", n=3) == 5
    assert ev("max(n, 5)") is UNKNOWN
    assert ev("abs(n - 10)", n=3) == 7


def test_lookup_prefix_longest_wins():
    assert ev("lookup('ceiling', ind)", ind="C25391") == 3
    assert ev("lookup('ceiling', ind)", ind="C25") == 2
    assert ev("lookup('ceiling', ind)", ind="C10") == 1
    assert ev("lookup('ceiling', ind)", ind="J58") is UNKNOWN  # no entry, no default
    assert ev("lookup('ceiling', ind)") is UNKNOWN


def test_lookup_exact_and_default():
    assert ev("lookup('exact', s)", s="a") == "x"
    assert ev("lookup('exact', s)", s="q") == "z"


def test_definitions_are_memoised():
    calls = []

    class Counting(dict):
        pass

    from desktop.engine.scope import Scope

    from exprkit import build

    inner = build("n * 2")
    original = inner.fn

    def counting(scope):
        calls.append(1)
        return original(scope)

    inner.fn = counting
    outer = build("dbl + dbl + dbl > 1", {"dbl": "number"})
    scope = Scope({"n": 2}, {"dbl": inner}, TODAY)
    assert outer(scope) is True
    assert len(calls) == 1


@pytest.mark.parametrize("value", [True, False])
def test_not(value):
    assert ev("not b", b=value) is (not value)
