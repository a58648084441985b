"""The main window's messages about its own state, above the pages: rule files that did not load,
answers that are not being saved (or a damaged file set aside), a read or write that failed, and
answers of the open profile that could not be read.

The words are here (in the main window's translation context, where they were first written);
the window only says what happened, and lays the banners out.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.engine.model import RulePack
from desktop.storage import Store, StorageError
from desktop.ui.banner import Banner
from desktop.ui.i18n import current_lang

log = logging.getLogger("jiwon.ui")

# lupdate reads translate("Context", "text"); the words were the main window's and keep its context
translate = QCoreApplication.translate


class WindowBanners:
    """The four banners (`rules`, `store`, `save`, `damaged`), made on `window` and hidden until
    there is something to say; `retranslate()` says it again in the language now in use."""

    def __init__(self, window: QWidget, store: Store, saving_disabled: str | None):
        self.store = store
        self.saving_disabled = saving_disabled  # why answers are only kept in memory, if so
        self.pack: RulePack | None = None
        self.storage_error: StorageError | None = None
        self.damaged_ids: list[str] = []  # question ids of the open profile's unreadable answers
        self.rules = Banner("warning", window)
        self.rules.setObjectName("rulesBanner")
        self.store_state = Banner("info", window)
        self.store_state.setObjectName("storeBanner")
        self.save = Banner("error", window)
        self.save.setObjectName("saveBanner")
        self.damaged = Banner("warning", window)
        self.damaged.setObjectName("damagedBanner")
        for b in self.all():
            b.hide()

    def show_store_state(self) -> None:
        """Once laid out: the banner about the saved-profiles file, when there is one to show."""
        self.store_state.setVisible(self.store.recovered_from is not None or self.saving_disabled is not None)

    def all(self) -> tuple[Banner, ...]:
        return (self.rules, self.store_state, self.save, self.damaged)

    def set_pack(self, pack: RulePack | None) -> None:
        """The rules in use (None while they are read): a banner when some files did not load."""
        self.pack = pack
        self.rules.setVisible(pack is not None and bool(pack.errors))
        self.retranslate()

    def storage_failed(self, err: StorageError) -> bool:
        """Saving or reading failed: the banner says so and stays. True when it was not showing
        yet (the start of an episode, worth a dialog), False when it only changed its words."""
        told = not self.save.isHidden()
        self.storage_error = err
        self.save.set_text(self.save_title(), err.message.get(current_lang()))
        self.save.show()
        return not told

    def save_title(self) -> str:
        return translate("MainWindow", "Your saved profiles could not be read or written")

    def show_damaged(self, question_ids: list[str]) -> None:
        """Name the answers of the open profile that could not be read: the profile opened with
        the others, and these are asked again (answering one replaces its damaged row)."""
        self.damaged_ids = list(question_ids)
        self._say_damaged()
        self.damaged.setVisible(bool(question_ids))

    def _say_damaged(self) -> None:
        if not self.damaged_ids:
            return
        lang = current_lang()
        named = []
        for qid in self.damaged_ids:
            q = self.pack.questions.get(qid) if self.pack is not None else None
            named.append(f"{q.label.get(lang)} ({qid})" if q is not None else qid)
        self.damaged.set_text(
            translate("MainWindow", "Some saved answers of this profile could not be read"),
            translate("MainWindow", "They were left out and are asked again; answering one "
                      "replaces what was damaged: %1").replace("%1", ", ".join(named)))

    def retranslate(self, *more: Banner) -> None:
        """Every text again; `more`: other banners of the window, for their close button."""
        lang = current_lang()
        errors = self.pack.errors if self.pack is not None else ()
        if errors:
            files = sorted({e.path for e in errors})
            self.rules.set_text(
                translate("MainWindow", "Some rule files could not be loaded completely (%1). "
                          "Programs with errors are left out until they are fixed:")
                .replace("%1", str(len(files))),
                ", ".join(files))
            self.rules.set_details(
                "\n".join(e.header(lang) for e in errors[:40]) + ("\n…" if len(errors) > 40 else ""),
                translate("MainWindow", "Show details"), translate("MainWindow", "Hide details"))
        if self.saving_disabled is not None:
            self.store_state.set_text(
                translate("MainWindow", "Answers are not being saved"),
                self.saving_disabled + "\n" + translate(
                    "MainWindow", "You can keep working, but everything is lost when Jiwon is closed."))
        elif self.store.recovered_from is not None:
            self.store_state.set_text(
                translate("MainWindow", "The saved-profiles file was damaged"),
                translate("MainWindow", "It was set aside (not deleted) as %1 and a fresh, empty "
                          "file was started.").replace("%1", str(self.store.recovered_from)))
        if self.storage_error is not None:
            self.save.set_text(self.save_title(), self.storage_error.message.get(lang))
        for b in (*self.all(), *more):
            b.set_close_text(translate("MainWindow", "Close this message"))
        self._say_damaged()
