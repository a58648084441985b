"""What can be worked out once per rule pack, so evaluating an applicant does as little as possible.

For every criterion: the questions it depends on (through definitions, transitively, in catalog
order), its near-miss shape and unit; for every program: its tree as flat indexes. None of this
depends on answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.engine.model import Criterion, Group, Program, RulePack, Text


@dataclass(frozen=True)
class LeafPlan:
    criterion: Criterion
    expr: Any  # compiled Expr or None
    depth: int
    group: str | None  # "any" / "not" when directly inside such a group
    names: tuple[str, ...]  # direct names read, for "values used"
    questions: tuple[str, ...]  # questions it depends on, transitively, catalog order
    near: tuple  # NearMissSpec for each limit of a `name < limit` or `low <= name <= high` leaf
    unit: str | None
    unit_text: Text | None
    to_verify: bool  # shown with a "to verify" mark: weak source, or no expression at all


@dataclass(frozen=True)
class ProgramPlan:
    program: Program
    tree: Any  # ("leaf", i) | (op, (children...), group)
    leaves: tuple[LeafPlan, ...]
    exclusions: tuple[LeafPlan, ...]
    audience: frozenset
    audience_text: Text
    unverifiable: tuple[str, ...]  # criteria and exclusions without an expression
    # Results that do not depend on the answers beyond the applicant type, made once:
    # (applicant, as_of) -> ProgramResult for an applicant outside the audience, and
    # applicant -> the audience CriterionResult.
    cache: dict
    has_amounts: bool = False  # some benefit works its amount out from the answers


@dataclass(frozen=True)
class PackPlan:
    definitions: dict  # id -> Expr (for the evaluation scope)
    def_questions: dict  # definition id -> frozenset of question ids
    applies_questions: dict  # question id -> questions its applies_if depends on
    order: dict  # question id -> catalog position
    programs: dict  # program id -> ProgramPlan
    questions: dict  # question id -> Question
    deadline_cache: dict  # as_of -> {program id: Deadline}; deadlines do not depend on answers
    # the RulePack this plan is of (for the domains, made on first use)
    pack: Any = field(default=None, compare=False, repr=False)
    # exact results already worked out, keyed by the criterion or program and the answers it reads
    exact_cache: dict = field(default_factory=dict)
    made_later: dict = field(default_factory=dict, compare=False, repr=False)  # the domains

    @property
    def domains(self):
        """exact.Domains, the answers worth trying for each question: made at the first
        evaluation that needs them, not when the rules are loaded (start-up does not)."""
        found = self.made_later.get("domains")
        if found is None:
            from desktop.engine.exact import Domains

            found = self.made_later["domains"] = Domains(self.pack, self)
        return found

    def questions_of(self, names) -> frozenset:
        out: set[str] = set()
        for n in names:
            if n in self.def_questions:
                out |= self.def_questions[n]
            elif n in self.order:
                out.add(n)
        return frozenset(out)


def build_plan(pack: RulePack) -> PackPlan:
    order = {qid: i for i, qid in enumerate(pack.questions)}
    def_questions: dict[str, frozenset] = {}
    for did, d in pack.definitions.items():  # dependency order: used ones come first
        qs: set[str] = set()
        for n in d.expr.names:
            if n in def_questions:
                qs |= def_questions[n]
            elif n in order:
                qs.add(n)
        def_questions[did] = frozenset(qs)
    plan = PackPlan(
        definitions={did: d.expr for did, d in pack.definitions.items()},
        def_questions=def_questions,
        applies_questions={},
        order=order,
        programs={},
        questions=dict(pack.questions),
        deadline_cache={},
        pack=pack,
    )
    for qid, q in pack.questions.items():
        if q.applies_if is not None:
            plan.applies_questions[qid] = plan.questions_of(q.applies_if.names)
    for pid, program in pack.programs.items():
        plan.programs[pid] = _program_plan(pack, plan, program)
    return plan


def unit_of(pack: RulePack, name: str | None) -> tuple[str | None, Text | None]:
    """The unit a near miss on `name` is measured in: (its English word, its Text)."""
    if name is None:
        return None, None
    q = pack.questions.get(name)
    if q is not None:
        if q.type == "amount":
            return "KRW", q.unit or Text("원", "KRW")
        return (q.unit.en if q.unit else None), q.unit
    d = pack.definitions.get(name)
    if d is not None and d.unit is not None:
        return d.unit.en, d.unit
    return None, None


def _leaf(pack: RulePack, plan: PackPlan, c: Criterion, depth: int, group: str | None) -> LeafPlan:
    expr = c.expr
    names = tuple(sorted(expr.names, key=lambda n: (plan.order.get(n, 10**6), n))) if expr else ()
    qs = plan.questions_of(expr.names) if expr else frozenset()
    near = expr.near if expr is not None else ()
    unit, unit_text = unit_of(pack, near[0].name if near else None)
    return LeafPlan(
        criterion=c,
        expr=expr,
        depth=depth,
        group=group,
        names=names,
        questions=tuple(sorted(qs, key=plan.order.__getitem__)),
        near=near,
        unit=unit,
        unit_text=unit_text,
        to_verify=c.to_verify or expr is None,
    )


def _program_plan(pack: RulePack, plan: PackPlan, program: Program) -> ProgramPlan:
    leaves: list[LeafPlan] = []

    def walk(node, depth: int, group: str | None):
        if isinstance(node, Group):
            kids = tuple(walk(k, depth + 1, node.op if node.op in ("any", "not") else group) for k in node.children)
            return (node.op, kids, node)
        leaves.append(_leaf(pack, plan, node, depth, group))
        return ("leaf", len(leaves) - 1)

    tree = walk(program.eligibility, -1, None)
    exclusions = tuple(_leaf(pack, plan, c, 0, None) for c in program.exclusions)
    from desktop.engine.phrases import audience_words, phrase

    unverifiable = tuple(l.criterion.id for l in (*leaves, *exclusions) if l.expr is None)
    return ProgramPlan(
        program,
        tree,
        tuple(leaves),
        exclusions,
        frozenset(program.audience),
        phrase("audience.open_to", who=audience_words(program.audience)),
        unverifiable,
        {},
        any(b.amount_expr is not None for b in program.benefits),
    )


def plan_of(pack: RulePack) -> PackPlan:
    """The pack's plan, built on first use for packs assembled by hand."""
    if pack.compiled is None:
        object.__setattr__(pack, "compiled", build_plan(pack))
    return pack.compiled
