"""Every answer the report rests on, and the closing note on what the report is not.

The outcome is only as good as the answers; printing them lets the reader spot a wrong answer
and lets an office file the report with the facts it was based on. Answers are grouped by the
wizard's topics in catalog order so they read like the interview did.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from desktop.report import styles as st
from desktop.report.context import ReportContext
from desktop.report.fonts import REGULAR
from desktop.report.flowables import Heading, data_table, para, plain
from desktop.report.safe_text import markup

# A free-text answer longer than this is cut in the table (a row cannot span pages).
ANSWER_LIMIT = 1500


def answer_rows(ctx: ReportContext) -> list[tuple[str | None, str, str]]:
    """(topic label or None, question label, answer text) in catalog order; unknown ids last."""
    answers = ctx.assessment.answers or ctx.profile.answers
    rows: list[tuple[str | None, str, str]] = []
    pack = ctx.pack
    rows.append((None, ctx.w("applicant_type"),
                 ctx.applicant_type_word(answers.get("applicant_type", ctx.profile.applicant_type))))
    topic_rows: dict[str, list[tuple[str, str]]] = {}
    for qid, q in pack.questions.items():
        if qid == "applicant_type" or qid not in answers:
            continue
        topic_rows.setdefault(q.topic, []).append((ctx.text(q.label), ctx.value(qid, answers[qid])))
    topics = sorted(topic_rows, key=lambda t: pack.topics[t].order if t in pack.topics else 10**6)
    for topic in topics:
        label = ctx.text(pack.topics[topic].label) if topic in pack.topics else topic
        for i, (q, a) in enumerate(topic_rows[topic]):
            rows.append((label if i == 0 else None, q, a))
    strays = [k for k in answers if k != "applicant_type" and k not in pack.questions]
    for k in strays:
        v = answers[k]
        rows.append((None, k, ctx.value(k, v)))
    return rows


def appendix(ctx: ReportContext) -> list[Flowable]:
    ss = ctx.ss
    title = ctx.w("appendix")
    out: list[Flowable] = [
        Heading(markup(title), ss["H1"], title, 0),
        plain(ctx.w("appendix_intro"), ss["BodySmall"]),
    ]
    rows = answer_rows(ctx)
    if len(rows) <= 1 and not ctx.assessment.answers:
        out.append(plain(ctx.w("no_answers"), ss["Body"]))
    table = [[para(markup(ctx.w(k)), ss["CellHead"]) for k in ("col_question", "col_answer")]]
    extra: list[tuple] = []
    for topic, q, a in rows:
        if topic is not None:
            table.append([para(f"<b>{markup(topic)}</b>", ss["Cell"]), ""])
            r = len(table) - 1
            extra += [("SPAN", (0, r), (1, r)), ("BACKGROUND", (0, r), (1, r), st.HEAD_FILL),
                      ("TOPPADDING", (0, r), (1, r), 4)]
        table.append([para(markup(q), ss["Cell"]), para(markup(a, ANSWER_LIMIT), ss["Cell"])])
    out.append(data_table(table, [95 * mm, st.FRAME_WIDTH - 95 * mm], extra, zebra=False))
    return out


def closing(ctx: ReportContext) -> list[Flowable]:
    """The closing note in a ruled box, so it reads as the report's formal reservation."""
    ss = ctx.ss
    title = ctx.w("closing_title")
    body = [plain(ctx.w(k), ss["Body"]) for k in ("closing_1", "closing_2", "closing_3")]
    box = Table([[b] for b in body], colWidths=[st.FRAME_WIDTH], hAlign="LEFT")
    box.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("BOX", (0, 0), (-1, -1), 0.8, st.ACCENT),
        ("BACKGROUND", (0, 0), (-1, -1), st.ZEBRA),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("TOPPADDING", (0, 0), (-1, 0), 6),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 5),
    ]))
    return [Spacer(1, 4 * mm), KeepTogether([Heading(markup(title), ss["H2"], title, 0), box])]
