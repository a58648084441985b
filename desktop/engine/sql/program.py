"""One program as SQL: a column per criterion, the status, and the detail columns.

The status follows the reference engine's rule: ineligible when the applicant is outside the
audience, the tree is false or an exclusion holds; eligible when the tree is true and no exclusion
is unknown; otherwise undetermined. The failed criteria, the deciding questions and the near-miss
gaps are collected the way the reference engine collects them (the same walk of the tree, written
as one condition per criterion), so they come out in the same order. The failed criteria and the
deciding questions are computed as whole numbers, a bit per name (`ProgramSQL.lists` says which
bit stands for which name), the status as a code (0 eligible, 1 ineligible, 2 undetermined), a
near miss as NULL when there is none; they are spelled as text only where text is wanted
(`named`, `spelled`): a table of outcomes holds numbers, not text built row by row.

Some undetermined outcomes three-valued SQL cannot be sure of (see freedom.py): their status code
is 3, and those rows go to the reference engine for that program (the `settle` flag).

A table of outcomes holds, per program, the status code, one mask (the failed criteria of an
ineligible outcome or the deciding questions of an undetermined one: never both at once) and,
for a program with limits, the near-miss text: a few narrow columns per program, since a table
of millions of rows costs by the column.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from desktop.engine.expr.nearmiss import near_miss_shape
from desktop.engine.expr.parse import parse
from desktop.engine.model import Criterion, Group, Program
from desktop.engine.near_band import DEFAULT_SHARE, DEFAULT_YEARS, YEAR_UNITS
from desktop.engine.sql import literals as lit
from desktop.engine.sql.expr import Compiler, NotCompilable
from desktop.engine.sql.freedom import Names, askable, free_when, matters_when, questions_in

SEP = lit.LIST_SEP


@dataclass
class Leaf:
    criterion: Criterion
    column: str  # the SQL column holding its truth
    sql: str  # its truth, TRUE / FALSE / NULL
    tree: ast.AST | None
    questions: tuple[str, ...]  # catalog order
    near: tuple = ()  # ((value sql, op, limit sql), ...)
    free: str = "FALSE"
    askable: str = "TRUE"
    unit: str | None = None  # the unit of the first limit's name (the band's default)
    matters: dict = field(default_factory=dict)  # question -> SQL: an answer to it can change this


@dataclass
class ProgramSQL:
    program: Program
    leaves: list[Leaf] = field(default_factory=list)
    exclusions: list[Leaf] = field(default_factory=list)
    groups: list[tuple[int, str, str]] = field(default_factory=list)  # (height, column, SQL)
    reason: str | None = None  # why it is left to the reference engine, if it is
    status_sql: str | None = None  # the status, computed once in its own column
    tree_sql: str = "TRUE"
    columns: dict[str, str] = field(default_factory=dict)  # stored column -> SQL (CompiledPack.stored reads them)
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)  # a mask column -> its bits' names

    @property
    def status_column(self) -> str:
        return f"{self.program.id}#status"

    @property
    def reference_only(self) -> bool:
        return self.reason is not None


def compile_program(program: Program, compiler: Compiler, names: Names, order: dict) -> ProgramSQL:
    out = ProgramSQL(program)
    pid = program.id
    audience = f"({lit.ident('applicant_type')} IN ({', '.join(lit.text(a) for a in program.audience)}))"
    try:
        tree = _build(program.eligibility, out.leaves, pid, compiler, names, order, "c", out.groups)
        for c in program.exclusions:
            out.exclusions.append(_leaf(c, f"{pid}#x{len(out.exclusions)}", compiler, names, order))
        every = (*out.leaves, *out.exclusions)
        if 1 + len(every) > 63 or len({q for leaf in every for q in leaf.questions}) > 63:
            raise NotCompilable("more than 63 criteria or questions: a list would not fit a 64-bit mask")
    except NotCompilable as err:
        out.reason = str(err)
        out.columns = {
            pid: f"CAST(CASE WHEN COALESCE({audience}, TRUE) THEN {TO_SETTLE} ELSE {INELIGIBLE} END AS TINYINT)",
            f"{pid}#mask": f"CAST(CASE WHEN COALESCE({audience}, TRUE) THEN 0 ELSE 1 END AS SMALLINT)",
        }
        out.lists = {f"{pid}.failed": (AUDIENCE,), f"{pid}.deciding": ()}
        return out
    out.tree_sql = tree.sql
    # Outside the audience nothing else is looked at: the criteria and groups are not computed.
    for leaf in (*out.leaves, *out.exclusions):
        leaf.sql = f"CASE WHEN {audience} THEN {leaf.sql} END"
    out.groups = [(h, col, f"CASE WHEN {audience} THEN {sql} END") for h, col, sql in out.groups]
    ex = [lit.ident(x.column) for x in out.exclusions]
    excluded = " OR ".join(f"COALESCE({x}, FALSE)" for x in ex)
    ineligible = f"(NOT COALESCE({tree.sql}, TRUE))" + (f" OR {excluded}" if ex else "")
    eligible = f"COALESCE({tree.sql}, FALSE)" + "".join(f" AND {x} IS NOT NULL" for x in ex)
    out.status_sql = (
        f"CAST(CASE WHEN NOT {audience} THEN {INELIGIBLE} WHEN {ineligible} THEN {INELIGIBLE} "
        f"WHEN {eligible} THEN {ELIGIBLE} ELSE {UNDETERMINED} END AS TINYINT)"
    )
    status = lit.ident(out.status_column)
    # The failed criteria: the tree's walk towards false, then the exclusions that hold (bit 0:
    # outside the audience, where nothing else is looked at).
    failed_parts = [(leaf.criterion.id, cond) for leaf, cond in tree.paths(False)]
    failed_parts += [(x.criterion.id, f"{lit.ident(x.column)}") for x in out.exclusions]
    # The deciding questions: those of the criteria the walk towards unknown reaches.
    open_paths = list(tree.paths(None)) + [(x, f"{lit.ident(x.column)} IS NULL") for x in out.exclusions]
    by_question: dict[str, list[str]] = {}
    for leaf, cond in open_paths:
        for q in leaf.questions:
            matters = leaf.matters.get(q, "TRUE")
            by_question.setdefault(q, []).append(cond if matters == "TRUE" else f"{cond} AND {matters}")
    deciding_parts = [(q, f"{lit.ident(q)} IS NULL AND ({' OR '.join(conds)})")
                      for q, conds in sorted(by_question.items(), key=lambda kv: order[kv[0]])]
    near_cases = []
    for leaf, cond in tree.paths(False):
        for value, op, limit in leaf.near:
            by = f"({value} - {limit})" if op in ("<", "<=") else f"({limit} - {value})"
            width = _band_width(limit, leaf.unit, leaf.criterion.near_within)
            near_cases.append((leaf.criterion.id, cond, value, limit, by, width))
    out.lists = {f"{pid}.failed": (AUDIENCE, *(n for n, _ in failed_parts)),
                 f"{pid}.deciding": tuple(n for n, _ in deciding_parts)}
    # Stored: the status code (3: undetermined, and the reference engine settles it — only an
    # undetermined outcome is searched: a decided one is already exact, three-valued logic never
    # decides wrongly), one mask (the failed criteria of an ineligible outcome, the deciding
    # questions of an undetermined one: never both), the near miss if the program has limits.
    bits = max(1 + len(failed_parts), len(deciding_parts))
    out.columns = {
        pid: f"CAST(CASE WHEN {status} = {UNDETERMINED} AND COALESCE({_settle(out, open_paths)}, FALSE) "
             f"THEN {TO_SETTLE} ELSE {status} END AS TINYINT)",
        f"{pid}#mask": f"CAST(CASE WHEN NOT {audience} THEN 1 WHEN {status} = {INELIGIBLE} THEN {_mask(failed_parts, 1)} "
                       f"WHEN {status} = {UNDETERMINED} THEN {_mask(deciding_parts)} ELSE 0 END AS {_mask_type(bits)})",
    }
    if near_cases:
        out.columns[f"{pid}.near_miss"] = _near_column(f"{audience} AND {status} = {INELIGIBLE}", near_cases)
    return out


def _settle(out: ProgramSQL, open_paths) -> str:
    """SQL: the outcome needs the reference engine — a criterion is unknown where three-valued
    logic may not be exact, two unknown criteria hang on the same unknown question, or a
    criterion on the way to an open outcome waits on a question not put to this applicant."""
    every = out.leaves + out.exclusions
    # Each test behind a CASE, so the costly part runs only on the rows it concerns (an AND in
    # a select list would compute both sides for every row).
    terms = [f"(CASE WHEN {lit.ident(l.column)} IS NULL THEN NOT {l.free} ELSE FALSE END)"
             for l in every if l.free != "TRUE"]
    terms += [f"(CASE WHEN {cond} THEN NOT {l.askable} ELSE FALSE END)" for l, cond in open_paths if l.askable != "TRUE"]
    sharing: dict[str, list[Leaf]] = {}
    for l in every:
        for q in l.questions:
            sharing.setdefault(q, []).append(l)
    for q, ls in sharing.items():
        if len(ls) > 1:
            count = " + ".join(f"(CASE WHEN {lit.ident(l.column)} IS NULL THEN 1 ELSE 0 END)" for l in ls)
            terms.append(f"(CASE WHEN {lit.ident(q)} IS NULL THEN {count} >= 2 ELSE FALSE END)")
    return " OR ".join(terms) if terms else "FALSE"


STATUSES = ("eligible", "ineligible", "undetermined")  # a status column's codes 0, 1, 2
ELIGIBLE, INELIGIBLE, UNDETERMINED, TO_SETTLE = range(4)  # 3: undetermined, for the reference engine
AUDIENCE = "audience"  # the failed criterion of an applicant outside the program's audience
CHUNK = 8  # names per list literal: 256 spellings each


def _mask(parts, first: int = 0) -> str:
    """SQL: a whole number with bit `first + i` set when the i-th condition holds."""
    if not parts:
        return "0"
    return " + ".join(f"(CASE WHEN {cond} THEN {1 << (first + i)} ELSE 0 END)" for i, (_, cond) in enumerate(parts))


def named(code: str, names: tuple[str, ...], lists: bool = True) -> str:
    """SQL: the name a code 0, 1, ... stands for."""
    if not lists:
        return f"CASE {code} {' '.join(f'WHEN {i} THEN {lit.text(n)}' for i, n in enumerate(names))} END"
    return f"[{', '.join(lit.text(n) for n in names)}][{code} + 1]"


def _mask_type(bits: int) -> str:
    """The smallest signed integer type holding a mask of `bits` bits (at most 63)."""
    return "SMALLINT" if bits <= 15 else "INTEGER" if bits <= 31 else "BIGINT"


def spelling(mask: int, names: tuple[str, ...]) -> str:
    """The text of a mask: the names whose bit is set, in order, joined by ';' ('' for none)."""
    return SEP.join(name for i, name in enumerate(names) if mask >> i & 1)


def spelled(mask: str, names: tuple[str, ...], lists: bool = True) -> str:
    """SQL: the names whose bit is set in `mask`, in order, joined by ';' ('' for none)."""
    if not names:
        return "''"
    if not lists:  # text concatenation only: every SQL engine has it (other engines' rendering)
        pieces = [f"(CASE WHEN ({mask} & {1 << i}) <> 0 THEN {lit.text(name + SEP)} ELSE '' END)"
                  for i, name in enumerate(names)]
        return f"RTRIM({' || '.join(pieces)}, {lit.text(SEP)})"
    # Eight names to a list literal holding every combination's text, read off at the mask's
    # eight bits: a look-up per row instead of text built up piece by piece.
    texts = []
    for start in range(0, len(names), CHUNK):
        chunk = names[start:start + CHUNK]
        spellings = [spelling(m, chunk) for m in range(1 << len(chunk))]
        index = mask if len(names) <= CHUNK else f"(({mask} >> {start}) & {(1 << len(chunk)) - 1})"
        texts.append(f"[{', '.join(lit.text(t) for t in spellings)}][{index} + 1]")
    if len(texts) == 1:
        return texts[0]
    return f"concat_ws({lit.text(SEP)}, {', '.join(f'NULLIF({t}, {chr(39)}{chr(39)})' for t in texts)})"


def _band_width(limit: str, unit: str | None, band) -> str:
    """SQL: the largest miss still called near (near_band.band_width), in DOUBLE arithmetic."""
    if band is not None:
        kind, size = band
        return f"(abs(CAST({limit} AS DOUBLE)) * {float(size)!r}::DOUBLE)" if kind == "share" else f"{float(size)!r}::DOUBLE"
    if unit in YEAR_UNITS:
        return f"{DEFAULT_YEARS!r}::DOUBLE"
    return f"(abs(CAST({limit} AS DOUBLE)) * {DEFAULT_SHARE!r}::DOUBLE)"


def _near_column(guard: str, cases) -> str:
    """SQL: the first limit of each failed criterion missed by more than 0 and no more than its
    band (near_band), as `id=gap;...`, NULL when none is. The text is made only on the rows
    where some limit is missed by so little (most rows have none)."""
    if not cases:
        return "CAST(NULL AS VARCHAR)"
    by_leaf: dict[str, list] = {}
    for cid, cond, value, limit, by, width in cases:
        hit = f"{cond} AND {value} IS NOT NULL AND {limit} IS NOT NULL AND {by} > 0 AND {by} <= {width}"
        by_leaf.setdefault(cid, []).append((hit, by))
    pieces = []
    for cid, specs in by_leaf.items():
        whens = " ".join(f"WHEN {hit} THEN {lit.text(cid + '=')} || CAST({by} AS VARCHAR) || {lit.text(SEP)}"
                         for hit, by in specs)
        pieces.append(f"(CASE {whens} ELSE '' END)")
    near = " OR ".join(f"({hit})" for specs in by_leaf.values() for hit, _ in specs)
    return f"CASE WHEN {guard} AND ({near}) THEN RTRIM({' || '.join(pieces)}, {lit.text(SEP)}) END"


class _Node:
    """A tree node's truth as SQL, and the walk that collects leaves towards a wanted value."""

    def __init__(self, sql: str, kind: str, kids=(), leaf: Leaf | None = None):
        self.sql, self.kind, self.kids, self.leaf = sql, kind, kids, leaf
        self.height = 0

    def paths(self, want):
        """(leaf, SQL condition) for every leaf the reference walk reaches: the node and each
        node on the way has the wanted value (a `not` turns the wanted value round)."""
        yield from self._paths(want, [_is(self.sql, want)])

    def _paths(self, want, conds):
        if self.leaf is not None:
            yield self.leaf, " AND ".join(conds)
            return
        kid_want = (not want) if (self.kind == "not" and want is not None) else want
        for kid in self.kids:
            yield from kid._paths(kid_want, conds + [_is(kid.sql, kid_want)])


def _is(sql: str, want) -> str:
    if want is None:
        return f"({sql} IS NULL)"
    return f"({sql})" if want else f"(NOT {sql})"


def _build(node, leaves: list, pid: str, compiler, names, order, prefix, groups: list) -> _Node:
    """The tree with a column per group (its truth from its children's columns), so that the
    walks below read columns instead of repeating whole subtrees."""
    if isinstance(node, Group):
        kids = tuple(_build(k, leaves, pid, compiler, names, order, prefix, groups) for k in node.children)
        if node.op == "any":
            sql = "(" + " OR ".join(k.sql for k in kids) + ")" if kids else "FALSE"
        else:
            inner = "(" + " AND ".join(k.sql for k in kids) + ")" if kids else "TRUE"
            sql = f"(NOT {inner})" if node.op == "not" else inner
        height = 1 + max((k.height for k in kids), default=0)
        column = f"{pid}#g{len(groups)}"
        groups.append((height, column, sql))
        built = _Node(lit.ident(column), node.op, kids)
        built.height = height
        return built
    leaf = _leaf(node, f"{pid}#{prefix}{len(leaves)}", compiler, names, order)
    leaves.append(leaf)
    return _Node(lit.ident(leaf.column), "leaf", (), leaf)


def _leaf(c: Criterion, column: str, compiler: Compiler, names: Names, order: dict) -> Leaf:
    if c.expr_source is None:
        return Leaf(c, column, "CAST(NULL AS BOOLEAN)", None, (), (), "TRUE")
    tree, _ = parse(c.expr_source)
    sql = compiler.boolean(tree)
    qs = tuple(sorted(questions_in(tree, names), key=order.__getitem__))
    near = _near(tree, compiler, names)
    unit = names.units.get(_near_name(tree)) if near else None
    matters = {q: matters_when(tree, q, names, compiler) for q in qs}
    return Leaf(c, column, sql, tree, qs, near, free_when(tree, names, compiler), askable(qs, names, compiler), unit,
                {q: m for q, m in matters.items() if m != "TRUE"})


def _near_name(tree: ast.AST) -> str | None:
    """The name whose first limit a near miss measures (the engine's unit comes from it)."""
    return near_miss_shape(tree)[0][0]


def _near(tree: ast.AST, compiler: Compiler, names: Names) -> tuple:
    """The limits a failure is measured against, as the reference engine recognises them
    (`near_miss_shape`), each as SQL: (value, op, limit)."""
    specs = tuple(_spec(name, op, limit, compiler, names) for name, op, limit in near_miss_shape(tree))
    return specs if specs and all(specs) else ()


def _spec(name: str, op: str, other: ast.AST, compiler: Compiler, names: Names):
    if any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(other)):
        return None
    limit = compiler.value(other)
    value = compiler.value(ast.Name(id=name, ctx=ast.Load()))
    if limit.kind != "number" or value.kind != "number":
        return None
    if value.integer and limit.integer:
        if value.hi - limit.lo > lit.BIGINT_MAX or value.lo - limit.hi < lit.BIGINT_MIN:
            raise NotCompilable("a near-miss gap may leave the 64-bit range")
        return (value.sql, op, limit.sql)
    return (f"CAST({value.sql} AS DOUBLE)", op, f"CAST({limit.sql} AS DOUBLE)")
