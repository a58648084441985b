"""A locked, read-only or damaged database gives a StorageError the UI can show; a damaged one is
kept aside and a fresh one started.

Read-only as root: root may write any file whatever its mode, so `chmod` alone proves nothing
when the tests run as root. Two techniques are used instead:
- the connection is opened with SQLite's `?mode=ro` URI, which is exactly what SQLite falls back to
  on its own when it meets a write-protected file (it opens it read-only without a word and fails
  on the first write);
- a real write-protected file and folder, checked from a child process that has dropped to the
  unprivileged `nobody` user (as root), or with `chmod` directly (as any other user).
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import re
import sqlite3
import stat
import tempfile
from pathlib import Path

import pytest

from desktop.storage import StorageError, open_store
from desktop.storage import database as database_module
from desktop.storage.database import set_aside

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NOBODY = 65534


def fill(path: Path) -> int:
    with open_store(path) as store:
        pid = store.create_profile("한빛", "company")
        store.set_answer(pid, "employees", 40)
        return pid


def assert_bilingual(error: StorageError, path: Path) -> None:
    assert error.message.ko and error.message.en
    assert str(path) in error.message.ko and str(path) in error.message.en
    assert error.message.ko != error.message.en


# ---------------------------------------------------------------- locked


@pytest.fixture
def exclusive_lock(db_path):
    """Another connection (another program) holding an exclusive lock on the file."""
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    yield other
    other.execute("ROLLBACK")
    other.close()


def test_locked_when_opening(db_path):
    fill(db_path)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError) as caught:
            open_store(db_path, timeout=0.1)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert caught.value.kind == "locked"
    assert "다른 프로그램" in caught.value.message.ko and "Another program" in caught.value.message.en
    assert_bilingual(caught.value, db_path)
    # Nothing was set aside: a locked file is not a damaged one.
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["jiwon.db"]
    with open_store(db_path) as store:
        assert store.get_answers(1) == {"applicant_type": "company", "employees": 40}


def test_locked_while_answering_then_saved_once_free(db_path):
    pid = fill(db_path)
    store = open_store(db_path, timeout=0.1)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    with pytest.raises(StorageError) as writing:
        store.set_answer(pid, "industry", "C25")
    with pytest.raises(StorageError) as reading:
        store.get_answers(pid)
    other.execute("ROLLBACK")
    other.close()
    assert writing.value.kind == reading.value.kind == "locked"
    store.set_answer(pid, "industry", "C25")
    assert store.get_answers(pid) == {"applicant_type": "company", "employees": 40,
                                      "industry": "C25"}
    store.close()


# ---------------------------------------------------------------- read-only


def test_readonly_connection(db_path, monkeypatch):
    pid = fill(db_path)

    def read_only(path, timeout):
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=timeout,
                               check_same_thread=False)

    monkeypatch.setattr(database_module, "connect", read_only)
    with pytest.raises(StorageError) as caught:
        open_store(db_path)
    assert caught.value.kind == "readonly"
    assert "읽기 전용" in caught.value.message.ko and "read-only" in caught.value.message.en
    assert_bilingual(caught.value, db_path)
    monkeypatch.undo()
    with open_store(db_path) as store:
        assert store.get_answers(pid) == {"applicant_type": "company", "employees": 40}


def _open_kind(path: Path) -> str:
    try:
        open_store(path, timeout=0.1).close()
    except StorageError as error:
        return error.kind
    return "opened"


def _as_nobody(path: Path) -> str:
    """`_open_kind` in a child process that has given up root (everything is imported already)."""
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        code = 0
        try:
            os.close(read_end)
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            result = _open_kind(path)
        except BaseException as error:  # report anything to the parent, never run its tests
            result = f"child failed: {error!r}"
            code = 1
        os.write(write_end, pickle.dumps(result))
        os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    os.waitpid(child, 0)
    return pickle.loads(data)


@pytest.fixture
def protected_folder(tmp_path):
    """A folder the test user can enter and read but not write: (folder, check function)."""
    if IS_ROOT:
        # pytest's tmp_path sits in a folder only root can enter: use one in /tmp instead.
        with tempfile.TemporaryDirectory(prefix="jiwon-ro-", dir="/tmp") as name:
            folder = Path(name)
            folder.chmod(0o755)
            yield folder, _as_nobody
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        yield folder, _open_kind
        for path in [folder, *folder.iterdir()]:
            path.chmod(stat.S_IRWXU)


def _protect(folder: Path) -> None:
    for path in folder.iterdir():
        path.chmod(0o444)
    folder.chmod(0o555)


def test_readonly_file(protected_folder):
    folder, open_kind = protected_folder
    path = folder / "jiwon.db"
    fill(path)
    before = path.read_bytes()
    _protect(folder)
    assert open_kind(path) == "readonly"
    assert path.read_bytes() == before


def test_readonly_folder_with_no_file_yet(protected_folder):
    folder, open_kind = protected_folder
    _protect(folder)
    assert open_kind(folder / "jiwon.db") == "readonly"
    assert list(folder.iterdir()) == []


def test_damaged_file_in_a_readonly_folder_is_reported_not_moved(protected_folder):
    folder, open_kind = protected_folder
    path = folder / "jiwon.db"
    path.write_bytes(b"\x00garbage" * 100)
    _protect(folder)
    assert open_kind(path) == "corrupt"
    assert sorted(p.name for p in folder.iterdir()) == ["jiwon.db"]


# ---------------------------------------------------------------- corrupt

SET_ASIDE = re.compile(r"jiwon\.db\.corrupt-\d{8}-\d{6}")


def test_garbage_file_is_set_aside_and_a_fresh_one_started(db_path):
    garbage = os.urandom(64) + b"this is not a database" * 200
    db_path.write_bytes(garbage)
    with open_store(db_path) as store:
        moved = store.recovered_from
        assert moved is not None and SET_ASIDE.fullmatch(moved.name)
        assert moved.parent == db_path.parent
        assert moved.read_bytes() == garbage  # kept exactly, never deleted
        assert store.schema_version == 6
        assert store.list_profiles() == []
        pid = store.create_profile("새 프로필", "school")
        store.set_answer(pid, "students", 300)
    with open_store(db_path) as again:
        assert again.recovered_from is None
        assert again.get_answers(pid) == {"applicant_type": "school", "students": 300}
    assert sorted(p.name for p in db_path.parent.iterdir()) == sorted(["jiwon.db", moved.name])


def test_malformed_database_is_set_aside(db_path):
    with open_store(db_path) as store:
        for n in range(30):
            pid = store.create_profile(f"p{n}", "company")
            store.set_answers(pid, {f"q{i}": "값" * 100 for i in range(20)})
    data = bytearray(db_path.read_bytes())
    page = 4096
    assert len(data) > 10 * page
    for offset in range(2 * page, len(data), 3 * page):  # keep the header, damage pages
        data[offset:offset + page] = bytes((offset + i) * 7 % 251 for i in range(page))
    db_path.write_bytes(bytes(data))
    with open_store(db_path) as store:
        assert store.recovered_from is not None
        assert store.recovered_from.read_bytes() == bytes(data)
        assert store.list_profiles() == []


def test_companion_files_go_aside_with_their_database(tmp_path):
    """Whatever `-journal`/`-wal`/`-shm` file is still there belongs to the damaged file.

    (Through open_store SQLite itself deals with them first: it plays a valid journal back and
    deletes an invalid one, and on close it deletes a WAL pair it could not use.)
    """
    path = tmp_path / "jiwon.db"
    path.write_bytes(b"damaged")
    for suffix in ("-journal", "-wal", "-shm"):
        path.with_name("jiwon.db" + suffix).write_bytes(suffix.encode())
    moved = set_aside(path, dt.datetime(2025, 3, 1, 14, 30, 5))
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {
        "jiwon.db.corrupt-20250301-143005": b"damaged",
        "jiwon.db.corrupt-20250301-143005-journal": b"-journal",
        "jiwon.db.corrupt-20250301-143005-wal": b"-wal",
        "jiwon.db.corrupt-20250301-143005-shm": b"-shm",
    }
    assert moved == tmp_path / "jiwon.db.corrupt-20250301-143005"


def test_set_aside_twice_in_the_same_second(tmp_path):
    now = dt.datetime(2025, 3, 1, 14, 30, 5)
    first = tmp_path / "jiwon.db"
    first.write_bytes(b"one")
    assert set_aside(first, now).name == "jiwon.db.corrupt-20250301-143005"
    first.write_bytes(b"two")
    assert set_aside(first, now).name == "jiwon.db.corrupt-20250301-143005-2"
    assert sorted(p.read_bytes() for p in tmp_path.iterdir()) == [b"one", b"two"]


# ---------------------------------------------------------------- other


def test_a_folder_where_the_file_should_be(db_path):
    db_path.mkdir()
    with pytest.raises(StorageError) as caught:
        open_store(db_path)
    assert caught.value.kind == "folder"
    assert_bilingual(caught.value, db_path)
    assert "There is a folder where the saved-profiles file should be" in caught.value.message.en
    assert "폴더가 있어" in caught.value.message.ko
    assert "disk space" not in caught.value.message.en
    assert db_path.is_dir()


def test_default_location_is_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with open_store() as store:
        assert store.path == tmp_path / "data" / "Jiwon" / "jiwon.db"
        store.create_profile("A", "individual")
    assert (tmp_path / "data" / "Jiwon" / "jiwon.db").is_file()


def test_memory_store_for_carrying_on_without_the_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with open_store(":memory:") as store:
        assert store.schema_version == 6 and store.recovered_from is None
        pid = store.create_profile("임시", "company", {"employees": 3})
        assert store.get_answers(pid) == {"applicant_type": "company", "employees": 3}
    assert list(tmp_path.iterdir()) == []  # no file appeared anywhere


def test_every_write_is_committed_when_the_call_returns(store):
    """No transaction is left open: another connection sees each change at once."""
    pid = store.create_profile("A", "company")
    other = sqlite3.connect(store.path)
    for question_id, value in [("employees", 3), ("industry", "C25"), ("founded", None)]:
        store.set_answer(pid, question_id, value)
        assert not store.db.conn.in_transaction
        assert other.execute(
            "SELECT kind, value FROM answers WHERE question_id = ?", [question_id]
        ).fetchall() != []
    other.close()
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
