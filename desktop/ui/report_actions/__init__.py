"""What the app's "Save PDF…", "Print…", "Preview" and "Export to calendar…" buttons do.

Each action asks for what it needs (a file name, a printer), hands the work to desktop/report,
and tells the user in a message box when something fails; none of them raises into the caller.
Every action takes the things a dialog would ask for as optional arguments (`path=`,
`printer=`, `ask=False`), so the main window passes nothing and tests pass everything. A file
saved where the user chose ends with a notice of where it went (Open, Show in folder); `confirm=`
says whether to show it, by default only when the file dialog was used.

ReportLab and the engine's calendar are imported when an action runs, not when the app starts:
most sessions never print, and start-up time matters more.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from desktop.atomic_write import write_atomic
from desktop.ui import errors
from desktop.ui.report_actions import pages as pdf_pages
from desktop.ui.report_actions.preview import PreviewDialog
from desktop.ui.report_actions.saved import SavedNotice, confirm_saved

__all__ = ["save_pdf", "print_report", "preview_report", "export_calendar", "PreviewDialog",
           "SavedNotice"]

_last_dir: str | None = None
translate = QCoreApplication.translate  # lupdate reads translate("ReportActions", "...") calls


def _lang(lang: str | None) -> str:
    if lang:
        return lang
    from desktop.ui.i18n import current_lang

    return current_lang()


# ---------------------------------------------------------------- file names


def suggested_name(name: str | None, stem: str, suffix: str) -> str:
    """A file name from the profile's name that every file system accepts."""
    base = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", (name or "").strip()).strip(" .")[:60]
    return f"{base}_{stem}{suffix}" if base else f"jiwon_{stem}{suffix}"


def _ask_save_path(parent: QWidget | None, title: str, file_name: str, filter_: str,
                   suffix: str) -> Path | None:
    global _last_dir
    folder = _last_dir or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / file_name), filter_)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    _last_dir = str(path.parent)
    return path


def _fail(parent: QWidget | None, title: str, what: str, err: BaseException) -> None:
    errors.show_problem(parent, title, what, err)


class _Busy:
    """A wait cursor while ReportLab works (a long report takes a moment)."""

    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: Any) -> None:
        QGuiApplication.restoreOverrideCursor()


# ---------------------------------------------------------------- PDF


def _write(pack, assessment, profile, out: Path, lang: str, changes=None) -> None:
    from desktop.report.pdf import write_report

    with _Busy():
        write_report(assessment, profile, pack, out, lang, changes=changes)


def _report_stem(assessment) -> str:
    return f"{assessment.as_of.isoformat()}"


def save_pdf(parent: QWidget | None, pack, assessment, profile, path: Path | str | None = None,
             lang: str | None = None, confirm: bool | None = None,
             changes=None) -> Path | None:
    """Writes the PDF report where the user chooses (or to `path`); `changes` (the engine's
    ProfileChanges since the last check) gets a page of its own.

    Returns the file written, or None when the user cancelled or writing failed (then a message
    box said why)."""
    title = translate("ReportActions", "Save PDF report")
    confirm = path is None if confirm is None else confirm
    if path is None:
        path = _ask_save_path(parent, title,
                              suggested_name(getattr(profile, "name", None),
                                             _report_stem(assessment), ".pdf"),
                              translate("ReportActions", "PDF files (*.pdf)"), ".pdf")
        if path is None:
            return None
    path = Path(path)
    try:
        _write(pack, assessment, profile, path, _lang(lang), changes)
    except Exception as err:  # noqa: BLE001 - any failure becomes a message, never a traceback
        what = translate("ReportActions", "The report could not be saved to %1.")
        _fail(parent, title, what.replace("%1", str(path)), err)
        return None
    if confirm:
        confirm_saved(parent, path, "pdf")
    return path


def _copy_pdf(parent: QWidget | None, source: Path, file_name: str,
              path: Path | str | None = None, confirm: bool | None = None) -> Path | None:
    """Saves a copy of an already written PDF (the one shown in the preview)."""
    title = translate("ReportActions", "Save PDF report")
    confirm = path is None if confirm is None else confirm
    if path is None:
        path = _ask_save_path(parent, title, file_name,
                              translate("ReportActions", "PDF files (*.pdf)"), ".pdf")
        if path is None:
            return None
    path = Path(path)
    try:
        write_atomic(path, Path(source).read_bytes())
    except OSError as err:
        what = translate("ReportActions", "The report could not be saved to %1.")
        _fail(parent, title, what.replace("%1", str(path)), err)
        return None
    if confirm:
        confirm_saved(parent, path, "pdf")
    return path


def _no_renderer(parent: QWidget | None, pdf: Path) -> None:
    """Without QtPdf or PDFium the pages cannot be drawn: the system's PDF viewer takes over."""
    QMessageBox.information(
        parent,
        translate("ReportActions", "PDF viewer needed"),
        translate("ReportActions",
                  "This installation cannot draw PDF pages itself (neither Qt PDF nor PDFium is "
                  "installed). The report opens in your PDF viewer instead; print it from there."),
    )
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf)))


def print_pdf_file(parent: QWidget | None, pdf: Path, doc_name: str,
                   printer: QPrinter | None = None, ask: bool = True) -> bool:
    """Prints the pages of an existing PDF; True when pages were sent to the printer."""
    title = translate("ReportActions", "Print report")
    try:
        doc = pdf_pages.open_pdf(pdf)
    except Exception as err:  # noqa: BLE001
        _fail(parent, title,
              translate("ReportActions", "The report could not be read for printing."), err)
        return False
    if doc is None:
        _no_renderer(parent, _keep(pdf))
        return False
    try:
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(doc_name)
        first = doc.page_size(0) if doc.page_count() else None
        if first is not None:
            printer.setPageSize(QPageSize(first, QPageSize.Unit.Point, "",
                                          QPageSize.SizeMatchPolicy.FuzzyMatch))
        printer.setFromTo(0, 0)
        if ask:
            dialog = QPrintDialog(printer, parent)
            dialog.setWindowTitle(title)
            dialog.setMinMax(1, max(1, doc.page_count()))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        with _Busy():
            printed = pdf_pages.paint_to_printer(doc, printer)
        return printed > 0
    except Exception as err:  # noqa: BLE001
        _fail(parent, title, translate("ReportActions", "The report could not be printed."), err)
        return False
    finally:
        doc.close()


def _keep(pdf: Path) -> Path:
    """A copy of a temporary PDF that outlives this call (for the system viewer to open)."""
    keep_dir = Path(tempfile.mkdtemp(prefix="jiwon-report-"))
    target = keep_dir / pdf.name
    shutil.copyfile(pdf, target)
    return target


def print_report(parent: QWidget | None, pack, assessment, profile,
                 printer: QPrinter | None = None, ask: bool = True,
                 lang: str | None = None) -> bool:
    """Prints the report: the pages of the PDF that "Save PDF…" would write.

    With `ask=False` the print dialog is skipped and `printer` (e.g. one set to write a PDF
    file) is used as it is.
    """
    with tempfile.TemporaryDirectory(prefix="jiwon-print-") as tmp:
        pdf = Path(tmp) / suggested_name(getattr(profile, "name", None),
                                         _report_stem(assessment), ".pdf")
        try:
            _write(pack, assessment, profile, pdf, _lang(lang))
        except Exception as err:  # noqa: BLE001
            _fail(parent, translate("ReportActions", "Print report"),
                  translate("ReportActions", "The report could not be made."), err)
            return False
        return print_pdf_file(parent, pdf, pdf.stem, printer=printer, ask=ask)


def preview_report(parent: QWidget | None, pack, assessment, profile, lang: str | None = None,
                   modal: bool = True) -> PreviewDialog | None:
    """Shows the report's pages in a dialog with Save PDF… and Print… buttons.

    With `modal=False` the dialog is shown and returned at once (tests, non-blocking use);
    otherwise this returns after the user closed it. None when the report could not be made
    or no renderer is installed (then the system's PDF viewer opens it).
    """
    title = translate("ReportActions", "Report preview")
    tmp = tempfile.TemporaryDirectory(prefix="jiwon-preview-")
    name = suggested_name(getattr(profile, "name", None), _report_stem(assessment), ".pdf")
    pdf = Path(tmp.name) / name
    try:
        _write(pack, assessment, profile, pdf, _lang(lang))
        doc = pdf_pages.open_pdf(pdf)
    except Exception as err:  # noqa: BLE001
        tmp.cleanup()
        _fail(parent, title, translate("ReportActions", "The report could not be made."), err)
        return None
    if doc is None:
        _no_renderer(parent, _keep(pdf))
        tmp.cleanup()
        return None
    dialog = PreviewDialog(
        parent, pdf, doc,
        on_save=lambda owner, src: _copy_pdf(owner, src, name),
        on_print=lambda owner, src: print_pdf_file(owner, src, pdf.stem),
        cleanup=tmp.cleanup,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if modal:
        dialog.exec()
    else:
        dialog.show()
    return dialog


# ---------------------------------------------------------------- calendar


def export_calendar(parent: QWidget | None, pack, as_of, audience: str | None = None,
                    path: Path | str | None = None, lang: str | None = None,
                    months: int = 12, confirm: bool | None = None,
                    programs=None) -> Path | None:
    """Writes an iCalendar file of every window in the next `months` (for `audience`, if given;
    of the `programs` given, e.g. the watch list, if any)."""
    from desktop.engine import calendar
    from desktop.engine.explain import left_out
    from desktop.report.ics import calendar_bytes

    title = translate("ReportActions", "Export to calendar")
    confirm = path is None if confirm is None else confirm
    entries = calendar(pack, as_of, months=months, audience=audience, programs=programs)
    if not entries:
        QMessageBox.information(parent, title, translate(
            "ReportActions", "No application window opens or closes in the next %n months, so "
            "there is nothing to export.", None, months))
        return None
    if path is None:
        stem = (f"deadlines_{as_of.isoformat()}" + (f"_{audience}" if audience else "")
                + ("_watched" if programs is not None else ""))
        path = _ask_save_path(parent, title, f"jiwon_{stem}.ics",
                              translate("ReportActions", "Calendar files (*.ics)"), ".ics")
        if path is None:
            return None
    path = Path(path)
    try:
        others = left_out(pack.programs.values(), audience)
        write_atomic(path, calendar_bytes(entries, _lang(lang), as_of=as_of, left_out=others))
    except Exception as err:  # noqa: BLE001
        what = translate("ReportActions", "The calendar file could not be saved to %1.")
        _fail(parent, title, what.replace("%1", str(path)), err)
        return None
    if confirm:
        confirm_saved(parent, path, "calendar")
    return path
