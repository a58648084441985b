"""Korean money amounts, both ways: '1,230억', '3억 5천만' -> whole KRW, and KRW -> readable text.

Korean offices write large sums in 억 (10^8) and 만 (10^4); profile files and the wizard accept them
as written, and the views print them the same way (or in billions for English readers).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_BIG = {"조": 10**12, "억": 10**8, "만": 10**4}
_SMALL = {"천": 1000, "백": 100, "십": 10}
_TOKEN = r"(\d+(?:\.\d+)?)?([조억만천백십])?"


def parse_amount(value: object) -> int:
    """Whole KRW from an int or a text such as '1,230억', '5000만', '1.2억', '3억 5천만', '120000000'.

    Raises ValueError with a plain message for anything else (negative, fractions of a won, ...).
    """
    if isinstance(value, bool):
        raise ValueError("an amount must be a number of won, not yes/no")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise ValueError(f"{value} is not a whole number of won")
    if not isinstance(value, str):
        raise ValueError(f"an amount must be a number, not {type(value).__name__}")
    text = value.strip()
    if len(text) > 40:
        raise ValueError("the amount text is too long")
    compact = re.sub(r"[\s,_]", "", text)
    compact = re.sub(r"(원|KRW|krw|₩)$", "", compact)
    compact = re.sub(r"^(KRW|krw|₩)", "", compact)
    if not compact or not re.fullmatch(r"(\d+(\.\d+)?)?([조억만천백십](\d+(\.\d+)?)?)*[조억만천백십]?", compact):
        raise ValueError(f"'{text}' is not an amount (write e.g. 1230억, 5,000만, 1.2억 or 120000000)")
    total = Decimal(0)
    group = Decimal(0)
    for number, unit in re.findall(_TOKEN, compact):
        if not number and not unit:
            continue
        try:
            n = Decimal(number) if number else None
        except InvalidOperation:
            raise ValueError(f"'{text}' is not an amount") from None
        if unit in _SMALL:
            group += (n if n is not None else 1) * _SMALL[unit]
        elif unit in _BIG:
            group += n if n is not None else 0
            if group == 0:
                raise ValueError(f"'{text}' is not an amount (a number must come before {unit})")
            total += group * _BIG[unit]
            group = Decimal(0)
        else:
            group += n
    total += group
    if total != total.to_integral_value():
        raise ValueError(f"'{text}' is not a whole number of won")
    return int(total)


def _ko_amount(krw: int) -> str:
    sign = "-" if krw < 0 else ""
    n = abs(krw)
    if n < 10_000:
        return f"{sign}{n:,}원"
    parts = []
    for unit, size in (("조", 10**12), ("억", 10**8), ("만", 10**4)):
        q, n = divmod(n, size)
        if q:
            parts.append(f"{q:,}{unit}")
    if n:
        return sign + " ".join(parts + [f"{n:,}원"])
    return sign + " ".join(parts) + " 원"


def _en_amount(krw: int | float) -> str:
    sign = "-" if krw < 0 else ""
    n = abs(krw)
    for word, size in (("trillion", 10**12), ("billion", 10**9), ("million", 10**6)):
        if n >= size:
            figure = f"{n / size:,.2f}".rstrip("0").rstrip(".")  # 123 / 1.25, never '123.0'
            return f"{sign}KRW {figure} {word}"
    return f"{sign}KRW {n:,.0f}"


def format_amount(krw: int | float, lang: str = "ko") -> str:
    """'1,230억 원' / 'KRW 123 billion' ('KRW 1.25 billion' when not whole)."""
    if lang == "en":
        return _en_amount(krw)
    return _ko_amount(int(round(krw)))
