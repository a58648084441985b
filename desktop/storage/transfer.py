"""Import and export of one profile as a file in the format the command line reads.

A consultant moves a client's profile between machines, or runs `jiwon evaluate` on it, so the
file must be the engine's own profile format: reading and writing it is the engine's job
(`load_profile` checks every answer against the rule pack and reports `path:line: message`;
`dump_profile` writes it). This module only connects that to the store. Validation errors are
the engine's `ProfileError` and pass through unchanged, for the UI to list.
"""

from __future__ import annotations

from pathlib import Path

from desktop.atomic_write import write_atomic
from desktop.engine.model import Profile, RulePack
from desktop.storage.errors import EXPORT_FILE, storage_error
from desktop.storage.store import Store


def profile_of(store: Store, profile_id: int) -> Profile:
    """The stored profile as the engine's `Profile` (answers include `applicant_type`)."""
    record = store.get_profile(profile_id)
    return Profile(
        name=record.name,
        applicant_type=record.applicant_type,
        answers=store.get_answers(profile_id),
    )


def export_profile(store: Store, profile_id: int, path: str | Path) -> Path:
    """Write the profile to `path` (YAML); StorageError if the file cannot be written."""
    from desktop.engine import dump_profile

    target = Path(path)
    text = dump_profile(profile_of(store, profile_id))
    try:
        write_atomic(target, text.encode("utf-8"))
    except OSError as error:
        raise storage_error(error, target, subject=EXPORT_FILE) from error
    return target


def import_profile(store: Store, path: str | Path, pack: RulePack) -> int:
    """A new profile from a profile file; the engine's ProfileError if the file is not valid."""
    from desktop.engine import load_profile

    profile = load_profile(Path(path), pack)
    name = profile.name or Path(path).stem
    return store.create_profile(name, profile.applicant_type, profile.answers)
