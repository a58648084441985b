"""Bits every subcommand shares: reading --today, loading rules, naming broken files on stderr."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from desktop.atomic_write import describe
from desktop.engine import evaluate, load_profile, load_rules, today_kst
from desktop.engine.clock import FIRST_ASSESSMENT_DAY, LAST_ASSESSMENT_DAY, parse_assessment_date
from desktop.engine.model import Assessment, Profile, RulePack
from desktop.engine.problem import Problem
from desktop.engine.profile import ProfileError


class UsageError(Problem):
    """Bad command-line input: printed as one line, exit 2."""


def bi(ko: str, en: str, lang: str = "ko") -> str:
    return en if lang == "en" else ko


def cannot_write(option: str, error: OSError, path: str) -> str:
    """The one-line message for an output file that could not be written."""
    why = describe(error, path)
    return f"{option}: {why.en} / {why.ko}"


def parse_today(text: str | None) -> dt.date:
    if text is None:
        return today_kst()
    day = parse_assessment_date(text)
    if day is None:
        raise UsageError(
            f"--today: '{text}' is not a date YYYY-MM-DD from {FIRST_ASSESSMENT_DAY} to "
            f"{LAST_ASSESSMENT_DAY} / {FIRST_ASSESSMENT_DAY}~{LAST_ASSESSMENT_DAY} 사이의 날짜가 아닙니다")
    return day


def load_pack(args: argparse.Namespace) -> RulePack:
    """`--rules DIR` if given, else the installed rule pack (`jiwon pack install`), else the
    rules that came with the program."""
    rules = getattr(args, "rules", None)
    if rules is None:
        from desktop.packs.store import active_rules_dir

        rules = active_rules_dir()
    return load_rules(rules)


def report_rule_errors(pack: RulePack, lang: str = "ko") -> None:
    """For evaluate / deadlines: results come from the programs that loaded; say what did not."""
    if not pack.errors:
        return
    files = sorted({e.path for e in pack.errors})
    print(
        bi(
            f"규칙 파일 {len(files)}개에 문제가 있어 해당 프로그램은 제외했습니다:",
            f"{len(files)} rule file(s) have problems; their programs were left out:",
            lang,
        ),
        file=sys.stderr,
    )
    for err in pack.errors:
        print(str(err), file=sys.stderr)


def assess_profile(args: argparse.Namespace) -> tuple[RulePack, Profile, Assessment] | None:
    """Load the rules and `args.profile` and evaluate it; None (errors on stderr) for a bad profile.

    The date is `--today` if given, else the profile's own `today` (cases), else today in Korea.
    """
    today = parse_today(args.today)
    pack = load_pack(args)
    report_rule_errors(pack, args.lang)
    try:
        profile = load_profile(args.profile, pack)
    except ProfileError as err:
        for e in err.errors:
            print(str(e), file=sys.stderr)
        return None
    as_of = today if args.today else (profile.today or today)
    return pack, profile, evaluate(pack, profile.answers, as_of)
