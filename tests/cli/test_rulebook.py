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
        for b in p.benefits:  # what a benefit pays, as its rule works it out
            if b.amount_expr is not None:
                assert b.amount_expr.text in text, (p.id, b.amount_expr.text)
    for n in pack.notes.values():
        assert f"note-{n.id}" in parsed.ids
        assert n.title.get(lang) in text and n.date.isoformat() in text
        for f in n.facts.values():
            assert f"note-{n.id}-{f.id}" in parsed.ids
    for d in pack.definitions.values():
        assert f"def-{d.id}" in parsed.ids
    rows = _table_rows(html)
    for t in pack.tables.values():
        for key, value in t.entries.items():
            assert (t.id, key, _shown(value), "") in rows, (t.id, key)
        for key, versions in t.dated.items():  # every version of a dated entry, with its days
            for version in versions:
                days = str(version.validity.valid_from or version.validity.valid_to)
                assert any(r[:3] == (t.id, key, _shown(version.value)) and days in r[3] for r in rows), (t.id, key)
    missing = sorted(set(parsed.hrefs) - parsed.ids)
    assert not missing, missing[:5]
    assert re.search(r'<html lang="%s">' % lang, html)
    assert "rule book written" in capsys.readouterr().err or lang == "ko"


def _shown(value) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 100_000_000:
        return f"{value:_}"
    return str(value)


def _table_rows(html: str) -> set[tuple[str, ...]]:
    """(table id, key, value as written, days) for every row of every table in the tables part."""
    out = set()
    for block in re.findall(r'<div class="table" id="table-([^"]+)">(.*?)(?=<div class="table"|</section>)', html, re.S):
        tid, body = block
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
            cells = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            if len(cells) >= 2:
                out.add((tid, cells[0], cells[1].split(" (")[0], cells[2] if len(cells) > 2 else ""))
    return out


def test_rulebook_to_a_folder_that_cannot_be_written_is_one_line(tmp_path, capsys):
    code = main(["rulebook", "-o", str(tmp_path / "missing" / "book.html")])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert err.strip() == (f"rulebook -o: the folder does not exist: {tmp_path / 'missing'} / "
                           f"폴더가 없습니다: {tmp_path / 'missing'}")
    assert not (tmp_path / "missing").exists()


def _leaves(node):
    if hasattr(node, "children"):
        return [leaf for kid in node.children for leaf in _leaves(kid)]
    return [node]


def test_the_korean_book_names_what_is_inherited_and_its_rounds_in_korean(tmp_path):
    out = tmp_path / "book.html"
    assert main(["rulebook", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    pack = load_rules()
    parent = pack.programs["sme-specialized-hs"]
    # a track's inherited criteria name the program they come from by its name, in Korean words
    assert f'가져온 곳: <a href="#prog-sme-specialized-hs">사업 {parent.name.ko}</a>' in html
    assert "가져온 곳: <a href=\"#criteria-groups\">공통 요건 묶음 sme-size</a>" in html
    assert "program '" not in html and "criteria group '" not in html
    assert "<th>회차</th>" in html and "<th>id</th>" not in html
    # a source note is cited by program names, and by the tables whose dated entries cite it
    note = re.search(r'id="note-law-sme-framework-decree-2015".*?</table>', html, re.S).group()
    assert "인용한 표" in note and 'href="#table-sme_sales_ceiling"' in note
    # printed: every table repeats its header on a new page; a short one kept whole side by side
    assert re.search(r'<table( class="rounds")?>(?!<thead>)', html) is None
    assert '<div class="entries whole">' in html
    # a definition read only by other definitions says which
    small = re.search(r'id="def-small_sales_limit".*?</div>', html, re.S).group()
    assert '사용하는 정의: <a href="#def-is_small_enterprise">' in small


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_programs_come_by_name_each_track_after_its_program(lang):
    from desktop.report.rulebook import rulebook_html

    pack = load_rules()
    html = rulebook_html(pack, lang)
    nav = html[html.index("<nav>"):html.index("</nav>")]
    order = re.findall(r'href="#prog-([^"]+)"', nav)
    assert sorted(order) == sorted(pack.programs)
    for i, pid in enumerate(order):  # a track follows its program or a sibling track
        parent = pack.programs[pid].tracks_of
        if parent is not None:
            assert order[i - 1] in (parent, *[q for q in order if pack.programs[q].tracks_of == parent])
    tops = [pack.programs[p].name.get(lang).casefold() for p in order if pack.programs[p].tracks_of is None]
    if lang == "ko":
        assert order.index("nesp-type1") < order.index("nesp-type2")  # I유형 before II유형
    assert tops == sorted(tops, key=lambda n: n.replace(" ii", " i\uffff"))
    # the body follows the same order
    assert re.findall(r'<section class="program" id="prog-([^"]+)"', html) == order
