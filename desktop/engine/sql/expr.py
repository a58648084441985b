"""One rule-language expression, already parsed and checked, as SQL text with the same meaning.

SQL's NULL is the rule language's unknown, and SQL's AND / OR / NOT are already three-valued, but
much else differs and is spelled out here on purpose:

- a CASE whose condition is NULL takes its ELSE branch; `x if c else y` with `c` unknown is
  unknown unless both branches agree, so the condition is tested both ways;
- LEAST / GREATEST skip NULLs; min() and max() of an unknown are unknown;
- SQL's integer `//` and `%` truncate towards zero; the language's floor like Python's;
- DuckDB divides by zero to infinity or NULL; the language says unknown;
- whole years between dates count a birthday on 29 February as Python does (the day after
  28 February in a common year), from the month and day, not from a day count;
- `x in [a, b]` with x unknown is unknown, but `x in []` is false;
- no implicit casts: numbers are compared as numbers, dates as dates, and an integer meets a
  floating-point number only where the double holds it exactly;
- integer arithmetic is bounded from the questions' own limits; a part that might leave BIGINT
  is not compiled at all.

What cannot be compiled exactly raises NotCompilable: the program is then left to the reference
engine instead of being given a near answer.
"""

from __future__ import annotations

import ast
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping

from desktop.engine.expr.functions import parse_date
from desktop.engine.expr.kinds import QUESTION_KINDS
from desktop.engine.sql import literals as lit

# Dates the SQL engines hold: years 1 to 9999.
_DAYS_MAX = (dt.date(9999, 12, 31) - dt.date(1, 1, 1)).days


class NotCompilable(Exception):
    """A part of an expression SQL cannot give exactly; the reason says which and why."""


@dataclass(frozen=True)
class Value:
    """A compiled expression: SQL text, its kind, and for integers the range it stays in."""

    sql: str
    kind: str  # bool | number | text | date | list
    integer: bool = False  # numbers: an integer (BIGINT) rather than a double
    lo: int | None = None  # integers: inclusive bounds
    hi: int | None = None
    const: Any = field(default=None, compare=False)  # the Python value when the part is constant
    is_const: bool = False
    # A look-up keyed by this question alone, where some answer reaches every entry: its smallest
    # and its largest value (lo, hi) are each given by some answer.
    key: str | None = None
    dense: bool = False  # with `key`: every whole number between lo and hi is given by some answer
    texts: frozenset = frozenset()  # with `key`, for text: the values some answer gives


@dataclass(frozen=True)
class ListValue:
    """A list literal: only meaningful as the right side of `in`, or as function arguments."""

    items: tuple[Value, ...]


@dataclass
class Scope:
    """What names mean while compiling: questions, definitions compiled so far, tables, today."""

    questions: Mapping[str, Any]
    tables: Mapping[str, Any]  # table id -> the Table (its dated entries read on the day asked)
    today: dt.date
    definitions: dict[str, Value] = field(default_factory=dict)  # id -> the column holding it
    industries: tuple[str, ...] = ()  # the KSIC divisions an industry answer may start with


def _int_value(sql: str, lo: int, hi: int) -> Value:
    if lo < lit.BIGINT_MIN or hi > lit.BIGINT_MAX:
        raise NotCompilable("an integer result may leave the 64-bit range")
    return Value(sql, "number", True, lo, hi)


def const(value: Any) -> Value:
    if value is True or value is False:
        return Value(lit.boolean(value), "bool", const=value, is_const=True)
    if isinstance(value, int):
        return Value(lit.number(value), "number", True, value, value, value, True)
    if isinstance(value, float):
        return Value(lit.number(value), "number", False, const=value, is_const=True)
    if isinstance(value, str):
        return Value(lit.text(value), "text", const=value, is_const=True)
    if isinstance(value, dt.date):
        return Value(lit.date(value), "date", const=value, is_const=True)
    raise NotCompilable(f"a constant of type {type(value).__name__}")


def question_value(q) -> Value:
    kind = QUESTION_KINDS[q.type]
    if kind == "number":
        lo = lit.BIGINT_MIN if q.min is None else int(q.min)
        hi = lit.BIGINT_MAX if q.max is None else int(q.max)
        return Value(lit.ident(q.id), "number", True, max(lo, lit.BIGINT_MIN), min(hi, lit.BIGINT_MAX))
    return Value(lit.ident(q.id), kind)


def truth(v: Value) -> str:
    """SQL for the truth of a value, as the language reads it (nonzero, non-empty; dates true)."""
    if v.kind == "bool":
        return v.sql
    if v.kind == "number":
        return f"({v.sql} <> 0)"
    if v.kind == "text":
        return f"({v.sql} <> '')"
    if v.kind == "list":
        return f"({v.sql} <> '{lit.LIST_SEP}')"
    return f"(CASE WHEN {v.sql} IS NULL THEN NULL ELSE TRUE END)"


def _double(v: Value) -> str:
    return v.sql if not v.integer else f"CAST({v.sql} AS DOUBLE)"


def _exact_in_double(v: Value) -> bool:
    return not v.integer or (-lit.EXACT_DOUBLE <= v.lo and v.hi <= lit.EXACT_DOUBLE)


def _numbers_pair(a: Value, b: Value) -> tuple[str, str]:
    """SQL for two numbers to be compared: both BIGINT, or both DOUBLE where that is exact."""
    if a.integer and b.integer:
        return a.sql, b.sql
    if not (_exact_in_double(a) and _exact_in_double(b)):
        raise NotCompilable("an integer beyond 2**53 compared with a fraction")
    return _double(a), _double(b)


_ORDER = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}


class Compiler:
    def __init__(self, scope: Scope):
        self.scope = scope

    def value(self, node: ast.AST) -> Value:
        found = getattr(self, "_" + type(node).__name__, None)
        if found is None:
            raise NotCompilable(f"'{type(node).__name__}' has no SQL form")
        out = found(node)
        if isinstance(out, ListValue):
            raise NotCompilable("a list used as a value")
        return out

    def boolean(self, node: ast.AST) -> str:
        """SQL of an expression read as a condition (TRUE / FALSE / NULL)."""
        return truth(self.value(node))

    def _item(self, node: ast.AST) -> Value | ListValue:
        if isinstance(node, ast.List):
            return ListValue(tuple(self.value(e) for e in node.elts))
        return self.value(node)

    # ------------------------------------------------------------ leaves
    def _Constant(self, node: ast.Constant) -> Value:
        return const(node.value)

    def _Name(self, node: ast.Name) -> Value:
        name = node.id
        if name == "today":
            return const(self.scope.today)
        if name in ("True", "False"):
            return const(name == "True")
        if name in self.scope.definitions:
            return self.scope.definitions[name]
        q = self.scope.questions.get(name)
        if q is None:
            raise NotCompilable(f"'{name}' is not compiled")
        return question_value(q)

    # ------------------------------------------------------------ logic
    def _BoolOp(self, node: ast.BoolOp) -> Value:
        word = " AND " if isinstance(node.op, ast.And) else " OR "
        return Value("(" + word.join(self.boolean(v) for v in node.values) + ")", "bool")

    def _UnaryOp(self, node: ast.UnaryOp) -> Value:
        if isinstance(node.op, ast.Not):
            return Value(f"(NOT {self.boolean(node.operand)})", "bool")
        v = self.value(node.operand)
        if v.kind != "number":
            raise NotCompilable("'-' of a value that is not a number")
        if isinstance(node.op, ast.UAdd):
            return v
        if v.integer:
            return _int_value(f"(-{v.sql})", -v.hi, -v.lo)
        return Value(f"(-{v.sql})", "number")

    def _IfExp(self, node: ast.IfExp) -> Value:
        cond = self.boolean(node.test)
        a, b = self.value(node.body), self.value(node.orelse)
        if a.kind != b.kind:
            raise NotCompilable("the two branches of 'if' have different kinds")
        if a.kind == "number" and a.integer and b.integer:
            x, y = a.sql, b.sql
            out = lambda sql: _int_value(sql, min(a.lo, b.lo), max(a.hi, b.hi))  # noqa: E731
        elif a.kind == "number":
            x, y = _numbers_pair(a, b)
            out = lambda sql: Value(sql, "number")  # noqa: E731
        else:
            x, y = a.sql, b.sql
            out = lambda sql: Value(sql, a.kind)  # noqa: E731
        # An unknown condition is not the ELSE branch: the result is known only if both agree.
        return out(f"(CASE WHEN {cond} THEN {x} WHEN NOT {cond} THEN {y} WHEN {x} = {y} THEN {x} ELSE NULL END)")

    # ------------------------------------------------------------ arithmetic
    def _BinOp(self, node: ast.BinOp) -> Value:
        a, b = self.value(node.left), self.value(node.right)
        if a.kind != "number" or b.kind != "number":
            raise NotCompilable("arithmetic on a value that is not a number")
        op = type(node.op)
        if op is ast.Div:
            if not (_exact_in_double(a) and _exact_in_double(b)):
                raise NotCompilable("dividing integers beyond 2**53")
            return Value(f"(CASE WHEN {b.sql} = 0 THEN NULL ELSE {_double(a)} / {_double(b)} END)", "number")
        if op in (ast.FloorDiv, ast.Mod):
            if not (a.integer and b.integer):
                raise NotCompilable("'//' or '%' of a fraction")
            return self._floor(op, a, b)
        sign = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*"}[op]
        if a.is_const and b.is_const and a.integer and b.integer:
            # worked out here, so a day made of constants (`date_of(year(today) - 1, 12, 31)`)
            # stays a constant the look-ups can be read on
            folded = {ast.Add: a.const + b.const, ast.Sub: a.const - b.const, ast.Mult: a.const * b.const}[op]
            if lit.BIGINT_MIN <= folded <= lit.BIGINT_MAX:
                return const(folded)
        if not (a.integer and b.integer):
            return Value(f"({_double(a)} {sign} {_double(b)})", "number")
        if op is ast.Add:
            lo, hi = a.lo + b.lo, a.hi + b.hi
        elif op is ast.Sub:
            lo, hi = a.lo - b.hi, a.hi - b.lo
        else:
            corners = (a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi)
            lo, hi = min(corners), max(corners)
        return _int_value(f"({a.sql} {sign} {b.sql})", lo, hi)

    def _floor(self, op, a: Value, b: Value) -> Value:
        """Floor division and modulo (the sign of the divisor) from SQL's truncating ones."""
        bmax = max(abs(b.lo), abs(b.hi))
        amax = max(abs(a.lo), abs(a.hi))
        if amax + 2 * bmax > lit.BIGINT_MAX:
            raise NotCompilable("'//' or '%' on integers near the 64-bit limit")
        mod = f"((({a.sql} % {b.sql}) + {b.sql}) % {b.sql})"
        if op is ast.Mod:
            return _int_value(f"(CASE WHEN {b.sql} = 0 THEN NULL ELSE {mod} END)", -bmax, bmax)
        # a - mod is a multiple of b, so SQL's truncating division is exact on it.
        return _int_value(f"(CASE WHEN {b.sql} = 0 THEN NULL ELSE ({a.sql} - {mod}) // {b.sql} END)", -amax - 1, amax + 1)

    # ------------------------------------------------------------ comparisons
    def _Compare(self, node: ast.Compare) -> Value:
        operands = [node.left, *node.comparators]
        parts = []
        for i, op in enumerate(node.ops):
            parts.append(self._pair(op, operands[i], operands[i + 1]))
        if len(parts) == 1:
            return Value(parts[0], "bool")
        return Value("(" + " AND ".join(parts) + ")", "bool")

    def _pair(self, op, left: ast.AST, right: ast.AST) -> str:
        if isinstance(op, (ast.In, ast.NotIn)):
            inside = self._in(self.value(left), self._item(right))
            return inside if isinstance(op, ast.In) else f"(NOT {inside})"
        a, b = self.value(left), self.value(right)
        if a.kind != b.kind:
            raise NotCompilable("a comparison of two kinds")
        if a.kind == "number":
            x, y = _numbers_pair(a, b)
        elif a.kind in ("text", "date", "bool", "list"):
            if a.kind in ("bool", "list") and type(op) in _ORDER:
                raise NotCompilable("ordering yes/no values or lists")
            x, y = a.sql, b.sql
        else:
            raise NotCompilable("a comparison of this kind")
        word = _ORDER.get(type(op)) or ("=" if isinstance(op, ast.Eq) else "<>")
        return f"({x} {word} {y})"

    def _in(self, a: Value, b: Value | ListValue) -> str:
        if isinstance(b, ListValue):
            if not b.items:
                return "FALSE"  # nothing is in an empty list, not even an unknown
            if any(item.kind != a.kind for item in b.items):
                raise NotCompilable("'in' over a list of another kind")
            if a.kind == "number" and not (a.integer and all(i.integer for i in b.items)):
                if not all(_exact_in_double(v) for v in (a, *b.items)):
                    raise NotCompilable("an integer beyond 2**53 compared with a fraction")
                left, items = _double(a), [_double(i) for i in b.items]
            else:
                left, items = a.sql, [i.sql for i in b.items]
            return f"({left} IN ({', '.join(items)}))"
        if b.kind == "list":
            if a.kind != "text":
                raise NotCompilable("'in' of a non-text value in a list answer")
            empty = lit.text(lit.LIST_SEP)
            return (
                f"(CASE WHEN {b.sql} IS NULL THEN NULL WHEN {a.sql} IS NULL THEN "
                f"(CASE WHEN {b.sql} = {empty} THEN FALSE ELSE NULL END) "
                f"ELSE {_contains(b.sql, a)} END)"
            )
        if b.kind == "text" and a.kind == "text":
            return f"(STRPOS({b.sql}, {a.sql}) > 0)"
        raise NotCompilable("'in' with this right side")

    # ------------------------------------------------------------ calls
    def _Call(self, node: ast.Call) -> Value:
        name = node.func.id
        args = node.args
        if name == "lookup":
            return self._lookup(args[0], args[1], args[2] if len(args) > 2 else None)
        if name == "year":
            d = self._date(args[0])
            if d.is_const:
                return const(d.const.year)
            return _int_value(_part(d, "%Y"), 1, 9999)
        if name == "date_of":
            parts = [self.value(a) for a in args]
            if not all(p.is_const for p in parts):
                raise NotCompilable("date_of() of values that are not constants")
            if not all(type(p.const) is int for p in parts):
                return Value("CAST(NULL AS DATE)", "date")
            try:
                return const(dt.date(*(p.const for p in parts)))
            except ValueError:  # not a real day: unknown, as in the reference engine
                return Value("CAST(NULL AS DATE)", "date")
        if name == "known":
            return Value(f"({self.value(args[0]).sql} IS NOT NULL)", "bool")
        if name == "date":
            if isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
                day = parse_date(args[0].value)
                if isinstance(day, dt.date):
                    return const(day)
            raise NotCompilable("date() of a value that is not a constant")
        if name in ("years_since", "days_since"):
            d = self._date(args[0])
            out = (_years if name == "years_since" else _days)(d, const(self.scope.today))
            q = self.scope.questions.get(args[0].id) if isinstance(args[0], ast.Name) else None
            if q is not None and q.type == "date":
                # Over every date SQL holds, each whole number of years or days in between.
                lo, hi = _since_range(name, self.scope.today)
                out = Value(out.sql, "number", True, lo, hi, key=q.id, dense=True)
            return out
        if name in ("years_between", "days_between"):
            a, b = self._date(args[0]), self._date(args[1])
            return (_years if name == "years_between" else _days)(a, b)
        if name in ("min", "max"):
            return self._extreme(name, args)
        if name == "abs":
            v = self.value(args[0])
            if v.kind != "number":
                raise NotCompilable("abs() of a value that is not a number")
            if not v.integer:
                return Value(f"ABS({v.sql})", "number")
            lo = 0 if v.lo <= 0 <= v.hi else min(abs(v.lo), abs(v.hi))
            return _int_value(f"ABS({v.sql})", lo, max(abs(v.lo), abs(v.hi)))
        if name == "count":
            items = self._item(args[0])
            if isinstance(items, ListValue):
                return const(len(items.items))
            if items.kind != "list":
                raise NotCompilable("count() of a value that is not a list")
            sep = lit.text(lit.LIST_SEP)
            return _int_value(f"(LENGTH({items.sql}) - LENGTH(REPLACE({items.sql}, {sep}, '')) - 1)", 0, 10**6)
        if name == "has":
            return self._has(self._item(args[0]), self.value(args[1]))
        if name == "has_any":
            return self._has_any(self._item(args[0]), self._item(args[1]))
        raise NotCompilable(f"{name}() has no SQL form")

    def _date(self, node: ast.AST) -> Value:
        v = self.value(node)
        if v.kind != "date":
            raise NotCompilable("a date function of a value that is not a date")
        return v

    def _extreme(self, name: str, args) -> Value:
        items: list[Value] = []
        if len(args) == 1:
            one = self._item(args[0])
            items = list(one.items) if isinstance(one, ListValue) else [one]
        else:
            items = [self.value(a) for a in args]
        if not items:
            raise NotCompilable(f"{name}() of an empty list is never known")
        kinds = {v.kind for v in items}
        if kinds not in ({"number"}, {"date"}):
            raise NotCompilable(f"{name}() over values that are not all numbers or all dates")
        if len(items) == 1:
            return items[0]
        every_int = all(v.integer for v in items)
        if kinds == {"number"} and not every_int:
            if not all(_exact_in_double(v) for v in items):
                raise NotCompilable(f"{name}() of integers beyond 2**53 and fractions")
            sqls = [_double(v) for v in items]
        else:
            sqls = [v.sql for v in items]
        word = "LEAST" if name == "min" else "GREATEST"
        # LEAST and GREATEST skip NULLs; the language's min and max of an unknown are unknown.
        nulls = " OR ".join(f"{s} IS NULL" for s in sqls)
        sql = f"(CASE WHEN {nulls} THEN NULL ELSE {word}({', '.join(sqls)}) END)"
        if kinds == {"date"}:
            return Value(sql, "date")
        if every_int:
            return _int_value(sql, min(v.lo for v in items), max(v.hi for v in items))
        return Value(sql, "number")

    def _has(self, items: Value | ListValue, value: Value) -> Value:
        if isinstance(items, ListValue):
            inside = self._in(value, items) if items.items else "FALSE"
            return Value(f"(CASE WHEN {value.sql} IS NULL THEN NULL ELSE {inside} END)", "bool")
        if items.kind != "list" or value.kind != "text":
            raise NotCompilable("has() of a value that is not a list answer")
        if value.is_const:
            return Value(_contains(items.sql, value), "bool")
        return Value(f"(CASE WHEN {value.sql} IS NULL THEN NULL ELSE {_contains(items.sql, value)} END)", "bool")

    def _has_any(self, items: Value | ListValue, values: Value | ListValue) -> Value:
        if isinstance(items, ListValue) or not isinstance(values, ListValue) or items.kind != "list":
            raise NotCompilable("has_any() other than of a list answer and a list of options")
        if not all(v.is_const and v.kind == "text" for v in values.items):
            raise NotCompilable("has_any() with values that are not constant options")
        if not values.items:
            return Value(f"(CASE WHEN {items.sql} IS NULL THEN NULL ELSE FALSE END)", "bool")
        return Value("(" + " OR ".join(_contains(items.sql, v) for v in values.items) + ")", "bool")

    def _lookup(self, table_node: ast.AST, key_node: ast.AST, day_node: ast.AST | None = None) -> Value:
        """`lookup(table, key[, day])`: a table with dated entries is read on `day` (default: the
        assessment date), as the reference engine reads it: one set of entries per stretch of days
        in which no entry changes; a table without dated entries reads the same on every day."""
        table_id = table_node.value
        table = self.scope.tables[table_id]
        key = self.value(key_node)
        if key.kind != "text":
            raise NotCompilable("lookup() with a key that is not text")
        default = table.default
        boundaries = table.boundaries() if getattr(table, "dated", None) else ()
        day = const(self.scope.today) if day_node is None else self._date(day_node)
        if not boundaries:
            stretches = [(None, dict(table.entries))]
        elif day.is_const:
            stretches = [(None, table.entries_on(day.const))]
        else:
            first = boundaries[0] - dt.timedelta(days=1)
            stretches = [(boundaries[0], table.entries_on(first))]
            stretches += [(nxt, table.entries_on(b)) for b, nxt in zip(boundaries, (*boundaries[1:], None))]
        values = [v for _, entries in stretches for v in entries.values()] + ([] if default is None else [default])
        parts = [const(v) for v in values]
        kinds = {(p.kind, p.integer) for p in parts}
        if len(kinds) != 1:
            raise NotCompilable("a table whose values are of several kinds")
        kind, integer = kinds.pop()
        fallback = "NULL" if default is None else const(default).sql
        found = [(until, self._found(table.match, entries, key, fallback)) for until, entries in stretches]
        if len(found) == 1:
            body = found[0][1]
        else:
            # The day unknown: the look-up is unknown (a table that never changes aside).
            whens = " ".join(f"WHEN {day.sql} < {lit.date(until)} THEN {f}" for until, f in found[:-1])
            body = f"CASE WHEN {day.sql} IS NULL THEN NULL {whens} ELSE {found[-1][1]} END"
        # A CASE over an unknown key would fall to its default; the look-up of an unknown is unknown.
        sql = f"(CASE WHEN {key.sql} IS NULL THEN NULL ELSE {body} END)"
        reached = default is None and len(stretches) == 1 and self._every_key_reached(key_node, stretches[0][1])
        if kind == "number" and integer:
            ints = [v for _, entries in stretches for v in entries.values()]
            if default is not None:
                ints.append(default)
            out = _int_value(sql, min(ints), max(ints))
            if reached:
                out = Value(out.sql, out.kind, True, out.lo, out.hi, key=key_node.id)
            return out
        if kind == "text" and reached:
            return Value(sql, kind, key=key_node.id, texts=frozenset(stretches[0][1].values()))
        return Value(sql, kind)

    @staticmethod
    def _found(match: str, entries: Mapping[str, Any], key: Value, fallback: str) -> str:
        """SQL: the entry the (known) key finds, else the fallback."""
        if match == "prefix":
            # Longest keys first, one simple CASE per key length (the key's first n characters
            # against the keys of length n): the longest matching prefix wins, as in the
            # reference engine. Table values are never NULL, so COALESCE takes the first found.
            lengths = sorted({len(k) for k in entries}, reverse=True)
            levels = []
            for n in lengths:
                whens = " ".join(
                    f"WHEN {lit.text(k)} THEN {const(v).sql}" for k, v in sorted(entries.items()) if len(k) == n
                )
                levels.append(f"CASE SUBSTR({key.sql}, 1, {n}) {whens} END")
            return f"COALESCE({', '.join(levels + [fallback])})"
        whens = " ".join(f"WHEN {lit.text(k)} THEN {const(v).sql}" for k, v in entries.items())
        return f"CASE {key.sql} {whens} ELSE {fallback} END" if entries else fallback

    def _every_key_reached(self, key_node: ast.AST, entries) -> bool:
        """Some answer to the key question meets each entry (and so each value of the table)."""
        if not isinstance(key_node, ast.Name) or not entries:
            return False
        q = self.scope.questions.get(key_node.id)
        if q is None:
            return False
        if q.type == "industry":
            divisions = self.scope.industries
            return all(any(d.startswith(k) or k.startswith(d) for d in divisions) for k in entries)
        if q.type == "choice":
            return set(entries) <= {o.value for o in q.options}
        return False


def _since_range(name: str, today: dt.date) -> tuple[int, int]:
    first, last = dt.date(1, 1, 1), dt.date(9999, 12, 31)
    if name == "days_since":
        return (today - last).days, (today - first).days
    from desktop.engine.expr.functions import whole_years

    return whole_years(last, today), whole_years(first, today)


def _contains(list_sql: str, item: Value) -> str:
    sep = lit.LIST_SEP
    if item.is_const:
        return f"(STRPOS({list_sql}, {lit.text(sep + item.const + sep)}) > 0)"
    return f"(STRPOS({list_sql}, {lit.text(sep)} || {item.sql} || {lit.text(sep)}) > 0)"


def _part(d: Value, fmt: str) -> str:
    return f"CAST(STRFTIME({d.sql}, '{fmt}') AS BIGINT)"


def _years(a: Value, b: Value) -> Value:
    """Whole years from a to b, birthday style, from year and month-day: 2000-02-29 to 2001-02-28
    is 0 years, to 2001-03-01 one year (a day count divided by 365.25 would disagree)."""
    sql = (
        f"({_part(b, '%Y')} - {_part(a, '%Y')} - "
        f"(CASE WHEN {_part(b, '%m%d')} < {_part(a, '%m%d')} THEN 1 ELSE 0 END))"
    )
    return _int_value(sql, -10000, 10000)


def _days(a: Value, b: Value) -> Value:
    return _int_value(f"DATE_DIFF('day', {a.sql}, {b.sql})", -_DAYS_MAX, _DAYS_MAX)
