"""Korean particles after numbers, percentages, amounts, Latin letters and Hangul: a table."""

import pytest

from desktop.engine.josa import attach, particle
from desktop.engine.phrases import phrase

TABLE = [
    # word, 이/가, 을/를, 은/는, 으로/로
    ("80%", "가", "를", "는", "로"),
    ("60%", "가", "를", "는", "로"),
    ("1,200억 원", "이", "을", "은", "으로"),
    ("30억", "이", "을", "은", "으로"),
    ("12", "가", "를", "는", "로"),  # 십이
    ("10", "이", "을", "은", "으로"),  # 십
    ("100", "이", "을", "은", "으로"),  # 백
    ("1,000", "이", "을", "은", "으로"),  # 천
    ("10,000", "이", "을", "은", "으로"),  # 만
    ("1", "이", "을", "은", "로"),  # 일: ㄹ takes 로
    ("7", "이", "을", "은", "로"),
    ("8", "이", "을", "은", "로"),
    ("3", "이", "을", "은", "으로"),  # 삼
    ("6", "이", "을", "은", "으로"),  # 육
    ("0", "이", "을", "은", "으로"),  # 영
    ("2", "가", "를", "는", "로"),
    ("1.5", "가", "를", "는", "로"),  # 일 점 오
    ("1000000000000", "가", "를", "는", "로"),  # 조
    ("AI", "가", "를", "는", "로"),  # 에이아이
    ("KRW", "가", "를", "는", "로"),  # 더블유
    ("URL", "이", "을", "은", "로"),  # 엘
    ("ICM", "이", "을", "은", "으로"),  # 엠
    ("학교", "가", "를", "는", "로"),
    ("기업", "이", "을", "은", "으로"),
    ("서울", "이", "을", "은", "로"),
    ("특성화고(서울)", "가", "를", "는", "로"),
    ("34세", "가", "를", "는", "로"),
    ("42명", "이", "을", "은", "으로"),
]


@pytest.mark.parametrize("word,i,eul,eun,euro", TABLE)
def test_particle_table(word, i, eul, eun, euro):
    assert particle(word, "이") == i
    assert particle(word, "가") == i  # either form names the pair
    assert particle(word, "을") == eul
    assert particle(word, "은") == eun
    assert particle(word, "으로") == euro
    assert particle(word, "로") == euro


def test_attach():
    assert attach("80%", "이") == "80%가"
    assert attach("60%", "을") == "60%를"


def test_catalog_template_chooses_the_particle():
    t = phrase("near.over", label="가구 소득", value="80%", limit="60%", by="20%")
    assert t.ko == "가구 소득 80%가 한도 60%를 20% 초과"
    assert t.en == "가구 소득 80% is above the 60% limit by 20%"
