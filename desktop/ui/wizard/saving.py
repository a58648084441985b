"""Saving one answer from a wizard field, shared by the question pages and the Answers page.

A refused write (a locked or full file) is not raised into Qt's event loop: it goes to the
view's `storage_failed` signal, which the window turns into one dialog.
"""

from __future__ import annotations

from typing import Any

from desktop.storage import StorageError


def save_answer(session, question_id: str, value: Any, failed) -> None:
    """Stores `value` as the answer to `question_id`; a refused write is emitted on `failed`."""
    try:
        session.set_answer(question_id, value)
    except StorageError as err:
        failed.emit(err)


def clear_answer(session, question_id: str, failed) -> None:
    """Removes the answer to `question_id`; a refused write is emitted on `failed`."""
    try:
        session.clear_answer(question_id)
    except StorageError as err:
        failed.emit(err)
