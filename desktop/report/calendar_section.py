"""The next twelve months of application windows, in date order.

Only programs this applicant can or may be able to apply for are listed; a calendar crowded
with programs that do not apply hides the dates that matter. Estimated windows are marked.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from desktop.engine import calendar
from desktop.engine.explain import entry_days_text
from desktop.engine.phrases import word
from desktop.engine.model import CalendarEntry
from desktop.report import styles as st
from desktop.report.context import ReportContext
from desktop.report.flowables import Heading, coloured, data_table, para, plain, status_markup
from desktop.report.safe_text import markup

MONTHS = 12


def relevant_entries(ctx: ReportContext) -> list[CalendarEntry]:
    """Calendar entries of the eligible and undetermined programs, in the engine's date order."""
    status = {r.program.id: r.status for r in ctx.assessment.programs}
    entries = calendar(ctx.pack, ctx.as_of, months=MONTHS,
                       audience=None if ctx.all_programs else ctx.profile.applicant_type)
    return [e for e in entries if status.get(e.program.id, "ineligible") != "ineligible"]


def calendar_section(ctx: ReportContext) -> list[Flowable]:
    ss = ctx.ss
    title = ctx.w("calendar")
    out: list[Flowable] = [
        Heading(markup(title), ss["H1"], title, 0),
        plain(ctx.w("calendar_intro", start=ctx.date(ctx.as_of), months=MONTHS), ss["BodySmall"]),
    ]
    entries = relevant_entries(ctx)
    if not entries:
        out.append(plain(ctx.w("calendar_none"), ss["Body"]))
        return out
    status = {r.program.id: r.status for r in ctx.assessment.programs}
    number = {r.program.id: i for i, r in enumerate(ctx.ordered, start=1)}
    rows = [[para(markup(ctx.w(k)), ss[s]) for k, s in (
        ("col_closes", "CellHead"), ("col_program", "CellHead"), ("col_opens", "CellHead"),
        ("col_days_left", "CellHeadRight"))]]
    for e in entries:
        # each line of a cell its own paragraph of one style (much faster to lay out than one
        # paragraph that changes size and colour at a line break)
        look = st.STATUS_LOOK[status[e.program.id]]
        program = [para(f"{number.get(e.program.id, '')}. {markup(ctx.name(e.program))}", ss["Cell"]),
                   para(status_markup(look, ctx.status_word(status[e.program.id])), ss["CellSmall"])]
        if e.note is not None:
            program.append(para(markup(ctx.text(e.note)), ss["CellSmall"]))
        if e.closes is not None:
            closes = [para(markup(ctx.date(e.closes, weekday=True)), ss["CellBold"])]
        else:  # rolling, or until the budget runs out: say so instead of a bare dash
            closes = [para(markup(word("round", e.kind, ctx.lang)), ss["Cell"])]
        if e.estimated:
            closes.append(para(coloured(f"({markup(ctx.say('estimated'))})", st.WARN, bold=True),
                               ss["Cell"]))
        days = entry_days_text(e, ctx.as_of).get(ctx.lang)
        rows.append([
            closes,
            program,
            para(markup(ctx.date(e.opens, weekday=True)), ss["Cell"]),
            para(markup(days), ss["CellRight"]),
        ])
    # the date columns fit "2026-11-02 (Mon)" on one line, the last one "771 days left"
    date, days = 30 * mm, 23 * mm
    out.append(data_table(rows, [date, st.FRAME_WIDTH - 2 * date - days, date, days]))
    return out
