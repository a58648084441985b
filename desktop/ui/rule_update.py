"""File > Update rules… and File > Use the previous rules: install a signed rule pack (or go back
to the rules before it), switch the window to those rules, re-check every saved profile and say
which ones changed.

The work is `desktop.packs.store` (verify, check, switch, roll back) and `Store.recheck_all`
(the engine's what-changed for each profile, written in one go); this module asks for the file and
shows the outcome in a banner above the pages. A refused pack changes nothing and the banner says
why.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QWidget

from desktop.engine.loader import load_rules
from desktop.engine.model import RulePack
from desktop.engine.phrases import counted, say
from desktop.ui.banner import Banner
from desktop.ui.i18n import current_lang

#: Profiles the banner offers to open directly; the rest are marked on the start page.
OPEN_AT_MOST = 5


class RuleUpdates(QObject):
    """Owned by the main window; `window` needs `pack`, `store`, `as_of` and `set_pack(pack)`."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self.banner = Banner("info", window)
        self.banner.setObjectName("ruleUpdateBanner")
        self.banner.hide()
        self.error_banner = Banner("error", window)
        self.error_banner.setObjectName("ruleUpdateError")
        self.error_banner.hide()
        self.last_changed: list = []  # the profiles flagged by the last update

    def pack_store(self):
        from desktop.packs.store import PackStore

        return PackStore()

    def _reasons(self) -> dict[str, str]:
        return {
            "missing": self.tr("The file was not found."),
            "broken": self.tr("The file is not a rule pack, or it is damaged or incomplete."),
            "unsigned": self.tr("The pack is not signed, so it cannot be shown to come from the rules maintainer."),
            "untrusted": self.tr("The pack is signed with a key this version of Jiwon does not trust."),
            "tampered": self.tr("The pack was changed after it was signed."),
            "older": self.tr("The pack is older than the rules in use."),
            "same": self.tr("These rules are already in use."),
            "newer_app": self.tr("The pack needs a newer version of Jiwon. Update the program first."),
            "checks": self.tr("The pack's rules do not pass Jiwon's checks."),
            "no_previous": self.tr("There are no previous rules to go back to."),
        }

    def update_rules(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Update rules"), "", self.tr("Rule packs (*.jiwonpack)"))
        if not path:
            return
        from desktop.packs.read import PackError

        try:
            installed = self.pack_store().install(path)
        except PackError as err:
            self._refused(self.tr("The rules were not updated; nothing was changed."), err)
            return
        self._switch(load_rules(installed.rules_dir), installed.version, installed.changes)

    def use_previous(self) -> None:
        from desktop.packs.read import PackError

        try:
            now = self.pack_store().rollback()
        except PackError as err:
            self._refused(self.tr("The previous rules could not be used; nothing was changed."), err)
            return
        pack = load_rules(now.rules_dir) if now is not None else load_rules()
        self._switch(pack, now.version if now is not None else None, {})

    def _refused(self, title: str, err) -> None:
        self.banner.hide()
        reason = self._reasons().get(err.reason, "")
        self.error_banner.set_text(title, f"{reason}\n{err.words(current_lang())}")
        self.error_banner.show()

    def _switch(self, pack: RulePack, version: str | None, rule_changes: dict) -> None:
        w = self.window
        old = w.pack
        w.set_pack(pack)
        self.last_changed = w.store.recheck_all(pack, w.as_of, {old.version: old, pack.version: pack})
        if getattr(w, "workspace", None) is not None:  # the client matrix shows who changed
            w.workspace.reload()
        lang = current_lang()
        if version is None:
            title = self.tr("Back to the rules that came with Jiwon.")
        else:
            title = self.tr("Rules %1 are now in use.").replace("%1", version)
        count = len(self.last_changed)
        summary = (self.tr("Saved profiles whose results changed: %1").replace("%1", str(count)) if count
                   else self.tr("No saved profile's results changed."))
        lines = [summary]
        for item in self.last_changed:
            lines.append(f"• {item.name}")
            lines.extend("    " + line for line in item.changes.lines(lang))
        changes = rule_changes.get(lang) or []
        if changes:
            lines.append(self.tr("What changed in the rules:"))
            lines.extend("  " + c for c in changes)
        self.error_banner.hide()
        self.banner.set_text(title, "\n".join(lines))
        self._open_buttons(lang)
        self.banner.show()

    def _open_buttons(self, lang: str) -> None:
        """One button per changed profile (the first few): opens it, with what changed."""
        banner = self.banner
        banner.clear_extra()
        self.open_buttons: list[QPushButton] = []
        for item in self.last_changed[:OPEN_AT_MOST]:
            b = QPushButton(say("changes.open", lang, name=item.name), banner.extra_row)
            b.setObjectName("openChangedProfile")
            b.clicked.connect(lambda _=False, pid=item.profile_id: self.window.open_profile(pid))
            banner.extra.addWidget(b)
            self.open_buttons.append(b)
        more = len(self.last_changed) - OPEN_AT_MOST
        if more > 0:
            banner.extra.addWidget(QLabel(counted("changes.more", more).get(lang), banner.extra_row))
        banner.extra.addStretch(1)
        banner.extra_row.setVisible(bool(self.open_buttons))
