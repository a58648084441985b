"""Every button of the start page, clicked with the mouse as a user clicks it.

A button's `clicked(bool)` signal hands its slot an argument the keyboard shortcut does not: a slot
with a parameter of its own then gets `False` (once that meant "delete without asking", and "rename
to False"). So these tests click the widget itself, never call the slot.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QApplication, QDialogButtonBox, QFileDialog, QInputDialog,
                               QLineEdit, QMessageBox)

from desktop.ui.new_profile_dialog import NewProfileDialog
from desktop.ui.trash_dialog import TrashDialog

LEFT = Qt.MouseButton.LeftButton


def on_next_dialog(callback, tries: int = 200):
    """Run `callback(dialog)` on the next modal dialog once it is shown (polls at most `tries`
    times, so a test that never opens one leaves no timer behind)."""
    seen = []

    def poll(left=tries):
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            seen.append(dialog)
            callback(dialog)
        elif left:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)
    return seen


def click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, LEFT)
    QApplication.processEvents()


def destructive(box: QMessageBox):
    return next(b for b in box.buttons()
                if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)


def rows(start) -> list[str]:
    return [start.tree.topLevelItem(i).text(0) for i in range(start.tree.topLevelItemCount())]


def test_delete_button_asks_and_cancel_keeps_the_profile(qtbot, main_window, store):
    pid = store.create_profile("㈜한빛정밀", "company", {"full_time_workers": 12})
    start = main_window.start
    start.refresh(select=pid)
    asked = on_next_dialog(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    click(qtbot, start.delete_button)
    assert asked and "㈜한빛정밀" in asked[0].text()
    assert [p.id for p in store.list_profiles()] == [pid]
    assert not start.undo_banner.isVisible()


def test_delete_button_then_undo_brings_the_profile_back_with_its_answers(qtbot, main_window,
                                                                          store):
    keep = store.create_profile("남길 학교", "school", {})
    pid = store.create_profile("㈜한빛정밀", "company", {"full_time_workers": 12})
    start = main_window.start
    start.refresh(select=pid)
    asked = on_next_dialog(lambda box: destructive(box).click())
    click(qtbot, start.delete_button)
    assert asked, "deleting asks first"
    assert "30 days" in asked[0].informativeText()
    assert [p.id for p in store.list_profiles()] == [keep]
    assert rows(start) == ["남길 학교"]
    assert start.undo_banner.isVisible()
    assert "㈜한빛정밀" in start.undo_banner.title.text()

    click(qtbot, start.undo_banner.action_button)
    assert sorted(p.id for p in store.list_profiles()) == sorted([keep, pid])
    assert store.get_answers(pid) == {"applicant_type": "company", "full_time_workers": 12}
    assert start.selected_id() == pid
    assert not start.undo_banner.isVisible()


def test_delete_key_asks_too(qtbot, main_window, store):
    pid = store.create_profile("키보드", "individual", {})
    start = main_window.start
    start.refresh(select=pid)
    start.tree.setFocus()
    asked = on_next_dialog(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    qtbot.keyClick(start.tree, Qt.Key.Key_Delete)
    assert asked
    assert [p.id for p in store.list_profiles()] == [pid]


def test_deleted_profiles_button_restores_from_the_trash(qtbot, main_window, store):
    pid = store.create_profile("지난달 고객", "company", {"full_time_workers": 3})
    store.trash_profile(pid)  # deleted in an earlier session: no Undo on the page any more
    start = main_window.start
    start.refresh()
    assert rows(start) == []

    def restore(dialog):
        assert isinstance(dialog, TrashDialog)
        assert dialog.tree.topLevelItem(0).text(0) == "지난달 고객"
        assert "30" in dialog.tree.topLevelItem(0).text(2)
        qtbot.mouseClick(dialog.restore_button, LEFT)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Close).click()

    shown = on_next_dialog(restore)
    click(qtbot, start.trash_button)
    assert shown
    assert rows(start) == ["지난달 고객"]
    assert store.get_answers(pid)["full_time_workers"] == 3


def test_rename_button_renames(qtbot, main_window, store, monkeypatch):
    pid = store.create_profile("원래 이름", "company", {})
    start = main_window.start
    start.refresh(select=pid)

    def type_name(dialog):
        assert isinstance(dialog, QInputDialog)
        dialog.findChild(QLineEdit).setText("새 이름")
        dialog.accept()

    shown = on_next_dialog(type_name)
    click(qtbot, start.rename_button)
    assert shown
    assert store.get_profile(pid).name == "새 이름"
    assert rows(start) == ["새 이름"]


def test_duplicate_and_open_buttons(qtbot, main_window, store):
    pid = store.create_profile("원본", "school", {"region": "busan"})
    start = main_window.start
    start.refresh(select=pid)
    click(qtbot, start.duplicate_button)
    copies = [p for p in store.list_profiles() if p.id != pid]
    assert len(copies) == 1 and store.get_answers(copies[0].id)["region"] == "busan"
    assert start.selected_id() == copies[0].id

    start.select(pid)
    click(qtbot, start.open_button)
    assert main_window.current_page() == "wizard"
    assert main_window.session.profile_id == pid


def test_new_profile_buttons_each_open_the_dialog_for_their_kind(qtbot, main_window, store):
    start = main_window.start
    for kind in ("company", "school", "individual"):
        main_window.show_page("start")

        def accept(dialog, kind=kind):
            assert isinstance(dialog, NewProfileDialog) and dialog.applicant_type() == kind
            dialog.name_edit.setText(f"new {kind}")
            dialog.accept()

        shown = on_next_dialog(accept)
        click(qtbot, start.new_buttons[kind])
        assert shown
        assert main_window.current_page() == "wizard"
        assert main_window.session.applicant_type == kind
    assert sorted(p.name for p in store.list_profiles()) == ["new company", "new individual",
                                                              "new school"]


def test_export_and_import_buttons(qtbot, main_window, store, tmp_path, monkeypatch):
    pid = store.create_profile("내보낼 기업", "company", {"full_time_workers": 40})
    start = main_window.start
    start.refresh(select=pid)
    target = tmp_path / "hanbit.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    click(qtbot, start.export_button)
    assert target.exists()

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    click(qtbot, start.import_button)
    imported = [p for p in store.list_profiles() if p.id != pid]
    assert len(imported) == 1 and store.get_answers(imported[0].id)["full_time_workers"] == 40


def test_sorting_by_a_column_stays_while_profiles_change(qtbot, main_window, store):
    b = store.create_profile("나중", "company", {})
    a = store.create_profile("가장", "school", {})
    start = main_window.start
    start.refresh()
    assert rows(start) == ["가장", "나중"]  # by name at first
    store.set_answer(b, "full_time_workers", 5)  # "나중" is now the most recently changed
    start.refresh()
    assert rows(start) == ["가장", "나중"]  # the order does not move under the user
    header = start.tree.header()
    x = header.sectionViewportPosition(1) + 5
    qtbot.mouseClick(header.viewport(), LEFT, pos=header.viewport().rect().center().__class__(
        x, header.height() // 2))
    assert start.tree.sortColumn() == 1
    assert rows(start) == ["나중", "가장"]  # Company before School
    start.refresh()
    assert rows(start) == ["나중", "가장"]
    assert a and b
