"""Example cases (rules/cases/*.yaml): profiles with the outcomes they must give, run as checks.

The same runner serves `jiwon check`, `jiwon selfcheck` and the pytest collection of cases, so a
case fails the same way everywhere: `path:line: case expects X for program Y, got Z (why)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.engine.clock import today_kst
from desktop.engine.evaluate import evaluate
from desktop.engine.model import Assessment, Profile, ProgramResult, RuleError, RulePack
from desktop.engine.profile import ProfileError, check_expectations, profile_from_source, read_profile_source


@dataclass
class CaseRun:
    path: str
    profile: Profile | None = None
    assessment: Assessment | None = None
    errors: list[RuleError] = field(default_factory=list)  # the file itself is wrong
    mismatches: list[RuleError] = field(default_factory=list)  # outcomes differ from `expect`

    @property
    def ok(self) -> bool:
        return not self.errors and not self.mismatches


def case_files(rules_dir: str | Path) -> list[Path]:
    folder = Path(rules_dir) / "cases"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml", ".json") and p.is_file())


def why(result: ProgramResult) -> str:
    """A short reason for an outcome, for mismatch messages."""
    if result.status == "ineligible":
        return "failed: " + ", ".join(_with_origin(result.program, cid) for cid in result.failed)
    if result.status == "undetermined":
        parts = []
        if result.missing:
            parts.append("missing: " + ", ".join(result.missing))
        if result.unverifiable:
            parts.append("the sources do not say: " + ", ".join(result.unverifiable))
        return "; ".join(parts) or "unknown criteria"
    return "every criterion met"


def _with_origin(program, cid: str) -> str:
    """`cid`, and where it is written when that is not the program's own file."""
    stack = [program.eligibility, *program.exclusions]
    while stack:
        node = stack.pop()
        if getattr(node, "id", None) == cid and getattr(node, "origin", None):
            where = f", {node.where.path}:{node.where.line}" if node.where else ""
            return f"{cid} (from {node.origin}{where})"
        stack.extend(getattr(node, "children", ()))
    return cid


def run_case(pack: RulePack, path: str | Path) -> CaseRun:
    run = CaseRun(str(path))
    try:
        src = read_profile_source(path)
        run.path = src.path
        profile = profile_from_source(src, pack, path=src.path)
    except ProfileError as err:
        run.errors.extend(err.errors)
        return run
    run.profile = profile
    if not profile.expect:
        run.errors.append(RuleError(src.path, src.line(), "a case needs an expect: block"))
    run.errors.extend(check_expectations(profile, pack, src))
    as_of = profile.today or today_kst()
    run.assessment = evaluate(pack, profile.answers, as_of)
    for pid, expected in profile.expect.items():
        if pid not in pack.programs:
            continue
        result = run.assessment.by_id(pid)
        if result.status != expected:
            run.mismatches.append(
                RuleError(
                    src.path,
                    src.line("expect", pid),
                    f"case expects {expected} for program {pid}, got {result.status} ({why(result)})",
                )
            )
        for problem in detail_mismatches(result, profile.expect_detail.get(pid, {})):
            run.mismatches.append(RuleError(src.path, src.line("expect", pid), f"program {pid}: {problem}"))
    return run


def detail_mismatches(result: ProgramResult, detail: dict) -> list[str]:
    """What a case's detailed expectation (`failed`, `unsettled`, `met`, `missing`, `amount`,
    `amount_questions`) finds wrong."""
    out = []
    met = {c.id for c in result.criteria if c.result == "met"}
    for key, have in (("failed", set(result.failed)), ("unsettled", set(result.unverifiable)), ("met", met)):
        lacking = [cid for cid in detail.get(key, ()) if cid not in have]
        if lacking:
            out.append(f"case expects {key} to include {', '.join(lacking)}, got {', '.join(sorted(have)) or 'none'}")
    if "amount" in detail:
        want = detail["amount"]
        got = [(a.low, a.high) if a.value is None else a.value for a in result.amounts]
        want = tuple(want) if isinstance(want, list) else want
        if not any(_same_amount(want, g) for g in got):
            shown = ", ".join(_shown(g) for g in got) or "none"
            out.append(f"case expects amount {_shown(want)}, got {shown}")
    if "amount_questions" in detail and set(detail["amount_questions"]) != set(result.amount_questions):
        out.append(f"case expects amount_questions {', '.join(detail['amount_questions']) or 'none'}, "
                   f"got {', '.join(result.amount_questions) or 'none'}")
    if "missing" in detail and set(detail["missing"]) != set(result.missing):
        out.append(f"case expects missing {', '.join(detail['missing']) or 'none'}, got {', '.join(result.missing) or 'none'}")
    return out


def _shown(amount) -> str:
    if amount is None or amount == (None, None):
        return "no figure"
    if isinstance(amount, tuple):
        return f"{amount[0]}..{amount[1]}"
    return f"{amount}"


def _same_amount(want, got) -> bool:
    """`want` a figure, [low, high], or None: the rule gives no figure for these answers."""
    if want is None:
        return got == (None, None)
    if isinstance(want, tuple) != isinstance(got, tuple):
        return False
    if isinstance(want, tuple):
        return all(g is not None and abs(w - g) < 1 for w, g in zip(want, got))
    return abs(want - got) < 1
