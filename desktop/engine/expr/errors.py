"""The error an expression raises while it is read: what is wrong, at which column, what to write.

One expression can hold several independent mistakes (two misspelt names); the first error carries
the others in `more`, so the loader reports each of them in the same run.
"""

from __future__ import annotations

from desktop.engine.problem import Problem


class ExprError(Problem):
    """A rejected expression. `column` is 1-based in the expression text (None: the whole text);
    `text` is the offending part and `suggestion` what to write instead, when known."""

    def __init__(self, message: str, column: int | None = None, text: str | None = None,
                 suggestion: str | None = None, fix: str | None = None):
        self.more: tuple[ExprError, ...] = ()
        self.fix = fix  # a clerk's slip: what its text is replaced by to read the rest (hints.py)
        super().__init__(message, column=column, text=text, suggestion=suggestion)

    def header(self, lang: str = "en") -> str:
        if self.column is None:
            return self.words(lang)
        return f"column {self.column}: {self.words(lang)}"

    def each(self) -> tuple["ExprError", ...]:
        """This error and the others found in the same expression, in column order."""
        return (self, *self.more)

    @staticmethod
    def of(errors: list["ExprError"]) -> "ExprError":
        """One error standing for all of `errors` (each once, by column)."""
        unique: dict[tuple, ExprError] = {}
        for e in errors:
            for one in e.each():
                unique.setdefault((one.column, one.message), one)
        ordered = sorted(unique.values(), key=lambda e: (e.column or 0))
        first = ordered[0]
        first.more = tuple(ordered[1:])
        return first
