"""The sources, numbered once for the whole report and cited from the criteria tables as [1], [2] ...

Many programs rest on the same notes (the SME law, the smart-factory call), so a note keeps one
number throughout the report. A program section lists its own notes one line each (title, date,
how reliable, how old); the source list at the back gives each note once in full: publisher,
address and the facts the rules rely on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import Flowable

from desktop.engine.model import ProgramResult, SourceNote
from desktop.engine.phrases import counted
from desktop.engine.source_age import is_old, months_between
from desktop.report import styles as st
from desktop.report.flowables import Heading, bullet, coloured, para
from desktop.report.safe_text import href, markup


def note_ids(r: ProgramResult) -> list[tuple[str, str]]:
    """(note id, fact id or "") for every source a program and its criteria cite, in order."""
    refs = list(r.program.sources)
    for c in r.criteria:
        refs += c.sources
    out = []
    for ref in refs:
        note_id, _, fact_id = ref.partition("#")
        out.append((note_id, fact_id))
    return out


@dataclass
class Numbering:
    """One number per note across the report, in the order the sections first cite them."""

    numbers: dict[str, int] = field(default_factory=dict)
    facts: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, results: list[ProgramResult]) -> "Numbering":
        n = cls()
        for r in results:
            for note_id, fact_id in note_ids(r):
                if note_id not in n.numbers:
                    n.numbers[note_id] = len(n.numbers) + 1
                    n.facts[note_id] = []
                if fact_id and fact_id not in n.facts[note_id]:
                    n.facts[note_id].append(fact_id)
        return n


class SourceList:
    """A program's notes: reference marks for its criteria and one line per note."""

    def __init__(self, ctx, r: ProgramResult):
        self.ctx = ctx
        self.result = r
        self.numbers = ctx.sources.numbers
        mine: dict[str, int] = {}
        for note_id, _ in note_ids(r):
            mine.setdefault(note_id, self.numbers[note_id])
        self.mine = sorted(mine.items(), key=lambda kv: kv[1])

    def refs(self, refs: tuple[str, ...], per_line: int = 2) -> str:
        """"[1] [3]" for the notes behind one criterion, `per_line` to a line (plain text)."""
        numbers = sorted({self.numbers[r.partition("#")[0]] for r in refs
                          if r.partition("#")[0] in self.numbers})
        marks = [f"[{n}]" for n in numbers]
        lines = [" ".join(marks[i:i + per_line]) for i in range(0, len(marks), per_line)]
        return "\n".join(lines) if lines else "–"

    def flowables(self) -> list[Flowable]:
        ctx, ss = self.ctx, self.ctx.ss
        reviewed = ctx.say("source.reviewed", date=ctx.date(self.result.program.reviewed))
        head = (f"{markup(ctx.w('sources'))} "
                f'<font size="7.5" color="{st.css(st.MUTED)}">· {markup(reviewed)}</font>')
        out: list[Flowable] = [para(head, ss["H3"])]
        for note_id, number in self.mine:
            note = ctx.pack.notes.get(note_id)
            text = (markup(note_id) if note is None else
                    " · ".join([f"<b>{markup(ctx.text(note.title))}</b>", markup(ctx.date(note.date)),
                                reliability(ctx, note.reliability)] + age(ctx, note)))
            out.append(bullet(text, ss["RefLine"], f"[{number}]"))
        return out


def reliability(ctx, reliability: str) -> str:
    if reliability == "blog":
        return coloured(markup(ctx.say("source.blog")), st.WARN, bold=True)
    if reliability == "press":
        return markup(ctx.say("source.press"))
    return markup(ctx.say("source.official"))


def age(ctx, note: SourceNote) -> list[str]:
    """The note's age, when it is old by the one threshold; nothing otherwise."""
    if not is_old(note.date, ctx.as_of):
        return []
    months = months_between(note.date, ctx.as_of)
    return [coloured(markup(ctx.text(counted("source.age", months))), st.WARN)]


def source_list(ctx) -> list[Flowable]:
    """Every note the sections cite, once, in full: the reference list at the back."""
    numbering = ctx.sources
    if not numbering.numbers:
        return []
    ss = ctx.ss
    title = ctx.w("source_list")
    out: list[Flowable] = [Heading(markup(title), ss["H1"], title, 0),
                           para(markup(ctx.w("source_list_intro")), ss["BodySmall"])]
    for note_id, number in numbering.numbers.items():
        note = ctx.pack.notes.get(note_id)
        if note is None:
            out.append(bullet(markup(note_id), ss["RefFull"], f"[{number}]"))
            continue
        parts = [f"<b>{markup(ctx.text(note.title))}</b>", markup(ctx.text(note.publisher)),
                 markup(ctx.date(note.date)), reliability(ctx, note.reliability)] + age(ctx, note)
        text = " · ".join(parts)
        if note.url:
            text += (f' · <link href="{href(note.url)}" color="{st.css(st.ACCENT)}">'
                     f"{markup(note.url)}</link>")
        out.append(bullet(text, ss["RefFull"], f"[{number}]"))
        # each fact a paragraph of its own: a page may break between them
        for fact_id in numbering.facts[note_id]:
            fact = note.facts.get(fact_id)
            if fact is not None:
                out.append(para(f"– {markup(ctx.text(fact.text))}", ss["RefFact"]))
    return out
