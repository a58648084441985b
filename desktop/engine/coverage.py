"""Proof that the example cases test the rules: what they reach, and which rule changes they notice.

Coverage: every criterion seen met, not met and unknown by some case; every numeric limit
(`x < limit`, `limit >= x`, either side a number) seen below, at and above; every exclusion
firing; every round kind and deadline state reached somewhere in the pack. A state that cannot
happen is written in the rule file, with its reason (`untestable: {unknown: reason}` on the
criterion), and listed instead of missed.

Mutation: each rule is changed in one small way (`<` and `<=` swapped, a limit moved by one unit,
a criterion or exclusion dropped, `all` and `any` swapped) and the cases of its program are run
again; a change no case notices is a surviving mutant. A change that cannot alter any outcome is
written on the criterion with its reason (`equivalent: {"'<' → '<='": reason}`).
"""

from __future__ import annotations

import ast
import dataclasses
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterator

from desktop.engine.evaluate import evaluate
from desktop.engine.expr import ExprError, Names, build_expr
from desktop.engine.expr.build import Builder
from desktop.engine.expr.parse import parse
from desktop.engine.expr.tri import is_number
from desktop.engine.model import Criterion, Group, Program, RuleError, RulePack, Text, criteria_of
from desktop.engine.plan import build_plan, plan_of
from desktop.engine.problem import Problem
from desktop.engine.scope import Scope
from desktop.engine.yamlsrc import position_in_value, read_source

CRITERION_STATES = ("met", "not_met", "unknown")
LIMIT_STATES = ("below", "at", "above")
ROUND_KINDS = ("fixed", "budget", "rolling", "not_announced")
DEADLINE_STATES = ("open", "upcoming", "closed", "not_announced", "rolling")
_ORDER = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}
_SWAP = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt}


@dataclass
class Report:
    missing: list[RuleError] = field(default_factory=list)  # what no case reaches
    excused: list[RuleError] = field(default_factory=list)  # annotated as impossible, with reasons
    checked: int = 0  # states required

    @property
    def complete(self) -> bool:
        return not self.missing


def names_of(pack: RulePack) -> Names:
    return Names(pack.questions, {d.id: d.expr.kind for d in pack.definitions.values()}, pack.tables,
                 bounds={d.id: d.expr.bound for d in pack.definitions.values()})


def _comparisons(text: str) -> Iterator[tuple[int, int, ast.Compare, int]]:
    """(index among the comparisons, op index, node, op position) for every ordering comparison."""
    tree = ast.parse(text, mode="eval")
    for n_i, node in enumerate(n for n in ast.walk(tree) if isinstance(n, ast.Compare)):
        for o_i, op in enumerate(node.ops):
            if type(op) in _ORDER:
                yield n_i, o_i, node, op


def _span(body: bytes, node: ast.AST) -> tuple[int, int]:
    """Character offsets (0-based) of a node in the one-line expression text."""
    def chars(b: int) -> int:
        return len(body[:b].decode("utf-8", errors="ignore"))

    return chars(node.col_offset), chars(node.end_col_offset)


def _pair_text(text: str, node: ast.Compare, o_i: int) -> tuple[str, int]:
    """The written text of one comparison of a chain (`15 <= age_years` of `15 <= age_years <= 69`)
    and the character offset of its operator."""
    body = text.encode("utf-8")
    operands = [node.left, *node.comparators]
    a_start, a_end = _span(body, operands[o_i])
    b_start, b_end = _span(body, operands[o_i + 1])
    symbol = _ORDER[type(node.ops[o_i])]
    op_at = text.find(symbol, a_end, b_start)
    return text[a_start:b_end], (op_at if op_at >= 0 else a_end)


def _body(c: Criterion) -> tuple[str, int]:
    """The expression as one line (how it is parsed) and how far it is indented in its value."""
    flat = (c.expr_source or "").replace("\r", " ").replace("\n", " ")
    return flat.strip(), len(flat) - len(flat.lstrip())


def limits_of(criterion: Criterion, names: Names) -> list[tuple[str, Any, Any]]:
    """(text of the comparison, left closure, right closure) for every ordering comparison."""
    if criterion.expr is None:
        return []
    tree, body = parse(criterion.expr_source)
    builder = Builder(body, names, 0)
    builder.build(tree)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            for i, op in enumerate(node.ops):
                if type(op) in _ORDER:
                    a, b = operands[i], operands[i + 1]
                    text = f"{builder.segment(a)} {_ORDER[type(op)]} {builder.segment(b)}"
                    out.append((text, builder.built[id(a)].fn, builder.built[id(b)].fn))
    return out


def _where(c: Criterion, program: Program) -> tuple[str, int]:
    if c.where is not None:
        return c.where.path, c.where.line
    return program.path, 1


def _what(c: Criterion, program: Program) -> Text:
    """"criterion 'x'", naming the program when the criterion is written in another file."""
    kind_ko, kind_en = ("제외 사유", "exclusion") if c.kind == "exclusion" else ("요건", "criterion")
    if c.origin:
        return Text(f"{kind_ko} '{c.id}'(프로그램 {program.id})", f"{kind_en} '{c.id}' (program {program.id})")
    return Text(f"{kind_ko} '{c.id}'", f"{kind_en} '{c.id}'")


_STATE_WORDS = {
    "met": ("충족", "met"),
    "not_met": ("미충족", "not met"),
    "unknown": ("알 수 없음", "unknown"),
    "below": ("한도 아래", "below"),
    "at": ("한도와 같음", "at"),
    "above": ("한도 위", "above"),
    "fires": ("해당", "fires"),
}


def _reason(value: Any) -> Text:
    """A reason written on a rule: plain text, or {ko: ..., en: ...}."""
    if isinstance(value, dict):
        return Text(str(value.get("ko", "")), str(value.get("en", "")))
    return Text(str(value), str(value))


def _state(state: str) -> tuple[str, str]:
    return _STATE_WORDS.get(state, (state, state.replace("_", " ")))


def coverage(pack: RulePack, runs) -> Report:
    """`runs` are CaseRuns (profile and assessment of every case that loaded)."""
    report = Report()
    names = names_of(pack)
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)  # (program, criterion) -> states
    limit_seen: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    limits = {
        (pid, c.id): limits_of(c, names)
        for pid, p in pack.programs.items()
        for c in list(criteria_of(p.eligibility)) + list(p.exclusions)
    }
    deadline_states: set[str] = set()
    plan = plan_of(pack)
    for run in runs:
        if run.assessment is None or run.profile is None:
            continue
        scope = Scope(run.profile.answers, plan.definitions, run.assessment.as_of)
        for result in run.assessment.programs:
            pid = result.program.id
            if result.deadline is not None:
                deadline_states.add(result.deadline.status)
            for cr in result.criteria:
                if cr.kind == "audience":
                    continue
                state = cr.result
                if cr.kind == "exclusion":
                    state = {"not_met": "fires", "met": "does_not_fire"}.get(state, state)
                seen[(pid, cr.id)].add(state)
                for text, left, right in limits.get((pid, cr.id), ()):
                    a, b = left(scope), right(scope)
                    if is_number(a) and is_number(b):
                        limit_seen[(pid, cr.id, text)].add("below" if a < b else "at" if a == b else "above")

    def need(c: Criterion, program: Program, state: str, reached: bool, limit: str | None = None) -> None:
        report.checked += 1
        path, line = _where(c, program)
        what = _what(c, program)
        if limit is not None:
            what = Text(f"{what.ko}의 한도 '{limit}'", f"{what.en} limit '{limit}'")
        ko, en = _state(state)
        reason = c.untestable.get(state) if c.untestable else None
        if reached and reason:
            report.missing.append(RuleError(path, line, Text(
                f"{what.ko}: 불가능으로 표시된 상태({ko})에 사례가 닿습니다. 표시를 지우세요",
                f"{what.en} is marked never {en}, but a case makes it {en}: remove the mark")))
        elif reached:
            return
        elif reason:
            report.excused.append(RuleError(path, line, Text(
                f"{what.ko}: {ko} 상태가 될 수 없음 — {_reason(reason).ko}",
                f"{what.en} is never {en}: {_reason(reason).en}")))
        else:
            report.missing.append(RuleError(path, line, Text(
                f"{what.ko}: {ko} 상태로 만드는 사례가 없습니다", f"{what.en}: no case makes it {en}")))

    for pid, program in pack.programs.items():
        for c in criteria_of(program.eligibility):
            if c.expr is None:
                continue  # unsettled: always unknown, nothing to test
            for state in CRITERION_STATES:
                need(c, program, state, state in seen[(pid, c.id)])
            for text, _l, _r in limits[(pid, c.id)]:
                for state in LIMIT_STATES:
                    need(c, program, state, state in limit_seen[(pid, c.id, text)], limit=text)
        for c in program.exclusions:
            if c.expr is None:
                continue
            need(c, program, "fires", "fires" in seen[(pid, c.id)])

    kinds = {r.kind for p in pack.programs.values() for r in p.rounds}
    for kind in ROUND_KINDS:
        report.checked += 1
        if kind not in kinds:
            report.missing.append(RuleError(pack.root, 1, Text(
                f"'{kind}' 종류의 공고 회차가 있는 프로그램이 없습니다", f"no program has a round of kind '{kind}'")))
    for state in DEADLINE_STATES:
        report.checked += 1
        if state not in deadline_states:
            report.missing.append(RuleError(pack.root, 1, Text(
                f"일정 상태 '{state}'에 닿는 사례가 없습니다", f"no case reaches the deadline state '{state}'")))
    return report


# ---------------------------------------------------------------- mutation


@dataclass(frozen=True)
class Mutant:
    program: str
    criterion: Criterion
    change: str  # e.g. "x <= 5: '<=' → '<'", "x <= 120: 120 → 121", "dropped", "'all' → 'any'"
    build: Any  # () -> Program (the mutated program), or None when the change does not compile
    at: int | None = None  # character (1-based) of the expression where the change is made
    spot: str | None = None  # the text changed there (an operator or a number)
    short: str | None = None  # the change without its comparison ("'<=' → '<'"), also accepted as a mark


def _expr_mutants(c: Criterion) -> Iterator[tuple[str, str, str, int, str]]:
    """(label, short label, mutated expression text, character of the change, text changed) for
    every change of one expression."""
    body, lead = _body(c)
    raw = body.encode("utf-8")
    shifted: set[tuple[int, int]] = set()
    for n_i, o_i, node, op in _comparisons(body):
        pair, op_at = _pair_text(body, node, o_i)
        if type(op) in _SWAP:
            new = _SWAP[type(op)]

            def flip(t, n_i=n_i, o_i=o_i, new=new):
                target = [n for n in ast.walk(t) if isinstance(n, ast.Compare)][n_i]
                target.ops[o_i] = new()

            short = f"'{_ORDER[type(op)]}' → '{_ORDER[new]}'"
            yield f"{pair}: {short}", short, _apply(body, flip), lead + op_at + 1, _ORDER[type(op)]
        operands = [node.left, *node.comparators]
        for k_i in (o_i, o_i + 1):
            operand = operands[k_i]
            if (n_i, k_i) in shifted:
                continue  # a number between two comparisons of a chain is moved once
            shifted.add((n_i, k_i))
            if isinstance(operand, ast.Constant) and is_number(operand.value):
                for delta in (1, -1):
                    def shift(t, n_i=n_i, k_i=k_i, delta=delta):
                        target = [n for n in ast.walk(t) if isinstance(n, ast.Compare)][n_i]
                        operands = [target.left, *target.comparators]
                        operands[k_i].value = operands[k_i].value + delta

                    value = operand.value
                    start, end = _span(raw, operand)
                    short = f"{value:_} → {value + delta:_}"
                    yield f"{pair}: {short}", short, _apply(body, shift), lead + start + 1, body[start:end]


def _apply(text: str, change) -> str:
    tree = ast.parse(text, mode="eval")
    change(tree)
    return ast.unparse(tree)


def _replace_in(node, old: Criterion, new: Criterion | None):
    """The tree with criterion `old` replaced by `new` (None: dropped)."""
    if isinstance(node, Criterion):
        return new if node is old else node
    kids = []
    for kid in node.children:
        built = _replace_in(kid, old, new)
        if built is not None:
            kids.append(built)
    if not kids:
        return None
    return dataclasses.replace(node, children=tuple(kids))


def _groups(node) -> Iterator[Group]:
    if isinstance(node, Group):
        yield node
        for kid in node.children:
            yield from _groups(kid)


def _swap_group(node, target: Group):
    if isinstance(node, Criterion):
        return node
    kids = tuple(_swap_group(k, target) for k in node.children)
    op = {"all": "any", "any": "all"}[node.op] if node is target else node.op
    return dataclasses.replace(node, op=op, children=kids)


def mutants(pack: RulePack) -> Iterator[Mutant]:
    names = names_of(pack)
    for pid, program in pack.programs.items():
        for c in criteria_of(program.eligibility):
            if c.expr is not None:
                for label, short, text, at, spot in _expr_mutants(c):
                    yield Mutant(pid, c, label, _rebuilt(program, c, text, names), at, spot, short)
            yield Mutant(pid, c, "dropped", _dropped(program, c))
        for c in program.exclusions:
            if c.expr is not None:
                for label, short, text, at, spot in _expr_mutants(c):
                    yield Mutant(pid, c, label, _rebuilt(program, c, text, names), at, spot, short)
            yield Mutant(pid, c, "dropped",
                         lambda program=program, c=c: dataclasses.replace(
                             program, exclusions=tuple(e for e in program.exclusions if e is not c)))
        for g in _groups(program.eligibility):
            if g.op in ("all", "any") and len(g.children) > 1:
                label = Criterion(g.id or f"{g.op} group", g.text, None, None, (), where=g.where)
                yield Mutant(pid, label, f"'{g.op}' → '{'any' if g.op == 'all' else 'all'}'",
                             lambda program=program, g=g: dataclasses.replace(
                                 program, eligibility=_swap_group(program.eligibility, g)))


def _rebuilt(program: Program, c: Criterion, text: str, names: Names):
    def build():
        try:
            expr = build_expr(text, names)
        except ExprError:
            return None
        new = dataclasses.replace(c, expr=expr, expr_source=text)
        if c.kind == "exclusion":
            return dataclasses.replace(program, exclusions=tuple(new if e is c else e for e in program.exclusions))
        return dataclasses.replace(program, eligibility=_replace_in(program.eligibility, c, new))

    return build


def _dropped(program: Program, c: Criterion):
    def build():
        tree = _replace_in(program.eligibility, c, None)
        if tree is None:
            return None
        return dataclasses.replace(program, eligibility=tree)

    return build


class _Places:
    """Where in its file a change to an expression is: line, column and the line itself (the file
    is read again only for the mutants that are reported)."""

    def __init__(self):
        self._files: dict[str, Any] = {}

    def of(self, m: Mutant) -> dict:
        c = m.criterion
        if m.at is None or c.where is None or not c.where.keys:
            return {}
        if c.where.path not in self._files:
            try:
                self._files[c.where.path] = read_source(c.where.path, shown=c.where.path)
            except Problem:
                self._files[c.where.path] = None
        src = self._files[c.where.path]
        if src is None:
            return {}
        key = "when" if c.kind == "exclusion" else "expr"
        found = position_in_value(src, tuple(c.where.keys) + (key,), m.at)
        if found is None:
            return {}
        line, column, text = found
        return {"line": line, "column": column, "source_line": text, "text": m.spot}


def _equivalent_reason(m: Mutant) -> Any:
    marks = m.criterion.equivalent or {}
    return marks.get(m.change) or (marks.get(m.short) if m.short else None)


@dataclass
class MutationReport:
    total: int = 0
    killed: int = 0
    survivors: list[RuleError] = field(default_factory=list)
    equivalent: list[RuleError] = field(default_factory=list)
    wrong_marks: list[RuleError] = field(default_factory=list)  # marked equivalent, yet a case notices it


def _killed(m: Mutant, mutated: Program, pack: RulePack, cases) -> bool:
    mpack = dataclasses.replace(pack, programs={m.program: mutated})  # only the program it changes
    object.__setattr__(mpack, "compiled", build_plan(mpack))
    for run, expected in cases:
        result = evaluate(mpack, run.profile.answers, run.assessment.as_of).by_id(m.program)
        if result.status != expected:
            return True
    return False


def mutation(pack: RulePack, runs) -> MutationReport:
    """Run every mutant against the cases that expect an outcome of its program."""
    report = MutationReport()
    by_program: dict[str, list] = defaultdict(list)
    for run in runs:
        if run.profile is None:
            continue
        for pid, expected in run.profile.expect.items():
            if pid in pack.programs:
                by_program[pid].append((run, expected))
    places = _Places()
    for m in mutants(pack):
        program = pack.programs[m.program]
        mutated = m.build()
        if mutated is None:
            continue
        report.total += 1
        killed = _killed(m, mutated, pack, by_program[m.program])
        reason = _equivalent_reason(m)
        if killed and not reason:
            report.killed += 1
            continue
        path, line = _where(m.criterion, program)
        where = {"line": line, **places.of(m)}
        what = _what(m.criterion, program)
        if reason and killed:
            report.killed += 1
            report.wrong_marks.append(RuleError(path, message=Text(
                f"{what.ko}: 동등으로 표시된 변이({m.change})를 사례가 알아챕니다. 표시를 지우세요",
                f"{what.en}: mutant {m.change} is marked equivalent, but a case notices it: remove the mark"),
                **where))
        elif reason:
            report.equivalent.append(RuleError(path, message=Text(
                f"{what.ko}: 변이({m.change})는 결과를 바꾸지 않음 — {_reason(reason).ko}",
                f"{what.en}: {m.change} changes no outcome: {_reason(reason).en}"), **where))
        else:
            report.survivors.append(RuleError(path, message=Text(
                f"{what.ko}: 변이({m.change})를 알아채는 사례가 없습니다",
                f"{what.en}: mutant {m.change} survives: no case notices it"), **where))
    return report
