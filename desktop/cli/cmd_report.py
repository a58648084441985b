"""`jiwon report PROFILE -o OUT.pdf`: the printable assessment, made by desktop.report."""

from __future__ import annotations

import argparse

from desktop.cli.common import UsageError, assess_profile, bi, cannot_write


def run(args: argparse.Namespace) -> int:
    assessed = assess_profile(args)
    if assessed is None:
        return 2
    pack, profile, assessment = assessed
    try:
        from desktop.report.pdf import write_report
    except ImportError as err:
        raise UsageError(f"the PDF writer is not available / PDF를 만들 수 없습니다: {err}") from None
    try:
        write_report(assessment, profile, pack, args.output, lang=args.lang,
                     all_programs=args.all_programs)
    except OSError as err:
        raise UsageError(cannot_write("report -o", err, args.output)) from None
    print(bi(f"보고서를 저장했습니다: {args.output}", f"report written: {args.output}", args.lang))
    return 0


def add_parser(sub) -> None:
    p = sub.add_parser("report", help="PDF 보고서 / write the PDF report for a profile")
    p.add_argument("profile", metavar="PROFILE")
    p.add_argument("-o", "--output", metavar="OUT.pdf", required=True)
    p.add_argument("--rules", metavar="DIR")
    p.add_argument("--today", metavar="YYYY-MM-DD")
    p.add_argument("--lang", choices=("ko", "en"), default="ko")
    p.add_argument("--all-programs", action="store_true",
                   help="다른 신청자 대상 사업도 싣기 / also include programs for other kinds of applicant")
    p.set_defaults(func=run)
