"""Settling a program that three-valued evaluation leaves undetermined.

Three-valued logic cannot see that `is_sme or is_midsize` holds whatever the grace answer is,
because both sides read it. So each criterion it leaves unknown is searched over the answers that
can make a difference (`exact`): that gives its exact value and the open questions it really
depends on. When criteria still open share such a question, the program as a whole is searched the
same way (a manufacturer is never in finance: two criteria can cancel out). The questions a
program then names as deciding are those some answer to can change its outcome.

Every search has a budget. When it runs out, the three-valued result stands and every open
question of the criterion stays deciding: never a wrong "decided", never a question hidden.
Results are kept per criterion (or program) and the answers it reads, numbers by the interval of
limits they fall in, so the wizard's next click usually finds them worked out.
"""

from __future__ import annotations

from typing import Any

from desktop.engine.exact import settle
from desktop.engine.expr.tri import UNKNOWN, tri_all, tri_any, tri_not, truth
from desktop.engine.plan import LeafPlan, PackPlan, ProgramPlan
from desktop.engine.scope import Scope

_CACHE_SIZE = 20_000


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


def status_of(tree, excluded, audience_ok) -> str:
    if tree is False or True in excluded:
        return "ineligible"
    if tree is True and audience_ok is True and UNKNOWN not in excluded:
        return "eligible"
    return "undetermined"


def collect(node, values: list, want: Any, out: list) -> None:
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
                collect(kid, values, flipped, out)
        return
    for kid in node[1]:
        if tree_value(kid, values) is want:
            collect(kid, values, want, out)


def settle_program(plan: PackPlan, pp: ProgramPlan, scope: Scope, answers, values: list, excluded: list,
                   audience_ok=True):
    """Make `values` and `excluded` (the criteria's three-valued values, changed in place) exact,
    and return (tree value, status, deciding questions in no particular order)."""
    as_of = scope["today"]
    n = len(pp.leaves)
    depends: dict[int, frozenset] = {}  # position (exclusions after the tree) -> deciding questions
    diagrams: dict = {}  # position -> its search (None: out of budget)
    for results, offset in ((values, 0), (excluded, n)):
        for i, v in enumerate(results):
            leaf = _leaf_at(pp, offset + i)
            if v is not UNKNOWN or leaf.expr is None:
                continue  # decided, or unsettled: no answer decides a criterion without a rule
            open_qs = tuple(q for q in leaf.questions if answers.get(q) is None)
            if not open_qs:
                continue
            found = diagrams[offset + i] = _leaf_settled(plan, leaf, answers, open_qs, as_of)
            if found is None:
                depends[offset + i] = frozenset(open_qs)
                continue
            results[i] = found.truth()
            if results[i] is UNKNOWN:
                depends[offset + i] = found.matters
    tree = tree_value(pp.tree, values)
    status = status_of(tree, excluded, audience_ok)
    if status != "undetermined":
        return tree, status, ()
    deciding: list[int] = []
    if tree is UNKNOWN:
        collect(pp.tree, values, UNKNOWN, deciding)
    deciding = list(dict.fromkeys(deciding)) + [n + i for i, v in enumerate(excluded) if v is UNKNOWN]
    questions = [q for i in deciding for q in depends.get(i, ())]
    if len(questions) == len(set(questions)):
        # No question shared between the open criteria: each can still go either way on its own
        # questions, so the program can too, and each of them can change it.
        return tree, status, questions
    searched = [(i, diagrams[i]) for i in deciding if i in depends]
    if any(d is None for _, d in searched):
        return tree, status, list(dict.fromkeys(questions))  # a criterion out of budget: all count
    found = _program_settled(plan, pp, answers, values, excluded, searched, as_of, audience_ok)
    if found is None:
        return tree, status, list(dict.fromkeys(questions))
    outcomes = found.outcomes
    if len(outcomes) == 1 and next(iter(outcomes)) in ("eligible", "ineligible"):
        return tree, next(iter(outcomes)), ()
    return tree, status, list(found.matters)


def _leaf_at(pp: ProgramPlan, i: int) -> LeafPlan:
    n = len(pp.leaves)
    return pp.leaves[i] if i < n else pp.exclusions[i - n]


def _cached(plan: PackPlan, key, make):
    cache = plan.exact_cache
    try:
        found = cache.get(key, cache)
    except TypeError:  # an answer of an odd, unhashable shape: work it out without the cache
        return make()
    if found is cache:
        if len(cache) > _CACHE_SIZE:
            cache.clear()
        found = cache[key] = make()
    return found


def _leaf_settled(plan: PackPlan, leaf: LeafPlan, answers, open_qs, as_of):
    view = plan.domains.view((leaf.expr,))
    key = (id(leaf), as_of, view.key(answers, leaf.questions))

    def make():
        return settle(lambda s: truth_of(leaf, s), answers, open_qs, view, as_of)

    return _cached(plan, key, make)


def _program_settled(plan: PackPlan, pp: ProgramPlan, answers, values, excluded, searched, as_of, audience_ok):
    """The program's outcomes over the questions its open criteria depend on, each criterion read
    from its own diagram, the others held at their exact values."""
    fixed = values + excluded
    n = len(pp.leaves)
    open_qs = tuple(dict.fromkeys(q for _, d in searched for q in d.matters))
    view = _program_view(plan, pp)
    key = (id(pp), as_of, audience_ok, tuple(i for i, _ in searched), view.key(answers, _program_questions(pp)))

    def status(assigned):
        now = list(fixed)
        for i, d in searched:
            now[i] = d.value_at(assigned)
        return status_of(tree_value(pp.tree, now[:n]), now[n:], audience_ok)

    return _cached(plan, key, lambda: settle(status, answers, open_qs, view, as_of, reads_answers=True))


def _program_view(plan: PackPlan, pp: ProgramPlan):
    found = pp.cache.get("view")
    if found is None:
        found = pp.cache["view"] = plan.domains.view(tuple(l.expr for l in (*pp.leaves, *pp.exclusions)))
    return found


def _program_questions(pp: ProgramPlan) -> tuple:
    found = pp.cache.get("questions")
    if found is None:
        found = pp.cache["questions"] = tuple(
            dict.fromkeys(q for l in (*pp.leaves, *pp.exclusions) for q in l.questions)
        )
    return found
