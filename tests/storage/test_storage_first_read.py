"""Opening the database and reading what the start page shows takes the standard library alone:
sqlite-utils (and what it imports) comes with the first write, which then works as ever."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from desktop.engine.model import Assessment
from desktop.storage import open_store

FIRST_READ = """
import sys
from desktop.storage import open_store
store = open_store(sys.argv[1])
summaries = store.list_profiles("v-now")
print(" ".join(f"{s.name}:{s.stale}:{s.counts.get('eligible', 0)}" for s in summaries))
print(sorted(store.flagged_changes()))
last = store.last_assessment(summaries[0].id)
print(last.rules_version if last is not None else None)
print(len(store.trashed_profiles()))
print("sqlite_utils" in sys.modules)
store.rename_profile(summaries[0].id, "renamed")  # the first write brings it
print("sqlite_utils" in sys.modules, store.get_profile(summaries[0].id).name)
"""


def test_the_start_page_reads_without_sqlite_utils_and_the_first_write_works(tmp_path):
    path = tmp_path / "jiwon.db"
    with open_store(path) as store:
        older = store.create_profile("older", "company")
        store.save_assessment(older, Assessment(as_of=dt.date(2026, 3, 2), rules_version="v-old",
                                                programs=()))
        gone = store.create_profile("gone", "school")
        store.trash_profile(gone)
    out = subprocess.run([sys.executable, "-c", FIRST_READ, str(path)], capture_output=True,
                         text=True, timeout=120, check=True).stdout.splitlines()
    assert out == ["older:True:0", "[]", "v-old", "1", "False", "True renamed"]
