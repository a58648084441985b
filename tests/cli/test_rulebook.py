"""`jiwon rulebook`: one offline HTML file with every program, definition, table and source note of
the shipped rules, in Korean or English, whose links all land somewhere in the same file."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.engine import load_rules


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.text = set(), [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href", "").startswith("#"):
            self.hrefs.append(a["href"][1:])
        assert tag not in ("script", "img", "iframe", "link"), tag  # nothing fetched, nothing run

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_program_and_source_note_is_in_the_book(lang, tmp_path, capsys):
    out = tmp_path / f"book-{lang}.html"
    assert main(["rulebook", "-o", str(out), "--lang", lang]) == 0
    html = out.read_text(encoding="utf-8")
    pack = load_rules()
    parsed = _Links()
    parsed.feed(html)
    text = "".join(parsed.text)
    for p in pack.programs.values():
        assert f"prog-{p.id}" in parsed.ids
        assert p.name.get(lang) in text
        for c in _leaves(p.eligibility) + list(p.exclusions):
            assert c.text.get(lang) in text
            if c.expr_source:
                assert c.expr_source in text  # as written
    for n in pack.notes.values():
        assert f"note-{n.id}" in parsed.ids
        assert n.title.get(lang) in text and n.date.isoformat() in text
        for f in n.facts.values():
            assert f"note-{n.id}-{f.id}" in parsed.ids
    for d in pack.definitions.values():
        assert f"def-{d.id}" in parsed.ids
    missing = sorted(set(parsed.hrefs) - parsed.ids)
    assert not missing, missing[:5]
    assert re.search(r'<html lang="%s">' % lang, html)
    assert "rule book written" in capsys.readouterr().err or lang == "ko"


def test_rulebook_to_a_folder_that_cannot_be_written_is_one_line(tmp_path, capsys):
    code = main(["rulebook", "-o", str(tmp_path / "missing" / "book.html")])
    err = capsys.readouterr().err
    assert code == 2 and "cannot write" in err and "Traceback" not in err


def _leaves(node):
    if hasattr(node, "children"):
        return [leaf for kid in node.children for leaf in _leaves(kid)]
    return [node]
