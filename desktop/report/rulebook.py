"""The rule book: every program's rules as one printable, offline HTML file for a reviewer.

For each program: who may apply, its tree of criteria in words and as written, the limits and
tables it rests on, its exclusions, rounds, documents and how to apply, and its sources with their
dates and reliability. Definitions, tables and source notes have their own sections; programs,
definitions and notes link to each other. No script, no web font, no image: it prints as it is.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from typing import Any

from desktop.engine.amounts import format_amount
from desktop.engine.phrases import word as _word
from desktop.engine.model import Criterion, Group, Program, RulePack, Text

_W = {
    "title": Text("지원사업 규칙집", "Rule book of the support programs"),
    "version": Text("규칙 버전", "Rules version"),
    "made": Text("작성일", "Made on"),
    "contents": Text("차례", "Contents"),
    "programs": Text("지원사업", "Programs"),
    "definitions": Text("정의", "Definitions"),
    "tables": Text("표", "Tables"),
    "notes": Text("출처 노트", "Source notes"),
    "audience": Text("신청 대상", "Who can apply"),
    "ministry": Text("소관 부처", "Ministry"),
    "operator": Text("운영 기관", "Operator"),
    "maturity": Text("단계", "Stage"),
    "reviewed": Text("검토일", "Reviewed"),
    "track_of": Text("상위 사업", "Track of"),
    "tracks": Text("세부 트랙", "Tracks"),
    "benefits": Text("지원 내용", "Benefits"),
    "criteria": Text("자격 요건", "Eligibility"),
    "in_words": Text("요건", "In words"),
    "as_written": Text("규칙식", "As written"),
    "sources": Text("출처", "Sources"),
    "exclusions": Text("제외 사유", "Exclusions"),
    "rounds": Text("접수 일정", "Rounds"),
    "recurrence": Text("매년 반복(추정)", "Comes back every year (estimate)"),
    "documents": Text("제출 서류", "Documents"),
    "apply": Text("신청 방법", "How to apply"),
    "uses": Text("사용하는 정의·표", "Definitions and tables used"),
    "used_by": Text("사용하는 사업", "Used by"),
    "amount_rule": Text("금액 계산식", "Amount rule"),
    "amount_bound.exact": Text("지급액 그대로", "the amount itself"),
    "amount_bound.up_to": Text("상한", "an upper limit"),
    "amount_bound.at_least": Text("하한", "a lower limit"),
    "amount_unit.KRW": Text("단위 원", "in KRW"),
    "amount_unit.percent": Text("단위 %", "in percent"),
    "all": Text("다음을 모두 충족", "All of the following"),
    "any": Text("다음 중 하나 이상 충족", "At least one of the following"),
    "not": Text("다음에 해당하지 않음", "None of the following"),
    "no_expr": Text("규칙식 없음: 자료에 기준이 없어 항상 '미확인'", "No expression: the sources set no rule, always 'unknown'"),
    "to_verify": Text("확인 필요", "To verify"),
    "match_exact": Text("정확히 일치", "exact match"),
    "match_prefix": Text("가장 긴 앞부분 일치", "longest matching prefix"),
    "default": Text("그 밖의 값", "any other key"),
    "reliability": Text("신뢰도", "Reliability"),
    "kind": Text("종류", "Kind"),
    "publisher": Text("발행", "Publisher"),
    "date": Text("날짜", "Date"),
    "facts": Text("사실", "Facts"),
    "cited_by": Text("인용한 사업", "Cited by"),
    "opens": Text("시작", "Opens"),
    "closes": Text("마감", "Closes"),
    "note": Text("메모", "Note"),
    "estimated": Text("추정", "estimated"),
    "key": Text("키", "Key"),
    "origin": Text("가져온 곳", "Written in"),
    "groups": Text("공통 요건 묶음", "Criterion groups"),
    "value": Text("값", "Value"),
    "in_force": Text("시행 기간", "In force"),
    "round": Text("회차", "Round"),
    "from_program": Text("사업", "program"),
    "from_group": Text("공통 요건 묶음", "criterion group"),
    "cited_by_tables": Text("인용한 표", "Cited by the tables"),
    "used_by_defs": Text("사용하는 정의", "Used by the definitions"),
    "no_source": Text("(사업의 출처를 따름)", "(the program's sources)"),
}

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")

NOTE_KIND = {
    "press_release": Text("보도자료", "Press release"),
    "news": Text("기사", "News article"),
    "law": Text("법령", "Law"),
    "ministry_page": Text("부처 누리집", "Ministry page"),
    "blog": Text("블로그", "Blog"),
}

RELIABILITY = {
    "official": Text("공식", "Official"),
    "press": Text("언론", "Press"),
    "blog": Text("블로그(확인 필요)", "Blog (to verify)"),
}

_CSS = """
body { font-family: "Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo", "NanumGothic", sans-serif;
       margin: 2rem auto; max-width: 60rem; line-height: 1.5; color: #111; }
h1 { font-size: 1.8rem; } h2 { font-size: 1.4rem; border-bottom: 2px solid #333; margin-top: 2.5rem; }
h3 { font-size: 1.1rem; margin-top: 1.4rem; }
.program, .note, .definition, .table { break-inside: auto; }
section.program, h2.part { break-before: page; page-break-before: always; }
h1, h2, h3, h4, .group, .cid { break-after: avoid; page-break-after: avoid; }
.group { display: block; }
thead { display: table-header-group; }
.entries.whole { break-inside: avoid; page-break-inside: avoid; }
tr, li.leaf, p, ul:not(.tree) > li { break-inside: avoid; page-break-inside: avoid; }
table.rounds { width: 100%; }
.keep { break-inside: avoid; page-break-inside: avoid; }
.entries { display: flex; flex-wrap: wrap; gap: 0 1.5rem; align-items: flex-start; }
.entries td:nth-child(2) { white-space: nowrap; }
table.rounds th, table.rounds td.short { white-space: nowrap; }
table.rounds td.kind { min-width: 6rem; }
table.rounds td.sources { overflow-wrap: anywhere; width: 32%; }
table.rounds td.note { width: 32%; }
table.facts td { border: none; padding: .1rem 1rem .1rem 0; }
table.facts th { border: none; padding: .1rem 1rem .1rem 0; white-space: nowrap; }
ul.tree { list-style: none; padding-left: 1.2rem; border-left: 1px solid #bbb; }
ul.tree > li { margin: .35rem 0; }
.group { font-weight: bold; }
code { font-family: "DejaVu Sans Mono", monospace; background: #f2f2f2; padding: 0 .25rem; white-space: pre-wrap; }
.cid { color: #555; font-size: .85rem; }
.mark { border: 1px solid #a60; color: #a60; padding: 0 .3rem; font-size: .8rem; border-radius: .2rem;
        white-space: nowrap; }
table { border-collapse: collapse; margin: .5rem 0; }
td, th { border: 1px solid #bbb; padding: .15rem .5rem; text-align: left; vertical-align: top; }
.sources { font-size: .85rem; color: #333; }
nav ol { columns: 2; }
nav ol ul { list-style: circle; padding-left: 1.2rem; }
a { color: #0645ad; text-decoration: none; }
@page { size: A4; margin: 16mm 14mm; }
@media print { a { color: inherit; } body { margin: 0; max-width: none; font-size: 10pt; } nav ol { columns: 1; } }
"""


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


class _Book:
    def __init__(self, pack: RulePack, lang: str):
        self.pack = pack
        self.lang = lang
        self.def_users: dict[str, list[str]] = {}
        self.note_users: dict[str, list[str]] = {}
        self.def_readers: dict[str, list] = {}  # definition id -> the definitions that read it
        for o in pack.definitions.values():
            read = {n for e in (o, *o.versions) if e.expr is not None for n in e.expr.names}
            for name in read & pack.definitions.keys():
                self.def_readers.setdefault(name, []).append(o)
        self.note_tables: dict[str, list] = {}  # note id -> the tables whose dated entries cite it
        for t in pack.tables.values():
            cited = {cite.partition("#")[0] for versions in t.dated.values() for v in versions for cite in v.sources}
            for note_id in cited:
                self.note_tables.setdefault(note_id, []).append(t)
        for pid, p in pack.programs.items():
            for name in self._uses(p):
                self.def_users.setdefault(name, []).append(pid)
            for cite in self._cites(p):
                users = self.note_users.setdefault(cite.partition("#")[0], [])
                if pid not in users:
                    users.append(pid)

    def w(self, key: str) -> str:
        return _e(_W[key].get(self.lang))

    def t(self, text: Text | None) -> str:
        return "" if text is None else _e(text.get(self.lang))

    # ------------------------------------------------------------ what a program uses
    def _leaves(self, node) -> list[Criterion]:
        if isinstance(node, Criterion):
            return [node]
        return [leaf for kid in node.children for leaf in self._leaves(kid)]

    def _uses(self, p: Program) -> list[str]:
        out: list[str] = []
        exprs = [c.expr for c in self._leaves(p.eligibility) + list(p.exclusions)]
        exprs += [b.amount_expr for b in p.benefits]  # what a benefit pays reads tables too
        for expr in exprs:
            if expr is None:
                continue
            for name in sorted(expr.names):
                if name in self.pack.definitions and name not in out:
                    out.append(name)
            for table in sorted(expr.tables):
                if f"table:{table}" not in out:
                    out.append(f"table:{table}")
        # definitions used by definitions, and their tables
        queue = [n for n in out if not n.startswith("table:")]
        while queue:
            d = self.pack.definitions[queue.pop()]
            for name in sorted(d.expr.names):
                if name in self.pack.definitions and name not in out:
                    out.append(name)
                    queue.append(name)
            for table in sorted(d.expr.tables):
                if f"table:{table}" not in out:
                    out.append(f"table:{table}")
        return out

    def _cites(self, p: Program) -> list[str]:
        cites = list(p.sources)
        for c in self._leaves(p.eligibility) + list(p.exclusions):
            cites.extend(c.sources)
        for r in p.rounds:
            cites.extend(r.sources)
        return cites

    # ------------------------------------------------------------ pieces
    def cite_links(self, cites) -> str:
        links = []
        for cite in cites:
            note_id, _, fact = cite.partition("#")
            note = self.pack.notes.get(note_id)
            label = _e(cite)
            if note is not None:
                mark = _table_word(RELIABILITY, note.reliability, self.lang)
                label = f"{_e(cite)} ({_e(note.date.isoformat())}, {_e(mark)})"
            anchor = f"note-{note_id}" + (f"-{fact}" if fact else "")
            links.append(f'<a href="#{_e(anchor)}">{label}</a>')
        return ", ".join(links)

    def expr_html(self, text: str) -> str:
        """The expression as written, with each definition linked to its section."""
        out = _e(text)
        for name in sorted(self.pack.definitions, key=len, reverse=True):
            out = _link_word(out, name, f"def-{name}")
        return out

    def criterion(self, c: Criterion) -> str:
        parts = [f'<li class="leaf" id="{_e(self.anchor)}-{_e(c.id)}"><span>{self.t(c.text)}</span> '
                 f'<span class="cid">[{_e(c.id)}]</span>']
        if c.to_verify:
            parts.append(f' <span class="mark">{self.w("to_verify")}</span>')
        if c.expr is not None:
            parts.append(f'<br><code>{self.expr_html(c.expr_source or c.expr.text)}</code>')
        else:
            parts.append(f'<br><em>{self.w("no_expr")}</em>')
        if c.sources:
            parts.append(f'<div class="sources">{self.w("sources")}: {self.cite_links(c.sources)}</div>')
        if c.origin:
            kind, target = _origin(c.origin)
            if kind == "program":
                parent = self.pack.programs.get(target)
                shown = f"{self.w('from_program')} {self.t(parent.name) if parent else _e(target)}"
                href = f"#prog-{_e(target)}"
            else:
                shown = f"{self.w('from_group')} {_e(target)}"
                href = "#criteria-groups"
            parts.append(f'<div class="sources">{self.w("origin")}: <a href="{href}">{shown}</a> '
                         f'({_e(_rel(c.where.path)) if c.where else ""})</div>')
        if c.note:
            parts.append(f'<div class="sources">{self.w("note")}: {self.t(c.note)}</div>')
        parts.append("</li>")
        return "".join(parts)

    def tree(self, node) -> str:
        if isinstance(node, Criterion):
            return self.criterion(node)
        head = self.w(node.op)
        if node.text is not None:
            head = f"{self.t(node.text)} — {head}"
        kids = "".join(self.tree(k) for k in node.children)
        return f'<li><span class="group">{head}</span><ul class="tree">{kids}</ul></li>'

    def program(self, p: Program) -> str:
        self.anchor = f"prog-{p.id}"
        out = [f'<section class="program" id="prog-{_e(p.id)}">',
               f"<h2>{self.t(p.name)}</h2>", f'<p class="cid">{_e(p.id)} · rules/programs/{_e(Path(p.path).name)}</p>',
               f"<p>{self.t(p.summary)}</p>", '<table class="facts">']
        audience = ", ".join(_word("applicant", a, self.lang) for a in p.audience)
        rows = [("audience", _e(audience)), ("ministry", self.t(p.ministry))]
        if p.operator:
            rows.append(("operator", self.t(p.operator)))
        rows.append(("maturity", _e(_word("maturity", p.maturity, self.lang))))
        rows.append(("reviewed", _e(p.reviewed.isoformat() if p.reviewed else "")))
        if p.tracks_of:
            parent = self.pack.programs.get(p.tracks_of)
            rows.append(("track_of", f'<a href="#prog-{_e(p.tracks_of)}">{self.t(parent.name) if parent else _e(p.tracks_of)}</a>'))
        tracks = [q for q in self.pack.programs.values() if q.tracks_of == p.id]
        if tracks:
            rows.append(("tracks", ", ".join(f'<a href="#prog-{_e(q.id)}">{self.t(q.name)}</a>' for q in tracks)))
        rows.append(("sources", self.cite_links(p.sources)))
        out.extend(f"<tr><th>{self.w(k)}</th><td>{v}</td></tr>" for k, v in rows)
        out.append("</table>")
        if p.benefits:
            out.append(f'<h3>{self.w("benefits")}</h3><ul>')
            for b in p.benefits:
                amount = f" — {_e(format_amount(b.amount, self.lang))}" if b.amount else ""
                est = f" ({self.w('estimated')})" if b.estimated else ""
                rule = ""
                if b.amount_expr is not None:
                    rule = (f'<br>{self.w("amount_rule")} ({self.w("amount_bound." + b.bound)}, '
                            f'{self.w("amount_unit." + b.unit)}): <code>{self.expr_html(b.amount_expr.text)}</code>')
                out.append(f"<li>{self.t(b.text)}{amount}{est}{rule}</li>")
            out.append("</ul>")
        out.append(f'<h3>{self.w("criteria")}</h3><ul class="tree">{self.tree(p.eligibility)}</ul>')
        if p.exclusions:
            out.append(f'<h3>{self.w("exclusions")}</h3><ul class="tree">')
            out.extend(self.criterion(c) for c in p.exclusions)
            out.append("</ul>")
        uses = self._uses(p)
        if uses:
            links = []
            for name in uses:
                if name.startswith("table:"):
                    tid = name[6:]
                    table = self.pack.tables.get(tid)
                    links.append(f'<a href="#table-{_e(tid)}">{self.t(table.label) if table and table.label else _e(tid)}</a>')
                else:
                    d = self.pack.definitions[name]
                    links.append(f'<a href="#def-{_e(name)}">{self.t(d.label)}</a> <span class="cid">[{_e(name)}]</span>')
            out.append(f'<h3>{self.w("uses")}</h3><p>{", ".join(links)}</p>')
        out.append(self.rounds(p))
        if p.documents:
            out.append(f'<h3>{self.w("documents")}</h3><ul>')
            out.extend(f"<li>{self.t(d.text)} <span class=\"cid\">[{_e(d.id)}]</span></li>" for d in p.documents)
            out.append("</ul>")
        url = f' <a href="{_e(p.apply_url)}">{_e(p.apply_url)}</a>' if p.apply_url else ""
        out.append(f'<h3>{self.w("apply")}</h3><p>{self.t(p.apply_how)}{url}</p>')
        out.append("</section>")
        return "\n".join(out)

    def rounds(self, p: Program) -> str:
        if not p.rounds and p.recurrence is None:
            return ""
        out = [f'<div class="keep"><h3>{self.w("rounds")}</h3>']
        if p.rounds:
            out.append(f"<table class=\"rounds\"><thead><tr><th>{self.w('round')}</th><th>{self.w('kind')}</th>"
                       f"<th>{self.w('opens')}</th><th>{self.w('closes')}</th><th>{self.w('note')}</th>"
                       f"<th>{self.w('sources')}</th></tr></thead>")
            for r in p.rounds:
                out.append(
                    f"<tr><td class=\"short\">{_e(r.id)}</td><td class=\"kind\">{_e(_word('round', r.kind, self.lang))}</td>"
                    f"<td class=\"short\">{_e(_day(r.opens))}</td><td class=\"short\">{_e(_day(r.closes))}</td>"
                    f"<td class=\"note\">{self.t(r.note)}</td>"
                    f"<td class=\"sources\">{self.cite_links(r.sources) or self.w('no_source')}</td></tr>"
                )
            out.append("</table>")
        if p.recurrence is not None:
            rec = p.recurrence
            until = " ~ " if self.lang == "ko" else " to "
            out.append(f"<p>{self.w('recurrence')}: {_e(self.month_day(rec.opens))}{until}{_e(self.month_day(rec.closes))}. "
                       f"{self.t(rec.note)}</p>")
        out.append("</div>")
        return "\n".join(out)

    def month_day(self, md) -> str:
        month, day = md
        return f"{month}월 {day}일" if self.lang == "ko" else f"{day} {_MONTHS_EN[month - 1]}"

    def program_links(self, ids) -> str:
        """Programs named in words, each linked to its section."""
        links = []
        for pid in ids:
            p = self.pack.programs.get(pid)
            links.append(f'<a href="#prog-{_e(pid)}">{self.t(p.name) if p else _e(pid)}</a>')
        return ", ".join(links)

    def definitions(self) -> str:
        out = [f'<section id="definitions"><h2 class="part" id="criteria-groups">{self.w("groups")}</h2>']
        used: dict[str, list[str]] = {}
        for p in self.pack.programs.values():
            for c in self._leaves(p.eligibility):
                kind, gid = _origin(c.origin) if c.origin else (None, "")
                if kind == "criteria group":
                    if p.id not in used.setdefault(gid, []):
                        used[gid].append(p.id)
        for gid, users in used.items():
            out.append(f"<p><b>{_e(gid)}</b> (rules/criteria.yaml): {self.w('used_by')}: {self.program_links(users)}</p>")
        out.append(f'<h2 id="definitions-part">{self.w("definitions")}</h2>')
        for d in self.pack.definitions.values():
            users = self.program_links(self.def_users.get(d.id, []))
            out.append(f'<div class="definition" id="def-{_e(d.id)}"><h3>{self.t(d.label)} '
                       f'<span class="cid">[{_e(d.id)}]</span></h3>')
            if d.help:
                out.append(f"<p>{self.t(d.help)}</p>")
            out.append(f"<p><code>{self.expr_html(d.source)}</code></p>")
            if users:
                out.append(f'<p class="sources">{self.w("used_by")}: {users}</p>')
            by_defs = self.def_readers.get(d.id, [])
            if by_defs:
                shown = ", ".join(f'<a href="#def-{_e(o.id)}">{self.t(o.label)}</a>' for o in by_defs)
                out.append(f'<p class="sources">{self.w("used_by_defs")}: {shown}</p>')
            out.append("</div>")
        out.append(f'<h2 id="tables">{self.w("tables")}</h2>')
        for t in self.pack.tables.values():
            match = self.w("match_prefix" if t.match == "prefix" else "match_exact")
            out.append(f'<div class="table" id="table-{_e(t.id)}"><h3>{self.t(t.label) or _e(t.id)} '
                       f'<span class="cid">[{_e(t.id)}] · {match}</span></h3>')
            out.append(self.table_entries(t))
            out.append("</div>")
        out.append("</section>")
        return "\n".join(out)

    def table_entries(self, t) -> str:
        """A table's entries, dated ones with each version and its days, in side-by-side columns
        when a long table of single values would run over pages (a printed page holds about forty rows)."""
        dated = bool(t.dated)
        rows = []
        for key in sorted(set(t.entries) | set(t.dated)):
            if key in t.dated:
                for version in t.dated[key]:
                    cites = self.cite_links(version.sources)
                    cited = f' <span class="sources">{cites}</span>' if cites else ""
                    rows.append(f"<tr><td>{_e(key)}</td><td>{_e(_value(version.value, self.lang))}</td>"
                                f"<td>{_e(self.days(version.validity))}{cited}</td></tr>")
            else:
                rows.append(f"<tr><td>{_e(key)}</td><td>{_e(_value(t.entries[key], self.lang))}</td>"
                            f"{'<td></td>' if dated else ''}</tr>")
        if t.default is not None:
            rows.append(f"<tr><td><em>{self.w('default')}</em></td><td>{_e(_value(t.default, self.lang))}</td>"
                        f"{'<td></td>' if dated else ''}</tr>")
        head = (f"<thead><tr><th>{self.w('key')}</th><th>{self.w('value')}</th>"
                f"{'<th>' + self.w('in_force') + '</th>' if dated else ''}</tr></thead>")
        # Side by side only when both halves fit on one page (about forty rows); a longer table
        # runs down the pages as one, its header repeated on each.
        parts = 2 if 12 < len(rows) <= 80 and not dated else 1
        size = -(-len(rows) // parts)
        tables = [f"<table>{head}<tbody>{''.join(rows[i:i + size])}</tbody></table>" for i in range(0, len(rows), size)]
        whole = " whole" if parts == 2 else ""
        return f'<div class="entries{whole}">{"".join(tables)}</div>'

    def days(self, validity) -> str:
        start, end = validity.valid_from, validity.valid_to
        if self.lang == "en":
            return validity.text()
        if start and end:
            return f"{start}~{end}"
        if start:
            return f"{start}부터"
        if end:
            return f"{end}까지"
        return "언제나"

    def notes(self) -> str:
        out = [f'<section id="notes"><h2 class="part">{self.w("notes")}</h2>']
        for n in sorted(self.pack.notes.values(), key=lambda n: n.id):
            mark = _table_word(RELIABILITY, n.reliability, self.lang)
            out.append(f'<div class="note" id="note-{_e(n.id)}"><h3>{self.t(n.title)} '
                       f'<span class="cid">[{_e(n.id)}]</span></h3><table class="facts">')
            out.append(f"<tr><th>{self.w('publisher')}</th><td>{self.t(n.publisher)}</td></tr>")
            out.append(f"<tr><th>{self.w('date')}</th><td>{_e(n.date.isoformat())}</td></tr>")
            out.append(f"<tr><th>{self.w('kind')}</th><td>{_e(_table_word(NOTE_KIND, n.kind, self.lang))}</td></tr>")
            out.append(f"<tr><th>{self.w('reliability')}</th><td>{_e(mark)}</td></tr>")
            if n.url:
                out.append(f'<tr><th>URL</th><td><a href="{_e(n.url)}">{_e(n.url)}</a></td></tr>')
            users = self.program_links(self.note_users.get(n.id, []))
            if users:
                out.append(f"<tr><th>{self.w('cited_by')}</th><td>{users}</td></tr>")
            tables = self.note_tables.get(n.id, [])
            if tables:
                shown = ", ".join(f'<a href="#table-{_e(t.id)}">{self.t(t.label) or _e(t.id)}</a>' for t in tables)
                out.append(f"<tr><th>{self.w('cited_by_tables')}</th><td>{shown}</td></tr>")
            out.append(f"</table><h4>{self.w('facts')}</h4><ul>")
            for f in n.facts.values():
                out.append(f'<li id="note-{_e(n.id)}-{_e(f.id)}"><span class="cid">#{_e(f.id)}</span> {self.t(f.text)}</li>')
            out.append("</ul></div>")
        out.append("</section>")
        return "\n".join(out)

    def order(self) -> list[Program]:
        """The programs by name in the book's language, each track right after its program."""
        by_name = sorted(self.pack.programs.values(), key=lambda p: (_sort_key(p.name.get(self.lang)), p.id))
        tops = [p for p in by_name if p.tracks_of not in self.pack.programs]
        out: list[Program] = []
        for top in tops:
            out.append(top)
            out.extend(p for p in by_name if p.tracks_of == top.id)
        return out

    def book(self, today: dt.date) -> str:
        title = self.w("title")
        programs = self.order()
        toc = []
        for p in programs:  # a program's tracks listed under it
            if p.tracks_of in self.pack.programs:
                continue
            tracks = "".join(f'<li><a href="#prog-{_e(q.id)}">{self.t(q.name)}</a></li>'
                             for q in programs if q.tracks_of == p.id)
            toc.append(f'<li><a href="#prog-{_e(p.id)}">{self.t(p.name)}</a>'
                       f'{"<ul>" + tracks + "</ul>" if tracks else ""}</li>')
        body = [
            f"<h1>{title}</h1>",
            f"<p>{self.w('version')} {_e(self.pack.version)} · {self.w('made')} {_e(today.isoformat())}</p>",
            f'<nav><h2>{self.w("contents")}</h2><h3>{self.w("programs")}</h3><ol>{"".join(toc)}</ol>'
            f'<p><a href="#criteria-groups">{self.w("groups")}</a> · <a href="#definitions-part">{self.w("definitions")}</a> · '
            f'<a href="#tables">{self.w("tables")}</a> · '
            f'<a href="#notes">{self.w("notes")}</a></p></nav>',
        ]
        body.extend(self.program(p) for p in programs)
        body.append(self.definitions())
        body.append(self.notes())
        return (
            f'<!DOCTYPE html>\n<html lang="{self.lang}"><head><meta charset="utf-8">'
            f"<title>{title}</title><style>{_CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
        )


def _origin(origin: str) -> tuple[str, str]:
    """("program", id) or ("criteria group", id) from a criterion's `origin` ("program 'x'")."""
    kind, _, quoted = origin.partition(" '")
    return kind, quoted.rstrip("'")


_ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4", "V": "5"}


def _sort_key(name: str) -> str:
    """A name for ordering: Roman numerals as digits, so that type I comes before type II."""
    return re.sub(r"(?<![A-Za-z])(III|II|IV|I|V)(?![A-Za-z])", lambda m: _ROMAN[m.group()], name).casefold()


def _table_word(table, key: str, lang: str) -> str:
    text = table.get(key)
    return text.get(lang) if text else key


def _link_word(escaped: str, name: str, anchor: str) -> str:
    return re.sub(rf"(?<![\w\"'#-]){re.escape(name)}(?![\w\"'-])", f'<a href="#{anchor}">{name}</a>', escaped)


def _rel(path: str) -> str:
    """A rule file named from the rules folder up, wherever the book was made."""
    at = path.replace("\\", "/").rfind("rules/")
    return path[at:] if at >= 0 else path


def _day(value) -> str:
    if value is None:
        return ""
    return value.date().isoformat() if isinstance(value, dt.datetime) else str(value)


def _value(value: Any, lang: str = "ko") -> str:
    """As written in the rules, and for a large whole number also as an amount in words."""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, int) and abs(value) >= 100_000_000:
        return f"{value:_} ({format_amount(value, lang)})"
    return str(value)


def rulebook_html(pack: RulePack, lang: str = "ko", today: dt.date | None = None) -> str:
    return _Book(pack, lang).book(today or dt.date.today())


def write_rulebook(pack: RulePack, out: Path, lang: str = "ko", today: dt.date | None = None) -> Path:
    out.write_text(rulebook_html(pack, lang, today), encoding="utf-8")
    return out
