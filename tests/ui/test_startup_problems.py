"""When things go wrong at start or while working: broken rules, a damaged, locked or read-only
database, an unexpected error. The app still opens and says what happened, in words."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.paths import rules_dir, seeds_dir
from desktop.ui import app, errors


def launch(qtbot, tmp_path, **kw):
    window = app.launch(data_dir=tmp_path / "data", today=kw.pop("today", None), **kw)
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    return window


def test_broken_program_file_leaves_a_banner_and_the_others_load(qtbot, tmp_path, rule_pack):
    rules = tmp_path / "rules"
    shutil.copytree(rules_dir(), rules)
    shutil.copytree(seeds_dir(), tmp_path / "seeds")
    broken = rules / "programs" / "sme-ax.yaml"
    text = broken.read_text(encoding="utf-8")
    broken.write_text(text.replace("eligibility:", "eligibility: [unclosed\n  oops:", 1),
                      encoding="utf-8")

    w = launch(qtbot, tmp_path, rules=rules)

    assert w.rules_banner.isVisible()
    assert "sme-ax.yaml" in w.rules_banner.body.text()
    assert "sme-ax" not in w.pack.programs
    assert set(w.pack.programs) == set(rule_pack.programs) - {"sme-ax"}
    # the details name the line
    w.rules_banner.details_button.click()
    assert w.rules_banner.details.isVisible()
    assert "sme-ax.yaml:" in w.rules_banner.details.text()
    # and the app works with the rest
    w.start.new_profile("company", name="rest")
    assert w.current_page() == "wizard"
    assert "sme-ax" not in {p.id for p in w.session.assessment.programs}


def test_good_rules_show_no_banner(qtbot, tmp_path):
    w = launch(qtbot, tmp_path)
    assert not w.rules_banner.isVisible()
    assert not w.store_banner.isVisible()


def test_corrupt_database_is_set_aside_and_a_fresh_one_started(qtbot, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    db = data / "jiwon.db"
    db.write_bytes(b"this is not a database at all " * 200)

    w = launch(qtbot, tmp_path)

    moved = w.store.recovered_from
    assert moved is not None and moved.exists()
    assert moved.read_bytes().startswith(b"this is not a database"), "kept, not deleted"
    assert w.store_banner.isVisible()
    assert "damaged" in w.store_banner.title.text()
    assert str(moved) in w.store_banner.body.text()
    # the fresh database works
    pid = w.start.new_profile("school", name="new start")
    assert w.store.get_profile(pid).name == "new start"


def _lock(db):
    conn = sqlite3.connect(str(db), timeout=0.1)
    conn.execute("CREATE TABLE IF NOT EXISTS t (x)")
    conn.commit()
    conn.execute("BEGIN EXCLUSIVE")
    return conn


def test_locked_database_is_explained_and_can_be_retried(qtbot, tmp_path):
    from desktop.storage import open_store

    data = tmp_path / "data"
    data.mkdir()
    open_store(data / "jiwon.db").close()
    holder = _lock(data / "jiwon.db")
    seen = []

    def ask(err):
        seen.append((err.kind, err.message.en))
        holder.rollback()
        holder.close()
        return "retry"

    w = launch(qtbot, tmp_path, ask=ask)
    assert seen and seen[0][0] == "locked"
    assert "Another program" in seen[0][1]
    assert not w.store_banner.isVisible()
    assert w.store.path == data / "jiwon.db"


def test_work_without_saving_when_the_database_stays_locked(qtbot, tmp_path):
    from desktop.storage import open_store

    data = tmp_path / "data"
    data.mkdir()
    open_store(data / "jiwon.db").close()
    holder = _lock(data / "jiwon.db")
    try:
        w = launch(qtbot, tmp_path, ask=lambda err: "memory")
        assert w.store_banner.isVisible()
        assert "not being saved" in w.store_banner.title.text()
        assert "Another program" in w.store_banner.body.text()
        pid = w.start.new_profile("individual", name="in memory")
        assert w.current_page() == "wizard" and w.store.get_profile(pid)
    finally:
        holder.rollback()
        holder.close()


def test_quitting_at_the_storage_question_opens_nothing(qtbot, tmp_path):
    from desktop.storage import open_store

    data = tmp_path / "data"
    data.mkdir()
    open_store(data / "jiwon.db").close()
    holder = _lock(data / "jiwon.db")
    try:
        assert app.launch(data_dir=data.parent / "data", ask=lambda err: "quit") is None
    finally:
        holder.rollback()
        holder.close()


def _read_only(db, folder):
    """Makes the database unwritable and returns how to undo it. Permission bits do not bind
    root, so as root the file is made immutable (chattr +i) instead, which binds root too."""
    if os.geteuid() != 0:
        db.chmod(0o444)
        folder.chmod(0o555)
        return lambda: (folder.chmod(0o755), db.chmod(0o644))
    done = subprocess.run(["chattr", "+i", str(db)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot make a file read-only for root here: {done.stderr.decode()}")
    return lambda: subprocess.run(["chattr", "-i", str(db)], check=True)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_read_only_database_is_explained(qtbot, tmp_path):
    from desktop.storage import open_store

    data = tmp_path / "data"
    data.mkdir()
    open_store(data / "jiwon.db").close()
    undo = _read_only(data / "jiwon.db", data)
    seen = []
    try:
        w = launch(qtbot, tmp_path, ask=lambda err: seen.append(err) or "memory")
    finally:
        undo()
    assert seen and seen[0].kind == "readonly"
    assert w.store_banner.isVisible() and "not being saved" in w.store_banner.title.text()


def test_saving_failure_while_working_is_shown_not_raised(qtbot, main_window, open_profile,
                                                          monkeypatch):
    from driving import DONT, answer

    from desktop.storage import StorageError

    open_profile("company")
    w = main_window
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))

    def fail(*_a, **_k):
        raise StorageError("readonly", w.store.path)

    monkeypatch.setattr(w.store, "set_answer", fail)
    field = w.wizard.fields[w.wizard.question_ids[0]]
    answer(qtbot, field, DONT)
    assert w.save_banner.isVisible()
    assert "read-only" in w.save_banner.body.text()
    assert shown and "read-only" in shown[0]


def fill_to_the_last_page(store) -> None:
    """Make the database file full: no page may be added (SQLite's own SQLITE_FULL), and the
    pages there are hold no room for one more answer."""
    filler = store.create_profile("filler", "company")
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    from desktop.storage import StorageError

    with pytest.raises(StorageError):
        for i in range(10_000):
            store.set_answer(filler, f"f{i}", None)


def test_full_disk_while_answering_is_told_once(qtbot, main_window, open_profile, monkeypatch,
                                                caplog):
    from driving import DONT, answer, click_button

    w = main_window
    pid = open_profile("company")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    fill_to_the_last_page(w.store)
    with caplog.at_level(logging.WARNING, logger="jiwon.ui"):
        for qid in [q for q in w.wizard.question_ids if w.wizard.fields[q].isVisible()]:
            field = w.wizard.fields[qid]
            boxes = getattr(field, "boxes", [])
            for _value, box in boxes[:3]:  # each tick is one more answer to save
                click_button(qtbot, box)
            if not boxes:
                answer(qtbot, field, DONT)
    failures = [r for r in caplog.records if "storage problem" in r.getMessage()]
    assert len(failures) >= 2
    assert w.save_banner.isVisible()
    assert "disk space" in w.save_banner.body.text()
    assert len(shown) == 1, f"{len(shown)} dialogs for {len(failures)} failed saves"
    assert set(w.store.get_answers(pid)) == {"applicant_type"}  # nothing was saved, and said so


def test_unexpected_error_goes_to_the_log_and_the_user_is_told_what_to_do(qtbot, tmp_path,
                                                                        monkeypatch):
    log_path = errors.install(tmp_path / "jiwon.log")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(
        (box.text(), box.informativeText())) or 0)
    try:
        raise RuntimeError("the flux capacitor is empty")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = sys.__excepthook__
        for h in list(logging.getLogger("jiwon").handlers):
            h.flush()
    logged = log_path.read_text(encoding="utf-8")
    assert "Traceback" in logged and "flux capacitor" in logged
    assert shown, "the user is told"
    text, info = shown[0]
    assert str(log_path) in info and "Try again" in info
    # the Python message stays in the log: it says nothing to the user
    assert "flux capacitor" not in text + info and "RuntimeError" not in text + info
    assert "Traceback" not in text + info


def _quit_in_the_storage_dialog(qtbot, seen):
    def answer(dialog):
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.text())
        (quit_,) = [b for b in dialog.buttons() if b.text().replace("&", "") == "Quit"]
        qtbot.mouseClick(quit_, Qt.MouseButton.LeftButton)

    return answer


def test_a_folder_where_the_database_should_be_is_named_and_quitting_says_so(
        qtbot, tmp_path, when_modal, capsys):
    (tmp_path / "data" / "jiwon.db").mkdir(parents=True)
    seen: list[str] = []
    when_modal(_quit_in_the_storage_dialog(qtbot, seen))

    assert app.launch(data_dir=tmp_path / "data") is None

    (shown,) = seen
    assert "There is a folder where the saved-profiles file should be" in shown
    assert str(tmp_path / "data" / "jiwon.db") in shown
    assert "disk space" not in shown
    assert "There is a folder where the saved-profiles file should be" in capsys.readouterr().err
    assert (tmp_path / "data" / "jiwon.db").is_dir()


def test_jiwon_gui_exits_2_when_the_database_is_a_folder_and_the_user_quits(
        qtbot, tmp_path, when_modal, capsys, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() takes it over; put it back
    monkeypatch.setattr(errors.log, "handlers", [])
    (tmp_path / "data" / "jiwon.db").mkdir(parents=True)
    seen: list[str] = []
    when_modal(_quit_in_the_storage_dialog(qtbot, seen))

    code = app.run(["--data-dir", str(tmp_path / "data"), "--lang", "en"])

    assert code == 2
    assert seen and "folder" in seen[0]
    assert "There is a folder where the saved-profiles file should be" in capsys.readouterr().err
