"""What people type for amounts, dates and industries, read the same everywhere (engine only)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.engine import load_rules
from desktop.engine.typed_input import (InputError, find_industries, read_amount, read_date,
                                        read_industry)


@pytest.fixture(scope="module")
def industries():
    return load_rules().industries


@pytest.mark.parametrize("text, krw", [
    ("3억", 300_000_000),
    ("3억 5천만", 350_000_000),
    ("3억5천만원", 350_000_000),
    ("1,230억", 123_000_000_000),
    ("1.2억", 120_000_000),
    ("5000만", 50_000_000),
    ("5,000만 원", 50_000_000),
    ("2조 3000억", 2_300_000_000_000),
    ("₩120,000,000", 120_000_000),
    ("120000000", 120_000_000),
    ("300 million", 300_000_000),
    ("KRW 1.2 billion", 1_200_000_000),
    ("1.2bn", 1_200_000_000),
    ("1.2 BN", 1_200_000_000),
    ("krw 300m", 300_000_000),
    ("450k", 450_000),
    ("2 trillion won", 2_000_000_000_000),
    (1_500, 1_500),
    (2.0, 2),
])
def test_amounts_as_people_write_them(text, krw):
    assert read_amount(text) == krw


@pytest.mark.parametrize("text", ["약 삼백", "lots", "1.2 zillion", "3억억", "", "1.5", "억",
                                  True, "1,2,3 million dollars"])
def test_what_is_not_an_amount_says_what_is_accepted(text):
    with pytest.raises(InputError) as info:
        read_amount(text)
    assert "3억 5천만" in info.value.message.ko
    assert "300 million" in info.value.message.en and "1.2bn" in info.value.message.en


@pytest.mark.parametrize("text", ["1968-03-15", "1968.03.15", "1968/3/15", "19680315",
                                  "1968년 3월 15일", "1968년3월15일", "1968. 3. 15.", " 1968-3-15 "])
def test_dates_as_people_write_them(text):
    assert read_date(text) == dt.date(1968, 3, 15)


@pytest.mark.parametrize("text, kind", [("1968-02-30", "no such day"), ("19681315", "no such day"),
                                        ("next spring", "is not a date"),
                                        ("15/03/1968", "is not a date")])
def test_what_is_not_a_date_says_what_is_accepted(text, kind):
    with pytest.raises(InputError) as info:
        read_date(text)
    assert kind in info.value.message.en
    assert "1968-03-15" in info.value.message.en and "1968.03.15" in info.value.message.en
    assert "1968년 3월 15일" in info.value.message.ko


@pytest.mark.parametrize("text, code", [
    ("C25", "C25"), ("c25", "C25"), ("C30320", "C30320"), ("30320", "C30320"),
    ("25", "C25"), ("C 25", "C25"), ("62", "J62"), ("47", "G47"),
    ("금속가공", "C25"), ("fabricated metal", "C25"), ("Fabricated Metal", "C25"),
])
def test_industry_by_code_with_or_without_its_letter_or_by_name(text, code, industries):
    assert read_industry(text, industries) == code


def test_industry_names_that_match_several_are_listed(industries):
    with pytest.raises(InputError) as info:
        read_industry("금속", industries)
    assert "C25" in info.value.message.ko and "C24" in info.value.message.ko
    assert "match" in info.value.message.en
    assert set(find_industries("금속", industries)) >= {"C24", "C25"}


@pytest.mark.parametrize("text", ["C99", "99123", "Z1", "spaceships", ""])
def test_unknown_industries_say_what_is_accepted(text, industries):
    with pytest.raises(InputError) as info:
        read_industry(text, industries)
    assert "30320" in info.value.message.ko and "30320" in info.value.message.en
