"""A program's sources as a numbered list, cited from the criteria table as [1], [2] ...

Every criterion names the source note it rests on. Printing the full title in each table row
would crowd it out, so the rows carry short reference numbers and the list after them gives the
title, publisher, date, how reliable the source is, how old it is, and the facts relied on.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from desktop.engine.model import ProgramResult
from desktop.engine.phrases import counted
from desktop.engine.source_age import is_old, months_between
from desktop.report import styles as st
from desktop.report.context import ReportContext
from desktop.report.flowables import coloured, para
from desktop.report.safe_text import href, markup

class SourceList:
    def __init__(self, ctx: ReportContext, r: ProgramResult):
        self.ctx = ctx
        self.result = r
        self.numbers: dict[str, int] = {}
        self.facts: dict[str, list[str]] = {}
        for ref in r.program.sources:
            self._add(ref)
        for c in r.criteria:
            for ref in c.sources:
                self._add(ref)

    def _add(self, ref: str) -> None:
        note_id, _, fact_id = ref.partition("#")
        if note_id not in self.numbers:
            self.numbers[note_id] = len(self.numbers) + 1
            self.facts[note_id] = []
        if fact_id and fact_id not in self.facts[note_id]:
            self.facts[note_id].append(fact_id)

    def refs(self, refs: tuple[str, ...], per_line: int = 3) -> str:
        """"[1] [3]" for the notes behind one criterion, `per_line` to a line (plain text)."""
        numbers = sorted({self.numbers[r.partition("#")[0]] for r in refs
                          if r.partition("#")[0] in self.numbers})
        marks = [f"[{n}]" for n in numbers]
        lines = [" ".join(marks[i:i + per_line]) for i in range(0, len(marks), per_line)]
        return "\n".join(lines) if lines else "–"

    def flowables(self) -> list[Flowable]:
        ctx, ss = self.ctx, self.ctx.ss
        out: list[Flowable] = [para(markup(ctx.w("sources")), ss["H3"])]
        for note_id, number in self.numbers.items():
            note = ctx.pack.notes.get(note_id)
            if note is None:
                out.append(Paragraph(markup(note_id), ss["Ref"], bulletText=f"[{number}]"))
                continue
            parts = [f"<b>{markup(ctx.text(note.title))}</b>", markup(note.publisher),
                     markup(ctx.date(note.date)), self._reliability(note.reliability)]
            text = " · ".join(parts)
            if is_old(note.date, ctx.as_of):
                months = months_between(note.date, ctx.as_of)
                text += " · " + coloured(markup(ctx.text(counted("source.age", months))), st.WARN)
            if note.url:
                text += (f' · <link href="{href(note.url)}" color="{st.ACCENT.hexval()}">'
                         f"{markup(note.url)}</link>")
            for fact_id in self.facts[note_id]:
                fact = note.facts.get(fact_id)
                if fact is not None:
                    text += (f'<br/><font size="7.3" color="{st.MUTED.hexval()}">'
                             f"– {markup(ctx.text(fact.text))}</font>")
            out.append(Paragraph(text, ss["Ref"], bulletText=f"[{number}]"))
        reviewed = self.result.program.reviewed
        out.append(para(markup(ctx.say("source.reviewed", date=ctx.date(reviewed))), ss["Note"]))
        return out

    def _reliability(self, reliability: str) -> str:
        ctx = self.ctx
        if reliability == "blog":
            return coloured(markup(ctx.say("source.blog")), st.WARN, bold=True)
        if reliability == "press":
            return markup(ctx.say("source.press"))
        return markup(ctx.say("source.official"))
