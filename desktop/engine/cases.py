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
from desktop.engine.problems import what_ko
from desktop.engine.text import Text, led
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


def why(result: ProgramResult) -> Text:
    """A short reason for an outcome, for mismatch messages."""
    if result.status == "ineligible":
        return Text("충족하지 못한 요건: " + ", ".join(_with_origin(result.program, cid, "ko") for cid in result.failed),
                    "failed: " + ", ".join(_with_origin(result.program, cid, "en") for cid in result.failed))
    if result.status == "undetermined":
        ko, en = [], []
        if result.missing:
            ko.append("답이 없는 질문: " + ", ".join(result.missing))
            en.append("missing: " + ", ".join(result.missing))
        if result.unverifiable:
            ko.append("출처가 말하지 않는 요건: " + ", ".join(result.unverifiable))
            en.append("the sources do not say: " + ", ".join(result.unverifiable))
        return Text("; ".join(ko) or "알 수 없는 요건", "; ".join(en) or "unknown criteria")
    return Text("모든 요건 충족", "every criterion met")


def _with_origin(program, cid: str, lang: str = "en") -> str:
    """`cid`, and where it is written when that is not the program's own file."""
    stack = [program.eligibility, *program.exclusions]
    while stack:
        node = stack.pop()
        if getattr(node, "id", None) == cid and getattr(node, "origin", None):
            where = f", {node.where.path}:{node.where.line}" if node.where else ""
            return f"{cid} ({what_ko(node.origin)}{where}에서)" if lang == "ko" else f"{cid} (from {node.origin}{where})"
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
        run.errors.append(RuleError(src.path, src.line(), Text("사례에는 expect: 블록이 있어야 합니다",
                                                               "a case needs an expect: block")))
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
                    Text(f"사례의 기대: 사업 {pid} {expected}, 판정 결과: {result.status} ({why(result).ko})",
                         f"case expects {expected} for program {pid}, got {result.status} ({why(result).en})"),
                )
            )
        for problem in detail_mismatches(result, profile.expect_detail.get(pid, {})):
            run.mismatches.append(RuleError(src.path, src.line("expect", pid), led(Text(f"사업 {pid}", f"program {pid}"), problem)))
    return run


def detail_mismatches(result: ProgramResult, detail: dict) -> list[Text]:
    """What a case's detailed expectation (`failed`, `unsettled`, `met`, `missing`, `amount`,
    `amount_questions`) finds wrong."""
    out = []
    met = {c.id for c in result.criteria if c.result == "met"}
    for key, have in (("failed", set(result.failed)), ("unsettled", set(result.unverifiable)), ("met", met)):
        lacking = [cid for cid in detail.get(key, ()) if cid not in have]
        if lacking:
            got = ", ".join(sorted(have))
            out.append(Text(f"사례의 기대: {key}에 {', '.join(lacking)} 포함, 판정 결과: {got or '없음'}",
                            f"case expects {key} to include {', '.join(lacking)}, got {got or 'none'}"))
    if "amount" in detail:
        want = detail["amount"]
        got = [(a.low, a.high) if a.value is None else a.value for a in result.amounts]
        want = tuple(want) if isinstance(want, list) else want
        if not any(_same_amount(want, g) for g in got):
            shown_ko = ", ".join(_shown(g, "ko") for g in got) or "없음"
            shown_en = ", ".join(_shown(g) for g in got) or "none"
            out.append(Text(f"사례의 기대: 금액 {_shown(want, 'ko')}, 판정 결과: {shown_ko}",
                            f"case expects amount {_shown(want)}, got {shown_en}"))
    if "amount_questions" in detail and set(detail["amount_questions"]) != set(result.amount_questions):
        want, got = ", ".join(detail["amount_questions"]), ", ".join(result.amount_questions)
        out.append(Text(f"사례의 기대: amount_questions {want or '없음'}, 판정 결과: {got or '없음'}",
                        f"case expects amount_questions {want or 'none'}, got {got or 'none'}"))
    if "missing" in detail and set(detail["missing"]) != set(result.missing):
        want, got = ", ".join(detail["missing"]), ", ".join(result.missing)
        out.append(Text(f"사례의 기대: missing {want or '없음'}, 판정 결과: {got or '없음'}",
                        f"case expects missing {want or 'none'}, got {got or 'none'}"))
    return out


def _shown(amount, lang: str = "en") -> str:
    if amount is None or amount == (None, None):
        return "금액 없음" if lang == "ko" else "no figure"
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
