"""What people who are not programmers write in a rule, told back as what to write instead.

Python's own parser would answer `a && b`, `x = 3` or `avg_sales_3y <= 1200억` with "invalid
syntax"; this scan runs first and finds every such slip in one go, each with its column, the text
as written and the form the rule language wants. Text in quotes is left alone (Korean text may
well contain full-width brackets).
"""

from __future__ import annotations

import re
import unicodedata

from desktop.engine.amounts import parse_amount
from desktop.engine.expr.errors import ExprError
from desktop.engine.model import Text

_QUOTES = {"“": '"', "”": '"', "‘": "'", "’": "'", "「": "'", "」": "'"}
_AMOUNT = re.compile(r"\d[\d,_.]*\s*(?:[조억만천]\s*[\d,_.]*\s*)+원?")


def _outside_quotes(text: str) -> list[tuple[int, str]]:
    """(index, character) for every character not inside a '...' or "..." literal."""
    out = []
    quote = None
    for i, ch in enumerate(text):
        if quote:
            if ch == quote:
                quote = None
            continue
        if ch in ("'", '"'):
            quote = ch
            continue
        out.append((i, ch))
    return out


def _whole_won(amount: int) -> str:
    return f"{amount:_}"


def clerk_slips(text: str, lead: int = 0) -> list[ExprError]:
    """Every slip found in `text` (the expression as written, `lead` spaces already cut off)."""
    found: list[ExprError] = []
    chars = _outside_quotes(text)
    plain = {i for i, _ in chars}

    def slip(i: int, length: int, message: Text, suggestion: Text, fix: str) -> None:
        found.append(ExprError(message, i + 1 + lead, text[i:i + length], suggestion, fix))

    skip: set[int] = set()
    parens: list[bool] = []  # True for the brackets of a call, where `name=value` is its own mistake
    for i, ch in chars:
        if i in skip:
            continue
        if ch == "(":
            before = text[:i].rstrip()
            parens.append(bool(before) and (before[-1].isalnum() or before[-1] == "_"))
        elif ch == ")" and parens:
            parens.pop()
        nxt = text[i + 1] if i + 1 < len(text) else ""
        prev = text[i - 1] if i > 0 else ""
        if ch == "&" and nxt == "&":
            slip(i, 2, Text("규칙 언어에 없는 기호: '&&'", "'&&' is not part of the rule language"),
                 Text("and (예: a and b)", "write 'and': a and b"), " and ")
            skip.add(i + 1)
        elif ch == "|" and nxt == "|":
            slip(i, 2, Text("규칙 언어에 없는 기호: '||'", "'||' is not part of the rule language"),
                 Text("or (예: a or b)", "write 'or': a or b"), " or ")
            skip.add(i + 1)
        elif ch == "!" and nxt != "=":
            slip(i, 1, Text("규칙 언어에 없는 기호: '!'", "'!' is not part of the rule language"),
                 Text("not (예: not a)", "write 'not': not a"), " not ")
        elif ch == "=" and nxt != "=" and prev not in "=!<>:" and not (parens and parens[-1]):
            slip(i, 1, Text("비교에 쓸 수 없는 기호: '=' (값을 정하는 기호입니다. 같은지 비교하는 기호: '==')",
                            "'=' sets a value; to compare, write '=='"),
                 Text("== (예: a == b)", "write '==': a == b"), "==")
        elif ch == "=" and nxt == "=":
            skip.add(i + 1)
        elif ch in _QUOTES:
            slip(i, 1, Text(f"인쇄용 따옴표: '{ch}'", f"'{ch}' is a typographic quote"),
                 Text(f"{_QUOTES[ch]} (자판의 보통 따옴표)", f"write {_QUOTES[ch]} (the plain quote on the keyboard)"),
                 _QUOTES[ch])
        elif ord(ch) > 127:
            plain_form = unicodedata.normalize("NFKC", ch)
            if plain_form != ch and plain_form.isascii():
                shown = Text("빈칸", "a space") if plain_form == " " else Text(f"'{plain_form}'", f"'{plain_form}'")
                slip(i, 1, Text(f"전각 문자: '{ch}'", f"'{ch}' is a full-width character"),
                     Text(f"{shown.ko} (자판을 반각으로 바꾸세요)",
                          f"write {shown.en} (switch the keyboard to half-width)"), plain_form)
    for m in re.finditer(r"\b(AND|OR|NOT|And|Or|Not)\b", text):
        if m.start() in plain:
            slip(m.start(), len(m.group()), Text(f"규칙 언어에 없는 말: '{m.group()}'",
                                                 f"'{m.group()}' is not part of the rule language"),
                 Text(f"{m.group().lower()} (소문자)", f"write '{m.group().lower()}' in small letters"),
                 m.group().lower())
    for m in _AMOUNT.finditer(text):
        if m.start() not in plain or not re.search(r"[조억만천]", m.group()):
            continue
        written = m.group().strip()
        try:
            amount = parse_amount(written)
        except ValueError:
            continue
        slip(m.start(), len(written), Text(f"한국식 금액 표기: '{written}' (규칙 언어는 원 단위 숫자로 셉니다)",
                                           f"'{written}' is a Korean amount; the rule language counts in whole won"),
             Text(f"{_whole_won(amount)}", f"write {_whole_won(amount)}"), _whole_won(amount))
    return found


def name_hint(name: str) -> tuple[Text, Text] | None:
    """(message, suggestion) for a name that is really something else, or None."""
    low = name.lower()
    if low in ("true", "false") and name not in ("True", "False"):
        right = "True" if low == "true" else "False"
        return (Text(f"이름이 아닌 말: '{name}' (참·거짓은 True, False로 씁니다)",
                     f"'{name}' is not a name; yes/no values are written {right}"),
                Text(f"{right} (첫 글자는 대문자)", f"write {right} (capital first letter)"))
    if low in ("null", "none", "nil", "undefined"):
        return (Text(f"규칙 언어에 없는 말: '{name}'", f"'{name}' is not part of the rule language"),
                Text("답이 있는지 보려면 known(x), 없는지 보려면 not known(x)",
                     "to test for an answer, write known(x) or not known(x)"))
    if low in ("and", "or", "not") and name != low:
        return (Text(f"이름이 아닌 말: '{name}'", f"'{name}' is not a name"),
                Text(f"{low} (소문자)", f"write '{low}' in small letters"))
    return None
