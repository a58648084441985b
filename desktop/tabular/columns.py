"""Which column answers which question: headers recognised in Korean or English.

A header matches a question when it is the question's id or its Korean or English label (compared
without case, spaces and punctuation, so "Average annual sales over the last 3 years" and
"average_sales…" style variations of the same words match). Three columns are not questions:
`name` (the client's name), `id` (a reference passed through) and `applicant_type`. A mapping the
user chose for a header before (`remembered`, header key -> target, "" for "leave out") wins over
the guess, so a list exported every month from the same system needs mapping once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Mapping, Sequence

from desktop.engine.model import RulePack, Text

NAME, ID, APPLICANT_TYPE = "name", "id", "applicant_type"
RESERVED = (NAME, ID, APPLICANT_TYPE)
#: No column says who is applying: neither a list nor a register can be read then.
NO_APPLICANT_TYPE_COLUMN = Text("신청자 유형(applicant_type) 열이 없습니다",
                                "there is no applicant type (applicant_type) column")

#: Header words for the columns that are not questions (and for applicant_type, besides its label).
_SYNONYMS = {
    NAME: ("name", "이름", "성명", "명칭", "고객명", "고객", "기업명", "업체명", "회사명", "상호",
           "학교명", "client", "client name", "company", "company name", "applicant"),
    ID: ("id", "번호", "관리번호", "고객번호", "사업자등록번호", "client id", "reference", "ref"),
    APPLICANT_TYPE: ("applicant_type", "applicant type", "신청자 유형", "신청자유형", "유형",
                     "구분", "type", "kind"),
}


def header_key(header: str) -> str:
    """A header as compared: NFKC, case-folded, without spaces, underscores and punctuation."""
    text = unicodedata.normalize("NFKC", header).casefold()
    return re.sub(r"[\s_\-·•.,:;?!'\"()\[\]{}/]+", "", text)


def column_letter(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA' (how spreadsheets name columns)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def known_headers(pack: RulePack) -> dict[str, str]:
    """header key -> target, for every way of naming a column the format knows."""
    found: dict[str, str] = {}
    for target, words in _SYNONYMS.items():
        for word in words:
            found.setdefault(header_key(word), target)
    for q in pack.questions.values():
        for text in (q.id, q.label.ko, q.label.en):
            found.setdefault(header_key(text), q.id)
    return found


@dataclass(frozen=True)
class ColumnMap:
    """Per column (in file order): its header and what it answers (None: left out)."""

    headers: tuple[str, ...]
    targets: tuple[str | None, ...]
    first_column: int = 0  # the sheet's first column (0 = A)

    def target(self, index: int) -> str | None:
        return self.targets[index]

    def letter(self, index: int) -> str:
        return column_letter(self.first_column + index)

    def with_target(self, index: int, target: str | None) -> "ColumnMap":
        targets = list(self.targets)
        targets[index] = target
        return replace(self, targets=tuple(targets))

    def index_of(self, target: str) -> int | None:
        return next((i for i, t in enumerate(self.targets) if t == target), None)

    def remembered(self) -> dict[str, str]:
        """header key -> target ("" for a column left out), to keep for the next file."""
        return {header_key(h): (t or "") for h, t in zip(self.headers, self.targets) if h}

    def problems(self, pack: RulePack) -> list[Text]:
        """What stops the whole file from being read: a question answered by two columns, no
        applicant type, no name or id, a target that is not a question. Empty when usable."""
        found: list[Text] = []
        seen: dict[str, int] = {}
        for index, target in enumerate(self.targets):
            if target is None:
                continue
            if target not in RESERVED and target not in pack.questions:
                found.append(Text(f"{self.letter(index)}열: 알 수 없는 질문 '{target}'",
                                  f"column {self.letter(index)}: unknown question '{target}'"))
                continue
            if target in seen:
                first = self.letter(seen[target])
                found.append(Text(
                    f"{first}열과 {self.letter(index)}열이 같은 항목 '{target}'에 해당합니다. "
                    "하나는 '가져오지 않음'으로 바꿔 주세요",
                    f"columns {first} and {self.letter(index)} both answer '{target}': set one "
                    "of them to 'leave out'"))
            else:
                seen[target] = index
        if APPLICANT_TYPE not in seen:
            found.append(NO_APPLICANT_TYPE_COLUMN)
        if NAME not in seen and ID not in seen:
            found.append(Text("이름(name) 또는 번호(id) 열이 없습니다",
                              "there is no name or id column"))
        return found


def guess_columns(pack: RulePack, headers: Sequence[str],
                  remembered: Mapping[str, str] | None = None, first_column: int = 0) -> ColumnMap:
    """The mapping for these headers: remembered choices first, then recognised headers. A
    header that matches nothing, or a target already taken by an earlier column, is left out."""
    known = known_headers(pack)
    remembered = remembered or {}
    targets: list[str | None] = []
    taken: set[str] = set()
    for header in headers:
        key = header_key(header)
        target: str | None
        if key and key in remembered:
            target = remembered[key] or None
            if target is not None and target not in RESERVED and target not in pack.questions:
                target = known.get(key)  # a question that is gone from the rules
        else:
            target = known.get(key) if key else None
        if target in taken:
            target = None
        if target is not None:
            taken.add(target)
        targets.append(target)
    return ColumnMap(headers=tuple(headers), targets=tuple(targets), first_column=first_column)
