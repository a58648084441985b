"""Every UI text has its Korean translation, with the same placeholders and a keyboard mnemonic.

The .ts files are the sources (resources/translations/*_ko.ts, made with pyside6-lupdate over the
UI modules and translated by hand); the compiled .qm files are built at set-up. A text without a
translation would show in English in the Korean UI, and a translation that drops "%1" or "%n" would
lose the name or number it was meant to show.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.paths import resources_dir

TS_FILES = sorted((resources_dir() / "translations").glob("*.ts"))
PLACEHOLDER = re.compile(r"%L?\d|%n|\{[A-Za-z_][A-Za-z0-9_]*\}")
MNEMONIC = re.compile(r"&(?!&)\S")


def messages(path: Path):
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name")
        for m in ctx.iter("message"):
            tr = m.find("translation")
            kind = tr.get("type") if tr is not None else None
            if kind in ("obsolete", "vanished"):
                continue
            if m.get("numerus") == "yes":
                forms = [nf.text or "" for nf in tr.iter("numerusform")]
            else:
                forms = [tr.text or ""] if tr is not None else [""]
            yield name, m.findtext("source"), kind, forms


def test_there_are_translation_files():
    names = {p.name for p in TS_FILES}
    assert {"shell_ko.ts", "views_ko.ts"} <= names


@pytest.mark.parametrize("path", TS_FILES, ids=lambda p: p.name)
def test_every_text_is_translated_with_the_same_placeholders(path):
    problems = []
    for ctx, source, kind, forms in messages(path):
        where = f"{path.name} [{ctx}] {source!r}"
        if kind == "unfinished" or not all(f.strip() for f in forms):
            problems.append(f"{where}: no translation")
            continue
        wanted = sorted(PLACEHOLDER.findall(source))
        for form in forms:
            got = sorted(PLACEHOLDER.findall(form))
            if got != wanted:
                problems.append(f"{where}: placeholders {got} instead of {wanted}")
            if MNEMONIC.search(source) and not MNEMONIC.search(form):
                problems.append(f"{where}: the keyboard mnemonic (&) is missing")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", TS_FILES, ids=lambda p: p.name)
def test_no_source_text_is_listed_twice_in_a_context(path):
    seen = set()
    twice = []
    for ctx, source, _kind, _forms in messages(path):
        if (ctx, source) in seen:
            twice.append((ctx, source))
        seen.add((ctx, source))
    assert not twice


#: the forms that leave the Korean particle to the reader instead of choosing it
GUESSED_PARTICLE = re.compile(r"을\(를\)|를\(을\)|이\(가\)|가\(이\)|은\(는\)|는\(은\)|\(으\)로|와\(과\)|과\(와\)|\(이\)")


@pytest.mark.parametrize("path", TS_FILES, ids=lambda p: p.name)
def test_no_translation_guesses_a_particle(path):
    """A name or number put in with %1 is followed by a noun or nothing, never by "을(를)"; the
    words of outcomes, which do follow numbers, come from the phrase catalog, which picks the
    particle by reading."""
    guessed = [(ctx, form) for ctx, _source, _kind, forms in messages(path) for form in forms
               if GUESSED_PARTICLE.search(form)]
    assert not guessed
