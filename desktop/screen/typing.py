"""Register cells as typed answers inside DuckDB, every cell judged by the one cell parser.

Millions of cells cannot each go through Python, and need not: a column holds few distinct
values, apart from numbers and dates, and those are mostly written plainly. So a plain whole
number ('120000000', within the question's range, as SQL itself writes it: no leading zero or
plus sign) and an ISO date ('2025-09-01') are read by SQL (the "plain" forms, checked against the
parser in the tests); every other distinct value of a
column is given once to the Python cell parser (`cells.parse_cell`), and its verdict (the value,
unknown, or the message for a bad cell) is written back into SQL: as a CASE for a short list, or
through a DuckDB function over a dictionary for a long one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.engine.model import RulePack
from desktop.engine.sql.literals import ident, text
from desktop.screen import duck
from desktop.screen.cells import ABSENT, AnswerError, parse_cell
from desktop.tabular import APPLICANT_TYPE as REQUIRED
from desktop.tabular import EMPTY_APPLICANT_TYPE, applicant_type_value
INLINE_LIMIT = 2000  # distinct non-plain values per column written into the SQL as a CASE


@dataclass
class Column:
    """One input column answering one question (or naming the applicant type)."""

    source: str  # the input column's name
    question: str
    sql_type: str
    raw: str  # SQL reading the cell as text (NULL for empty)
    plain: str  # SQL: the cell is in a plain form SQL reads itself
    value: str = "NULL"  # SQL: the typed answer (NULL: unknown)
    bad: str = "FALSE"  # SQL: the cell is bad
    message: str = "NULL"  # SQL: the message for a bad cell
    messages: dict = field(default_factory=dict)  # value -> (ko, en) for the bad ones


def judge(pack: RulePack, qid: str, value: Any) -> Any:
    """A cell's verdict as the client import gives it: the applicant type by its own judgement
    (an empty cell or "I don't know" is a bad cell), every other question by the cell parser."""
    if qid == REQUIRED:
        return applicant_type_value(pack, value)
    return parse_cell(pack, qid, value)


def _plain(q, raw: str) -> str:
    """SQL: the cell is written as SQL itself writes the value it reads (a whole number in its
    shortest form, no sign on an amount, within the question's range; a date as YYYY-MM-DD):
    one cast and a comparison with its own spelling, cheaper than a pattern."""
    if q.type in ("int", "amount"):
        number = f"TRY_CAST({raw} AS BIGINT)"
        bounds = [f"CAST({number} AS VARCHAR) = {raw}"]
        low = q.min if q.type == "int" else max(q.min or 0, 0)  # an amount is never written with a minus
        if low is not None:
            bounds.append(f"{number} >= {int(low)}")
        if q.max is not None:
            bounds.append(f"{number} <= {int(q.max)}")
        return "COALESCE(" + " AND ".join(bounds) + ", FALSE)"
    if q.type == "date":
        return f"COALESCE(CAST(TRY_CAST({raw} AS DATE) AS VARCHAR) = {raw} AND length({raw}) = 10 AND {raw} >= '0001-01-01', FALSE)"
    return "FALSE"


def _sql_literal(q, value: Any) -> str:
    stored = duck.stored(q, value)
    if stored is None:
        return "NULL"
    if q.type == "bool":
        return "TRUE" if stored else "FALSE"
    if q.type in ("int", "amount"):
        return f"CAST({int(stored)} AS BIGINT)"
    if q.type == "date":
        return f"DATE '{stored}'"
    return text(str(stored))


def prepare(con, pack: RulePack, source: str, columns: dict[str, str], source_types: dict[str, str],
            lang: str = "ko") -> list[Column]:
    """Judge every distinct non-plain value of each mapped column once; return the SQL pieces.
    `columns`: input column -> question id; `source_types`: input column -> its DuckDB type."""
    out = []
    for n, (src, qid) in enumerate(columns.items()):
        q = pack.questions[qid]
        col = ident(src)
        target = duck.sql_type(q)
        if source_types.get(src, "VARCHAR") == target and target != "VARCHAR":
            raw = f"CAST({col} AS VARCHAR)"  # typed already (Parquet): read as written
        else:
            raw = f"NULLIF(CAST({col} AS VARCHAR), '')"
        c = Column(src, qid, target, raw, _plain(q, raw))
        distinct = [r[0] for r in con.execute(
            f"SELECT DISTINCT {raw} FROM {source} WHERE {raw} IS NOT NULL AND NOT {c.plain}"
        ).fetchall()]
        verdicts: dict[str, str] = {}
        for value in distinct:
            try:
                parsed = judge(pack, qid, value)
            except AnswerError as err:
                c.messages[value] = (err.message.ko, err.message.en)
                continue
            verdicts[value] = "NULL" if parsed is ABSENT or parsed is None else _sql_literal(q, parsed)
        fallback = "NULL"
        if len(verdicts) + len(c.messages) <= INLINE_LIMIT:
            whens = " ".join(f"WHEN {text(v)} THEN {lit}" for v, lit in verdicts.items())
            mapped = f"CASE {raw} {whens} ELSE {fallback} END" if whens else fallback
            bad = f"{raw} IN ({', '.join(text(v) for v in c.messages)})" if c.messages else "FALSE"
            msg_whens = " ".join(f"WHEN {text(v)} THEN {text(m[1 if lang == 'en' else 0])}" for v, m in c.messages.items())
            c.message = f"CASE {raw} {msg_whens} ELSE NULL END" if msg_whens else "NULL"
        else:
            mapped, bad, c.message = _functions(con, n, q, target, raw, verdicts, c.messages, lang)
        cast = f"CAST({raw} AS {target})" if target != "VARCHAR" else raw
        c.value = f"CASE WHEN {raw} IS NULL THEN NULL WHEN {c.plain} THEN {cast} ELSE {mapped} END"
        c.bad = f"({raw} IS NOT NULL AND NOT {c.plain} AND {bad})"
        if qid == REQUIRED:
            # Every applicant has a type: an empty cell here is a bad cell, not an unknown.
            word = text(EMPTY_APPLICANT_TYPE.get(lang))
            c.message = f"CASE WHEN {raw} IS NULL THEN {word} ELSE {c.message} END"
            c.bad = f"({c.bad} OR {raw} IS NULL)"
        out.append(c)
    return out


def _functions(con, n: int, q, target: str, raw: str, verdicts: dict, messages: dict, lang: str):
    """A long list of verdicts as DuckDB functions over Python dictionaries (called only for the
    cells that are not in a plain form)."""
    from duckdb.sqltypes import BOOLEAN, VARCHAR

    values: dict[str, Any] = {}
    for v, lit in verdicts.items():
        values[v] = None if lit == "NULL" else con.execute(f"SELECT CAST({lit} AS VARCHAR)").fetchall()[0][0]
    picked = {v: m[1 if lang == "en" else 0] for v, m in messages.items()}
    con.create_function(f"answer_{n}", lambda v: values.get(v), [VARCHAR], VARCHAR, type="native", null_handling="special",
                        side_effects=False)
    con.create_function(f"bad_{n}", lambda v: v in picked, [VARCHAR], BOOLEAN, type="native", null_handling="special",
                        side_effects=False)
    con.create_function(f"message_{n}", lambda v: picked.get(v), [VARCHAR], VARCHAR, type="native", null_handling="special",
                        side_effects=False)
    value = f"answer_{n}({raw})"
    if target != "VARCHAR":
        value = f"CAST({value} AS {target})"
    return value, f"bad_{n}({raw})", f"message_{n}({raw})"
