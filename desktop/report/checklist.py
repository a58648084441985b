"""One list of documents across every eligible program, each document once.

Programs share documents (business registration, financial statements ...). Preparing them per
program would mean fetching the same certificate three times, so the combined list names each
document once, with the programs that ask for it.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.engine.model import Document, Program
from desktop.report import styles as st
from desktop.report.context import ReportContext
from desktop.report.flowables import Heading, TickBox, data_table, para, plain
from desktop.report.safe_text import markup


#: Up to this many programs are named in a row; more are listed by their summary numbers.
NAMED_UP_TO = 6


def number_ranges(numbers) -> str:
    """1, 2, 3, 5, 7, 8 -> "1–3, 5, 7–8"."""
    ordered = sorted(set(numbers))
    parts: list[str] = []
    start = prev = None
    for n in ordered + [None]:
        if start is not None and n is not None and n == prev + 1:
            prev = n
            continue
        if start is not None:
            parts.append(str(start) if start == prev else f"{start}\u2013{prev}")
        start = prev = n
    return ", ".join(parts)


def combined_documents(ctx: ReportContext) -> list[tuple[Document, list[Program]]]:
    """Each document asked for by an eligible program, with those programs.

    Documents asked for by the most programs come first; ties keep the catalog's order.
    """
    catalog_order = {doc_id: i for i, doc_id in enumerate(ctx.pack.documents)}
    asked: dict[str, tuple[Document, list[Program]]] = {}
    for r in ctx.ordered:
        if r.status != "eligible":
            continue
        for doc in r.program.documents:
            entry = asked.setdefault(doc.id, (doc, []))
            if r.program not in entry[1]:
                entry[1].append(r.program)
    return sorted(asked.values(),
                  key=lambda e: (-len(e[1]), catalog_order.get(e[0].id, len(catalog_order))))


def checklist(ctx: ReportContext) -> list[Flowable]:
    ss = ctx.ss
    title = ctx.w("checklist")
    out: list[Flowable] = [Heading(markup(title), ss["H1"], title, 0)]
    docs = combined_documents(ctx)
    if not docs:
        out.append(plain(ctx.w("checklist_none"), ss["Body"]))
    else:
        out.append(plain(ctx.w("checklist_intro"), ss["BodySmall"]))
        number = {r.program.id: i for i, r in enumerate(ctx.ordered, start=1)}
        rows = [[
            para(markup(ctx.w("col_check")), ss["CellHeadCenter"]),
            para(markup(ctx.w("col_document")), ss["CellHead"]),
            para(markup(ctx.w("col_asked_by")), ss["CellHead"]),
        ]]
        for doc, programs in docs:
            if len(programs) <= NAMED_UP_TO:
                asked_by = "<br/>".join(
                    f"{number[p.id]}. {markup(ctx.name(p))}" for p in programs)
            else:  # a row cannot run over a page, so a long list is given by number
                asked_by = markup(ctx.w("asked_by_numbers", n=len(programs),
                                        numbers=number_ranges(number[p.id] for p in programs)))
            rows.append([TickBox(), para(markup(ctx.text(doc.text)), ss["Cell"]),
                         para(asked_by, ss["CellSmall"])])
        extra = [("ALIGN", (0, 1), (0, -1), "CENTER"), ("TOPPADDING", (0, 1), (0, -1), 4.5)]
        out.append(data_table(rows, [13 * mm, 77 * mm, st.FRAME_WIDTH - 90 * mm], extra))
    undetermined = [i for i, r in enumerate(ctx.ordered, start=1)
                    if r.status == "undetermined" and r.program.documents]
    if undetermined:
        numbers = ", ".join(str(i) for i in undetermined)
        out += [Spacer(1, 1.5 * mm),
                plain(ctx.w("checklist_undetermined", numbers=numbers), ss["Note"])]
    return out
