"""Collects `path:line: message` problems while loading, so one bad file never stops the rest."""

from __future__ import annotations

from desktop.engine.expr.errors import ExprError
from desktop.engine.model import RuleError, Text
from desktop.engine.schemas import is_soft, schema_problems
from desktop.engine.yamlsrc import SourceFile, position_in_value


class Problems:
    """Each problem once: the same message on the same line is not repeated."""

    def __init__(self) -> None:
        self.items: list[RuleError] = []
        self._seen: set[RuleError] = set()

    def add(self, path: str, line: int, message: str, column: int | None = None, **more) -> None:
        problem = RuleError(path, line, message, column, **more)
        if problem not in self._seen:
            self._seen.add(problem)
            self.items.append(problem)

    def at(self, src: SourceFile, key_path: tuple, message: str, column: int | None = None) -> None:
        self.add(src.path, src.line(*key_path), message, column)

    def expr(self, src: SourceFile, key_path: tuple, what: str, err: ExprError) -> None:
        """Every mistake an expression holds, each at the file's own line and column, with the
        line shown and a caret under the column."""
        for one in err.each():
            line, column, shown = src.line(*key_path), None, None
            if one.column is not None:
                found = position_in_value(src, key_path, one.column)
                if found is not None:
                    line, column, shown = found
            message = one.message
            if hasattr(message, "ko"):
                message = Text(f"{what_ko(what)}: {message.ko}", f"{what}: {message.en}")
            else:
                message = f"{what}: {message}"
            self.add(src.path, line, message, column,
                     text=one.text, suggestion=one.suggestion, source_line=shown)

    def check_schema(self, src: SourceFile, schema: str) -> list[tuple[tuple, int, str]]:
        """Report every schema problem in the file; returns them for deciding what to leave out."""
        if schema in src.valid_as:
            return []
        found = schema_problems(src, schema)
        for _path, line, message in found:
            self.add(src.path, line, message)
        return found


_WHAT_KO = {"criteria group": "요건 묶음", "criterion": "요건", "exclusion": "제외 사유", "definition": "정의",
            "question": "질문", "program": "사업"}


def what_ko(what: str) -> str:
    """"criterion 'x'" or "criteria group 'x'" in Korean words: "요건 'x'" (the id stays as written)."""
    for head, ko in _WHAT_KO.items():
        if what.startswith(head + " "):
            return ko + what[len(head):]
    return what


def bad_items(found: list[tuple[tuple, int, str]], list_key: str, src: SourceFile | None = None) -> set[int]:
    """Indexes of the items of top-level list `list_key` with a schema problem that matters
    (a stray key in a text pair that still has both languages does not, when `src` is given)."""
    return {
        p[1]
        for p, _line, _msg in found
        if len(p) >= 2 and p[0] == list_key and isinstance(p[1], int) and not (src is not None and is_soft(p, src))
    }


def text_of(value: object) -> Text | None:
    if isinstance(value, dict):
        ko, en = value.get("ko"), value.get("en")
        if isinstance(ko, str) and isinstance(en, str):
            return Text(ko, en)
    return None
