"""The rule language refuses everything outside its whitelist, with a clear message and column."""

import re

import pytest

from desktop.engine.expr import ExprError

from exprkit import build


@pytest.mark.parametrize(
    "text, words, column",
    [
        ("n.real", "attribute access", 1),
        ("tags[0]", "subscripts", 1),
        ("__import__('os')", "unknown function '__import__'", 1),
        ("open('x')", "unknown function 'open'", 1),
        ("(lambda: 1)()", "only the rule language's functions can be called", 1),
        ("lambda: 1", "lambda is not allowed", 1),
        ("[x for x in tags]", "comprehensions are not allowed", 1),
        ("n > 1 and max([x for x in tags])", "comprehensions are not allowed", 15),
        ("2 ** 10", "'**' (power) is not allowed", 1),
        ("f'{n}'", "f-strings are not allowed", 1),
        ("(y := 3)", "':=' (assignment) is not allowed", 2),
        ("max(*tags)", "'*' unpacking is not allowed", 5),
        ("{'a': 1}", "dicts are not allowed", 1),
        ("n is None", "'is' is not allowed", 1),
        ("None", "None is not allowed", 1),
        ("n & 1", "'&' is not allowed", 1),
        ("10000000000000000000 > n", "number too large", 1),
        ("nn > 3", "unknown name 'nn' (did you mean 'n'?)", 1),
        ("n > 1 and colour == 'red'", "unknown name 'colour'", 11),
        ("date('2025-13-01') < d", "invalid date '2025-13-01'", 1),
        ("max(n, key=1)", "named arguments are not allowed", 1),
        ("has(tags)", "has() takes 2 arguments, got 1", 1),
        ("ch == 'blue'", "'blue' is not an option of 'ch'", 7),
        ("ch in ['red', 'gren']", "'gren' is not an option of 'ch' (did you mean 'green'?)", 15),
        ("has(tags, 'ia')", "'ia' is not an option of 'tags'", 11),
        ("n > 'three'", "compares a number ('n') with text ('\\'three\\'')", 1),
        ("d + 1 > 3", "'+' needs numbers", 1),
        ("1 / 0 > n", "can never have a value", 1),
        ("lookup(ceiling, ind)", "the first argument must be a table name in quotes", 8),
        ("lookup('ceil', ind)", "unknown table 'ceil' (did you mean 'ceiling'?)", 8),
        ("years_since(n) > 1", "years_since() needs a date here", 13),
        ("n >", "syntax error", None),
        ("", "the expression is empty", None),
        ("-s > 1", "'-' needs a number", 1),
        ("frob(n)", "unknown function 'frob'", 1),
        ("n > 1 if b", "syntax error", None),
        ("lookup('ceiling', ind, 3) > 1", "the day the table is read on, must be a date", 24),
        ("max(s, 1) > 1", "max() needs numbers or dates", 5),
        ("s < b", "compares text", 1),
        ("b < c", "'<', '>' and the like need numbers, dates or text", 1),
        ("n in 3", "'in' needs a list or text on its right", 1),
        ("(1, 2)", "tuples are not allowed", 1),
        ("n @ 2 > 1", "'@' is not allowed", 1),
    ],
)
def test_refused_with_message_and_column(text, words, column):
    with pytest.raises(ExprError) as info:
        build(text)
    err = info.value
    assert words.replace("\\'", "'") in err.words()
    if column is not None:
        assert err.column == column
    for one in err.each():  # each refusal is said in Korean too, with its particles chosen
        korean = one.words("ko")
        assert re.search("[가-힣]", korean) and korean != one.words("en"), korean
        assert not re.search(r"\((으|이|을|를|은|는|과|와)\)", korean), korean
        assert "did you mean" not in korean


def test_column_counts_characters_not_bytes():
    # Korean text is three bytes a character in UTF-8; the column must count characters.
    with pytest.raises(ExprError) as info:
        build("s == '한글' and zz")
    assert info.value.column == len("s == '한글' and ") + 1


def test_too_long():
    with pytest.raises(ExprError) as info:
        build("n + " * 2500 + "1")
    assert "limit is 2000" in info.value.words()


def test_ten_thousand_characters():
    with pytest.raises(ExprError) as info:
        build("n" * 10_000)
    assert "10000 characters long" in info.value.words()


@pytest.mark.parametrize("text", ["not " * 60 + "b", "(" * 60 + "n" + ")" * 60 + " > 1 and " + "-" * 50 + "n > 1", "1 + " * 45 + "n > 0"])
def test_deep_nesting(text):
    with pytest.raises(ExprError) as info:
        build(text)
    assert "nested too deeply" in info.value.words() or "syntax error" in info.value.words()


def test_deep_nesting_without_python_recursion_error():
    # Hundreds of parentheses stop at Python's parser, still as our own error.
    with pytest.raises(ExprError):
        build("(" * 500 + "n" + ")" * 500)


def test_non_text_expression():
    with pytest.raises(ExprError) as info:
        build(42)
    assert "must be text" in info.value.words()


def test_names_are_known_without_evaluating():
    expr = build("n > 1 and (b or has(tags, 'ai')) and years_since(d) >= 3")
    assert expr.names == frozenset({"n", "b", "tags", "d"})
    assert expr.uses_today


def test_constant_parts_are_folded():
    expr = build("n > 1000 * 1000")
    (spec,) = expr.near
    assert (spec.name, spec.op, spec.limit(None)) == ("n", ">", 1_000_000)


def test_near_miss_shapes():
    assert [(s.name, s.op) for s in build("3 <= n").near] == [("n", ">=")]
    assert [(s.name, s.op) for s in build("15 <= n < 70").near] == [("n", ">="), ("n", "<")]
    assert build("n <= n + 1").near == ()
    assert build("b == c").near == ()
    assert build("s < 'x'").near == ()


def test_a_test_that_is_not_yes_or_no_is_refused_in_both_languages():
    from desktop.engine.expr import build_expr

    from exprkit import names

    with pytest.raises(ExprError) as info:
        build_expr("n + 1", names(), test=True)
    err = info.value
    assert "'n + 1' is a number, not a yes/no test" in err.words("en")
    assert "'n + 1'의 값은 숫자입니다" in err.words("ko")
    assert "기준과 비교하세요" in err.render("ko") and "compare it with a limit" in err.render("en")
