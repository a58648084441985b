"""What clerks write, told back in their words: every slip of an expression at once, each with its
column, the text as written and what to write instead."""

import pytest

from desktop.engine.expr import ExprError
from tests.engine.exprkit import build


def slips(text: str) -> list[tuple[int, str, str, str]]:
    with pytest.raises(ExprError) as info:
        build(text)
    return [(e.column, e.text, e.words(), e._words(e.suggestion, "en")) for e in info.value.each()]


@pytest.mark.parametrize(
    "text, column, offending, words, hint",
    [
        ("b == true", 6, "true", "yes/no values are written True", "write True"),
        ("b == FALSE", 6, "FALSE", "yes/no values are written False", "write False"),
        ("b && c", 3, "&&", "'&&' is not part of the rule language", "write 'and'"),
        ("b || c", 3, "||", "'||'", "write 'or'"),
        ("!b", 1, "!", "'!'", "write 'not'"),
        ("n = 3", 3, "=", "to compare, write '=='", "write '=='"),
        ("m <= 1200억", 6, "1200억", "a Korean amount", "write 120_000_000_000"),
        ("m < 3억 5천만", 5, "3억 5천만", "a Korean amount", "write 350_000_000"),
        ("n ＞ 3", 3, "＞", "full-width character", "write '>'"),
        ("n > ３", 5, "３", "full-width character", "write '3'"),
        ("ch == “red”", 7, "“", "typographic quote", 'write "'),
        ("b AND c", 3, "AND", "'AND'", "write 'and' in small letters"),
        ("nn > 3", 1, "nn", "unknown name 'nn' (did you mean 'n'?)", "write n"),
        ("ch == 'gren'", 7, "'gren'", "not an option of 'ch' (did you mean 'green'?)", "write 'green'"),
        ("ch == 'smart'", 7, "'smart'", "'smart' is an option of 'tags', not of 'ch'", "compare tags with 'smart'"),
        ("x == null", 6, "null", "'null' is not part of the rule language", "known(x)"),
    ],
)
def test_hint(text, column, offending, words, hint):
    found = slips(text)
    assert any(
        c == column and t == offending and words in m and hint in h for c, t, m, h in found
    ), found


def test_every_slip_of_one_expression_at_once():
    found = slips("b && c || !b")
    assert [(c, t) for c, t, _m, _h in found] == [(3, "&&"), (8, "||"), (11, "!")]


def test_every_misspelt_name_at_once():
    found = slips("nn > 3 and bb and ch == 'gren'")
    assert [t for _c, t, _m, _h in found] == ["nn", "bb", "'gren'"]


def test_text_in_quotes_is_left_alone():
    # full-width brackets and '=' inside a quoted text are the text, not a slip
    assert build("s == '（주）지원=1'")
    assert build("s != 'a'") and build("n >= 3 and n <= 5")


def test_named_argument_keeps_its_own_message():
    found = slips("has(tags, value='ai')")
    assert found[0][2] == "has(): named arguments are not allowed"


@pytest.mark.parametrize(
    "text, expected",
    [
        # a misspelt name after and before a slip: both told at their columns in the text as written
        ("nn > 1 && bb", [(1, "nn"), (8, "&&"), (11, "bb")]),
        ("!bb || m <= 1200억 and ch == 'gren'", [(1, "!"), (2, "bb"), (5, "||"), (13, "1200억"), (29, "'gren'")]),
        ("n = 3 and nn", [(3, "="), (11, "nn")]),
        ("n ＞ 3 AND b == true", [(3, "＞"), (7, "AND"), (16, "true")]),
    ],
)
def test_the_rest_of_an_expression_is_read_past_its_slips(text, expected):
    assert [(c, t) for c, t, _m, _h in slips(text)] == expected


def test_slips_alone_are_told_once_each():
    # mended, the rest is sound: nothing more than the slips themselves
    assert [(c, t) for c, t, _m, _h in slips("b && n >= 3억")] == [(3, "&&"), (11, "3억")]
