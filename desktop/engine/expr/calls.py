"""Building the calls of the rule language's functions into closures.

An unknown argument makes the result unknown (except for `known`, which asks exactly that);
`date('...')` with a constant is read at load, and `lookup` reads its table once.
"""

from __future__ import annotations

import ast
import bisect
import datetime as dt

from desktop.engine.expr import size
from desktop.engine.expr.fold import NOCONST, Built, const_fn, merge
from desktop.engine.expr.functions import FUNCTIONS, RETURN_KINDS, parse_date
from desktop.engine.expr.kinds import needs
from desktop.engine.expr.parse import suggest
from desktop.engine.model import Text
from desktop.engine.expr.tri import UNKNOWN, kind_of


def build_call(b, node: ast.Call) -> Built:
    """`b` is the Builder. parse() made sure the function is known and has the right arity."""
    name = node.func.id
    if name == "lookup":
        return build_lookup(b, node)
    args = [b.build(a) for a in node.args]
    names, today, tables = merge(*args)
    b.check_call_kinds(name, node, args)
    if name == "known":
        f = args[0].fn
        return Built(lambda s: f(s) is not UNKNOWN, "bool", names, today, NOCONST, tables)
    spec = FUNCTIONS[name]
    impl = spec.impl
    if name == "date" and args[0].const is not NOCONST:
        value = parse_date(args[0].const)
        if value is UNKNOWN:
            raise b.fail(Text(f"날짜가 아닙니다: {args[0].const!r} (실제 있는 날짜를 'YYYY-MM-DD'로 쓰세요)",
                              f"invalid date {args[0].const!r} (write 'YYYY-MM-DD', a real date)"), node)
        return Built(const_fn(value), "date", frozenset(), False, value)
    fns = tuple(a.fn for a in args)
    if spec.needs_today:
        (f,) = fns

        def fn(s):
            v = f(s)
            if v is UNKNOWN:
                return UNKNOWN
            return impl(s["today"], v)

        bound = size.DAYS_BOUND if name == "days_since" else size.YEARS_BOUND
        return Built(fn, RETURN_KINDS[name], names, True, NOCONST, tables, bound)
    if len(fns) == 1:
        (f,) = fns

        def fn(s):
            v = f(s)
            return UNKNOWN if v is UNKNOWN else impl(v)

    elif len(fns) == 2:
        f, g = fns

        def fn(s):
            a = f(s)
            if a is UNKNOWN:
                return UNKNOWN
            c = g(s)
            return UNKNOWN if c is UNKNOWN else impl(a, c)

    else:

        def fn(s):
            values = [f(s) for f in fns]
            for v in values:
                if v is UNKNOWN:
                    return UNKNOWN
            return impl(*values)

    kind = RETURN_KINDS[name]
    if name in ("min", "max"):
        kinds = {a.kind for a in args}
        kind = kinds.pop() if len(kinds) == 1 and len(args) > 1 else "any"
    return b.fold(node, Built(fn, kind, names, today, NOCONST, tables, _bound(b, name, node, args)))


def _bound(b, name: str, node: ast.Call, args) -> int:
    """The largest whole number a call can give (`size`)."""
    if name in ("min", "max", "abs"):
        return max((a.bound for a in args), default=0)
    if name == "year":
        return size.YEAR_BOUND
    if name == "days_between":
        return size.DAYS_BOUND
    if name == "years_between":
        return size.YEARS_BOUND
    if name == "count":
        arg = node.args[0]
        if isinstance(arg, ast.List):
            return len(arg.elts)
        question = b.names.questions.get(arg.id) if isinstance(arg, ast.Name) else None
        if question is not None and question.options:
            return len(question.options)
        return size.COUNT_BOUND
    return 0


def build_lookup(b, node: ast.Call) -> Built:
    """`lookup(table, key[, day])`. A table with dated entries is read on `day` (default: the
    assessment date): one resolved dict per stretch of days in which no entry changes."""
    table_node, key_node = node.args[:2]
    if not (isinstance(table_node, ast.Constant) and isinstance(table_node.value, str)):
        raise b.fail(Text("lookup(): 첫째 인수는 따옴표 안의 표 이름이어야 합니다",
                          "lookup(): the first argument must be a table name in quotes"), table_node)
    table_id = table_node.value
    table = b.names.tables.get(table_id)
    if table is None:
        guess = suggest(table_id, b.names.tables)
        raise b.fail(Text(f"모르는 표: '{table_id}'{guess.ko}", f"unknown table '{table_id}'{guess.en}"), table_node)
    key = b.build(key_node)
    parts = [key]
    on = None
    if len(node.args) > 2:
        on = b.build(node.args[2])
        if on.kind not in ("date", "any"):
            raise b.fail(needs(Text("lookup(): 셋째 인수(표를 읽는 날)는 날짜여야 합니다",
                                    "lookup(): the third argument, the day the table is read on, must be a date"),
                               b.describe(node.args[2], on.kind)), node.args[2])
    default = getattr(table, "default", None)
    default = UNKNOWN if default is None else default
    boundaries = table.boundaries() if getattr(table, "dated", None) else ()
    if boundaries:
        segments = [table.entries_on(boundaries[0] - dt.timedelta(days=1))] + [
            table.entries_on(day) for day in boundaries
        ]
    else:
        segments = [dict(table.entries)]
    kinds = {kind_of(v) for seg in segments for v in seg.values()}
    if default is not UNKNOWN:
        kinds.add(kind_of(default))
    kind = kinds.pop() if len(kinds) == 1 else "any"
    declared = getattr(table, "type", None)
    if declared is not None:
        kind = "text" if declared == "text" else "bool" if declared == "bool" else "number"
    find = _prefix_find if table.match == "prefix" else _exact_find
    longest = max((len(k) for seg in segments for k in seg), default=0)
    kf = key.fn
    if not boundaries:
        entries = segments[0]

        def fn(s):
            return find(entries, kf(s), longest, default)

    else:
        if on is not None:
            day_fn = on.fn
            parts.append(on)
        else:
            day_fn = _today
            parts.append(Built(_today, "date", frozenset(), True))

        def fn(s):
            day = day_fn(s)
            if not isinstance(day, dt.date):
                return UNKNOWN
            return find(segments[bisect.bisect_right(boundaries, day)], kf(s), longest, default)

    names, today, tables = merge(*parts)
    return Built(fn, kind, names, today, NOCONST, tables | {table_id}, size.of_table(table))


def _today(s):
    return s["today"]


def _prefix_find(entries, k, longest, default):
    """The longest key that is a prefix of `k` wins (KSIC codes: C30393 before C30 before C)."""
    if type(k) is not str:
        return UNKNOWN
    for n in range(min(len(k), longest), 0, -1):
        v = entries.get(k[:n], NOCONST)
        if v is not NOCONST:
            return v
    return default


def _exact_find(entries, k, _longest, default):
    if k is UNKNOWN:
        return UNKNOWN
    if type(k) is not str:
        k = str(k)
    return entries.get(k, default)
