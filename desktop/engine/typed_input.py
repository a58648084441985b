"""Reading what people type for an answer: amounts, dates and industry codes, as they write them.

One home for it, so the wizard, profile files, the client-list import and `jiwon screen` accept
the same things: "3억 5천만" and "KRW 1.2 billion", "1968.03.15" and "1968년 3월 15일", "30320" for
C30320 or a word of the industry's name. Each reader returns the value or raises `InputError`,
whose `Text` says what was typed and which forms are accepted, in both languages.

Rule files are not read with these: their dates stay strictly YYYY-MM-DD (clock.parse_date).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Mapping

from desktop.engine.model import Industry, Text
from desktop.engine.problem import Problem

# ------------------------------------------------------------------ what each refusal offers

AMOUNT_EXAMPLES = Text("3억, 3억 5천만, 1,230억, 5000만, 120000000",
                       "300 million, KRW 1.2 billion, 1.2bn, 120,000,000 (or 3억)")
DATE_EXAMPLES = Text("1968-03-15, 1968.03.15, 1968/3/15, 19680315, 1968년 3월 15일",
                     "1968-03-15 (YYYY-MM-DD), 1968.03.15, 1968/3/15, 19680315")
INDUSTRY_EXAMPLES = Text("C25, 30320(C30320), 또는 업종 이름의 일부(예: 금속)",
                         "C25, 30320 (for C30320), or part of the name (e.g. metal)")


class InputError(Problem, ValueError):
    """Typed text that is not a value of its kind. `message` is a Text (ko/en)."""

    def __init__(self, message: Text):
        super().__init__(message)


def _shown(raw: object) -> str:
    text = str(raw)
    return text if len(text) <= 40 else text[:39] + "…"


# ------------------------------------------------------------------ amounts

_BIG = {"조": 10**12, "억": 10**8, "만": 10**4}
_SMALL = {"천": 1000, "백": 100, "십": 10}
_KO_TOKEN = r"(\d+(?:\.\d+)?)?([조억만천백십])?"
_KO_AMOUNT = r"(\d+(\.\d+)?)?([조억만천백십](\d+(\.\d+)?)?)*[조억만천백십]?"
_EN_SCALE = {
    "k": 10**3, "thousand": 10**3,
    "m": 10**6, "mn": 10**6, "mil": 10**6, "mio": 10**6, "million": 10**6, "millions": 10**6,
    "b": 10**9, "bn": 10**9, "billion": 10**9, "billions": 10**9,
    "t": 10**12, "tn": 10**12, "trillion": 10**12, "trillions": 10**12,
}
_EN_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*([a-z]+)?")
_CURRENCY = re.compile(r"^(krw|₩|won)\s*|\s*(krw|₩|won|원)$", re.IGNORECASE)


def _refuse_amount(raw: object, why_ko: str = "", why_en: str = "") -> InputError:
    shown = _shown(raw)
    return InputError(Text(
        f"금액으로 읽을 수 없습니다: '{shown}'{why_ko}. 이렇게 쓸 수 있습니다: {AMOUNT_EXAMPLES.ko}",
        f"'{shown}' is not an amount{why_en}. You can write: {AMOUNT_EXAMPLES.en}"))


def read_amount(raw: object) -> int:
    """Whole KRW from a number or a text in Korean units (억, 만, 천) or English ones (million,
    bn, k), with or without "KRW", "₩", "원" and thousands separators. Raises InputError."""
    if isinstance(raw, bool):
        raise _refuse_amount(raw)
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        if raw.is_integer():
            return int(raw)
        raise _refuse_amount(raw, " (원 단위 아래 소수)", " (not a whole number of won)")
    if not isinstance(raw, str):
        raise _refuse_amount(raw)
    text = raw.strip()
    if not text or len(text) > 40:
        raise _refuse_amount(raw)
    bare = _CURRENCY.sub("", text).strip()
    bare = _CURRENCY.sub("", bare).strip()  # "KRW 1.2 billion won" is still one amount
    compact = re.sub(r"[\s,_]", "", bare)
    if compact and re.fullmatch(_KO_AMOUNT, compact):
        total = _korean_total(compact, raw)
    else:
        total = _english_total(bare.replace(",", "").lower(), raw)
    if total != total.to_integral_value():
        raise _refuse_amount(raw, " (원 단위 아래 소수)", " (not a whole number of won)")
    return int(total)


def _korean_total(compact: str, raw: object) -> Decimal:
    total = Decimal(0)
    group = Decimal(0)
    for number, unit in re.findall(_KO_TOKEN, compact):
        if not number and not unit:
            continue
        try:
            n = Decimal(number) if number else None
        except InvalidOperation:
            raise _refuse_amount(raw) from None
        if unit in _SMALL:
            group += (n if n is not None else 1) * _SMALL[unit]
        elif unit in _BIG:
            group += n if n is not None else 0
            if group == 0:
                raise _refuse_amount(raw, f" ({unit} 앞에 숫자가 필요합니다)",
                                     f" (a number must come before {unit})")
            total += group * _BIG[unit]
            group = Decimal(0)
        else:
            group += n  # type: ignore[operator]
    return total + group


def _english_total(text: str, raw: object) -> Decimal:
    m = _EN_AMOUNT.fullmatch(text)
    if m is None or (m[2] is not None and m[2] not in _EN_SCALE):
        raise _refuse_amount(raw)
    return Decimal(m[1]) * _EN_SCALE.get(m[2] or "", 1)


# ------------------------------------------------------------------ dates

_DATE_FORMS = (
    re.compile(r"(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\.?"),  # 1968-03-15, 1968. 3. 15.
    re.compile(r"(\d{4})(\d{2})(\d{2})"),  # 19680315
    re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일?"),  # 1968년 3월 15일
)


def read_date(raw: object) -> dt.date:
    """A calendar date from the ways people write one. Raises InputError."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = raw.strip() if isinstance(raw, str) else ""
    for form in _DATE_FORMS:
        m = form.fullmatch(text)
        if m is None:
            continue
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            shown = _shown(raw)
            raise InputError(Text(
                f"없는 날짜입니다: '{shown}'. 이렇게 쓸 수 있습니다: {DATE_EXAMPLES.ko}",
                f"There is no such day as '{shown}'. You can write: {DATE_EXAMPLES.en}")) from None
    shown = _shown(raw)
    raise InputError(Text(
        f"날짜로 읽을 수 없습니다: '{shown}'. 이렇게 쓸 수 있습니다: {DATE_EXAMPLES.ko}",
        f"'{shown}' is not a date. You can write: {DATE_EXAMPLES.en}"))


# ------------------------------------------------------------------ industries

_LETTER_CODE = re.compile(r"([A-Za-z])\s*-?\s*(\d{2,5})")
_DIGITS = re.compile(r"\d{2,5}")


def find_industries(text: str, industries: Mapping[str, Industry]) -> list[str]:
    """Codes whose Korean or English name contains `text` (case and spacing ignored)."""
    needle = re.sub(r"\s+", "", text).casefold()
    if not needle:
        return []
    return [code for code, ind in industries.items()
            if needle in re.sub(r"\s+", "", ind.label.ko).casefold()
            or needle in ind.label.en.casefold().replace(" ", "")]


def read_industry(raw: object, industries: Mapping[str, Industry]) -> str:
    """A KSIC code ("C25", "C30320") from the code with or without its section letter, or from
    part of a division's name when only one division has it. Raises InputError.

    A finer code than the list holds is kept as typed (C30393), once its division is known.
    """
    text = raw.strip() if isinstance(raw, str) else ""
    m = _LETTER_CODE.fullmatch(text)
    if m:
        code = m[1].upper() + m[2]
    elif _DIGITS.fullmatch(text):
        sections = {c[0] for c in industries if c[1:3] == text[:2]}
        if len(sections) != 1:
            raise _unknown_industry(raw, text[:2])
        code = sections.pop() + text
    else:
        hits = find_industries(text, industries) if text else []
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            listed = ", ".join(hits[:6]) + (", …" if len(hits) > 6 else "")
            shown = _shown(raw)
            raise InputError(Text(
                f"'{shown}'에 맞는 업종이 {len(hits)}개입니다({listed}). 코드로 고르거나 이름을 더 "
                f"쓰세요.",
                f"{len(hits)} industries match '{shown}' ({listed}). Pick one by its code or type "
                f"more of the name."))
        shown = _shown(raw)
        raise InputError(Text(
            f"업종을 찾을 수 없습니다: '{shown}'. 이렇게 쓸 수 있습니다: {INDUSTRY_EXAMPLES.ko}",
            f"No industry matches '{shown}'. You can write: {INDUSTRY_EXAMPLES.en}"))
    if industries and code[:3] not in industries:
        raise _unknown_industry(raw, code[1:3])
    return code


def _unknown_industry(raw: object, division: str) -> InputError:
    shown = _shown(raw)
    return InputError(Text(
        f"'{shown}': 표준산업분류에 {division} 중분류가 없습니다. 이렇게 쓸 수 있습니다: "
        f"{INDUSTRY_EXAMPLES.ko}",
        f"'{shown}': there is no KSIC division {division}. You can write: "
        f"{INDUSTRY_EXAMPLES.en}"))
