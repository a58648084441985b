"""What changed for one client since their last check, as the matrix shows it.

The change itself is worked out once, by the engine's `what_changed` (the re-check after a rule
update, the workspace's re-check all and the PDF page all use it); the store keeps it with the
assessment it led to and gives it back as the same `ProfileChanges` (`Store.flagged_changes`).
This module only lays it out, with the change's own `lines`.
"""

from __future__ import annotations

from desktop.engine.what_changed import ProfileChanges


def programs(changes: ProfileChanges | None) -> list[str]:
    """The ids of the programs that changed."""
    return [p.program_id for p in changes.programs] if changes is not None else []


def change_lines(changes: ProfileChanges | None, lang: str) -> list[str]:
    """'AI 바우처: 판단 보류 → 신청 가능' and, indented, why."""
    return changes.lines(lang) if changes is not None else []
