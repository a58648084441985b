"""Exact outcomes: a criterion or a program is decided when every possible answer to its open
questions gives the same result, and a question is worth asking only when some answer to it can
change that result.

Three-valued logic alone cannot see that `is_sme or is_midsize` holds whatever the grace answer
is, because both sides read it. So the open questions are given every value that can make a
difference and the outcomes compared:

- yes/no and choice questions: every option; multiple choice: every combination of options;
- the industry: one code for each class of industries that every industry-only definition (the
  size tables, the section) treats alike;
- numbers: the points on either side of each limit the rules compare them with (limit - 1, limit,
  limit + 1, from literals and from the numeric tables the comparison reads), and the bounds;
- dates: the assessment date, the days on either side of each date literal, and for ages and
  durations (`years_since`, `days_between`, ...) the dates on either side of each limit those are
  compared with, counted back from the assessment date.

The search is depth-first over partial answers: three-valued evaluation of a partial answer that
is already decided ends that branch, and the search stops as soon as two different results are
seen. It has a budget; when the budget runs out the criterion stays undetermined and every
candidate question stays worth asking (never a wrong "decided", never a question hidden).
A criterion without an expression is not searched: the sources leave it unsettled.
"""

from __future__ import annotations

import ast
import datetime as dt
from itertools import combinations
from typing import Any, Callable, Mapping

from desktop.engine.expr.tri import UNKNOWN
from desktop.engine.scope import Scope

BUDGET = 600  # evaluations per search
_OPEN = "open"  # a complete answer that still leaves the result unknown (an unsettled criterion)
_YEAR_FUNCS = {"years_since", "years_between"}
_DAY_FUNCS = {"days_since", "days_between"}


class OutOfBudget(Exception):
    pass


# ---------------------------------------------------------------- domains


class Domains:
    """For each question, the values worth trying; built once per pack, dates per assessment day."""

    def __init__(self, pack, plan):
        self.pack = pack
        self.plan = plan
        self.fixed: dict[str, tuple] = {}
        self._date_offsets: dict[str, tuple] = {}  # qid -> (years, days, literal dates)
        self._industry_fns: list = []
        self._industry_direct = False
        self._by_day: dict[dt.date, dict[str, tuple]] = {}
        self.dynamic: dict[str, tuple] = {}  # qid -> (question, numbers, names compared with)
        exprs = _all_exprs(pack)
        numbers = _thresholds(exprs, pack)
        direct_consts, direct_names = _direct_limits(exprs, pack)
        for qid, q in pack.questions.items():
            if q.type == "bool":
                self.fixed[qid] = (True, False)
            elif q.type == "choice":
                self.fixed[qid] = tuple(o.value for o in q.options)
            elif q.type == "multi":
                values = [o.value for o in q.options]
                if len(values) <= 6:
                    self.fixed[qid] = tuple(
                        c for n in range(len(values) + 1) for c in combinations(values, n)
                    )
                else:  # none, each one alone, all
                    self.fixed[qid] = ((),) + tuple((v,) for v in values) + (tuple(values),)
            elif q.type in ("int", "amount"):
                self.fixed[qid] = _number_points(numbers.get(qid, set()), q)
                if None not in direct_names.get(qid, {None}) or qid not in direct_names:
                    self.dynamic[qid] = (q, direct_consts.get(qid, set()), tuple(direct_names.get(qid, ())))
            elif q.type == "date":
                self._date_offsets[qid] = _date_offsets(qid, exprs, pack, numbers)
        industry_only = [
            d.expr for did, d in pack.definitions.items() if plan.def_questions.get(did) == frozenset({"industry"})
        ]
        self._industry_fns = industry_only
        self._industry_direct = any(
            "industry" in e.names for e in exprs if e not in industry_only and e.names != frozenset({"industry"})
        )

    def here(self, qid: str, scope) -> tuple | None:
        """The points worth trying for a number given what is known in `scope`: when every limit
        it is compared with is known there, only the points around those limits."""
        spec = self.dynamic.get(qid)
        if spec is None:
            return None
        q, consts, names = spec
        limits = set(consts)
        for n in names:
            v = scope[n]
            if type(v) in (int, float):
                limits.add(v)
            else:
                return None  # a limit still unknown: every point stays worth trying
        return _number_points(limits, q)

    def of(self, qid: str, as_of: dt.date) -> tuple | None:
        found = self.fixed.get(qid)
        if found is not None:
            return found
        day = self._by_day.get(as_of)
        if day is None:
            if len(self._by_day) > 16:
                self._by_day.clear()
            day = self._by_day[as_of] = {}
        found = day.get(qid)
        if found is None:
            found = day[qid] = self._make(qid, as_of)
        return found or None

    def _make(self, qid: str, as_of: dt.date) -> tuple:
        q = self.pack.questions.get(qid)
        if q is None:
            return ()
        if q.type == "industry":
            if self._industry_direct:
                return tuple(self.pack.industries)
            classes: dict[tuple, str] = {}
            for code in self.pack.industries:
                scope = Scope({"industry": code}, self.plan.definitions, as_of)
                sig = tuple(_plain(f(scope)) for f in self._industry_fns)
                classes.setdefault(sig, code)
            return tuple(classes.values())
        if q.type == "date":
            years, days, literals = self._date_offsets.get(qid, ((), (), ()))
            points = {as_of, as_of - dt.timedelta(days=1), as_of + dt.timedelta(days=1)}
            for n in years:
                base = _years_back(as_of, n)
                points.update((base - dt.timedelta(days=1), base, base + dt.timedelta(days=1)))
            for n in days:
                base = as_of - dt.timedelta(days=n)
                points.update((base - dt.timedelta(days=1), base, base + dt.timedelta(days=1)))
            for d in literals:
                points.update((d - dt.timedelta(days=1), d, d + dt.timedelta(days=1)))
            return tuple(_spread(sorted(points)))
        return ()


def _plain(v):
    return "?" if v is UNKNOWN else v


def _years_back(day: dt.date, n: int) -> dt.date:
    try:
        return day.replace(year=day.year - n)
    except ValueError:  # 29 February
        return day.replace(year=day.year - n, day=28)


def _spread(points: list) -> list:
    """Middle first, then the quarters, ...: two different results show up early."""
    out, seen = [], set()
    step = len(points)
    while step >= 1:
        for i in range(step // 2, len(points), max(step, 1)):
            if i not in seen:
                seen.add(i)
                out.append(points[i])
        if step == 1:
            break
        step //= 2
    out.extend(p for i, p in enumerate(points) if i not in seen)
    return out


def _number_points(limits: set, q) -> tuple:
    lo = int(q.min) if q.min is not None else 0
    hi = int(q.max) if q.max is not None else None
    points = {lo}
    if hi is not None:
        points.add(hi)
    for t in limits:
        for p in (t - 1, t, t + 1):
            p = int(p) if float(p).is_integer() else p
            if p >= lo and (hi is None or p <= hi):
                points.add(p)
    if len(points) == 1:
        points.add(lo + 1)
    return tuple(_spread(sorted(points)))


def _all_exprs(pack) -> list:
    out = [d.expr for d in pack.definitions.values()]
    for p in pack.programs.values():
        stack = [p.eligibility]
        while stack:
            node = stack.pop()
            children = getattr(node, "children", None)
            if children is not None:
                stack.extend(children)
            elif node.expr is not None:
                out.append(node.expr)
        out.extend(c.expr for c in p.exclusions if c.expr is not None)
    out.extend(q.applies_if for q in pack.questions.values() if q.applies_if is not None)
    return [e for e in out if getattr(e, "tree", None) is not None]


def _numbers_in(node, pack, seen_tables: set) -> set:
    found: set = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and type(sub.value) in (int, float):
            found.add(sub.value)
    return found


def _table_numbers(table_ids, pack) -> set:
    out: set = set()
    for tid in table_ids:
        t = pack.tables.get(tid)
        if t is None:
            continue
        out.update(v for v in t.entries.values() if type(v) in (int, float))
        if type(t.default) in (int, float):
            out.add(t.default)
    return out


def _direct_limits(exprs, pack) -> tuple[dict, dict]:
    """question -> numbers it is compared with directly, and names (definitions, questions) it is
    compared with directly: `q <= sme_sales_limit` gives the name, `q >= 60` the number."""
    consts: dict[str, set] = {}
    names: dict[str, set] = {}
    for e in exprs:
        for sub in ast.walk(e.tree):
            if not isinstance(sub, ast.Compare):
                continue
            operands = [sub.left, *sub.comparators]
            for a, b in zip(operands, operands[1:]):
                for x, y in ((a, b), (b, a)):
                    if isinstance(x, ast.Name) and x.id in pack.questions:
                        if isinstance(y, ast.Constant) and type(y.value) in (int, float):
                            consts.setdefault(x.id, set()).add(y.value)
                        elif isinstance(y, ast.Name):
                            names.setdefault(x.id, set()).add(y.id)
                        else:
                            names.setdefault(x.id, set()).add(None)  # another shape: keep all
    return consts, names


def _thresholds(exprs, pack) -> dict[str, set]:
    """name (question or definition) -> the numbers it is compared with, anywhere in the rules."""
    defs = pack.definitions
    # numbers a definition can take (from the numeric tables it reads and its literals)
    def_values: dict[str, set] = {}
    for did, d in defs.items():
        vals = _table_numbers(d.expr.tables, pack)
        for n in d.expr.names:
            vals |= def_values.get(n, set())
        def_values[did] = vals
    out: dict[str, set] = {}
    for e in exprs:
        for sub in ast.walk(e.tree):
            if not isinstance(sub, ast.Compare):
                continue
            operands = [sub.left, *sub.comparators]
            names = [o.id for o in operands if isinstance(o, ast.Name)]
            if not names:
                continue
            others: set = set()
            for o in operands:
                others |= _numbers_in(o, pack, set())
                for inner in ast.walk(o):
                    if isinstance(inner, ast.Name) and inner.id in def_values:
                        others |= def_values[inner.id]
                    if isinstance(inner, ast.Call) and getattr(inner.func, "id", "") == "lookup" and inner.args:
                        first = inner.args[0]
                        if isinstance(first, ast.Constant):
                            others |= _table_numbers((first.value,), pack)
            for n in names:
                out.setdefault(n, set()).update(others)
    # a question read through an arithmetic definition (x * 2) gets the definition's limits too
    for did, d in defs.items():
        for n in d.expr.names:
            if n in pack.questions and did in out:
                out.setdefault(n, set()).update(out[did])
    return out


def _date_offsets(qid: str, exprs, pack, numbers) -> tuple:
    years: set = set()
    days: set = set()
    literals: set = set()
    for did, d in pack.definitions.items():
        for sub in ast.walk(d.expr.tree) if d.expr.tree is not None else ():
            if isinstance(sub, ast.Call) and any(isinstance(a, ast.Name) and a.id == qid for a in ast.walk(sub)):
                fname = getattr(sub.func, "id", "")
                limits = {int(n) for n in numbers.get(did, set()) if float(n).is_integer()}
                if fname in _YEAR_FUNCS:
                    years |= limits
                elif fname in _DAY_FUNCS:
                    days |= limits
    for e in exprs:
        if qid not in e.names and not any(qid in pack.definitions[n].expr.names for n in e.names if n in pack.definitions):
            continue
        for sub in ast.walk(e.tree):
            if isinstance(sub, ast.Call) and getattr(sub.func, "id", "") == "date" and sub.args:
                arg = sub.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    try:
                        literals.add(dt.date.fromisoformat(arg.value))
                    except ValueError:
                        pass
    return tuple(sorted(years)), tuple(sorted(days)), tuple(sorted(literals))


# ---------------------------------------------------------------- search


class Search:
    """One search over the open questions of one thing to decide (a criterion or a program)."""

    def __init__(self, fn: Callable[[Mapping], Any], answers: Mapping, open_vars, domains: Domains,
                 as_of: dt.date, budget: int = BUDGET):
        self.fn = fn  # answers -> result (True / False / UNKNOWN, or a status)
        self.answers = answers
        self.as_of = as_of
        self.budget = budget
        self.domains = domains
        self.vars = [(q, d) for q in open_vars if (d := domains.of(q, as_of))]
        self.vars.sort(key=lambda qd: len(qd[1]))

    def _values(self, qid: str, dom: tuple, assign: dict) -> tuple:
        if qid in self.domains.dynamic:
            here = self.domains.here(qid, Scope({**self.answers, **assign}, self.domains.plan.definitions, self.as_of))
            if here is not None:
                return here
        return dom

    def _eval(self, assign: dict) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise OutOfBudget
        return self.fn({**self.answers, **assign} if assign else self.answers)

    def outcomes(self, stop_at: int = 2) -> set | None:
        """The results complete answers can give (at least `stop_at` of them once found); None
        when the budget ran out first."""
        found: set = set()
        try:
            self._walk({}, 0, found, stop_at)
        except OutOfBudget:
            return None
        return found

    def _walk(self, assign: dict, i: int, found: set, stop_at: int) -> bool:
        r = self._eval(assign)
        if r is not UNKNOWN and r != "undetermined":
            found.add(r)
            return len(found) >= stop_at
        while i < len(self.vars) and self.vars[i][0] in assign:
            i += 1
        if i >= len(self.vars):
            found.add(_OPEN)
            return len(found) >= stop_at
        qid, values = self.vars[i]
        for v in self._values(qid, values, assign):
            assign[qid] = v
            done = self._walk(assign, i + 1, found, stop_at)
            del assign[qid]
            if done:
                return True
        return False

    def matters(self, qid: str) -> bool:
        """True when some answer to `qid` changes the result for some answer to the others (or
        when the budget runs out before that is settled)."""
        values = next((d for q, d in self.vars if q == qid), None)
        if not values:
            return False
        others = [(q, d) for q, d in self.vars if q != qid]
        try:
            return self._sampled(others, qid, values) or self._differs({}, others, 0, qid, values)
        except OutOfBudget:
            return True

    def _sampled(self, others, qid: str, values, samples: int = 12) -> bool:
        """A quick look for a witness: a few complete answers to the other questions, spread over
        their values, each tried with every answer to `qid`. Only a hit is conclusive."""
        for k in range(samples):
            assign = {q: dom[(k * (2 * j + 3) + j) % len(dom)] for j, (q, dom) in enumerate(others)}
            seen = set()
            for v in self._values(qid, values, assign):
                assign[qid] = v
                seen.add(_key(self._eval(assign)))
                if len(seen) > 1:
                    return True
        return False

    def _differs(self, assign: dict, others, i: int, qid: str, values) -> bool:
        while i < len(others) and others[i][0] in assign:
            i += 1
        last = i >= len(others)
        results = set()
        undecided = False
        for v in self._values(qid, values, assign):
            assign[qid] = v
            r = self._eval(assign)
            if r is UNKNOWN or r == "undetermined":
                undecided = True
                if not last:
                    break  # this node cannot be settled without the others: branch on them
            else:
                results.add(r)
                if len(results) > 1:
                    del assign[qid]
                    return True  # two answers to qid, two different decided results
        del assign[qid]
        if not undecided:
            return False  # all decided alike: no answer to qid changes anything here
        if last:
            return bool(results)  # a decided result against an open one still differs
        q, dom = others[i]
        for v in self._values(q, dom, assign):
            assign[q] = v
            hit = self._differs(assign, others, i + 1, qid, values)
            del assign[q]
            if hit:
                return True
        return False


def _key(r):
    return _OPEN if r is UNKNOWN or r == "undetermined" else r


def exact_truth(outcomes: set | None) -> Any:
    """True / False when every complete answer agrees, else UNKNOWN."""
    if outcomes is None or len(outcomes) != 1:
        return UNKNOWN
    (only,) = outcomes
    return UNKNOWN if only == _OPEN else only


OPEN = _OPEN
