"""The one error an expression can raise while it is read: what is wrong and at which column."""

from __future__ import annotations


class ExprError(Exception):
    """A rejected expression. `column` is 1-based in the expression text (None: the whole text)."""

    def __init__(self, message: str, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.column = column

    def __str__(self) -> str:
        if self.column is None:
            return self.message
        return f"column {self.column}: {self.message}"
