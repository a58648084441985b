"""evaluate(): answers -> one outcome per program, each explaining itself.

Every criterion is evaluated (no short cut), so a not-eligible result can list every failed
criterion, and an undetermined one can name exactly the questions that would decide it. Outcomes
are exact: what three-valued logic leaves unknown is settled by trying the answers that can make a
difference (`exact`), so "undetermined" means two possible answers really give different
outcomes, or an unsettled criterion (no published rule) holds the program open.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from desktop.engine.clock import today_kst
from desktop.engine.deadlines import program_deadline
from desktop.engine.exact import Search, exact_truth
from desktop.engine.expr.tri import UNKNOWN, is_number, tri_all, tri_any, tri_not, truth
from desktop.engine.model import Assessment, CriterionResult, NearMiss, ProgramResult, RulePack
from desktop.engine.plan import LeafPlan, PackPlan, ProgramPlan, plan_of
from desktop.engine.scope import Scope

_RESULT = {True: "met", False: "not_met"}
_EXCLUSION_RESULT = {True: "not_met", False: "met"}  # from the applicant's side


def evaluate(pack: RulePack, answers: Mapping[str, Any], as_of: dt.date | None = None) -> Assessment:
    """One ProgramResult per loaded program, in pack order. Never raises for odd answers."""
    as_of = as_of or today_kst()
    plan = plan_of(pack)
    scope = Scope(answers, plan.definitions, as_of)
    applicant = answers.get("applicant_type")
    deadlines = _deadlines(plan, as_of)
    results = tuple(
        _program(plan, pp, scope, answers, applicant, deadlines[pid]) for pid, pp in plan.programs.items()
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


def truth_of(leaf: LeafPlan, scope: Scope) -> Any:
    if leaf.expr is None:
        return UNKNOWN
    return truth(leaf.expr(scope))


def tree_value(node, values: list) -> Any:
    """The three-valued value of a criteria tree over its leaves' values (AND/OR/NOT from tri)."""
    kind = node[0]
    if kind == "leaf":
        return values[node[1]]
    if kind == "not":
        return tri_not(tri_all(tree_value(kid, values) for kid in node[1]))
    if kind == "all":
        return tri_all(tree_value(kid, values) for kid in node[1])
    return tri_any(tree_value(kid, values) for kid in node[1])


def _collect(node, values: list, want: Any, out: list) -> None:
    """Leaves that make `node` come out as `want` (False: failed ones; UNKNOWN: undecided ones)."""
    kind = node[0]
    if kind == "leaf":
        out.append(node[1])
        return
    if kind == "not":
        # `not` fails when its inside holds: the leaves holding it are the reason.
        flipped = {False: True, True: False}.get(want, UNKNOWN) if want is not UNKNOWN else UNKNOWN
        for kid in node[1]:
            if tree_value(kid, values) is flipped:
                _collect(kid, values, flipped, out)
        return
    for kid in node[1]:
        if tree_value(kid, values) is want:
            _collect(kid, values, want, out)


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
        if by > 0:
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
    status = _status(tree, excluded, audience_ok)
    open_vars: dict[int, list] = {}  # leaf position (exclusions after the tree) -> open questions
    if status == "undetermined" and audience_ok is True:
        tree, status = _exact(plan, pp, scope, answers, values, excluded, open_vars, audience_ok)

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
            _collect(pp.tree, values, False, bad)
        failed_leaves = [pp.leaves[i] for i in dict.fromkeys(bad)]
        failed = tuple(l.criterion.id for l in failed_leaves) + tuple(
            l.criterion.id for l, v in zip(pp.exclusions, excluded) if v is True
        )
        near = tuple(
            nm for l in failed_leaves if l.near and (nm := _near_miss(l, scope)) is not None
        )
    elif status == "undetermined":
        open_leaves: list[int] = []
        if tree is UNKNOWN:
            _collect(pp.tree, values, UNKNOWN, open_leaves)
        n = len(pp.leaves)
        deciding = list(dict.fromkeys(open_leaves)) + [n + i for i, v in enumerate(excluded) if v is UNKNOWN]
        wanted: set[str] = set()
        seen: set[str] = set()
        for qid in _deciding_questions(plan, pp, scope, answers, deciding, open_vars):
            _applies(plan, plan.questions, qid, scope, applicant, answers, wanted, seen)
        missing = tuple(sorted(wanted, key=plan.order.__getitem__))
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
    )


def _status(tree, excluded, audience_ok) -> str:
    if tree is False or True in excluded:
        return "ineligible"
    if tree is True and audience_ok is True and UNKNOWN not in excluded:
        return "eligible"
    return "undetermined"


def _leaf_at(pp: ProgramPlan, i: int) -> LeafPlan:
    n = len(pp.leaves)
    return pp.leaves[i] if i < n else pp.exclusions[i - n]


def _leaf_fn(plan: PackPlan, leaf: LeafPlan, as_of):
    defs = plan.definitions
    return lambda answers: truth_of(leaf, Scope(answers, defs, as_of))


def _program_fn(plan: PackPlan, pp: ProgramPlan, as_of):
    defs = plan.definitions

    def status(answers):
        s = Scope(answers, defs, as_of)
        return _status(tree_value(pp.tree, [truth_of(l, s) for l in pp.leaves]),
                       [truth_of(l, s) for l in pp.exclusions], True)

    return status


def _cached(plan: PackPlan, key, make):
    cache = plan.exact_cache
    try:
        found = cache.get(key, cache)
    except TypeError:  # an answer of an odd, unhashable shape: work it out without the cache
        return make()
    if found is cache:
        if len(cache) > 50_000:
            cache.clear()
        found = cache[key] = make()
    return found


def _exact(plan: PackPlan, pp: ProgramPlan, scope: Scope, answers, values: list, excluded: list,
           open_vars: dict, audience_ok):
    """Settle what three-valued logic left unknown: each unknown criterion by trying its open
    questions, then the program as a whole when criteria share an open question."""
    as_of = scope["today"]
    domains = plan.domains
    for results, offset in ((values, 0), (excluded, len(pp.leaves))):
        for i, v in enumerate(results):
            leaf = _leaf_at(pp, offset + i)
            if v is not UNKNOWN or leaf.expr is None:
                continue  # an unsettled criterion: no answer decides it
            qs = tuple(q for q in leaf.questions if answers.get(q) is None)
            if not qs:
                continue
            open_vars[offset + i] = qs
            key = (id(leaf), as_of, tuple(answers.get(q) for q in leaf.questions))
            results[i] = _cached(plan, key, lambda: exact_truth(
                Search(_leaf_fn(plan, leaf, as_of), answers, qs, domains, as_of).outcomes()))
            if results[i] is not UNKNOWN:
                del open_vars[offset + i]
    tree = tree_value(pp.tree, values)
    status = _status(tree, excluded, audience_ok)
    if status == "undetermined" and _shared(open_vars):
        qs = tuple(dict.fromkeys(q for vs in open_vars.values() for q in vs))
        key = (id(pp), "program", as_of, tuple(answers.get(q) for q in qs), tuple(values), tuple(excluded))
        found = _cached(plan, key, lambda: Search(_program_fn(plan, pp, as_of), answers, qs, domains, as_of).outcomes())
        if found is not None and len(found) == 1 and next(iter(found)) in ("eligible", "ineligible"):
            status = next(iter(found))
    return tree, status


def _shared(open_vars: dict) -> bool:
    seen: set = set()
    for vs in open_vars.values():
        if seen.intersection(vs):
            return True
        seen.update(vs)
    return False


def _deciding_questions(plan: PackPlan, pp: ProgramPlan, scope: Scope, answers, deciding: list, open_vars: dict):
    """The open questions of the deciding criteria that some answer can change: a criterion's
    question counts only when changing it alone changes the criterion for some answer to the
    others (and, where criteria share questions, the program)."""
    as_of = scope["today"]
    domains = plan.domains
    out: list[str] = []
    for i in deciding:
        leaf = _leaf_at(pp, i)
        if leaf.expr is None:
            continue
        qs = open_vars.get(i)
        if qs is None:
            qs = tuple(q for q in leaf.questions if answers.get(q) is None)
        if len(qs) <= 1:
            out.extend(qs)
            continue
        key = (id(leaf), "matters", as_of, tuple(answers.get(q) for q in leaf.questions))

        def make(leaf=leaf, qs=qs):
            search = Search(_leaf_fn(plan, leaf, as_of), answers, qs, domains, as_of)
            return tuple(q for q in qs if search.matters(q))

        out.extend(_cached(plan, key, make))
    out = list(dict.fromkeys(out))
    shared = _shared_questions([open_vars.get(i) or _leaf_at(pp, i).questions for i in deciding])
    check = [q for q in out if q in shared]
    if check and len(out) > 1:
        # A question read by two criteria may cancel out between them (a manufacturer is never in
        # finance): ask the program as a whole.
        key = (id(pp), "matters", as_of, tuple(answers.get(q) for q in out))

        def make_all():
            search = Search(_program_fn(plan, pp, as_of), answers, out, domains, as_of, budget=300)
            return tuple(q for q in out if q not in check or search.matters(q))

        out = list(_cached(plan, key, make_all))
    return out


def _shared_questions(groups) -> set:
    seen: set = set()
    shared: set = set()
    for qs in groups:
        for q in set(qs):
            (shared if q in seen else seen).add(q)
    return shared
