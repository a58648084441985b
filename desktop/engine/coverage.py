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
from desktop.engine.model import Criterion, Group, Program, RuleError, RulePack
from desktop.engine.plan import build_plan
from desktop.engine.scope import Scope

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


def criteria_of(node) -> Iterator[Criterion]:
    if isinstance(node, Criterion):
        yield node
        return
    for kid in node.children:
        yield from criteria_of(kid)


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
    plan = pack.compiled
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

    def need(c: Criterion, program: Program, state: str, reached: bool, what: str) -> None:
        report.checked += 1
        if reached:
            return
        path, line = _where(c, program)
        reason = c.untestable.get(state) if c.untestable else None
        if reason:
            report.excused.append(RuleError(path, line, f"{what} is never {state.replace('_', ' ')}: {reason}"))
        else:
            report.missing.append(RuleError(path, line, f"{what}: no case makes it {state.replace('_', ' ')}"))

    for pid, program in pack.programs.items():
        for c in criteria_of(program.eligibility):
            if c.expr is None:
                continue  # unsettled: always unknown, nothing to test
            for state in CRITERION_STATES:
                need(c, program, state, state in seen[(pid, c.id)], f"criterion '{c.id}'")
            for text, _l, _r in limits[(pid, c.id)]:
                for state in LIMIT_STATES:
                    need(c, program, state, state in limit_seen[(pid, c.id, text)],
                         f"criterion '{c.id}' limit '{text}'")
        for c in program.exclusions:
            if c.expr is None:
                continue
            need(c, program, "fires", "fires" in seen[(pid, c.id)], f"exclusion '{c.id}'")

    kinds = {r.kind for p in pack.programs.values() for r in p.rounds}
    for kind in ROUND_KINDS:
        report.checked += 1
        if kind not in kinds:
            report.missing.append(RuleError(pack.root, 1, f"no program has a round of kind '{kind}'"))
    for state in DEADLINE_STATES:
        report.checked += 1
        if state not in deadline_states:
            report.missing.append(RuleError(pack.root, 1, f"no case reaches the deadline state '{state}'"))
    return report


# ---------------------------------------------------------------- mutation


@dataclass(frozen=True)
class Mutant:
    program: str
    criterion: Criterion
    change: str  # e.g. "'<=' → '<'", "120 → 121", "dropped", "'all' → 'any'"
    build: Any  # () -> Program (the mutated program), or None when the change does not compile


def _expr_mutants(c: Criterion) -> Iterator[tuple[str, str]]:
    """(description, mutated expression text) for every change of one expression."""
    tree = ast.parse(c.expr.text, mode="eval")
    sites = [n for n in ast.walk(tree) if isinstance(n, ast.Compare)]
    for n_i, node in enumerate(sites):
        for o_i, op in enumerate(node.ops):
            if type(op) in _SWAP:
                new = _SWAP[type(op)]

                def flip(t, n_i=n_i, o_i=o_i, new=new):
                    target = [n for n in ast.walk(t) if isinstance(n, ast.Compare)][n_i]
                    target.ops[o_i] = new()

                yield f"'{_ORDER[type(op)]}' → '{_ORDER[new]}'", _apply(c.expr.text, flip)
        if not any(type(op) in _ORDER for op in node.ops):
            continue
        for k_i, operand in enumerate([node.left, *node.comparators]):
            if isinstance(operand, ast.Constant) and is_number(operand.value):
                for delta in (1, -1):
                    def shift(t, n_i=n_i, k_i=k_i, delta=delta):
                        target = [n for n in ast.walk(t) if isinstance(n, ast.Compare)][n_i]
                        operands = [target.left, *target.comparators]
                        operands[k_i].value = operands[k_i].value + delta

                    value = operand.value
                    yield f"{value:_} → {value + delta:_}", _apply(c.expr.text, shift)


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
                for change, text in _expr_mutants(c):
                    yield Mutant(pid, c, change, _rebuilt(program, c, text, names))
            yield Mutant(pid, c, "dropped", _dropped(program, c))
        for c in program.exclusions:
            if c.expr is not None:
                for change, text in _expr_mutants(c):
                    yield Mutant(pid, c, change, _rebuilt(program, c, text, names))
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


@dataclass
class MutationReport:
    total: int = 0
    killed: int = 0
    survivors: list[RuleError] = field(default_factory=list)
    equivalent: list[RuleError] = field(default_factory=list)


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
    for m in mutants(pack):
        program = pack.programs[m.program]
        path, line = _where(m.criterion, program)
        what = f"{'exclusion' if m.criterion.kind == 'exclusion' else 'criterion'} '{m.criterion.id}'"
        reason = (m.criterion.equivalent or {}).get(m.change)
        mutated = m.build()
        if mutated is None:
            continue
        report.total += 1
        if reason:
            report.equivalent.append(RuleError(path, line, f"{what}: {m.change} changes no outcome: {reason}"))
            continue
        mpack = dataclasses.replace(pack, programs={m.program: mutated})  # only the program it changes
        object.__setattr__(mpack, "compiled", build_plan(mpack))
        killed = False
        for run, expected in by_program[m.program]:
            result = evaluate(mpack, run.profile.answers, run.assessment.as_of).by_id(m.program)
            if result.status != expected:
                killed = True
                break
        if killed:
            report.killed += 1
        else:
            report.survivors.append(RuleError(path, line, f"{what}: mutant {m.change} survives: no case notices it"))
    return report
