"""The banner above the results that says what changed for the open profile under new rules.

Two sources, the same banner: the last check of the profile made under other rules (compared with
today's assessment when the results are shown: which programs now come out differently), or
what the re-check after a rule update stored for the profile (the engine's what-changed, one
line per program and cause, also a page of the PDF). The main window only tells it which profile
is open and when its results are shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.engine.model import Assessment, RulePack
from desktop.engine.phrases import say
from desktop.storage import Store
from desktop.ui import status_style
from desktop.ui.banner import Banner
from desktop.ui.i18n import current_lang
from desktop.ui.retranslate import Retranslating


# lupdate reads translate("Context", "text"); the words were the main window's and keep its context
translate = QCoreApplication.translate


class ChangesBanner(Retranslating, Banner):
    def __init__(self, pack: RulePack, parent: QWidget | None = None):
        super().__init__("info", parent)
        self.setObjectName("changesBanner")
        self.pack = pack
        self.forget()
        self.hide()

    def forget(self) -> None:
        """No profile open: nothing to say."""
        self._previous = None  # the last check before the rules changed, for the open profile
        self._changes = None  # programs whose outcome changed since that check
        self._stored = None  # ProfileChanges the last re-check found for the open profile
        self.text: str | None = None

    def profile_opened(self, pack: RulePack, last: Assessment | None, stored) -> None:
        """A profile was opened: its last check (kept only when made under other rules) and
        what the last re-check stored for it (or None)."""
        self.forget()
        self.pack = pack
        self._previous = last if last is not None and last.rules_version != pack.version else None
        self._stored = stored
        self.retranslate()

    def results_shown(self, assessment: Assessment) -> None:
        """After the rules changed: which programs now come out differently."""
        if self._previous is not None:
            self._changes = Store.status_changes(self._previous, assessment)
            self.retranslate()

    def for_report(self):
        """What the re-check after a rule update found for the open profile (a page of the PDF)."""
        stored = self._stored
        return stored if stored is not None and stored.changed else None

    def retranslate(self) -> None:
        lang = current_lang()
        if self._changes is not None:
            self._say_status_changes(lang)
        elif self.for_report() is not None:
            stored = self._stored
            self.text = say("changes.since", lang, date=stored.old_as_of.isoformat(),
                            rules=stored.old_version[:12])
            self.set_text(self.text, "\n".join(stored.lines(lang)))

    def _say_status_changes(self, lang: str) -> None:
        changes = self._changes
        names = {p.id: p.name.get(lang) for p in self.pack.programs.values()}
        lines = []
        for c in changes:
            old = (status_style.label("program", c.old) if c.old
                   else translate("MainWindow", "(new program)"))
            new = (status_style.label("program", c.new) if c.new
                   else translate("MainWindow", "(no longer listed)"))
            lines.append(f"• {names.get(c.program_id, c.program_id)}: {old} → {new}")
        self.text = (translate("MainWindow", "The program rules changed since this profile was "
                               "last checked. Programs that now come out differently (%1):")
                     .replace("%1", str(len(changes)))
                     if changes else
                     translate("MainWindow", "The program rules changed since this profile was "
                               "last checked; no program's outcome changed."))
        self.set_text(self.text, "\n".join(lines))
