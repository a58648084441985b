"""Answers and the wizard's place survive closing the window; a new window on the file resumes."""

from __future__ import annotations

from driving import DONT, answer, click_next, type_into
from PySide6.QtCore import QCoreApplication, QEvent

from desktop.storage import open_store
from desktop.ui import settings
from desktop.ui.main_window import MainWindow


def _gone(window):
    """Closed and deleted before its store closes: a window left alive would read the closed
    store when a later test switches the language."""
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_answers_and_position_survive_a_restart(qtbot, rule_pack, db_path, as_of):
    store = open_store(db_path)
    w = MainWindow(rule_pack, store, as_of=as_of)
    w.show()
    pid = w.start.new_profile("company", name="재시작 테스트")
    # first page: answer everything; second page: answer one and leave
    for qid in list(w.wizard.question_ids):
        f = w.wizard.fields.get(qid)
        if f is not None and not f.is_answered:
            answer(qtbot, f, DONT)
    click_next(qtbot, w)
    topic = w.wizard.topic
    first_open = next(q for q in w.wizard.question_ids if not w.wizard.fields[q].is_answered)
    field = w.wizard.fields[first_open]
    if field.question.type == "amount":
        type_into(qtbot, field, "77억")
    else:
        answer(qtbot, field, DONT)
    given = dict(store.get_answers(pid))
    # no explicit save, no clean shut-down of the store: just drop the window and the connection
    _gone(w)
    store.close()

    store2 = open_store(db_path)
    w2 = MainWindow(rule_pack, store2, as_of=as_of)
    w2.show()
    assert settings.get(settings.LAST_PROFILE) == pid
    assert w2.start.selected_id() == pid, "the last profile is selected on the start page"
    w2.start.open_selected()
    assert w2.current_page() == "wizard"
    assert w2.wizard.topic == topic, "resumes on the page the user was on"
    assert w2.session.answers == given
    shown = w2.wizard.fields[first_open]
    assert shown.is_answered and shown.value == given[first_open]
    # Back still leads to the first page, with its answers
    w2.wizard.go_back()
    assert all(w2.wizard.fields[q].is_answered for q in w2.wizard.question_ids)
    _gone(w2)
    store2.close()


def test_finished_profile_reopens_on_its_results(qtbot, rule_pack, db_path, as_of):
    from driving import walk

    store = open_store(db_path)
    w = MainWindow(rule_pack, store, as_of=as_of)
    w.show()
    pid = w.start.new_profile("individual", name="끝까지")
    walk(qtbot, w, {})
    assert w.current_page() == "results"
    _gone(w)
    store.close()

    store2 = open_store(db_path)
    w2 = MainWindow(rule_pack, store2, as_of=as_of)
    assert w2.open_profile(pid)
    assert w2.current_page() == "results"
    _gone(w2)
    store2.close()


def test_window_geometry_is_remembered(qtbot, rule_pack, store, as_of):
    w = MainWindow(rule_pack, store, as_of=as_of)
    w.show()
    w.resize(640, 480)  # the offscreen screen is small: stay inside it
    _gone(w)
    w2 = MainWindow(rule_pack, store, as_of=as_of)
    assert (w2.width(), w2.height()) == (640, 480)
    _gone(w2)
