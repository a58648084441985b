"""Saved profiles, their answers and their assessment history, in one SQLite file (sqlite-utils).

The UI opens one `Store` with `open_store()` and calls its methods; nothing here imports Qt.
"""

from desktop.storage.answers import AnswerRecord
from desktop.storage.assessments import AssessmentRecord, StatusChange, status_changes
from desktop.storage.database import default_path
from desktop.storage.errors import NoSuchProfile, StorageError
from desktop.storage.migrations import MIGRATIONS, SCHEMA_VERSION
from desktop.storage.profiles import ProfileRecord, ProfileSummary
from desktop.storage.recheck import read_watch_list
from desktop.storage.store import Store, open_store
from desktop.storage.transfer import export_profile, import_profile

__all__ = [
    "AnswerRecord",
    "AssessmentRecord",
    "MIGRATIONS",
    "NoSuchProfile",
    "ProfileRecord",
    "ProfileSummary",
    "SCHEMA_VERSION",
    "StatusChange",
    "Store",
    "StorageError",
    "default_path",
    "export_profile",
    "import_profile",
    "open_store",
    "read_watch_list",
    "status_changes",
]
