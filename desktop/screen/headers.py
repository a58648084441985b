"""Which input column answers which question, recognised by desktop/tabular as for the client
import (a question id or its Korean or English label; `name` and `id` passed through)."""

from __future__ import annotations

from desktop.engine.model import RulePack, Text
from desktop.engine.problem import Problem
from desktop.tabular import APPLICANT_TYPE, guess_columns

PASSTHROUGH = ("id", "name")


class HeaderError(Problem):
    """The register lacks a column it needs."""


def map_headers(pack: RulePack, headers) -> tuple[dict[str, str], list[str]]:
    """({column: target}, [columns left out]). Raises HeaderError without applicant_type."""
    columns = guess_columns(pack, [str(h) for h in headers])
    targets: dict[str, str] = {}
    ignored: list[str] = []
    for header, target in zip(headers, columns.targets):
        if target is None:
            ignored.append(header)
        else:
            targets[header] = target
    if APPLICANT_TYPE not in targets.values():
        raise HeaderError(Text("명부에 applicant_type 열(company, school, individual)이 없습니다",
                               "the register has no applicant_type column (company, school or individual)"))
    return targets, ignored
