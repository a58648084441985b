"""Installed rule packs: the one in use and the one before it, so an update can be rolled back.

    <root>/current/   rules/, seeds/, manifest.json of the pack in use
    <root>/previous/  the pack used before it (absent before the first update)
    <root>/staging/   a pack being checked; never read

A new pack is verified (signature, files), checked exactly like `jiwon check` (cases included)
in `staging/`, and only then swapped in by renaming folders. Any refusal leaves `current/` and
`previous/` as they were. With no installed pack, the rules shipped with the app are used.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

from desktop import __version__, paths
from desktop.engine.josa import attach
from desktop.engine.model import Text
from desktop.packs import format as fmt

if TYPE_CHECKING:
    from nacl.signing import VerifyKey


def default_root() -> Path:
    return paths.user_data_dir() / "rule-packs"


@dataclass(frozen=True)
class Installed:
    version: str
    rules_version: str
    created: str
    changes: Mapping[str, list]
    rules_dir: Path

    @classmethod
    def read(cls, folder: Path) -> "Installed | None":
        try:
            m = json.loads((folder / fmt.MANIFEST).read_text(encoding="utf-8"))
            return cls(m["version"], m["rules_version"], m["created"], m.get("changes") or {}, folder / "rules")
        except (OSError, ValueError, KeyError, TypeError):
            return None


class PackStore:
    def __init__(self, root: Path | None = None, keys: "Mapping[str, VerifyKey] | None" = None):
        self.root = Path(root) if root is not None else default_root()
        self.keys = keys

    @property
    def current(self) -> Installed | None:
        return Installed.read(self.root / "current")

    @property
    def previous(self) -> Installed | None:
        return Installed.read(self.root / "previous")

    def rules_dir(self) -> Path | None:
        """The installed rules in use, or None (then the app's own rules apply)."""
        cur = self.current
        return cur.rules_dir if cur is not None and cur.rules_dir.is_dir() else None

    def install(self, path: str | Path, allow_downgrade: bool = False) -> Installed:
        """Verify, check and switch to the pack at `path`. Raises PackError; nothing changes then."""
        from desktop.engine.checks import check_problems
        from desktop.engine.loader import load_rules
        from desktop.packs.read import PackError, read_pack

        opened = read_pack(path, self.keys)
        if opened.needs_newer_app:
            need = opened.manifest["min_app_version"]
            raise PackError("newer_app", Text(f"이 팩은 Jiwon {need} 이상에서 씁니다(지금은 {__version__}). 앱을 먼저 업데이트하세요",
                                              f"this pack needs Jiwon {need} or newer (this is {__version__}); update the app first"))
        cur = self.current
        if cur is not None:
            new_key, cur_key = fmt.version_key(opened.version), fmt.version_key(cur.version)
            if new_key == cur_key and opened.manifest["rules_version"] == cur.rules_version:
                raise PackError("same", Text(f"규칙 {attach(opened.version, '은')} 이미 쓰고 있습니다",
                                             f"rules {opened.version} are already in use"))
            if new_key < cur_key and not allow_downgrade:
                raise PackError("older", Text(f"이 팩({opened.version})은 지금 쓰는 규칙({cur.version})보다 오래되었습니다. "
                                              "일부러 되돌릴 때만 설치하세요(downgrade)",
                                              f"this pack ({opened.version}) is older than the rules in use "
                                              f"({cur.version}); install it only on purpose (downgrade)"))
        staging = self.root / "staging"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        try:
            rules = opened.extract(staging)
            pack = load_rules(rules, staging / "seeds")
            problems, _cases = check_problems(pack)
            if problems:
                raise PackError("checks", Text(
                    f"팩의 규칙이 검사를 통과하지 못했습니다(문제 {len(problems)}건): " + "; ".join(p.header("ko") for p in problems[:3]),
                    f"the pack's rules do not pass the checks ({len(problems)} problem{'' if len(problems) == 1 else 's'}): "
                    + "; ".join(p.header("en") for p in problems[:3])))
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        self._swap_in(staging)
        return self.current

    def _swap_in(self, staging: Path) -> None:
        current, previous = self.root / "current", self.root / "previous"
        old = self.root / "previous.old"
        shutil.rmtree(old, ignore_errors=True)
        if previous.exists():
            previous.rename(old)
        if current.exists():
            current.rename(previous)
        staging.rename(current)
        shutil.rmtree(old, ignore_errors=True)

    def rollback(self) -> Installed | None:
        """Use the previous rules again; the ones in use become the previous. After the first
        update the previous rules are the app's own: None is returned and those apply."""
        from desktop.packs.read import PackError

        current, previous = self.root / "current", self.root / "previous"
        if Installed.read(current) is None:
            raise PackError("no_previous", Text("되돌릴 설치된 규칙이 없습니다. 앱에 들어 있는 규칙을 쓰고 있습니다",
                                                "no installed rules to go back from: the app's own rules are in use"))
        swap = self.root / "swap"
        shutil.rmtree(swap, ignore_errors=True)
        current.rename(swap)
        if previous.exists():
            previous.rename(current)
        swap.rename(previous)
        return self.current


def active_rules_dir() -> Path | None:
    """The installed rules in use on this machine, or None for the rules shipped with the app."""
    return PackStore().rules_dir()
