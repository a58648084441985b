"""Save PDF…, Print…, the preview and Export to calendar…, driven with the dialogs bypassed.

Each action runs on a real assessment of an example case, writes a real file, and the file is
read back with an independent library (pypdf for PDFs, icalendar for the calendar).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pypdf
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop.engine import calendar, evaluate, load_profile
from desktop.paths import rules_dir
from desktop.ui import report_actions
from desktop.ui.report_actions import SavedNotice
from desktop.ui.report_actions import pages as pdf_pages

COMPANY_CASE = "company-parts-maker-eligible.yaml"


@pytest.fixture
def pack(rule_pack):
    return rule_pack


@pytest.fixture
def company(pack):
    profile = load_profile(rules_dir() / "cases" / COMPANY_CASE, pack)
    return profile, evaluate(pack, profile.answers, profile.today)


@pytest.fixture(autouse=True)
def no_notice_left_open(qapp):
    """A save through the file dialog here has no window to sit on: its notice is closed after."""
    yield
    for w in QApplication.topLevelWidgets():
        if isinstance(w, SavedNotice):
            w.close()


@pytest.fixture
def messages(monkeypatch):
    """Message boxes are recorded instead of shown (a modal box would block the test)."""
    seen: list[tuple[str, str]] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind,
                            lambda parent, title, text, *a, _k=kind, **kw: seen.append((_k, text)))
    return seen


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages)


def test_save_pdf_writes_a_readable_report(tmp_path, pack, company, messages):
    profile, assessment = company
    out = report_actions.save_pdf(None, pack, assessment, profile, path=tmp_path / "r.pdf",
                                  lang="en")
    assert out == tmp_path / "r.pdf"
    reader = pypdf.PdfReader(str(out))
    assert len(reader.pages) >= 2
    text = _pdf_text(out)
    assert profile.name in text
    assert any(r.program.name.en[:24] in text for r in assessment.programs)
    assert messages == []


def test_save_pdf_through_the_file_dialog_adds_the_suffix(tmp_path, monkeypatch, pack, company,
                                                         messages):
    profile, assessment = company
    asked = {}

    def fake_dialog(parent, title, suggested, filter_):
        asked.update(title=title, suggested=suggested, filter=filter_)
        return str(tmp_path / "boss"), filter_

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    out = report_actions.save_pdf(None, pack, assessment, profile, lang="ko")
    assert out == tmp_path / "boss.pdf" and out.exists()
    assert Path(asked["suggested"]).name.endswith(f"{assessment.as_of.isoformat()}.pdf")
    assert "*.pdf" in asked["filter"]
    assert "검토" in _pdf_text(out) or "지원" in _pdf_text(out)


def test_save_pdf_cancelled_writes_nothing(tmp_path, monkeypatch, pack, company):
    profile, assessment = company
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    assert report_actions.save_pdf(None, pack, assessment, profile) is None
    assert list(tmp_path.iterdir()) == []


def test_save_pdf_to_an_unwritable_place_says_so(tmp_path, pack, company, messages):
    profile, assessment = company
    target = tmp_path / "missing-folder" / "r.pdf"
    assert report_actions.save_pdf(None, pack, assessment, profile, path=target) is None
    assert messages and messages[0][0] == "warning" and str(target) in messages[0][1]


def test_print_sends_the_pdf_pages_to_the_printer(tmp_path, pack, company, messages):
    """Printing to a PDF file shows what a printer gets: the report's own pages, all of them."""
    profile, assessment = company
    saved = report_actions.save_pdf(None, pack, assessment, profile, path=tmp_path / "r.pdf",
                                    lang="en")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(100)  # small page images keep the test quick
    assert report_actions.print_report(None, pack, assessment, profile, printer=printer,
                                       ask=False, lang="en")
    printed = pypdf.PdfReader(str(tmp_path / "printed.pdf"))
    original = pypdf.PdfReader(str(saved))
    assert len(printed.pages) == len(original.pages)
    # same paper size as the report (within a point)
    assert abs(float(printed.pages[0].mediabox.width) - float(original.pages[0].mediabox.width)) < 2
    assert messages == []


def test_print_a_page_range(tmp_path, pack, company):
    profile, assessment = company
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "p.pdf"))
    printer.setResolution(72)
    pdf = report_actions.save_pdf(None, pack, assessment, profile, path=tmp_path / "r.pdf")
    printer.setFromTo(2, 2)
    doc = pdf_pages.open_pdf(pdf)
    try:
        assert pdf_pages.paint_to_printer(doc, printer) == 1
    finally:
        doc.close()
    assert len(pypdf.PdfReader(str(tmp_path / "p.pdf")).pages) == 1


def test_preview_shows_every_page(qtbot, pack, company, messages):
    profile, assessment = company
    dialog = report_actions.preview_report(None, pack, assessment, profile, lang="en",
                                           modal=False)
    qtbot.addWidget(dialog)
    n = len(pypdf.PdfReader(str(dialog.pdf_path)).pages)
    assert len(dialog.page_labels) == n >= 2
    first = dialog.page_labels[0].pixmap()
    assert not first.isNull() and first.height() > first.width()  # a portrait page
    width = dialog.page_labels[0].width()
    dialog.step_zoom(+1)
    assert dialog.page_labels[0].width() > width
    path = dialog.pdf_path
    dialog.close()
    assert not path.exists()  # the temporary file goes with the dialog
    assert messages == []


def test_preview_save_copies_the_previewed_file(qtbot, tmp_path, monkeypatch, pack, company):
    profile, assessment = company
    dialog = report_actions.preview_report(None, pack, assessment, profile, modal=False)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a: (str(tmp_path / "copy.pdf"), ""))
    dialog.save_button.click()
    assert (tmp_path / "copy.pdf").read_bytes() == dialog.pdf_path.read_bytes()
    dialog.close()


def test_without_a_pdf_renderer_the_system_viewer_takes_over(monkeypatch, pack, company,
                                                            messages):
    profile, assessment = company
    opened: list[QUrl] = []
    monkeypatch.setattr(pdf_pages, "backend_name", lambda: None)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert report_actions.print_report(None, pack, assessment, profile, ask=False) is False
    assert messages and messages[0][0] == "information"
    assert opened and opened[0].toLocalFile().endswith(".pdf")
    assert Path(opened[0].toLocalFile()).exists()


def test_pdf_backend_is_named():
    assert pdf_pages.backend_name() in ("QtPdf", "pdfium")


def test_export_calendar_writes_an_icalendar_file(tmp_path, pack, messages):
    """One event per window of the next 12 months, on its closing day (or opening day when it
    has no closing date), estimated ones saying so in the title."""
    as_of = dt.date(2026, 3, 2)
    out = report_actions.export_calendar(None, pack, as_of, path=tmp_path / "d.ics", lang="ko")
    assert out == tmp_path / "d.ics"
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    events = list(cal.walk("VEVENT"))
    # a window whose only date is already past is named in the file's description, not an event
    entries = [e for e in calendar(pack, as_of, months=12) if (e.closes or e.opens or as_of) >= as_of
               and (e.closes or e.opens)]
    assert events and len(events) == len(entries)
    days = sorted(_day(ev.decoded("DTSTART")) for ev in events)
    assert days == sorted(e.closes or e.opens for e in entries)
    estimated = [ev for ev in events if "(추정)" in str(ev.get("SUMMARY"))]
    assert len(estimated) == sum(1 for e in entries if e.estimated)
    assert messages == []


def _day(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def test_export_calendar_through_the_file_dialog(tmp_path, monkeypatch, pack):
    asked = {}

    def fake_dialog(parent, title, suggested, filter_):
        asked["suggested"] = suggested
        return str(tmp_path / "mine"), filter_

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    out = report_actions.export_calendar(None, pack, dt.date(2026, 3, 2), audience="school")
    assert out == tmp_path / "mine.ics" and out.exists()
    assert Path(asked["suggested"]).name == "jiwon_deadlines_2026-03-02_school.ics"


def test_export_calendar_for_schools_only_lists_school_programs(tmp_path, pack):
    as_of = dt.date(2026, 3, 2)
    out = report_actions.export_calendar(None, pack, as_of, audience="school",
                                         path=tmp_path / "s.ics", lang="en")
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    school_names = {p.name.en for p in pack.programs.values() if "school" in p.audience}
    others = {p.name.en for p in pack.programs.values() if "school" not in p.audience}
    summaries = [str(ev.get("SUMMARY")) for ev in cal.walk("VEVENT")]
    assert summaries
    assert all(any(n in s for n in school_names) for s in summaries)
    assert not any(n in s for s in summaries for n in others if n not in school_names)


def test_file_names_are_safe():
    name = report_actions.suggested_name('A/B: "C" <D>', "2026-03-02", ".pdf")
    assert name == "A_B_ _C_ _D__2026-03-02.pdf"
    assert report_actions.suggested_name("", "x", ".ics") == "jiwon_x.ics"



def test_preview_follows_the_language_switch(qtbot, pack, company):
    from desktop.ui import i18n

    profile, assessment = company
    dialog = report_actions.preview_report(None, pack, assessment, profile, modal=False)
    qtbot.addWidget(dialog)
    n = len(dialog.page_labels)
    assert dialog.count_label.text() == f"{n} pages"
    i18n.set_language("ko", remember=False)
    qtbot.waitUntil(lambda: dialog.save_button.text() == "PDF 저장…")
    assert dialog.count_label.text() == f"{n}쪽"
    assert dialog.windowTitle() == "보고서 미리 보기"
    dialog.close()
