"""Reads expression text with Python's own parser, then keeps only a short whitelist of forms.

Python's `ast` gives a real, well-tested grammar for free; everything it can express beyond our
small language (attribute access, subscripts, lambdas, comprehensions, powers, ...) is refused here
with a plain message and the column, before anything is built from it.
"""

from __future__ import annotations

import ast
import math

from desktop.engine.expr.errors import ExprError
from desktop.engine.expr.functions import FUNCTIONS
from desktop.engine.expr.hints import clerk_slips
from desktop.engine.model import Text
from desktop.engine.suggest import did_you_mean_text

MAX_LENGTH = 2000
MAX_DEPTH = 40
MAX_INT = 10**18

_BOOL_OPS = (ast.And, ast.Or)
_UNARY_OPS = (ast.Not, ast.USub, ast.UAdd)
_BIN_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%"}
_CMP_OPS = (ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.In, ast.NotIn)

_COMPREHENSION = Text("규칙 언어에서 쓸 수 없는 형식: 내포(comprehension)", "comprehensions are not allowed")
_FSTRING = Text("규칙 언어에서 쓸 수 없는 형식: f-문자열", "f-strings are not allowed")
_YIELD = Text("규칙 언어에서 쓸 수 없는 말: 'yield'", "'yield' is not allowed")
_FORBIDDEN = {
    ast.Attribute: Text("규칙 언어에서 쓸 수 없는 기호: 속성 접근('.')", "attribute access ('.') is not allowed"),
    ast.Subscript: Text("규칙 언어에서 쓸 수 없는 형식: 첨자('x[...]')", "subscripts ('x[...]') are not allowed"),
    ast.Lambda: Text("규칙 언어에서 쓸 수 없는 말: lambda", "lambda is not allowed"),
    ast.ListComp: _COMPREHENSION,
    ast.SetComp: _COMPREHENSION,
    ast.DictComp: _COMPREHENSION,
    ast.GeneratorExp: _COMPREHENSION,
    ast.JoinedStr: _FSTRING,
    ast.FormattedValue: _FSTRING,
    ast.NamedExpr: Text("규칙 언어에서 쓸 수 없는 기호: ':='(값 정하기)", "':=' (assignment) is not allowed"),
    ast.Starred: Text("규칙 언어에서 쓸 수 없는 기호: '*' 풀어 쓰기", "'*' unpacking is not allowed"),
    ast.Dict: Text("규칙 언어에서 쓸 수 없는 형식: 사전(dict)", "dicts are not allowed"),
    ast.Set: Text("규칙 언어에서 쓸 수 없는 형식: 집합(set). 대신 목록 [...]", "sets are not allowed; use a list [...]"),
    ast.Tuple: Text("규칙 언어에서 쓸 수 없는 형식: 튜플(tuple). 대신 목록 [...]", "tuples are not allowed; use a list [...]"),
    ast.Await: Text("규칙 언어에서 쓸 수 없는 말: 'await'", "'await' is not allowed"),
    ast.Yield: _YIELD,
    ast.YieldFrom: _YIELD,
    ast.Slice: Text("규칙 언어에서 쓸 수 없는 형식: 잘라 내기(slice)", "slices are not allowed"),
}

_KNOWN_HINT_KO = "답이 있는지 보려면 known(x)"
_BAD_OPERATORS = {
    ast.Pow: Text("규칙 언어에서 쓸 수 없는 기호: '**'(거듭제곱)", "'**' (power) is not allowed"),
    ast.MatMult: Text("규칙 언어에서 쓸 수 없는 기호: '@'", "'@' is not allowed"),
    ast.BitAnd: Text("규칙 언어에서 쓸 수 없는 기호: '&' (대신 'and')", "'&' is not allowed (use 'and')"),
    ast.BitOr: Text("규칙 언어에서 쓸 수 없는 기호: '|' (대신 'or')", "'|' is not allowed (use 'or')"),
    ast.BitXor: Text("규칙 언어에서 쓸 수 없는 기호: '^'", "'^' is not allowed"),
    ast.LShift: Text("규칙 언어에서 쓸 수 없는 기호: '<<'", "'<<' is not allowed"),
    ast.RShift: Text("규칙 언어에서 쓸 수 없는 기호: '>>'", "'>>' is not allowed"),
    ast.Invert: Text("규칙 언어에서 쓸 수 없는 기호: '~' (대신 'not')", "'~' is not allowed (use 'not')"),
    ast.Is: Text(f"규칙 언어에서 쓸 수 없는 말: 'is' (대신 '=='. {_KNOWN_HINT_KO})",
                 "'is' is not allowed (use '==', or known(x) to test for an answer)"),
    ast.IsNot: Text(f"규칙 언어에서 쓸 수 없는 말: 'is not' (대신 '!='. {_KNOWN_HINT_KO})",
                    "'is not' is not allowed (use '!=', or known(x) to test for an answer)"),
}
_OPERATOR = Text("규칙 언어에서 쓸 수 없는 연산자", "operator not allowed")
_COMPARISON = Text("규칙 언어에서 쓸 수 없는 비교", "comparison not allowed")
_NONE = Text(f"None은 쓸 수 없습니다. {_KNOWN_HINT_KO}", "None is not allowed; use known(x) to test for an answer")
_TOO_LARGE = Text("너무 큰 수입니다(한도 10**18)", "number too large (the limit is 10**18)")


def _too_deep() -> Text:
    return Text(f"식이 너무 깊게 겹쳐 있습니다(한도 {MAX_DEPTH}단계)", f"the expression is nested too deeply (limit {MAX_DEPTH})")


suggest = did_you_mean_text  # ' (혹시 'x'?)' / ' (did you mean 'x'?)', or empty words


class _Columns:
    """Turns ast's UTF-8 byte offsets into 1-based character columns (Korean text is multi-byte)."""

    def __init__(self, text: str):
        self._bytes = text.encode("utf-8")

    def __call__(self, node: ast.AST) -> int | None:
        offset = getattr(node, "col_offset", None)
        if offset is None:
            return None
        return len(self._bytes[:offset].decode("utf-8", errors="ignore")) + 1


def parse(text: object) -> tuple[ast.expr, str]:
    """Parse and check one expression; returns (tree, normalised text). Raises ExprError."""
    if not isinstance(text, str):
        raise ExprError(Text(f"식은 글자여야 합니다({type(text).__name__} 값이 아님)", f"an expression must be text, not {type(text).__name__}"))
    if len(text) > MAX_LENGTH:
        raise ExprError(Text(f"식의 길이 {len(text)}자: 한도는 {MAX_LENGTH}자입니다",
                              f"expression is {len(text)} characters long; the limit is {MAX_LENGTH}"))
    # Block scalars in YAML keep their line breaks; the language is one logical line.
    flat = text.replace("\r", " ").replace("\n", " ")
    lead = len(flat) - len(flat.lstrip())
    body = flat.strip()
    if not body:
        raise ExprError(Text("식이 비어 있습니다", "the expression is empty"))
    if "\x00" in body:
        raise ExprError(Text("식에 NUL 문자가 들어 있습니다", "the expression contains a NUL character"))
    # What clerks write by habit (&&, =, 1200억, full-width signs) is almost always a syntax error
    # to Python; the scan that names each of them runs then, and on non-ASCII text (a full-width
    # letter would read as its plain twin), so a plain valid rule costs nothing more at load.
    slips = [] if body.isascii() else clerk_slips(body, lead)
    if slips:
        raise ExprError.of(slips)
    try:
        tree = ast.parse(body, mode="eval")
    except SyntaxError as err:
        slips = clerk_slips(body, lead)
        if slips:
            raise ExprError.of(slips) from None
        col = (err.offset or 1) + lead if err.lineno in (None, 1) else None
        raise ExprError(Text(f"식을 읽을 수 없습니다(문법 오류: {err.msg})", f"syntax error: {err.msg}"), col) from None
    except (RecursionError, MemoryError, ValueError, OverflowError):
        raise ExprError(_too_deep()) from None
    columns = _Columns(body)

    def col(node: ast.AST) -> int | None:
        c = columns(node)
        return None if c is None else c + lead

    def check(node: ast.AST, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise ExprError(_too_deep(), col(node))
        kind = type(node)
        if kind in _FORBIDDEN:
            raise ExprError(_FORBIDDEN[kind], col(node))
        nxt = depth + 1
        if kind is ast.Constant:
            _check_constant(node, col(node))
        elif kind is ast.Name:
            if node.id == "None":
                raise ExprError(_NONE, col(node))
        elif kind is ast.List:
            for elt in node.elts:
                check(elt, nxt)
        elif kind is ast.BoolOp:
            for value in node.values:
                check(value, nxt)
        elif kind is ast.UnaryOp:
            if type(node.op) not in _UNARY_OPS:
                raise ExprError(_BAD_OPERATORS.get(type(node.op), _OPERATOR), col(node))
            check(node.operand, nxt)
        elif kind is ast.BinOp:
            if type(node.op) not in _BIN_OPS:
                raise ExprError(_BAD_OPERATORS.get(type(node.op), _OPERATOR), col(node))
            check(node.left, nxt)
            check(node.right, nxt)
        elif kind is ast.Compare:
            for op in node.ops:
                if type(op) not in _CMP_OPS:
                    raise ExprError(_BAD_OPERATORS.get(type(op), _COMPARISON), col(node))
            check(node.left, nxt)
            for comparator in node.comparators:
                check(comparator, nxt)
        elif kind is ast.IfExp:
            check(node.test, nxt)
            check(node.body, nxt)
            check(node.orelse, nxt)
        elif kind is ast.Call:
            _check_call(node, col)
            for arg in node.args:
                check(arg, nxt)
        elif kind is ast.Expression:
            check(node.body, depth)
        else:
            raise ExprError(Text(f"규칙 언어에 없는 형식: '{kind.__name__}'", f"'{kind.__name__}' is not part of the rule language"), col(node))

    check(tree, 0)
    return tree.body, body


def _check_constant(node: ast.Constant, column: int | None) -> None:
    value = node.value
    if value is None:
        raise ExprError(_NONE, column)
    if isinstance(value, bool) or isinstance(value, str):
        return
    if isinstance(value, int):
        if abs(value) > MAX_INT:
            raise ExprError(_TOO_LARGE, column)
        return
    if isinstance(value, float):
        if not math.isfinite(value) or abs(value) > MAX_INT:
            raise ExprError(_TOO_LARGE, column)
        return
    raise ExprError(Text(f"규칙 언어에서 쓸 수 없는 값: {type(value).__name__}", f"{type(value).__name__} literals are not allowed"), column)


def _check_call(node: ast.Call, col) -> None:
    if not isinstance(node.func, ast.Name):
        raise ExprError(Text("규칙 언어의 함수만 부를 수 있습니다", "only the rule language's functions can be called"), col(node))
    name = node.func.id
    if name not in FUNCTIONS:
        guess, allowed = suggest(name, FUNCTIONS), ", ".join(sorted(FUNCTIONS))
        raise ExprError(Text(f"모르는 함수: '{name}'{guess.ko}; 쓸 수 있는 함수: {allowed}",
                             f"unknown function '{name}'{guess.en}; allowed: {allowed}"), col(node))
    if node.keywords:
        raise ExprError(Text(f"{name}(): 이름 붙인 인수는 쓸 수 없습니다", f"{name}(): named arguments are not allowed"), col(node))
    spec = FUNCTIONS[name]
    n = len(node.args)
    if n < spec.min_args or (spec.max_args is not None and n > spec.max_args):
        raise ExprError(Text(f"{name}()의 인수는 {spec.arity_text('ko')}입니다(받은 인수 {n}개)",
                             f"{name}() takes {spec.arity_text()}, got {n}"), col(node))
