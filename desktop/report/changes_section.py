"""The "changes since your last assessment" page: which programs came out differently, or got
new dates, since the profile was last checked, and why, one line per cause.

The page renders the engine's `ProfileChanges` (desktop.engine.what_changed); it decides nothing.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from desktop.engine.change_words import program_line
from desktop.engine.phrases import say
from desktop.report.context import ReportContext
from desktop.report.flowables import Heading, plain
from desktop.report.safe_text import markup


def changes_section(ctx: ReportContext) -> list[Flowable]:
    changes = ctx.changes
    if changes is None or not changes.changed:
        return []
    ss = ctx.ss
    title = say("changes.title", ctx.lang)
    out: list[Flowable] = [
        Heading(markup(title), ss["H1"], title, 0),
        plain(say("changes.intro", ctx.lang, old_date=ctx.date(changes.old_as_of), old_rules=changes.old_version[:12],
                    new_date=ctx.date(changes.new_as_of), new_rules=changes.new_version[:12]), ss["BodySmall"]),
    ]
    for p in changes.programs:
        out.append(plain(program_line(p.name, p.old_status, p.new_status, ctx.lang), ss["H2"]))
        for cause in p.causes:
            out.append(plain(cause.text.get(ctx.lang), ss["Bullet"]))
    return out
