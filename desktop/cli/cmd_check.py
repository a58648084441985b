"""`jiwon check`: every rule problem and every example-case mismatch, one `path:line:` line each."""

from __future__ import annotations

import argparse

from desktop.cli.common import bi, load_pack
from desktop.engine.cases import case_files, run_case


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    pack = load_pack(args)
    lines = [str(e) for e in pack.errors]
    rules_root = pack.root
    cases = case_files(rules_root)
    mismatches = 0
    for path in cases:
        outcome = run_case(pack, path)
        found = sorted(outcome.errors + outcome.mismatches, key=lambda e: e.line)
        lines.extend(str(e) for e in found)
        mismatches += len(outcome.mismatches)
    for line in lines:
        print(line)
    problems = len(lines)
    summary = bi(
        f"프로그램 {len(pack.programs)}개, 사례 {len(cases)}개 확인: 문제 {problems}건 (규칙 버전 {pack.version})",
        f"checked {len(pack.programs)} programs and {len(cases)} cases: {problems} problem(s) (rules {pack.version})",
        lang,
    )
    print(summary)
    return 0 if problems == 0 else 2


def add_parser(sub) -> None:
    p = sub.add_parser("check", help="규칙 파일과 사례 검사 / validate rule files and run the example cases")
    p.add_argument("--rules", metavar="DIR", help="rules folder (default: the built-in rules)")
    p.add_argument("--lang", choices=("ko", "en"), default="ko")
    p.set_defaults(func=run)

