"""Expressions of the rule files that built without a problem before, kept with the parsed files
so that a load need not build them again: such an expression is made an `Unbuilt`, with what its
build gave (its kind, the names and tables it reads, whether it reads today, its bound), and is
built the first time it is evaluated (that is, when the plan for evaluating is made).

What building an expression gives depends on its text, on whether it is a test, on the names it
may read (`Names`: the questions with their types, options and bounds, the tables, the kinds and
bounds of the definitions, what was left out) and on the code of the rule language. The record
is kept under the fingerprint of that code, and finds each expression by the fingerprint of its
names, its text and whether it is a test: a load whose names or code differ in anything finds no
row, builds the expression again, and reports every problem as a load without any record does.

Choices, and why:

- Only expressions that built are kept. One with a problem is built (and its problem reported)
  on every load, so every message, with its column and line, reads the same with or without the
  record.
- The names are fingerprinted from what the expressions see (the `Names` object), not from the
  files they came from: any change to what an expression could read, wherever it comes from,
  finds another row. Their fingerprint is worked out again whenever they change while a load
  goes on (it leaves out what has problems as it finds them).
- The code is fingerprinted from the source files of the rule language (every module of
  `desktop/engine/expr/` in use, and the few it calls); where they cannot be read (an installed
  bundle), from their compiled code (slower, the same in every process). The sources are read
  at the first load of a process, and again only when a module is found at another file: a
  source file changed while a program runs is not the code it runs, and is not taken for it.
- The record is one entry of the parsed-file cache's folder (the same digest, key and format
  checks, the same pruning). One that is damaged, or with any row not of the shape a load writes,
  is ignored whole: every expression is built, and the record written anew. A load that builds
  something new writes the rows it used first, then the others, KEEP_ROWS at most (rows of names
  no longer read do not pile up; another rules folder checked now and then keeps its own).
"""

from __future__ import annotations

import hashlib
import importlib
import sys
import types

from desktop.engine.expr import ExprError, Names, build_expr
from desktop.engine.expr.compile import Expr, Unbuilt
from desktop.engine.expr.kinds import KIND_WORDS
from desktop.engine.file_bytes import read_bytes
from desktop.engine.parsed_cache import ParsedCache, _feed

# Besides the rule language's own modules, those whose code decides what building gives.
_ALSO = ("desktop.engine.amounts", "desktop.engine.josa", "desktop.engine.suggest", "desktop.engine.expr_records")
_KINDS = frozenset(KIND_WORDS) | {"any"}
KEEP_ROWS = 5000


def _code_modules() -> list[str]:
    return sorted(name for name in list(sys.modules) if name == "desktop.engine.expr"
                  or name.startswith("desktop.engine.expr.")) + list(_ALSO)


def code_fingerprint() -> str:
    """The SHA-256 of the source of every module of the rule language in use and of _ALSO (with
    the Python version); of their compiled code when a source file cannot be read. The sources
    are read once for the same modules at the same files (each load asks): a module's code does
    not change while it runs, whatever happens to its file since."""
    modules = _code_modules()
    where = tuple((name, importlib.import_module(name).__file__) for name in modules)
    found = _READ.get(where)
    if found is not None:
        return found
    h = hashlib.sha256(sys.version.encode())
    try:
        for name, file in where:
            body = read_bytes(file)
            h.update(f"{name}\0{len(body)}\0".encode() + body)
    except (OSError, TypeError):
        return compiled_fingerprint(modules)
    _READ.clear()  # (one set of files at a time: any other is other code)
    _READ[where] = h.hexdigest()
    return _READ[where]


_READ: dict[tuple, str] = {}  # ((module, its file), ...) -> the fingerprint of those sources


def compiled_fingerprint(modules: list[str]) -> str:
    """The SHA-256 of the compiled code of every function and class of `modules`, taken as the
    parsed-file cache takes the parser's (`parsed_cache._feed`: the same in every process)."""
    h = hashlib.sha256(b"compiled\0" + sys.version.encode())
    for name in modules:
        module = importlib.import_module(name)
        for key, obj in vars(module).items():
            if getattr(obj, "__module__", None) != name or not isinstance(obj, (type, types.FunctionType)):
                continue
            codes = [obj.__code__] if isinstance(obj, types.FunctionType) else [
                v.__code__ for v in vars(obj).values() if isinstance(v, types.FunctionType)]
            for code in codes:
                h.update(f"{name}.{key}\0".encode())
                _feed(h, code)
    return h.hexdigest()


def names_fingerprint(names: Names) -> str:
    """The SHA-256 of everything in `names` an expression can read, as plain values: each question's
    type, option values and bounds; each table's match, entries, default and dated values; the
    definitions' kinds and bounds; what was left out. Every part is in the order the files give,
    or a plain value, so its `repr` is the same in every process."""
    return _Parts().of(names)


class _Parts:
    """`names_fingerprint`, with the fingerprint of a questions or tables mapping worked out once
    while the mapping holds the same objects (a load hands the same ones to many `Names`)."""

    def __init__(self):
        self._seen: dict[int, tuple] = {}  # id(mapping) -> (mapping, its values, fingerprint)

    def part(self, mapping, shown) -> str:
        found = self._seen.get(id(mapping))
        values = list(mapping.values())
        # (lists compare their items by identity first: the same objects cost no comparison)
        if found is not None and found[0] is mapping and found[1] == values and list(mapping) == found[3]:
            return found[2]
        made = hashlib.sha256(repr([shown(k, v) for k, v in mapping.items()]).encode("utf-8", "backslashreplace")).hexdigest()
        self._seen[id(mapping)] = (mapping, values, made, list(mapping))
        return made

    def of(self, names: Names) -> str:
        questions = self.part(names.questions, _question)
        tables = self.part(names.tables, _table)
        whole = repr((questions, tables, list(names.definitions.items()), list(names.bounds.items()),
                      list(names.unavailable.items())))
        return hashlib.sha256(whole.encode("utf-8", "backslashreplace")).hexdigest()


def _question(qid, q) -> tuple:
    return (qid, q.type, [o.value for o in q.options], q.min, q.max)


def _table(tid, t) -> tuple:
    return (tid, t.match, t.entries, t.default, t.type,
            [(key, [(v.validity.valid_from, v.validity.valid_to, v.value) for v in versions]) for key, versions in t.dated.items()])


class ExprRecords:
    """Builds the expressions of one load, from the record where it has them. `using(names)`
    gives the builder for expressions read against `names`."""

    def __init__(self, cache: ParsedCache):
        self.cache = cache
        self.key = "expressions-" + hashlib.sha256(code_fingerprint().encode()).hexdigest()
        self.rows = _rows(cache.read_entry(self.key))
        self.kept: dict[tuple[str, str, bool], list] = {}  # the rows this load used or made
        self.added = 0
        self.parts = _Parts()

    def using(self, names: Names) -> "_Builder":
        return _Builder(self, names)

    def save(self) -> None:
        """Writes the record when this load built an expression it did not have: the rows this
        load used or made first, then the others it held, KEEP_ROWS at most (rows for names no
        longer read do not pile up, and another rules folder checked now and then keeps its own)."""
        if self.added:
            kept = {**self.kept, **{k: v for k, v in self.rows.items() if k not in self.kept}}
            rows = [[context, text, test, *row] for (context, text, test), row in list(kept.items())[:KEEP_ROWS]]
            self.cache.write_entry(self.key, {"expressions": rows})
            self.added = 0


class _Builder:
    """`build_expr(text, names, test=test)`, through the record. The fingerprint of the names is
    worked out again whenever their definitions, bounds or what is left out changed since the
    last build (a load adds what it leaves out as it goes), or their questions or tables are
    other mappings or of another size; a `Names`' mapping of questions or tables is not changed
    otherwise once made (the loader makes a new one)."""

    def __init__(self, records: ExprRecords, names: Names):
        self.records = records
        self.names = names
        self._seen = None
        self._context = ""

    def context(self) -> str:
        n, seen = self.names, self._seen
        if seen is None or not (seen[0] is n.questions and seen[1] == len(n.questions) and seen[2] is n.tables
                                and seen[3] == len(n.tables) and seen[4] == n.definitions and seen[5] == n.bounds
                                and seen[6] == n.unavailable):
            self._context = self.records.parts.of(n)
            self._seen = (n.questions, len(n.questions), n.tables, len(n.tables), dict(n.definitions),
                          dict(n.bounds), dict(n.unavailable))
        return self._context

    def __call__(self, text: object, test: bool = False) -> Expr:
        """What `build_expr(text, names, test=test)` gives, as an `Unbuilt` when the record has
        it. Raises ExprError exactly as `build_expr` does."""
        if type(text) is not str:
            return build_expr(text, self.names, test=test)
        records = self.records
        key = (self.context(), text, test)
        row = records.rows.get(key)
        if row is not None:
            records.kept[key] = row
            body, found, today, kind, tables, bound = row
            return Unbuilt(text, self.names, test, body, frozenset(found), today, kind, frozenset(tables), bound)
        made = build_expr(text, self.names, test=test)  # ExprError passes through, unrecorded
        records.kept[key] = [made.text, sorted(made.names), made.uses_today, made.kind, sorted(made.tables), made.bound]
        records.added += 1
        return made


def builder(records: ExprRecords | None, names: Names):
    """The builder of expressions read against `names`: through `records` when there are any."""
    if records is not None:
        return records.using(names)
    return lambda text, test=False: build_expr(text, names, test=test)


def _rows(entry) -> dict[tuple[str, str, bool], list]:
    """The rows of a record, by (names, text, test); none at all when any row is not of the shape
    written."""
    if entry is None or type(entry.get("expressions")) is not list:
        return {}
    rows = {}
    for row in entry["expressions"]:
        if not _is_row(row):
            return {}
        rows[(row[0], row[1], row[2])] = row[3:]
    return rows


def _is_row(row) -> bool:
    if type(row) is not list or len(row) != 9:
        return False
    context, text, test, body, found, today, kind, tables, bound = row
    return (type(context) is str and type(text) is str and type(test) is bool and type(body) is str and type(found) is list
            and all(type(n) is str for n in found) and type(today) is bool and type(kind) is str and kind in _KINDS
            and type(tables) is list and all(type(t) is str for t in tables) and type(bound) is int and bound >= 0)


__all__ = ["ExprRecords", "ExprError", "builder", "code_fingerprint", "names_fingerprint"]
