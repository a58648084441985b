"""One spreadsheet cell as an answer, in the client-import format.

Empty: not answered. `모름` / `unknown`: "I don't know". Several choices separated by `;`.
Everything else goes through the engine's own `coerce_answer`, so a register is held to the same
rules as the wizard and profile files (amounts as 1230억 or whole won, dates YYYY-MM-DD, yes/no as
true/false or 예/아니오).
"""

from __future__ import annotations

from typing import Any

from desktop.engine import AnswerError, coerce_answer
from desktop.engine.model import RulePack

ABSENT = object()  # not answered (an empty cell)
DONT_KNOW = ("모름", "unknown")
NONE_CHOSEN = ("없음", "none")  # a multiple-choice answer with nothing chosen


def parse_cell(pack: RulePack, question_id: str, raw: Any) -> Any:
    """ABSENT, None ("I don't know") or the answer's value. Raises AnswerError for a bad cell."""
    if raw is None:
        return ABSENT
    if isinstance(raw, str):
        text = raw.strip()
        if not text:
            return ABSENT
        if text.lower() in DONT_KNOW:
            return None
        q = pack.questions.get(question_id)
        if q is not None and q.type == "multi":
            if text.lower() in NONE_CHOSEN:
                return ()
            items = [part.strip() for part in text.split(";") if part.strip()]
            return coerce_answer(pack, question_id, items)
        raw = text
    return coerce_answer(pack, question_id, raw)


__all__ = ["ABSENT", "AnswerError", "parse_cell"]
