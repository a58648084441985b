"""Builds a checked expression tree into plain Python closures (no code generation of any kind).

Each node becomes a small function of the evaluation scope. Names are resolved, function arguments
and types checked, and constant parts folded here, at load, so a mistake in a rule file is reported
with its column before any applicant is assessed. The result also records which names it reads,
so the questions a rule depends on are known without evaluating it.
"""

from __future__ import annotations

import ast
import operator
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from desktop.engine.expr.errors import ExprError
from desktop.engine.expr.functions import FUNCTIONS, RETURN_KINDS, parse_date
from desktop.engine.expr.parse import parse, suggest
from desktop.engine.expr.tri import UNKNOWN, kind_of, truth

_NUM = frozenset((int, float))
_NOCONST = object()

# Static kinds: "number", "text", "bool", "date", "list" or "any" (not known before evaluation).
QUESTION_KINDS = {
    "bool": "bool",
    "int": "number",
    "amount": "number",
    "date": "date",
    "choice": "text",
    "industry": "text",
    "text": "text",
    "multi": "list",
}

_KIND_WORDS = {
    "number": "a number",
    "text": "text",
    "bool": "a yes/no value",
    "date": "a date",
    "list": "a list",
}


@dataclass
class Names:
    """What an expression may refer to. `questions` values need `.type` and `.options`;
    `tables` values need `.entries`, `.match` and optionally `.default`."""

    questions: Mapping[str, Any]
    definitions: Mapping[str, str] = field(default_factory=dict)  # id -> static kind
    tables: Mapping[str, Any] = field(default_factory=dict)
    # Ids written in the rule files but left out because of their own problems: id -> what it is.
    unavailable: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class NearMissSpec:
    """A leaf of the form `name <op> limit`, with `name` on the left after normalising."""

    name: str
    op: str
    limit: Callable[[Any], Any]


class Expr:
    """A compiled expression: call it with a scope to get True / False / a value / UNKNOWN."""

    __slots__ = ("text", "fn", "names", "uses_today", "kind", "near", "tables")

    def __init__(self, text, fn, names, uses_today, kind, near, tables):
        self.text = text
        self.fn = fn
        self.names = names  # frozenset of question and definition ids read directly
        self.uses_today = uses_today
        self.kind = kind
        self.near = near  # tuple of NearMissSpec: the limits a failure can be measured against
        self.tables = tables  # frozenset of table ids used

    def __call__(self, scope) -> Any:
        try:
            return self.fn(scope)
        except Exception:  # a bad answer of an unexpected shape is unknown, never a crash
            return UNKNOWN

    def __repr__(self) -> str:
        return f"Expr({self.text!r})"


@dataclass
class _Built:
    fn: Callable[[Any], Any]
    kind: str
    names: frozenset
    today: bool
    const: Any = _NOCONST
    tables: frozenset = frozenset()


def build_expr(text: object, names: Names) -> Expr:
    """Parse, check and build one expression. Raises ExprError with a column."""
    tree, body = parse(text)
    builder = _Builder(body, names, len(str(text)) - len(str(text).lstrip()))
    built = builder.build(tree)
    near = _near_miss_spec(tree, built, builder)
    return Expr(body, built.fn, built.names, built.today, built.kind, near, built.tables)


def _const_fn(value):
    return lambda scope: value


def _merge(*parts: _Built) -> tuple[frozenset, bool, frozenset]:
    names: frozenset = frozenset().union(*(p.names for p in parts)) if parts else frozenset()
    today = any(p.today for p in parts)
    tables: frozenset = frozenset().union(*(p.tables for p in parts)) if parts else frozenset()
    return names, today, tables


class _Builder:
    def __init__(self, text: str, names: Names, lead: int):
        self.text = text
        self.names = names
        self.lead = lead
        self._bytes = text.encode("utf-8")
        self.built: dict[int, _Built] = {}

    # ---------------------------------------------------------------- helpers
    def col(self, node: ast.AST) -> int | None:
        offset = getattr(node, "col_offset", None)
        if offset is None:
            return None
        return len(self._bytes[:offset].decode("utf-8", errors="ignore")) + 1 + self.lead

    def segment(self, node: ast.AST) -> str:
        start = getattr(node, "col_offset", None)
        end = getattr(node, "end_col_offset", None)
        if start is None or end is None:
            return ""
        return self._bytes[start:end].decode("utf-8", errors="replace")

    def fail(self, message: str, node: ast.AST) -> ExprError:
        return ExprError(message, self.col(node))

    def fold(self, node: ast.AST, built: _Built) -> _Built:
        """Compute a part without names once, at load; a part that can never be known is an error."""
        if built.names or built.today or built.const is not _NOCONST:
            return built
        try:
            value = built.fn(None)
        except Exception:
            value = UNKNOWN
        if value is UNKNOWN:
            raise self.fail(
                f"'{self.segment(node)}' can never have a value (wrong types or division by zero)", node
            )
        built.const = value
        built.fn = _const_fn(value)
        built.kind = kind_of(value) if kind_of(value) != "other" else "any"
        return built

    def build(self, node: ast.AST) -> _Built:
        method = getattr(self, "_" + type(node).__name__)
        built = method(node)
        self.built[id(node)] = built
        return built

    def describe(self, node: ast.AST, kind: str) -> str:
        return f"'{self.segment(node)}' is {_KIND_WORDS.get(kind, kind)}"

    # ---------------------------------------------------------------- leaves
    def _Constant(self, node: ast.Constant) -> _Built:
        value = node.value
        return _Built(_const_fn(value), kind_of(value), frozenset(), False, value)

    def _Name(self, node: ast.Name) -> _Built:
        name = node.id
        if name == "today":
            return _Built(lambda s: s["today"], "date", frozenset(), True)
        if name in ("True", "False"):  # only reachable on very old parsers
            value = name == "True"
            return _Built(_const_fn(value), "bool", frozenset(), False, value)
        if name in self.names.questions:
            kind = QUESTION_KINDS.get(self.names.questions[name].type, "any")
        elif name in self.names.definitions:
            kind = self.names.definitions[name] or "any"
        else:
            known = list(self.names.questions) + list(self.names.definitions) + ["today"]
            if name in FUNCTIONS:
                raise self.fail(f"'{name}' is a function; call it as {name}(...)", node)
            if name in self.names.unavailable:
                raise self.fail(
                    f"uses {self.names.unavailable[name]} '{name}', which could not be loaded (see its own error)", node
                )
            raise self.fail(f"unknown name '{name}'{suggest(name, known)}", node)

        def get(s, _n=name):
            return s[_n]

        return _Built(get, kind, frozenset((name,)), False)

    def _List(self, node: ast.List) -> _Built:
        parts = [self.build(e) for e in node.elts]
        names, today, tables = _merge(*parts)
        if all(p.const is not _NOCONST for p in parts):
            value = tuple(p.const for p in parts)
            return _Built(_const_fn(value), "list", names, today, value, tables)
        fns = tuple(p.fn for p in parts)
        return _Built(lambda s: tuple(f(s) for f in fns), "list", names, today, _NOCONST, tables)

    # ---------------------------------------------------------------- logic
    def _BoolOp(self, node: ast.BoolOp) -> _Built:
        parts = [self.build(v) for v in node.values]
        fns = tuple(p.fn for p in parts)
        names, today, tables = _merge(*parts)
        if isinstance(node.op, ast.And):

            def fn(s):
                unknown = False
                for f in fns:
                    v = f(s)
                    if v is True:
                        continue
                    if v is False:
                        return False
                    v = truth(v)
                    if v is False:
                        return False
                    if v is UNKNOWN:
                        unknown = True
                return UNKNOWN if unknown else True

        else:

            def fn(s):
                unknown = False
                for f in fns:
                    v = f(s)
                    if v is True:
                        return True
                    if v is False:
                        continue
                    v = truth(v)
                    if v is True:
                        return True
                    if v is UNKNOWN:
                        unknown = True
                return UNKNOWN if unknown else False

        return self.fold(node, _Built(fn, "bool", names, today, _NOCONST, tables))

    def _UnaryOp(self, node: ast.UnaryOp) -> _Built:
        inner = self.build(node.operand)
        if isinstance(node.op, ast.Not):
            f = inner.fn

            def fn(s):
                v = f(s)
                if v is True:
                    return False
                if v is False:
                    return True
                v = truth(v)
                return UNKNOWN if v is UNKNOWN else not v

            kind = "bool"
        else:
            if inner.kind not in ("number", "any"):
                raise self.fail(f"'{_op_word(node.op)}' needs a number; {self.describe(node.operand, inner.kind)}", node)
            f = inner.fn
            negate = isinstance(node.op, ast.USub)

            def fn(s):
                v = f(s)
                if type(v) not in _NUM:
                    return UNKNOWN
                return -v if negate else v

            kind = "number"
        return self.fold(node, _Built(fn, kind, inner.names, inner.today, _NOCONST, inner.tables))

    def _BinOp(self, node: ast.BinOp) -> _Built:
        left, right = self.build(node.left), self.build(node.right)
        for side, built in ((node.left, left), (node.right, right)):
            if built.kind not in ("number", "any"):
                hint = " (use days_between / years_between for dates)" if built.kind == "date" else ""
                raise self.fail(
                    f"'{_op_word(node.op)}' needs numbers; {self.describe(side, built.kind)}{hint}", node
                )
        op = {
            ast.Add: operator.add,
            ast.Sub: operator.sub,
            ast.Mult: operator.mul,
            ast.Div: operator.truediv,
            ast.FloorDiv: operator.floordiv,
            ast.Mod: operator.mod,
        }[type(node.op)]
        lf, rf = left.fn, right.fn

        def fn(s):
            a = lf(s)
            b = rf(s)
            if type(a) not in _NUM or type(b) not in _NUM:
                return UNKNOWN
            try:
                return op(a, b)
            except (ZeroDivisionError, OverflowError):
                return UNKNOWN

        names, today, tables = _merge(left, right)
        return self.fold(node, _Built(fn, "number", names, today, _NOCONST, tables))

    def _IfExp(self, node: ast.IfExp) -> _Built:
        test, body, orelse = self.build(node.test), self.build(node.body), self.build(node.orelse)
        tf, bf, of = test.fn, body.fn, orelse.fn

        def fn(s):
            c = tf(s)
            if c is not True and c is not False:
                c = truth(c)
            if c is True:
                return bf(s)
            if c is False:
                return of(s)
            a = bf(s)
            b = of(s)
            if a is UNKNOWN or b is UNKNOWN or kind_of(a) != kind_of(b):
                return UNKNOWN
            return a if a == b else UNKNOWN

        kind = body.kind if body.kind == orelse.kind else "any"
        names, today, tables = _merge(test, body, orelse)
        return self.fold(node, _Built(fn, kind, names, today, _NOCONST, tables))

    # ---------------------------------------------------------------- comparisons
    def _Compare(self, node: ast.Compare) -> _Built:
        operands = [node.left, *node.comparators]
        parts = [self.build(o) for o in operands]
        pairs = []
        for i, op in enumerate(node.ops):
            a_node, b_node = operands[i], operands[i + 1]
            a, b = parts[i], parts[i + 1]
            self._check_compare(op, a_node, a, b_node, b, node)
            pairs.append((_COMPARE[type(op)], a.fn, b.fn))
        names, today, tables = _merge(*parts)
        if len(pairs) == 1:
            cmp, lf, rf = pairs[0]

            def fn(s):
                return cmp(lf(s), rf(s))

        else:
            fns = tuple(p.fn for p in parts)
            cmps = tuple(p[0] for p in pairs)

            def fn(s):
                unknown = False
                left = fns[0](s)
                for cmp, f in zip(cmps, fns[1:]):
                    right = f(s)
                    r = cmp(left, right)
                    if r is False:
                        return False
                    if r is UNKNOWN:
                        unknown = True
                    left = right
                return UNKNOWN if unknown else True

        return self.fold(node, _Built(fn, "bool", names, today, _NOCONST, tables))

    def _check_compare(self, op, a_node, a: _Built, b_node, b: _Built, node) -> None:
        if isinstance(op, (ast.In, ast.NotIn)):
            if b.kind not in ("list", "text", "any"):
                raise self.fail(f"'in' needs a list or text on its right; {self.describe(b_node, b.kind)}", node)
            if b.kind == "list" and isinstance(b_node, ast.List):
                for elt in b_node.elts:
                    ek = self.built[id(elt)].kind
                    if a.kind != "any" and ek != "any" and ek != a.kind:
                        raise self.fail(
                            f"compares {_KIND_WORDS.get(a.kind, a.kind)} ('{self.segment(a_node)}') "
                            f"with {_KIND_WORDS.get(ek, ek)} ('{self.segment(elt)}')",
                            elt,
                        )
                self._check_options(a_node, [e for e in b_node.elts])
            if b.kind == "list" and isinstance(b_node, ast.Name):
                self._check_options(b_node, [a_node])
            return
        if a.kind != "any" and b.kind != "any" and a.kind != b.kind:
            raise self.fail(
                f"compares {_KIND_WORDS.get(a.kind, a.kind)} ('{self.segment(a_node)}') "
                f"with {_KIND_WORDS.get(b.kind, b.kind)} ('{self.segment(b_node)}')",
                node,
            )
        if not isinstance(op, (ast.Eq, ast.NotEq)):
            for side, built in ((a_node, a), (b_node, b)):
                if built.kind in ("bool", "list"):
                    raise self.fail(f"'<', '>' and the like need numbers, dates or text; {self.describe(side, built.kind)}", node)
            return
        if isinstance(a_node, ast.Name):
            self._check_options(a_node, [b_node])
        if isinstance(b_node, ast.Name):
            self._check_options(b_node, [a_node])

    def _check_options(self, name_node, value_nodes) -> None:
        """A text compared with a choice question must be one of its options (catches typos)."""
        if not isinstance(name_node, ast.Name):
            return
        q = self.names.questions.get(name_node.id)
        if q is None or q.type not in ("choice", "multi") or not q.options:
            return
        values = [o.value for o in q.options]
        for vn in value_nodes:
            if isinstance(vn, ast.Constant) and isinstance(vn.value, str) and vn.value not in values:
                raise self.fail(
                    f"'{vn.value}' is not an option of '{name_node.id}'{suggest(vn.value, values)}; "
                    f"options: {', '.join(values)}",
                    vn,
                )

    # ---------------------------------------------------------------- calls
    def _Call(self, node: ast.Call) -> _Built:
        name = node.func.id  # parse() made sure it is a known function with the right arity
        if name == "lookup":
            return self._lookup(node)
        args = [self.build(a) for a in node.args]
        names, today, tables = _merge(*args)
        self._check_call_kinds(name, node, args)
        if name == "known":
            f = args[0].fn
            return _Built(lambda s: f(s) is not UNKNOWN, "bool", names, today, _NOCONST, tables)
        spec = FUNCTIONS[name]
        impl = spec.impl
        if name == "date" and args[0].const is not _NOCONST:
            value = parse_date(args[0].const)
            if value is UNKNOWN:
                raise self.fail(f"invalid date {args[0].const!r} (write 'YYYY-MM-DD', a real date)", node)
            return _Built(_const_fn(value), "date", frozenset(), False, value)
        fns = tuple(a.fn for a in args)
        if spec.needs_today:
            (f,) = fns

            def fn(s):
                v = f(s)
                if v is UNKNOWN:
                    return UNKNOWN
                return impl(s["today"], v)

            return _Built(fn, RETURN_KINDS[name], names, True, _NOCONST, tables)
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
                b = g(s)
                return UNKNOWN if b is UNKNOWN else impl(a, b)

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
        return self.fold(node, _Built(fn, kind, names, today, _NOCONST, tables))

    def _check_call_kinds(self, name: str, node: ast.Call, args: list[_Built]) -> None:
        wanted = {
            "date": ("text",),
            "years_since": ("date",),
            "days_since": ("date",),
            "years_between": ("date", "date"),
            "days_between": ("date", "date"),
            "abs": ("number",),
            "count": ("list",),
            "has": ("list", None),
            "has_any": ("list", "list"),
        }.get(name)
        if name in ("min", "max"):
            for a, an in zip(args, node.args):
                if a.kind not in ("number", "date", "any") and not (len(args) == 1 and a.kind == "list"):
                    raise self.fail(f"{name}() needs numbers or dates; {self.describe(an, a.kind)}", an)
            return
        if not wanted:
            return
        for want, a, an in zip(wanted, args, node.args):
            if want and a.kind not in (want, "any"):
                raise self.fail(
                    f"{name}() needs {_KIND_WORDS[want]} here; {self.describe(an, a.kind)}", an
                )
        if name in ("has", "has_any") and isinstance(node.args[0], ast.Name):
            second = node.args[1]
            values = second.elts if isinstance(second, ast.List) else [second]
            self._check_options(node.args[0], values)

    def _lookup(self, node: ast.Call) -> _Built:
        table_node, key_node = node.args
        if not (isinstance(table_node, ast.Constant) and isinstance(table_node.value, str)):
            raise self.fail("lookup(): the first argument must be a table name in quotes", table_node)
        table_id = table_node.value
        table = self.names.tables.get(table_id)
        if table is None:
            raise self.fail(f"unknown table '{table_id}'{suggest(table_id, self.names.tables)}", table_node)
        key = self.build(key_node)
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
                    v = entries.get(k[:n], _NOCONST)
                    if v is not _NOCONST:
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

        return _Built(fn, kind, key.names, key.today, _NOCONST, key.tables | {table_id})


def _op_word(op: ast.AST) -> str:
    return {
        ast.Add: "+",
        ast.Sub: "-",
        ast.Mult: "*",
        ast.Div: "/",
        ast.FloorDiv: "//",
        ast.Mod: "%",
        ast.USub: "-",
        ast.UAdd: "+",
    }.get(type(op), "?")


# ---------------------------------------------------------------- comparison functions


def _same_kind(a, b) -> bool:
    if a is UNKNOWN or b is UNKNOWN:
        return False
    return kind_of(a) == kind_of(b)


def _ordered(py_op):
    def cmp(a, b):
        if type(a) in _NUM and type(b) in _NUM:
            return py_op(a, b)
        if not _same_kind(a, b) or kind_of(a) not in ("number", "date", "text"):
            return UNKNOWN
        try:
            return py_op(a, b)
        except TypeError:
            return UNKNOWN

    return cmp


def _eq(a, b):
    if a is UNKNOWN or b is UNKNOWN:
        return UNKNOWN
    if type(a) is type(b) or _same_kind(a, b):
        return a == b
    return UNKNOWN


def _ne(a, b):
    r = _eq(a, b)
    return r if r is UNKNOWN else not r


def _in(a, b):
    if b is UNKNOWN:
        return UNKNOWN
    if isinstance(b, tuple):
        if a is UNKNOWN:
            return False if not b else UNKNOWN
        if a in b:
            return True
        return UNKNOWN if UNKNOWN in b else False
    if isinstance(b, str):
        if a is UNKNOWN:
            return UNKNOWN
        return a in b if isinstance(a, str) else UNKNOWN
    return UNKNOWN


def _not_in(a, b):
    r = _in(a, b)
    return r if r is UNKNOWN else not r


_COMPARE = {
    ast.Eq: _eq,
    ast.NotEq: _ne,
    ast.Lt: _ordered(operator.lt),
    ast.LtE: _ordered(operator.le),
    ast.Gt: _ordered(operator.gt),
    ast.GtE: _ordered(operator.ge),
    ast.In: _in,
    ast.NotIn: _not_in,
}

_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}
_OP_TEXT = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}


def _near_miss_spec(tree: ast.expr, built: _Built, builder: _Builder) -> tuple[NearMissSpec, ...]:
    """Recognise `name < limit` (either way round) or a range `low <= name <= high`, where the
    limits do not depend on `name`: the shapes whose failure can be told as "missed by so much"."""
    if not isinstance(tree, ast.Compare) or not all(type(op) in _OP_TEXT for op in tree.ops):
        return ()
    operands = [tree.left, *tree.comparators]
    if len(tree.ops) == 1:
        left, right = operands
        op = _OP_TEXT[type(tree.ops[0])]
        if isinstance(left, ast.Name) and left.id != "today":
            spec = _spec(left.id, op, right, builder)
        elif isinstance(right, ast.Name) and right.id != "today":
            spec = _spec(right.id, _FLIP[op], left, builder)
        else:
            spec = None
        return (spec,) if spec else ()
    if len(tree.ops) == 2 and isinstance(operands[1], ast.Name) and operands[1].id != "today":
        name = operands[1].id
        low = _spec(name, _FLIP[_OP_TEXT[type(tree.ops[0])]], operands[0], builder)
        high = _spec(name, _OP_TEXT[type(tree.ops[1])], operands[2], builder)
        return (low, high) if low and high else ()
    return ()


def _spec(name: str, op: str, other: ast.expr, builder: _Builder) -> NearMissSpec | None:
    other_built = builder.built[id(other)]
    if name in other_built.names or other_built.kind not in ("number", "any"):
        return None
    kind = builder.names.questions[name].type if name in builder.names.questions else None
    if kind is not None and QUESTION_KINDS.get(kind) != "number":
        return None
    if kind is None and builder.names.definitions.get(name, "any") not in ("number", "any"):
        return None
    return NearMissSpec(name, op, other_built.fn)
