"""Assessments and calendars as terminal text: grouped by outcome, every reason shown."""

from __future__ import annotations

import datetime as dt

from desktop.engine import format_near_miss, labels
from desktop.engine.model import Assessment, CalendarEntry, Deadline, Profile, ProgramResult, RulePack

_ORDER = ("eligible", "undetermined", "ineligible")


def _deadline_text(d: Deadline, lang: str) -> str:
    status = labels.word(labels.DEADLINE_STATUS, d.status, lang)
    parts = [status]
    if d.opens or d.closes:
        span = f"{d.opens.isoformat() if d.opens else '…'} ~ {d.closes.isoformat() if d.closes else '…'}"
        parts.append(span)
    if d.days_left is not None and (d.status in ("open", "upcoming") or (d.estimated and d.days_left >= 0)):
        parts.append(labels.days_left_text(d.days_left, lang))
    if d.estimated:
        parts.append(f"({labels.ESTIMATED.get(lang)})")
    return " ".join(parts)


def _program_block(r: ProgramResult, pack: RulePack, lang: str) -> list[str]:
    p = r.program
    out = [f"  • {p.name.get(lang)} [{p.ministry.get(lang)}] — {_deadline_text(r.deadline, lang)}"]
    if r.status == "undetermined":
        if r.missing:
            names = ", ".join(pack.questions[q].label.get(lang) for q in r.missing if q in pack.questions)
            head = "답해야 할 질문" if lang == "ko" else "Questions to answer"
            out.append(f"      {head}: {names}")
        unknown = [c for c in r.criteria if c.result == "unknown"]
        for c in unknown:
            mark = f" [{labels.TO_VERIFY.get(lang)}]" if c.to_verify else ""
            out.append(f"      ? {c.text.get(lang)}{mark}")
    if r.status == "ineligible":
        by_id = {c.id: c for c in r.criteria}
        for cid in r.failed:
            c = by_id.get(cid)
            if c is None:
                continue
            word = labels.word(labels.CRITERION_KIND, c.kind, lang)
            out.append(f"      ✗ {c.text.get(lang)} ({word})")
        for nm in r.near_misses:
            head = "근소한 차이" if lang == "ko" else "Near miss"
            out.append(f"      ≈ {head}: {format_near_miss(nm, pack, lang)}")
    if r.status == "eligible":
        verify = [c for c in r.criteria if c.to_verify]
        for c in verify:
            out.append(f"      ! {c.text.get(lang)} [{labels.TO_VERIFY.get(lang)}]")
    return out


def render_assessment(
    assessment: Assessment, pack: RulePack, lang: str = "ko", profile: Profile | None = None
) -> str:
    lines = []
    who = profile.name if profile and profile.name else ""
    if lang == "en":
        lines.append(f"{who + ' — ' if who else ''}assessment as of {assessment.as_of.isoformat()} (rules {assessment.rules_version})")
    else:
        lines.append(f"{who + ' — ' if who else ''}{assessment.as_of.isoformat()} 기준 평가 (규칙 버전 {assessment.rules_version})")
    for status in _ORDER:
        group = [r for r in assessment.programs if r.status == status]
        lines.append("")
        lines.append(f"■ {labels.word(labels.STATUS, status, lang)} ({len(group)})")
        for r in group:
            lines.extend(_program_block(r, pack, lang))
    upcoming = sorted(
        (r for r in assessment.programs if r.status != "ineligible" and r.deadline.closes and (r.deadline.days_left or 0) >= 0),
        key=lambda r: r.deadline.closes,
    )
    if upcoming:
        lines.append("")
        lines.append("■ " + ("마감 일정" if lang == "ko" else "Deadlines"))
        for r in upcoming:
            d = r.deadline
            est = f" ({labels.ESTIMATED.get(lang)})" if d.estimated else ""
            lines.append(
                f"  {d.closes.isoformat()}  {labels.days_left_text(d.days_left, lang):<14} {r.program.name.get(lang)}{est}"
            )
    return "\n".join(lines) + "\n"


def render_calendar(entries: list[CalendarEntry], as_of: dt.date, lang: str = "ko") -> str:
    head = f"{as_of.isoformat()} 기준 접수 일정" if lang == "ko" else f"Application windows as of {as_of.isoformat()}"
    lines = [head, ""]
    if not entries:
        lines.append("  (없음)" if lang == "ko" else "  (none)")
    for e in entries:
        opens = e.opens.isoformat() if e.opens else "…"
        closes = e.closes.isoformat() if e.closes else "…"
        if e.closes is not None:
            left = labels.days_left_text((e.closes - as_of).days, lang)
        else:
            left = labels.word(labels.ROUND_KIND, e.kind, lang)
        kind = labels.word(labels.ROUND_KIND, e.kind, lang)
        # an estimated entry's kind already reads "estimated"; say it once
        est = f" ({labels.ESTIMATED.get(lang)})" if e.estimated and e.kind != "estimated" else ""
        lines.append(f"  {opens} ~ {closes}  {left:<14} {e.program.name.get(lang)} — {kind}{est}")
        if e.note is not None:
            lines.append(f"      {e.note.get(lang)}")
    return "\n".join(lines) + "\n"
