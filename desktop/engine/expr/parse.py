"""Reads expression text with Python's own parser, then keeps only a short whitelist of forms.

Python's `ast` gives a real, well-tested grammar for free; everything it can express beyond our
small language (attribute access, subscripts, lambdas, comprehensions, powers, ...) is refused here
with a plain message and the column, before anything is built from it.
"""

from __future__ import annotations

import ast
import difflib
import math

from desktop.engine.expr.errors import ExprError
from desktop.engine.expr.functions import FUNCTIONS
from desktop.engine.expr.hints import clerk_slips

MAX_LENGTH = 2000
MAX_DEPTH = 40
MAX_INT = 10**18

_BOOL_OPS = (ast.And, ast.Or)
_UNARY_OPS = (ast.Not, ast.USub, ast.UAdd)
_BIN_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%"}
_CMP_OPS = (ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.In, ast.NotIn)

_FORBIDDEN = {
    ast.Attribute: "attribute access ('.') is not allowed",
    ast.Subscript: "subscripts ('x[...]') are not allowed",
    ast.Lambda: "lambda is not allowed",
    ast.ListComp: "comprehensions are not allowed",
    ast.SetComp: "comprehensions are not allowed",
    ast.DictComp: "comprehensions are not allowed",
    ast.GeneratorExp: "comprehensions are not allowed",
    ast.JoinedStr: "f-strings are not allowed",
    ast.FormattedValue: "f-strings are not allowed",
    ast.NamedExpr: "':=' (assignment) is not allowed",
    ast.Starred: "'*' unpacking is not allowed",
    ast.Dict: "dicts are not allowed",
    ast.Set: "sets are not allowed; use a list [...]",
    ast.Tuple: "tuples are not allowed; use a list [...]",
    ast.Await: "'await' is not allowed",
    ast.Yield: "'yield' is not allowed",
    ast.YieldFrom: "'yield' is not allowed",
    ast.Slice: "slices are not allowed",
}

_BAD_OPERATORS = {
    ast.Pow: "'**' (power) is not allowed",
    ast.MatMult: "'@' is not allowed",
    ast.BitAnd: "'&' is not allowed (use 'and')",
    ast.BitOr: "'|' is not allowed (use 'or')",
    ast.BitXor: "'^' is not allowed",
    ast.LShift: "'<<' is not allowed",
    ast.RShift: "'>>' is not allowed",
    ast.Invert: "'~' is not allowed (use 'not')",
    ast.Is: "'is' is not allowed (use '==', or known(x) to test for an answer)",
    ast.IsNot: "'is not' is not allowed (use '!=', or known(x) to test for an answer)",
}


def suggest(word: str, choices) -> str:
    """' (did you mean 'x'?)' for a likely typo, else ''."""
    match = difflib.get_close_matches(word, [c for c in choices if isinstance(c, str)], n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


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
        raise ExprError(f"an expression must be text, not {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise ExprError(f"expression is {len(text)} characters long; the limit is {MAX_LENGTH}")
    # Block scalars in YAML keep their line breaks; the language is one logical line.
    flat = text.replace("\r", " ").replace("\n", " ")
    lead = len(flat) - len(flat.lstrip())
    body = flat.strip()
    if not body:
        raise ExprError("the expression is empty")
    if "\x00" in body:
        raise ExprError("the expression contains a NUL character")
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
        raise ExprError(f"syntax error: {err.msg}", col) from None
    except (RecursionError, MemoryError, ValueError, OverflowError):
        raise ExprError(f"the expression is nested too deeply (limit {MAX_DEPTH})") from None
    columns = _Columns(body)

    def col(node: ast.AST) -> int | None:
        c = columns(node)
        return None if c is None else c + lead

    def check(node: ast.AST, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise ExprError(f"the expression is nested too deeply (limit {MAX_DEPTH})", col(node))
        kind = type(node)
        if kind in _FORBIDDEN:
            raise ExprError(_FORBIDDEN[kind], col(node))
        nxt = depth + 1
        if kind is ast.Constant:
            _check_constant(node, col(node))
        elif kind is ast.Name:
            if node.id == "None":
                raise ExprError("None is not allowed; use known(x) to test for an answer", col(node))
        elif kind is ast.List:
            for elt in node.elts:
                check(elt, nxt)
        elif kind is ast.BoolOp:
            for value in node.values:
                check(value, nxt)
        elif kind is ast.UnaryOp:
            if type(node.op) not in _UNARY_OPS:
                raise ExprError(_BAD_OPERATORS.get(type(node.op), "operator not allowed"), col(node))
            check(node.operand, nxt)
        elif kind is ast.BinOp:
            if type(node.op) not in _BIN_OPS:
                raise ExprError(_BAD_OPERATORS.get(type(node.op), "operator not allowed"), col(node))
            check(node.left, nxt)
            check(node.right, nxt)
        elif kind is ast.Compare:
            for op in node.ops:
                if type(op) not in _CMP_OPS:
                    raise ExprError(_BAD_OPERATORS.get(type(op), "comparison not allowed"), col(node))
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
            raise ExprError(f"'{kind.__name__}' is not part of the rule language", col(node))

    check(tree, 0)
    return tree.body, body


def _check_constant(node: ast.Constant, column: int | None) -> None:
    value = node.value
    if value is None:
        raise ExprError("None is not allowed; use known(x) to test for an answer", column)
    if isinstance(value, bool) or isinstance(value, str):
        return
    if isinstance(value, int):
        if abs(value) > MAX_INT:
            raise ExprError("number too large (the limit is 10**18)", column)
        return
    if isinstance(value, float):
        if not math.isfinite(value) or abs(value) > MAX_INT:
            raise ExprError("number too large (the limit is 10**18)", column)
        return
    raise ExprError(f"{type(value).__name__} literals are not allowed", column)


def _check_call(node: ast.Call, col) -> None:
    if not isinstance(node.func, ast.Name):
        raise ExprError("only the rule language's functions can be called", col(node))
    name = node.func.id
    if name not in FUNCTIONS:
        raise ExprError(
            f"unknown function '{name}'{suggest(name, FUNCTIONS)}; "
            f"allowed: {', '.join(sorted(FUNCTIONS))}",
            col(node),
        )
    if node.keywords:
        raise ExprError(f"{name}(): named arguments are not allowed", col(node))
    spec = FUNCTIONS[name]
    n = len(node.args)
    if n < spec.min_args or (spec.max_args is not None and n > spec.max_args):
        raise ExprError(f"{name}() takes {spec.arity_text()}, got {n}", col(node))
