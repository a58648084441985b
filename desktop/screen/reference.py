"""The reference engine's outcome for one applicant, in the screening output's columns.

Both engines give the same four columns per program: the status, the failed criteria, the
deciding questions and the near-miss gaps (`criterion=gap`, in the compared value's own unit),
each list joined with ';'. The DuckDB engine's SQL writes the same text (desktop/engine/sql).
"""

from __future__ import annotations

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


def outcomes(pack: RulePack, answers: Mapping[str, Any], today: dt.date, programs=None) -> dict:
    """Program id -> its four output columns, from the reference engine (only the programs named,
    when named: the pack's plan and its caches are shared by every row settled)."""
    assessment = evaluate(pack, answers, today, programs)
    return {r.program.id: outcome(r) for r in assessment.programs}
