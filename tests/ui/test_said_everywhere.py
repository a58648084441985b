"""One assessment, the same words everywhere: for every example case, in Korean and in English,
the results detail on screen, the PDF (read back with pdftotext) and `jiwon evaluate` text give
each program the same status word, the same deciding reasons and the same amount words (what a
benefit pays, worked out from the answers or stated by the rule; the list shows the worked-out
figure under the name).

The expected words are the engine's explanation; each view is read as a user meets it (widget
text, extracted PDF text, terminal output), so a view that words an outcome on its own fails.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.cli.main import main
from desktop.engine import evaluate, load_profile
from desktop.engine.explain import explain_all
from desktop.engine.phrases import say
from desktop.paths import rules_dir
from desktop.report.context import ReportContext
from desktop.report.pdf import report_bytes
from desktop.ui import i18n
from desktop.ui.results import ResultsView
from desktop.ui.results.program_list import ROLE_PROGRAM

CASES = sorted((rules_dir() / "cases").glob("*.yaml"))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    return squash(out)


def terminal_blocks(out: str) -> dict[str, tuple[str, list[str], list[str]]]:
    """Program name -> (the status group it is printed under, its reason lines, its amount lines)."""
    blocks: dict[str, tuple[str, list[str], list[str]]] = {}
    group = None
    current = None
    for line in out.splitlines():
        if line.startswith("■ "):
            group = line[2:].rsplit(" (", 1)[0]
            current = None
        elif line.startswith("  • "):
            name = line[4:].split(" [", 1)[0]
            current = blocks.setdefault(name, (group, [], []))
        elif current is not None and line.startswith("      ") and line[6:8] in ("✓ ", "✗ ", "? "):
            current[1].append(line[8:])
        elif current is not None and line.startswith("      ◇ "):
            current[2].append(line[8:])
        elif not line.startswith("      "):
            current = None
    return blocks


def click_program(qtbot, view: ResultsView, program_id: str) -> None:
    """Click the program's row in the results list, as a user picks it."""
    tree = view.program_list
    item = tree.item_of(program_id)
    assert item.data(0, ROLE_PROGRAM) == program_id
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualItemRect(item).center())
    assert view.detail.result is not None and view.detail.result.program.id == program_id


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_screen_pdf_and_terminal_say_the_same(qtbot, capsys, monkeypatch, tmp_path, rule_pack, path,
                                              lang):
    profile = load_profile(path, rule_pack)
    assessment = evaluate(rule_pack, profile.answers, profile.today)
    explained = [e for e in explain_all(rule_pack, assessment).values() if e.for_applicant]
    assert explained

    # the terminal
    assert main(["evaluate", str(path), "--lang", lang]) == 0
    out = capsys.readouterr().out
    blocks = terminal_blocks(out)

    # the PDF
    pdf = pdf_text(report_bytes(assessment, profile, rule_pack, lang), tmp_path)
    ctx = ReportContext(assessment, profile, rule_pack, lang, dt.datetime(2026, 3, 2, 9, 30))
    number = {r.program.id: i for i, r in enumerate(ctx.ordered, start=1)}

    # the screen, in `lang` (set where the views read it, without a language-change event to
    # every other widget alive in the session)
    monkeypatch.setattr(i18n, "_lang", lang)
    view = ResultsView()
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    view.show_assessment(rule_pack, assessment, profile.name)

    for e in explained:
        name = e.program.name.get(lang)
        word = e.status_word.get(lang)
        reasons = [line.text.get(lang) for line in e.reasons]
        where = f"{path.stem} {lang} {e.id}"

        group, lines, amounts = blocks[name]
        assert group == word, where
        assert lines == [line.text.get(lang) + (f" ({line.note.get(lang)})" if line.note else "")
                         for line in e.reasons], where

        # the PDF: its own section, from its heading to the next program's
        heading = squash(f"{number[e.id]}. {name}")
        start = pdf.index(heading)  # the section heading (the summary table numbers its own cell)
        body = pdf[start:start + 6000]
        assert squash(word) in body[:len(squash(name)) + 400], where
        for reason in reasons:
            assert squash(reason) in body, (where, reason)

        click_program(qtbot, view, e.id)
        detail = view.detail
        assert html.escape(word, quote=False) in detail.parts["status"].text(), where
        shown = detail.text_content()
        for reason in reasons:
            assert html.escape(reason, quote=False) in shown or reason in shown, (where, reason)

        # what it pays: the benefits' amount words, worked out from the answers or stated by the
        # rule, on screen and in the PDF; the worked-out ones in the terminal and the list too
        worked = [b for b in e.benefits if b.worked_out]
        assert len(amounts) == len(worked), where
        for b in e.benefits:
            if b.amount is None:
                continue
            said = b.amount.get(lang)
            assert squash(said) in body, (where, said)
            assert html.escape(said, quote=False) in shown or said in shown, (where, said)
        for b, printed in zip(worked, amounts):
            assert printed.startswith(f"{say('heading.amounts', lang)}: {b.text.get(lang)} — {b.amount.get(lang)}"), \
                (where, printed)
        row = view.program_list.item_of(e.id)  # a track's row is under its program's
        assert row.data(0, ROLE_PROGRAM) == e.id
        short = e.amount_short.get(lang) if e.amount_short is not None else None
        assert row.text(0) == (f"{name}\n{short}" if short else name), where
