"""Making a signed rule pack from a rules folder (and its source notes)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from pathlib import Path

from nacl.encoding import HexEncoder
from nacl.signing import SigningKey

from desktop import __version__
from desktop.atomic_write import write_atomic_with
from desktop.engine.change_words import rule_change_text
from desktop.engine.checks import check_problems
from desktop.engine.diff import diff_packs
from desktop.engine.loader import default_seeds_dir, load_rules
from desktop.engine.model import RulePack, Text
from desktop.engine.problem import Problem
from desktop.packs import format as fmt


class BuildError(Problem):
    """The rules cannot be packed (their own problems, or a bad option); str() says why."""


def _files(rules: Path, seeds: Path) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for folder, base in (("rules", rules), ("seeds", seeds)):
        for path in sorted(base.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and not path.name.startswith("."):
                out[f"{folder}/{path.relative_to(base).as_posix()}"] = path.read_bytes()
    return out


def change_lines(old: RulePack | None, new: RulePack) -> dict[str, list[str]]:
    if old is None:
        return {"ko": [], "en": []}
    diff = diff_packs(old, new)
    return {lang: [rule_change_text(c, lang) for c in diff.changes] for lang in ("ko", "en")}


def build_pack(
    out: Path,
    key: SigningKey,
    key_id: str,
    rules_dir: Path | None = None,
    version: str | None = None,
    min_app_version: str = __version__,
    since: RulePack | None = None,
    today: dt.date | None = None,
) -> dict:
    """Check the rules exactly as `jiwon check` does, then write the signed pack; the manifest."""
    from desktop import paths

    rules = Path(rules_dir) if rules_dir is not None else paths.rules_dir()
    seeds = default_seeds_dir(rules)
    pack = load_rules(rules, seeds)
    problems, _cases = check_problems(pack)
    if problems:
        n = len(problems)
        raise BuildError(Text(
            f"규칙에 문제가 {n}건 있어 팩을 만들지 않았습니다:\n" + "\n".join(p.header("ko") for p in problems[:20]),
            f"the rules have {n} problem{'' if n == 1 else 's'}; nothing was packed:\n"
            + "\n".join(p.header("en") for p in problems[:20])))
    today = today or dt.date.today()
    version = version or today.strftime("%Y.%m.%d")
    try:
        fmt.version_key(version)
        fmt.version_key(min_app_version)
    except ValueError as err:
        raise BuildError(Text(f"버전 형식이 아닙니다(예: 2026.12.01): {err}", str(err))) from None
    files = _files(rules, seeds)
    manifest = {
        "format": fmt.FORMAT,
        "version": version,
        "rules_version": pack.version,
        "created": today.isoformat(),
        "min_app_version": min_app_version,
        "changes": change_lines(since, pack),
        "key": key_id,
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
    }
    raw = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    signature = key.sign(raw, encoder=HexEncoder).signature
    def write(temporary: Path) -> None:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as z:
            z.writestr(fmt.MANIFEST, raw)
            z.writestr(fmt.SIGNATURE, signature)
            for name, data in files.items():
                z.writestr(name, data)

    write_atomic_with(out, write)
    return manifest
