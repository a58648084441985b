"""What one matrix cell says about one client and one program: the one place the matrix gets words.

The matrix decides nothing and words nothing itself: the status, the deciding question or reason
and the deadline sentence all come from the explanation the results page shows, through
`explain_cell()` alone, so a cell, the results page and the export say the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from desktop.engine.model import ProgramResult, RulePack
from desktop.ui import status_style
from desktop.ui.results import wording as wd
from desktop.ui.results.program_list import group_of

#: the group of a program that is not for this kind of applicant: no cell in the matrix
NOT_OPEN = "other_applicants"


@dataclass(frozen=True)
class CellWords:
    group: str  # eligible | undetermined | ineligible | other_applicants
    status: str  # the status word
    deciding: str  # the one question that would decide it, or the first reason it is missed
    deadline: str  # the deadline sentence

    def tooltip(self, program_name: str) -> str:
        lines = [program_name, self.status]
        if self.deciding:
            lines.append(self.deciding)
        lines.append(self.deadline)
        return "\n".join(lines)


translate = QCoreApplication.translate  # lupdate reads translate("ClientMatrix", "...") calls


def explain_cell(pack: RulePack, result: ProgramResult, as_of: dt.date, lang: str) -> CellWords:
    group = group_of(result)
    deciding = ""
    if result.status == "undetermined" and result.missing:
        deciding = translate("ClientMatrix", "Decided by: %1").replace(
            "%1", wd.name_label(pack, result.missing[0], lang))
    elif result.status == "undetermined":
        deciding = translate("ClientMatrix", "The sources are silent on a requirement")
    elif group == "ineligible":
        failed = next((c for c in result.criteria if c.id in result.failed), None)
        if failed is not None:
            deciding = translate("ClientMatrix", "Missed: %1").replace("%1", wd.text(failed.text, lang))
    return CellWords(group=group, status=status_style.label("program", group), deciding=deciding,
                     deadline=wd.deadline_sentence(result.deadline, as_of, lang))
