"""Everything `jiwon check` checks, in one function: the rule files' own problems, then every
example case's file problems and outcome mismatches. A rule pack is installed only when this
finds nothing, so the command line and the app's update refuse the same packs."""

from __future__ import annotations

from desktop.engine.cases import case_files, run_case
from desktop.engine.model import RuleError, RulePack


def check_problems(pack: RulePack) -> tuple[list[RuleError], int]:
    """(every problem, in file order per case; the number of cases run)."""
    problems: list[RuleError] = list(pack.errors)
    cases = case_files(pack.root)
    for path in cases:
        outcome = run_case(pack, path)
        problems.extend(sorted(outcome.errors + outcome.mismatches, key=lambda e: e.line))
    return problems, len(cases)
