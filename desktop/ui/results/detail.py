"""The detail of one program's outcome: why, what is missing, what it gives, where and by when.

The order follows what a clerk asks: can we apply (status), by when (deadline), what is still
needed (questions one click away) or why not (every failed criterion and the near miss), how
each condition was checked (values and sources), and finally what to prepare and where to go.
Warnings about old sources or estimated rounds sit right under the status, because they change
how far the rest can be trusted.

Built from plain widgets (labels and buttons) rather than an HTML page so every question is a
real button the keyboard reaches and tests can click.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.explain import explain, result_word
from desktop.engine.formatting import date_text, name_label, value_words
from desktop.engine.phrases import say
from desktop.engine.source_age import cited_notes, citation, source_line
from desktop.ui import status_style
from desktop.ui.i18n import current_lang

INDENT_PX = 22
MUTED = status_style.MUTED
WARN_BG = status_style.GROUNDS["warning"]
WARN_BORDER = status_style.AMBER


def _esc(s: str) -> str:
    return html.escape(s, quote=False)


def _t(t, lang: str) -> str:
    """A rule-file or catalog text in `lang` ("" for none)."""
    return t.get(lang) if t is not None else ""


def _colon(label: str) -> str:
    """'Label:' — but a label that is a question keeps its question mark instead."""
    label = label.rstrip()
    return label if label.endswith(("?", "？", ":")) else label + ":"


class ProgramDetail(QScrollArea):
    """Everything about one ProgramResult; emits `answer_requested` for a deciding question."""

    answer_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("programDetail")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._pack = None
        self._assessment = None
        self._result = None
        #: question id -> its button (for the keyboard, tests and the main window)
        self.question_buttons: dict[str, QPushButton] = {}
        #: criterion id -> its "change this answer" button, where answers gave its values
        self.change_buttons: dict[str, QPushButton] = {}
        #: the labels of the current detail by role, e.g. "near_miss", "warnings"
        self.parts: dict[str, QWidget] = {}
        self._placeholder()

    # ------------------------------------------------------------------ public

    @property
    def result(self):
        return self._result

    def show_result(self, pack, assessment, result) -> None:
        self._pack, self._assessment, self._result = pack, assessment, result
        self._rebuild()

    def clear(self) -> None:
        self._pack = self._assessment = self._result = None
        self._placeholder()

    def text_content(self) -> str:
        """All visible text of the detail, in order (for tests and accessibility checks)."""
        out = []
        body = self.widget()
        if body is None:
            return ""
        for w in body.findChildren(QLabel):
            out.append(w.text())
        for b in body.findChildren(QPushButton):
            out.append(b.text())
        return "\n".join(out)

    # ------------------------------------------------------------------ building

    def _new_body(self) -> QVBoxLayout:
        """A fresh page to fill; `_install` puts it in place once it is complete, so it is shown
        in one go (widgets added to a page already on screen only appear after a round trip
        through the event loop)."""
        self.question_buttons = {}
        self.change_buttons = {}
        self.parts = {}
        self._body = QWidget()
        self._body.setObjectName("programDetailBody")
        lay = QVBoxLayout(self._body)
        lay.setContentsMargins(16, 12, 16, 16)
        lay.setSpacing(6)
        return lay

    def _install(self) -> None:
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self.setWidget(self._body)
        self.verticalScrollBar().setValue(0)

    def _placeholder(self) -> None:
        lay = self._new_body()
        lab = QLabel(self.tr("Select a program on the left to see why it has this outcome."))
        lab.setWordWrap(True)
        lab.setStyleSheet(f"color: {MUTED}")
        lay.addWidget(lab)
        lay.addStretch(1)
        self.parts["placeholder"] = lab
        self._install()

    def _rebuild(self) -> None:
        if self._result is None:
            self._placeholder()
            return
        lang = current_lang()
        pack, a, r = self._pack, self._assessment, self._result
        p = r.program
        lay = self._new_body()

        e = self._explanation = explain(pack, a, r)
        # --- heading
        name = _esc(_t(p.name, lang))
        title = _label(f'<span style="font-size:15pt; font-weight:700">{name}</span>')
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(title)
        self.parts["title"] = title
        meta = [_t(p.ministry, lang)]
        if p.operator is not None:
            meta.append(_t(p.operator, lang))
        if p.tracks_of and p.tracks_of in pack.programs:
            meta.append(self.tr("Track of %1").replace(
                "%1", _t(pack.programs[p.tracks_of].name, lang)))
        lay.addWidget(_label(f'<span style="color:{MUTED}">{_esc(" · ".join(meta))}</span>'))

        badges = QHBoxLayout()
        badges.setSpacing(8)
        badges.addWidget(_icon("program", r.status, 22))
        status = _label(f'<span style="font-size:12pt">'
                        f'{status_style.badge_html("program", r.status, _t(e.status_word, lang), symbol=False)}'
                        f'</span> &nbsp; {_esc(_t(e.headline, lang))}')
        badges.addWidget(status, 1)
        self.parts["status"] = status
        lay.addLayout(badges)
        reality = QHBoxLayout()
        reality.addWidget(_icon("badge", e.badge, 16))
        badge = _label(status_style.badge_html("badge", e.badge, _t(e.badge_word, lang), symbol=False)
                       + "&nbsp; " + f'<span style="color:{MUTED}">{_esc(_t(e.badge_sentence, lang))}</span>')
        reality.addWidget(badge, 1)
        lay.addLayout(reality)
        self.parts["badge"] = badge
        lay.addWidget(_label(_esc(_t(p.summary, lang))))

        # --- warnings: how far to trust the rest
        warnings = self._warnings(lang)
        if warnings:
            box = _label("<br>".join(f"⚠ {_esc(w)}" for w in warnings))
            box.setObjectName("detailWarnings")
            box.setStyleSheet(f"QLabel#detailWarnings {{ background: {WARN_BG}; color: #4a2c00;"
                              f" border-left: 4px solid {WARN_BORDER}; padding: 6px 8px; }}")
            lay.addWidget(box)
            self.parts["warnings"] = box

        # --- deadline
        self._section(lay, say("heading.deadline", lang))
        d = r.deadline
        line = QHBoxLayout()
        line.addWidget(_icon("deadline", e.deadline_state, 16))
        dl = _label(f"{status_style.badge_html('deadline', e.deadline_state, symbol=False)} &nbsp; "
                    f"{_esc(_t(e.deadline, lang))}")
        line.addWidget(dl, 1)
        lay.addLayout(line)
        self.parts["deadline"] = dl
        if d.note is not None:
            note = _label(f'<span style="color:{MUTED}">{_esc(_t(d.note, lang))}</span>')
            lay.addWidget(note)
            self.parts["deadline_note"] = note

        # --- the deciding reasons, what to confirm, how close it came
        self._reasons(lay, lang)
        if e.to_confirm:
            self._section(lay, say("heading.to_confirm", lang))
            self.parts["to_confirm"] = _bullets(
                lay, [_esc(_t(x.text, lang)) for x in e.to_confirm], box="!", colour=WARN_BORDER)
        if e.near_misses:
            close = say("heading.near_misses", lang)
            lay.addWidget(_label(f"<b>{_esc(close)}</b>"))
            self.parts["near_miss"] = _bullets(lay, [_esc(_t(x.text, lang)) for x in e.near_misses])

        # --- how each condition was checked
        criteria = [c for c in r.criteria if c.kind != "exclusion"]
        exclusions = [c for c in r.criteria if c.kind == "exclusion"]
        if criteria:
            self._section(lay, self.tr("Conditions"))
            self._criteria(lay, criteria, lang, "criteria")
        if exclusions:
            self._section(lay, self.tr("Exclusions"))
            hint_text = self.tr("Any of these rules a program out.")
            hint = _label(f'<span style="color:{MUTED}">{_esc(hint_text)}</span>')
            lay.addWidget(hint)
            self._criteria(lay, exclusions, lang, "exclusions")

        # --- what it gives, what to prepare, where to apply
        if e.benefits:
            self._section(lay, self.tr("Benefits"))
            items = []
            estimated = say("estimated", lang)
            for b in e.benefits:  # the amount words, worked out or stated, are the explanation's
                s = _esc(_t(b.text, lang))
                if b.amount is not None:
                    s += f" — <b>{_esc(_t(b.amount, lang))}</b>"
                if b.estimated:
                    s += f' <span style="color:{WARN_BORDER}">({_esc(estimated)})</span>'
                items.append(s)
            self.parts["benefits"] = _bullets(lay, items)
        self._section(lay, self.tr("Documents to prepare"))
        if p.documents:
            self.parts["documents"] = _bullets(
                lay, [_esc(_t(doc.text, lang)) for doc in p.documents], box="☐")
        else:
            none = self.tr("The sources list no documents.")
            lay.addWidget(_label(f'<span style="color:{MUTED}">{_esc(none)}</span>'))
        self._section(lay, self.tr("Where to apply"))
        lay.addWidget(_label(_esc(_t(p.apply_how, lang))))
        if p.apply_url:
            link = _label(f'<a href="{html.escape(p.apply_url)}">{_esc(p.apply_url)}</a>')
            link.setObjectName("applyLink")
            link.setToolTip(self.tr("Opens in your web browser"))
            link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            link.setOpenExternalLinks(False)
            link.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
            lay.addWidget(link)
            self.parts["apply_link"] = link

        # --- sources
        notes = sorted(cited_notes(pack, r), key=lambda n: n.date, reverse=True)
        if notes:
            self._section(lay, self.tr("Sources"))
            self.parts["sources"] = _bullets(
                lay, [_esc(_t(source_line(n, a.as_of), lang)) for n in notes])
        lay.addWidget(_label(f'<span style="color:{MUTED}">' + _esc(
            say("source.reviewed", lang, date=date_text(p.reviewed, lang))) + "</span>"))
        lay.addStretch(1)
        self._install()

    def _warnings(self, lang: str) -> list[str]:
        e, r = self._explanation, self._result
        out = []
        if e.sources_note is not None:
            out.append(_t(e.sources_note, lang))
        if r.deadline.estimated:  # in short: the window's own note says how it was estimated
            out.append(say("cal.est_note", lang))
        if r.unverifiable:
            out.append(say("headline.silent", lang))
        return out

    def _reasons(self, lay: QVBoxLayout, lang: str) -> None:
        """The explanation's deciding reasons; for an undetermined program each deciding question
        is a button that takes the user to it."""
        e, a = self._explanation, self._assessment
        if not e.reasons:
            return
        self._section(lay, _t(e.reasons_heading, lang))
        if e.status == "undetermined":
            texts = []
            for line in e.reasons:
                if not line.questions:
                    texts.append(_esc(_t(line.text, lang)))
                    continue
                qid = line.questions[0]
                q = self._pack.questions.get(qid)
                caption = _t(line.text, lang)
                if line.note is not None:
                    caption += f"  ({_t(line.note, lang)})"
                btn = QPushButton("➜  " + caption)
                btn.setObjectName(f"ask_{qid}")
                btn.setProperty("questionId", qid)
                btn.setCursor(Qt.CursorShape.PointingHandCursor)
                btn.setStyleSheet("QPushButton { text-align: left; padding: 5px 10px; }")
                btn.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
                if q is not None and q.help is not None:
                    btn.setToolTip(_t(q.help, lang))
                btn.clicked.connect(lambda _=False, qid=qid: self.answer_requested.emit(qid))
                lay.addWidget(btn)
                self.question_buttons[qid] = btn
            if texts:
                self.parts["open"] = _bullets(lay, texts, box="?", colour=status_style.AMBER)
            return
        box, colour, part = (("✗", status_style.RED, "why_not") if e.status == "ineligible"
                             else ("✓", status_style.GREEN, "why"))
        self.parts[part] = _bullets(lay, [_esc(_t(x.text, lang)) for x in e.reasons],
                                    box=box, colour=colour)

    def _criteria(self, lay: QVBoxLayout, rows, lang: str, part: str) -> None:
        """The criteria as the rule file nests them: "all / at least one / none of" headings
        from the program's eligibility tree, each result under its heading."""
        box = QWidget()
        box.setObjectName(f"detail_{part}")
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(4)
        by_id = {c.id: c for c in rows}
        placed: list[tuple[int, object]] = []  # (indent, CriterionResult or heading text)
        for c in rows:
            if c.kind == "audience":
                placed.append((0, c))
        if part == "criteria":
            self._walk(self._result.program.eligibility, 0, by_id, placed, lang, top=True)
        shown = {id(item) for _, item in placed}
        placed += [(c.depth, c) for c in rows if id(c) not in shown]  # never drop a result
        for indent, item in placed:
            if isinstance(item, str):
                hl = _label(f'<span style="color:{MUTED}"><i>{_esc(item)}</i></span>')
                hl.setContentsMargins(INDENT_PX * indent, 0, 0, 0)
                v.addWidget(hl)
            else:
                v.addLayout(self._criterion_row(item, indent, lang))
        lay.addWidget(box)
        self.parts[part] = box

    def _walk(self, node, indent: int, by_id: dict, placed: list, lang: str, top: bool = False):
        children = getattr(node, "children", None)
        if children is None:  # a leaf criterion
            c = by_id.get(node.id)
            if c is not None:
                placed.append((indent, c))
            return
        if top and node.op == "all":
            inner = indent  # the tree's root "all" is the list itself
        else:
            head = {"all": self.tr("All of these:"),
                    "any": self.tr("At least one of these:"),
                    "not": self.tr("None of these may hold:")}[node.op]
            if node.text is not None:
                head = f"{_t(node.text, lang)} — {head}"
            placed.append((indent, head))
            inner = indent + 1
        for child in children:
            self._walk(child, inner, by_id, placed, lang)

    def _criterion_row(self, c, indent: int, lang: str) -> QHBoxLayout:
        pack, a = self._pack, self._assessment
        kind = "exclusion" if c.kind == "exclusion" else "criterion"
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addSpacing(INDENT_PX * indent)
        row.addWidget(_icon(kind, c.result, 16), 0, Qt.AlignmentFlag.AlignTop)
        badge = status_style.badge_html(kind, c.result, _t(result_word(c), lang), symbol=False)
        body = badge + " &nbsp; " + _esc(_t(c.text, lang))
        if c.to_verify:
            to_verify = say("to_verify", lang)
            body += (f' <span style="color:{WARN_BORDER}; font-weight:600">'
                     f'[{_esc(to_verify)}]</span>')
        small = []
        if c.values:
            vals = ", ".join(
                f"{_esc(_colon(name_label(pack, n, lang)))} "
                f"<b>{_esc(value_words(pack, a.answers, n, val, lang))}</b>"
                for n, val in c.values.items())
            small.append(_esc(self.tr("Values used:")) + " " + vals)
        if c.id in self._result.unverifiable:
            small.append(_esc(say("sources_silent", lang)))
        if c.sources:
            small.append(_esc(self.tr("Source:")) + " " + _esc(_t(citation(pack, c.sources), lang)))
        if small:
            body += (f'<br><span style="color:{MUTED}; font-size:9pt">' + "<br>".join(small)
                     + "</span>")
        lab = _label(body)
        lab.setProperty("criterionId", c.id)
        lab.setProperty("result", c.result)
        row.addWidget(lab, 1)
        answered = [n for n in (c.values or {}) if n in pack.questions and n in a.answers]
        if answered:  # the values came from answers: one click to change them
            change = QPushButton(self.tr("Change this answer") if len(answered) == 1
                                 else self.tr("Change these answers"))
            change.setObjectName(f"change_{c.id}")
            change.setFlat(True)
            change.setCursor(Qt.CursorShape.PointingHandCursor)
            change.setToolTip(", ".join(_t(pack.questions[n].label, lang) for n in answered))
            change.clicked.connect(lambda _=False, qid=answered[0]:
                                   self.answer_requested.emit(qid))
            row.addWidget(change, 0, Qt.AlignmentFlag.AlignTop)
            self.change_buttons[c.id] = change
        return row

    def _section(self, lay: QVBoxLayout, title: str) -> None:
        lay.addSpacing(8)
        head = _label(f'<span style="font-size:11pt; font-weight:700">{_esc(title)}</span>')
        head.setAccessibleName(title)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #d0d0d0")
        lay.addWidget(head)
        lay.addWidget(line)

    def refresh(self) -> None:
        """Redraws in the current language (the results view calls this on a language switch)."""
        self._rebuild()


def _label(rich: str) -> QLabel:
    lab = QLabel(rich)
    lab.setTextFormat(Qt.TextFormat.RichText)
    lab.setWordWrap(True)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lab


def _icon(kind: str, value: str, size: int) -> QLabel:
    lab = QLabel()
    lab.setPixmap(status_style.pixmap(kind, value, size, lab.devicePixelRatioF() or 1.0))
    lab.setFixedSize(size, size)
    lab.setAccessibleName(status_style.label(kind, value))
    return lab


def _bullets(lay: QVBoxLayout, items: list[str], box: str = "•",
             colour: str | None = None) -> QLabel:
    mark = f'<span style="color:{colour}">{box}</span>' if colour else box
    lab = _label("<br>".join(f"{mark}&nbsp; {s}" for s in items))
    lay.addWidget(lab)
    return lab
