"""The PDF as a file: long reports paginate with repeated table heads, metadata, fonts, outline.

The 40-program report is made of copies of a real program file with new ids, loaded by the real
loader and evaluated by the real engine, so the summary table must run over several pages.
"""

from __future__ import annotations

import re

import pypdf
import pytest
from readback import (
    GENERATED, copy_rules, load_copied, pdf_pages, program_copies, squash,
)

from desktop.engine import evaluate
from desktop.report.context import ReportContext
from desktop.report.pdf import write_report
from readback import w


@pytest.fixture(scope="module")
def forty(tmp_path_factory, pack, company):
    rules = copy_rules(tmp_path_factory.mktemp("forty"))
    # a program the example company is eligible for, so that every section is a full one and
    # the combined checklist has 40 programs asking for the same documents
    source = next(r.program.id for r in company.assessment.programs
                  if r.status == "eligible" and not r.program.tracks_of and r.program.documents)
    ids = program_copies(pack, rules, source, 40)
    big = load_copied(rules)
    assert sorted(big.programs) == sorted(ids)
    assessment = evaluate(big, company.profile.answers, company.assessment.as_of)
    return big, assessment


def section_text(text: str, start: str, end: str) -> str:
    a = text.index(squash(start))
    return text[a:text.index(squash(end), a)]


def test_forty_programs_paginate_with_repeated_table_heads(tmp_path, forty, company):
    big, assessment = forty
    out = write_report(assessment, company.profile, big, tmp_path / "forty.pdf", "ko",
                       generated=GENERATED)
    pages = pdf_pages(out)
    heads = [squash(w(k, "ko")) for k in ("col_no", "col_program", "col_status", "col_closes",
                                          "col_days_left")]
    summary_pages = [p for p in pages if squash(w("summary", "ko")) in squash(p)
                     or all(h in squash(p) for h in heads)]
    # the summary table needs more than one page, and each of its pages repeats the head row
    names = [squash(r.program.name.ko) for r in assessment.programs]
    table_pages = [i for i, p in enumerate(pages)
                   if all(h in squash(p) for h in heads) and any(n in squash(p) for n in names)
                   and squash(w("programs", "ko")) not in squash(p)]
    assert len(table_pages) >= 2, table_pages
    assert table_pages == list(range(table_pages[0], table_pages[0] + len(table_pages)))
    assert summary_pages
    text = squash("\n".join(pages))
    ctx = ReportContext(assessment, company.profile, big, "ko", GENERATED)
    for i, r in enumerate(ctx.ordered, start=1):
        assert squash(f"{i}. {r.program.name.ko}") in text
    assert len(pages) > 40 // 3
    # copies of a program the company is eligible for are all eligible, and 40 programs asking
    # for one document are listed by number (a row naming them all would not fit on a page)
    assert {r.status for r in assessment.programs} == {"eligible"}
    checklist = section_text(text, w("checklist", "ko"), w("calendar", "ko"))
    assert squash(w("asked_by_numbers", "ko", n=40, numbers="1\u201340")) in checklist
    for n, page in enumerate(pages, start=1):
        assert squash(f"{n} / {len(pages)}") in squash(page)


def test_metadata_language_and_embedded_subset_font(tmp_path, pack, company):
    for lang, code in (("ko", "ko-KR"), ("en", "en-US")):
        out = write_report(company.assessment, company.profile, pack, tmp_path / f"{lang}.pdf",
                           lang, generated=GENERATED)
        reader = pypdf.PdfReader(str(out))
        meta = reader.metadata
        assert meta.author == "Jiwon"
        assert meta.title == f"{w('doc_title', lang)} – {company.profile.name}"
        assert meta.subject == w("doc_subject", lang)
        assert reader.trailer["/Root"]["/Lang"] == code
        fonts = {}
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                fonts[font["/BaseFont"]] = font
        # only the shipped font, embedded as subsets (ReportLab names them XXXXXX+Name)
        assert fonts
        for base, font in fonts.items():
            assert re.fullmatch(r"/[A-Z]{6}\+NanumGothic(-?Bold)?", base), base
            assert "/FontFile2" in font["/FontDescriptor"]
        assert any("Bold" in b for b in fonts) and any("Bold" not in b for b in fonts)


def test_outline_has_a_bookmark_per_program_on_its_page(tmp_path, pack, company):
    out = write_report(company.assessment, company.profile, pack, tmp_path / "o.pdf", "en",
                       generated=GENERATED)
    reader = pypdf.PdfReader(str(out))
    pages = pdf_pages(out)

    def flatten(items):
        for item in items:
            if isinstance(item, list):
                yield from flatten(item)
            else:
                yield item

    marks = list(flatten(reader.outline))
    titles = [m.title for m in marks]
    ctx = ReportContext(company.assessment, company.profile, pack, "en", GENERATED)
    for i, r in enumerate(ctx.ordered, start=1):
        title = f"{i}. {r.program.name.en}"
        assert title in titles
        mark = marks[titles.index(title)]
        page = reader.get_destination_page_number(mark)
        assert squash(title) in squash(pages[page]), (title, page)
    for key in ("summary", "programs", "checklist", "calendar", "appendix", "closing_title"):
        assert w(key, "en") in titles
