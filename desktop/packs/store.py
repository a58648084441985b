"""Installed rule packs: the one in use and the one before it, so an update can be rolled back.

    <root>/state.json   {"current": folder or null, "previous": folder or null}
    <root>/pack-XXXX/   rules/, seeds/, manifest.json of one installed pack
    <root>/staging-XXXX/  a pack being checked; never read
    <root>/lock         held while a pack is installed or rolled back

A new pack is verified (signature, files), written to `staging-…` with every file flushed to
disk, checked exactly like `jiwon check` (cases included), renamed to `pack-…`, and only then
put in use by rewriting `state.json` whole (`desktop.atomic_write`). Switching is that one
rename: a crash or a kill at any moment leaves the rules in use and the previous ones as they
were, or both switched. Any refusal changes nothing. Rolling back swaps the two names in
`state.json`; folders no longer named there are removed afterwards. With no installed pack,
the rules shipped with the app are used. Folders `current/` and `previous/` of the earlier
layout are read as such until the next switch.
"""

from __future__ import annotations

import json
import secrets
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

from desktop import __version__, paths
from desktop.atomic_write import sync_folder, write_atomic
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

    def _state(self) -> dict:
        """Which folders hold the rules in use and the previous ones (None: the app's own)."""
        try:
            state = json.loads((self.root / "state.json").read_text(encoding="utf-8"))
            if isinstance(state, dict):
                return {k: state.get(k) if _is_pack_name(state.get(k)) else None
                        for k in ("current", "previous")}
        except FileNotFoundError:
            pass
        except (OSError, ValueError):
            return {"current": None, "previous": None}  # unreadable: the app's own rules
        # the earlier layout, until the first switch rewrites it
        return {k: k if (self.root / k).is_dir() else None for k in ("current", "previous")}

    def _installed(self, which: str) -> Installed | None:
        name = self._state()[which]
        return Installed.read(self.root / name) if name else None

    @property
    def current(self) -> Installed | None:
        return self._installed("current")

    @property
    def previous(self) -> Installed | None:
        return self._installed("previous")

    def _switch(self, current: str | None, previous: str | None) -> None:
        write_atomic(self.root / "state.json",
                     json.dumps({"current": current, "previous": previous}).encode("utf-8"))
        keep = {current, previous, "state.json", "lock"}
        for entry in self.root.iterdir():
            if entry.name not in keep and entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)

    @contextmanager
    def _locked(self):
        """One install or rollback at a time, across processes (the app and `jiwon pack`)."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / "lock", "a+b") as handle:
            try:
                import fcntl
            except ImportError:  # no advisory locks on this system
                yield
                return
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def rules_dir(self) -> Path | None:
        """The installed rules in use, or None (then the app's own rules apply)."""
        cur = self.current
        return cur.rules_dir if cur is not None and cur.rules_dir.is_dir() else None

    def install(self, path: str | Path, allow_downgrade: bool = False) -> Installed:
        """Verify, check and switch to the pack at `path`. Raises PackError; nothing changes then."""
        from desktop.packs.read import PackError, read_pack

        opened = read_pack(path, self.keys)
        if opened.needs_newer_app:
            need = opened.manifest["min_app_version"]
            raise PackError("newer_app", Text(f"이 팩은 Jiwon {need} 이상에서 씁니다(지금은 {__version__}). 앱을 먼저 업데이트하세요",
                                              f"this pack needs Jiwon {need} or newer (this is {__version__}); update the app first"))
        with self._locked():
            return self._install(opened, allow_downgrade)

    def _install(self, opened, allow_downgrade: bool) -> Installed:
        from desktop.engine.checks import check_problems
        from desktop.engine.loader import load_rules
        from desktop.packs.read import PackError

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
        token = secrets.token_hex(6)
        staging = self.root / f"staging-{token}"
        staging.mkdir(parents=True)
        try:
            rules = opened.extract(staging, durable=True)
            pack = load_rules(rules, staging / "seeds")
            problems, _cases = check_problems(pack)
            if problems:
                raise PackError("checks", Text(
                    f"팩의 규칙이 검사를 통과하지 못했습니다(문제 {len(problems)}건): " + "; ".join(p.header("ko") for p in problems[:3]),
                    f"the pack's rules do not pass the checks ({len(problems)} problem{'' if len(problems) == 1 else 's'}): "
                    + "; ".join(p.header("en") for p in problems[:3])))
            folder = self.root / f"pack-{token}"
            staging.rename(folder)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        sync_folder(self.root)
        self._switch(folder.name, self._state()["current"])
        return self.current

    def rollback(self) -> Installed | None:
        """Use the previous rules again; the ones in use become the previous. After the first
        update the previous rules are the app's own: None is returned and those apply."""
        from desktop.packs.read import PackError

        with self._locked():
            state = self._state()
            if state["current"] is None or self.current is None:
                raise PackError("no_previous", Text("되돌릴 설치된 규칙이 없습니다. 앱에 들어 있는 규칙을 쓰고 있습니다",
                                                    "no installed rules to go back from: the app's own rules are in use"))
            self._switch(state["previous"], state["current"])
            return self.current


def _is_pack_name(name) -> bool:
    """A folder name of ours under the root (never a path that leads elsewhere)."""
    if not isinstance(name, str):
        return False
    return name in ("current", "previous") or (name.startswith("pack-") and name[5:].isalnum())


def active_rules_dir() -> Path | None:
    """The installed rules in use on this machine, or None for the rules shipped with the app."""
    return PackStore().rules_dir()
