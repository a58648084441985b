"""One section per program: the outcome and every reason for it, then what to do next.

The order follows the questions a reader has: can we apply (outcome band), by when (window),
why (each criterion with the values used), what is missing, what we would get, what to prepare,
where to apply, and how far to trust all of this (sources, their age, estimates).
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak, Flowable, Spacer, Table, TableStyle,
)

from desktop.engine.model import CriterionResult, ProgramResult
from desktop.report import styles as st
from desktop.report.context import ReportContext
from desktop.report.fonts import BOLD, REGULAR
from desktop.report.flowables import (
    Heading, TickBox, bullet, coloured, data_table, para, plain, status_markup, word_cell,
)
from desktop.report.safe_text import href, markup
from desktop.report.sources import SourceList

# Criteria indented by nesting level; deeper than this stays at the last indent.
INDENT = 7
MAX_INDENT_LEVEL = 4
# The criteria table's first column: wide enough for '△ Unknown' in bold.
RESULT_WIDTH = 20 * mm


def program_section(ctx: ReportContext, number: int, r: ProgramResult) -> list[Flowable]:
    """The section for one program; shorter for programs the applicant cannot apply to.

    A program not open to this kind of applicant at all gets only its outcome and the reason;
    a program missed on a criterion keeps what could make it worth another look (near misses,
    benefits, sources) but no checklist or application steps.
    """
    sources = SourceList(ctx, r)
    e = ctx.explained[r.program.id]
    out: list[Flowable] = [CondPageBreak(45 * mm)]
    if not e.for_applicant:
        out += _opening(ctx, number, r) + _reasons(ctx, r)[0]
        out.append(Spacer(1, 5 * mm))
        return out
    # the heading, outcome and window stay on one page (a deadline note never runs over alone)
    out += _opening(ctx, number, r) + _deadline(ctx, r)
    reasons, shown = _reasons(ctx, r, sources)
    out += reasons
    out += _to_confirm(ctx, r)
    out += _why(ctx, r, sources, shown)
    out += _benefits(ctx, r)
    if r.status != "ineligible":
        out += _documents(ctx, r)
        out += _apply(ctx, r)
    out += sources.flowables()
    out.append(Spacer(1, 6 * mm))
    return out


# ------------------------------------------------------------------ opening


def _opening(ctx: ReportContext, number: int, r: ProgramResult) -> list[Flowable]:
    ss = ctx.ss
    p = r.program
    name = ctx.name(p)
    meta = [markup(ctx.text(p.ministry))]
    if p.operator is not None:
        meta.append(f"{markup(ctx.w('operator'))}: {markup(ctx.text(p.operator))}")
    if p.tracks_of and p.tracks_of in ctx.pack.programs:
        meta.append(f"{markup(ctx.w('track_of'))}: {markup(ctx.name(ctx.pack.programs[p.tracks_of]))}")
    e = ctx.explained[p.id]
    meta.append(f"<b>{markup(ctx.text(e.badge_word))}</b>")
    look = st.STATUS_LOOK[r.status]
    band = Table(
        [[para(status_markup(look, ctx.status_word(r.status)), ss["Band"]),
          para(markup(ctx.text(e.headline)), ss["BandText"])]],
        colWidths=[34 * mm, st.FRAME_WIDTH - 34 * mm], hAlign="LEFT",
    )
    band_style = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("BOX", (0, 0), (-1, -1), 0.8, look.ink),
        ("LINEBEFORE", (0, 0), (0, 0), 3.5, look.ink),
    ]
    if look.fill is not None:
        band_style.append(("BACKGROUND", (0, 0), (0, 0), look.fill))
    band.setStyle(TableStyle(band_style))
    heading = f"{number}. {name}"
    return [
        Heading(markup(heading), ss["H2"], heading, 1),
        para(" · ".join(meta), ss["Meta"]),
        Spacer(1, 2.5 * mm),
        band,
        Spacer(1, 2.5 * mm),
        plain(ctx.text(p.summary), ss["Body"]),
    ]


# ------------------------------------------------------------------ window


def _deadline(ctx: ReportContext, r: ProgramResult) -> list[Flowable]:
    ss = ctx.ss
    d = r.deadline
    e = ctx.explained[r.program.id]
    out: list[Flowable] = [para(f"<b>{markup(ctx.say('heading.deadline'))}</b> · "
                                f"{markup(ctx.text(e.deadline))}", ss["Body"])]
    # The engine's note already says when a window is estimated or may close early on budget;
    # an estimate is printed as a warning so it is not mistaken for an announced date.
    if d.note is not None:
        text = ctx.text(d.note)
        out.append(plain("※ " + text, ss["Warn"]) if d.estimated else plain(text, ss["Note"]))
    if e.sources_note is not None:
        out.append(plain("※ " + ctx.text(e.sources_note), ss["Warn"]))
    return out


def _reasons(ctx: ReportContext, r: ProgramResult,
             sources: SourceList | None = None) -> tuple[list[Flowable], set[str]]:
    """The deciding reasons, as the explanation gives them, then the near misses.

    With `sources`, a reason of a decided program (its criteria, for eligible or not eligible)
    carries the values its criteria used and their source marks, and those criteria get no row
    of their own in the table below; returned with the ids of the criteria said so.
    """
    e = ctx.explained[r.program.id]
    out: list[Flowable] = []
    shown: set[str] = set()
    evidence = sources is not None and e.status != "undetermined"
    if e.reasons:
        out.append(para(markup(ctx.text(e.reasons_heading)), ctx.ss["H3"]))
        for line in e.reasons:
            text = markup(ctx.text(line.text))
            if line.note is not None:
                text += f' <font color="{st.css(st.MUTED)}">({markup(ctx.text(line.note))})</font>'
            if evidence and line.criteria:
                text += _evidence(ctx, r, line.criteria, sources)
                shown.update(line.criteria)
            out.append(_bullet(ctx, text, _MARK[e.status]))
    if e.near_misses:
        out.append(para(markup(ctx.say("heading.near_misses")), ctx.ss["H3"]))
        for line in e.near_misses:
            out.append(_bullet(ctx, markup(ctx.text(line.text))))
    return out, shown


def _evidence(ctx: ReportContext, r: ProgramResult, ids: tuple[str, ...],
              sources: SourceList) -> str:
    """' — value used · value used [1] [2]' for the criteria behind one reason, in grey."""
    crits = [c for c in r.criteria if c.id in ids]
    values: dict[str, object] = {}
    refs: list[str] = []
    for c in crits:
        for name, value in c.values.items():
            values.setdefault(name, value)
        refs += c.sources
    # The whole line is grey already: the labels need no colour of their own (fewer pieces of
    # text for ReportLab to lay out one by one).
    parts = [_value_markup(ctx, name, value, muted_label=False) for name, value in values.items()]
    marks = sources.refs(tuple(refs), per_line=99)
    if marks != "–":
        parts.append(markup(marks))
    if not parts:
        return ""
    return f' <font size="7.5" color="{st.css(st.MUTED)}">— {" · ".join(parts)}</font>'


def _to_confirm(ctx: ReportContext, r: ProgramResult) -> list[Flowable]:
    e = ctx.explained[r.program.id]
    if not e.to_confirm:
        return []
    out: list[Flowable] = [para(markup(ctx.say("heading.to_confirm")), ctx.ss["H3"])]
    out += [_bullet(ctx, markup(ctx.text(line.text))) for line in e.to_confirm]
    return out


_MARK = {s: look.mark for s, look in st.STATUS_LOOK.items()}


# ------------------------------------------------------------------ why


def _why(ctx: ReportContext, r: ProgramResult, sources: SourceList,
         shown: set[str]) -> list[Flowable]:
    """Each criterion not already said with its reason: result, the values used, its sources.

    A criterion that no reason, confirmation or near miss rests on (the audience, an
    alternative the outcome did not need) gets no row: one line after the table names them,
    each with its result and sources, so the rows left are the ones that decided.
    """
    ss = ctx.ss
    if not r.criteria:
        return []
    e = ctx.explained[r.program.id]
    deciding = {cid for line in e.reasons + e.to_confirm + e.near_misses for cid in line.criteria}
    head = [para(markup(ctx.w(k)), ss["CellHead"])
            for k in ("col_result", "col_criterion", "col_values", "col_source")]
    rows = [head]
    extra: list[tuple] = [("TEXTCOLOR", (3, 1), (3, -1), st.MUTED),
                          ("FONTSIZE", (3, 1), (3, -1), 7.3), ("LEADING", (3, 1), (3, -1), 10),
                          ("TOPPADDING", (0, 1), (-1, -1), 2.2),
                          ("BOTTOMPADDING", (0, 1), (-1, -1), 2.6)]
    aside: list[CriterionResult] = []
    for c in r.criteria:
        if c.id in shown:
            continue
        if c.id not in deciding:
            aside.append(c)
            continue
        i = len(rows)
        rows.append([
            _result_cell(ctx, extra, i, c),
            _criterion_cell(ctx, r, c),
            para(_values_markup(ctx, c), ss["Cell"]),
            sources.refs(c.sources),
        ])
    out: list[Flowable] = []
    if len(rows) > 1:
        widths = [RESULT_WIDTH, 72 * mm, 63 * mm, 15 * mm]
        out += [_h3(ctx, "why"), data_table(rows, widths, extra)]
    if aside:
        out += [Spacer(1, 1.5 * mm), _aside(ctx, aside, sources)]
    return out


def _result_cell(ctx: ReportContext, extra: list[tuple], row: int, c: CriterionResult):
    """The result mark and word: a plain cell when it fits the column, else a paragraph that
    wraps ('the sources do not say' does not fit beside the criterion)."""
    look = st.RESULT_LOOK[c.result]
    text = f"{look.mark} {ctx.result_word(c)}"
    font = BOLD if look.bold else REGULAR
    if stringWidth(text, font, st.CELL_SIZE) <= RESULT_WIDTH - 8:
        return word_cell(extra, 0, row, text, look.ink, look.bold)
    return para(coloured(markup(text), look.ink, look.bold), ctx.ss["Cell"])


def _aside(ctx: ReportContext, aside: list[CriterionResult], sources: SourceList):
    """One paragraph for the criteria that decided nothing: mark, words and sources of each."""
    bits = []
    for c in aside:
        look = st.RESULT_LOOK[c.result]
        refs = sources.refs(c.sources, per_line=99)
        text = f"{coloured(markup(look.mark), look.ink)} {markup(ctx.text(c.text))}"
        if refs != "–":
            text += f' <font size="7" color="{st.css(st.MUTED)}">{markup(refs)}</font>'
        bits.append(text)
    head = coloured(markup(ctx.w("not_deciding")) + ":", st.MUTED)
    return para(head + " " + " · ".join(bits), ctx.ss["Aside"])


def _criterion_cell(ctx: ReportContext, r: ProgramResult, c: CriterionResult):
    ss = ctx.ss
    bits = []
    if c.kind == "exclusion":
        bits.append(coloured(f"[{markup(ctx.kind_word('exclusion'))}]", st.MUTED))
    elif c.kind == "audience":
        bits.append(coloured(f"[{markup(ctx.kind_word('audience'))}]", st.MUTED))
    if c.group in ("any", "not"):
        bits.append(coloured(f"({markup(ctx.say('group.' + c.group))})", st.MUTED))
    bits.append(markup(ctx.text(c.text)))
    if c.to_verify:
        bits.append(coloured(f"[{markup(ctx.say('to_verify.long'))}]", st.WARN, bold=True))
    text = " ".join(bits)
    if c.id in r.unverifiable:
        text += f'<br/><font size="7" color="{st.css(st.WARN)}">{markup(ctx.say("sources_silent"))}</font>'
    return para(text, _indented(ss["Cell"], min(c.depth, MAX_INDENT_LEVEL)))


@lru_cache(maxsize=None)
def _indented(style, level: int):
    return style.clone(f"{style.name}-indent{level}", leftIndent=INDENT * level)


def _values_markup(ctx: ReportContext, c: CriterionResult) -> str:
    lines = [_value_markup(ctx, name, value) for name, value in c.values.items()]
    return "<br/>".join(lines) if lines else "–"


def _value_markup(ctx: ReportContext, name: str, value: object, muted_label: bool = True) -> str:
    label = ctx.question_label(name)
    if not label.rstrip().endswith(("?", "？", ":")):
        label += ":"
    label = markup(label)
    if muted_label:
        label = f'<font color="{st.css(st.MUTED)}">{label}</font>'
    return f"{label} {markup(ctx.value(name, value), 400)}"


# ------------------------------------------------------------------ benefits, documents, apply


def _benefits(ctx: ReportContext, r: ProgramResult) -> list[Flowable]:
    benefits = ctx.explained[r.program.id].benefits  # amount words worked out or stated, once
    if not benefits:
        return []
    out: list[Flowable] = [_h3(ctx, "benefits")]
    for b in benefits:
        text = markup(ctx.text(b.text))
        if b.amount is not None:
            text += f" – <b>{markup(ctx.text(b.amount))}</b>"
        if b.estimated:
            text += " " + coloured(f"({markup(ctx.say('estimated'))})", st.WARN)
        out.append(_bullet(ctx, text))
    return out


def _documents(ctx: ReportContext, r: ProgramResult) -> list[Flowable]:
    """The program's documents, each with a box to tick, in two columns (down, then across)."""
    ss = ctx.ss
    docs = r.program.documents
    if not docs:
        return [_h3(ctx, "documents"), plain(ctx.w("no_documents"), ss["Note"])]
    half = (len(docs) + 1) // 2 if len(docs) > 2 else len(docs)
    columns = [docs[:half], docs[half:]]
    rows = []
    for i in range(half):
        row: list = []
        for column in columns:
            if i < len(column):
                row += [TickBox(), plain(ctx.text(column[i].text), ss["Cell"])]
            else:
                row += ["", ""]
        rows.append(row)
    cell = st.FRAME_WIDTH / 2 - 8 * mm
    table = Table(rows, colWidths=[8 * mm, cell, 8 * mm, cell], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("TOPPADDING", (0, 0), (0, -1), 3),
        ("TOPPADDING", (2, 0), (2, -1), 3),
    ]))
    return [_h3(ctx, "documents"), table]


def _apply(ctx: ReportContext, r: ProgramResult) -> list[Flowable]:
    ss = ctx.ss
    p = r.program
    out: list[Flowable] = [_h3(ctx, "apply"), plain(ctx.text(p.apply_how), ss["Body"])]
    if p.apply_url:
        url = markup(p.apply_url)
        out.append(para(f'<link href="{href(p.apply_url)}" color="{st.css(st.ACCENT)}">'
                        f"<u>{url}</u></link>", ss["Body"]))
    return out


# ------------------------------------------------------------------ helpers


def _h3(ctx: ReportContext, key: str):
    return para(markup(ctx.w(key)), ctx.ss["H3"])


def _bullet(ctx: ReportContext, text_markup: str, mark: str = "•"):
    return bullet(text_markup, ctx.ss["Bullet"], mark)
