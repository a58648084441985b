"""One model for everything Jiwon cannot use as written: where it is, what it is, what to write.

A problem in a rule file, an expression, a profile, an answer, the saved-profiles file or on the
command line is a `Problem`: a message (plain text, or a Korean/English `Text`), where it is (file,
line, column), the offending text, the line of the file it sits on and a suggestion. The words
are put together here and nowhere else:

- `str(problem)` is the one line `path:line: message (column N)`, for logs and tests;
- `problem.render(lang)` adds the file's own line with a caret under the column and the hint.

Each kind of problem is a subclass that only says what it is (and keeps the fields its callers
read, such as `question_id` or a storage `kind`).
"""

from __future__ import annotations

from typing import Any, Protocol, Union


class Text(Protocol):  # desktop.engine.model.Text; not imported, the model imports this module
    ko: str
    en: str

    def get(self, lang: str) -> str: ...


def _is_pair(value: Any) -> bool:
    return hasattr(value, "ko") and hasattr(value, "en")


class Problem(Exception):
    """The base of every problem. All location fields are optional; line and column are 1-based."""

    def __init__(
        self,
        message: Union[str, Text],
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        text: str | None = None,
        suggestion: Union[str, Text] | None = None,
        source_line: str | None = None,
        follows: str | None = None,
    ):
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.text = text  # the offending part, as written
        self.suggestion = suggestion  # what to write instead, when Jiwon can tell
        self.source_line = source_line  # the whole line of the file, for the caret display
        self.follows = follows  # a file whose own problem this one only follows from
        super().__init__(self.header())

    # ---------------------------------------------------------------- words
    @staticmethod
    def _words(value: Union[str, Text] | None, lang: str) -> str:
        if value is None:
            return ""
        if _is_pair(value):
            return value.en if lang == "en" else value.ko
        return str(value)

    def words(self, lang: str = "en") -> str:
        """The message alone, in `lang` when it has both languages."""
        return self._words(self.message, lang)

    def where(self) -> str:
        if self.path is None:
            return ""
        return f"{self.path}:{self.line if self.line is not None else 1}"

    def header(self, lang: str = "en") -> str:
        place = self.where()
        text = self.words(lang)
        if self.column is not None and self.path is not None:
            text += f" ({'열' if lang == 'ko' else 'column'} {self.column})"
        return f"{place}: {text}" if place else text

    def __str__(self) -> str:
        return self.header("en")

    def render(self, lang: str = "en") -> str:
        """The header, then the file's line with a caret under the column, then the hint."""
        out = [self.header(lang)]
        if self.source_line is not None and self.column is not None:
            shown = self.source_line.rstrip("\n").expandtabs(1)
            number = str(self.line or "")
            pad = " " * len(number)
            width = max(1, len(self.text or "")) if self.text and self.text in shown else 1
            out.append(f"  {number} | {shown}")
            out.append(f"  {pad} | {' ' * (self.column - 1)}{'^' * width}")
        if self.suggestion:
            label = "제안" if lang == "ko" else "hint"
            out.append(f"  {label}: {self._words(self.suggestion, lang)}")
        return "\n".join(out)

    # ---------------------------------------------------------------- identity
    def _key(self) -> tuple:
        message = (self.message.ko, self.message.en) if _is_pair(self.message) else self.message
        return (type(self).__name__, self.path, self.line, message, self.column)

    def __eq__(self, other: Any) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.header()!r})"

    def __reduce__(self):
        return (_rebuild, (type(self), self.__dict__.copy()))


def _rebuild(cls, state):
    obj = cls.__new__(cls)
    obj.__dict__.update(state)
    Exception.__init__(obj, obj.header())
    return obj


class RuleError(Problem):
    """A problem in a rule file or a case file (`pack.errors`, `jiwon check`)."""

    def __init__(self, path: str, line: int, message: Union[str, Text], column: int | None = None, **more: Any):
        super().__init__(message, path=path, line=line, column=column, **more)


class ProfileProblem(RuleError):
    """A problem in a profile file: a field that does not fit, with its line."""


class ProblemList(Problem):
    """Several problems raised at once (a profile with three bad answers): `errors` lists them."""

    def __init__(self, errors: list[Problem]):
        self.errors = list(errors)
        first = self.errors[0] if self.errors else None
        super().__init__(
            "\n".join(str(e) for e in self.errors),
            path=first.path if first else None,
            line=first.line if first else None,
        )

    def header(self, lang: str = "en") -> str:
        return "\n".join(e.header(lang) for e in getattr(self, "errors", ()))

    def render(self, lang: str = "en") -> str:
        return "\n".join(e.render(lang) for e in self.errors)


__all__ = ["Problem", "ProblemList", "ProfileProblem", "RuleError"]
