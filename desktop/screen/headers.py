"""Which input column answers which question: a question id, `applicant_type`, or `name` / `id`
passed through to the output. Headers are compared without case and surrounding spaces."""

from __future__ import annotations

from desktop.engine.model import RulePack

PASSTHROUGH = ("id", "name")


class HeaderError(Exception):
    """The register lacks a column it needs."""


def map_headers(pack: RulePack, headers) -> tuple[dict[str, str], list[str]]:
    """({column: target}, [columns left out]). Raises HeaderError without applicant_type."""
    known = {q.lower(): q for q in pack.questions}
    known.update({p: p for p in PASSTHROUGH})
    targets: dict[str, str] = {}
    ignored: list[str] = []
    taken: set[str] = set()
    for h in headers:
        target = known.get(str(h).strip().lower())
        if target is None or target in taken:
            ignored.append(h)
            continue
        taken.add(target)
        targets[h] = target
    if "applicant_type" not in taken:
        raise HeaderError("the register has no applicant_type column (company, school or individual)")
    return targets, ignored
