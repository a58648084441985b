"""What one matrix cell says about one client and one program: the one place the matrix gets words.

The matrix decides nothing and words nothing itself: a cell renders the engine's explanation of
that program for that client (`desktop.engine.explain`), the one the results page, the PDF and
the command line render too. The status word, the deciding question (or, when the program is
missed, the first deciding reason) and the deadline sentence come from it, in the phrase
catalog's words, so a cell, the results page and the export say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.engine.explain import explain, open_to
from desktop.engine.model import Assessment, ProgramResult, RulePack
from desktop.engine.phrases import word

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


def group_of(assessment: Assessment, result: ProgramResult) -> str:
    """The cell's group: the status, or NOT_OPEN for a program not open to this applicant."""
    if not open_to(result.program, assessment.answers.get("applicant_type")):
        return NOT_OPEN
    return result.status


def explain_cell(pack: RulePack, assessment: Assessment, result: ProgramResult,
                 lang: str) -> CellWords:
    group = group_of(assessment, result)
    if group == NOT_OPEN:
        return CellWords(group, word("status", NOT_OPEN, lang), "", "")
    e = explain(pack, assessment, result)
    deciding = ""
    if e.status != "eligible" and e.reasons:
        deciding = e.reasons[0].text.get(lang)
    return CellWords(group=group, status=e.status_word.get(lang), deciding=deciding,
                     deadline=e.deadline.get(lang))
