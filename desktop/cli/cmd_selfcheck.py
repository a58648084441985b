"""`jiwon selfcheck`: a quick proof that an installed copy works end to end (rules, engine, PDF).

The desktop bundle's smoke test runs it: it must work without a display and without network.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from desktop.cli.common import load_pack
from desktop.engine.cases import case_files, run_case


def run(args: argparse.Namespace) -> int:
    ok = True
    pack = load_pack(args)
    print(f"rules: {pack.root} (version {pack.version}): {len(pack.programs)} programs, {len(pack.errors)} problem(s)")
    if not pack.programs:
        print("FAIL: no program loaded / 불러온 프로그램이 없습니다")
        return 1
    cases = case_files(pack.root)
    if not cases:
        print("FAIL: no example case found / 사례 파일이 없습니다")
        return 1
    outcome = run_case(pack, cases[0])
    for err in outcome.errors + outcome.mismatches:
        print(str(err))
    if outcome.ok:
        print(f"case {outcome.path}: {len(outcome.profile.expect)} expectation(s) met")
    else:
        ok = False
    if outcome.assessment is not None and outcome.profile is not None:
        try:
            from desktop.report.pdf import write_report
        except ImportError as err:
            print(f"FAIL: PDF writer not available: {err}")
            return 1
        with tempfile.TemporaryDirectory(prefix="jiwon-selfcheck-") as tmp:
            out = Path(tmp) / "selfcheck.pdf"
            write_report(outcome.assessment, outcome.profile, pack, out, lang="ko")
            size = out.stat().st_size if out.exists() else 0
            print(f"pdf: {size} bytes")
            if size == 0:
                ok = False
    if outcome.profile is not None:
        ok = _spreadsheet_round_trip(pack, outcome.profile) and ok
    print("selfcheck ok" if ok else "selfcheck FAILED")
    return 0 if ok else 1


def _spreadsheet_round_trip(pack, profile) -> bool:
    """The case as a one-row client list, written as XLSX and read back: the spreadsheet
    libraries are there and give the same answers."""
    try:
        from desktop.tabular import guess_columns, parse_rows, read_table, write_xlsx
    except ImportError as err:
        print(f"FAIL: spreadsheet support not available: {err}")
        return False
    answers = {k: v for k, v in profile.answers.items() if v is not None}
    header = ["name", *answers]
    cells = [profile.name] + [";".join(v) if isinstance(v, tuple) else v for v in answers.values()]
    with tempfile.TemporaryDirectory(prefix="jiwon-selfcheck-") as tmp:
        path = Path(tmp) / "selfcheck.xlsx"
        write_xlsx(path, [("clients", header, [cells])])
        table = read_table(path)
        rows = list(parse_rows(pack, table, guess_columns(pack, table.headers)))
    same = len(rows) == 1 and rows[0].ok and rows[0].answers == answers
    print(f"xlsx: {len(rows)} row(s) read back" + ("" if same else " FAILED: answers differ"))
    return same


def add_parser(sub) -> None:
    p = sub.add_parser("selfcheck", help="설치 점검 / check that this installation works")
    p.add_argument("--rules", metavar="DIR")
    p.set_defaults(func=run)
