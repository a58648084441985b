"""The entry point of the rule language: text in, a compiled, checked expression out.

Reading (`parse`), static kinds (`kinds`), folding (`fold`), closure building (`build`, `calls`),
the runtime operators (`runtime`, `tri`) and near-miss shapes (`nearmiss`) each have their module;
this one joins them and defines what a compiled expression is.
"""

from __future__ import annotations

from typing import Any

from desktop.engine.expr.build import Builder
from desktop.engine.expr.errors import ExprError
from desktop.engine.model import Text
from desktop.engine.expr.kinds import QUESTION_KINDS, Names, word
from desktop.engine.expr.nearmiss import NearMissSpec, near_miss_spec
from desktop.engine.expr.parse import parse
from desktop.engine.expr.tri import UNKNOWN

__all__ = ["Expr", "Names", "NearMissSpec", "QUESTION_KINDS", "Unbuilt", "build_expr"]


class Expr:
    """A compiled expression: call it with a scope to get True / False / a value / UNKNOWN."""

    __slots__ = ("text", "fn", "names", "uses_today", "kind", "near", "tables", "tree", "bound")

    def __init__(self, text, fn, names, uses_today, kind, near, tables, tree=None, bound=0):
        self.text = text
        self.fn = fn
        self.names = names  # frozenset of question and definition ids read directly
        self.uses_today = uses_today
        self.kind = kind
        self.near = near  # tuple of NearMissSpec: the limits a failure can be measured against
        self.tables = tables  # frozenset of table ids used
        self.tree = tree  # the checked ast (for other compilers, coverage and mutation)
        self.bound = bound  # the largest whole number it can give (`size`)

    def __call__(self, scope) -> Any:
        try:
            return self.fn(scope)
        except Exception:  # a bad answer of an unexpected shape is unknown, never a crash
            return UNKNOWN

    def __repr__(self) -> str:
        return f"Expr({self.text!r})"


_SLOT = {name: Expr.__dict__[name] for name in Expr.__slots__}  # Expr's own attributes, under any subclass
_SET = {name: slot.__set__ for name, slot in _SLOT.items()}


class Unbuilt(Expr):
    """An expression already known to build without a problem against the same names, with what
    that build gave kept (`text`, `names`, `uses_today`, `kind`, `tables`, `bound`): its function,
    tree and near-miss limits are made the first time one of them is asked for, by `build_expr`,
    and it is then an `Expr` like any other. Until then `fn` holds what building needs."""

    __slots__ = ()

    def __init__(self, written: str, names: Names, test: bool, text, found_names, uses_today, kind, tables, bound):
        _SET["text"](self, text)
        _SET["fn"](self, (written, names, test))
        _SET["names"](self, found_names)
        _SET["uses_today"](self, uses_today)
        _SET["kind"](self, kind)
        _SET["near"](self, ())
        _SET["tables"](self, tables)
        _SET["tree"](self, None)
        _SET["bound"](self, bound)

    def _built(self) -> None:
        written, names, test = _SLOT["fn"].__get__(self)
        try:
            made = build_expr(written, names, test=test)
        except ExprError:
            # Not for an expression a load recorded as built: only for a record edited by hand to
            # say so. Such an expression is always unknown, never a crash.
            made = Expr(self.text, lambda scope: UNKNOWN, self.names, self.uses_today, self.kind, (), self.tables,
                        None, self.bound)
        for name in Expr.__slots__:
            _SLOT[name].__set__(self, _SLOT[name].__get__(made))
        self.__class__ = Expr

    @property
    def fn(self):
        self._built()
        return self.fn

    @property
    def tree(self):
        self._built()
        return self.tree

    @property
    def near(self):
        self._built()
        return self.near


_TRUTH_HINTS = {
    "number": Text("기준과 비교하세요. 예: 'full_time_workers >= 10'",
                   "compare it with a limit, e.g. 'full_time_workers >= 10'"),
    "text": Text("질문의 선택지와 비교하세요. 예: \"region == 'seoul'\"",
                 "compare it with a question's option, e.g. \"region == 'seoul'\""),
    "date": Text("다른 날짜와 비교하세요. 예: \"founding_date <= date('2020-12-31')\"",
                 "compare it with another date, e.g. \"founding_date <= date('2020-12-31')\""),
    "list": Text("값이 들어 있는지 물으세요. 예: \"has(track_interest, 'new_tech')\"",
                 "ask whether it holds a value, e.g. \"has(track_interest, 'new_tech')\""),
}


def build_expr(text: object, names: Names, test: bool = False) -> Expr:
    """Parse, check and build one expression. Raises ExprError with a column.

    `test`: the expression decides something (a criterion, an exclusion, `applies_if`) and must
    be a yes/no value; a number or a text there would count as met for any value but 0 or ''."""
    try:
        tree, body = parse(text)
    except ExprError as err:
        raise _and_the_rest(err, text, names, test) from None
    lead = len(str(text)) - len(str(text).lstrip())
    builder = Builder(body, names, lead)
    try:
        built = builder.build(tree)
    except ExprError as err:
        raise ExprError.of(builder.errors + [err]) from None
    if test and built.kind not in ("bool", "any"):
        builder.errors.append(ExprError(
            Text(f"'{body}'의 값은 {word(built.kind, 'ko')}입니다. 요건에는 예/아니오로 답하는 식이 와야 합니다",
                 f"'{body}' is {word(built.kind)}, not a yes/no test"), lead + 1, body, _TRUTH_HINTS.get(built.kind)))
    if builder.errors:
        raise ExprError.of(builder.errors)
    near = near_miss_spec(tree, builder.built, names)
    return Expr(body, built.fn, built.names, built.today, built.kind, near, built.tables, tree, built.bound)


def _and_the_rest(err: ExprError, text: object, names: Names, test: bool) -> ExprError:
    """`err` and, when it holds only clerk's slips with a known fix (`&&`, `=`, `1200억`, ...),
    the mistakes in the rest of the expression too: the slips are replaced by their fixes, the
    result is read again, and what is wrong there is told at its column in the text as written
    (a misspelt name after an `&&` is found in the same run, not after the `&&` is mended)."""
    slips = err.each()
    if not isinstance(text, str) or any(e.fix is None or e.column is None for e in slips):
        return err
    edits = []  # (index in text, length as written, length of the fix), left to right
    mended, shift, end = text, 0, 0
    for e in slips:
        if e.column - 1 < end:  # two slips in one place: the rest is not read
            return err
        end = e.column - 1 + len(e.text)
        at = e.column - 1 + shift
        mended = mended[:at] + e.fix + mended[at + len(e.text):]
        edits.append((e.column - 1, len(e.text), len(e.fix)))
        shift += len(e.fix) - len(e.text)
    try:
        build_expr(mended, names, test)
    except ExprError as rest:
        more = [e for e in (_moved_back(r, edits) for r in rest.each()) if e is not None]
        return ExprError.of(list(slips) + more)
    return err


def _moved_back(err: ExprError, edits) -> ExprError | None:
    """`err`, found in the mended text, with its column in the text as written; None when it
    lies in a fix (the slip itself is already told)."""
    if err.column is None:
        return err
    at, shift = err.column - 1, 0
    for start, written, fixed in edits:
        if at < start + shift:
            break
        if at < start + shift + fixed:
            return None
        shift += fixed - written
    err.column = at - shift + 1
    err.more = ()
    return err
