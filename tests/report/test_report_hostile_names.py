"""Whatever a user types as a name or a text answer prints as typed, or as a visible mark.

Names go through ReportLab's paragraph markup, the running header and the PDF metadata; each
of these breaks differently on `<`, `&`, a 2,000-character name or an emoji the font lacks. The
profiles are evaluated by the real engine with the example company's answers.
"""

from __future__ import annotations

import pypdf
import pytest
from readback import GENERATED, pdf_pages, squash

from desktop.engine import evaluate
from desktop.engine.model import Profile
from desktop.report.pdf import write_report
from desktop.report.safe_text import ELLIPSIS, PLACEHOLDER, clean, markup
from readback import w

HOSTILE = {
    "markup": "<b>Bold</b> & <font size=\"80\">Big</font> <a href='x'>link</a> > 주식회사",
    "script": "</para><script>alert('x')</script>&amp;&#x41;",
    "emoji": "행복상사 😀👨‍👩‍👧 👍🏽 🇰🇷",
    "long": "아주긴회사이름" * 300,
    "long_words": "Supercalifragilistic" * 60 + " 주식회사 " + "x" * 900,
    "controls": "줄\n바꿈\t탭\r\x00\x07\u202e역방향",
    "empty": "",
}


def hostile_report(tmp_path, pack, company, name, lang="ko"):
    answers = dict(company.profile.answers)
    profile = Profile(name=name, applicant_type="company", answers=answers)
    assessment = evaluate(pack, answers, company.assessment.as_of)
    out = write_report(assessment, profile, pack, tmp_path / "hostile.pdf", lang,
                       generated=GENERATED)
    return out, pdf_pages(out)


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_names_render(tmp_path, pack, company, kind):
    name = HOSTILE[kind]
    out, pages = hostile_report(tmp_path, pack, company, name)
    text = "\n".join(pages)
    assert "\ufffd" not in text
    first = squash(pages[0])
    shown = clean(name)
    if kind in ("long", "long_words"):
        # cut on the cover with an ellipsis, and shortened to fit in the running header
        assert squash(shown[:200]) in first
        assert ELLIPSIS in pages[1]
    elif shown:
        assert squash(shown) in first
    else:
        assert squash(w("no_name", "ko")) in first
    # every page still has its footer, so nothing pushed the layout off the page
    for n, page in enumerate(pages, start=1):
        assert squash(f"{n} / {len(pages)}") in squash(page)
    title = pypdf.PdfReader(str(out)).metadata.title
    assert title.startswith("지원사업 자격 사전검토 보고서")


def test_markup_is_printed_literally(tmp_path, pack, company):
    _, pages = hostile_report(tmp_path, pack, company, HOSTILE["markup"])
    first = pages[0]
    assert "<b>Bold</b>" in first
    assert '<font size="80">Big</font>' in first
    assert "&" in first


def test_characters_the_font_lacks_become_a_visible_mark(tmp_path, pack, company):
    _, pages = hostile_report(tmp_path, pack, company, HOSTILE["emoji"])
    first = pages[0]
    assert "행복상사" in first
    assert PLACEHOLDER in first
    assert "😀" not in first


def test_control_characters_are_dropped(tmp_path, pack, company):
    _, pages = hostile_report(tmp_path, pack, company, HOSTILE["controls"])
    first = pages[0]
    assert "줄 바꿈 탭" in first
    assert "\x00" not in first and "\x07" not in first


def test_clean_and_markup():
    assert clean("a\u0301") == "\u00e1"  # composed, so the font's precomposed glyph is used
    assert clean("👨‍👩‍👧") == PLACEHOLDER * 3  # joiners dropped, one mark per person
    assert clean("👍🏽") == PLACEHOLDER  # skin tone modifier dropped
    assert clean("x" * 50, limit=10) == "x" * 9 + ELLIPSIS
    assert markup("<a & b>") == "&lt;a &amp; b&gt;"
