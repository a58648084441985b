"""The whole rule pack, on one day, as one SQL query over a table of typed answers.

The query reads a relation with a row number column and one column per question (NULL: not
answered or "I don't know"; multiple choice as ';a;b;'), computes the definitions in dependency
order (a level at a time, side by side those that do not read each other), then a truth column
per criterion, then per program its status and detail columns. It is text for DuckDB's dialect;
desktop/screen runs it and renders it for other engines.

`outcomes_sql` gives the outcomes as computed and stored (program.py): statuses as codes, the
failed criteria and deciding questions as bit masks, no near miss as NULL, what a table of
millions of outcomes holds; `stored` reads each output column from them, `spelled_sql` turns
them into the output's text; `sql` is the two in one query.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.engine.dated import in_force
from desktop.engine.expr.parse import parse
from desktop.engine.model import RulePack
from desktop.engine.plan import unit_of
from desktop.engine.sql import literals as lit
from desktop.engine.sql.expr import Compiler, NotCompilable, Scope, Value
from desktop.engine.sql.freedom import Names
from desktop.engine.sql.program import (INELIGIBLE, STATUSES, TO_SETTLE, UNDETERMINED, ProgramSQL, compile_program,
                                        named, spelled)

OUTCOME_SUFFIXES = ("", ".failed", ".deciding", ".near_miss")


@dataclass
class CompiledPack:
    today: dt.date
    steps: list[tuple[str, str]]  # (definition id, SQL), dependency order
    programs: list[ProgramSQL]
    skipped_definitions: dict[str, str]  # id -> why it has no SQL form
    portable: bool = False  # only what every SQL engine has (no DuckDB list literals)

    def _chain(self, source: str) -> tuple[list[str], str]:
        ctes = [f"s0 AS (SELECT * FROM {source})"]
        prev = "s0"
        # The definitions a level apart: each level computes, side by side, those that read only
        # the answers and the levels below (a query of a few levels plans much faster than one
        # of a level per definition).
        level: dict[str, int] = {}
        for did, sql in self.steps:
            level[did] = 1 + max((level[d] for d in level if lit.ident(d) in sql), default=0)
        for n in range(1, max(level.values(), default=0) + 1):
            cols = [f"{sql} AS {lit.ident(did)}" for did, sql in self.steps if level[did] == n]
            ctes.append(f"s{n} AS (SELECT *, {', '.join(cols)} FROM {prev})")
            prev = f"s{n}"
        leaves = [
            f"{leaf.sql} AS {lit.ident(leaf.column)}"
            for p in self.programs
            if not p.reference_only
            for leaf in (*p.leaves, *p.exclusions)
        ]
        if leaves:
            ctes.append(f"criteria AS (SELECT *, {', '.join(leaves)} FROM {prev})")
            prev = "criteria"
        # The groups of every tree, lowest first: each reads the columns of the ones below it.
        by_height: dict[int, list[str]] = {}
        for p in self.programs:
            if not p.reference_only:
                for height, column, sql in p.groups:
                    by_height.setdefault(height, []).append(f"{sql} AS {lit.ident(column)}")
        for height in sorted(by_height):
            ctes.append(f"groups{height} AS (SELECT *, {', '.join(by_height[height])} FROM {prev})")
            prev = f"groups{height}"
        statuses = [f"{p.status_sql} AS {lit.ident(p.status_column)}" for p in self.programs if p.status_sql]
        if statuses:
            ctes.append(f"statuses AS (SELECT *, {', '.join(statuses)} FROM {prev})")
            prev = "statuses"
        return ctes, prev

    def outcomes_sql(self, source: str = "answers", keep: tuple[str, ...] = ("row",)) -> str:
        """The query: the `keep` columns, then per program its stored columns (program.py: the
        status code, one mask, the near miss if any), which `stored` reads."""
        ctes, last = self._chain(source)
        cols = [lit.ident(k) for k in keep]
        cols += [f"{sql} AS {lit.ident(name)}" for p in self.programs for name, sql in p.columns.items()]
        return "WITH " + ",\n".join(ctes) + f"\nSELECT {', '.join(cols)}\nFROM {last}"

    def read(self, name: str) -> tuple[str | None, str, str]:
        """How the output column `name` (`<id>`, `<id>.failed`, `<id>.deciding`, `<id>.near_miss`,
        `<id>.settle`) is read from outcomes_sql's columns: (condition, value, otherwise), the
        value where the condition holds (None: everywhere), `otherwise` elsewhere. The status
        as its code 0-2, the lists as masks, no near miss as NULL, the settle flag."""
        for p in self.programs:
            pid = p.program.id
            code, mask = lit.ident(pid), lit.ident(pid + "#mask")
            if name == pid:
                return None, f"LEAST({code}, {UNDETERMINED})", ""
            if name == pid + ".failed":
                return f"{code} = {INELIGIBLE}", mask, "0"
            if name == pid + ".deciding":
                return f"{code} >= {UNDETERMINED}", mask, "0"
            if name == pid + ".near_miss":
                return None, lit.ident(name) if name in p.columns else "CAST(NULL AS VARCHAR)", ""
            if name == pid + ".settle":
                return None, f"({code} = {TO_SETTLE})", ""
        raise KeyError(name)

    def stored(self, name: str) -> str:
        """SQL over outcomes_sql's columns: the output column `name` as computed (`read`)."""
        cond, value, otherwise = self.read(name)
        return value if cond is None else f"(CASE WHEN {cond} THEN {value} ELSE {otherwise} END)"

    def spelled(self, name: str, column: str) -> str:
        """SQL: the output's text of the outcome column `name` (`<id>`, `<id>.failed`, ...) from
        `column`, that column as `stored` gives it."""
        for p in self.programs:
            if name == p.program.id:
                return named(column, STATUSES, lists=not self.portable)
            if name in p.lists:
                text = spelled(column, p.lists[name], lists=not self.portable)
                if name.endswith(".deciding") and not self.portable:
                    # Most outcomes are decided: no deciding question, the empty text without a look-up.
                    return f"CASE WHEN {column} = 0 THEN '' ELSE {text} END"
                return text
            if name == p.program.id + ".near_miss":
                return f"COALESCE({column}, '')"
        return column

    def spelled_sql(self, relation: str, keep: tuple[str, ...] = ("row",), settle: bool = True) -> str:
        """The outcomes in `relation` (outcomes_sql's columns) as the output writes them (and
        `<id>.settle` unless `settle` is false)."""
        cols = [lit.ident(k) for k in keep]
        for p in self.programs:
            for suffix in OUTCOME_SUFFIXES + ((".settle",) if settle else ()):
                name = p.program.id + suffix
                cols.append(f"{self.spelled(name, self.stored(name))} AS {lit.ident(name)}")
        return f"SELECT {', '.join(cols)} FROM {relation}"

    def sql(self, source: str = "answers", keep: tuple[str, ...] = ("row",), settle: bool = True) -> str:
        """The query: the `keep` columns, then per program its status and detail columns as the
        output writes them (and `<id>.settle`)."""
        inner = self.outcomes_sql(source, keep)
        return self.spelled_sql(f"({inner}) AS outcomes", keep, settle)

    def criteria_sql(self, source: str = "answers", keep: tuple[str, ...] = ("row",)) -> str:
        """The truth of every criterion and exclusion: `<program>#c<i>` / `<program>#x<i>`."""
        ctes, last = self._chain(source)
        cols = [lit.ident(k) for k in keep] + [
            lit.ident(leaf.column)
            for p in self.programs
            if not p.reference_only
            for leaf in (*p.leaves, *p.exclusions)
        ]
        return "WITH " + ",\n".join(ctes) + f"\nSELECT {', '.join(cols)}\nFROM {last}"


def compile_pack(pack: RulePack, today: dt.date, programs=None, portable: bool = False) -> CompiledPack:
    """Compile the rules in force on `today` (all programs, or those with the given ids).
    `portable`: only what every SQL engine has (for rendering in other dialects); otherwise
    DuckDB's list literals speed up the lists of ids."""
    scope = Scope(pack.questions, dict(pack.tables), today, industries=tuple(pack.industries))
    compiler = Compiler(scope)
    steps: list[tuple[str, str]] = []
    trees: dict = {}
    kinds: dict[str, str] = {}
    skipped: dict[str, str] = {}
    pack = in_force(pack, today)  # the programs' criteria, exclusions and benefits of that day
    for did, d in pack.definitions.items():
        # a dated definition: the version in force (the versions cover every day between them)
        d = next((v for v in d.versions if v.validity.holds(today)), d)
        tree, _ = parse(d.source)
        trees[did] = tree
        try:
            v = compiler.value(tree)
        except NotCompilable as err:
            skipped[did] = str(err)
            kinds[did] = "any"
            continue
        kinds[did] = v.kind
        steps.append((did, v.sql))
        if v.is_const:  # a constant (the close of last fiscal year) is read as one further on
            scope.definitions[did] = v
        else:
            scope.definitions[did] = Value(lit.ident(did), v.kind, v.integer, v.lo, v.hi, key=v.key, dense=v.dense,
                                           texts=v.texts)
    units = {n: unit_of(pack, n)[0] for n in (*pack.questions, *pack.definitions)}
    names = Names(pack.questions, trees, kinds, units)
    order = {qid: i for i, qid in enumerate(pack.questions)}
    chosen = [p for pid, p in pack.programs.items() if programs is None or pid in programs]
    compiled = [compile_program(p, compiler, names, order) for p in chosen]
    return CompiledPack(today, steps, compiled, skipped, portable)
