"""'Did you mean ...?' for typos in keys, ids and names, so a message points at the fix."""

from __future__ import annotations

import difflib
from typing import Iterable


def did_you_mean(word: object, choices: Iterable[object], cutoff: float = 0.6) -> str:
    """' (did you mean 'x'?)' when one of `choices` is close to `word`, else ''."""
    if not isinstance(word, str):
        return ""
    options = [c for c in choices if isinstance(c, str)]
    match = difflib.get_close_matches(word, options, n=1, cutoff=cutoff)
    return f" (did you mean '{match[0]}'?)" if match else ""
