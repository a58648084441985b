"""Which input column answers which question, recognised by desktop/tabular as for the client
import (a question id or its Korean or English label; `name` and `id` passed through)."""

from __future__ import annotations

from desktop.engine.model import RulePack
from desktop.engine.problem import Problem
from desktop.tabular import APPLICANT_TYPE, guess_columns
from desktop.tabular.columns import NO_APPLICANT_TYPE_COLUMN

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
        raise HeaderError(NO_APPLICANT_TYPE_COLUMN)
    return targets, ignored
