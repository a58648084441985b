"""Static kinds: what type each part of an expression has before any applicant is assessed.

"number", "text", "bool", "date", "list" or "any" (not known before evaluation). The checks here
refuse, at load, comparisons and calls whose kinds can never fit, and text compared with a choice
question that is not one of its options.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any, Mapping

from desktop.engine.expr import size
from desktop.engine.expr.parse import suggest
from desktop.engine.model import Text

QUESTION_KINDS = {
    "bool": "bool",
    "int": "number",
    "amount": "number",
    "date": "date",
    "choice": "text",
    "industry": "text",
    "text": "text",
    "multi": "list",
}

KIND_WORDS = {
    "number": "a number",
    "text": "text",
    "bool": "a yes/no value",
    "date": "a date",
    "list": "a list",
}

# The kinds each function wants for its arguments (None: any kind).
_CALL_KINDS = {
    "date": ("text",),
    "year": ("date",),
    "date_of": ("number", "number", "number"),
    "years_since": ("date",),
    "days_since": ("date",),
    "years_between": ("date", "date"),
    "days_between": ("date", "date"),
    "abs": ("number",),
    "count": ("list",),
    "has": ("list", None),
    "has_any": ("list", "list"),
}


@dataclass
class Names:
    """What an expression may refer to. `questions` values need `.type` and `.options`;
    `tables` values need `.entries`, `.match` and optionally `.default`."""

    questions: Mapping[str, Any]
    definitions: Mapping[str, str] = field(default_factory=dict)  # id -> static kind
    tables: Mapping[str, Any] = field(default_factory=dict)
    # Ids written in the rule files but left out because of their own problems: id -> what it is.
    unavailable: Mapping[str, str] = field(default_factory=dict)
    # Definition id -> the largest whole number it can give (`size`); not yet known: 0.
    bounds: Mapping[str, int] = field(default_factory=dict)

    def kind_of_name(self, name: str) -> str | None:
        """The static kind of a question or definition id; None when the name is not known."""
        if name in self.questions:
            return QUESTION_KINDS.get(self.questions[name].type, "any")
        if name in self.definitions:
            return self.definitions[name] or "any"
        return None

    def bound_of_name(self, name: str) -> int:
        if name in self.questions:
            return size.of_question(self.questions[name])
        return self.bounds.get(name, 0)


def word(kind: str) -> str:
    return KIND_WORDS.get(kind, kind)


class KindChecks:
    """Checks mixed into the builder; they need `self.fail`, `self.segment`, `self.built` and
    `self.names`."""

    def describe(self, node: ast.AST, kind: str) -> str:
        return f"'{self.segment(node)}' is {word(kind)}"

    def check_compare(self, op, a_node, a, b_node, b, node) -> None:
        if isinstance(op, (ast.In, ast.NotIn)):
            if b.kind not in ("list", "text", "any"):
                raise self.fail(f"'in' needs a list or text on its right; {self.describe(b_node, b.kind)}", node)
            if b.kind == "list" and isinstance(b_node, ast.List):
                for elt in b_node.elts:
                    ek = self.built[id(elt)].kind
                    if a.kind != "any" and ek != "any" and ek != a.kind:
                        raise self.fail(
                            f"compares {word(a.kind)} ('{self.segment(a_node)}') "
                            f"with {word(ek)} ('{self.segment(elt)}')",
                            elt,
                        )
                self.check_options(a_node, list(b_node.elts))
            if b.kind == "list" and isinstance(b_node, ast.Name):
                self.check_options(b_node, [a_node])
            return
        if a.kind != "any" and b.kind != "any" and a.kind != b.kind:
            raise self.fail(
                f"compares {word(a.kind)} ('{self.segment(a_node)}') "
                f"with {word(b.kind)} ('{self.segment(b_node)}')",
                node,
            )
        if not isinstance(op, (ast.Eq, ast.NotEq)):
            for side, built in ((a_node, a), (b_node, b)):
                if built.kind in ("bool", "list"):
                    raise self.fail(
                        f"'<', '>' and the like need numbers, dates or text; {self.describe(side, built.kind)}", node
                    )
            return
        if isinstance(a_node, ast.Name):
            self.check_options(a_node, [b_node])
        if isinstance(b_node, ast.Name):
            self.check_options(b_node, [a_node])

    def check_options(self, name_node, value_nodes) -> None:
        """A text compared with a choice question must be one of its options (catches typos)."""
        if not isinstance(name_node, ast.Name):
            return
        q = self.names.questions.get(name_node.id)
        if q is None or q.type not in ("choice", "multi") or not q.options:
            return
        values = [o.value for o in q.options]
        for vn in value_nodes:
            if isinstance(vn, ast.Constant) and isinstance(vn.value, str) and vn.value not in values:
                elsewhere = [
                    qid for qid, other in self.names.questions.items()
                    if qid != name_node.id and other.type in ("choice", "multi")
                    and any(o.value == vn.value for o in (other.options or ()))
                ]
                if elsewhere:
                    message = Text(
                        f"'{vn.value}' — '{name_node.id}'의 선택지가 아니라 '{elsewhere[0]}'의 선택지입니다; "
                        f"'{name_node.id}'의 선택지: {', '.join(values)}",
                        f"'{vn.value}' is an option of '{elsewhere[0]}', not of '{name_node.id}'; "
                        f"options of '{name_node.id}': {', '.join(values)}")
                    hint = Text(f"비교할 질문: {elsewhere[0]} (또는 {name_node.id}의 선택지 가운데 하나)",
                                f"compare {elsewhere[0]} with '{vn.value}', or pick one of {name_node.id}'s options")
                else:
                    guess = suggest(vn.value, values)
                    right = guess.split(chr(39))[1] if guess else None
                    message = Text(
                        f"'{name_node.id}'의 선택지가 아닌 값: '{vn.value}'" + (f" (혹시 '{right}'?)" if right else "")
                        + f"; 선택지: {', '.join(values)}",
                        f"'{vn.value}' is not an option of '{name_node.id}'{guess}; options: {', '.join(values)}")
                    hint = Text(repr(right), f"write {right!r}") if right else None
                error = self.fail(message, vn)
                error.text, error.suggestion = repr(vn.value), hint
                self.errors.append(error)

    def check_call_kinds(self, name: str, node: ast.Call, args) -> None:
        if name in ("min", "max"):
            for a, an in zip(args, node.args):
                if a.kind not in ("number", "date", "any") and not (len(args) == 1 and a.kind == "list"):
                    raise self.fail(f"{name}() needs numbers or dates; {self.describe(an, a.kind)}", an)
            return
        wanted = _CALL_KINDS.get(name)
        if not wanted:
            return
        for want, a, an in zip(wanted, args, node.args):
            if want and a.kind not in (want, "any"):
                raise self.fail(f"{name}() needs {word(want)} here; {self.describe(an, a.kind)}", an)
        if name in ("has", "has_any") and isinstance(node.args[0], ast.Name):
            second = node.args[1]
            values = second.elts if isinstance(second, ast.List) else [second]
            self.check_options(node.args[0], values)
