"""`jiwon screen INPUT -o OUTPUT`: every applicant of a register against every program.

Exit 0 when every row was screened, 1 when rows with bad cells were left out (or --strict stopped
at the first), 2 for a usage or file error. Which engine ran is said on stderr.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from desktop.cli.common import UsageError, bi, load_pack, parse_today, report_rule_errors

LARGE = 1_000_000  # bytes of CSV / XLSX from which --engine auto takes DuckDB
DIALECTS = ("duckdb", "sqlite", "postgres", "spark")


def add_parser(sub) -> None:
    p = sub.add_parser("screen", help="명부 일괄 심사 / screen a register (CSV, XLSX, Parquet)")
    p.add_argument("input", metavar="INPUT", nargs="?", help="CSV, XLSX or Parquet: one applicant a row")
    p.add_argument("-o", "--output", metavar="OUTPUT", help="Parquet, CSV or XLSX")
    p.add_argument("--errors", metavar="FILE", help="bad cells (default: OUTPUT.errors.csv)")
    p.add_argument("--strict", action="store_true", help="stop at the first bad cell")
    p.add_argument("--rules", metavar="DIR")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="assessment date (default: today in Korea)")
    p.add_argument("--lang", choices=("ko", "en"), default="ko")
    p.add_argument("--programs", metavar="ID,...", help="only these programs")
    p.add_argument("--engine", choices=("auto", "python", "duckdb"), default="auto")
    p.add_argument("--show-sql", action="store_true", help="print the compiled SQL and stop")
    p.add_argument("--dialect", choices=DIALECTS, default="duckdb", help="with --show-sql")
    p.add_argument("--memory-limit", metavar="SIZE", default="3GB", help="DuckDB's memory limit")
    p.set_defaults(func=run)


def _programs(pack, text: str | None, lang: str):
    if not text:
        return None
    wanted = [p.strip() for p in text.split(",") if p.strip()]
    unknown = [p for p in wanted if p not in pack.programs]
    if unknown:
        raise UsageError(
            bi(f"--programs: 알 수 없는 프로그램 {', '.join(unknown)}", f"--programs: unknown program {', '.join(unknown)}", lang)
        )
    return set(wanted)


def _engine(args, lang: str) -> str:
    from desktop.screen import duck
    from desktop.screen.sources import kind_of

    has_duckdb = duck.available()
    if args.engine == "duckdb" and not has_duckdb:
        raise UsageError(bi("--engine duckdb: DuckDB가 설치되어 있지 않습니다 (pip install .[screen])",
                            "--engine duckdb: DuckDB is not installed (pip install .[screen])", lang))
    if args.engine != "auto":
        return args.engine
    if not has_duckdb:
        return "python"
    large = kind_of(args.input) == "parquet" or Path(args.input).stat().st_size >= LARGE
    return "duckdb" if large else "python"


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    today = parse_today(args.today)
    pack = load_pack(args)
    report_rule_errors(pack, lang)
    programs = _programs(pack, args.programs, lang)
    if args.show_sql:
        return _show_sql(pack, today, programs, args.dialect)
    if not args.input or not args.output:
        raise UsageError(bi("INPUT와 -o OUTPUT이 필요합니다", "INPUT and -o OUTPUT are required", lang))
    from desktop.screen import outputs
    from desktop.screen.columnar import Stopped
    from desktop.screen.headers import HeaderError, map_headers
    from desktop.screen.sources import SourceError, kind_of

    if kind_of(args.input) is None:
        raise UsageError(bi(f"{args.input}: CSV, XLSX, Parquet 파일이 아닙니다",
                            f"{args.input}: not a CSV, XLSX or Parquet file", lang))
    if not Path(args.input).is_file():
        raise UsageError(bi(f"{args.input}: 파일이 없습니다", f"{args.input}: no such file", lang))
    fmt = outputs.format_of(args.output)
    if fmt is None:
        raise UsageError(bi(f"{args.output}: 출력은 .parquet, .csv, .xlsx 중 하나여야 합니다",
                            f"{args.output}: the output must be .parquet, .csv or .xlsx", lang))
    engine = _engine(args, lang)
    if fmt == "parquet" and engine == "python":
        from desktop.screen import duck

        if not duck.available():
            raise UsageError(bi("Parquet 출력에는 DuckDB가 필요합니다 (pip install .[screen])",
                                "Parquet output needs DuckDB (pip install .[screen])", lang))
    ignored: list[str] = []

    def mapping(headers):
        targets, left = map_headers(pack, headers)
        ignored.extend(left)
        return targets

    from desktop.screen.progress import Progress

    progress = Progress(getattr(sys.stderr, "unfiltered", sys.stderr), lang=lang)
    print(bi(f"엔진: {engine}", f"engine: {engine}", lang), file=sys.stderr)
    try:
        if engine == "duckdb":
            from desktop.screen import columnar, writing

            result = columnar.screen(pack, args.input, mapping, today, programs=programs, lang=lang,
                                     strict=args.strict, memory_limit=args.memory_limit,
                                     write=writing.writer(args.output, fmt, pack, lang), progress=progress,
                                     fits=writing.fits(args.output, fmt))
        else:
            from desktop.screen import rowwise, writing

            result, rows = rowwise.screen(pack, args.input, mapping, today, programs=programs, lang=lang,
                                          strict=args.strict, progress=progress)
            writing.write_rows(args.output, fmt, pack, lang, result, rows)
    except Stopped as stop:
        progress.close()
        p = stop.problem
        _write_errors(args, [p])
        print(f"{args.input}:{p.row}: {p.column}: {p.message}", file=sys.stderr)
        return 1
    except (SourceError, HeaderError, outputs.OutputError) as err:
        progress.close()
        print(err.words(lang), file=sys.stderr)
        return 2
    finally:
        progress.close()
    for column in ignored:
        print(bi(f"열 '{column}'은(는) 질문이 아니라서 읽지 않았습니다", f"column '{column}' is not a question; left out", lang),
              file=sys.stderr)
    if result.problems:
        _write_errors(args, result.problems)
    skipped = len({p.row for p in result.problems})
    print(
        bi(
            f"{result.screened:,}행 심사, {skipped:,}행 제외 (잘못된 칸 {len(result.problems):,}개), 엔진 {engine}",
            f"{result.screened:,} rows screened, {skipped:,} left out ({len(result.problems):,} bad cells), engine {engine}",
            lang,
        ),
        file=sys.stderr,
    )
    if engine == "duckdb" and result.outcomes:
        share = result.settled_outcomes / result.outcomes * 100
        print(
            bi(
                f"참조 엔진으로 확정한 결과: {result.settled_outcomes:,}개 ({share:.1f}%), {result.settled_rows:,}행",
                f"settled by the reference engine: {result.settled_outcomes:,} outcomes ({share:.1f}%) in {result.settled_rows:,} rows",
                lang,
            ),
            file=sys.stderr,
        )
    return 1 if skipped else 0


def _write_errors(args, problems) -> None:
    from desktop.screen import outputs

    path = Path(args.errors) if args.errors else outputs.errors_path(args.output)
    with open(path, "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out)
        w.writerow(["row", "column", "value", "message"])
        for p in problems:
            w.writerow([p.row, p.column, p.value, p.message])


def _show_sql(pack, today, programs, dialect: str) -> int:
    from desktop.engine.sql import compile_pack

    compiled = compile_pack(pack, today, programs, portable=dialect != "duckdb")
    sql = compiled.sql("answers")
    if dialect != "duckdb":
        from desktop.screen.dialects import render

        sql = render(sql, dialect)
    sys.stdout.write(sql.rstrip() + ";\n")
    return 0
