"""`jiwon deadlines`: every application window in the next twelve months (text, JSON or iCalendar)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.atomic_write import write_atomic
from desktop.cli.common import UsageError, cannot_write, load_pack, parse_today, report_rule_errors
from desktop.cli.render import render_calendar
from desktop.engine import calendar, explain, load_profile
from desktop.engine.phrases import say
from desktop.engine.profile import ProfileError


def entries_to_dict(entries, as_of, lang: str) -> list[dict]:
    out = []
    for e in entries:
        out.append(
            {
                "program": e.program.id,
                "name": e.program.name.to_dict(),
                "round": e.round_id,
                "kind": e.kind,
                "opens": e.opens.isoformat() if e.opens else None,
                "closes": e.closes.isoformat() if e.closes else None,
                "days_left": (e.closes - as_of).days if e.closes else None,
                "estimated": e.estimated,
                "note": e.note.to_dict() if e.note else None,
                "audience": list(e.program.audience),
            }
        )
    return out


def _write(data: bytes, out: str | None) -> None:
    if out:
        try:
            write_atomic(out, data)
        except OSError as err:
            raise UsageError(cannot_write("deadlines -o", err, out)) from None
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


def _watch_list(args: argparse.Namespace) -> list[str] | None:
    """With --watched: the programs on the watch list of the saved-profiles file (the app's own,
    or --database FILE), read without changing it. None without --watched."""
    if args.database and not args.watched:
        raise UsageError("--database: only with --watched / --watched와 함께 쓰는 옵션입니다")
    if not args.watched:
        return None
    from desktop.storage import StorageError, default_path, read_watch_list

    path = Path(args.database) if args.database else default_path()
    if path.is_dir():
        raise UsageError(f"{path}: a folder, not a saved-profiles file / 저장 파일이 아니라 폴더입니다")
    if not path.is_file():
        where = "--database" if args.database else "--watched"
        raise UsageError(f"{where}: no saved-profiles file at {path} / 저장 파일이 없습니다: {path}")
    try:
        watched = read_watch_list(path)
    except StorageError as err:
        raise UsageError(f"--watched: " + err.words(args.lang).replace("\n", " ")) from None
    if not watched:
        print(say("watch.none", args.lang), file=sys.stderr)
    return watched


def run(args: argparse.Namespace) -> int:
    today = parse_today(args.today)
    pack = load_pack(args)
    report_rule_errors(pack, args.lang)
    audience = args.audience
    if args.profile:
        try:
            audience = load_profile(args.profile, pack).applicant_type
        except ProfileError as err:
            for e in err.errors:
                print(str(e), file=sys.stderr)
            return 2
    if args.all_programs:
        audience = None
    watched = _watch_list(args)
    entries = calendar(pack, today, months=args.months, audience=audience, programs=watched)
    left_out = explain.left_out(pack.programs.values(), audience)
    if args.format == "ics":
        try:
            from desktop.report.ics import calendar_bytes
        except ImportError as err:
            raise UsageError(f"the calendar writer is not available / 캘린더 파일을 만들 수 없습니다: {err}") from None
        _write(calendar_bytes(entries, args.lang, as_of=today, left_out=left_out), args.output)
        return 0
    if args.format == "json":
        data = {
            "as_of": today.isoformat(),
            "rules_version": pack.version,
            "entries": entries_to_dict(entries, today, args.lang),
            "left_out": left_out,
        }
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = render_calendar(entries, today, args.lang, left_out=left_out)
    _write(text.encode("utf-8"), args.output)
    return 0


def add_parser(sub) -> None:
    p = sub.add_parser("deadlines", help="접수 일정 / application windows")
    p.add_argument("--rules", metavar="DIR")
    p.add_argument("--today", metavar="YYYY-MM-DD")
    p.add_argument("--audience", choices=("company", "school", "individual"))
    p.add_argument("--profile", metavar="PROFILE",
                   help="이 신청자 대상 사업만 / only the programs open to this profile's applicant")
    p.add_argument("--all-programs", action="store_true",
                   help="다른 신청자 대상 사업도 포함 / include programs for every kind of applicant")
    p.add_argument("--watched", action="store_true",
                   help="관심 사업만(앱의 관심 사업 목록) / only the programs on the app's watch list")
    p.add_argument("--database", metavar="FILE",
                   help="--watched가 읽을 저장 파일(기본: 앱의 파일) / the saved-profiles file --watched reads "
                        "(default: the app's own)")
    p.add_argument("--months", type=int, default=12)
    p.add_argument("--lang", choices=("ko", "en"), default="ko")
    p.add_argument("--format", choices=("text", "json", "ics"), default="text")
    p.add_argument("-o", "--output", metavar="FILE")
    p.set_defaults(func=run)
