"""How close a missed limit must be to count as a near miss.

A 72-year-old is not "almost" within a 34-year limit: a miss counts only inside a band around
the limit — by default 10% of the limit for amounts and counts, 2 years for ages and years in
business. A criterion may set its own band (`near_within:` in the rule file): a number in the
limit's unit ("3" years, "50000000" won) or a share of the limit ("15%").
"""

from __future__ import annotations

DEFAULT_SHARE = 0.10
DEFAULT_YEARS = 2.0
YEAR_UNITS = ("years", "year")


def parse_band(raw: object) -> tuple[str, float] | None:
    """('share', 0.15) for "15%", ('absolute', 3.0) for 3; None when `raw` is neither."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)) and raw >= 0:
        return ("absolute", float(raw))
    if isinstance(raw, str):
        text = raw.strip()
        try:
            if text.endswith("%"):
                share = float(text[:-1]) / 100
                return ("share", share) if share >= 0 else None
            value = float(text)
        except ValueError:
            return None
        return ("absolute", value) if value >= 0 else None
    return None


def band_width(limit: float, unit: str | None, band: tuple[str, float] | None = None) -> float:
    """The largest miss still called near for this limit."""
    if band is not None:
        kind, size = band
        return abs(limit) * size if kind == "share" else size
    if unit in YEAR_UNITS:
        return DEFAULT_YEARS
    return abs(limit) * DEFAULT_SHARE


def is_near(by: float, limit: float, unit: str | None, band: tuple[str, float] | None = None) -> bool:
    return 0 < by <= band_width(limit, unit, band)
