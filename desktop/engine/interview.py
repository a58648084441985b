"""Which questions to ask: only those that can still change an undecided program, most decisive first.

A question is worth asking while it is unanswered, applies to this applicant (audience and
`applies_if`), and appears among the questions that would decide some undetermined program. After
those come the questions that change only what an eligible or still open program pays (a shop's
floor area for the demolition subsidy): asked last, and never counted as deciding.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any, Mapping

from desktop.engine.clock import today_kst
from desktop.engine.evaluate import evaluate
from desktop.engine.model import Assessment, Question, RulePack
from desktop.engine.plan import plan_of
from desktop.engine.scope import Scope


def _applies(q: Question, applicant: Any, scope: Scope) -> bool:
    if applicant is not None and applicant not in q.audience:
        return False
    return q.applies_if is None or q.applies_if(scope) is True


def applicable_questions(
    pack: RulePack, answers: Mapping[str, Any], as_of: dt.date | None = None
) -> list[Question]:
    """Every question that applies to this applicant with these answers, in catalog order."""
    scope = Scope(answers, plan_of(pack).definitions, as_of or today_kst())
    applicant = answers.get("applicant_type")
    return [q for q in pack.questions.values() if _applies(q, applicant, scope)]


def next_questions(
    pack: RulePack,
    answers: Mapping[str, Any],
    as_of: dt.date | None = None,
    assessment: Assessment | None = None,
) -> list[Question]:
    """Unanswered questions that can decide undetermined programs, most programs decided first;
    then those that change only what an eligible or still open program pays.

    An answer of None ("I don't know") counts as answered: it is not asked again.
    """
    as_of = as_of or today_kst()
    assessment = assessment or evaluate(pack, answers, as_of)
    counts: Counter[str] = Counter()
    amounts: Counter[str] = Counter()  # questions that change only what an eligible or open program pays
    for result in assessment.programs:
        if result.status == "undetermined":
            counts.update(result.missing)
        if result.status != "ineligible":
            amounts.update(result.amount_questions)
    if not counts and not amounts:
        return []
    scope = Scope(answers, plan_of(pack).definitions, as_of)
    applicant = answers.get("applicant_type")

    def wanted(ids):
        return [q for qid in ids
                if qid not in answers and (q := pack.questions.get(qid)) is not None and _applies(q, applicant, scope)]

    chosen = wanted(counts)
    chosen.sort(key=lambda q: (-counts[q.id], q.order))
    deciding = {q.id for q in chosen}
    after = wanted(qid for qid in amounts if qid not in deciding)
    after.sort(key=lambda q: (-amounts[q.id], q.order))
    return chosen + after
