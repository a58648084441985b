"""Tables and definitions (derived values such as the legal company size class).

Definitions may use questions and each other, never in a circle. They are built in dependency
order, so a definition knows the type of every definition it uses and each is computed at most once
per assessment.
"""

from __future__ import annotations

import ast
import datetime as dt
from typing import Any, Mapping

from desktop.engine.expr import UNKNOWN, Expr, ExprError, Names
from desktop.engine.expr_records import builder
from desktop.engine.model import DatedValue, Definition, Table, Where
from desktop.engine.problems import Problems, bad_items, text_of
from desktop.engine.text import Text, led
from desktop.engine.rule_values import TABLE_TYPES, type_of, value_problem
from desktop.engine.schemas import is_soft
from desktop.engine.validity import DATED_KEYS, Validity, read_validity, sequence_problems
from desktop.engine.yamlsrc import SourceFile


_EARLIEST = dt.date.min
MAX_CHAIN = 50  # definitions built on definitions, this deep at most (each level is a call)


def read_tables(src: SourceFile, problems: Problems, found) -> dict[str, Table]:
    data = src.data if isinstance(src.data, dict) else {}
    raw_tables = data.get("tables") or {}
    if not isinstance(raw_tables, dict):
        return {}
    broken = {p[1] for p, _l, _m in found if len(p) >= 2 and p[0] == "tables" and not is_soft(p, src)}
    out: dict[str, Table] = {}
    for tid, raw in raw_tables.items():
        if tid in broken or not isinstance(raw, dict):
            continue
        entries: dict = {}
        dated: dict = {}
        ok = True
        for k, v in raw["entries"].items():
            if not isinstance(v, list):
                entries[str(k)] = v
                continue
            versions = _dated_entry(src, problems, tid, str(k), v)
            if versions is None:
                ok = False
            else:
                dated[str(k)] = versions
        if not ok or not _values_fit(src, problems, tid, raw):
            continue
        out[tid] = Table(
            id=tid,
            match=raw["match"],
            entries=entries,
            where=Where(src.path, src.line("tables", tid)),
            default=raw.get("default"),
            label=text_of(raw.get("label")),
            dated=dated,
            sources=tuple(raw.get("source") or ()),
            type=raw.get("type"),
        )
    return out


def _values_fit(src: SourceFile, problems: Problems, tid: str, raw: dict) -> bool:
    """Every value of the table (and its default) fits the table's `type`, `min` and `max`; a
    table without a type holds one kind of value throughout. Each misfit is reported."""
    declared = raw.get("type")
    low, high = raw.get("min"), raw.get("max")
    found = []
    for k, v in raw["entries"].items():
        if isinstance(v, list):
            found.extend((("entries", k, i, "value"), item["value"]) for i, item in enumerate(v))
        else:
            found.append((("entries", k), v))
    if raw.get("default") is not None:
        found.append((("default",), raw["default"]))
    kind = declared or (type_of(found[0][1]) if found else "text")
    ok = True
    for where, value in found:
        message = value_problem(value, kind, low, high)
        if message is None:
            continue
        if declared:
            message = led(Text(f"표 '{tid}' ({kind})", f"table '{tid}' ({kind})"), message)
        else:
            types = ", ".join(TABLE_TYPES)
            message = Text(f"표 '{tid}': {message.ko}. 첫 값과 종류가 다릅니다. 표에 type을 정하세요({types})",
                           f"table '{tid}': {message.en}, unlike its first value; give the table a type ({types})")
        line = src.line("tables", tid, *where)
        problems.add(src.path, line, message)
        ok = False
    return ok


def _dated_entry(src: SourceFile, problems: Problems, tid: str, key: str, items: list):
    """One table key written as a list of dated values; None when it has a problem (reported)."""
    path = ("tables", tid, "entries", key)
    versions: list[DatedValue] = []
    for i, item in enumerate(items):
        def report(field: str, message: str, _i=i) -> None:
            problems.at(src, path + (_i, field), led(_entry(tid, key), message))

        validity = read_validity(item, report)
        if validity is None:
            return None
        versions.append(DatedValue(validity, item["value"], tuple(item.get("source") or ())))
    for i, message in sequence_problems([v.validity for v in versions], _entry(tid, key),
                                        whole_time=False):
        problems.at(src, path + (i,), message)
        return None
    return tuple(sorted(versions, key=lambda v: v.validity.valid_from or _EARLIEST))


def read_definitions(
    src: SourceFile,
    problems: Problems,
    found,
    questions: Mapping[str, Any],
    tables: Mapping[str, Table],
    unavailable: dict[str, str] | None = None,
    records=None,
) -> dict[str, Definition]:
    """Build every definition that can be built, in dependency order (through `records`, the
    expressions built before, when given: `expr_records`)."""
    data = src.data if isinstance(src.data, dict) else {}
    skip = bad_items(found, "definitions", src)
    raw_items: dict[str, tuple[int, dict]] = {}
    later: dict[str, list[tuple[int, dict]]] = {}  # further dated versions of a definition
    for i, raw in enumerate(data.get("definitions") or []):
        if i in skip or not isinstance(raw, dict):
            continue
        did = raw["id"]
        if did in raw_items:
            first_i, first_raw = raw_items[did]
            if _is_dated(raw) and _is_dated(first_raw):
                later.setdefault(did, []).append((i, raw))
                continue
            first = src.line("definitions", first_i, "id")
            dated = _is_dated(raw) or _is_dated(first_raw)
            problems.at(src, ("definitions", i, "id"), Text(
                f"같은 정의 id를 두 번 썼습니다: '{did}' (처음은 {first}행)"
                + ("; 버전마다 valid_from / valid_to로 기간을 정하세요" if dated else ""),
                f"duplicate definition id '{did}' (first on line {first})"
                + ("; give each version valid_from / valid_to to date them" if dated else "")))
            continue
        if did in questions:
            problems.at(src, ("definitions", i, "id"), Text(f"질문과 같은 id를 쓴 정의: '{did}'",
                                                            f"definition '{did}' has the same id as a question"))
            continue
        if did == "today":
            problems.at(src, ("definitions", i, "id"), Text("'today'는 판정 기준일을 뜻하는 이름이라 정의 id로 쓸 수 없습니다",
                                                            "'today' is reserved for the assessment date"))
            continue
        raw_items[did] = (i, raw)

    # First pass: which names each definition reads (types not known yet).
    unavailable = unavailable if unavailable is not None else {}
    for i, raw in enumerate(data.get("definitions") or []):
        if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"] not in raw_items:
            unavailable.setdefault(raw["id"], "definition")
    loose = Names(questions, {d: "any" for d in raw_items}, tables, unavailable)
    build_loose = builder(records, loose)
    uses: dict[str, frozenset] = {}
    broken: set[str] = set()
    validities: dict[str, list[Validity]] = {}
    for did, first in raw_items.items():
        found_names: set = set()
        versions = [first, *later.get(did, ())]
        validities[did] = []
        for i, raw in versions:
            validity = read_validity(
                raw, lambda key, message, _i=i: problems.at(src, ("definitions", _i, key), led(_definition(did), message))
            )
            if validity is None:
                broken.add(did)
                continue
            validities[did].append(validity)
            try:
                found_names |= build_loose(raw["expr"]).names
            except ExprError as err:
                problems.expr(src, ("definitions", i, "expr"), f"definition '{did}'", err)
                broken.add(did)
        if did not in broken:
            for k, message in sequence_problems(validities[did], _definition(did), whole_time=True):
                problems.at(src, ("definitions", versions[k][0], "id"), message)
                broken.add(did)
        uses[did] = frozenset(found_names)

    order = _dependency_order(raw_items, uses, broken, src, problems)

    # Second pass: in dependency order, with the types of the definitions already built.
    kinds: dict[str, str] = {}
    bounds: dict[str, int] = {}
    built: dict[str, Definition] = {}
    depth: dict[str, int] = {}
    for did in order:
        i, raw = raw_items[did]
        depth[did] = 1 + max((depth.get(n, 0) for n in uses[did] if n in raw_items), default=0)
        if depth[did] > MAX_CHAIN:
            problems.at(
                src,
                ("definitions", i, "expr"),
                Text(f"정의 '{did}': 정의 {MAX_CHAIN}개가 넘게 이어진 사슬 위에 있습니다",
                     f"definition '{did}' rests on a chain of more than {MAX_CHAIN} definitions"),
            )
            unavailable[did] = "definition"
            continue
        bad = sorted(n for n in uses[did] if n in raw_items and n not in built)
        if bad:
            unavailable[did] = "definition"
            problems.at(
                src,
                ("definitions", i, "expr"),
                Text(f"정의 '{did}': 불러오지 못한 '{bad[0]}'에 기댑니다",
                     f"definition '{did}' uses '{bad[0]}', which could not be loaded"),
            )
            continue
        scope_names = Names(questions, kinds, tables, unavailable, bounds)
        build = builder(records, scope_names)
        versions: list[Definition] = []
        for (vi, vraw), validity in zip([(i, raw), *later.get(did, ())], validities[did]):
            try:
                expr = build(vraw["expr"])
            except ExprError as err:
                problems.expr(src, ("definitions", vi, "expr"), f"definition '{did}'", err)
                versions = []
                break
            versions.append(Definition(
                id=did,
                label=text_of(vraw["label"]),
                expr=expr,
                source=vraw["expr"],
                where=Where(src.path, src.line("definitions", vi)),
                unit=text_of(vraw.get("unit")),
                help=text_of(vraw.get("help")),
                validity=validity,
            ))
        if not versions:
            unavailable[did] = "definition"
            continue
        if len(versions) > 1:
            kinds_seen = {v.expr.kind for v in versions}
            if len(kinds_seen) > 1 and "any" not in kinds_seen:
                problems.at(src, ("definitions", later[did][0][0], "expr"),
                            led(_definition(did), Text(
                                f"기간별 버전의 값 종류가 서로 다릅니다({', '.join(sorted(kinds_seen))})",
                                f"its dated versions give different kinds of value ({', '.join(sorted(kinds_seen))})")))
                unavailable[did] = "definition"
                continue
            combined = _dated_definition(versions)
        else:
            combined = versions[0]
        kinds[did] = combined.expr.kind
        bounds[did] = combined.expr.bound
        unavailable.pop(did, None)
        built[did] = combined
    for did in raw_items:
        if did not in built:
            unavailable[did] = "definition"
    return built


def _dependency_order(raw_items, uses, broken, src, problems) -> list[str]:
    """Definitions ordered so each comes after the ones it uses; circles are reported."""
    order: list[str] = []
    state: dict[str, int] = {}  # 1: visiting, 2: done
    reported: set[str] = set()

    def visit(did: str, trail: list[str]) -> None:
        if state.get(did) == 2:
            return
        if state.get(did) == 1:
            circle = trail[trail.index(did):] + [did]
            if not reported.intersection(circle):
                i = raw_items[circle[0]][0]
                problems.at(src, ("definitions", i, "expr"), Text("정의가 돌고 돕니다: " + " -> ".join(circle),
                                                                "definition cycle: " + " -> ".join(circle)))
            reported.update(circle)
            return
        state[did] = 1
        for name in sorted(uses.get(did, ())):
            if name in raw_items and name not in broken:
                visit(name, trail + [did])
        state[did] = 2
        if did not in reported:
            order.append(did)

    for did in raw_items:
        if did not in broken:
            visit(did, [])
    return order


def _is_dated(raw: dict) -> bool:
    return any(k in raw for k in DATED_KEYS)


def _dated_definition(versions: list[Definition]) -> Definition:
    """One definition whose value is that of the version in force on the assessment date."""
    ordered = tuple(sorted(versions, key=lambda d: d.validity.valid_from or _EARLIEST))
    picks = tuple((d.validity, d.expr.fn) for d in ordered)

    def fn(scope, _picks=picks):
        day = scope["today"]
        for validity, f in _picks:
            if validity.holds(day):
                return f(scope)
        return UNKNOWN

    kinds = {d.expr.kind for d in ordered}
    names = frozenset().union(*(d.expr.names for d in ordered))
    tables = frozenset().union(*(d.expr.tables for d in ordered))
    # Every version's tree side by side, for what reads the rules' shapes (the exact search's
    # limits and industry classes): a dated definition compares with the limits of each version.
    bodies = [d.expr.tree.body if isinstance(d.expr.tree, ast.Expression) else d.expr.tree for d in ordered]
    tree = ast.Tuple(elts=bodies, ctx=ast.Load()) if all(b is not None for b in bodies) else None
    expr = Expr(ordered[-1].expr.text, fn, names, True, kinds.pop() if len(kinds) == 1 else "any", (), tables,
                tree, bound=max(d.expr.bound for d in ordered))
    last = ordered[-1]
    return Definition(
        id=last.id, label=last.label, expr=expr, source=last.source, where=last.where,
        unit=last.unit, help=last.help, versions=ordered,
    )


def _definition(did: str) -> Text:
    return Text(f"정의 '{did}'", f"definition '{did}'")


def _entry(tid: str, key: str) -> Text:
    return Text(f"표 '{tid}'의 항목 '{key}'", f"table '{tid}' entry '{key}'")
