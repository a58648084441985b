"""The reference engine's outcome for one applicant, in the screening output's columns.

Both engines give the same four columns per program: the status, the failed criteria, the
deciding questions and the near-miss gaps (`criterion=gap`, in the compared value's own unit),
each list joined with ';'. The DuckDB engine's SQL writes the same text (desktop/engine/sql).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Mapping

from desktop.engine import evaluate
from desktop.engine.model import ProgramResult, RulePack
from desktop.engine.sql.literals import LIST_SEP


def outcome(result: ProgramResult) -> tuple[str, str, str, str]:
    return (
        result.status,
        LIST_SEP.join(result.failed),
        LIST_SEP.join(result.missing),
        LIST_SEP.join(f"{nm.criterion}={nm.by}" for nm in result.near_misses),
    )


_SUBSETS: dict = {}


def _subset(pack: RulePack, programs: frozenset) -> RulePack:
    """The pack with only these programs (each program's outcome depends on nothing else), so
    settling one open outcome does not evaluate every other program too. Caches start empty."""
    key = (id(pack), programs)
    found = _SUBSETS.get(key)
    if found is None or found[0] is not pack:
        fresh = {
            f.name: (f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default)
            for f in dataclasses.fields(pack)
            if not f.compare
        }
        sub = dataclasses.replace(
            pack, programs={pid: p for pid, p in pack.programs.items() if pid in programs}, **fresh
        )
        if len(_SUBSETS) > 256:
            _SUBSETS.clear()
        found = _SUBSETS[key] = (pack, sub)
    return found[1]


def outcomes(pack: RulePack, answers: Mapping[str, Any], today: dt.date, programs=None) -> dict:
    """Program id -> its four output columns, from the reference engine."""
    if programs is not None and len(programs) < len(pack.programs):
        pack = _subset(pack, frozenset(programs))
    assessment = evaluate(pack, answers, today)
    return {r.program.id: outcome(r) for r in assessment.programs if programs is None or r.program.id in programs}
