"""The report for real cases says what the assessment says: programs, outcomes, dates, answers.

Each expectation is computed from the assessment the engine produced, never typed in, so these
tests follow the rule files as they change.
"""

from __future__ import annotations

import re

import pypdf
import pytest

from desktop.engine import format_value
from desktop.engine.explain import open_to, rules_label, status_word
from desktop.engine.phrases import say, word
from desktop.engine.source_age import cited_notes
from desktop.report.checklist import combined_documents
from desktop.report.context import STATUS_ORDER, ReportContext
from desktop.report.pdf import report_bytes, write_report
from readback import w
from readback import GENERATED, pdf_pages, squash

HANGUL = re.compile("[가-힣]")


def ordered(case):
    """Programs in the order the report promises: eligible, undetermined, ineligible."""
    results = mine(case)
    return sorted(results, key=lambda r: STATUS_ORDER[r.status])


def mine(case):
    """The programs open to this kind of applicant: the ones the report is about."""
    return [r for r in case.assessment.programs if open_to(r.program, case.profile.applicant_type)]


def counts_line(case, lang):
    results = mine(case)
    return w("summary_counts", lang, total=len(results),
             **{s: sum(r.status == s for r in results) for s in ("eligible", "undetermined", "ineligible")})


def build(tmp_path, pack, case, lang):
    out = write_report(case.assessment, case.profile, pack, tmp_path / f"report-{lang}.pdf", lang,
                       generated=GENERATED)
    return out, pdf_pages(out)


def section(text: str, start: str, end: str | None) -> str:
    """The squashed text from heading `start` to heading `end` (or the end of the text)."""
    a = text.index(squash(start))
    b = text.index(squash(end), a + 1) if end else len(text)
    return text[a:b]


def report_order(pack, case, lang):
    """The program sections in the order they are printed, with their headings."""
    ctx = ReportContext(case.assessment, case.profile, pack, lang, GENERATED)
    return [(i, r, f"{i}. {r.program.name.get(lang)}") for i, r in enumerate(ctx.ordered, 1)]


@pytest.mark.parametrize("who", ["company", "school", "individual"])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_program_has_its_outcome_and_dates(request, tmp_path, pack, who, lang):
    case = request.getfixturevalue(who)
    path, pages = build(tmp_path, pack, case, lang)
    text = squash("\n".join(pages))
    sections = report_order(pack, case, lang)
    assert len(sections) == len(mine(case)) < len(pack.programs)
    checklist_title = w("checklist", lang)
    for k, (i, r, heading) in enumerate(sections):
        nxt = sections[k + 1][2] if k + 1 < len(sections) else checklist_title
        body = section(text, heading, nxt)
        status = status_word(r.status).get(lang)
        assert squash(status) in body, (heading, status)
        for other in ("eligible", "ineligible", "undetermined"):
            if other != r.status and r.status != "undetermined":
                # the outcome band names one outcome only
                assert squash(status_word(other).get(lang)) not in body[:400], (heading, other)
        d = r.deadline
        if r.status != "ineligible" and d.closes is not None:
            assert d.closes.isoformat() in body, (heading, d.closes)
    if lang == "ko":
        assert HANGUL.search("".join(pages))


@pytest.mark.parametrize("who", ["company", "school", "individual"])
def test_summary_lists_eligible_first_with_closing_dates(request, tmp_path, pack, who):
    case = request.getfixturevalue(who)
    _, pages = build(tmp_path, pack, case, "ko")
    summary = squash(section(squash("\n".join(pages)), w("summary", "ko"), w("programs", "ko")))
    positions = []
    for r in mine(case):
        name = squash(r.program.name.ko)
        assert name in summary, r.program.id
        positions.append((summary.index(name), STATUS_ORDER[r.status], r))
    positions.sort(key=lambda p: p[0])
    ranks = [rank for _, rank, _ in positions]
    assert ranks == sorted(ranks), "eligible, then undetermined, then ineligible"
    for r in mine(case):
        if r.deadline.closes is not None:
            assert r.deadline.closes.isoformat() in summary
    assert squash(counts_line(case, "ko")) in summary


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_page_has_header_footer_and_page_x_of_y(tmp_path, pack, company, lang):
    _, pages = build(tmp_path, pack, company, lang)
    total = len(pages)
    assert total >= 3
    generated = GENERATED.strftime("%Y-%m-%d %H:%M")
    for n, page in enumerate(pages, start=1):
        flat = squash(page)
        assert squash(f"{n} / {total}") in flat, n
        assert squash(generated) in flat
        assert squash(rules_label(pack, company.assessment.rules_version).get(lang)) in flat
        assert squash(w("doc_title", lang)) in flat
    first = squash(pages[0])
    assert squash(company.profile.name) in first
    assert company.assessment.as_of.isoformat() in first
    assert squash(word("applicant", "company", lang)) in first


def test_english_report_of_the_same_assessment(tmp_path, pack, company):
    _, ko_pages = build(tmp_path, pack, company, "ko")
    _, en_pages = build(tmp_path, pack, company, "en")
    en = squash("\n".join(en_pages))
    ko = squash("\n".join(ko_pages))
    for r in mine(company):
        assert squash(r.program.name.en) in en
        assert squash(r.program.name.ko) in ko
        assert squash(r.program.name.ko) not in en
    # the English report is English apart from the applicant's own name and source titles that
    # only exist in Korean
    body = en.replace(squash(company.profile.name), "")
    hangul = len(HANGUL.findall(body))
    assert hangul < 0.02 * len(body), hangul
    assert squash(w("closing_1", "en")) in en
    assert squash(w("closing_1", "ko")) in ko


def test_combined_checklist_names_each_document_once(tmp_path, pack, company):
    _, pages = build(tmp_path, pack, company, "ko")
    text = squash("\n".join(pages))
    checklist = section(text, w("checklist", "ko"), w("calendar", "ko"))
    ctx = ReportContext(company.assessment, company.profile, pack, "ko", GENERATED)
    docs = combined_documents(ctx)
    eligible = [r for r in company.assessment.programs if r.status == "eligible"]
    if not eligible:
        assert squash(w("checklist_none", "ko")) in checklist
        return
    asked = {d.id for r in eligible for d in r.program.documents}
    assert {d.id for d, _ in docs} == asked
    from desktop.report.checklist import NAMED_UP_TO

    for doc, programs in docs:
        assert checklist.count(squash(doc.text.ko)) == 1, doc.id
        if len(programs) <= NAMED_UP_TO:  # longer lists are given by summary number
            for p in programs:
                assert squash(p.name.ko) in checklist
        else:
            assert squash(w("asked_by_numbers", "ko").split("{")[0]) + str(len(programs)) in checklist
    shared = [d for d, ps in docs if len(ps) > 1]
    if len(eligible) > 1:
        assert shared, "eligible programs in the company case share no document"


@pytest.mark.parametrize("who", ["company", "school", "individual"])
def test_appendix_lists_every_answer_with_dont_know(request, tmp_path, pack, who):
    case = request.getfixturevalue(who)
    _, pages = build(tmp_path, pack, case, "ko")
    text = squash("\n".join(pages))
    appendix = section(text, w("appendix", "ko"), w("closing_title", "ko"))
    answers = case.assessment.answers
    for qid, value in answers.items():
        if qid == "applicant_type":
            continue
        q = pack.questions[qid]
        assert squash(q.label.ko) in appendix, qid
        shown = format_value(q, value, "ko", pack.industries)
        assert squash(shown) in appendix, (qid, shown)
    if any(v is None for v in answers.values()):
        assert squash(say("value.dont_know", "ko")) in appendix


def test_undetermined_programs_name_the_deciding_questions(tmp_path, pack, cases):
    """Some case has an undetermined program; its section lists the questions that decide it."""
    found = [(c, r) for c in cases.values() for r in c.assessment.programs
             if r.status == "undetermined" and r.missing]
    assert found, "no case leaves a program undetermined"
    case, _ = found[0]
    _, pages = build(tmp_path, pack, case, "en")
    text = squash("\n".join(pages))
    sections = report_order(pack, case, "en")
    for k, (i, r, heading) in enumerate(sections):
        if r.status != "undetermined" or not r.missing:
            continue
        nxt = sections[k + 1][2] if k + 1 < len(sections) else w("checklist", "en")
        body = section(text, heading, nxt)
        assert squash(say("heading.to_answer", "en")) in body
        for qid in r.missing:
            assert squash(pack.questions[qid].label.en) in body, qid


def test_report_bytes_is_the_same_document(pack, company, tmp_path):
    data = report_bytes(company.assessment, company.profile, pack, "ko", generated=GENERATED)
    assert data.startswith(b"%PDF-")
    path = tmp_path / "from-bytes.pdf"
    path.write_bytes(data)
    written = write_report(company.assessment, company.profile, pack, tmp_path / "w.pdf", "ko",
                           generated=GENERATED)
    assert pdf_pages(path) == pdf_pages(written)
    assert not (tmp_path / "w.pdf.part").exists()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_example_case_renders(tmp_path, pack, cases, lang):
    """No example case breaks the layout (a cell taller than a page, say) in either language."""
    for name, case in cases.items():
        data = report_bytes(case.assessment, case.profile, pack, lang, generated=GENERATED)
        path = tmp_path / f"{name}-{lang}.pdf"
        path.write_bytes(data)
        pages = pdf_pages(path)
        assert squash(counts_line(case, lang)) in squash(pages[0]), name
        assert squash(f"{len(pages)} / {len(pages)}") in squash(pages[-1]), name


def test_a_companys_report_leaves_school_and_individual_programs_to_one_line(tmp_path, pack, company):
    out, pages = build(tmp_path, pack, company, "ko")
    text = squash("\n".join(pages))
    others = [p for p in pack.programs.values() if "company" not in p.audience]
    school_only = [p for p in others if p.audience == ("school",)]
    assert school_only
    for p in school_only:  # not a word about them beyond the one summary line
        assert squash(p.name.ko) not in text, p.id
    def flatten(items):
        for item in items:
            yield from (flatten(item) if isinstance(item, list) else [item])

    titles = [m.title for m in flatten(pypdf.PdfReader(str(out)).outline)]
    assert any(t.startswith("1. ") for t in titles)
    for p in others:  # no section of its own for any program of another kind of applicant
        assert not any(t.endswith(f". {p.name.ko}") for t in titles), p.id
    assert squash(f"다른 신청자 대상 사업 {len(others)}개는 제외했습니다") in squash(pages[0] + pages[1])
    everything = write_report(company.assessment, company.profile, pack, tmp_path / "all.pdf", "ko",
                              generated=GENERATED, all_programs=True)
    every = squash("\n".join(pdf_pages(everything)))
    for p in others:
        assert squash(p.name.ko) in every, p.id


def test_summary_names_who_and_the_rules_by_date(tmp_path, pack, company):
    _, pages = build(tmp_path, pack, company, "ko")
    first = squash(pages[0])
    answers = company.assessment.answers
    industry = format_value(pack.questions["industry"], answers["industry"], "ko", pack.industries)
    assert squash(industry) in first  # the industry with its name, not a bare code
    assert squash("기업 규모") in first and squash("근거:") in first
    newest = max(p.reviewed for p in pack.programs.values()).isoformat()
    assert squash(f"{newest} 규칙 · {company.assessment.rules_version[:7]}") in first


def without_furniture(page: str, ctx: ReportContext) -> str:
    """A page's squashed text without its running header and footer (a paragraph that runs
    over a page reads on)."""
    text = squash(page)
    for line in (f"{ctx.w('brand')} · {ctx.w('doc_title')}", ctx.profile.name,
                 f"{ctx.w('footer_note')} · {ctx.w('generated')} {ctx.datetime(GENERATED)} · "
                 f"{ctx.rules_version}"):
        text = text.replace(squash(line), "", 1)
    return re.sub(r"(Page)?\d+/\d+$", "", text)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_sources_are_numbered_once_and_listed_in_full_once(tmp_path, pack, company, lang):
    """A note keeps one number in the whole report; a section names its notes one line each
    (title, date), and the source list at the back gives each note once with the facts the
    rules rely on."""
    _, pages = build(tmp_path, pack, company, lang)
    ctx = ReportContext(company.assessment, company.profile, pack, lang, GENERATED)
    text = "".join(without_furniture(page, ctx) for page in pages)
    numbers = ctx.sources.numbers
    assert sorted(numbers.values()) == list(range(1, len(numbers) + 1))
    full = text[text.rindex(squash(w("source_list", lang))):]
    sections = text[:text.index(squash(w("checklist", lang)))]
    for note_id, n in numbers.items():
        note = pack.notes[note_id]
        title = squash(note.title.get(lang))
        assert full.count(title) == 1, note_id
        assert squash(f"[{n}]") in full, note_id
        assert title in sections, note_id
        for fact_id in ctx.sources.facts[note_id]:
            fact = squash(note.facts[fact_id].text.get(lang))
            assert fact in full, (note_id, fact_id)
            assert fact not in sections, (note_id, fact_id)  # said once, at the back


def test_criteria_that_decided_nothing_share_one_line(tmp_path, pack, company):
    """The audience and an alternative the outcome did not need get no row of their own: they
    are named after the reasons, under one heading, each with its result mark."""
    ctx = ReportContext(company.assessment, company.profile, pack, "en", GENERATED)
    _, pages = build(tmp_path, pack, company, "en")
    text = squash("".join(pages))
    heads = [squash(h) for _, _, h in report_order(pack, company, "en")]
    aside = squash(w("not_deciding", "en"))
    found = 0
    for i, (n, r, heading) in enumerate(report_order(pack, company, "en")):
        e = ctx.explained[r.program.id]
        deciding = {cid for line in e.reasons + e.to_confirm + e.near_misses
                    for cid in line.criteria}
        start = text.index(squash(heading))
        end = text.index(heads[i + 1], start) if i + 1 < len(heads) else len(text)
        body = text[start:end]
        others = [c for c in r.criteria if c.id not in deciding]
        if not others:
            assert aside not in body, heading
            continue
        found += 1
        assert body.count(aside) == 1, heading
        line = body[body.index(aside):]
        for c in others:
            assert squash(c.text.en) in line, (heading, c.id)
    assert found, "no program of the company case has a criterion that decided nothing"


def test_sources_name_their_publisher_in_the_reports_language(tmp_path, pack, company):
    notes = {n.id: n for r in mine(company) for n in cited_notes(pack, r)}
    differ = [n for n in notes.values() if n.publisher.ko != n.publisher.en]
    assert differ
    for lang, other in (("ko", "en"), ("en", "ko")):
        _, pages = build(tmp_path, pack, company, lang)
        text = squash("\n".join(pages))
        for n in differ:
            assert squash(n.publisher.get(lang)) in text, (lang, n.id)
            if n.publisher.get(other).lower() not in (n.url or "").lower():  # not in its link
                assert squash(n.publisher.get(other)) not in text, (lang, n.id)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_calendar_window_without_a_closing_date_says_whether_it_is_open(tmp_path, pack, company, lang):
    """A rolling or until-the-budget window has no days left to count: its row says "open"
    (or in how many days it opens), not a bare dash."""
    from desktop.engine.explain import entry_days_text
    from desktop.engine.phrases import phrase
    from desktop.report.calendar_section import relevant_entries

    ctx = ReportContext(company.assessment, company.profile, pack, lang, GENERATED)
    undated = [e for e in relevant_entries(ctx) if e.closes is None]
    assert undated, "the example company has no rolling window to show"
    out = write_report(company.assessment, company.profile, pack, tmp_path / "r.pdf", lang,
                       generated=GENERATED)
    text = squash("\n".join(pdf_pages(out)))
    calendar = text[text.rindex(squash(w("calendar", lang))):]
    opened = [e for e in undated if e.opens is None or e.opens <= ctx.as_of]
    assert opened and all(entry_days_text(e, ctx.as_of) == phrase("deadline.open") for e in opened)
    assert calendar.count(squash(say("deadline.open", lang))) >= len(opened)
