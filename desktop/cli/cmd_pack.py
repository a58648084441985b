"""`jiwon pack build | install | rollback | status | keygen`: signed rule packs for offline machines."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import UsageError, bi
from desktop.engine.josa import attach


def _store(args):
    from desktop.packs.store import PackStore

    return PackStore(Path(args.store) if args.store else None)


def _build(args) -> int:
    from desktop.cli.cmd_diff import open_rules
    from desktop.packs.build import BuildError, build_pack
    from desktop.packs.keys import read_signing_key

    if not args.key:
        raise UsageError("pack build: --key FILE (the maintainer's signing key) is required / 서명 키가 필요합니다")
    try:
        key = read_signing_key(Path(args.key))
    except (OSError, ValueError, TypeError) as err:
        raise UsageError(f"--key {args.key}: not a signing key ({err}) / 서명 키를 읽을 수 없습니다") from None
    since = open_rules(args.since) if args.since else None
    options = {"version": args.pack_version, "since": since}
    if args.min_app:
        options["min_app_version"] = args.min_app
    try:
        manifest = build_pack(Path(args.out), key, args.key_id, Path(args.rules) if args.rules else None, **options)
    except BuildError as err:
        raise UsageError(f"pack build: {err.words(args.lang)}") from None
    except OSError as err:
        from desktop.atomic_write import describe
        raise UsageError(f"pack build -o: {describe(err, args.out).get(args.lang)}") from None
    print(bi(f"규칙 팩 {manifest['version']} (규칙 {manifest['rules_version']}) → {args.out}",
             f"rule pack {manifest['version']} (rules {manifest['rules_version']}) -> {args.out}", args.lang))
    return 0


def _install(args) -> int:
    from desktop.packs.read import PackError

    store = _store(args)
    try:
        installed = store.install(args.file, allow_downgrade=args.downgrade)
    except PackError as err:
        raise UsageError(f"{args.file}: {err.words(args.lang)} ({bi('규칙을 바꾸지 않았습니다', 'nothing was changed', args.lang)})") from None
    print(bi(f"규칙 {installed.version} 설치 (규칙 버전 {installed.rules_version})",
             f"installed rules {installed.version} (rules {installed.rules_version})", args.lang))
    for line in installed.changes.get(args.lang, []):
        print("  " + line)
    return 0


def _rollback(args) -> int:
    from desktop.packs.read import PackError

    store = _store(args)
    try:
        now = store.rollback()
    except PackError as err:
        raise UsageError(f"pack rollback: {err.words(args.lang)}") from None
    if now is None:
        print(bi("앱에 들어 있는 규칙으로 돌아갔습니다", "back to the rules that came with the app", args.lang))
    else:
        print(bi(f"이전 규칙 {attach(now.version, '으로')} 돌아갔습니다", f"back to the previous rules {now.version}", args.lang))
    return 0


def _status(args) -> int:
    store = _store(args)
    for label_ko, label_en, item in (("사용 중", "in use", store.current), ("이전", "previous", store.previous)):
        shown = f"{item.version} ({item.rules_version}, {item.created})" if item else bi("앱 기본 규칙", "the app's own rules", args.lang)
        print(bi(f"{label_ko}: {shown}", f"{label_en}: {shown}", args.lang))
    return 0


def _keygen(args) -> int:
    from desktop.packs.keys import new_signing_key, public_hex, write_signing_key

    out = Path(args.out)
    if out.exists():
        raise UsageError(f"{out}: already exists; a signing key is never overwritten / 이미 있는 파일입니다")
    key = new_signing_key()
    try:
        write_signing_key(key, out)
    except OSError as err:
        from desktop.atomic_write import describe
        raise UsageError(f"pack keygen: {describe(err, out).get(args.lang)}") from None
    print(public_hex(key))
    return 0


def add_parser(sub) -> None:
    p = sub.add_parser("pack", help="서명된 규칙 팩 / signed rule packs (build, install, rollback, status, keygen)")
    p.add_argument("--lang", choices=("ko", "en"), default="ko")
    p.add_argument("--store", metavar="DIR", help=argparse.SUPPRESS)
    acts = p.add_subparsers(dest="pack_command", metavar="ACTION", required=True)
    b = acts.add_parser("build", help="규칙 팩 만들기 / build and sign a pack")
    b.add_argument("--rules", metavar="DIR", help="rules folder (default: the built-in rules)")
    b.add_argument("-o", "--out", metavar="FILE.jiwonpack", required=True)
    b.add_argument("--key", metavar="FILE", help="the maintainer's signing key file")
    b.add_argument("--key-id", default="jiwon-rules-2026", help="the id of that key in the app's trusted keys")
    b.add_argument("--pack-version", dest="pack_version", help="pack version, e.g. 2026.12.01 (default: today)")
    b.add_argument("--min-app", metavar="VERSION", help="oldest app version that can read the pack (default: this one)")
    b.add_argument("--since", metavar="OLD", help="earlier rules (folder or pack) to describe the changes against")
    b.set_defaults(func=_build)
    i = acts.add_parser("install", help="규칙 팩 설치 / verify, check and switch to a pack")
    i.add_argument("file", metavar="FILE")
    i.add_argument("--downgrade", action="store_true", help="allow a pack older than the rules in use")
    i.set_defaults(func=_install)
    r = acts.add_parser("rollback", help="이전 규칙 사용 / use the previous rules again")
    r.set_defaults(func=_rollback)
    s = acts.add_parser("status", help="설치된 규칙 / the installed rules")
    s.set_defaults(func=_status)
    k = acts.add_parser("keygen", help="서명 키 만들기(관리자용) / make a signing key (maintainer)")
    k.add_argument("-o", "--out", metavar="FILE", required=True)
    k.set_defaults(func=_keygen)
