"""Old names for words that now live in the phrase catalog (`desktop.engine.phrases`).

Kept only while the last views move to the explanation; every word here is the catalog's own.
"""

from __future__ import annotations

from desktop.engine.explain import days_left_text as _days_left
from desktop.engine.model import Text
from desktop.engine.phrases import PHRASES, audience_words, phrase


def _family(prefix: str) -> dict[str, Text]:
    n = len(prefix) + 1
    return {k[n:]: v for k, v in PHRASES.items() if k.startswith(prefix + ".") and "." not in k[n:]}


STATUS = _family("status")
RESULT = _family("result")
DEADLINE_STATUS = _family("deadline")
ROUND_KIND = _family("round")
APPLICANT_TYPE = _family("applicant")
CRITERION_KIND = _family("kind")
UNSETTLED = PHRASES["unsettled"]  # a criterion no answer can settle
TO_VERIFY = PHRASES["to_verify.long"]
ESTIMATED = PHRASES["estimated"]
DONT_KNOW = PHRASES["value.dont_know"]
YES = PHRASES["value.yes"]
NO = PHRASES["value.no"]
CLOSES_TODAY = PHRASES["days.today"]


def word(table: dict[str, Text], key: str, lang: str) -> str:
    text = table.get(key)
    return text.get(lang) if text else key


def days_left_text(days: int | None, lang: str) -> str:
    return "" if days is None else _days_left(days).get(lang)


def audience_text(audience: tuple[str, ...]) -> Text:
    return phrase("audience.open_to", who=audience_words(audience))


MATURITY = {m: PHRASES[f"badge.{m}"] for m in ("open_call", "announced_policy", "planned")}
DAYS_LEFT = PHRASES["days.left"]
