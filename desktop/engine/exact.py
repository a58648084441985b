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
from bisect import bisect_left
from itertools import combinations
from typing import Any, Callable, Mapping

from desktop.engine.expr.tri import UNKNOWN
from desktop.engine.scope import Scope
from desktop.engine.model import criteria_of

BUDGET = 1500  # evaluations per search
_OPEN = "open"  # a complete answer that still leaves the result unknown (an unsettled criterion)
_YEAR_FUNCS = {"years_since", "years_between"}
_DAY_FUNCS = {"days_since", "days_between"}


class OutOfBudget(Exception):
    pass


# ---------------------------------------------------------------- domains


class Domains:
    """For each question, the values worth trying; built once per pack, dates per assessment day.

    `view(names)` narrows them to what one criterion or program reads (through its definitions):
    the industry classes of the size tables it uses, the limits it compares numbers with. A
    criterion reading only the SME sales ceiling needs one industry per ceiling, not one per
    class of every table in the rules.
    """

    def __init__(self, pack, plan):
        self.pack = pack
        self.plan = plan
        self._date_offsets: dict[str, tuple] = {}  # qid -> (years, days, literal dates)
        self._views: dict[frozenset, View] = {}
        exprs = _all_exprs(pack)
        numbers = _thresholds(exprs, pack)
        for qid, q in pack.questions.items():
            if q.type == "date":
                self._date_offsets[qid] = _date_offsets(qid, exprs, pack, numbers)
        self.everything = View(self, exprs)

    def view(self, roots) -> "View":
        """The domains for what `roots` (compiled expressions) read, through their definitions."""
        roots = tuple(r for r in roots if r is not None)
        key = frozenset(id(r) for r in roots)  # the expressions live as long as the pack
        found = self._views.get(key)
        if found is None:
            defs = self.pack.definitions
            exprs, seen, stack = list(roots), set(), [n for r in roots for n in r.names]
            while stack:
                n = stack.pop()
                if n in seen or n not in defs:
                    continue
                seen.add(n)
                exprs.append(defs[n].expr)
                stack.extend(defs[n].expr.names)
            found = self._views[key] = View(self, exprs)
        return found

    def of(self, qid: str, as_of: dt.date) -> tuple | None:
        return self.everything.of(qid, as_of)


class View:
    """The values worth trying for the questions read by a set of expressions."""

    def __init__(self, domains: Domains, exprs: list):
        pack, plan = domains.pack, domains.plan
        self.domains = domains
        self.pack = pack
        self.plan = plan
        self.fixed: dict[str, tuple] = {}
        self._by_day: dict[dt.date, dict[str, tuple]] = {}
        self._affected: dict[str, frozenset] = {}
        self._class_of: dict = {}
        self.dynamic: dict[str, tuple] = {}  # qid -> (question, numbers, names compared with)
        exprs = [e for e in exprs if getattr(e, "tree", None) is not None]
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
        # dates measured against another answered date (days_between(shop_opened, closure_date)):
        # the points around that date's limits, once it is known
        for qid, partners in _date_partners(exprs, pack).items():
            self.dynamic[qid] = ("date", tuple(sorted(partners)))
        # numbers that only meet fixed limits: any two answers between the same two limits give
        # the same results, so the cache keeps one entry per interval, not one per amount
        self._classes: dict[str, tuple] = {}
        for qid, q in pack.questions.items():
            if q.type in ("int", "amount"):
                limits = _piecewise_limits(qid, exprs, pack)
                if limits is not None:
                    self._classes[qid] = tuple(sorted(limits))
        defs = pack.definitions
        local = {id(e) for e in exprs}
        only = [did for did, d in defs.items()
                if id(d.expr) in local and plan.def_questions.get(did) == frozenset({"industry"})]
        # each as a function of the industry, reduced to what the expressions here tell apart:
        # a section only ever compared with 'K' splits the industries in two, not in eighteen
        self._industry_fns = [_signature(defs[did].expr, _equality_constants(did, exprs)) for did in only]
        industry_only = {id(defs[did].expr) for did in only}
        # An expression reading the industry itself (not through an industry-only definition):
        # every industry code is worth trying.
        self._industry_direct = any("industry" in e.names for e in exprs if id(e) not in industry_only)

    def key(self, answers, qids) -> tuple:
        """What of these answers can matter here, as a cache key."""
        out = []
        for q in qids:
            v = answers.get(q)
            limits = self._classes.get(q)
            if limits is not None and type(v) in (int, float):
                i = bisect_left(limits, v)
                v = ("=", i) if i < len(limits) and limits[i] == v else ("<", i)
            out.append(v)
        return tuple(out)

    def industry_class(self, as_of: dt.date):
        """code -> the industry tried for its class here (for reading a diagram with any code)."""
        found = self._class_of.get(as_of)
        if found is None:
            reps = {}
            for code in self.of("industry", as_of) or ():
                reps[self._industry_sig(code, as_of)] = code
            memo: dict = {}

            def class_of(code, reps=reps, memo=memo):
                if code not in memo:
                    memo[code] = reps.get(self._industry_sig(code, as_of), code)
                return memo[code]

            found = self._class_of[as_of] = class_of
        return found

    def _industry_sig(self, code, as_of):
        if self._industry_direct:
            return code
        scope = Scope({"industry": code}, self.plan.definitions, as_of)
        return tuple(_plain(f(scope)) for f in self._industry_fns)

    def affected(self, qid: str) -> frozenset:
        """The names to work out again when `qid` changes: it and the definitions reading it."""
        found = self._affected.get(qid)
        if found is None:
            found = self._affected[qid] = frozenset(
                [qid] + [d for d, qs in self.plan.def_questions.items() if qid in qs]
            )
        return found

    def here(self, qid: str, scope) -> tuple | None:
        """The points worth trying for a number given what is known in `scope`: when every limit
        it is compared with is known there, only the points around those limits."""
        spec = self.dynamic.get(qid)
        if spec is None:
            return None
        if spec[0] == "date":
            return self._dates_here(qid, spec[1], scope)
        q, consts, names = spec
        limits = set(consts)
        for n in names:
            v = scope[n]
            if type(v) in (int, float):
                limits.add(v)
            else:
                return None  # a limit still unknown: every point stays worth trying
        return _number_points(limits, q)

    def _dates_here(self, qid: str, partners, scope) -> tuple | None:
        as_of = scope["today"]
        base = self.of(qid, as_of)
        years, days, _ = self.domains._date_offsets.get(qid, ((), (), ()))
        points = set(base or ())
        for name in partners:
            other = scope[name]
            if not isinstance(other, dt.date):
                continue
            one = dt.timedelta(days=1)
            for n in years:
                for d in (_years_back(other, n), _years_back(other, -n)):
                    points.update((d - one, d, d + one))
            for n in days:
                for d in (other - dt.timedelta(days=n), other + dt.timedelta(days=n)):
                    points.update((d - one, d, d + one))
            points.update((other - one, other, other + one))
        return tuple(_spread(sorted(points))) if points else base

    def signature(self, qid: str, as_of: dt.date) -> tuple:
        """Everything a search over `qid` on `as_of` takes from this view: the values tried,
        whether and how they are narrowed once other answers are known (`here`), the date
        offsets, and for an industry the class each code is read as. Two views with equal
        signatures for each open question search alike, step by step."""
        spec = self.dynamic.get(qid)
        if spec is not None and spec[0] != "date":
            spec = (spec[1], spec[2])  # the question itself is compared by whoever asks
        classes = None
        q = self.pack.questions.get(qid)
        if q is not None and q.type == "industry":
            class_of = self.industry_class(as_of)
            classes = tuple((code, class_of(code)) for code in self.pack.industries)
        return (self.of(qid, as_of), spec, self.domains._date_offsets.get(qid), classes)

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
                classes.setdefault(self._industry_sig(code, as_of), code)
            return tuple(classes.values())
        if q.type == "date":
            years, days, literals = self.domains._date_offsets.get(qid, ((), (), ()))
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


def _nodes(node) -> tuple:
    """Every node of `node`'s tree, itself first (as `ast.walk` gives them), walked once and kept
    on the node: the domains read the same trees once per question they look at."""
    found = node.__dict__.get("_every_node")
    if found is None:
        found = node._every_node = tuple(ast.walk(node))
    return found


_ORDER = (ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq, ast.NotEq)


def _piecewise_limits(qid: str, exprs, pack) -> set | None:
    """The limits a number is compared with, when every use of it is a comparison with a number
    or with a table look-up (a definition that is just `lookup(...)`); else None."""
    defs = pack.definitions
    limits: set = set()
    uses = matched = 0
    for e in exprs:
        for sub in _nodes(e.tree):
            if isinstance(sub, ast.Name) and sub.id == qid:
                uses += 1
            if not isinstance(sub, ast.Compare) or not all(isinstance(o, _ORDER) for o in sub.ops):
                continue
            operands = [sub.left, *sub.comparators]
            for k, x in enumerate(operands):
                if not (isinstance(x, ast.Name) and x.id == qid):
                    continue
                for y in operands[max(k - 1, 0):k] + operands[k + 1:k + 2]:
                    if isinstance(y, ast.Constant) and type(y.value) in (int, float):
                        limits.add(y.value)
                    elif isinstance(y, ast.Name) and y.id in defs and _lookup_table(defs[y.id].expr):
                        limits |= _table_numbers((_lookup_table(defs[y.id].expr),), pack)
                    else:
                        return None
                matched += 1
    if uses == 0 or matched != uses:
        return None
    return limits


def _lookup_table(expr) -> str | None:
    tree = getattr(expr, "tree", None)
    body = tree.body if isinstance(tree, ast.Expression) else tree
    if isinstance(body, ast.Call) and getattr(body.func, "id", "") == "lookup" and body.args \
            and isinstance(body.args[0], ast.Constant) and isinstance(body.args[0].value, str):
        return body.args[0].value
    return None


_BETWEEN = {"days_between", "years_between"}


def _date_partners(exprs, pack) -> dict[str, set]:
    """date question -> the other date questions it is measured against (`days_between(a, b)`)."""
    dates = {qid for qid, q in pack.questions.items() if q.type == "date"}
    out: dict[str, set] = {}
    for e in exprs:
        for sub in _nodes(e.tree):
            if not (isinstance(sub, ast.Call) and getattr(sub.func, "id", "") in _BETWEEN and len(sub.args) == 2):
                continue
            sides = [{n.id for n in _nodes(a) if isinstance(n, ast.Name)} & dates for a in sub.args]
            for mine, theirs in ((sides[0], sides[1]), (sides[1], sides[0])):
                for q in mine:
                    if theirs - {q}:
                        out.setdefault(q, set()).update(theirs - {q})
    return out


def _equality_constants(name: str, exprs) -> tuple | None:
    """The constants `name` is compared with, when every use of it is `name == c`, `name != c`,
    `name in [...]` or `name not in [...]` (else None: its value itself matters)."""
    uses = 0
    matched = 0
    consts: set = set()
    for e in exprs:
        for sub in _nodes(e.tree):
            if isinstance(sub, ast.Name) and sub.id == name:
                uses += 1
            if not isinstance(sub, ast.Compare) or len(sub.ops) != 1:
                continue
            left, right = sub.left, sub.comparators[0]
            if not (isinstance(left, ast.Name) and left.id == name):
                continue
            if isinstance(sub.ops[0], (ast.Eq, ast.NotEq)) and isinstance(right, ast.Constant):
                consts.add(right.value)
                matched += 1
            elif isinstance(sub.ops[0], (ast.In, ast.NotIn)) and isinstance(right, (ast.List, ast.Tuple)) \
                    and all(isinstance(x, ast.Constant) for x in right.elts):
                consts.update(x.value for x in right.elts)
                matched += 1
    if uses == 0 or matched != uses:
        return None
    return tuple(sorted(consts, key=repr))


def _signature(expr, consts: tuple | None):
    if consts is None:
        return expr
    return lambda scope: tuple(_plain(expr(scope)) == c for c in consts)


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
        out.extend(c.expr for c in (*criteria_of(p.eligibility), *p.exclusions) if c.expr is not None)
    out.extend(q.applies_if for q in pack.questions.values() if q.applies_if is not None)
    return [e for e in out if getattr(e, "tree", None) is not None]


def _numbers_in(node, pack, seen_tables: set) -> set:
    found: set = set()
    for sub in _nodes(node):
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
        out.update(d.value for versions in t.dated.values() for d in versions if type(d.value) in (int, float))
        if type(t.default) in (int, float):
            out.add(t.default)
    return out


def _direct_limits(exprs, pack) -> tuple[dict, dict]:
    """question -> numbers it is compared with directly, and names (definitions, questions) it is
    compared with directly: `q <= sme_sales_limit` gives the name, `q >= 60` the number."""
    consts: dict[str, set] = {}
    names: dict[str, set] = {}
    for e in exprs:
        for sub in _nodes(e.tree):
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
        for sub in _nodes(e.tree):
            if not isinstance(sub, ast.Compare):
                continue
            operands = [sub.left, *sub.comparators]
            names = [o.id for o in operands if isinstance(o, ast.Name)]
            if not names:
                continue
            others: set = set()
            for o in operands:
                others |= _numbers_in(o, pack, set())
                for inner in _nodes(o):
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
        for sub in _nodes(d.expr.tree) if d.expr.tree is not None else ():
            if isinstance(sub, ast.Call) and any(isinstance(a, ast.Name) and a.id == qid for a in _nodes(sub)):
                fname = getattr(sub.func, "id", "")
                limits = {int(n) for n in numbers.get(did, set()) if float(n).is_integer()}
                if fname in _YEAR_FUNCS:
                    # the days around n years back give ages n and n - 1; n + 1 years back the
                    # age just past the limit (`years_since(d) <= 7` fails at 8)
                    years |= limits | {n + 1 for n in limits}
                elif fname in _DAY_FUNCS:
                    days |= limits
    for e in exprs:
        if qid not in e.names and not any(qid in pack.definitions[n].expr.names for n in e.names if n in pack.definitions):
            continue
        for sub in _nodes(e.tree):
            if isinstance(sub, ast.Call) and getattr(sub.func, "id", "") == "date" and sub.args:
                arg = sub.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    try:
                        literals.add(dt.date.fromisoformat(arg.value))
                    except ValueError:
                        pass
    return tuple(sorted(years)), tuple(sorted(days)), tuple(sorted(literals))


# ---------------------------------------------------------------- search


class _Assigned:
    """The answers with one more question filled in (a chain as deep as the search)."""

    __slots__ = ("base", "qid", "value")

    def __init__(self, base, qid: str, value):
        self.base = base
        self.qid = qid
        self.value = value

    def get(self, name: str, default=None):
        if name == self.qid:
            return self.value
        return self.base.get(name, default)


class Settled:
    """What a search found: the results complete answers can give (OPEN for one that stays
    unknown), the open questions the result depends on, and the diagram itself (`value_at` reads
    the result for more answers without evaluating anything)."""

    __slots__ = ("outcomes", "matters", "root")

    def __init__(self, outcomes: frozenset, matters: frozenset, root):
        self.outcomes = outcomes
        self.matters = matters
        self.root = root

    def truth(self) -> Any:
        """True / False when every complete answer agrees, else UNKNOWN."""
        if len(self.outcomes) != 1:
            return UNKNOWN
        (only,) = self.outcomes
        return UNKNOWN if only == _OPEN else only

    def value_at(self, assigned: Mapping) -> Any:
        """The result once the questions in `assigned` are answered so (UNKNOWN while the
        diagram still asks a question not among them)."""
        node = self.root
        while type(node) is _Node:
            v = assigned.get(node.qid)
            if v is None:
                return UNKNOWN
            node = node.child(v)
        return UNKNOWN if node.value == _OPEN else node.value


class _End:
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


class _Node:
    """One question of a diagram and where each of its answers leads."""

    __slots__ = ("qid", "points", "kids", "classes")

    def __init__(self, qid: str, points: tuple, kids: tuple, classes=None):
        self.qid = qid
        self.points = points  # the answers tried (numbers: sorted, the first of each step)
        self.kids = kids
        self.classes = classes  # industries: code -> the class whose representative was tried

    def child(self, value):
        if self.classes is not None:
            value = self.classes(value)
        try:
            return self.kids[self.points.index(value)]
        except ValueError:
            pass
        if type(value) in (int, float) and self.points and type(self.points[0]) in (int, float):
            # a number between the points tried: the step it falls in (the points sit on either
            # side of every limit, so nothing changes between two of them)
            i = bisect_left(self.points, value)
            return self.kids[max(i - 1, 0)]
        return _End(_OPEN)


class Search:
    """All complete answers to the open questions of one thing (a criterion or a program), as a
    reduced decision diagram: a partial answer that three-valued evaluation already decides ends
    its branch; a question whose answers all lead to the same rest is left out; equal rests are
    shared. The questions left in the diagram are exactly those the result depends on, and its
    ends are the results that can come out."""

    def __init__(self, fn: Callable[[Scope], Any], answers: Mapping, open_vars, view: View,
                 as_of: dt.date, budget: int = BUDGET, reads_answers: bool = False):
        self.fn = fn  # scope (or the answers) -> result (True / False / UNKNOWN, or a status)
        self.reads_answers = reads_answers  # fn reads only the answers: no scope to keep up
        self.answers = answers
        self.as_of = as_of
        self.budget = budget
        self.view = view
        self.definitions = view.plan.definitions
        listed = [(q, d) for q in open_vars if (d := view.of(q, as_of))]
        # choices first, then numbers whose limits the others decide (the industry's ceiling)
        listed.sort(key=lambda qd: (qd[0] in view.dynamic, len(qd[1])))
        self.vars = listed
        self.unlisted = frozenset(q for q in open_vars if not view.of(q, as_of))
        self.numeric = {q for q, _ in listed if view.pack.questions[q].type in ("int", "amount")}
        self._unique: dict = {}
        self._ends: dict = {}

    def run(self) -> Settled | None:
        """None when the budget runs out first."""
        scope = None if self.reads_answers else Scope(self.answers, self.definitions, self.as_of)
        try:
            root = self._node(self.answers, scope, 0)
        except OutOfBudget:
            return None
        outcomes = frozenset(self._ends)
        matters = {node.qid for node in self._unique.values()}
        if _OPEN in outcomes:
            matters |= self.unlisted  # a question with no values to try may be what holds it open
        return Settled(outcomes, frozenset(matters), root)

    def _end(self, value):
        found = self._ends.get(value)
        if found is None:
            found = self._ends[value] = _End(value)
        return found

    def _node(self, answers, scope: Scope, i: int):
        self.budget -= 1
        if self.budget < 0:
            raise OutOfBudget
        r = self.fn(answers if scope is None else scope)
        if r is not UNKNOWN and r != "undetermined":
            return self._end(r)
        if i >= len(self.vars):
            return self._end(_OPEN)
        qid, values = self.vars[i]
        if qid in self.view.dynamic:
            here = scope if scope is not None else Scope(answers, self.definitions, self.as_of)
            values = self.view.here(qid, here) or values
        kids = []
        if scope is None:
            for v in values:
                child_answers = _Assigned(answers, qid, v)
                kids.append((v, self._node(child_answers, None, i + 1)))
        else:
            drop = self.view.affected(qid)
            kept = {k: v for k, v in scope.items() if k not in drop}
            for v in values:
                child_answers = _Assigned(answers, qid, v)
                child = Scope(child_answers, self.definitions, self.as_of)
                child.update(kept)
                kids.append((v, self._node(child_answers, child, i + 1)))
        first = kids[0][1]
        if all(k is first for _, k in kids):
            return first  # no answer to this question changes anything below
        classes = None
        if qid in self.numeric:
            # the same steps at the same points are the same function of the number, however
            # many points were tried between them
            kids.sort(key=lambda vk: vk[0])
            runs = []
            for v, k in kids:
                if not runs or runs[-1][1] is not k:
                    runs.append((v, k))
            kids = runs
        elif self.view.pack.questions[qid].type == "industry":
            classes = self.view.industry_class(self.as_of)
        key = (qid, tuple((v, id(k)) for v, k in kids))
        found = self._unique.get(key)
        if found is None:
            found = self._unique[key] = _Node(qid, tuple(v for v, _ in kids), tuple(k for _, k in kids), classes)
        return found


def settle(fn, answers: Mapping, open_vars, view: View, as_of: dt.date, budget: int | None = None,
           reads_answers: bool = False) -> Settled | None:
    """Search, or None when `budget` evaluations (BUDGET unless told) do not suffice."""
    return Search(fn, answers, open_vars, view, as_of, BUDGET if budget is None else budget, reads_answers).run()


OPEN = _OPEN
