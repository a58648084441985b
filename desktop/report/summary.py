"""The first page: who the report is about, and one line per program with outcome and deadline.

A boss reading only this page should know which programs to apply for and by when, so eligible
programs come first and each row carries its closing date and the days left.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desktop.engine.applicant_facts import applicant_facts
from desktop.engine.explain import left_out_line
from desktop.engine.phrases import word
from desktop.report import styles as st
from desktop.report.context import ReportContext
from desktop.report.fonts import REGULAR
from desktop.report.flowables import Heading, bullet, data_table, para, plain, word_cell
from desktop.report.safe_text import clean, markup

# A name this long already fills several lines of the cover; anything longer is cut there
# (the appendix and the header show it too, shortened to fit).
NAME_LIMIT = 300
SUBTITLE_LIMIT = 90
#: The summary names this many deciding questions; the rest are in each program's section.
ANSWER_NEXT_LIMIT = 5


def cover(ctx: ReportContext) -> list[Flowable]:
    """The title and who this is about: the applicant's facts, the date and the rules."""
    ss = ctx.ss
    name = ctx.applicant_name or ctx.w("no_name")
    title = ctx.w("doc_title")
    out: list[Flowable] = [Heading(markup(title), ss["Title"], title, 0)]
    out.append(plain(name, ss["Subtitle"], SUBTITLE_LIMIT))
    rows = [(ctx.w("applicant"), markup(name, NAME_LIMIT))]
    rows += [(ctx.text(label), markup(ctx.text(value), NAME_LIMIT))
             for label, value in applicant_facts(ctx.pack, ctx.assessment.answers, ctx.as_of)]
    rows += [
        (ctx.w("assessment_date"), markup(ctx.date(ctx.as_of, weekday=True))),
        (ctx.w("rules_version"), markup(ctx.rules_version)),
        (ctx.w("generated"), markup(ctx.datetime(ctx.generated))),
    ]
    data = [[para(markup(k), ss["CellLabel"]), para(v, ss["Cell"])] for k, v in rows]
    info = Table(data, colWidths=[38 * mm, st.FRAME_WIDTH - 38 * mm], hAlign="LEFT")
    info.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("BOX", (0, 0), (-1, -1), 0.6, st.RULE),
        ("BACKGROUND", (0, 0), (0, -1), st.ZEBRA),
        ("LINEAFTER", (0, 0), (0, -1), 0.3, st.GRID),
    ]))
    out += [info, Spacer(1, 5 * mm)]
    return out


def summary(ctx: ReportContext) -> list[Flowable]:
    """What a boss reads: what to apply for now, what is almost reached, what to answer next,
    then every program of this applicant in one table."""
    ss = ctx.ss
    results = ctx.ordered
    counts = {s: sum(1 for r in results if r.status == s)
              for s in ("eligible", "undetermined", "ineligible")}
    title = ctx.w("summary")
    out: list[Flowable] = [
        Heading(markup(title), ss["H1"], title, 0),
        para(f"<b>{markup(ctx.w('summary_counts', total=len(results), **counts))}</b>", ss["Body"]),
    ]
    if ctx.left_out:
        out.append(plain(left_out_line(ctx.left_out).get(ctx.lang), ss["BodySmall"]))
    out += _apply_now(ctx) + _almost(ctx) + _answer_next(ctx)
    out += [Spacer(1, 3 * mm), plain(ctx.w("summary_intro"), ss["BodySmall"]), Spacer(1, 2 * mm)]
    if not results:
        out.append(plain(ctx.w("no_programs"), ss["Body"]))
        return out

    head = [
        para(markup(ctx.w("col_no")), ss["CellHeadCenter"]),
        para(markup(ctx.w("col_program")), ss["CellHead"]),
        para(markup(ctx.w("col_status")), ss["CellHead"]),
        para(markup(ctx.w("col_closes")), ss["CellHead"]),
        para(markup(ctx.w("col_days_left")), ss["CellHeadRight"]),
    ]
    rows = [head]
    extra: list[tuple] = []
    for i, r in enumerate(results, start=1):
        look = st.STATUS_LOOK[r.status]
        program = r.program
        e = ctx.explained[program.id]
        # A cell of two lines is two paragraphs of one style each: ReportLab lays out a paragraph
        # of a single style much faster than one that changes font or colour part way.
        name = [para(markup(ctx.name(program)), ss["CellBold"]),
                para(f"{markup(ctx.text(program.ministry))} · {markup(ctx.text(e.badge_word))}",
                     ss["CellSmall"])]
        rows.append([
            word_cell(extra, 0, i, str(i), align="CENTER"),
            name,
            word_cell(extra, 2, i, f"{look.mark} {ctx.status_word(r.status)}", look.ink, look.bold),
            closing_cell(ctx, r.deadline),
            para(markup(ctx.text(e.deadline_short)), ss["CellRight"]),
        ])
        if look.fill is not None:
            extra.append(("BACKGROUND", (2, i), (2, i), look.fill))
    widths = [9 * mm, 74 * mm, 25 * mm, 34 * mm, 28 * mm]
    out.append(data_table(rows, widths, extra))
    return out


def _h2(ctx: ReportContext, key: str) -> Paragraph:
    return para(markup(ctx.w(key)), ctx.ss["H3"])


def _item(ctx: ReportContext, text: str, mark: str = "•") -> Paragraph:
    return bullet(text, ctx.ss["Bullet"], mark)


def _apply_now(ctx: ReportContext) -> list[Flowable]:
    eligible = [ctx.explained[r.program.id] for r in ctx.ordered if r.status == "eligible"]
    out: list[Flowable] = [_h2(ctx, "apply_now")]
    now = [e for e in eligible if e.badge == "open_call"]
    later = [e for e in eligible if e.badge != "open_call"]
    if not now:
        out.append(plain(ctx.w("apply_now_none"), ctx.ss["BodySmall"]))
    for e in now:
        out.append(_item(ctx, f"<b>{markup(ctx.name(e.program))}</b> — {markup(ctx.text(e.deadline))}", st.STATUS_LOOK["eligible"].mark))
    if later:
        out.append(plain(ctx.w("eligible_waiting"), ctx.ss["BodySmall"]))
        for e in later:
            out.append(_item(ctx, f"{markup(ctx.name(e.program))} — {markup(ctx.text(e.badge_word))}"
                                  f" · {markup(ctx.text(e.deadline))}", st.STATUS_LOOK["eligible"].mark))
    return out


def _almost(ctx: ReportContext) -> list[Flowable]:
    near = [ctx.explained[r.program.id] for r in ctx.ordered if r.near_misses]
    if not near:
        return []
    out: list[Flowable] = [_h2(ctx, "almost")]
    for e in near:
        what = "; ".join(ctx.text(line.text) for line in e.near_misses)
        out.append(_item(ctx, f"<b>{markup(ctx.name(e.program))}</b> — {markup(what)}"))
    return out


def _answer_next(ctx: ReportContext) -> list[Flowable]:
    """The questions that would decide the most undetermined programs, most decisive first."""
    deciding: dict[str, list] = {}
    for r in ctx.ordered:
        e = ctx.explained[r.program.id]
        if r.status == "undetermined":
            for qid in e.questions:
                deciding.setdefault(qid, []).append(e.program)
    if not deciding:
        return []
    order = {q: i for i, q in enumerate(ctx.pack.questions)}
    ranked = sorted(deciding.items(), key=lambda kv: (-len(kv[1]), order.get(kv[0], 10**6)))
    out: list[Flowable] = [_h2(ctx, "answer_next")]
    for qid, programs in ranked[:ANSWER_NEXT_LIMIT]:
        names = ", ".join(ctx.name(p) for p in programs)
        decides = ctx.w("decides", n=len(programs), names=names)
        out.append(_item(ctx, f"<b>{markup(ctx.question_label(qid))}</b> — {markup(decides)}"))
    if len(ranked) > ANSWER_NEXT_LIMIT:
        out.append(plain(ctx.w("answer_more", n=len(ranked) - ANSWER_NEXT_LIMIT), ctx.ss["Note"]))
    return out


def closing_cell(ctx: ReportContext, deadline) -> list[Flowable]:
    """Closing date with the window's state underneath ("open", "estimated", ...)."""
    if deadline.closes is not None:
        first = markup(ctx.date(deadline.closes, weekday=True))
    elif deadline.kind in ("budget", "rolling"):  # no date: until the budget runs out, or always
        first = markup(word("round", deadline.kind, ctx.lang))
    else:
        first = "–"
    state = ctx.deadline_word(deadline.status)
    if deadline.estimated:
        state += f" · {ctx.say('estimated')}"
    return [para(first, ctx.ss["Cell"]), para(markup(state), ctx.ss["CellSmall"])]


def plain_title(ctx: ReportContext) -> str:
    """The PDF's title metadata: the report name and the applicant."""
    name = clean(ctx.applicant_name, 120)
    return f"{ctx.w('doc_title')} – {name}" if name else ctx.w("doc_title")
