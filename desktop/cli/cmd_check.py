"""`jiwon check`: every rule problem and every example-case mismatch, in one run.

Each problem is told once, with the file's own line (and column, with the line shown and a caret
under it, for a mistake inside an expression). Problems that only follow from a file that did not
load (a case expecting an outcome of that file's program) are folded into one line per file.
"""

from __future__ import annotations

import argparse
from collections import defaultdict

from desktop.engine.problems import what_ko
from desktop.cli.common import bi, load_pack
from desktop.engine.cases import case_files, run_case
from desktop.engine.coverage import coverage, criteria_of, mutation


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    pack = load_pack(args)
    problems = list(pack.errors)
    cases = case_files(pack.root)
    skipped: dict[str, set[str]] = defaultdict(set)  # file that did not load -> case files
    runs = []
    for path in cases:
        outcome = run_case(pack, path)
        runs.append(outcome)
        for problem in sorted(outcome.errors + outcome.mismatches, key=lambda e: e.line):
            if problem.follows:
                skipped[problem.follows].add(problem.path)
            else:
                problems.append(problem)
    files = list(dict.fromkeys(p.path for p in problems))
    problems.sort(key=lambda p: (files.index(p.path), p.line or 0, p.column or 0))  # file order, then line
    for problem in problems:
        print(problem.render(lang))
    for broken, case_paths in sorted(skipped.items()):
        n = len(case_paths)
        print(bi(f"{broken} 파일을 불러오지 못해 사례 {n}개를 이 프로그램에 대해 건너뛰었습니다",
                 f"{n} case(s) skipped because {broken} did not load", lang))
    for line in inherited_lines(pack, lang):
        print(line)
    summary = bi(
        f"프로그램 {len(pack.programs)}개, 사례 {len(cases)}개 확인: 문제 {len(problems)}건 (규칙 버전 {pack.version})",
        f"checked {len(pack.programs)} programs and {len(cases)} cases: {len(problems)} problem(s) (rules {pack.version})",
        lang,
    )
    print(summary)
    missing = 0
    if args.coverage:
        missing += _coverage(pack, runs, lang)
    if args.mutate:
        missing += _mutation(pack, runs, lang)
    return 0 if not problems and not missing else 2


def inherited_lines(pack, lang: str) -> list[str]:
    """One line per program and origin: which of its criteria are written elsewhere, and where."""
    lines = []
    for program in pack.programs.values():
        by_origin: dict[tuple[str, str], list[str]] = defaultdict(list)
        for c in list(criteria_of(program.eligibility)) + list(program.exclusions):
            if c.origin:
                where = c.where.path if c.where else "?"
                by_origin[(c.origin, where)].append(c.id)
        for (origin, where), ids in by_origin.items():
            lines.append(bi(f"{program.path}: {', '.join(ids)} — {what_ko(origin)}에서 가져옴 ({where})",
                            f"{program.path}: {', '.join(ids)} — from {origin} ({where})", lang))
    return lines


def _coverage(pack, runs, lang: str) -> int:
    report = coverage(pack, runs)
    for gap in report.missing:
        print(gap.render(lang))
    for excused in report.excused:
        print(bi("(불가능으로 표시됨) ", "(marked impossible) ", lang) + excused.render(lang))
    reached = report.checked - len(report.missing) - len(report.excused)
    print(bi(
        f"적용 범위: {report.checked}개 상태 중 {reached}개 도달, 빠짐 {len(report.missing)}개, 불가능 표시 {len(report.excused)}개",
        f"coverage: {reached} of {report.checked} states reached, {len(report.missing)} missing, "
        f"{len(report.excused)} marked impossible",
        lang,
    ))
    return len(report.missing)


def _mutation(pack, runs, lang: str) -> int:
    report = mutation(pack, runs)
    for problem in report.survivors + report.wrong_marks:
        print(problem.render(lang))
    for eq in report.equivalent:
        print(bi("(동등 변이로 표시됨) ", "(marked equivalent) ", lang) + eq.render(lang))
    print(bi(
        f"변이: {report.total}개 중 {report.killed}개를 사례가 잡음, 살아남은 변이 {len(report.survivors)}개, 동등 표시 {len(report.equivalent)}개",
        f"mutation: {report.killed} of {report.total} mutants killed by the cases, {len(report.survivors)} survive, "
        f"{len(report.equivalent)} marked equivalent",
        lang,
    ))
    return len(report.survivors) + len(report.wrong_marks)


def add_parser(sub) -> None:
    p = sub.add_parser("check", help="규칙 파일과 사례 검사 / validate rule files and run the example cases")
    p.add_argument("--rules", metavar="DIR", help="rules folder (default: the built-in rules)")
    p.add_argument("--lang", choices=("ko", "en"), default="ko")
    p.add_argument("--coverage", action="store_true",
                   help="사례가 모든 요건·한도·제외 사유·일정 상태에 닿는지 / show what the cases do not reach (exit 2 when anything)")
    p.add_argument("--mutate", action="store_true",
                   help="규칙을 조금씩 바꿔 사례가 알아채는지 / list rule changes no case notices (exit 2 when any)")
    p.set_defaults(func=run)
