"""Korean money amounts, both ways: '1,230억', '3억 5천만' -> whole KRW, and KRW -> readable text.

Korean offices write large sums in 억 (10^8) and 만 (10^4); profile files and the wizard accept them
as written, and the views print them the same way (or in billions for English readers).
"""

from __future__ import annotations


def parse_amount(value: object) -> int:
    """Whole KRW from an int or a text such as '1,230억', '3억 5천만', 'KRW 1.2 billion', '1.2bn'.

    Raises ValueError (typed_input.InputError, with a bilingual message) for anything else; the
    reading itself lives in typed_input, with the other things people type.
    """
    from desktop.engine.typed_input import read_amount  # typed_input reads the model, which reads this

    return read_amount(value)


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
