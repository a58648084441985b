"""The output's text columns as DuckDB ENUMs, read off the outcome table's codes and masks.

A status, a list of failed criteria or deciding questions and a near miss each take few distinct
texts across a register of millions. Spelled as VARCHAR, every cell is a string made row by row
and hashed again by the Parquet writer for its dictionary; as an ENUM a cell is a small code
picked from a list that is folded once, and the writer writes the enum's texts once per row group
(the file holds the same text columns as before: a reader sees strings). An ENUM's texts are fixed
before the query runs, so they are worked out first:

- a status: its three names, read off at the code;
- a list of up to CHUNK names: every one of its 2^n spellings, read off at the mask;
- a longer list: the spellings of the masks found in the table, most frequent first, and the
  mask's place in that list (list_position, which mostly stops at the first entries);
- a near miss: the texts found in the table.

The texts of the settled outcomes (the reference engine's, for the flagged rows) are added to
each column's type, so that they can be cast to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from desktop.engine.sql.literals import ident, text
from desktop.engine.sql.program import CHUNK, STATUSES, spelling


@dataclass
class Spelled:
    """One output column as an ENUM `type`: `value` where `when` holds (always, if None), else
    `otherwise`; each an ENUM expression over the outcome table's columns."""

    type: str
    value: str
    when: str | None = None
    otherwise: str = "NULL"

    def sql(self, flag: str | None = None, settled: str | None = None) -> str:
        """SQL for the column (one CASE); with `flag`, the text `settled` (VARCHAR) wherever the
        flag holds."""
        whens = [f"WHEN {flag} THEN CAST({settled} AS {self.type})"] if flag else []
        last = self.value
        if self.when is not None:
            whens.append(f"WHEN {self.when} THEN {self.value}")
            last = self.otherwise
        return f"CASE {' '.join(whens)} ELSE {last} END" if whens else last


def _type(con, name: str, texts: Iterable[str]) -> str:
    unique = list(dict.fromkeys(texts))
    type_name = ident("enum#" + name)
    con.execute(f"CREATE TYPE {type_name} AS ENUM ({', '.join(text(t) for t in unique)})")
    return type_name


def _picked(texts: list[str], type_name: str, index: str) -> str:
    """SQL: the index-th (from 1) of `texts`, as the ENUM (the list is cast once, not per row)."""
    return f"([{', '.join(text(t) for t in texts)}]::{type_name}[])[{index}]"


def columns(con, compiled, relation: str, extra: dict[str, set[str]]) -> dict[str, Spelled]:
    """Create the ENUM types and return, per output column (`<id>`, `<id>.failed`, ...), how to
    read it from `relation` (the outcome table, read as CompiledPack.read says). `extra`:
    further texts a column must hold."""
    out: dict[str, Spelled] = {}
    long: dict[str, tuple[str, ...]] = {}
    for p in compiled.programs:
        pid = p.program.id
        kind = _type(con, pid, (*STATUSES, *extra.get(pid, ())))
        out[pid] = Spelled(kind, _picked(list(STATUSES), kind, f"{compiled.read(pid)[1]} + 1"))
        for name, names in p.lists.items():
            if len(names) > CHUNK:
                long[name] = names
                continue
            when, mask, _ = compiled.read(name)
            texts = [spelling(m, names) for m in range(1 << len(names))]
            kind = _type(con, name, (*texts, *extra.get(name, ())))
            out[name] = Spelled(kind, _picked(texts, kind, f"{mask} + 1"), when, f"CAST('' AS {kind})")
    for name, masks in _by_frequency(con, relation, {n: compiled.read(n) for n in long}).items():
        when, mask, _ = compiled.read(name)
        texts = [spelling(m, long[name]) for m in masks]
        kind = _type(con, name, ("", *texts, *extra.get(name, ())))
        place = f"list_position([{', '.join(map(str, masks))}]::BIGINT[], CAST({mask} AS BIGINT))"
        out[name] = Spelled(kind, _picked(texts, kind, place), when, f"CAST('' AS {kind})")
    near = {p.program.id + ".near_miss": p for p in compiled.programs}
    # a program without limits stores no near miss: its column is always the empty text
    found = _distinct(con, relation, [n for n, p in near.items() if n in p.columns])
    for name in near:
        kind = _type(con, name, ("", *sorted(found.get(name, ())), *extra.get(name, ())))
        out[name] = Spelled(kind, f"CAST(COALESCE({compiled.read(name)[1]}, '') AS {kind})")
    return out


def _by_frequency(con, relation: str, reads: dict) -> dict[str, list[int]]:
    """The distinct masks of each named column where they are read (CompiledPack.read), the most
    frequent first."""
    if not reads:
        return {}
    parts = [f"SELECT {text(n)} AS c, CAST({mask} AS BIGINT) AS v, count(*) AS k FROM {relation} "
             f"WHERE {when or 'TRUE'} GROUP BY ALL" for n, (when, mask, _) in reads.items()]
    found: dict[str, list[int]] = {n: [] for n in reads}
    for c, v, _ in con.execute(f"SELECT * FROM ({' UNION ALL '.join(parts)}) ORDER BY c, k DESC, v").fetchall():
        found[c].append(v)
    return found


def _distinct(con, relation: str, names) -> dict[str, set[str]]:
    """The distinct texts of each named stored column (NULL left out)."""
    found: dict[str, set[str]] = {n: set() for n in names}
    if names:
        parts = [f"SELECT {text(n)} AS c, {ident(n)} AS v FROM {relation} WHERE {ident(n)} IS NOT NULL GROUP BY ALL"
                 for n in names]
        for c, v in con.execute(" UNION ALL ".join(parts)).fetchall():
            found[c].add(v)
    return found
