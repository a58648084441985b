"""Migrations: applied once and in order, each in a transaction, and old files brought up to date."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from desktop.storage import MIGRATIONS, SCHEMA_VERSION, StorageError, migrations, open_store

FIXTURES = Path(__file__).parent / "fixtures"
NAMES = ["m001_initial", "m002_profile_position", "m003_assessments_by_profile",
         "m004_changes_and_watch_list", "m005_profile_trash", "m006_program_facts"]


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_a_new_file_gets_every_step(db_path):
    with open_store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS) == 6
        assert [row["name"] for row in store.db["_migrations"].rows] == NAMES
        assert set(store.db.table_names()) == {"_migrations", "profiles", "answers", "assessments", "watched_programs"}
        assert store.db["profiles"].columns_dict == {
            "id": int, "name": str, "applicant_type": str, "created": str, "updated": str,
            "position": str, "trashed": str,
        }
        assert [ix.columns for ix in store.db["assessments"].indexes] == [["profile_id", "id"]]
    assert user_version(db_path) == 6


def test_running_again_does_nothing(db_path):
    open_store(db_path).close()
    db = Database(db_path)
    schema = db.schema
    applied = list(db["_migrations"].rows)
    assert migrations.migrate(db) == []
    # Each step also guards itself, should its record ever be missing.
    for step in MIGRATIONS:
        with db.atomic():
            step(db)
    assert db.schema == schema
    assert list(db["_migrations"].rows) == applied
    db.close()


@pytest.mark.parametrize("upto", [1, 2])
def test_a_file_from_an_older_step_set_is_upgraded(db_path, upto):
    db = Database(db_path)
    assert migrations.migrate(db, upto=upto) == NAMES[:upto]
    assert migrations.schema_version(db) == upto
    db.close()
    with open_store(db_path) as store:
        assert store.schema_version == 6
        assert [row["name"] for row in store.db["_migrations"].rows] == NAMES
        fresh = Database(db_path.with_name("fresh.db"))
        migrations.migrate(fresh)
        assert store.db.schema == fresh.schema
        fresh.close()


def test_the_version_1_fixture_is_upgraded_with_nothing_lost(db_path):
    conn = sqlite3.connect(db_path)
    conn.executescript((FIXTURES / "jiwon-v1.sql").read_text(encoding="utf-8"))
    conn.close()
    assert user_version(db_path) == 1

    with open_store(db_path) as store:
        assert store.recovered_from is None
        assert store.schema_version == 6
        rows = list(store.db["_migrations"].rows)
        assert rows[0] == {"name": "m001_initial", "applied": "2025-01-10T08:00:00.000000+00:00"}
        assert [row["name"] for row in rows] == NAMES
        assert list(store.db["profiles"].rows) == [
            {"id": 1, "name": "㈜한빛정밀", "applicant_type": "company",
             "created": "2025-01-10T08:01:00.000000+00:00",
             "updated": "2025-01-10T08:05:00.000000+00:00", "position": None,
             "trashed": None},
        ]
        assert store.get_answers(1) == {
            "applicant_type": "company", "employees": 40, "founded": dt.date(2015, 6, 1),
            "ai_use": ("vision",), "tax_arrears": None,
        }
        last = store.last_assessment(1)
        assert (last.as_of, last.rules_version, dict(last.counts)) == (
            dt.date(2025, 1, 10), "old-rules", {"eligible": 1, "ineligible": 0, "undetermined": 1}
        )
        assert last.statuses() == {"sme-ax": "eligible", "ai-training": "undetermined"}
        # A snapshot stored whole (format 1) reads back as it was written.
        text = store.db.execute("SELECT snapshot FROM assessments WHERE id = 1").fetchone()[0]
        assert last.snapshot == json.loads(text) and last.snapshot["format"] == 1
        assert last.snapshot["programs"]["sme-ax"]["name"] == {"ko": "중소기업 AX", "en": "SME AX"}
        assert store.is_stale(1, "new-rules") is True
        # The new column works on the old rows.
        store.set_position(1, {"question": "tax_arrears"})
        assert store.get_profile(1).position == {"question": "tax_arrears"}
    assert user_version(db_path) == 6


def test_a_failing_step_leaves_the_file_at_the_step_before(db_path, monkeypatch):
    open_store(db_path).close()

    def m004_broken(db):
        db["half_done"].create({"id": int}, pk="id")
        raise RuntimeError("step failed half-way")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*MIGRATIONS, m004_broken])
    db = Database(db_path)
    with pytest.raises(RuntimeError):
        migrations.migrate(db)
    assert "half_done" not in db.table_names()
    assert [row["name"] for row in db["_migrations"].rows] == NAMES
    assert migrations.schema_version(db) == 6
    db.close()
    assert user_version(db_path) == 6


def test_a_file_from_a_newer_version_is_refused_and_left_alone(db_path):
    open_store(db_path).close()
    db = Database(db_path)
    db["_migrations"].insert({"name": "m099_from_the_future", "applied": "2030-01-01"})
    db.close()
    before = db_path.read_bytes()
    with pytest.raises(StorageError) as caught:
        open_store(db_path)
    assert caught.value.kind == "newer"
    assert "newer version" in caught.value.message.en and "새로운 버전" in caught.value.message.ko
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["jiwon.db"]
