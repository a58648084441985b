"""The PDF report: one call from an assessment to a finished, printable A4 document.

The command line (`jiwon report`) and the app's "Save PDF…", "Print…" and preview all go
through `write_report` / `report_bytes`, so every way of getting the report gives the same pages.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Spacer

from desktop import __version__
from desktop.atomic_write import write_atomic
from desktop.engine.clock import KST
from desktop.engine.model import Assessment, Profile, RulePack
from desktop.report.appendix import appendix, closing
from desktop.report.calendar_section import calendar_section
from desktop.report.changes_section import changes_section
from desktop.report.checklist import checklist
from desktop.report.context import ReportContext
from desktop.report.flowables import Heading
from desktop.report.fonts import register_fonts
from desktop.report.program_section import program_section
from desktop.report.safe_text import clean, markup
from desktop.report.sources import source_list
from desktop.report.summary import cover, plain_title, summary
from desktop.report.template import Furniture, ReportDoc, canvas_maker

PDF_LANG = {"ko": "ko-KR", "en": "en-US"}


def report_bytes(assessment: Assessment, profile: Profile, pack: RulePack, lang: str = "ko",
                 generated: dt.datetime | None = None, all_programs: bool = False,
                 changes: Any = None) -> bytes:
    """The report as PDF bytes (for a preview that never touches the disk).

    The report is about this applicant: programs for other kinds of applicant are one line in the
    summary, unless `all_programs`. `changes`: the engine's ProfileChanges since the last
    assessment, printed on a page of its own."""
    buf = io.BytesIO()
    _build(buf, assessment, profile, pack, lang, generated, all_programs, changes)
    return buf.getvalue()


def write_report(assessment: Assessment, profile: Profile, pack: RulePack,
                 out_path: str | Path, lang: str = "ko",
                 generated: dt.datetime | None = None, all_programs: bool = False,
                 changes: Any = None) -> Path:
    """Write the report to `out_path` and return that path.

    Written whole or not at all, never over something that is not a regular file
    (desktop/atomic_write.py).
    """
    data = report_bytes(assessment, profile, pack, lang, generated, all_programs, changes)
    return write_atomic(out_path, data)


#: The name in docs/architecture.md.
def write_pdf(assessment: Assessment, profile: Profile, pack: RulePack, path: str | Path,
              lang: str = "ko") -> Path:
    return write_report(assessment, profile, pack, path, lang)


def _build(target: BinaryIO, assessment: Assessment, profile: Profile, pack: RulePack,
           lang: str, generated: dt.datetime | None, all_programs: bool = False,
           changes: Any = None) -> None:
    lang = "en" if lang == "en" else "ko"
    register_fonts()
    if generated is None:
        generated = dt.datetime.now(KST)
    elif generated.tzinfo is not None:
        generated = generated.astimezone(KST)
    ctx = ReportContext(assessment=assessment, profile=profile, pack=pack, lang=lang,
                        generated=generated, all_programs=all_programs, changes=changes)
    furniture = Furniture(
        header_left=f"{ctx.w('brand')} · {ctx.w('doc_title')}",
        header_right=clean(ctx.applicant_name or ctx.w("no_name")),
        footer_left=(f"{ctx.w('footer_note')} · {ctx.w('generated')} {ctx.datetime(generated)} · "
                     f"{ctx.rules_version}"),
        page_word=ctx.w("page"),
        lang=lang,
    )
    meta: dict[str, Any] = dict(
        title=plain_title(ctx),
        author="Jiwon",
        subject=ctx.w("doc_subject"),
        creator=f"Jiwon {__version__}",
        keywords=[ctx.w("doc_title"), ctx.applicant_type_word(profile.applicant_type)],
        lang=PDF_LANG[lang],
    )
    doc = ReportDoc(target, furniture, **meta)
    doc.build(build_story(ctx), canvasmaker=canvas_maker(furniture))


def build_story(ctx: ReportContext) -> list[Any]:
    """Every flowable of the report, in order (also measured on its own by the benchmark)."""
    story: list[Any] = []
    story += cover(ctx)
    story += summary(ctx)
    changed = changes_section(ctx)
    if changed:
        story += [PageBreak()] + changed
    if ctx.ordered:
        title = ctx.w("programs")
        story += [PageBreak(), Heading(markup(title), ctx.ss["H1"], title, 0)]
        for number, result in enumerate(ctx.ordered, start=1):
            story += program_section(ctx, number, result)
        if isinstance(story[-1], Spacer):  # at a page's foot it would open a page of its own
            story.pop()
    # The checklist and the appendix are pages of their own: one is ticked by hand, the other
    # is filed with the application. The full source list follows the answers and the closing
    # note, as the report's references.
    story += [PageBreak()] + checklist(ctx)
    story += [CondPageBreak(70 * mm)] + calendar_section(ctx)
    story += [PageBreak()] + appendix(ctx)
    story += closing(ctx)
    listed = source_list(ctx)
    if listed:
        story += [CondPageBreak(60 * mm)] + listed
    return story
