"""What a value written in a rule file must be for its type: table entries and defaults, benefit
amounts. Checked at load, so a ceiling of `lots`, `-5` or `.nan`, or a benefit of `1.5e300`,
is a `path:line: message` instead of a limit no applicant can meet or a figure in the PDF.

A table says the type of its values (`type: amount | int | number | text | bool`, optionally
`min`/`max`); a table that does not say must hold one kind of value throughout.
"""

from __future__ import annotations

import math
from typing import Any

from desktop.engine.josa import attach
from desktop.engine.text import Text

AMOUNT_MAX = 10**16  # 1경 원: far above any Korean program's figure, short of nonsense
INT_MAX = 10**18  # the literals of an expression are kept to the same size

TABLE_TYPES = ("amount", "int", "number", "text", "bool")

_WORDS = {
    "amount": Text("원 단위 정수 금액", "an amount in whole won"),
    "int": Text("정수", "a whole number"),
    "number": Text("숫자", "a number"),
    "text": Text("글자", "a text"),
    "bool": Text("true/false 값", "true or false"),
}


def _not(value: Any, kind: str) -> Text:
    return Text(f"{_shown(value, 'ko')}: {attach(_WORDS[kind].ko, '이')} 아닙니다", f"{_shown(value)} is not {_WORDS[kind].en}")


def type_of(value: Any) -> str:
    """The table type a single value reads as, for a table that does not declare one."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    return "text"


def value_problem(value: Any, kind: str, low: Any = None, high: Any = None) -> Text | None:
    """Why `value` does not fit `kind` (and the inclusive `low`..`high`), or None when it fits."""
    if kind == "text":
        return None if isinstance(value, str) else _not(value, kind)
    if kind == "bool":
        return None if isinstance(value, bool) else _not(value, kind)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return _not(value, kind)
    if isinstance(value, float) and not math.isfinite(value):
        return Text(f"{_shown(value, 'ko')}: 유한한 숫자가 아닙니다", f"{_shown(value)} is not a finite number")
    if kind in ("amount", "int") and not isinstance(value, int):
        return _not(value, kind)
    if kind == "amount":
        low = 0 if low is None else max(low, 0)
        high = AMOUNT_MAX if high is None else min(high, AMOUNT_MAX)
    else:
        high = INT_MAX if high is None else high
        low = -INT_MAX if low is None else low
    if value < low:
        return Text(f"{_shown(value, 'ko')}: 하한 {_shown(low)}보다 작습니다", f"{_shown(value)} is below {_shown(low)}")
    if value > high:
        return Text(f"{_shown(value, 'ko')}: 상한 {_shown(high)}보다 큽니다", f"{_shown(value)} is above {_shown(high)}")
    return None


def _shown(value: Any, lang: str = "en") -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if abs(value) < 10**24:
            return f"{value:,}"
        digits = len(str(abs(value)))
        return f"{digits}자리 수" if lang == "ko" else f"a number of {digits} digits"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return repr(value[:40])
    return type(value).__name__
