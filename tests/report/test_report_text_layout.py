"""A report paragraph lays itself out once per width, and splits as ReportLab's own does."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from desktop.report import styles
from desktop.report.flowables import Text
from desktop.report.fonts import register_fonts

WORDS = " ".join(["중소기업 특성화고 인력양성 사업의 신청 요건과 제출 서류 안내문"] * 12)


def _style():
    register_fonts()
    return styles.stylesheet()["Body"]


def test_same_width_breaks_lines_once(monkeypatch):
    style = _style()
    p = Text(WORDS, style)
    calls = []
    original = Paragraph.breakLines
    monkeypatch.setattr(Paragraph, "breakLines", lambda self, widths: calls.append(widths) or original(self, widths))
    first = p.wrap(200, 1000)
    assert p.wrap(200, 1000) == first
    assert p.wrap(200, 40) == first  # the height offered does not change the lines
    assert len(calls) == 1
    narrower = p.wrap(120, 1000)
    assert len(calls) == 2 and narrower[1] > first[1]
    assert p.wrap(200, 1000) == first and len(calls) == 3  # back to the first width: laid out anew


def test_layout_matches_reportlab_paragraph():
    style = _style()
    for width in (90, 150, 300):
        ours, theirs = Text(WORDS, style), Paragraph(WORDS, style)
        assert ours.wrap(width, 800) == theirs.wrap(width, 800)
        assert ours.wrap(width, 800) == theirs.wrap(width, 800)
        assert len(ours.blPara.lines) == len(theirs.blPara.lines)


def test_split_parts_lay_out_afresh():
    style = _style()
    p = Text(WORDS, style)
    _, height = p.wrap(150, 800)
    top, rest = p.split(150, height / 2)
    assert isinstance(top, Text) and isinstance(rest, Text)
    reference = Paragraph(WORDS, style)
    reference.wrap(150, 800)
    ref_top, ref_rest = reference.split(150, height / 2)
    assert top.wrap(150, 800) == ref_top.wrap(150, 800)
    assert rest.wrap(150, 800) == ref_rest.wrap(150, 800)
    assert top.wrap(150, 800)[1] + rest.wrap(150, 800)[1] == height
