"""One program file -> Program, or nothing and every problem reported with its line.

A program with any problem is left out whole: a half-checked program could call someone eligible
on the strength of the criteria that happened to load.
"""

from __future__ import annotations

import datetime as dt
import dataclasses
from dataclasses import dataclass, field
from typing import Any, Mapping

from desktop.engine.clock import parse_date, parse_kst
from desktop.engine.expr import ExprError, Names, build_expr
from desktop.engine.expr.kinds import word
from desktop.engine.rule_values import value_problem
from desktop.engine.near_band import parse_band
from desktop.engine.model import (
    Benefit,
    Criterion,
    Document,
    Group,
    Program,
    Recurrence,
    Round,
    SourceNote,
    Text,
    Where,
)
from desktop.engine.problems import Problems, text_of
from desktop.engine.suggest import did_you_mean_text
from desktop.engine.text import Text, not_a_date
from desktop.engine.validity import ALWAYS, Validity, read_validity, sequence_problems
from desktop.engine.yamlsrc import SourceFile

_GROUP_KEYS = ("all", "any", "not")
# what an expression gives, in Korean (for a benefit amount that is not a number)
_KIND_KO = {"text": "글자", "bool": "예/아니요", "date": "날짜", "list": "목록"}
_LEAF_ONLY = ("expr", "source", "to_verify", "untestable", "equivalent", "near_within")


@dataclass
class ProgramContext:
    names: Names
    documents: Mapping[str, Document]
    notes: Mapping[str, SourceNote]
    broken_notes: frozenset = frozenset()  # note ids whose files failed to load
    no_notes: bool = False  # no source notes folder at all: said once, citations not looked up
    groups: Mapping[str, tuple] = field(default_factory=dict)  # criterion group id -> (src, path, raw)
    programs: Mapping[str, Program] | None = None  # the programs read so far (parents for extends)
    left_out: set = field(default_factory=set)  # program ids whose files did not load
    # (text, test) -> what building it gave (Expr or ExprError): the names do not change while
    # programs are read, and criterion groups and common tests repeat from program to program.
    built: dict = field(default_factory=dict)
    # Builds an expression against `names` (text, test) -> Expr, raising ExprError: through the
    # expressions built before (`expr_records.builder`); None: `build_expr`.
    build: Any = None


class _Reader:
    def __init__(self, src: SourceFile, problems: Problems, ctx: ProgramContext):
        self.src = src
        self.problems = problems
        self.ctx = ctx
        self.failed = False
        self.ids: dict[str, int] = {}
        self.using: tuple[str, ...] = ()  # criterion groups being read, innermost last
        self.dated_ids: dict[str, list[Validity]] = {}

    def error(self, path: tuple, message: Text, column: int | None = None) -> None:
        self.failed = True
        self.problems.at(self.src, path, message, column)

    # ------------------------------------------------------------ citations
    def cites(self, values: Any, path: tuple) -> tuple[str, ...]:
        out = []
        for i, cite in enumerate(values or ()):
            self.check_cite(cite, path + (i,))
            out.append(cite)
        return tuple(out)

    def check_cite(self, cite: str, path: tuple) -> None:
        note_id, _, fact_id = cite.partition("#")
        note = self.ctx.notes.get(note_id)
        if note is None:
            if self.ctx.no_notes:
                return
            if note_id in self.ctx.broken_notes:
                self.error(path, Text(f"인용한 출처 노트 '{note_id}'의 파일에 오류가 있습니다",
                                     f"cites source note '{note_id}', whose file has errors"))
            else:
                guess = did_you_mean_text(note_id, self.ctx.notes)
                self.error(path, Text(f"모르는 출처 노트: '{note_id}'{guess.ko}", f"unknown source note '{note_id}'{guess.en}"))
            return
        if fact_id and fact_id not in note.facts:
            guess = did_you_mean_text(fact_id, note.facts)
            self.error(path, Text(f"출처 노트 '{note_id}'에 없는 사실: '{fact_id}'{guess.ko}",
                                  f"source note '{note_id}' has no fact '{fact_id}'{guess.en}"))

    # ------------------------------------------------------------ ids and expressions
    def claim_id(self, cid: str, path: tuple, validity: Validity = ALWAYS) -> None:
        """A criterion id is used once, or by dated versions whose validities neither overlap
        nor leave a hole."""
        earlier = self.dated_ids.setdefault(cid, [])
        if cid in self.ids and (validity.always or any(v.always for v in earlier)):
            self.error(path, Text(f"같은 요건 id를 두 번 썼습니다: '{cid}' (처음은 {self.ids[cid]}행)",
                                  f"duplicate criterion id '{cid}' (first on line {self.ids[cid]})"))
            return
        earlier.append(validity)
        if len(earlier) > 1:
            for _i, message in sequence_problems(earlier, Text(f"요건 '{cid}'", f"criterion '{cid}'"), whole_time=False):
                self.error(path, message)
                return
        self.ids.setdefault(cid, self.src.line(*path))

    def validity(self, raw: dict, path: tuple) -> Validity:
        found = read_validity(raw, lambda key, message: self.error(path + (key,), message))
        return found if found is not None else ALWAYS

    def expr(self, text: str, path: tuple, what: str, test: bool = True):
        """A criterion's or an exclusion's expression: a yes/no test (`test`), or a benefit's
        amount worked out from the answers."""
        key = (text, test) if type(text) is str else None
        found = self.ctx.built.get(key)
        if found is None:
            build = self.ctx.build
            try:
                found = build(text, test) if build is not None else build_expr(text, self.ctx.names, test=test)
            except ExprError as err:
                found = err
            if key is not None:
                self.ctx.built[key] = found
        if isinstance(found, ExprError):
            self.failed = True
            self.problems.expr(self.src, path, what, found)
            return None
        return found

    # ------------------------------------------------------------ eligibility tree
    def node(self, raw: dict, path: tuple, depth: int) -> Group | Criterion | None:
        if "use" in raw:
            return self.use(raw, path, depth)
        groups = [k for k in _GROUP_KEYS if k in raw]
        where = Where(self.src.path, self.src.line(*path), path)
        if len(groups) > 1:
            found = ", ".join(groups)
            self.error(path, Text(f"묶음 하나에는 all / any / not 가운데 하나만 씁니다. 쓰인 것: {found}",
                                  f"a group has exactly one of all / any / not; found {found}"))
            return None
        if groups:
            op = groups[0]
            for key in _LEAF_ONLY:
                if key in raw:
                    self.error(path + (key,), Text(f"요건에만 쓰는 키: '{key}' ('{op}' 묶음에는 쓰지 않습니다)",
                                                  f"'{key}' belongs to a criterion, not to an '{op}' group"))
            gvalidity = self.validity(raw, path)
            if "id" in raw:
                self.claim_id(raw["id"], path + ("id",), gvalidity)
            kids_raw = [raw[op]] if op == "not" else raw[op]
            kids = []
            for i, kid in enumerate(kids_raw):
                kpath = path + (op,) if op == "not" else path + (op, i)
                built = self.node(kid, kpath, depth + 1)
                if built is not None:
                    kids.append(built)
            return Group(op, tuple(kids), id=raw.get("id"), text=text_of(raw.get("text")), where=where,
                         validity=gvalidity)
        if "id" not in raw or "text" not in raw:
            missing = [k for k in ("id", "text") if k not in raw]
            self.error(path, Text(f"요건에 빠진 키: {', '.join(missing)} (묶음이라면 all / any / not 가운데 하나를 쓰세요)",
                                  f"a criterion needs {' and '.join(missing)} (or is it a group? use all / any / not)"))
            return None
        cid = raw["id"]
        validity = self.validity(raw, path)
        self.claim_id(cid, path + ("id",), validity)
        expr = None
        if "expr" in raw:
            expr = self.expr(raw["expr"], path + ("expr",), f"criterion '{cid}'")
        band = None
        if "near_within" in raw:
            band = parse_band(raw["near_within"])
            if band is None:
                self.error(path + ("near_within",),
                           Text(f"'{cid}'의 near_within에는 숫자나 '15%' 같은 비율을 씁니다",
                                f"near_within of '{cid}' must be a number or a share such as '15%'"))
        return Criterion(
            id=cid,
            text=text_of(raw["text"]),
            expr=expr,
            expr_source=raw.get("expr"),
            sources=self.cites(raw.get("source"), path + ("source",)),
            to_verify=bool(raw.get("to_verify", False)),
            kind="criterion",
            where=where,
            note=text_of(raw.get("note")),
            untestable=raw.get("untestable"),
            equivalent=raw.get("equivalent"),
            validity=validity,
            near_within=band,
        )

    def exclusion(self, raw: dict, path: tuple) -> Criterion:
        cid = raw["id"]
        validity = self.validity(raw, path)
        self.claim_id(cid, path + ("id",), validity)
        expr = None
        if "when" in raw:
            expr = self.expr(raw["when"], path + ("when",), f"exclusion '{cid}'")
        return Criterion(
            id=cid,
            text=text_of(raw["text"]),
            expr=expr,
            expr_source=raw.get("when"),
            sources=self.cites(raw.get("source"), path + ("source",)),
            to_verify=bool(raw.get("to_verify", False)),
            kind="exclusion",
            where=Where(self.src.path, self.src.line(*path), path),
            note=text_of(raw.get("note")),
            untestable=raw.get("untestable"),
            equivalent=raw.get("equivalent"),
            validity=validity,
            holds=text_of(raw["holds"]) if "holds" in raw else None,
        )

    # ------------------------------------------------------------ rounds
    def round(self, raw: dict, path: tuple, seen: dict) -> Round | None:
        rid = str(raw["id"])
        if rid in seen:
            self.error(path + ("id",), Text(f"같은 접수 차수 id를 두 번 썼습니다: '{rid}'", f"duplicate round id '{rid}'"))
        seen[rid] = True
        kind = raw["kind"]
        opens = closes = None
        if "opens" in raw:
            opens = parse_kst(raw["opens"], end_of_day=False)
            if opens is None:
                self.error(path + ("opens",), not_a_date("opens", raw["opens"]))
        if "closes" in raw:
            closes = parse_kst(raw["closes"], end_of_day=True)
            if closes is None:
                self.error(path + ("closes",), not_a_date("closes", raw["closes"]))
        if opens and closes and closes < opens:
            self.error(path + ("closes",), Text(f"접수 차수 '{rid}'의 마감이 시작보다 앞섭니다", f"round '{rid}' closes before it opens"))
        if kind == "fixed" and "opens" not in raw and "closes" not in raw:
            self.error(path, Text(f"접수 차수 '{rid}': fixed 차수에는 opens나 closes, 또는 둘 다 씁니다",
                                  f"round '{rid}': a fixed round needs opens, closes or both"))
        if kind == "budget" and "opens" not in raw:
            self.error(path, Text(f"접수 차수 '{rid}': budget 차수에는 opens 값이 필요합니다", f"round '{rid}': a budget round needs opens"))
        if kind == "not_announced" and ("opens" in raw or "closes" in raw):
            self.error(path, Text(f"접수 차수 '{rid}': not_announced 차수에는 날짜를 쓰지 않습니다(추정은 recurrence로)",
                                  f"round '{rid}': a not_announced round has no dates (use recurrence for an estimate)"))
        return Round(
            id=rid,
            kind=kind,
            opens=opens,
            closes=closes,
            note=text_of(raw.get("note")),
            sources=self.cites(raw.get("source"), path + ("source",)),
        )

    def recurrence(self, raw: dict, path: tuple) -> Recurrence | None:
        parts = []
        for key in ("opens", "closes"):
            month, day = (int(x) for x in raw[key].split("-"))
            try:
                dt.date(2000, month, day)  # a leap year: 02-29 is allowed
            except ValueError:
                self.error(path + (key,), Text(f"recurrence {key}: 실제 있는 월·일이 아닙니다: '{raw[key]}'",
                                                 f"recurrence {key}: '{raw[key]}' is not a real month and day"))
                return None
            parts.append((month, day))
        self.cites(raw.get("source"), path + ("source",))
        return Recurrence("year", parts[0], parts[1], text_of(raw.get("note")))

    # ------------------------------------------------------------ a file that failed its schema
    def expressions_only(self) -> None:
        """Compile every expression that is text, wherever the tree is still a tree: a file with
        schema problems is left out anyway, but its clerk sees every mistake in one run."""
        raw = self.src.data

        def walk(node: Any, path: tuple) -> None:
            if not isinstance(node, dict):
                return
            for op in ("all", "any"):
                if isinstance(node.get(op), list):
                    for i, kid in enumerate(node[op]):
                        walk(kid, path + (op, i))
            walk(node.get("not"), path + ("not",))
            if isinstance(node.get("expr"), str):
                self.expr(node["expr"], path + ("expr",), f"criterion '{node.get('id', '?')}'")

        walk(raw.get("eligibility"), ("eligibility",))
        exclusions = raw.get("exclusions")
        for i, item in enumerate(exclusions if isinstance(exclusions, list) else ()):
            if isinstance(item, dict) and isinstance(item.get("when"), str):
                self.expr(item["when"], ("exclusions", i, "when"), f"exclusion '{item.get('id', '?')}'")

    # ------------------------------------------------------------ the whole file
    def program(self) -> Program | None:
        raw = self.src.data
        parent = None
        if "extends" in raw:
            parent = self.parent(raw["extends"])
            if parent is None:
                return None
        own = lambda key: key in raw or parent is None  # noqa: E731  (written here, or nothing to inherit)
        if not own("eligibility"):
            root = _with_origin(parent.eligibility, f"program '{parent.id}'")
        elif parent is not None and _is_change(raw["eligibility"]):
            root = self.changed_tree(parent, raw["eligibility"], ("eligibility",))
        else:
            root = self.node(raw["eligibility"], ("eligibility",), 0)
        if root is not None and not isinstance(root, Group):
            root = Group("all", (root,), where=root.where)
        if own("exclusions"):
            exclusions = tuple(
                self.exclusion(item, ("exclusions", i)) for i, item in enumerate(raw.get("exclusions") or ())
            )
        else:
            exclusions = tuple(_with_origin(e, f"program '{parent.id}'") for e in parent.exclusions)
        if own("rounds"):
            seen_rounds: dict = {}
            rounds = tuple(
                r
                for i, item in enumerate(raw.get("rounds") or ())
                if (r := self.round(item, ("rounds", i), seen_rounds)) is not None
            )
        else:
            rounds = parent.rounds
        if own("recurrence"):
            recurrence = self.recurrence(raw["recurrence"], ("recurrence",)) if "recurrence" in raw else None
        else:
            recurrence = parent.recurrence
        if own("documents"):
            documents = []
            for i, doc_id in enumerate(raw.get("documents") or ()):
                doc = self.ctx.documents.get(doc_id)
                if doc is None:
                    guess = did_you_mean_text(doc_id, self.ctx.documents)
                    self.error(("documents", i), Text(f"모르는 서류: '{doc_id}'{guess.ko}", f"unknown document '{doc_id}'{guess.en}"))
                else:
                    documents.append(doc)
            documents = tuple(documents)
        else:
            documents = parent.documents
        sources = self.cites(raw["sources"], ("sources",)) if own("sources") else parent.sources
        if own("benefits"):
            benefits = []
            for i, b in enumerate(raw.get("benefits") or ()):
                cited = self.cites(b.get("source"), ("benefits", i, "source"))
                if b.get("amount") is not None:
                    wrong = value_problem(b["amount"], "amount")
                    if wrong is not None:
                        self.error(("benefits", i, "amount"), Text(f"지원 금액: {wrong.ko}", f"benefit amount: {wrong.en}"))
                amount_expr = None
                if b.get("amount_expr") is not None:
                    amount_expr = self.expr(b["amount_expr"], ("benefits", i, "amount_expr"), "amount_expr",
                                            test=False)
                    if amount_expr is not None and amount_expr.kind not in ("number", "any"):
                        kind = _KIND_KO.get(amount_expr.kind, amount_expr.kind)
                        self.error(("benefits", i, "amount_expr"), Text(
                            f"amount_expr는 금액(숫자)을 내야 합니다: '{amount_expr.text}'의 값은 {kind}입니다",
                            f"amount_expr must give a number; '{amount_expr.text}' gives {word(amount_expr.kind)}"))
                        amount_expr = None
                benefits.append(Benefit(text_of(b["text"]), b.get("amount"), bool(b.get("estimated", False)),
                                        validity=self.validity(b, ("benefits", i)), sources=cited,
                                        amount_expr=amount_expr, unit=b.get("unit", "KRW"),
                                        bound=b.get("bound", "exact")))
            benefits = tuple(benefits)
        else:
            benefits = parent.benefits
        reviewed = parent.reviewed if not own("reviewed") else parse_date(raw["reviewed"])
        if reviewed is None:
            self.error(("reviewed",), not_a_date("reviewed", raw["reviewed"]))
        if self.failed or root is None:
            return None
        apply = raw.get("apply")
        return Program(
            id=raw["id"],
            name=text_of(raw["name"]),
            ministry=text_of(raw["ministry"]) if own("ministry") else parent.ministry,
            operator=text_of(raw.get("operator")) if own("operator") else parent.operator,
            audience=tuple(raw["audience"]) if own("audience") else parent.audience,
            summary=text_of(raw["summary"]) if own("summary") else parent.summary,
            benefits=benefits,
            eligibility=root,
            exclusions=exclusions,
            rounds=rounds,
            recurrence=recurrence,
            documents=documents,
            apply_how=text_of(apply["how"]) if own("apply") else parent.apply_how,
            apply_url=apply.get("url") if own("apply") else parent.apply_url,
            sources=sources,
            reviewed=reviewed,
            maturity=raw["maturity"] if own("maturity") else parent.maturity,
            tracks_of=raw.get("tracks_of") or raw.get("extends"),
            path=self.src.path,
            note=text_of(raw.get("note")),
            extends=raw.get("extends"),
            where=Where(self.src.path, self.src.line()),
        )

    # ------------------------------------------------------------ reuse
    def parent(self, pid: str) -> Program | None:
        found = self.ctx.programs.get(pid) if self.ctx.programs is not None else None
        if found is None:
            if pid in self.ctx.left_out:
                self.error(("extends",), Text(f"extends: 불러오지 못한 사업 '{pid}' (그 사업의 오류를 보세요)",
                                             f"extends: program '{pid}' could not be loaded (see its own error)"))
            else:
                guess = did_you_mean_text(pid, self.ctx.programs or {})
                self.error(("extends",), Text(f"extends: 모르는 사업 '{pid}'{guess.ko}", f"extends: unknown program '{pid}'{guess.en}"))
        return found

    def use(self, raw: dict, path: tuple, depth: int) -> Group | Criterion | None:
        """`{use: group-id}`: the named criterion group of rules/criteria.yaml, read where it is
        written (its problems point into criteria.yaml), marked with where it comes from."""
        gid = raw["use"]
        extra = [k for k in raw if k not in ("use", "note")]
        if extra:
            self.error(path + (extra[0],), Text(f"'use'는 혼자 씁니다. '{extra[0]}' 키는 묶음 '{gid}' 안에 쓰세요",
                                                 f"'use' stands alone: '{extra[0]}' belongs in the group '{gid}' itself"))
            return None
        group = self.ctx.groups.get(gid)
        if group is None:
            guess = did_you_mean_text(gid, self.ctx.groups)
            self.error(path + ("use",), Text(f"모르는 요건 묶음: '{gid}'{guess.ko}", f"unknown criterion group '{gid}'{guess.en}"))
            return None
        if gid in self.using:
            through = " → ".join(self.using)
            self.error(path + ("use",), Text(f"요건 묶음이 자기 자신을 씁니다: '{gid}' ({through} 경유)",
                                             f"criterion group '{gid}' uses itself (through {through})"))
            return None
        src, gpath, graw = group
        sub = _Reader(src, self.problems, self.ctx)
        sub.ids = self.ids
        sub.using = self.using + (gid,)
        built = sub.node(graw, gpath, depth)
        if sub.failed:
            self.failed = True
            return None
        return _with_origin(built, f"criteria group '{gid}'")

    def changed_tree(self, parent: Program, raw: dict, path: tuple) -> Group | None:
        """The parent's tree with criteria dropped, replaced (by id) and added."""
        origin = f"program '{parent.id}'"
        tree = _with_origin(parent.eligibility, origin)
        known = {c.id for c in _nodes(tree) if getattr(c, "id", None)}
        for i, cid in enumerate(raw.get("drop") or ()):
            if cid not in known:
                guess = did_you_mean_text(cid, known)
                self.error(path + ("drop", i), Text(f"drop: '{parent.id}'에 없는 요건 '{cid}'{guess.ko}",
                                                    f"drop: '{parent.id}' has no criterion '{cid}'{guess.en}"))
                continue
            tree = _without(tree, cid)
        for i, item in enumerate(raw.get("replace") or ()):
            built = self.node(item, path + ("replace", i), 1)
            rid = item.get("id") if isinstance(item, dict) else None
            if rid not in known:
                guess = did_you_mean_text(str(rid), known)
                self.error(path + ("replace", i), Text(f"replace: '{parent.id}'에 없는 요건 '{rid}'{guess.ko}",
                                                       f"replace: '{parent.id}' has no criterion '{rid}'{guess.en}"))
                continue
            if built is not None:
                tree = _swapped(tree, rid, built)
        added = []
        for i, item in enumerate(raw.get("add") or ()):
            built = self.node(item, path + ("add", i), 1)
            if built is not None:
                added.append(built)
        if tree is None:
            tree = Group("all", (), where=Where(self.src.path, self.src.line(*path)))
        if added:
            base = tree if tree.op == "all" else Group("all", (tree,), where=tree.where)
            tree = dataclasses.replace(base, children=base.children + tuple(added))
        for c in _nodes(tree):  # every id once, inherited or not
            cid = getattr(c, "id", None)
            if cid and cid not in self.ids:
                self.ids[cid] = c.where.line if c.where else 1
        return tree


def _is_change(raw: Any) -> bool:
    return isinstance(raw, dict) and any(k in raw for k in ("add", "replace", "drop")) and not any(
        k in raw for k in _GROUP_KEYS
    )


def _nodes(node) -> list:
    if node is None:
        return []
    if isinstance(node, Criterion):
        return [node]
    return [node] + [n for kid in node.children for n in _nodes(kid)]


def _with_origin(node, origin: str):
    """`node` with every criterion marked as written elsewhere (the innermost origin is kept)."""
    if isinstance(node, Criterion):
        return node if node.origin else dataclasses.replace(node, origin=origin)
    return dataclasses.replace(node, children=tuple(_with_origin(k, origin) for k in node.children))


def _without(node, cid: str):
    if getattr(node, "id", None) == cid:
        return None
    if isinstance(node, Criterion):
        return node
    kids = tuple(k for k in (_without(k, cid) for k in node.children) if k is not None)
    return dataclasses.replace(node, children=kids) if kids else None


def _swapped(node, cid: str, new):
    if getattr(node, "id", None) == cid:
        return new
    if isinstance(node, Criterion):
        return node
    return dataclasses.replace(node, children=tuple(_swapped(k, cid, new) for k in node.children))


def read_program(src: SourceFile, problems: Problems, ctx: ProgramContext) -> Program | None:
    """The program in `src`, or None when it has any problem (all of them reported)."""
    if not isinstance(src.data, dict):
        problems.at(src, (), Text("사업 파일은 키와 값의 묶음이어야 합니다(id: ..., name: ..., ...)",
                                 "a program file must be a mapping (id: ..., name: ..., ...)"))
        return None
    reader = _Reader(src, problems, ctx)
    if problems.check_schema(src, "program"):
        reader.expressions_only()  # the same run tells the expression mistakes too
        return None
    return reader.program()
