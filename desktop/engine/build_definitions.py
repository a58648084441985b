"""Tables and definitions (derived values such as the legal company size class).

Definitions may use questions and each other, never in a circle. They are built in dependency
order, so a definition knows the type of every definition it uses and each is computed at most once
per assessment.
"""

from __future__ import annotations

from typing import Any, Mapping

from desktop.engine.expr import ExprError, Names, build_expr
from desktop.engine.model import Definition, Table, Where
from desktop.engine.problems import Problems, bad_items, text_of
from desktop.engine.schemas import is_soft
from desktop.engine.yamlsrc import SourceFile


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
        entries = {str(k): v for k, v in raw["entries"].items()}
        out[tid] = Table(
            id=tid,
            match=raw["match"],
            entries=entries,
            where=Where(src.path, src.line("tables", tid)),
            default=raw.get("default"),
            label=text_of(raw.get("label")),
        )
    return out


def read_definitions(
    src: SourceFile,
    problems: Problems,
    found,
    questions: Mapping[str, Any],
    tables: Mapping[str, Table],
    unavailable: dict[str, str] | None = None,
) -> dict[str, Definition]:
    """Build every definition that can be built, in dependency order."""
    data = src.data if isinstance(src.data, dict) else {}
    skip = bad_items(found, "definitions", src)
    raw_items: dict[str, tuple[int, dict]] = {}
    for i, raw in enumerate(data.get("definitions") or []):
        if i in skip or not isinstance(raw, dict):
            continue
        did = raw["id"]
        if did in raw_items:
            first = src.line("definitions", raw_items[did][0], "id")
            problems.at(src, ("definitions", i, "id"), f"duplicate definition id '{did}' (first on line {first})")
            continue
        if did in questions:
            problems.at(src, ("definitions", i, "id"), f"definition '{did}' has the same id as a question")
            continue
        if did == "today":
            problems.at(src, ("definitions", i, "id"), "'today' is reserved for the assessment date")
            continue
        raw_items[did] = (i, raw)

    # First pass: which names each definition reads (types not known yet).
    unavailable = unavailable if unavailable is not None else {}
    for i, raw in enumerate(data.get("definitions") or []):
        if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"] not in raw_items:
            unavailable.setdefault(raw["id"], "definition")
    loose = Names(questions, {d: "any" for d in raw_items}, tables, unavailable)
    uses: dict[str, frozenset] = {}
    broken: set[str] = set()
    for did, (i, raw) in raw_items.items():
        try:
            uses[did] = build_expr(raw["expr"], loose).names
        except ExprError as err:
            problems.expr(src, ("definitions", i, "expr"), f"definition '{did}'", err)
            broken.add(did)

    order = _dependency_order(raw_items, uses, broken, src, problems)

    # Second pass: in dependency order, with the types of the definitions already built.
    kinds: dict[str, str] = {}
    built: dict[str, Definition] = {}
    depth: dict[str, int] = {}
    for did in order:
        i, raw = raw_items[did]
        depth[did] = 1 + max((depth.get(n, 0) for n in uses[did] if n in raw_items), default=0)
        if depth[did] > MAX_CHAIN:
            problems.at(
                src,
                ("definitions", i, "expr"),
                f"definition '{did}' rests on a chain of more than {MAX_CHAIN} definitions",
            )
            unavailable[did] = "definition"
            continue
        bad = sorted(n for n in uses[did] if n in raw_items and n not in built)
        if bad:
            unavailable[did] = "definition"
            problems.at(
                src,
                ("definitions", i, "expr"),
                f"definition '{did}' uses '{bad[0]}', which could not be loaded",
            )
            continue
        try:
            expr = build_expr(raw["expr"], Names(questions, kinds, tables, unavailable))
        except ExprError as err:
            problems.expr(src, ("definitions", i, "expr"), f"definition '{did}'", err)
            unavailable[did] = "definition"
            continue
        kinds[did] = expr.kind
        unavailable.pop(did, None)
        built[did] = Definition(
            id=did,
            label=text_of(raw["label"]),
            expr=expr,
            source=raw["expr"],
            where=Where(src.path, src.line("definitions", i)),
            unit=text_of(raw.get("unit")),
            help=text_of(raw.get("help")),
        )
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
                problems.at(src, ("definitions", i, "expr"), "definition cycle: " + " -> ".join(circle))
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
