"""The data the engine works on and hands out: the rule pack (immutable) and the assessment.

Everything here is plain data (frozen dataclasses, tuples, dicts of str). Views (Qt, PDF, CLI,
storage) read these objects and `Assessment.to_dict()`; they never reach into the loader or the
expression compiler.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterator, Literal, Mapping

from desktop.engine.problem import RuleError  # noqa: F401  (re-exported: the pack carries them)
from desktop.engine.text import Text
from desktop.engine.validity import ALWAYS, Validity

# ---------------------------------------------------------------- shared bits

Lang = Literal["ko", "en"]


@dataclass(frozen=True)
class Where:
    """Where a rule-file element was written: for `path:line: message` and for the views."""

    path: str
    line: int  # 1-based
    keys: tuple = field(default=(), compare=False)  # the keys leading to it in its file

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


# ---------------------------------------------------------------- rule pack

QuestionType = Literal["bool", "int", "amount", "date", "choice", "multi", "text", "industry"]
APPLICANT_TYPES = ("company", "school", "individual")


@dataclass(frozen=True)
class Option:
    value: str
    label: Text


@dataclass(frozen=True)
class Topic:
    id: str
    label: Text
    order: int


@dataclass(frozen=True)
class Question:
    id: str
    type: QuestionType
    topic: str
    label: Text
    help: Text | None
    options: tuple[Option, ...] = ()  # choice / multi
    min: float | None = None  # int / amount: inclusive bounds (amount in KRW)
    max: float | None = None
    unit: Text | None = None
    audience: tuple[str, ...] = APPLICANT_TYPES  # applicant types the question is for
    applies_if: Any = None  # compiled expression or None (always applies)
    order: int = 0  # position in the catalog
    where: Where | None = None


@dataclass(frozen=True)
class Industry:
    """One KSIC entry (section letter + division digits, e.g. C25)."""

    code: str
    label: Text


@dataclass(frozen=True)
class Definition:
    id: str
    label: Text
    expr: Any  # compiled expression
    source: str  # the expression text as written
    where: Where | None = None
    unit: Text | None = None  # for near misses on a derived number ("years", ...)
    help: Text | None = None
    validity: Validity = ALWAYS
    # Dated definitions: each version with its own validity; `expr` then picks the one in force.
    versions: tuple["Definition", ...] = ()


@dataclass(frozen=True)
class DatedValue:
    """One value of a table entry, with the days it is in force and the facts behind it."""

    validity: Validity
    value: Any
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    id: str
    match: Literal["exact", "prefix"]  # prefix: longest matching key prefix wins (KSIC codes)
    entries: Mapping[str, Any]
    where: Where | None = None
    default: Any = None  # value for a key that matches no entry (None: unknown)
    label: Text | None = None
    # Entries with a validity: key -> its DatedValues in order. `entries` holds the undated ones.
    dated: Mapping[str, tuple[DatedValue, ...]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    type: str | None = None  # amount | int | number | text | bool; None: one kind, not declared

    def entries_on(self, day: dt.date) -> dict[str, Any]:
        """The entries in force on `day`."""
        out = dict(self.entries)
        for key, versions in self.dated.items():
            for version in versions:
                if version.validity.holds(day):
                    out[key] = version.value
                    break
        return out

    def boundaries(self) -> tuple[dt.date, ...]:
        """The days on which some entry comes into or goes out of force, in order."""
        days: set[dt.date] = set()
        for versions in self.dated.values():
            for version in versions:
                validity = version.validity
                if validity.valid_from:
                    days.add(validity.valid_from)
                if validity.valid_to:
                    days.add(validity.valid_to + dt.timedelta(days=1))
        return tuple(sorted(days))


@dataclass(frozen=True)
class SourceFact:
    id: str
    text: Text


@dataclass(frozen=True)
class SourceNote:
    """One note in seeds/: a source document in our words, with the facts rules cite."""

    id: str
    title: Text
    publisher: Text  # the outlet or authority, named in each language
    date: dt.date
    kind: str  # press_release | news | law | ministry_page | blog
    reliability: str  # official | press | blog
    origin: str | None  # file in the shared seeds, or the outlet and headline
    url: str | None
    facts: Mapping[str, SourceFact]
    where: Where | None = None


@dataclass(frozen=True)
class Criterion:
    """A leaf of an eligibility tree, or an exclusion (a disqualifier)."""

    id: str
    text: Text
    expr: Any | None  # None: the sources are silent; always unknown ("to verify")
    expr_source: str | None
    sources: tuple[str, ...]  # "note-id#fact-id"
    to_verify: bool = False  # rests on weak sources (blogs) or is an assumption
    kind: Literal["criterion", "exclusion"] = "criterion"
    where: Where | None = None
    note: Text | None = None  # the rule writer's remark, shown in the rule book
    untestable: Mapping[str, str] | None = None  # state -> why no case can reach it (coverage)
    equivalent: Mapping[str, str] | None = None  # mutant -> why it changes no outcome (mutation)
    origin: str | None = None  # written elsewhere: "criteria group 'x'" or "program 'parent'"
    validity: Validity = ALWAYS
    near_within: tuple[str, float] | None = None  # own near-miss band (near_band.parse_band)
    holds: Text | None = None  # an exclusion worded as what must hold ("체납이 없어야 합니다")


@dataclass(frozen=True)
class Group:
    op: Literal["all", "any", "not"]
    children: tuple["Node", ...]
    id: str | None = None
    text: Text | None = None
    where: Where | None = None
    validity: Validity = ALWAYS


Node = Criterion | Group


def criteria_of(node: Node) -> Iterator[Criterion]:
    """The criteria of a tree of groups, left to right."""
    if isinstance(node, Criterion):
        yield node
        return
    for kid in node.children:
        yield from criteria_of(kid)


@dataclass(frozen=True)
class Benefit:
    text: Text
    amount: int | None = None  # KRW, when a single figure applies
    estimated: bool = False
    validity: Validity = ALWAYS
    sources: tuple[str, ...] = ()
    # what it pays worked out from the answers (compiled Expr), in `unit`: "KRW" or "percent";
    # `bound` says whether that figure is what it pays ("exact"), its most ("up_to") or its
    # least ("at_least")
    amount_expr: Any = None
    unit: str = "KRW"
    bound: str = "exact"


@dataclass(frozen=True)
class BenefitAmount:
    """One benefit's amount for these answers: `value` when the answers fix it, else the range
    the open questions (`questions`, which change only the amount) leave."""

    benefit: int  # position in the program's benefits
    value: float | None
    low: float | None
    high: float | None
    unit: str
    questions: tuple[str, ...] = ()
    bound: str = "exact"


@dataclass(frozen=True)
class Document:
    id: str
    text: Text


@dataclass(frozen=True)
class Round:
    id: str
    kind: Literal["fixed", "budget", "rolling", "not_announced"]
    opens: dt.datetime | None  # aware, Asia/Seoul
    closes: dt.datetime | None  # aware, Asia/Seoul (end of day when only a date was given)
    note: Text | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Recurrence:
    """How a program usually comes back, for estimating the next window."""

    every: Literal["year"]
    opens: tuple[int, int]  # (month, day)
    closes: tuple[int, int]
    note: Text | None = None


@dataclass(frozen=True)
class Program:
    id: str
    name: Text
    ministry: Text
    operator: Text | None
    audience: tuple[str, ...]
    summary: Text
    benefits: tuple[Benefit, ...]
    eligibility: Group
    exclusions: tuple[Criterion, ...]
    rounds: tuple[Round, ...]
    recurrence: Recurrence | None
    documents: tuple[Document, ...]
    apply_how: Text
    apply_url: str | None
    sources: tuple[str, ...]  # note ids (or note#fact)
    reviewed: dt.date
    maturity: Literal["open_call", "announced_policy", "planned"]
    tracks_of: str | None = None  # parent program id, for a track of a larger program
    path: str = ""
    note: Text | None = None  # the rule writer's remark, shown in the rule book
    extends: str | None = None  # the program this one is a track of, and inherits from
    where: Where | None = None


@dataclass(frozen=True)
class RulePack:
    """Everything loaded from a rules folder. Immutable; `version` is a hash of the file contents."""

    version: str
    questions: Mapping[str, Question]  # in catalog order
    topics: Mapping[str, Topic]
    industries: Mapping[str, Industry]
    definitions: Mapping[str, Definition]  # in dependency order
    tables: Mapping[str, Table]
    documents: Mapping[str, Document]
    notes: Mapping[str, SourceNote]
    programs: Mapping[str, Program]  # only the ones that loaded
    errors: tuple[RuleError, ...]  # problems found; the programs with errors are left out
    root: str = ""
    # The engine's precomputed evaluation plan (dependency sets, tree shapes); not part of the data.
    compiled: Any = field(default=None, compare=False, repr=False)
    # The packs of rules in force on a day, one per set of dated rules in force (see dated.py).
    in_force_cache: dict = field(default_factory=dict, compare=False, repr=False)


# ---------------------------------------------------------------- assessment

Status = Literal["eligible", "ineligible", "undetermined"]
Result = Literal["met", "not_met", "unknown"]
DeadlineStatus = Literal["open", "upcoming", "closed", "not_announced", "rolling"]


@dataclass(frozen=True)
class NearMiss:
    """A numeric limit missed: `value` compared with `limit` by `op`, missed by `by` (>0)."""

    criterion: str
    name: str  # the question or definition compared
    value: float
    limit: float
    op: str  # "<", "<=", ">", ">="
    by: float
    unit: str | None  # "KRW", "people", "years", ... from the question, if any


@dataclass(frozen=True)
class CriterionResult:
    id: str
    text: Text
    result: Result
    kind: Literal["criterion", "exclusion", "audience"]
    values: Mapping[str, Any]  # name -> value used (None when unknown); dates as ISO strings
    sources: tuple[str, ...]
    to_verify: bool
    depth: int = 0  # nesting level in the tree, for indented display
    group: str | None = None  # "any" / "not" when inside such a group
    # The sources leave this criterion unsettled (no published rule, no expression): an open value
    # that no answer sets. Its result stays "unknown" and it is never asked about; shown as
    # the catalog's "unsettled" ("the sources do not say").
    unsettled: bool = False


@dataclass(frozen=True)
class Deadline:
    status: DeadlineStatus
    opens: dt.date | None
    closes: dt.date | None
    days_left: int | None  # days from as_of to closes (KST); None when no closing date
    estimated: bool
    round_id: str | None
    kind: str | None  # the round kind
    note: Text | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "opens": self.opens.isoformat() if self.opens else None,
            "closes": self.closes.isoformat() if self.closes else None,
            "days_left": self.days_left,
            "estimated": self.estimated,
            "round": self.round_id,
            "kind": self.kind,
            "note": self.note.to_dict() if self.note else None,
        }


@dataclass(frozen=True)
class ProgramResult:
    program: Program
    status: Status
    criteria: tuple[CriterionResult, ...]  # audience first, then the tree in order, then exclusions
    missing: tuple[str, ...]  # question ids that would decide an undetermined program
    failed: tuple[str, ...]  # ids of every criterion / exclusion that is not met
    near_misses: tuple[NearMiss, ...]
    # criteria the sources leave unsettled (no expression): they hold the outcome open, "the
    # sources do not say", and no question decides them
    unverifiable: tuple[str, ...]
    deadline: Deadline
    # what the program pays, for programs eligible or still open; and the unanswered questions
    # that change only that (asked after the deciding ones, never counted among them)
    amounts: tuple[BenefitAmount, ...] = ()
    amount_questions: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.program.id

    def to_dict(self, lang: str = "ko") -> dict[str, Any]:
        from desktop.engine.serialize import program_result_to_dict

        return program_result_to_dict(self, lang)


@dataclass(frozen=True)
class Assessment:
    as_of: dt.date
    rules_version: str
    programs: tuple[ProgramResult, ...]  # in pack order
    answers: Mapping[str, Any] = field(default_factory=dict)

    def by_id(self, program_id: str) -> ProgramResult:
        for p in self.programs:
            if p.program.id == program_id:
                return p
        raise KeyError(program_id)

    def to_dict(self, lang: str = "ko") -> dict[str, Any]:
        from desktop.engine.serialize import assessment_to_dict

        return assessment_to_dict(self, lang)


@dataclass(frozen=True)
class CalendarEntry:
    """One application window on the calendar (a real round or an estimated next one)."""

    program: Program
    round_id: str | None
    kind: str  # round kind, or "estimated"
    opens: dt.date | None
    closes: dt.date | None  # KST date
    estimated: bool
    note: Text | None = None


# ---------------------------------------------------------------- profiles


@dataclass
class Profile:
    """A profile file (YAML or JSON): the applicant and their answers.

    `answers` maps question id -> value (None = "I don't know"); it always holds
    `applicant_type`. `expect` and `today` are only used by example cases.
    """

    name: str
    applicant_type: str
    answers: dict[str, Any]
    expect: dict[str, str] = field(default_factory=dict)
    # cases only: per program, what else the outcome must show — `failed` / `unsettled`
    # (criterion ids that must be among the failed / unsettled ones), `met` (criterion ids that
    # must be met), `missing` (exactly these questions would decide it)
    expect_detail: dict[str, dict] = field(default_factory=dict)
    today: dt.date | None = None
    path: str | None = None
