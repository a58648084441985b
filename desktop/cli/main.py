"""`jiwon` entry point: subcommands check, evaluate, deadlines, report, rulebook, selfcheck, diff, pack, gui.

With no subcommand it starts the desktop app. Bad input is a one-line message and exit 2, never a
Python traceback.
"""

from __future__ import annotations

import argparse
import re
import sys

from desktop import __version__
from desktop.cli.common import UsageError


# Control characters other than newline and tab, and lone surrogates (not text at all).
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


class _Printable:
    """A text stream that drops control characters on the way to the terminal.

    Names and texts come from rule files and profiles: an escape sequence in one could recolour,
    clear or retitle the user's terminal, and a carriage return could hide a line. Bytes written
    to `.buffer` (a calendar file on stdout) pass unchanged; ics.py cleans its own text.
    """

    def __init__(self, stream):
        self._stream = stream
        self.unfiltered = stream  # for the program's own control characters (a progress line's \r)

    def write(self, text: str) -> int:
        return self._stream.write(_UNPRINTABLE.sub(_replacement, text))

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _replacement(match: re.Match) -> str:
    return "\ufffd" if "\ud800" <= match.group() <= "\udfff" else ""


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with a one-line message (its default) but never prints to stdout."""


def build_parser() -> argparse.ArgumentParser:
    # The subcommands' modules are imported here, not with this one: `jiwon` with no subcommand
    # starts the desktop app, which needs none of them.
    from desktop.cli import (cmd_check, cmd_deadlines, cmd_diff, cmd_evaluate, cmd_pack, cmd_report,
                             cmd_rulebook, cmd_screen, cmd_selfcheck)

    parser = _Parser(
        prog="jiwon",
        description="지원: 정부 지원사업 신청 자격 도우미 / Jiwon: eligibility assistant for Korean support programs",
    )
    parser.add_argument("--version", action="store_true", help="버전 / show the version and rules version")
    parser.add_argument("--rules", metavar="DIR", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    cmd_check.add_parser(sub)
    cmd_evaluate.add_parser(sub)
    cmd_deadlines.add_parser(sub)
    cmd_report.add_parser(sub)
    cmd_rulebook.add_parser(sub)
    cmd_selfcheck.add_parser(sub)
    cmd_diff.add_parser(sub)
    cmd_pack.add_parser(sub)
    cmd_screen.add_parser(sub)
    gui = sub.add_parser("gui", help="데스크톱 앱 실행 / start the desktop app")
    gui.set_defaults(func=None)
    return parser


def _version(rules: str | None) -> int:
    from desktop.engine import load_rules

    pack = load_rules(rules)
    print(f"jiwon {__version__} (rules {pack.version})")
    return 0


def _gui(argv: list[str]) -> int:
    try:
        from desktop.ui.app import run
    except ImportError as err:
        print(
            f"데스크톱 앱을 시작할 수 없습니다 / cannot start the desktop app: {err}\n"
            "명령줄은 'jiwon --help'를 참고하세요 / see 'jiwon --help' for the command line",
            file=sys.stderr,
        )
        return 1
    return int(run(argv) or 0)


SUBCOMMANDS = ("check", "evaluate", "deadlines", "report", "rulebook", "selfcheck", "diff", "pack", "screen")


def _is_gui(argv: list[str]) -> bool:
    """`jiwon`, `jiwon gui ...` and `jiwon --lang en` (the app's own options) start the app."""
    if not argv or argv[0] == "gui":
        return True
    if any(a in ("--version", "-h", "--help") for a in argv):
        return False
    return argv[0].startswith("-") and not any(a in SUBCOMMANDS for a in argv)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if _is_gui(argv):
        return _gui(argv)
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Printable(sys.stdout), _Printable(sys.stderr)
    try:
        return _command(argv)
    finally:
        sys.stdout, sys.stderr = streams


def _command(argv: list[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        if args.version:
            return _version(args.rules)
        if args.command in (None, "gui"):
            return _gui(argv)
        return int(args.func(args))
    except UsageError as err:
        print(str(err), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
