"""`jiwon rulebook`: every program's rules as one printable HTML file, for a reviewer, offline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.atomic_write import write_atomic
from desktop.cli.common import UsageError, bi, cannot_write, load_pack, report_rule_errors
from desktop.report.rulebook import rulebook_html


def run(args: argparse.Namespace) -> int:
    pack = load_pack(args)
    report_rule_errors(pack, args.lang)
    text = rulebook_html(pack, args.lang)
    if args.output in (None, "-"):
        sys.stdout.write(text)
        return 0
    out = Path(args.output)
    try:
        write_atomic(out, text.encode("utf-8"))
    except OSError as err:
        raise UsageError(cannot_write("rulebook -o", err, str(out))) from None
    print(bi(f"규칙집을 썼습니다: {out} (프로그램 {len(pack.programs)}개)",
             f"rule book written: {out} ({len(pack.programs)} programs)", args.lang), file=sys.stderr)
    return 0


def add_parser(sub) -> None:
    p = sub.add_parser("rulebook", help="규칙집(HTML) 만들기 / write the rule book (printable HTML)")
    p.add_argument("-o", "--output", metavar="FILE.html", help="output file (default: standard output)")
    p.add_argument("--rules", metavar="DIR", help="rules folder (default: the built-in rules)")
    p.add_argument("--lang", choices=("ko", "en"), default="ko")
    p.set_defaults(func=run)
