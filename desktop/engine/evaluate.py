"""evaluate(): answers -> one outcome per program, each explaining itself.

Every criterion is evaluated (no short cut), so a not-eligible result can list every failed
criterion, and an undetermined one can name exactly the questions that would decide it. Outcomes
are exact: what three-valued logic leaves unknown is settled by trying the answers that can make a
difference (`exact`), so "undetermined" means two possible answers really give different
outcomes, or an unsettled criterion (no published rule) holds the program open.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Collection, Mapping

from desktop.engine.benefit_amount import amount_only_questions, benefit_amounts
from desktop.engine.clock import today_kst
from desktop.engine.dated import in_force
from desktop.engine.deadlines import program_deadline
from desktop.engine.expr.tri import UNKNOWN, is_number
from desktop.engine.near_band import is_near
from desktop.engine.model import Assessment, CriterionResult, NearMiss, ProgramResult, RulePack
from desktop.engine.plan import LeafPlan, PackPlan, ProgramPlan, plan_of
from desktop.engine.scope import Scope
from desktop.engine.settle import collect, settle_program, status_of, tree_value, truth_of

_RESULT = {True: "met", False: "not_met"}
_EXCLUSION_RESULT = {True: "not_met", False: "met"}  # from the applicant's side


def evaluate(pack: RulePack, answers: Mapping[str, Any], as_of: dt.date | None = None,
             programs: Collection[str] | None = None) -> Assessment:
    """One ProgramResult per loaded program (or per program named in `programs`: each outcome
    depends on nothing else), in pack order. Never raises for odd answers."""
    as_of = as_of or today_kst()
    pack = in_force(pack, as_of)
    plan = plan_of(pack)
    scope = Scope(answers, plan.definitions, as_of)
    applicant = answers.get("applicant_type")
    deadlines = _deadlines(plan, as_of)
    results = tuple(
        _program(plan, pp, scope, answers, applicant, deadlines[pid]) for pid, pp in plan.programs.items()
        if programs is None or pid in programs
    )
    return Assessment(as_of=as_of, rules_version=pack.version, programs=results, answers=dict(answers))


def _deadlines(plan: PackPlan, as_of: dt.date) -> dict:
    cache = plan.deadline_cache
    found = cache.get(as_of)
    if found is None:
        if len(cache) > 64:
            cache.clear()
        found = {pid: program_deadline(pp.program, as_of) for pid, pp in plan.programs.items()}
        cache[as_of] = found
    return found


def _plain(value: Any) -> Any:
    if value is UNKNOWN:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _near_miss(leaf: LeafPlan, scope: Scope) -> NearMiss | None:
    for spec in leaf.near:
        value = scope[spec.name]
        try:
            limit = spec.limit(scope)
        except Exception:
            continue
        if not is_number(value) or not is_number(limit):
            continue
        by = value - limit if spec.op in ("<", "<=") else limit - value
        if is_near(by, limit, leaf.unit, leaf.criterion.near_within):
            return NearMiss(leaf.criterion.id, spec.name, value, limit, spec.op, by, leaf.unit)
    return None


def _applies(plan: PackPlan, pack_questions, qid: str, scope: Scope, applicant, answers, out: set, seen: set) -> None:
    """Add `qid` to `out` if it is unanswered and applies; if whether it applies is itself unknown,
    add the unanswered questions that decide that instead."""
    if qid in seen:
        return
    seen.add(qid)
    q = pack_questions.get(qid)
    if q is None or answers.get(qid) is not None:
        return
    if applicant is not None and applicant not in q.audience:
        return
    if q.applies_if is None:
        out.add(qid)
        return
    ok = q.applies_if(scope)
    if ok is True:
        out.add(qid)
    elif ok is UNKNOWN:
        for dep in plan.applies_questions.get(qid, ()):
            _applies(plan, pack_questions, dep, scope, applicant, answers, out, seen)


def _new(cls, **fields):
    """Build a frozen result object without its generated __init__ (which sets each field through
    object.__setattr__): evaluation makes thousands of these, and they stay frozen all the same."""
    obj = object.__new__(cls)
    obj.__dict__.update(fields)
    return obj


def _audience_result(pp: ProgramPlan, applicant, audience_ok) -> CriterionResult:
    key = ("audience", applicant)
    found = pp.cache.get(key)
    if found is None:
        found = CriterionResult(
            id="audience",
            text=pp.audience_text,
            result="unknown" if audience_ok is UNKNOWN else _RESULT[audience_ok],
            kind="audience",
            values={"applicant_type": applicant},
            sources=(),
            to_verify=False,
        )
        if isinstance(applicant, str) or applicant is None:
            pp.cache[key] = found
    return found


def _program(plan: PackPlan, pp: ProgramPlan, scope: Scope, answers, applicant, deadline) -> ProgramResult:
    program = pp.program
    if applicant is None:
        audience_ok = UNKNOWN
    else:
        audience_ok = applicant in pp.audience
    if audience_ok is False:
        # Outside the audience nothing else matters: the same result for every such applicant.
        key = ("outside", applicant, scope["today"])
        found = pp.cache.get(key)
        if found is None:
            audience = _audience_result(pp, applicant, audience_ok)
            found = ProgramResult(program, "ineligible", (audience,), (), ("audience",), (), pp.unverifiable, deadline)
            if isinstance(applicant, str) and len(pp.cache) < 256:
                pp.cache[key] = found
        return found
    audience = _audience_result(pp, applicant, audience_ok)

    values = [truth_of(leaf, scope) for leaf in pp.leaves]
    excluded = [truth_of(leaf, scope) for leaf in pp.exclusions]
    tree = tree_value(pp.tree, values)
    status = status_of(tree, excluded, audience_ok)
    deciding: tuple = ()
    if status == "undetermined":
        tree, status, deciding = settle_program(plan, pp, scope, answers, values, excluded, audience_ok)

    criteria = [audience]
    for kind, leaves, results, words in (("criterion", pp.leaves, values, _RESULT),
                                         ("exclusion", pp.exclusions, excluded, _EXCLUSION_RESULT)):
        for leaf, v in zip(leaves, results):
            c = leaf.criterion
            criteria.append(
                _new(
                    CriterionResult,
                    id=c.id,
                    text=c.text,
                    result="unknown" if v is UNKNOWN else words[v],
                    kind=kind,
                    values={name: _plain(scope[name]) for name in leaf.names},
                    sources=c.sources,
                    to_verify=leaf.to_verify,
                    depth=leaf.depth if kind == "criterion" else 0,
                    group=leaf.group if kind == "criterion" else None,
                    unsettled=leaf.expr is None,
                )
            )

    failed: tuple = ()
    near: tuple = ()
    missing: tuple = ()
    if status == "ineligible":
        bad: list[int] = []
        if tree is False:
            collect(pp.tree, values, False, bad)
        failed_leaves = [pp.leaves[i] for i in dict.fromkeys(bad)]
        failed = tuple(l.criterion.id for l in failed_leaves) + tuple(
            l.criterion.id for l, v in zip(pp.exclusions, excluded) if v is True
        )
        near = tuple(
            nm for l in failed_leaves if l.near and (nm := _near_miss(l, scope)) is not None
        )
    elif status == "undetermined":
        wanted: set[str] = set()
        seen: set[str] = set()
        for qid in deciding:
            _applies(plan, plan.questions, qid, scope, applicant, answers, wanted, seen)
        missing = tuple(sorted(wanted, key=plan.order.__getitem__))
    amounts: tuple = ()
    amount_questions: tuple = ()
    if status != "ineligible" and pp.has_amounts:
        amounts = benefit_amounts(plan, pp, scope, answers, applicant)
        only = amount_only_questions(plan, pp)
        amount_questions = tuple(
            q for q in only
            if any(q in a.questions for a in amounts) and _asked_now(plan.questions.get(q), scope, applicant)
        )
    return _new(
        ProgramResult,
        program=program,
        status=status,
        criteria=tuple(criteria),
        missing=missing,
        failed=failed,
        near_misses=near,
        unverifiable=pp.unverifiable,
        deadline=deadline,
        amounts=amounts,
        amount_questions=amount_questions,
    )


def _asked_now(q, scope: Scope, applicant) -> bool:
    """A question that applies now (not one whose turn depends on answers still open)."""
    if q is None or (applicant is not None and applicant not in q.audience):
        return False
    return q.applies_if is None or q.applies_if(scope) is True

