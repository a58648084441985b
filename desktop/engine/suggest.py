"""'Did you mean ...?' for typos in keys, ids and names, so a message points at the fix."""

from __future__ import annotations

import difflib
from typing import Iterable

from desktop.engine.model import Text


def closest(word: object, choices: Iterable[object], cutoff: float = 0.6) -> str | None:
    """The one of `choices` closest to `word`, if any is close enough."""
    if not isinstance(word, str):
        return None
    options = [c for c in choices if isinstance(c, str)]
    match = difflib.get_close_matches(word, options, n=1, cutoff=cutoff)
    return match[0] if match else None


def did_you_mean(word: object, choices: Iterable[object], cutoff: float = 0.6) -> str:
    """' (did you mean 'x'?)' when one of `choices` is close to `word`, else ''."""
    match = closest(word, choices, cutoff)
    return f" (did you mean '{match}'?)" if match else ""


def did_you_mean_ko(word: object, choices: Iterable[object], cutoff: float = 0.6) -> str:
    """The same hint for Korean messages: " (혹시 'x'?)" (no particle after the quoted word)."""
    match = closest(word, choices, cutoff)
    return f" (혹시 '{match}'?)" if match else ""


def did_you_mean_text(word: object, choices: Iterable[object], cutoff: float = 0.6) -> Text:
    """Both hints as one Korean/English text (empty words when nothing is close)."""
    match = closest(word, choices, cutoff)
    return Text(f" (혹시 '{match}'?)", f" (did you mean '{match}'?)") if match else Text("", "")
