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
from desktop.engine.josa import attach
from desktop.engine.model import Text
from desktop.engine.suggest import closest

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
    "number": Text("숫자", "a number"),
    "text": Text("글자", "text"),
    "bool": Text("예/아니오 값", "a yes/no value"),
    "date": Text("날짜", "a date"),
    "list": Text("목록", "a list"),
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


def word(kind: str, lang: str = "en") -> str:
    found = KIND_WORDS.get(kind)
    return found.get(lang) if found is not None else kind


def mismatch(a_kind: str, a_text: str, b_kind: str, b_text: str) -> Text:
    """Two sides of a comparison whose kinds can never be equal."""
    return Text(f"종류가 다른 두 값을 비교합니다: {word(a_kind, 'ko')} '{a_text}', {word(b_kind, 'ko')} '{b_text}'",
                f"compares {word(a_kind)} ('{a_text}') with {word(b_kind)} ('{b_text}')")


def needs(what: Text, described: Text) -> Text:
    """'`what` needed here; <what the part is>' in both languages."""
    return Text(f"{what.ko}; {described.ko}", f"{what.en}; {described.en}")


class KindChecks:
    """Checks mixed into the builder; they need `self.fail`, `self.segment`, `self.built` and
    `self.names`."""

    def describe(self, node: ast.AST, kind: str) -> Text:
        seg = self.segment(node)
        return Text(f"'{seg}'의 종류는 {word(kind, 'ko')}입니다", f"'{seg}' is {word(kind)}")

    def check_compare(self, op, a_node, a, b_node, b, node) -> None:
        if isinstance(op, (ast.In, ast.NotIn)):
            if b.kind not in ("list", "text", "any"):
                raise self.fail(needs(Text("'in' 오른쪽에는 목록이나 글자가 와야 합니다", "'in' needs a list or text on its right"),
                                      self.describe(b_node, b.kind)), node)
            if b.kind == "list" and isinstance(b_node, ast.List):
                for elt in b_node.elts:
                    ek = self.built[id(elt)].kind
                    if a.kind != "any" and ek != "any" and ek != a.kind:
                        raise self.fail(mismatch(a.kind, self.segment(a_node), ek, self.segment(elt)), elt)
                self.check_options(a_node, list(b_node.elts))
            if b.kind == "list" and isinstance(b_node, ast.Name):
                self.check_options(b_node, [a_node])
            return
        if a.kind != "any" and b.kind != "any" and a.kind != b.kind:
            raise self.fail(mismatch(a.kind, self.segment(a_node), b.kind, self.segment(b_node)), node)
        if not isinstance(op, (ast.Eq, ast.NotEq)):
            for side, built in ((a_node, a), (b_node, b)):
                if built.kind in ("bool", "list"):
                    raise self.fail(needs(Text("'<', '>' 같은 크기 비교에는 숫자, 날짜, 글자만 쓸 수 있습니다",
                                               "'<', '>' and the like need numbers, dates or text"),
                                          self.describe(side, built.kind)), node)
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
                    right = closest(vn.value, values)
                    guess = f" (did you mean '{right}'?)" if right else ""
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
                    raise self.fail(needs(Text(f"{name}()에는 숫자나 날짜가 필요합니다", f"{name}() needs numbers or dates"),
                                          self.describe(an, a.kind)), an)
            return
        wanted = _CALL_KINDS.get(name)
        if not wanted:
            return
        for want, a, an in zip(wanted, args, node.args):
            if want and a.kind not in (want, "any"):
                raise self.fail(needs(Text(f"{name}()의 이 자리에는 {attach(word(want, 'ko'), '이')} 필요합니다",
                                           f"{name}() needs {word(want)} here"), self.describe(an, a.kind)), an)
        if name in ("has", "has_any") and isinstance(node.args[0], ast.Name):
            second = node.args[1]
            values = second.elts if isinstance(second, ast.List) else [second]
            self.check_options(node.args[0], values)
