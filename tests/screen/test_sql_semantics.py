"""Where SQL and the rule language part ways, each compiled on purpose and checked on DuckDB
against the reference engine's own compiled expression, answer by answer.

Each test takes one expression and a grid of answers (unknowns included), evaluates it with the
reference engine (`build_expr`) and with the compiled SQL over a real DuckDB table of the same
answers, and asks for the same value everywhere (unknown = NULL).
"""

from __future__ import annotations

import ast
import datetime as dt
import itertools
from types import SimpleNamespace as NS

import pytest

from desktop.engine.expr import UNKNOWN, Names, build_expr
from desktop.engine.expr.parse import parse
from desktop.engine.scope import Scope
from desktop.engine.sql.expr import Compiler, NotCompilable, Scope as SqlScope

duckdb = pytest.importorskip("duckdb")
from desktop.screen import duck  # noqa: E402

TODAY = dt.date(2026, 3, 1)
BIG = 10**15

QUESTIONS = {
    "a": NS(id="a", type="int", options=(), min=-1000, max=1000),
    "b": NS(id="b", type="int", options=(), min=-1000, max=1000),
    "big": NS(id="big", type="amount", options=(), min=0, max=BIG),
    "huge": NS(id="huge", type="amount", options=(), min=0, max=10**18),
    "p": NS(id="p", type="bool", options=()),
    "d": NS(id="d", type="date", options=()),
    "e": NS(id="e", type="date", options=()),
    "s": NS(id="s", type="text", options=()),
    "ch": NS(id="ch", type="choice", options=(NS(value="red"), NS(value="green"))),
    "tags": NS(id="tags", type="multi", options=(NS(value="ai"), NS(value="smart"))),
}
TABLES = {"ceiling": NS(match="prefix", entries={"C": 1, "C25": 2, "C2539": 3}, default=None)}


def reference(text: str):
    return build_expr(text, Names(QUESTIONS, {}, TABLES))


def compiled(text: str) -> str:
    tree, _ = parse(text)
    scope = SqlScope(QUESTIONS, dict(TABLES), TODAY)
    return Compiler(scope).value(tree).sql


def grid(**values):
    """Every combination of the given answers; None stands for unknown."""
    keys = list(values)
    for combo in itertools.product(*(values[k] for k in keys)):
        yield {k: v for k, v in zip(keys, combo) if v is not None}


def agree(text: str, rows: list[dict]) -> list:
    """Evaluate on both engines; assert they agree row by row; return the values."""
    expr = reference(text)
    con = duck.connect(memory_limit="256MB", threads=1)
    duck.load_answers(con, NS(questions=QUESTIONS), rows)
    got = [r[0] for r in con.execute(f"SELECT {compiled(text)} FROM answers ORDER BY row").fetchall()]
    out = []
    for answers, sql_value in zip(rows, got):
        want = expr(Scope(answers, {}, TODAY))
        want = None if want is UNKNOWN else want
        assert sql_value == want and type(sql_value) is type(want) or (
            isinstance(want, float) and sql_value == want
        ), f"{text} with {answers}: SQL gives {sql_value!r}, the reference {want!r}"
        out.append(want)
    return out


def test_a_condition_that_is_unknown_does_not_take_the_else_branch():
    rows = list(grid(p=[True, False, None], a=[1, 2, None]))
    values = agree("a if p else 2", rows)
    # p unknown: known only when both branches agree (a == 2)
    assert values[rows.index({"a": 2})] == 2 and values[rows.index({"a": 1})] is None
    agree("(5 if p else 5) == 5", rows)
    agree("'x' if p else 'y'", rows)


def test_min_and_max_of_an_unknown_are_unknown_where_least_and_greatest_skip_it():
    rows = list(grid(a=[-3, 0, 7, None], b=[5, None]))
    assert None in agree("min(a, b)", rows)
    agree("max(a, b, 4)", rows)
    agree("min([3, 1, 2]) + a", rows)
    agree("max(d, e)", list(grid(d=[dt.date(2020, 1, 1), None], e=[dt.date(2021, 1, 1), None])))


@pytest.mark.parametrize("text", ["a // b", "a % b", "(a + 1000) // 7", "-a % 3"])
def test_floor_division_and_modulo_of_negatives_follow_the_language_not_sql(text):
    values = agree(text, list(grid(a=[-7, -6, -1, 0, 1, 6, 7, None], b=[-3, -2, 2, 3, None])))
    assert values  # the grid was evaluated


def test_division_by_zero_is_unknown():
    rows = list(grid(a=[-4, 0, 4, None], b=[0, 2, -3, None]))
    values = agree("a / b", rows)
    assert values[rows.index({"a": 4, "b": 0})] is None  # DuckDB alone would say inf
    agree("a // b", rows)
    agree("a % b", rows)
    agree("a / b > 1", rows)


def test_whole_years_between_dates_across_29_february():
    leap = dt.date(2000, 2, 29)
    days = [dt.date(2001, 2, 28), dt.date(2001, 3, 1), dt.date(2004, 2, 28), dt.date(2004, 2, 29),
            dt.date(1999, 3, 1), dt.date(2026, 3, 1), None]
    rows = list(grid(d=[leap, dt.date(2000, 3, 1), dt.date(2000, 2, 28), None], e=days))
    values = agree("years_between(d, e)", rows)
    assert values[rows.index({"d": leap, "e": dt.date(2001, 2, 28)})] == 0
    assert values[rows.index({"d": leap, "e": dt.date(2001, 3, 1)})] == 1
    agree("days_between(d, e)", rows)
    agree("years_since(d) >= 26", rows)  # today is 2026-03-01
    agree("days_since(e) < 0", rows)


def test_membership_in_a_list_holding_an_unknown():
    rows = list(grid(a=[1, 2, 3, None], b=[2, None]))
    values = agree("a in [1, b]", rows)
    assert values[rows.index({"a": 1})] is True  # found: the unknown does not matter
    assert values[rows.index({"a": 3})] is None  # not found, but b might be 3
    agree("a not in [1, b]", rows)
    assert agree("a in []", rows) == [False] * len(rows)  # nothing is in an empty list
    agree("ch in ['red']", list(grid(ch=["red", "green", None])))
    tag_rows = list(grid(tags=[(), ("ai",), ("ai", "smart"), None], s=["ai", "bio", None]))
    agree("'ai' in tags", tag_rows)
    agree("s in tags", tag_rows)
    agree("has(tags, s)", tag_rows)
    agree("has_any(tags, ['smart'])", tag_rows)
    agree("count(tags) >= 1", tag_rows)


def test_no_implicit_casts_between_text_numbers_and_dates():
    text_rows = list(grid(s=["10", "9", "", "abc", None]))
    agree("s < '9'", text_rows)  # text order: '10' < '9', as in the language
    agree("s", text_rows)  # the truth of a text: non-empty
    agree("'b' in s", text_rows)
    num_rows = list(grid(a=[1, 2, 3, None]))
    agree("a == 2.0", num_rows)  # a whole number equals the same fraction
    agree("a < 2.5", num_rows)
    agree("a / 2 == 1.5", num_rows)
    agree("a", num_rows)  # the truth of a number: non-zero
    date_rows = list(grid(d=[dt.date(2025, 9, 1), dt.date(2025, 8, 31), None]))
    agree("d >= date('2025-09-01')", date_rows)
    agree("d", date_rows)
    agree("lookup('ceiling', s) > 1", list(grid(s=["C25", "C2539", "C1", "D", None])))


def test_integer_arithmetic_stays_exact_at_the_sizes_the_rules_allow():
    rows = list(grid(big=[0, 1, BIG - 1, BIG, None]))
    values = agree("big * 1000 + 999", rows)  # up to 10**18 + 999: beyond a double's 2**53
    assert values[rows.index({"big": BIG})] == BIG * 1000 + 999
    agree(f"big * 9 > {9 * BIG - 1}", rows)
    agree(f"big - {10**18} < 0", rows)
    agree("abs(big - BIG_HALF)".replace("BIG_HALF", str(BIG // 2)), rows)


@pytest.mark.parametrize(
    "text",
    [
        "big * big > 1",  # 10**30: beyond 64 bits
        "huge * 10 > 1",  # 10**19: beyond 64 bits
        "huge / 3 > 1",  # beyond 2**53: a double would round the dividend
        "huge < 1.5",  # an integer beyond 2**53 against a fraction
    ],
)
def test_what_sql_cannot_give_exactly_is_not_compiled(text):
    with pytest.raises(NotCompilable):
        compiled(text)


def test_what_sql_cannot_give_exactly_is_left_to_the_reference_engine(pack):
    from desktop.engine.sql import compile_pack

    for p in compile_pack(pack, TODAY).programs:
        if p.reference_only:  # today every real rule compiles; a broken one would be named
            pytest.fail(f"{p.program.id}: {p.reason}")


def test_lookup_of_an_unknown_key_is_unknown_not_the_default():
    exact = NS(match="exact", entries={"red": 1}, default=9)
    TABLES["by_colour"] = exact
    try:
        rows = list(grid(ch=["red", "green", None]))
        values = agree("lookup('by_colour', ch)", rows)
        assert values == [1, 9, None]
    finally:
        del TABLES["by_colour"]


def test_chained_comparisons_and_three_valued_logic():
    rows = list(grid(a=[-1, 0, 5, 10, 11, None], p=[True, False, None]))
    agree("0 <= a <= 10", rows)
    agree("p and a > 3", rows)
    agree("p or a > 3", rows)
    agree("not (p or a > 3)", rows)
    agree("known(a) and not known(p)", rows)


def test_every_form_the_rules_use_compiles(pack):
    """The real rule files use only forms with an SQL spelling (else their programs would fall
    back to the reference engine for every row)."""
    from desktop.engine.sql import compile_pack

    compiled_pack = compile_pack(pack, TODAY)
    assert not compiled_pack.skipped_definitions
    kinds = {type(n).__name__ for p in compiled_pack.programs for leaf in p.leaves if leaf.tree
             for n in ast.walk(leaf.tree)}
    assert {"Compare", "BoolOp", "Call"} <= kinds


def test_a_program_whose_list_would_not_fit_a_64_bit_mask_goes_to_the_reference_engine(pack):
    """The failed criteria are a mask with a bit per criterion (and one for the audience): a
    program of 64 criteria and more is not compiled, and its rows are settled by the reference
    engine, so nothing overflows silently."""
    import dataclasses

    from desktop.engine.model import criteria_of
    from desktop.engine.sql import compile_pack

    pid = "smart-factory"
    program = pack.programs[pid]
    first = next(criteria_of(program.eligibility))

    def with_exclusions(n):
        extra = tuple(dataclasses.replace(first, id=f"{first.id}-{i}") for i in range(n))
        programs = dict(pack.programs)
        programs[pid] = dataclasses.replace(program, exclusions=extra)
        return compile_pack(dataclasses.replace(pack, programs=programs), TODAY, [pid]).programs[0]

    leaves = len(list(criteria_of(program.eligibility)))
    fits = with_exclusions(62 - leaves)  # 62 criteria and the audience: 63 bits
    assert not fits.reference_only
    assert len(fits.lists[f"{pid}.failed"]) == 63
    assert "BIGINT" in fits.columns[f"{pid}#mask"]
    too_many = with_exclusions(63 - leaves)
    assert too_many.reference_only and "63" in too_many.reason
