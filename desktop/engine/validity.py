"""When a rule is in force: `valid_from` / `valid_to` on table entries, definitions, criteria and
benefits, and the checks that keep dated versions of one value from overlapping or leaving holes.

Both ends are inclusive dates (the first and the last day in force); a missing end is open. A rule
without either is always in force.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from desktop.engine.expr.functions import parse_date
from desktop.engine.text import Text, led, not_a_date


@dataclass(frozen=True)
class Validity:
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def holds(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    @property
    def always(self) -> bool:
        return self.valid_from is None and self.valid_to is None

    def words(self) -> Text:
        """The stretch of days in both languages: '2026-01-01 ~ 2026-06-30' / 'from …'."""
        if self.valid_from and self.valid_to:
            return Text(f"{self.valid_from} ~ {self.valid_to}", self.text())
        if self.valid_from:
            return Text(f"{self.valid_from}부터", self.text())
        if self.valid_to:
            return Text(f"{self.valid_to}까지", self.text())
        return Text("늘", self.text())

    def text(self) -> str:
        if self.valid_from and self.valid_to:
            return f"{self.valid_from} to {self.valid_to}"
        if self.valid_from:
            return f"from {self.valid_from}"
        if self.valid_to:
            return f"until {self.valid_to}"
        return "always"

    def to_dict(self) -> dict[str, str | None]:
        return {
            "valid_from": self.valid_from.isoformat() if self.valid_from else None,
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
        }


ALWAYS = Validity()
DATED_KEYS = ("valid_from", "valid_to")


def read_validity(raw: Any, report: Callable[[str, Text], None]) -> Validity | None:
    """The validity written on a mapping; `report(key, message)` for a bad date. None when broken."""
    if not isinstance(raw, dict) or not any(k in raw for k in DATED_KEYS):
        return ALWAYS
    ends: list[dt.date | None] = []
    for key in DATED_KEYS:
        if key not in raw:
            ends.append(None)
            continue
        day = parse_date(raw[key])
        if not isinstance(day, dt.date):
            report(key, not_a_date(key, raw[key], "YYYY-MM-DD"))
            return None
        ends.append(day)
    validity = Validity(*ends)
    if validity.valid_from and validity.valid_to and validity.valid_to < validity.valid_from:
        report("valid_to", Text(f"valid_to {validity.valid_to}: valid_from {validity.valid_from}보다 앞섭니다",
                                 f"valid_to {validity.valid_to} is before valid_from {validity.valid_from}"))
        return None
    return validity


def _key(v: Validity):
    return (v.valid_from or dt.date.min, v.valid_to or dt.date.max)


def sequence_problems(versions: Sequence[Validity], what: Text, *, whole_time: bool) -> list[tuple[int, Text]]:
    """Problems of several dated versions of one value, as (index of the version, message).

    Versions must not overlap and, one after another, must leave no day between them. With
    `whole_time` (a value that must always exist, such as a definition) the first must also have
    no `valid_from` and the last no `valid_to`."""
    if len(versions) < 2 and not (whole_time and versions and not versions[0].always):
        return []
    order = sorted(range(len(versions)), key=lambda i: _key(versions[i]))
    out: list[tuple[int, Text]] = []
    for a, b in zip(order, order[1:]):
        va, vb = versions[a], versions[b]
        end = va.valid_to
        if end is None or (vb.valid_from is not None and vb.valid_from <= end) or vb.valid_from is None:
            out.append((b, led(what, Text(f"{vb.words().ko} 버전이 {va.words().ko} 버전과 겹칩니다",
                                          f"the version in force {vb.text()} overlaps the one {va.text()}"))))
        elif vb.valid_from > end + dt.timedelta(days=1):
            gap_from = end + dt.timedelta(days=1)
            gap_to = vb.valid_from - dt.timedelta(days=1)
            out.append((b, led(what, Text(f"{gap_from} ~ {gap_to}에 맞는 버전이 없습니다({va.words().ko} 버전과 {vb.words().ko} 버전 사이)",
                                          f"no version in force from {gap_from} to {gap_to} (between {va.text()} and {vb.text()})"))))
    if whole_time and versions:
        first, last = versions[order[0]], versions[order[-1]]
        if first.valid_from is not None:
            out.append((order[0], Text(f"{what.ko}에는 늘 값이 있어야 합니다. {first.valid_from} 전에 맞는 버전이 없습니다",
                                       f"{what.en} must always have a value: nothing in force before {first.valid_from}")))
        if last.valid_to is not None:
            out.append((order[-1], Text(f"{what.ko}에는 늘 값이 있어야 합니다. {last.valid_to} 뒤에 맞는 버전이 없습니다",
                                        f"{what.en} must always have a value: nothing in force after {last.valid_to}")))
    return out
