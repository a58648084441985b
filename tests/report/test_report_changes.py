"""The "changes since your last assessment" page, read back from the PDF with pdftotext."""

import datetime as dt

from readback import pdf_pages, squash

from desktop.engine import evaluate
from desktop.engine.profile import load_profile
from desktop.engine.what_changed import recheck
from desktop.report.pdf import write_report

D = dt.date


def test_changes_page_names_each_change_and_its_cause(pack, rules_dir, tmp_path):
    profile = load_profile(rules_dir / "cases" / "company-food-1100-2026.yaml", pack)
    changes = recheck(pack, pack, profile.answers, D(2025, 6, 1), D(2026, 6, 1))
    assessment = evaluate(pack, profile.answers, D(2026, 6, 1))
    for lang, title, cause in (
        ("ko", "지난 확인 이후 달라진 점",
         "업종별 중소기업 매출액 기준이 1,000억 원에서 1,200억 원으로 바뀌었습니다 — 1,100억 원이 이제 기준에 맞습니다"),
        ("en", "Changes since your last assessment",
         "SME sales ceiling for the industry moved from KRW 100 billion to KRW 120 billion — your KRW 110 billion now fits"),
    ):
        out = write_report(assessment, profile, pack, tmp_path / f"r-{lang}.pdf", lang, changes=changes)
        pages = pdf_pages(out)
        [page] = [p for p in pages if squash(title) in squash(p)]
        under = sum(1 for p in changes.programs for c in p.causes if c.text.get(lang) == cause)
        assert under >= 2 and squash(page).count(squash(cause)) == under  # once under each program it moved
        names = [p.name.get(lang) for p in changes.programs]
        assert len(names) == 3 and all(squash(n)[:15] in squash(page) for n in names)
    plain = write_report(assessment, profile, pack, tmp_path / "plain.pdf", "en")
    assert not any("Changes since your last assessment" in p for p in pdf_pages(plain))
