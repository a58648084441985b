"""The first page: who the report is about, and one line per program with outcome and deadline.

A boss reading only this page should know which programs to apply for and by when, so eligible
programs come first and each row carries its closing date and the days left.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from desktop.engine import labels
from desktop.report import styles as st
from desktop.report.context import ReportContext
from desktop.report.fonts import REGULAR
from desktop.report.flowables import Heading, data_table, para, plain, word_cell
from desktop.report.safe_text import clean, markup

# A name this long already fills several lines of the cover; anything longer is cut there
# (the appendix and the header show it too, shortened to fit).
NAME_LIMIT = 300
SUBTITLE_LIMIT = 90


def cover(ctx: ReportContext) -> list[Flowable]:
    ss = ctx.ss
    name = ctx.applicant_name or ctx.w("no_name")
    title = ctx.w("doc_title")
    out: list[Flowable] = [Heading(markup(title), ss["Title"], title, 0)]
    out.append(plain(name, ss["Subtitle"], SUBTITLE_LIMIT))
    rows = [
        (ctx.w("applicant"), markup(name, NAME_LIMIT)),
        (ctx.w("applicant_type"), markup(ctx.applicant_type_word(ctx.profile.applicant_type))),
        (ctx.w("assessment_date"), markup(ctx.date(ctx.as_of, weekday=True))),
        (ctx.w("rules_version"), markup(ctx.assessment.rules_version[:12])),
        (ctx.w("generated"), markup(ctx.datetime(ctx.generated))),
    ]
    data = [[para(markup(k), ss["CellLabel"]), para(v, ss["Cell"])] for k, v in rows]
    info = Table(data, colWidths=[32 * mm, st.FRAME_WIDTH - 32 * mm], hAlign="LEFT")
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
    out += [info, Spacer(1, 7 * mm)]
    return out


def summary(ctx: ReportContext) -> list[Flowable]:
    ss = ctx.ss
    results = ctx.ordered
    counts = {s: sum(1 for r in results if r.status == s)
              for s in ("eligible", "undetermined", "ineligible")}
    title = ctx.w("summary")
    out: list[Flowable] = [
        Heading(markup(title), ss["H1"], title, 0),
        para(f"<b>{markup(ctx.w('summary_counts', total=len(results), **counts))}</b>", ss["Body"]),
        plain(ctx.w("summary_intro"), ss["BodySmall"]),
        Spacer(1, 2 * mm),
    ]
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
        name = (f"<b>{markup(ctx.name(program))}</b><br/>"
                f'<font size="7" color="{st.MUTED.hexval()}">{markup(ctx.text(program.ministry))}</font>')
        rows.append([
            word_cell(extra, 0, i, str(i), align="CENTER"),
            para(name, ss["Cell"]),
            word_cell(extra, 2, i, f"{look.mark} {ctx.status_word(r.status)}", look.ink, look.bold),
            para(closing_markup(ctx, r.deadline), ss["Cell"]),
            word_cell(extra, 4, i, ctx.days_left_short(r.deadline.days_left), align="RIGHT"),
        ])
        if look.fill is not None:
            extra.append(("BACKGROUND", (2, i), (2, i), look.fill))
    widths = [9 * mm, 78 * mm, 27 * mm, 36 * mm, 20 * mm]
    out.append(data_table(rows, widths, extra))
    return out


def closing_markup(ctx: ReportContext, deadline) -> str:
    """Closing date with the window's state underneath ("open", "estimated", ...)."""
    if deadline.closes is not None:
        first = markup(ctx.date(deadline.closes, weekday=True))
    elif deadline.kind in ("budget", "rolling"):  # no date: until the budget runs out, or always
        first = markup(labels.word(labels.ROUND_KIND, deadline.kind, ctx.lang))
    else:
        first = "–"
    lines = [first]
    state = ctx.deadline_word(deadline.status)
    if deadline.estimated:
        state += f" · {ctx.w('estimated')}"
    lines.append(f'<font size="7" color="{st.MUTED.hexval()}">{markup(state)}</font>')
    return "<br/>".join(lines)


def plain_title(ctx: ReportContext) -> str:
    """The PDF's title metadata: the report name and the applicant."""
    name = clean(ctx.applicant_name, 120)
    return f"{ctx.w('doc_title')} – {name}" if name else ctx.w("doc_title")
