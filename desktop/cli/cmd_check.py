"""`jiwon check`: every rule problem and every example-case mismatch, in one run.

Each problem is told once, with the file's own line (and column, with the line shown and a caret
under it, for a mistake inside an expression). Problems that only follow from a file that did not
load (a case expecting an outcome of that file's program) are folded into one line per file.
"""

from __future__ import annotations

import argparse
from collections import defaultdict

from desktop.cli.common import bi, load_pack
from desktop.engine.cases import case_files, run_case


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    pack = load_pack(args)
    problems = list(pack.errors)
    cases = case_files(pack.root)
    skipped: dict[str, set[str]] = defaultdict(set)  # file that did not load -> case files
    for path in cases:
        outcome = run_case(pack, path)
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
    summary = bi(
        f"프로그램 {len(pack.programs)}개, 사례 {len(cases)}개 확인: 문제 {len(problems)}건 (규칙 버전 {pack.version})",
        f"checked {len(pack.programs)} programs and {len(cases)} cases: {len(problems)} problem(s) (rules {pack.version})",
        lang,
    )
    print(summary)
    return 0 if not problems else 2


def add_parser(sub) -> None:
    p = sub.add_parser("check", help="규칙 파일과 사례 검사 / validate rule files and run the example cases")
    p.add_argument("--rules", metavar="DIR", help="rules folder (default: the built-in rules)")
    p.add_argument("--lang", choices=("ko", "en"), default="ko")
    p.set_defaults(func=run)
