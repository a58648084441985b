"""The rules in force on a day: a pack whose programs hold only the criteria, exclusions and
benefits valid then.

Tables and definitions carry their dated versions themselves (a look-up reads the entries in force
on its day; a definition picks its version by the assessment date), so only programs are cut here.
Packs without dated program parts are returned as they are; otherwise one cut pack is kept per set
of dated parts in force, so a thousand assessments on the same day share it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from desktop.engine.model import Criterion, Group, Program, RulePack


def _dated_parts(program: Program) -> list:
    found: list = []

    def walk(node) -> None:
        if not node.validity.always:
            found.append(node)
        if isinstance(node, Group):
            for kid in node.children:
                walk(kid)

    walk(program.eligibility)
    found.extend(c for c in program.exclusions if not c.validity.always)
    found.extend(b for b in program.benefits if not b.validity.always)
    return found


def _cut_node(node, day: dt.date):
    if not node.validity.holds(day):
        return None
    if isinstance(node, Criterion):
        return node
    kids = tuple(k for k in (_cut_node(kid, day) for kid in node.children) if k is not None)
    if not kids and node.children:
        return None  # every part of the group is out of force: the group with them
    return dataclasses.replace(node, children=kids)


def program_on(program: Program, day: dt.date) -> Program:
    """The program with only what is in force on `day`."""
    if not _dated_parts(program):
        return program
    root = _cut_node(program.eligibility, day)
    if root is None:
        root = Group("all", (), where=program.eligibility.where)
    return dataclasses.replace(
        program,
        eligibility=root,
        exclusions=tuple(c for c in program.exclusions if c.validity.holds(day)),
        benefits=tuple(b for b in program.benefits if b.validity.holds(day)),
    )


def in_force(pack: RulePack, day: dt.date) -> RulePack:
    """The pack as it stood on `day` (the same object when nothing in its programs is dated)."""
    cache = pack.in_force_cache
    index = cache.get("index")
    if index is None:
        index = tuple((pid, tuple(_dated_parts(p))) for pid, p in pack.programs.items())
        index = tuple(entry for entry in index if entry[1])
        cache["index"] = index
    if not index:
        return pack
    key = tuple(part.validity.holds(day) for _pid, parts in index for part in parts)
    found = cache.get(key)
    if found is None:
        if len(cache) > 32:
            cache.clear()
            cache["index"] = index
        programs = {pid: program_on(p, day) for pid, p in pack.programs.items()}
        found = dataclasses.replace(pack, programs=programs, compiled=None, in_force_cache={"index": ()})
        cache[key] = found
    return found
