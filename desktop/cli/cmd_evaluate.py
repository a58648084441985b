"""`jiwon evaluate PROFILE`: the assessment of one profile as terminal text or JSON."""

from __future__ import annotations

import argparse
import json
import sys

from desktop.cli.common import assess_profile
from desktop.cli.render import render_assessment
from desktop.engine.serialize import assessment_to_dict


def run(args: argparse.Namespace) -> int:
    assessed = assess_profile(args)
    if assessed is None:
        return 2
    pack, profile, assessment = assessed
    if args.format == "json":
        data = assessment_to_dict(assessment, args.lang, pack)
        data["profile"] = {"name": profile.name, "applicant_type": profile.applicant_type}
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render_assessment(assessment, pack, args.lang, profile,
                                           all_programs=args.all_programs))
    return 0


def add_parser(sub) -> None:
    p = sub.add_parser("evaluate", help="프로필 평가 / assess one profile")
    p.add_argument("profile", metavar="PROFILE", help="profile file (YAML or JSON)")
    p.add_argument("--rules", metavar="DIR")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="assessment date (default: today in Korea)")
    p.add_argument("--lang", choices=("ko", "en"), default="ko")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--all-programs", action="store_true",
                   help="다른 신청자 대상 사업도 보기 / also list programs for other kinds of applicant "
                        "(the JSON always holds every program)")
    p.set_defaults(func=run)
