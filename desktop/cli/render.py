"""Assessments and calendars as terminal text: grouped by outcome, each program's explanation.

Nothing here decides or words an outcome: the status word, the deciding reasons, the points to
confirm, the near misses, the amounts worked out from the answers and the deadline sentence all
come from `desktop.engine.explain`.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from desktop.engine.explain import (
    Explanation, entry_days_text, explain_all, left_out_line, rules_label, status_word,
)
from desktop.engine.formatting import date_text
from desktop.engine.model import Assessment, CalendarEntry, Profile, RulePack
from desktop.engine.phrases import say, word

ORDER = ("eligible", "undetermined", "ineligible")
MARK = {"eligible": "✓", "undetermined": "?", "ineligible": "✗"}


def program_block(e: Explanation, lang: str) -> list[str]:
    """One program: name, badge and deadline sentence, then its reasons, what to confirm and what
    it pays for these answers."""
    p = e.program
    out = [f"  • {p.name.get(lang)} [{p.ministry.get(lang)}] — "
           f"{e.badge_word.get(lang)} · {e.deadline.get(lang)}"]
    mark = MARK[e.status]
    for line in e.reasons:
        note = f" ({line.note.get(lang)})" if line.note else ""
        out.append(f"      {mark} {line.text.get(lang)}{note}")
    for line in e.near_misses:
        out.append(f"      ≈ {say('heading.near_misses', lang)}: {line.text.get(lang)}")
    for line in e.to_confirm:
        out.append(f"      ! {line.text.get(lang)}")
    for b in e.benefits:  # what it pays for these answers, where the rule works it out
        if b.worked_out:
            est = f" ({say('estimated', lang)})" if b.estimated else ""
            out.append(f"      ◇ {say('heading.amounts', lang)}: {b.text.get(lang)} — {b.amount.get(lang)}{est}")
    if e.sources_note is not None:
        out.append(f"      ⚠ {e.sources_note.get(lang)}")
    return out


def render_assessment(
    assessment: Assessment, pack: RulePack, lang: str = "ko", profile: Profile | None = None,
    all_programs: bool = False,
) -> str:
    explained = explain_all(pack, assessment)
    shown = [e for e in explained.values() if all_programs or e.for_applicant]
    left_out = len(explained) - len(shown)
    who = profile.name if profile and profile.name else ""
    head = say("list.assessment_as_of", lang, date=assessment.as_of.isoformat(),
               version=rules_label(pack, assessment.rules_version).get(lang))
    lines = [f"{who} — {head}" if who else head]
    for status in ORDER:
        group = [e for e in shown if e.status == status]
        lines.append("")
        lines.append(f"■ {status_word(status).get(lang)} ({len(group)})")
        for e in group:
            lines.extend(program_block(e, lang))
    if left_out:
        lines.append("")
        lines.append(f"{left_out_line(left_out).get(lang)} ({say('list.include_all', lang)})")
    listed = {e.id for e in shown}
    upcoming = sorted((r for r in assessment.programs
                       if r.status != "ineligible" and r.program.id in listed),
                      key=lambda r: r.deadline.closes or dt.date.max)
    upcoming = [r for r in upcoming if r.deadline.closes and (r.deadline.days_left or 0) >= 0]
    if upcoming:
        lines.append("")
        lines.append("■ " + say("heading.deadlines", lang))
        for r in upcoming:
            e = explained[r.program.id]
            lines.append(f"  {date_text(r.deadline.closes, lang, weekday=True)}  "
                         f"{pad(e.deadline_short.get(lang), 14)} {r.program.name.get(lang)}")
    return "\n".join(lines) + "\n"


def pad(text: str, width: int) -> str:
    """`text` padded to `width` terminal columns; Hangul and other wide characters take two."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - used, 0)


def render_calendar(entries: list[CalendarEntry], as_of: dt.date, lang: str = "ko",
                    left_out: int = 0) -> str:
    lines = [say("list.windows_as_of", lang, date=as_of.isoformat()), ""]
    if not entries:
        lines.append("  " + say("list.none", lang))
    for e in entries:
        opens = e.opens.isoformat() if e.opens else "…"
        closes = e.closes.isoformat() if e.closes else "…"
        kind = word("round", e.kind, lang)
        left = entry_days_text(e, as_of).get(lang)
        # an estimated entry's kind already reads "estimated"; say it once
        est = f" ({say('estimated', lang)})" if e.estimated and e.kind != "estimated" else ""
        lines.append(f"  {opens} ~ {closes:<10}  {pad(left, 14)} {e.program.name.get(lang)} — {kind}{est}")
        if e.note is not None:
            lines.append(f"      {e.note.get(lang)}")
    if left_out:
        lines += ["", f"{left_out_line(left_out).get(lang)} ({say('list.include_all', lang)})"]
    return "\n".join(lines) + "\n"
