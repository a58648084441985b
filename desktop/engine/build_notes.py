"""Source notes (seeds/*.yaml): what each source document says, so every criterion can cite it."""

from __future__ import annotations

from desktop.engine.clock import parse_date
from desktop.engine.model import SourceFact, SourceNote, Where
from desktop.engine.problems import Problems, text_of
from desktop.engine.text import Text, not_a_date
from desktop.engine.yamlsrc import SourceFile


def read_note(src: SourceFile, problems: Problems) -> SourceNote | None:
    """One note, or None (reported) when the file has a problem."""
    if problems.check_schema(src, "source-note"):
        return None
    raw = src.data
    ok = True
    day = parse_date(raw["date"])
    if day is None:
        problems.at(src, ("date",), not_a_date("date", raw["date"]))
        ok = False
    facts: dict[str, SourceFact] = {}
    for i, fact in enumerate(raw["facts"]):
        if fact["id"] in facts:
            problems.at(src, ("facts", i, "id"), Text(f"같은 사실 id를 두 번 썼습니다: '{fact['id']}'",
                                                      f"duplicate fact id '{fact['id']}'"))
            ok = False
            continue
        facts[fact["id"]] = SourceFact(fact["id"], text_of(fact["text"]))
    if not ok:
        return None
    return SourceNote(
        id=raw["id"],
        title=text_of(raw["title"]),
        publisher=text_of(raw["publisher"]),
        date=day,
        kind=raw["kind"],
        reliability=raw["reliability"],
        origin=raw.get("origin"),
        url=raw.get("url"),
        facts=facts,
        where=Where(src.path, src.line()),
    )
