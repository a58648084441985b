"""`jiwon diff OLD NEW`: what changed between two sets of rules (folders or rule packs), one line
per change with the source notes behind it; `--format json` for the same as data."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from desktop.cli.common import UsageError, bi
from desktop.engine.change_words import rule_change_text
from desktop.engine.diff import diff_packs
from desktop.engine.loader import load_rules
from desktop.engine.model import RulePack


def open_rules(path: str) -> RulePack:
    """A rules folder (with `seeds/` inside or beside it) or a `.jiwonpack` file."""
    p = Path(path)
    if p.is_file():
        from desktop.packs.read import PackError, load_pack_file

        try:
            return load_pack_file(p)
        except PackError as err:
            raise UsageError(f"{path}: {err}") from None
    if not p.is_dir():
        raise UsageError(f"{path}: no such rules folder or rule pack / 규칙 폴더나 규칙 팩이 없습니다")
    pack = load_rules(p)
    if pack.errors:
        first = pack.errors[0]
        raise UsageError(
            f"{path}: the rules have {len(pack.errors)} problem(s), first: {first} "
            f"/ 규칙에 문제가 있습니다 ('jiwon check --rules {path}')"
        )
    return pack


def _cites(pack: RulePack, cites, lang: str) -> list[str]:
    out = []
    for cite in cites:
        note = pack.notes.get(cite.partition("#")[0])
        if note is None:
            out.append(cite)
        else:
            out.append(f"{cite} ({note.title.get(lang)}, {note.date.isoformat()})")
    return out


def run(args: argparse.Namespace) -> int:
    old, new = open_rules(args.old), open_rules(args.new)
    diff = diff_packs(old, new)
    lang = args.lang
    if args.format == "json":
        data = diff.to_dict()
        for item, change in zip(data["changes"], diff.changes):
            item["text"] = rule_change_text(change, lang)
            behind = old if change.action == "removed" else new
            item["source_notes"] = _cites(behind, change.sources, lang)
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(bi(f"규칙 {old.version} → {new.version}: 변경 {len(diff.changes)}건",
             f"rules {old.version} → {new.version}: {len(diff.changes)} change(s)", lang))
    for change in diff.changes:
        print(rule_change_text(change, lang))
        behind = old if change.action == "removed" else new
        for line in _cites(behind, change.sources, lang):
            print("    " + bi("출처: ", "source: ", lang) + line)
    return 0


def add_parser(sub) -> None:
    p = sub.add_parser("diff", help="두 규칙의 차이 / what changed between two sets of rules (folders or packs)")
    p.add_argument("old", metavar="OLD", help="earlier rules folder or .jiwonpack")
    p.add_argument("new", metavar="NEW", help="later rules folder or .jiwonpack")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--lang", choices=("ko", "en"), default="ko")
    p.set_defaults(func=run)
