"""A profile's check history: every stored assessment as it was (its day, the rules it was made
under, each program's outcome, the criteria it failed and the questions it left open) and
"Check again today": the engine's what-changed between that check and one made now, under the
rules in use. Read only; the words are the phrase catalog's."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
                               QPushButton, QScrollArea, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from desktop.engine import evaluate
from desktop.engine.model import RulePack
from desktop.engine.phrases import say, word
from desktop.engine.what_changed import what_changed
from desktop.storage import Store
from desktop.storage.recheck import changes_from_snapshot
from desktop.ui.i18n import current_lang
from desktop.ui.retranslate import Retranslating

_RECORD = Qt.ItemDataRole.UserRole


class HistoryDialog(Retranslating, QDialog):
    def __init__(self, store: Store, profile_id: int, pack: RulePack, as_of: dt.date,
                 find_pack: Callable[[str], RulePack | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.store, self.profile_id, self.pack, self.as_of = store, profile_id, pack, as_of
        self.find_pack = find_pack
        self.profile = store.get_profile(profile_id)
        self.records = store.history(profile_id)  # newest first
        self.resize(820, 560)

        self.list = QTreeWidget(self)
        self.list.setObjectName("historyList")
        self.list.setColumnCount(4)
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.currentItemChanged.connect(lambda *_: self._show())
        self.detail = QLabel(self)
        self.detail.setObjectName("historyDetail")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.again_button = QPushButton(self)
        self.again_button.setObjectName("checkAgainToday")
        self.again_button.clicked.connect(lambda: self.check_again())
        self.changes = QLabel(self)
        self.changes.setObjectName("historyChanges")
        self.changes.setWordWrap(True)
        self.changes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.changes.hide()
        inner = QWidget(self)
        iv = QVBoxLayout(inner)
        iv.addWidget(self.detail)
        iv.addWidget(self.changes)
        iv.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.again_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        lay = QVBoxLayout(self)
        lay.addWidget(self.list, 1)
        lay.addWidget(scroll, 2)
        lay.addLayout(row)
        self.retranslate()
        if self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(0))

    # ------------------------------------------------------------ words

    def retranslate(self) -> None:
        lang = current_lang()
        self.setWindowTitle(say("history.title", lang, name=self.profile.name))
        self.list.setHeaderLabels([say(k, lang) for k in ("history.col_checked", "history.col_as_of",
                                                          "history.col_rules", "history.col_outcome")])
        self.again_button.setText(say("history.again", lang))
        keep = self.list.currentIndex().row() if self.list.currentItem() is not None else 0
        self.list.clear()
        for i, r in enumerate(self.records):
            rules = r.rules_version[:12]
            if self.find_pack(r.rules_version) is None:
                rules = say("history.rules_gone", lang, id=rules)
            counts = " · ".join(f"{word('status', s, lang)} {r.counts.get(s, 0)}"
                                for s in ("eligible", "undetermined", "ineligible"))
            item = QTreeWidgetItem([r.created.astimezone().strftime("%Y-%m-%d %H:%M"),
                                    r.as_of.isoformat(), rules, counts])
            item.setData(0, _RECORD, i)
            self.list.addTopLevelItem(item)
        if not self.records:
            self.detail.setText(say("history.none", lang))
            self.again_button.setEnabled(False)
        elif self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(min(keep, len(self.records) - 1)))
        for col in range(3):
            self.list.resizeColumnToContents(col)

    def record(self):
        item = self.list.currentItem()
        return self.records[item.data(0, _RECORD)] if item is not None else None

    # ------------------------------------------------------------ one check, as it was

    def _show(self) -> None:
        r = self.record()
        self.changes.hide()
        if r is None:
            return
        lang = current_lang()
        pack = self.find_pack(r.rules_version)
        lines = [say("history.as_it_was", lang, date=r.as_of.isoformat(), rules=r.rules_version[:12])]
        for pid, entry in r.snapshot.get("programs", {}).items():
            program = pack.programs.get(pid) if pack is not None else None
            if program is not None and self.profile.applicant_type not in program.audience:
                continue  # programs for other applicants: not news for this one
            name = (entry.get("name") or {}).get(lang, pid)
            lines.append(f"• {name}: {word('status', entry['status'], lang)}")
            if entry.get("failed"):
                texts = [self._criterion(program, cid, lang) for cid in entry["failed"]]
                lines.append("    " + say("history.failed", lang, items=" · ".join(texts)))
            if entry.get("missing"):
                labels = [self._question(pack, qid, lang) for qid in entry["missing"]]
                lines.append("    " + say("history.missing", lang, items=" · ".join(labels)))
        self.detail.setText("\n".join(lines))

    @staticmethod
    def _criterion(program, cid: str, lang: str) -> str:
        if program is not None:
            stack = [program.eligibility, *program.exclusions]
            while stack:
                node = stack.pop()
                if hasattr(node, "children"):
                    stack.extend(node.children)
                elif node.id == cid:
                    return node.text.get(lang)
        return cid

    @staticmethod
    def _question(pack, qid: str, lang: str) -> str:
        q = pack.questions.get(qid) if pack is not None else None
        return q.label.get(lang) if q is not None else qid

    # ------------------------------------------------------------ check again today

    def check_again(self):
        """What changed between the selected check and one made today (the engine's what-changed,
        one line per program and per cause). Shown below the check; nothing is saved."""
        r = self.record()
        if r is None:
            return None
        lang = current_lang()
        new = evaluate(self.pack, self.store.get_answers(self.profile_id), self.as_of)
        old_pack = self.find_pack(r.rules_version)
        if old_pack is not None:
            old = evaluate(old_pack, r.answers(), r.as_of)
            changes = what_changed(old, new, old_pack, self.pack)
        else:
            changes = changes_from_snapshot(r.snapshot, new)
        head = say("history.again_head", lang, then=r.as_of.isoformat(), today=self.as_of.isoformat())
        body = changes.lines(lang) if changes.changed else [say("history.same", lang)]
        self.changes.setText("\n".join([head, *body]))
        self.changes.show()
        self.last_changes = changes
        return changes
