"""Builds a checked expression tree into plain Python closures (no code generation of any kind).

Each node becomes a small function of the evaluation scope. Names are resolved and kinds checked
here (`kinds`), constant parts folded (`fold`), calls built in `calls`; the closures use the
operators of `runtime` and the three-valued logic of `tri`.
"""

from __future__ import annotations

import ast

from desktop.engine.expr import size
from desktop.engine.expr.calls import build_call
from desktop.engine.expr.errors import ExprError
from desktop.engine.expr.fold import NOCONST, Built, const_fn, constant, fold, merge
from desktop.engine.expr.functions import FUNCTIONS
from desktop.engine.expr.hints import name_hint
from desktop.engine.expr.kinds import KindChecks, Names, needs
from desktop.engine.expr.runtime import ARITHMETIC, COMPARE, NUM, OP_WORDS, arithmetic
from desktop.engine.expr.tri import UNKNOWN, kind_of, tri_all, tri_any, tri_not, truth
from desktop.engine.josa import attach
from desktop.engine.model import Text
from desktop.engine.suggest import closest


class Builder(KindChecks):
    def __init__(self, text: str, names: Names, lead: int):
        self.text = text
        self.names = names
        self.lead = lead
        self._bytes = text.encode("utf-8")
        self.built: dict[int, Built] = {}
        self.errors: list[ExprError] = []  # mistakes noted while building goes on

    # ---------------------------------------------------------------- positions
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

    def fail(self, message: Text, node: ast.AST) -> ExprError:
        return ExprError(message, self.col(node))

    # ---------------------------------------------------------------- dispatch
    def build(self, node: ast.AST) -> Built:
        method = getattr(self, "_" + type(node).__name__)
        built = method(node)
        self.built[id(node)] = built
        return built

    def fold(self, node: ast.AST, built: Built) -> Built:
        folded = fold(built)
        if folded is None:
            seg = self.segment(node)
            raise self.fail(Text(f"값이 나올 수 없는 식: '{seg}' (종류가 맞지 않거나 0으로 나눔)",
                                 f"'{seg}' can never have a value (wrong types or division by zero)"), node)
        return folded

    # ---------------------------------------------------------------- leaves
    def _Constant(self, node: ast.Constant) -> Built:
        return constant(node.value)

    def _Name(self, node: ast.Name) -> Built:
        name = node.id
        if name == "today":
            return Built(lambda s: s["today"], "date", frozenset(), True)
        if name in ("True", "False"):  # only reachable on very old parsers
            return constant(name == "True")
        kind = self.names.kind_of_name(name)
        if kind is None:
            # Noted, and building goes on: every misspelt name of the expression is told at once.
            self.errors.append(self.unknown_name(node))
            return Built(lambda s: UNKNOWN, "any", frozenset((name,)), False)

        def get(s, _n=name):
            return s[_n]

        return Built(get, kind, frozenset((name,)), False, bound=self.names.bound_of_name(name))

    def unknown_name(self, node: ast.Name) -> ExprError:
        name = node.id
        hint = name_hint(name)
        if hint is not None:
            return ExprError(hint[0], self.col(node), name, hint[1])
        if name in FUNCTIONS:
            return self.fail(Text(f"함수 이름: '{name}'. {name}(...)처럼 불러서 쓰세요",
                                  f"'{name}' is a function; call it as {name}(...)"), node)
        if name in self.names.unavailable:
            what = self.names.unavailable[name]
            what_ko = {"definition": "정의", "question": "질문", "table": "표"}.get(what, what)
            return self.fail(Text(f"불러오지 못한 {attach(what_ko, '을')} 씁니다: '{name}' (그 {what_ko}의 오류를 먼저 보세요)",
                                  f"uses {what} '{name}', which could not be loaded (see its own error)"), node)
        known = list(self.names.questions) + list(self.names.definitions) + ["today"]
        right = closest(name, known)
        guess = f" (did you mean '{right}'?)" if right else ""
        return ExprError(Text(f"모르는 이름: '{name}'" + (f" (혹시 '{right}'?)" if right else ""),
                              f"unknown name '{name}'{guess}"), self.col(node), name,
                         Text(right, f"write {right}") if right else None)

    def _List(self, node: ast.List) -> Built:
        parts = [self.build(e) for e in node.elts]
        names, today, tables = merge(*parts)
        if all(p.const is not NOCONST for p in parts):
            value = tuple(p.const for p in parts)
            return Built(const_fn(value), "list", names, today, value, tables)
        fns = tuple(p.fn for p in parts)
        return Built(lambda s: tuple(f(s) for f in fns), "list", names, today, NOCONST, tables,
                     max((p.bound for p in parts), default=0))

    # ---------------------------------------------------------------- logic
    def _BoolOp(self, node: ast.BoolOp) -> Built:
        parts = [self.build(v) for v in node.values]
        fns = tuple(p.fn for p in parts)
        names, today, tables = merge(*parts)
        fold_op = tri_all if isinstance(node.op, ast.And) else tri_any

        def fn(s):
            return fold_op(f(s) for f in fns)

        return self.fold(node, Built(fn, "bool", names, today, NOCONST, tables))

    def _UnaryOp(self, node: ast.UnaryOp) -> Built:
        inner = self.build(node.operand)
        f = inner.fn
        if isinstance(node.op, ast.Not):

            def fn(s):
                return tri_not(f(s))

            kind = "bool"
        else:
            if inner.kind not in ("number", "any"):
                op = OP_WORDS[type(node.op)]
                raise self.fail(needs(Text(f"'{op}'에는 숫자가 필요합니다", f"'{op}' needs a number"),
                                      self.describe(node.operand, inner.kind)), node)
            negate = isinstance(node.op, ast.USub)

            def fn(s):
                v = f(s)
                if type(v) not in NUM:
                    return UNKNOWN
                return -v if negate else v

            kind = "number"
        bound = 0 if kind == "bool" else inner.bound
        return self.fold(node, Built(fn, kind, inner.names, inner.today, NOCONST, inner.tables, bound))

    def _BinOp(self, node: ast.BinOp) -> Built:
        left, right = self.build(node.left), self.build(node.right)
        for side, built in ((node.left, left), (node.right, right)):
            if built.kind not in ("number", "any"):
                op = OP_WORDS[type(node.op)]
                described = self.describe(side, built.kind)
                if built.kind == "date":
                    described = Text(f"{described.ko} (날짜 사이는 days_between / years_between 함수로 셉니다)",
                                     f"{described.en} (use days_between / years_between for dates)")
                raise self.fail(needs(Text(f"'{op}'에는 숫자가 필요합니다", f"'{op}' needs numbers"), described), node)
        bound = self.bounded(node, left, right)
        fn = arithmetic(ARITHMETIC[type(node.op)], left.fn, right.fn)
        names, today, tables = merge(left, right)
        return self.fold(node, Built(fn, "number", names, today, NOCONST, tables, bound))

    def bounded(self, node: ast.BinOp, left: Built, right: Built) -> int:
        """The largest whole number `left <op> right` can give; refused past `size.MAX_DIGITS`
        digits, before anything is computed (a constant part is folded only after this)."""
        op = type(node.op)
        if op is ast.Mult:
            bound = left.bound * right.bound
        elif op in (ast.Add, ast.Sub):
            bound = left.bound + right.bound
        elif op is ast.FloorDiv:
            bound = left.bound  # a whole number divided by one of at least 1
        elif op is ast.Mod:
            bound = right.bound
        else:
            bound = 0  # '/' always gives a fraction
        if size.too_large(bound):
            open_ended = sorted(
                n for n in left.names | right.names
                if n in self.names.questions and size.of_question(self.names.questions[n]) == size.ANSWER_BOUND
            )
            seg, digits = self.segment(node), size.digits(bound)
            error = self.fail(Text(
                f"'{seg}'의 값이 {digits}자리 수까지 커질 수 있습니다. 규칙의 숫자는 {size.MAX_DIGITS}자리보다 짧아야 합니다",
                f"'{seg}' can reach a number of {digits} digits; a rule's numbers stay below {size.MAX_DIGITS} digits"),
                node)
            error.text = seg
            error.suggestion = (
                Text(f"질문 '{open_ended[0]}'의 min, max 값을 정하세요", f"give question '{open_ended[0]}' a min and a max")
                if open_ended else Text("곱하지 말고 부분끼리 비교하세요", "compare the parts instead of multiplying them"))
            raise error
        return bound

    def _IfExp(self, node: ast.IfExp) -> Built:
        test, body, orelse = self.build(node.test), self.build(node.body), self.build(node.orelse)
        tf, bf, of = test.fn, body.fn, orelse.fn

        def fn(s):
            c = truth(tf(s))
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
        names, today, tables = merge(test, body, orelse)
        bound = max(body.bound, orelse.bound)
        return self.fold(node, Built(fn, kind, names, today, NOCONST, tables, bound))

    # ---------------------------------------------------------------- comparisons
    def _Compare(self, node: ast.Compare) -> Built:
        operands = [node.left, *node.comparators]
        parts = [self.build(o) for o in operands]
        for i, op in enumerate(node.ops):
            self.check_compare(op, operands[i], parts[i], operands[i + 1], parts[i + 1], node)
        cmps = tuple(COMPARE[type(op)] for op in node.ops)
        names, today, tables = merge(*parts)
        if len(cmps) == 1:
            (cmp,), lf, rf = cmps, parts[0].fn, parts[1].fn

            def fn(s):
                return cmp(lf(s), rf(s))

        else:
            fns = tuple(p.fn for p in parts)

            def fn(s):
                # a < b < c is (a < b) and (b < c), each operand read once
                def steps():
                    left = fns[0](s)
                    for c, f in zip(cmps, fns[1:]):
                        right = f(s)
                        yield c(left, right)
                        left = right

                return tri_all(steps())

        return self.fold(node, Built(fn, "bool", names, today, NOCONST, tables))

    # ---------------------------------------------------------------- calls
    def _Call(self, node: ast.Call) -> Built:
        return build_call(self, node)
