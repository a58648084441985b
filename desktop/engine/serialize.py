"""Assessments as plain JSON-ready dicts: the `jiwon evaluate --format json` contract.

Texts come in the chosen language (`text`), with both languages next to them where a reader of
the JSON may need the other one (names, criterion texts, notes). Every `*_text` word comes from
the phrase catalog and, with the pack given, each program carries its `explanation`: the same
status word, deciding reasons, points to confirm and deadline sentence as every other view.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.engine import explain as ex
from desktop.engine.phrases import word
from desktop.engine.model import Assessment, BenefitAmount, CriterionResult, Deadline, NearMiss, ProgramResult


def plain(value: Any) -> Any:
    """Values as JSON has them: dates as ISO text, tuples as lists."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def criterion_to_dict(c: CriterionResult, lang: str = "ko") -> dict[str, Any]:
    return {
        "id": c.id,
        "result": c.result,
        "result_text": ex.result_word(c).get(lang),
        "text": c.text.get(lang),
        "texts": c.text.to_dict(),
        "kind": c.kind,
        "values": plain(dict(c.values)),
        "sources": list(c.sources),
        "to_verify": c.to_verify,
        "depth": c.depth,
        "group": c.group,
        "unsettled": c.unsettled,
        "unsettled_text": ex.result_word(c).get(lang) if c.unsettled else None,
    }


def near_miss_to_dict(nm: NearMiss, pack=None, lang: str = "ko") -> dict[str, Any]:
    out = {
        "criterion": nm.criterion,
        "name": nm.name,
        "value": nm.value,
        "limit": nm.limit,
        "op": nm.op,
        "by": nm.by,
        "unit": nm.unit,
    }
    if pack is not None:
        from desktop.engine.formatting import format_near_miss

        out["text"] = format_near_miss(nm, pack, lang)
    return out


def amount_to_dict(a: BenefitAmount) -> dict[str, Any]:
    """A benefit's amount for these answers (its words are the explanation's `benefits`)."""
    return {"benefit": a.benefit, "value": a.value, "low": a.low, "high": a.high, "unit": a.unit,
            "bound": a.bound, "questions": list(a.questions)}


def deadline_to_dict(d: Deadline, lang: str = "ko") -> dict[str, Any]:
    out = d.to_dict()
    out["status_text"] = word("deadline", d.status, lang)
    out["days_left_text"] = ex.days_left_text(d.days_left).get(lang) if d.days_left is not None else ""
    out["note_text"] = d.note.get(lang) if d.note else None
    return out


def program_result_to_dict(r: ProgramResult, lang: str = "ko", pack=None,
                           assessment: Assessment | None = None) -> dict[str, Any]:
    p = r.program
    out = {
        "id": p.id,
        "name": p.name.to_dict(),
        "name_text": p.name.get(lang),
        "ministry": p.ministry.to_dict(),
        "tracks_of": p.tracks_of,
        "maturity": p.maturity,
        "status": r.status,
        "status_text": ex.status_word(r.status).get(lang),
        "missing": list(r.missing),
        "criteria": [criterion_to_dict(c, lang) for c in r.criteria],
        "failed": list(r.failed),
        "near_misses": [near_miss_to_dict(nm, pack, lang) for nm in r.near_misses],
        "unverifiable": list(r.unverifiable),
        "amounts": [amount_to_dict(a) for a in r.amounts],
        "amount_questions": list(r.amount_questions),
        "deadline": deadline_to_dict(r.deadline, lang),
        "documents": [d.id for d in p.documents],
        "apply_url": p.apply_url,
        "sources": list(p.sources),
        "reviewed": p.reviewed.isoformat(),
    }
    if pack is not None and assessment is not None:
        out["explanation"] = ex.explain(pack, assessment, r).to_dict(lang)
    return out


def assessment_to_dict(a: Assessment, lang: str = "ko", pack=None) -> dict[str, Any]:
    """The whole assessment; pass `pack` to add worded near misses and each explanation."""
    out = {
        "as_of": a.as_of.isoformat(),
        "rules_version": a.rules_version,
        "lang": lang,
        "programs": [program_result_to_dict(r, lang, pack, a) for r in a.programs],
    }
    if pack is not None:
        out["rules_version_text"] = ex.rules_label(pack, a.rules_version).get(lang)
    return out
