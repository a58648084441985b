"""Two writers on one file: an answer acknowledged as saved is in the file, whoever else writes.

Another Jiwon window, or another program, may hold the write lock at the moment an answer is
saved. The store must then wait (the busy timeout) and save, or refuse with a 'locked'
StorageError; it must never return normally without saving, and a refusal must not spoil the
answers that come after it.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
from pathlib import Path

import pytest

from desktop.storage import StorageError, open_store

sys.path.insert(0, str(Path(__file__).parent))
from two_writers import race  # noqa: E402


@pytest.fixture
def writer_lock(db_path):
    """Another connection that takes the write lock (BEGIN IMMEDIATE) and lets go when told."""
    other = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)

    class Lock:
        def take(self) -> None:
            other.execute("BEGIN IMMEDIATE")

        def release(self) -> None:
            if other.in_transaction:
                other.execute("ROLLBACK")

    lock = Lock()
    yield lock
    lock.release()
    other.close()


def test_answer_refused_under_a_writer_lock_then_the_next_ones_are_saved(db_path, writer_lock):
    with open_store(db_path) as setup:
        pid = setup.create_profile("한빛정밀", "company")
    store = open_store(db_path, timeout=0.2)
    writer_lock.take()
    with pytest.raises(StorageError) as refused:
        store.set_answer(pid, "tax_arrears", False)
    assert refused.value.kind == "locked"
    writer_lock.release()
    store.set_answer(pid, "full_time_workers", 42)
    store.set_answers(pid, {"industry": "C25", "tax_arrears": True})
    store.close()
    with open_store(db_path) as reopened:
        assert reopened.get_answers(pid) == {
            "applicant_type": "company", "full_time_workers": 42, "industry": "C25",
            "tax_arrears": True,
        }


def test_answer_waits_for_a_writer_lock_that_is_let_go(db_path, writer_lock):
    """A lock held for less than the busy timeout costs a wait, not an error."""
    with open_store(db_path) as setup:
        pid = setup.create_profile("한빛정밀", "company")
    store = open_store(db_path, timeout=5.0)
    writer_lock.take()
    letting_go = threading.Timer(0.3, writer_lock.release)
    letting_go.start()
    try:
        store.set_answer(pid, "tax_arrears", False)  # the first write on this connection
        store.set_answer(pid, "full_time_workers", 42)
    finally:
        letting_go.join()
    store.close()
    with open_store(db_path) as reopened:
        assert reopened.get_answers(pid) == {
            "applicant_type": "company", "tax_arrears": False, "full_time_workers": 42,
        }


def test_a_new_profile_under_a_writer_lock_is_refused_whole(db_path, writer_lock):
    store = open_store(db_path, timeout=0.2)
    writer_lock.take()
    with pytest.raises(StorageError) as refused:
        store.create_profile("한빛정밀", "company", {"tax_arrears": False})
    assert refused.value.kind == "locked"
    writer_lock.release()
    assert store.list_profiles() == []
    pid = store.create_profile("한빛정밀", "company", {"tax_arrears": False})
    assert store.get_answers(pid) == {"applicant_type": "company", "tax_arrears": False}
    store.close()


@pytest.mark.parametrize("run", range(3))
def test_two_writer_processes_lose_no_acknowledged_answer(db_path, run):
    with open_store(db_path):
        pass  # the file exists and is migrated before the writers race
    count = 100
    runs = race(db_path, count)
    assert [r.returncode for r in runs] == [0, 0]

    with open_store(db_path) as store:
        for run_ in runs:
            saved, refused = run_.saved, run_.refused
            assert run_.finished
            assert len(saved) + len(refused) == count
            answers = store.get_answers(run_.profile_id)
            missing = [i for i in saved if answers.get(f"q{i}") != i]
            assert missing == [], f"{len(missing)} of {len(saved)} acknowledged answers lost"
            # A writer that answers without pause can keep the other waiting past the busy
            # timeout (SQLite's waiting is not first come, first served): that answer is refused
            # as 'locked', which the user is told, and it is not in the file.
            assert all(kind == "locked" for _, kind in refused)
            assert [i for i, _ in refused if f"q{i}" in answers] == []
            assert set(answers) == {"applicant_type"} | {f"q{i}" for i in saved}
