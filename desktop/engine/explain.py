"""What Jiwon says about one program: its outcome, why, what to confirm, and by when, decided once.

`explain()` turns a program's result into an `Explanation` in both languages. Every view (the
wizard's live panel, the results list and detail, the PDF, `jiwon evaluate` text and JSON, the
calendar file) renders it and none works out reasons or words of its own:

- the status word, and one badge for how real the program is that agrees with its deadline;
- the deciding reasons: for not eligible the failed criteria that decide it (an either-or group
  only when every branch fails, as one reason naming the alternatives); for eligible the criteria
  that made it so (never a failed alternative); for undetermined the open questions that decide
  it, most decisive first;
- what is still to confirm, worded as what must hold, never as an accusation;
- the near misses (already bounded to a band by the evaluation);
- what each benefit pays: worked out from the answers where its rule can, or the range the
  questions still open (which change only the amount) leave;
- the deadline sentence, and how old the sources are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.engine.amounts import format_amount
from desktop.engine.formatting import date_text, near_miss_text
from desktop.engine.model import (
    Assessment, BenefitAmount, CalendarEntry, Criterion, CriterionResult, Deadline, Group, Program, ProgramResult, RulePack,
    Text,
)
from desktop.engine.phrases import audience_words, counted, join, phrase, word
from desktop.engine.plan import plan_of
from desktop.engine.scope import Scope
from desktop.engine.source_age import is_old, months_between, newest_note

_UNKNOWN = None  # three-valued: True, False or None (unknown, or the sources are silent)


@dataclass(frozen=True)
class Line:
    """One sentence of an explanation, with the criteria and questions it rests on."""

    text: Text
    criteria: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    note: Text | None = None  # e.g. "answered 'I don't know'"

    def to_dict(self, lang: str) -> dict:
        return {
            "text": self.text.get(lang),
            "criteria": list(self.criteria),
            "questions": list(self.questions),
            "note": self.note.get(lang) if self.note else None,
        }


@dataclass(frozen=True)
class BenefitLine:
    """One benefit as every view shows it: its text, the words for its amount (None: the rule
    gives no figure), whether that is an estimate, and whether the amount was worked out from
    the answers (then `questions` are those still open that change only the amount)."""

    text: Text
    amount: Text | None
    estimated: bool = False
    worked_out: bool = False
    questions: tuple[str, ...] = ()

    def to_dict(self, lang: str) -> dict:
        return {
            "text": self.text.get(lang),
            "amount_text": self.amount.get(lang) if self.amount is not None else None,
            "estimated": self.estimated,
            "worked_out": self.worked_out,
            "questions": list(self.questions),
        }


@dataclass(frozen=True)
class Explanation:
    program: Program
    status: str
    status_word: Text
    for_applicant: bool  # the program's audience holds the applicant's type
    badge: str  # open_call | call_expected | announced_policy | planned
    badge_word: Text
    badge_sentence: Text
    headline: Text
    reasons_heading: Text
    reasons: tuple[Line, ...]
    to_confirm: tuple[Line, ...]
    near_misses: tuple[Line, ...]
    questions: tuple[str, ...]  # the deciding questions, most decisive first
    deadline: Text  # the deadline sentence
    deadline_short: Text  # "D-12", "상시 접수", "약 40일 후 (추정)" ...
    deadline_state: str  # the window's state as shown: a deadline status, or "estimated"
    deadline_word: Text  # the word for that state
    sources_date: dt.date | None
    sources_months: int | None
    sources_old: bool
    sources_note: Text | None  # the out-of-date warning, when old
    # what the program gives, each benefit with its amount: worked out from the answers, or the
    # range while the questions that change only the amount are open (never deciding ones)
    benefits: tuple["BenefitLine", ...] = ()
    amount_short: Text | None = None  # the worked-out figure a list shows beside the name

    @property
    def id(self) -> str:
        return self.program.id

    def to_dict(self, lang: str = "ko") -> dict:
        t = lambda x: x.get(lang) if x is not None else None  # noqa: E731
        return {
            "status_text": t(self.status_word),
            "for_applicant": self.for_applicant,
            "badge": self.badge,
            "badge_text": t(self.badge_word),
            "headline_text": t(self.headline),
            "reasons": [r.to_dict(lang) for r in self.reasons],
            "to_confirm": [r.to_dict(lang) for r in self.to_confirm],
            "near_misses": [r.to_dict(lang) for r in self.near_misses],
            "questions": list(self.questions),
            "benefits": [b.to_dict(lang) for b in self.benefits],
            "amount_short_text": t(self.amount_short),
            "deadline_text": t(self.deadline),
            "deadline_short_text": t(self.deadline_short),
            "sources_date": self.sources_date.isoformat() if self.sources_date else None,
            "sources_months": self.sources_months,
            "sources_old": self.sources_old,
            "sources_text": t(self.sources_note),
        }


# ---------------------------------------------------------------- who a program is for


def open_to(program: Program, applicant_type: str | None) -> bool:
    """Whether the program's audience holds this kind of applicant (unknown type: yes)."""
    return applicant_type is None or applicant_type in program.audience


def for_applicant(results, applicant_type: str | None) -> tuple[list, list]:
    """(open to this applicant, for other applicants), each in the given order."""
    mine, others = [], []
    for r in results:
        (mine if open_to(r.program, applicant_type) else others).append(r)
    return mine, others


def left_out(programs, applicant_type: str | None) -> int:
    """How many of `programs` are for other kinds of applicant (none when the type is unknown)."""
    return sum(1 for p in programs if not open_to(p, applicant_type))


def left_out_line(n: int) -> Text:
    """'다른 신청자 대상 사업 14개는 제외했습니다' / '14 programs for other kinds of applicant are left out'."""
    return counted("audience.left_out", n)


# ---------------------------------------------------------------- words for single parts


def status_word(status: str) -> Text:
    return word("status", status)


def result_word(c: CriterionResult) -> Text:
    """A criterion's result; an exclusion reads from the applicant's side ('does not apply');
    a criterion the sources leave unsettled says so ('the sources do not say')."""
    if getattr(c, "unsettled", False):
        return phrase("unsettled")
    return word("exclusion" if c.kind == "exclusion" else "result", c.result)


def badge_of(program: Program, deadline: Deadline) -> str:
    """How real the program is, never contradicting its deadline: a round open now is an open
    call; a program with calls but none open is 'call expected'; otherwise its maturity."""
    if deadline.status in ("open", "rolling"):
        return "open_call"
    if program.maturity == "open_call":
        return "call_expected"
    return program.maturity


def days_left_text(days: int | None, short: bool = False) -> Text:
    """'D-12' / '12 days left' ('12 days' when `short`, under a "Days left" heading)."""
    if days is None:
        return phrase("no_date")
    if days == 0:
        return phrase("days.today")
    if days < 0:
        return phrase("days.ago", n=-days)
    return counted("days.short" if short else "days.left", days)


def entry_days_text(e: CalendarEntry, as_of: dt.date) -> Text:
    """The days-left column of a calendar entry: 'D-12' before a closing date; a window with no
    closing date (rolling, or until the budget runs out) is 'open' once it has opened and 'in N
    days' before."""
    if e.closes is not None:
        return days_left_text((e.closes - as_of).days)
    if e.opens is not None and e.opens > as_of:
        return counted("in_days", (e.opens - as_of).days)
    return phrase("deadline.open")


def _date(d: dt.date | None, weekday: bool = True) -> Text:
    return Text(date_text(d, "ko", weekday), date_text(d, "en", weekday))


def window_case(d: Deadline, as_of: dt.date) -> str:
    """Which of the window's cases a deadline is in, decided once for the sentence and the short
    form: open, open_budget, open_no_close, rolling, upcoming, estimated_ahead, estimated_open,
    closed or not_announced. An estimate is told as an estimate (ahead, or usually open now),
    never as a countdown to a close nobody announced."""
    if d.status == "open":
        if d.kind == "budget":
            return "open_budget"
        return "open" if d.closes is not None else "open_no_close"
    if d.status == "rolling":
        return "rolling"
    if d.status == "upcoming" and d.opens is not None:
        return "upcoming"
    if d.estimated and d.opens is not None:
        return "estimated_ahead" if d.opens > as_of else "estimated_open"
    if d.status == "closed":
        return "closed"
    return "not_announced"


def deadline_state(d: Deadline, as_of: dt.date) -> str:
    """The state a view shows beside the sentence: an estimate is 'estimated', not 'not announced'."""
    return "estimated" if window_case(d, as_of).startswith("estimated") else d.status


def deadline_sentence(d: Deadline, as_of: dt.date) -> Text:
    """The one sentence about the application window that every view prints."""
    closes, opens = _date(d.closes), _date(d.opens)
    case = window_case(d, as_of)
    if case in ("open", "open_budget"):
        left = days_left_text(d.days_left)
        if case == "open_budget":
            if d.closes is not None:
                return phrase("say.open_budget_close", closes=closes, left=left)
            return phrase("say.open_budget")
        return phrase("say.open_close", closes=closes, left=left)
    if case == "open_no_close":
        return phrase("say.open_no_close")
    if case == "rolling":
        return phrase("say.rolling_until", closes=closes) if d.closes else phrase("say.rolling")
    if case == "upcoming":
        wait = counted("in_days", max((d.opens - as_of).days, 0))
        if d.closes is not None:
            return phrase("say.upcoming_close", opens=opens, wait=wait, closes=closes)
        return phrase("say.upcoming", opens=opens, wait=wait)
    if case == "estimated_ahead":
        return phrase("say.estimated_ahead", n=(d.opens - as_of).days, opens=opens, closes=closes)
    if case == "estimated_open":
        return phrase("say.estimated_open", opens=opens, closes=closes)
    if case == "closed":
        return phrase("say.closed", closes=closes) if d.closes else phrase("say.closed_undated")
    return phrase("say.not_announced")


def deadline_short(d: Deadline, as_of: dt.date) -> Text:
    """The deadline in a few characters, for a list column: the same case as the sentence."""
    case = window_case(d, as_of)
    if case in ("open", "open_budget") and d.days_left is not None and d.days_left >= 0:
        return days_left_text(d.days_left) if d.days_left else phrase("days.today")
    if case == "upcoming":
        return counted("in_days", max((d.opens - as_of).days, 0))
    if case == "estimated_ahead":
        about = phrase("about_days", n=(d.opens - as_of).days)
        est = phrase("estimated")
        return Text(f"{about.ko} ({est.ko})", f"{about.en} ({est.en})")
    if case == "estimated_open":
        return phrase("short.estimated_open")
    return word("deadline", d.status)


def rules_label(pack: RulePack, version: str | None = None) -> Text:
    """'2026-11-21 규칙 · 1aa59dc': the newest `reviewed:` date in the pack and the short hash."""
    version = version or pack.version
    reviewed = _newest_review(pack)
    short = version[:7]
    if reviewed is None:
        return Text(short, short)
    return phrase("rules.version", date=reviewed.isoformat(), id=short)


def rules_name(pack: RulePack) -> Text:
    """'2026-11-21 규칙': the rules as users know them, by the newest `reviewed:` date (the hash
    is for About and tooltips)."""
    reviewed = _newest_review(pack)
    if reviewed is None:
        short = pack.version[:7]
        return Text(short, short)
    return phrase("rules.dated", date=reviewed.isoformat())


def _newest_review(pack: RulePack) -> dt.date | None:
    return max((p.reviewed for p in pack.programs.values()), default=None)


# ---------------------------------------------------------------- the tree, three-valued


def _leaf_value(res: dict, c: Criterion):
    r = res.get(c.id)
    if r is None:
        return _UNKNOWN
    return {"met": True, "not_met": False}.get(r.result, _UNKNOWN)


def _value(node, res: dict):
    if isinstance(node, Criterion):
        return _leaf_value(res, node)
    vals = [_value(k, res) for k in node.children]
    if node.op in ("all", "not"):
        inner = False if False in vals else (True if all(v is True for v in vals) else _UNKNOWN)
        if node.op == "all":
            return inner
        return _UNKNOWN if inner is _UNKNOWN else not inner
    return True if True in vals else (False if all(v is False for v in vals) else _UNKNOWN)


def _leaves(node) -> list[Criterion]:
    if isinstance(node, Criterion):
        return [node]
    return [c for k in node.children for c in _leaves(k)]


def _failed(node, res: dict, ctx: "_Ctx | None" = None) -> list[Line]:
    """Why `node` (false) is false: the failed criteria that decide it."""
    if isinstance(node, Criterion):
        return [Line(node.text, (node.id,))]
    kids = [k for k in node.children if _value(k, res) is False] if node.op == "all" else []
    if node.op == "all":
        return [line for k in kids for line in _failed(k, res, ctx)]
    if node.op == "not":  # false because what it forbids holds
        holding = [c for c in _leaves(node) if _leaf_value(res, c) is True]
        return [Line(phrase("reason.must_not", text=c.text), (c.id,)) for c in holding]
    # any: false only when every branch fails; one reason naming the alternatives
    items, ids = _alternatives(node, res, ctx)
    if len(items) == 1:
        return [Line(items[0], tuple(ids))]
    return [Line(phrase("reason.either_none", items=join(items, "reason.or")), tuple(ids))]


def _alternatives(node: Group, res: dict, ctx: "_Ctx | None" = None) -> tuple[list[Text], list[str]]:
    """The failed branches of a false `any`, nested either-ors flattened into one list. A branch
    that fails on the kind of applicant alone (a company's branch, for an individual) is no
    alternative for this applicant and is left out, unless nothing else is left."""
    items, ids, guarded = [], [], []
    for k in node.children:
        inner = _sole_failed_any(k, res)
        if inner is not None:
            more, more_ids = _alternatives(inner, res, ctx)
            items += more
            ids += more_ids
            continue
        lines = _failed(k, res, ctx)
        text = k.text if isinstance(k, Group) and k.text is not None else \
            join([line.text for line in lines], "reason.and")
        crit = [i for line in lines for i in line.criteria]
        if ctx is not None and any(ctx.other_applicant(i) for i in crit):
            guarded.append((text, crit))
            continue
        items.append(_no_or(text))
        ids += crit
    if not items:
        for text, crit in guarded:
            items.append(_no_or(text))
            ids += crit
    return items, ids


def _sole_failed_any(node, res: dict) -> Group | None:
    """The untitled either-or that alone makes `node` fail (node itself, or the one failed part
    of an `all`), so that its alternatives join the list around it."""
    if isinstance(node, Criterion) or node.text is not None:
        return None
    if node.op == "any":
        return node
    if node.op == "all":
        failed = [k for k in node.children if _value(k, res) is False]
        if len(failed) == 1 and isinstance(failed[0], Group):
            return _sole_failed_any(failed[0], res)
    return None


def _no_or(t: Text) -> Text:
    """An alternative's text without a leading 'or' of its own ('또는 …', 'Or …')."""
    ko = t.ko[3:] if t.ko.startswith("또는 ") else t.ko
    en = t.en[3:] if t.en.lower().startswith("or ") else t.en
    return Text(ko, en[:1].upper() + en[1:] if en is not t.en else en)


class _Ctx:
    """What the tree walk needs beyond the results: which criteria fail on the applicant type."""

    def __init__(self, pack: RulePack, r: ProgramResult, applicant, as_of):
        self.exprs = {}
        plan = plan_of(pack)
        pp = plan.programs.get(r.program.id)
        if pp is not None:
            self.exprs = {leaf.criterion.id: leaf.expr for leaf in (*pp.leaves, *pp.exclusions)}
        self.scope = Scope({"applicant_type": applicant}, plan.definitions, as_of)
        self.cache: dict[str, bool] = {}

    def other_applicant(self, cid: str) -> bool:
        """Whether the criterion is false for this kind of applicant whatever the other answers."""
        if cid not in self.cache:
            expr = self.exprs.get(cid)
            ok = False
            if expr is not None and "applicant_type" in expr.names:
                try:
                    ok = expr(self.scope) is False
                except Exception:
                    ok = False
            self.cache[cid] = ok
        return self.cache[cid]


def _met(node, res: dict) -> list[Line]:
    """Why `node` (true) is true: the criteria that made it so, never a failed alternative."""
    if isinstance(node, Criterion):
        return [Line(node.text, (node.id,))]
    if node.op == "not":
        clear = [c for c in _leaves(node) if _leaf_value(res, c) is False]
        return [Line(phrase("reason.does_not_hold", text=c.text), (c.id,)) for c in clear]
    kids = node.children if node.op == "all" else [k for k in node.children if _value(k, res) is True]
    if node.op == "any":
        kids = kids[:1]  # the branch that holds; another holding branch adds nothing
    return [line for k in kids for line in _met(k, res)]


def _open(node, res: dict) -> list[Criterion]:
    """The undecided criteria that decide `node` (unknown)."""
    if isinstance(node, Criterion):
        return [node]
    return [c for k in node.children if _value(k, res) is _UNKNOWN for c in _open(k, res)]


# ---------------------------------------------------------------- one program


def _confirm(c: Criterion) -> Line:
    if c.kind == "exclusion":
        if c.holds is not None:
            return Line(phrase("confirm.holds", text=c.holds), (c.id,))
        return Line(phrase("confirm.exclusion", text=c.text), (c.id,))
    return Line(phrase("confirm.criterion", text=c.text), (c.id,))


def _questions_in_order(pack: RulePack, r: ProgramResult, deciding: list[Criterion]) -> list[tuple[str, tuple]]:
    """The missing questions, most decisive first: the one that bears on the most deciding
    criteria, then catalog order; each with the criteria it bears on."""
    plan = plan_of(pack).programs.get(r.program.id)
    leaf_questions: dict[str, tuple] = {}
    if plan is not None:
        for leaf in (*plan.leaves, *plan.exclusions):
            leaf_questions[leaf.criterion.id] = leaf.questions
    ids = [c.id for c in deciding]
    order = {q: i for i, q in enumerate(pack.questions)}
    out = []
    for qid in r.missing:
        on = tuple(cid for cid in ids if qid in leaf_questions.get(cid, ()))
        out.append((qid, on))
    out.sort(key=lambda item: (-len(item[1]), order.get(item[0], 10**6)))
    return out


def _figure(value, unit: str, bound: str) -> Text:
    """A worked-out amount as its rule gives it: '최대 303만 303원' / 'at least 95%'."""
    if unit == "percent":
        shown = f"{value:g}%"
        figure = Text(shown, shown)
    else:  # whole won, never more than the rule gives
        figure = Text(format_amount(int(value), "ko"), format_amount(int(value), "en"))
    return phrase(f"amount.figure.{bound}", amount=figure)


def _worked_out(pack: RulePack, a: BenefitAmount) -> Text:
    """What a benefit pays for these answers, or the range (or dependence) while questions that
    change only the amount are open."""
    if a.value is not None:
        return phrase("amount.value", amount=_figure(a.value, a.unit, a.bound))
    if not a.questions:
        return phrase("amount.silent")
    labels = [phrase("amount.question", label=pack.questions[q].label if q in pack.questions else Text(q, q))
              for q in a.questions]
    asked = join(labels, "amount.and")
    if a.low is None or a.high is None:
        return phrase("amount.open", questions=asked)
    return phrase("amount.range", low=_figure(a.low, a.unit, a.bound), high=_figure(a.high, a.unit, a.bound),
                  questions=asked)


def amount_short(r: ProgramResult) -> Text | None:
    """The figure a list shows beside the program's name: what its first worked-out benefit pays
    for these answers ('최대 303만 303원'), or the range still open ('최소 90%~최소 95%'); None when
    no benefit's amount is worked out (or the rule gives no figure for these answers)."""
    if r.status == "ineligible":
        return None
    for a in r.amounts:
        if a.value is not None:
            return _figure(a.value, a.unit, a.bound)
        if a.low is not None and a.high is not None:
            return phrase("amount.short_range", low=_figure(a.low, a.unit, a.bound),
                          high=_figure(a.high, a.unit, a.bound))
    return None


def benefit_lines(pack: RulePack, r: ProgramResult) -> tuple[BenefitLine, ...]:
    """Every benefit of the program with its amount words: worked out from the answers where its
    rule can (eligible or still open programs), else the single figure the rule states."""
    worked = {a.benefit: a for a in r.amounts} if r.status != "ineligible" else {}
    out = []
    for i, b in enumerate(r.program.benefits):
        a = worked.get(i)
        if a is not None:
            out.append(BenefitLine(b.text, _worked_out(pack, a), b.estimated, True, a.questions))
        elif b.amount is not None:
            out.append(BenefitLine(b.text, Text(format_amount(b.amount, "ko"), format_amount(b.amount, "en")),
                                   b.estimated))
        else:
            out.append(BenefitLine(b.text, None, b.estimated))
    return tuple(out)


def explain(pack: RulePack, assessment: Assessment, r: ProgramResult) -> Explanation:
    p = r.program
    applicant = assessment.answers.get("applicant_type")
    res = {c.id: c for c in r.criteria if c.kind != "audience"}
    exclusions = {c.id: c for c in p.exclusions}
    reasons: list[Line] = []
    confirm: list[Line] = []
    questions: list[str] = []
    audience_failed = any(c.kind == "audience" and c.result == "not_met" for c in r.criteria)
    tree = _value(p.eligibility, res)

    if r.status == "ineligible":
        if audience_failed:
            who = audience_words(p.audience)
            reasons.append(Line(phrase("audience.only", who=who), ("audience",)))
            headline = phrase("headline.audience", who=word("applicants", applicant) if applicant else who)
        else:
            if tree is False:
                reasons += _failed(p.eligibility, res, _Ctx(pack, r, applicant, assessment.as_of))
            excluded = [exclusions[cid] for cid in r.failed if cid in exclusions]
            reasons += [Line(phrase("reason.excluded", text=c.text), (c.id,)) for c in excluded]
            if tree is False:
                headline = counted("headline.ineligible", len(reasons) - len(excluded))
            else:
                headline = phrase("headline.excluded")
    elif r.status == "eligible":
        reasons += _met(p.eligibility, res)
        made_it = {cid for line in reasons for cid in line.criteria}
        for c in _leaves(p.eligibility):
            if c.id in made_it and res.get(c.id) is not None and res[c.id].to_verify:
                confirm.append(_confirm(c))
        ctx = _Ctx(pack, r, applicant, assessment.as_of)
        for c in p.exclusions:  # an exclusion for another kind of applicant is nothing to confirm
            if res.get(c.id) is not None and res[c.id].to_verify and not ctx.other_applicant(c.id):
                confirm.append(_confirm(c))
        headline = (counted("headline.eligible_confirm", len(confirm)) if confirm
                    else phrase("headline.eligible"))
    else:
        deciding = _open(p.eligibility, res) if tree is _UNKNOWN else []
        open_exclusions = [c for c in p.exclusions
                           if res.get(c.id) is not None and res[c.id].result not in ("met", "not_met")]
        deciding += open_exclusions
        for qid, on in _questions_in_order(pack, r, deciding):
            q = pack.questions.get(qid)
            label = q.label if q is not None else Text(qid, qid)
            note = phrase("answered_dont_know") if qid in assessment.answers else None
            reasons.append(Line(phrase("reason.question", label=label), on, (qid,), note))
            questions.append(qid)
        asked = {cid for line in reasons for cid in line.criteria}
        for c in deciding:
            if c.expr is None or c.id not in asked:  # no answer left can decide it
                reasons.append(Line(phrase("reason.silent", text=c.text), (c.id,)))
        for c in deciding:
            if c.kind == "exclusion" or (res.get(c.id) is not None and res[c.id].to_verify
                                         and c.expr is not None):
                confirm.append(_confirm(c))
        headline = (counted("headline.undetermined", len(questions)) if questions
                    else phrase("headline.silent"))

    near = tuple(Line(near_miss_text(nm, pack), (nm.criterion,)) for nm in r.near_misses)
    badge = badge_of(p, r.deadline)
    note = newest_note(pack, r)
    months = months_between(note.date, assessment.as_of) if note else None
    old = note is not None and is_old(note.date, assessment.as_of)
    heading = {"eligible": "heading.why", "ineligible": "heading.why_not"}.get(r.status, "heading.to_answer")
    return Explanation(
        program=p,
        status=r.status,
        status_word=status_word(r.status),
        for_applicant=open_to(p, applicant),
        badge=badge,
        badge_word=word("badge", badge),
        badge_sentence=phrase(f"badge.{badge}.sentence"),
        headline=headline,
        reasons_heading=phrase(heading),
        reasons=tuple(reasons),
        to_confirm=tuple(confirm),
        near_misses=near,
        questions=tuple(questions),
        benefits=benefit_lines(pack, r),
        amount_short=amount_short(r),
        deadline=deadline_sentence(r.deadline, assessment.as_of),
        deadline_short=deadline_short(r.deadline, assessment.as_of),
        deadline_state=deadline_state(r.deadline, assessment.as_of),
        deadline_word=word("deadline", deadline_state(r.deadline, assessment.as_of)),
        sources_date=note.date if note else None,
        sources_months=months,
        sources_old=old,
        sources_note=phrase("source.old", date=note.date.isoformat(), months=months) if old else None,
    )


def explain_all(pack: RulePack, assessment: Assessment) -> dict[str, Explanation]:
    """Every program's explanation, by program id, in the assessment's order."""
    return {r.program.id: explain(pack, assessment, r) for r in assessment.programs}
