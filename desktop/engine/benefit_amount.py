"""What a program pays for these answers, and the questions that change only that.

A benefit may give its amount as an expression of the answers (the demolition subsidy: so much per
3.3㎡ of the shop, up to the cap in force on the closure day). Its amount is worked out when the
answers fix it; while some are open, the range those answers can still give, from the same points
the exact search tries (`exact`) and the days a dated table it reads changes. A question the
amount reads but no criterion of the program does changes only what it pays: it is asked after the
deciding questions, only for programs eligible or still open, and never counted among what decides
the program. A question this applicant is not asked (another audience, an `applies_if` that does
not hold) leaves the amount unworked rather than guessed: an individual is not asked where a
company's course is held.
"""

from __future__ import annotations

import ast
import datetime as dt
from itertools import product

from desktop.engine.expr.tri import UNKNOWN, is_number
from desktop.engine.model import BenefitAmount
from desktop.engine.plan import PackPlan, ProgramPlan
from desktop.engine.scope import Scope

_TRIES = 256  # combinations of open answers tried for a range


def benefit_amounts(plan: PackPlan, pp: ProgramPlan, scope: Scope, answers,
                    applicant) -> tuple[BenefitAmount, ...]:
    """One BenefitAmount per benefit with an amount expression that reads only what this
    applicant is asked: the figure these answers give; else the range the answers still open
    leave; else (everything answered, no figure) none, which the explanation says the sources
    do not give."""
    out = []
    for i, b in enumerate(pp.program.benefits):
        expr = b.amount_expr
        if expr is None:
            continue
        value = expr(scope)
        if is_number(value):
            out.append(BenefitAmount(i, value, value, value, b.unit, (), b.bound))
            continue
        still = [q for q in _questions(plan, expr) if answers.get(q) is None]
        if any(not _audience(plan, q, applicant) for q in still):
            continue  # it reads what this applicant is never asked: not theirs to be paid
        questions = tuple(q for q in still if _asks(plan, q, scope))
        if not questions:  # every answer it reads is in, and the rule gives no figure for them
            out.append(BenefitAmount(i, None, None, None, b.unit, (), b.bound))
            continue
        low, high = _range(plan, expr, answers, questions, scope["today"])
        out.append(BenefitAmount(i, None, low, high, b.unit, questions, b.bound))
    return tuple(out)


def amount_only_questions(plan: PackPlan, pp: ProgramPlan) -> tuple[str, ...]:
    """Questions the program's amounts read and none of its criteria do, in catalog order."""
    found = pp.cache.get("amount_only")
    if found is None:
        deciding = {q for leaf in (*pp.leaves, *pp.exclusions) for q in leaf.questions}
        read = {q for b in pp.program.benefits if b.amount_expr is not None for q in _questions(plan, b.amount_expr)}
        found = pp.cache["amount_only"] = tuple(sorted(read - deciding, key=plan.order.__getitem__))
    return found


def _audience(plan: PackPlan, qid: str, applicant) -> bool:
    q = plan.questions.get(qid)
    return q is not None and (applicant is None or applicant in q.audience)


def _asks(plan: PackPlan, qid: str, scope: Scope) -> bool:
    """Whether `qid` can still be asked here: its `applies_if` is not false (a shop about to close
    is not asked its closure date)."""
    q = plan.questions[qid]
    return q.applies_if is None or q.applies_if(scope) is not False


def _questions(plan: PackPlan, expr) -> tuple[str, ...]:
    return tuple(sorted(plan.questions_of(expr.names), key=plan.order.__getitem__))


def _range(plan: PackPlan, expr, answers, questions, as_of):
    """The smallest and largest amount the open answers can still give (None when none of the
    answers tried gives a number)."""
    view = plan.domains.view((expr,))
    turns = _table_days(plan, expr)
    points = []
    for q in questions:
        values = list(view.of(q, as_of) or ())
        question = plan.questions[q]
        if question.type in ("int", "amount"):
            # arithmetic, not a comparison, reads this number: its bounds are what the range needs
            values += [v for v in (question.min, question.max) if v is not None]
        elif question.type == "date":
            values += turns
        if not values:
            return None, None
        points.append(list(dict.fromkeys(values)))
    size = 1
    for values in points:
        size *= len(values)
    if size > _TRIES:
        return None, None  # too many to try: no range rather than a wrong one
    amounts = []
    for combo in product(*points):
        v = expr(Scope({**answers, **dict(zip(questions, combo))}, plan.definitions, as_of))
        if v is not UNKNOWN and is_number(v):
            amounts.append(v)
    if not amounts:
        return None, None
    return min(amounts), max(amounts)


def _table_days(plan: PackPlan, expr) -> list:
    """The days around which a dated table read on a day (`lookup(t, key, day)`) changes value."""
    tables = plan.domains.pack.tables
    one = dt.timedelta(days=1)
    days: set = set()
    for sub in ast.walk(expr.tree):
        if not (isinstance(sub, ast.Call) and getattr(sub.func, "id", "") == "lookup" and len(sub.args) == 3
                and isinstance(sub.args[0], ast.Constant)):
            continue
        table = tables.get(sub.args[0].value)
        for versions in (table.dated.values() if table is not None else ()):
            for v in versions:
                if v.validity.valid_from is not None:
                    days.update((v.validity.valid_from - one, v.validity.valid_from))
                if v.validity.valid_to is not None:
                    days.update((v.validity.valid_to, v.validity.valid_to + one))
    return sorted(days)
