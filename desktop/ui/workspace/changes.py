"""What changed for one client since their last check, as the matrix shows it.

The change itself is worked out once, by the engine's `what_changed` (the re-check after a rule
update, the workspace's re-check all and the PDF page all use it); the store keeps it with the
assessment it led to, in both languages (`Store.flagged_profiles`). This module only lays the
stored change out in lines: one per program, in the change's own words, then its causes.
"""

from __future__ import annotations

from typing import Any, Mapping

from desktop.engine.change_words import program_line
from desktop.engine.model import Text

Stored = Mapping[str, Any]  # {"ko": ProfileChanges.to_dict("ko"), "en": ...}


def programs(stored: Stored | None) -> list[str]:
    """The ids of the programs that changed."""
    if not stored:
        return []
    return [p["program"] for p in (stored.get("ko") or stored.get("en") or {}).get("programs", [])]


def change_lines(stored: Stored | None, lang: str, causes: bool = True) -> list[str]:
    """'AI 바우처: 판단 보류 → 신청 가능' and, indented, why."""
    if not stored:
        return []
    ko = (stored.get("ko") or {}).get("programs", [])
    en = (stored.get("en") or {}).get("programs", [])
    lines: list[str] = []
    for k, e in zip(ko, en):
        name = Text(k.get("name") or k["program"], e.get("name") or e["program"])
        lines.append(program_line(name, k.get("old_status"), k.get("new_status"), lang))
        if causes:
            own = k if lang == "ko" else e
            lines.extend("  - " + c["text"] for c in own.get("causes", []) if c.get("text"))
    return lines
