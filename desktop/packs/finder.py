"""The rules of an earlier version, when they are still on this computer: for saying why an
outcome moved since a stored check (the history's "check again today", the client workspace's
re-check all), also after the app was restarted and the rules in memory are only today's."""

from __future__ import annotations

from desktop.engine.model import RulePack


class PackFinder:
    """The rules of a version, when they are on this computer: the ones in use, the ones that
    came with Jiwon, and the installed and previous rule packs (loaded once, when first asked)."""

    def __init__(self, current: RulePack):
        self.current = current
        self._found: dict[str, RulePack | None] = {current.version: current}
        self._looked = False

    def __call__(self, version: str) -> RulePack | None:
        if version in self._found:
            return self._found[version]
        if not self._looked:
            self._looked = True
            self._load_all()
        return self._found.get(version)

    def _load_all(self) -> None:
        from desktop.engine.loader import load_rules

        folders = [None]
        try:
            from desktop.packs.store import PackStore

            ps = PackStore()
            folders += [i.rules_dir for i in (ps.current, ps.previous) if i is not None]
        except Exception:  # no packs installed, or an unreadable folder: the shipped rules only
            pass
        for folder in folders:
            try:
                pack = load_rules(folder) if folder is not None else load_rules()
            except Exception:
                continue
            self._found.setdefault(pack.version, pack)
