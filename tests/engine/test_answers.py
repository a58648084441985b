"""Answers: types, ranges, options, KSIC codes, Korean amounts, and how values are shown."""

import datetime as dt

import pytest

from desktop.engine import AnswerError, coerce_answer, format_amount, format_value, parse_amount


@pytest.mark.parametrize(
    "text, krw",
    [
        ("1,230억", 123_000_000_000),
        ("5000만", 50_000_000),
        ("5,000만 원", 50_000_000),
        ("1.2억", 120_000_000),
        ("3억 5천만", 350_000_000),
        ("1조 2000억", 1_200_000_000_000),
        ("120000000", 120_000_000),
        (120_000_000, 120_000_000),
        ("₩30,000", 30_000),
    ],
)
def test_parse_amount(text, krw):
    assert parse_amount(text) == krw


@pytest.mark.parametrize("text", ["lots", "1.5", "-3억", "억", True, "1e9", "3억억억x"])
def test_parse_amount_refuses(text):
    with pytest.raises(ValueError):
        parse_amount(text)


def test_format_amount():
    assert format_amount(123_000_000_000) == "1,230억 원"
    assert format_amount(350_000_000) == "3억 5,000만 원"
    assert format_amount(12_345) == "1만 2,345원"
    assert format_amount(123_000_000_000, "en") == "KRW 123 billion"
    assert format_amount(3_000_000_000, "en") == "KRW 3 billion"
    assert format_amount(1_250_000_000, "en") == "KRW 1.25 billion"
    assert format_amount(600_000_000, "en") == "KRW 600 million"
    assert format_amount(950, "en") == "KRW 950"


def test_coerce_types(mini_pack):
    assert coerce_answer(mini_pack, "avg_sales_3y", "1,230억") == 123_000_000_000
    assert coerce_answer(mini_pack, "workers", "1,200") == 1200
    assert coerce_answer(mini_pack, "founded", "2015-03-01") == dt.date(2015, 3, 1)
    assert coerce_answer(mini_pack, "in_big_group", "아니요") is False
    assert coerce_answer(mini_pack, "track_interest", ["ai", "ai", "smart"]) == ("ai", "smart")
    assert coerce_answer(mini_pack, "industry", "c25123") == "C25123"
    assert coerce_answer(mini_pack, "tax_arrears", None) is None


@pytest.mark.parametrize(
    "qid, raw, words",
    [
        ("nope", 1, "unknown question 'nope'"),
        ("workers", -1, "below the minimum 0"),
        ("workers", "many", "expected a whole number"),
        ("workers", True, "expected a whole number"),
        ("avg_sales_3y", "lots", "is not an amount"),
        ("founded", "2025-02-30", "There is no such day as '2025-02-30'"),
        ("founded", "next spring", "'next spring' is not a date. You can write: 1968-03-15"),
        ("school_type", "specialised", "(did you mean 'specialized'?)"),
        ("track_interest", ["ai", "robots"], "'robots' is not one of the options"),
        ("industry", "C99", "there is no KSIC division 99"),
        ("industry", "spaceships", "No industry matches 'spaceships'. You can write: C25"),
        ("in_big_group", "maybe", "expected yes or no"),
    ],
)
def test_coerce_errors(mini_pack, qid, raw, words):
    with pytest.raises(AnswerError) as info:
        coerce_answer(mini_pack, qid, raw)
    assert words in info.value.message.en
    assert info.value.message.ko and info.value.question_id == qid


def test_format_value(mini_pack):
    q = mini_pack.questions
    assert format_value(q["in_big_group"], True, "ko") == "예"
    assert format_value(q["in_big_group"], False, "en") == "No"
    assert format_value(q["tax_arrears"], None, "ko") == "모름"
    assert format_value(q["tax_arrears"], None, "en") == "I don't know"
    assert format_value(q["school_type"], "meister", "ko") == "마이스터고"
    assert format_value(q["track_interest"], ("ai", "smart"), "en") == "AI, Smart manufacturing"
    assert format_value(q["avg_sales_3y"], 123_000_000_000, "ko") == "1,230억 원"
    assert format_value(q["workers"], 40, "ko") == "40명"
    assert format_value(q["workers"], 40, "en") == "40 people"
    assert format_value(q["founded"], dt.date(2015, 3, 1), "en") == "2015-03-01"
    assert format_value(q["industry"], "C25", "ko", mini_pack.industries) == "C25 금속가공제품 제조업"
