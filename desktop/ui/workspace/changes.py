"""What changed for one client since their last check: the programs whose outcome or deadline moved.

`what_changed()` is the one place the workspace asks this question; when the engine gives its own
per-profile "what changed" it is swapped in here and nothing else moves. Until then it compares
the stored snapshot of the last check (status and deadline per program) with the new assessment,
using the status comparison the app already makes for the open profile.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QCoreApplication

from desktop.engine.model import Assessment, RulePack
from desktop.storage import AssessmentRecord, status_changes
from desktop.ui import status_style
from desktop.ui.results import wording as wd

translate = QCoreApplication.translate  # lupdate reads translate("ClientMatrix", "...") calls


@dataclass(frozen=True)
class Change:
    """One program that comes out differently. For `outcome`, old and new are statuses (None:
    the program was not, or is no longer, in the rules); for `deadline`, closing dates
    (YYYY-MM-DD, or None for none announced)."""

    program_id: str
    kind: Literal["outcome", "deadline"]
    old: str | None
    new: str | None


def what_changed(previous: AssessmentRecord | None, assessment: Assessment) -> list[Change] | None:
    """The changes since `previous` (None when there is no earlier check to compare with)."""
    if previous is None:
        return None
    found = [Change(c.program_id, "outcome", c.old, c.new)
             for c in status_changes(previous, assessment)]
    moved = {c.program_id for c in found}
    before = previous.snapshot.get("programs", {})
    for result in assessment.programs:
        old = before.get(result.id)
        if old is None or result.id in moved or result.status == "ineligible":
            continue  # a new closing date matters only where the client can still apply
        old_deadline = old.get("deadline") or {}
        new_closes = result.deadline.closes.isoformat() if result.deadline.closes else None
        if old_deadline.get("closes") != new_closes:  # not the status: that moves with the date
            found.append(Change(result.id, "deadline", old_deadline.get("closes"), new_closes))
    return found


def change_text(pack: RulePack, change: Change, lang: str) -> str:
    """'AI 바우처: 판단 보류 → 신청 가능' / 'AI voucher: closes 2026-03-14 → 2026-04-30'."""
    program = pack.programs.get(change.program_id)
    name = wd.text(program.name, lang) if program is not None else change.program_id
    if change.kind == "outcome":
        old = (status_style.label("program", change.old) if change.old
               else translate("ClientMatrix", "(new program)"))
        new = (status_style.label("program", change.new) if change.new
               else translate("ClientMatrix", "(no longer listed)"))
        return f"{name}: {old} → {new}"
    none = translate("ClientMatrix", "no closing date")
    return translate("ClientMatrix", "%1: closing date %2 → %3") \
        .replace("%3", change.new or none).replace("%2", change.old or none).replace("%1", name)
