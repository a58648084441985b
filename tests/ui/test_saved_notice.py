"""Saving a PDF or a calendar file says where it went, and its Open / Show in folder buttons work.

Driven as a user would: the toolbar's Save PDF button, the preview's Save button and the deadlines
page's export button are clicked, the file dialog answers with a path in tmp_path, and the
notice's own buttons are clicked. QDesktopServices.openUrl records the URL instead of starting a
viewer; the URL is checked against the file really written.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QToolButton

from desktop.ui import i18n, report_actions
from desktop.ui.report_actions import SavedNotice


@pytest.fixture
def opened(monkeypatch) -> list[QUrl]:
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(QUrl(url)) or True)
    return urls


def _answer_save_dialog(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def _notice(qtbot, parent) -> SavedNotice:
    qtbot.waitUntil(lambda: any(n.isVisible() for n in parent.findChildren(SavedNotice)),
                    timeout=5000)
    return next(n for n in parent.findChildren(SavedNotice) if n.isVisible())


def _click_toolbar(qtbot, window, action) -> None:
    button = window.toolbar.widgetForAction(action)
    assert isinstance(button, QToolButton) and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_save_pdf_from_the_toolbar_says_where_and_opens_the_file(
        qtbot, monkeypatch, tmp_path, main_window, open_profile, opened):
    open_profile("company", name="Hanbit Parts")
    _answer_save_dialog(monkeypatch, tmp_path / "out" / "hanbit")
    (tmp_path / "out").mkdir()
    _click_toolbar(qtbot, main_window, main_window.act_pdf)
    notice = _notice(qtbot, main_window)
    written = tmp_path / "out" / "hanbit.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert notice.windowTitle() == "PDF report saved"
    assert "hanbit.pdf" in notice.text()
    assert str(tmp_path / "out") in notice.informativeText()
    assert [b.text() for b in (notice.open_button, notice.folder_button)] == \
        ["&Open", "Show in &folder"]
    qtbot.mouseClick(notice.open_button, Qt.MouseButton.LeftButton)
    assert [Path(u.toLocalFile()) for u in opened] == [written]
    assert opened[0].isLocalFile()
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=2000)


def test_show_in_folder_opens_the_folder_of_the_calendar_file(qtbot, monkeypatch, tmp_path,
                                                             main_window, opened):
    main_window.act_deadlines.trigger()
    view = main_window.deadlines
    _answer_save_dialog(monkeypatch, tmp_path / "deadlines.ics")
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    notice = _notice(qtbot, view)
    assert (tmp_path / "deadlines.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert notice.windowTitle() == "Calendar file saved"
    assert "deadlines.ics" in notice.text()
    qtbot.mouseClick(notice.folder_button, Qt.MouseButton.LeftButton)
    assert [Path(u.toLocalFile()) for u in opened] == [tmp_path]


def test_close_opens_nothing(qtbot, monkeypatch, tmp_path, main_window, opened):
    main_window.act_deadlines.trigger()
    _answer_save_dialog(monkeypatch, tmp_path / "d.ics")
    qtbot.mouseClick(main_window.deadlines.export_button, Qt.MouseButton.LeftButton)
    notice = _notice(qtbot, main_window.deadlines)
    qtbot.mouseClick(notice.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=2000)
    assert opened == []


def test_saving_from_the_preview_confirms_too(qtbot, monkeypatch, tmp_path, rule_pack,
                                              main_window, open_profile, opened):
    open_profile("school", {"school_type": "specialized"}, name="Busan Tech")
    session = main_window.session
    dialog = report_actions.preview_report(main_window, rule_pack, session.assessment,
                                           session.profile(), modal=False)
    qtbot.addWidget(dialog)
    _answer_save_dialog(monkeypatch, tmp_path / "copy.pdf")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    notice = _notice(qtbot, dialog)
    assert (tmp_path / "copy.pdf").read_bytes() == dialog.pdf_path.read_bytes()
    qtbot.mouseClick(notice.open_button, Qt.MouseButton.LeftButton)
    assert [Path(u.toLocalFile()) for u in opened] == [tmp_path / "copy.pdf"]
    dialog.close()


def test_the_notice_speaks_korean(qtbot, monkeypatch, tmp_path, main_window, opened):
    i18n.set_language("ko", remember=False)
    main_window.act_deadlines.trigger()
    _answer_save_dialog(monkeypatch, tmp_path / "일정.ics")
    qtbot.mouseClick(main_window.deadlines.export_button, Qt.MouseButton.LeftButton)
    notice = _notice(qtbot, main_window.deadlines)
    assert notice.windowTitle() == "캘린더 파일 저장 완료"
    assert notice.text() == "캘린더 파일을 일정.ics 파일로 저장했습니다."
    assert notice.informativeText() == f"폴더: {tmp_path}"
    assert notice.open_button.text() == "열기(&O)"
    assert notice.folder_button.text() == "폴더 열기(&F)"
    assert notice.close_button.text() not in ("", "Close")  # Qt's own translation
    i18n.set_language("en", remember=False)
    qtbot.waitUntil(lambda: notice.windowTitle() == "Calendar file saved", timeout=2000)
    assert notice.folder_button.text() == "Show in &folder"


def test_a_path_given_by_the_caller_shows_no_notice(tmp_path, rule_pack, as_of):
    before = {id(w) for w in QApplication.topLevelWidgets() if isinstance(w, SavedNotice)}
    out = report_actions.export_calendar(None, rule_pack, as_of, path=tmp_path / "x.ics")
    assert out == tmp_path / "x.ics" and out.exists()
    after = {id(w) for w in QApplication.topLevelWidgets() if isinstance(w, SavedNotice)}
    assert after == before
