"""One register cell as an answer: the client-import format of desktop/tabular, for screening.

Blank: not answered (ABSENT). Otherwise the spreadsheet conventions and the engine's checks are
desktop/tabular's `cell_answer` (None: "I don't know"), so a register and the app's client list
read the same cell the same way.
"""

from __future__ import annotations

from typing import Any

from desktop.engine import AnswerError
from desktop.engine.model import RulePack
from desktop.tabular import is_blank
from desktop.tabular.cells import cell_answer

ABSENT = object()  # not answered (a blank cell)


def parse_cell(pack: RulePack, question_id: str, raw: Any) -> Any:
    """ABSENT, None ("I don't know") or the answer's value. Raises AnswerError for a bad cell."""
    if is_blank(raw):
        return ABSENT
    return cell_answer(pack, pack.questions[question_id], raw)


__all__ = ["ABSENT", "AnswerError", "parse_cell"]
