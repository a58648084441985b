"""Building the calls of the rule language's functions into closures.

An unknown argument makes the result unknown (except for `known`, which asks exactly that);
`date('...')` with a constant is read at load, and `lookup` reads its table once.
"""

from __future__ import annotations

import ast

from desktop.engine.expr.fold import NOCONST, Built, const_fn, merge
from desktop.engine.expr.functions import FUNCTIONS, RETURN_KINDS, parse_date
from desktop.engine.expr.parse import suggest
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
            raise b.fail(f"invalid date {args[0].const!r} (write 'YYYY-MM-DD', a real date)", node)
        return Built(const_fn(value), "date", frozenset(), False, value)
    fns = tuple(a.fn for a in args)
    if spec.needs_today:
        (f,) = fns

        def fn(s):
            v = f(s)
            if v is UNKNOWN:
                return UNKNOWN
            return impl(s["today"], v)

        return Built(fn, RETURN_KINDS[name], names, True, NOCONST, tables)
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
    return b.fold(node, Built(fn, kind, names, today, NOCONST, tables))


def build_lookup(b, node: ast.Call) -> Built:
    table_node, key_node = node.args
    if not (isinstance(table_node, ast.Constant) and isinstance(table_node.value, str)):
        raise b.fail("lookup(): the first argument must be a table name in quotes", table_node)
    table_id = table_node.value
    table = b.names.tables.get(table_id)
    if table is None:
        raise b.fail(f"unknown table '{table_id}'{suggest(table_id, b.names.tables)}", table_node)
    key = b.build(key_node)
    kf = key.fn
    entries = dict(table.entries)
    default = getattr(table, "default", None)
    default = UNKNOWN if default is None else default
    kinds = {kind_of(v) for v in entries.values()}
    if default is not UNKNOWN:
        kinds.add(kind_of(default))
    kind = kinds.pop() if len(kinds) == 1 else "any"
    if table.match == "prefix":
        longest = max((len(k) for k in entries), default=0)

        def fn(s):
            k = kf(s)
            if type(k) is not str:
                return UNKNOWN
            for n in range(min(len(k), longest), 0, -1):
                v = entries.get(k[:n], NOCONST)
                if v is not NOCONST:
                    return v
            return default

    else:

        def fn(s):
            k = kf(s)
            if k is UNKNOWN:
                return UNKNOWN
            if type(k) is not str:
                k = str(k)
            return entries.get(k, default)

    return Built(fn, kind, key.names, key.today, NOCONST, key.tables | {table_id})
