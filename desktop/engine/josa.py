"""Korean particles chosen by how the word before them is read: 이/가, 을/를, 은/는, 과/와, 으로/로.

A particle depends on whether the last syllable *as read aloud* ends in a consonant (받침), and
for 으로/로 on whether that consonant is ㄹ. Hangul is read from the syllable itself; a number is
read by its last non-zero digit or, after zeros, by its unit (10 십, 100 백, 1,000 천, 10,000 만,
10^8 억, 10^12 조); `%` is read 퍼센트; Latin letters by their Korean names (A 에이, L 엘, M 엠 ...).
A closing parenthesis is looked through: "특성화고(서울)" takes the particle of 특성화고.
"""

from __future__ import annotations

import re

# (has a final consonant, that consonant is ㄹ)
_NONE = (False, False)
_FINAL = (True, False)
_RIEUL = (True, True)

_DIGIT = {"0": _FINAL, "1": _RIEUL, "2": _NONE, "3": _FINAL, "4": _NONE, "5": _NONE,
          "6": _FINAL, "7": _RIEUL, "8": _RIEUL, "9": _NONE}
# trailing zeros -> the unit read last: 십, 백, 천, 만 ... 억 ... 조
_ZEROS = {1: _FINAL, 2: _FINAL, 3: _FINAL}
_LETTER = {
    "a": _NONE, "b": _NONE, "c": _NONE, "d": _NONE, "e": _NONE, "f": _NONE, "g": _NONE,
    "h": _NONE, "i": _NONE, "j": _NONE, "k": _NONE, "l": _RIEUL, "m": _FINAL, "n": _FINAL,
    "o": _NONE, "p": _NONE, "q": _NONE, "r": _RIEUL, "s": _NONE, "t": _NONE, "u": _NONE,
    "v": _NONE, "w": _NONE, "x": _NONE, "y": _NONE, "z": _NONE,
}
_SYMBOL = {"%": _NONE}  # 퍼센트

PAIRS = {
    "이": ("이", "가"), "가": ("이", "가"),
    "을": ("을", "를"), "를": ("을", "를"),
    "은": ("은", "는"), "는": ("은", "는"),
    "과": ("과", "와"), "와": ("과", "와"),
    "으로": ("으로", "로"), "로": ("으로", "로"),
    "이다": ("이다", "다"), "이나": ("이나", "나"),
}


def _number_sound(digits: str) -> tuple[bool, bool]:
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped)
    if not stripped:  # "0"
        return _FINAL
    if zeros == 0:
        return _DIGIT[stripped[-1]]
    if zeros in _ZEROS:
        return _ZEROS[zeros]
    # 4..11 zeros end in 만 or 억 (a final consonant); 12 and more in 조 (none)
    return _NONE if zeros >= 12 else _FINAL


def _sound(word: str) -> tuple[bool, bool]:
    text = word.rstrip()
    # look through a trailing parenthesis: the particle follows the word before it
    while text.endswith(")") and "(" in text:
        text = text[: text.rindex("(")].rstrip()
    text = text.rstrip(" '\"’”」』")
    if not text:
        return _NONE
    last = text[-1]
    if "가" <= last <= "힣":
        final = (ord(last) - 0xAC00) % 28
        return (final != 0, final == 8)
    if last in _SYMBOL:
        return _SYMBOL[last]
    if last.isdigit():
        m = re.search(r"[\d,]+(?:\.\d+)?$", text)
        run = m.group(0) if m else last
        if "." in run:  # a decimal is read digit by digit after the point
            return _DIGIT[run[-1]]
        return _number_sound(run.replace(",", ""))
    if last.lower() in _LETTER:
        return _LETTER[last.lower()]
    return _NONE


def has_final_consonant(word: str) -> bool:
    """Whether Korean reads `word` ending in a consonant."""
    return _sound(word)[0]


def particle(word: str, which: str) -> str:
    """The form of particle `which` (any form: "이" or "가", "으로" or "로" ...) after `word`."""
    with_final, without = PAIRS[which]
    final, rieul = _sound(word)
    if with_final == "으로":
        return "으로" if final and not rieul else "로"
    return with_final if final else without


def attach(word: str, which: str) -> str:
    """`word` followed by the right form of particle `which`: attach("80%", "이") == "80%가"."""
    return word + particle(word, which)
