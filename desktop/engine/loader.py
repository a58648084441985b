"""load_rules(): every rule and seed file -> one immutable, versioned RulePack.

Never raises for a problem in a file. Problems become `pack.errors` (`path:line: message`); a
broken program file is left out and the others load; a broken shared file loads what it can.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import os
import re
import unicodedata
from pathlib import Path

from desktop import paths
from desktop.engine.asking import never_asked
from desktop.engine.build_catalog import (
    question_parts,
    read_documents,
    read_industries,
    read_question_items,
    read_topics,
)
from desktop.engine.build_definitions import read_definitions, read_tables
from desktop.engine.build_notes import read_note
from desktop.engine.build_program import ProgramContext, read_program
from desktop.engine.expr import ExprError, Names
from desktop.engine.expr_records import ExprRecords, builder
from desktop.engine.model import APPLICANT_TYPES, Option, Program, Question, RulePack, Text, Topic
from desktop.engine.parsed_cache import ParsedCache, default_cache
from desktop.engine.problems import Problems, bad_items
from desktop.engine.suggest import did_you_mean_text
from desktop.engine.yamlsrc import SourceFile, YamlProblem, display_path, parse_source, read_limited

SHARED_FILES = ("questions.yaml", "industries.yaml", "definitions.yaml", "documents.yaml")
_SCHEMA_OF = {name: name.removesuffix(".yaml") for name in SHARED_FILES}  # each checked against its own

APPLICANT_TYPE_LABELS = {
    "company": Text("기업", "Company"),
    "school": Text("학교", "School"),
    "individual": Text("개인", "Individual"),
}

_OUTSIDE_LINK = Text("규칙 폴더 밖의 파일로 가는 링크라 읽지 않았습니다", "a link to a file outside the rules folder is not read")


def default_seeds_dir(rules_dir: Path) -> Path:
    inside = rules_dir / "seeds"
    return inside if inside.is_dir() else rules_dir.parent / "seeds"


def _yaml_files(folder: Path, problems: Problems, root: Path, plain: set[str] | None = None) -> list[Path]:
    """The YAML files of `folder`, by name. Reported and not read: a folder that cannot be listed,
    a file whose name holds a control character (a newline would forge a `path:line:` line of
    its own in `check`), and a link to a file outside `root`. The path of each file the listing
    says is no link is added to `plain` (`_Files.shown` then need not ask the disk)."""
    if not folder.is_dir():
        return []
    shown = display_path(folder)
    try:  # the entries of a folder listing say, without asking the disk, which are links and files
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as err:
        problems.add(shown, 1, Text(f"폴더를 읽을 수 없습니다: {err.strerror or err}", f"cannot read the folder: {err.strerror or err}"))
        return []
    files = []
    for e in entries:
        if os.path.splitext(e.name)[1] not in (".yaml", ".yml"):
            continue
        if not e.name.isprintable() and any(unicodedata.category(c) in ("Cc", "Cs") for c in e.name):
            problems.add(shown, 1, Text(f"제어 문자가 든 파일 이름이라 읽지 않았습니다: {ascii(e.name)}",
                                        f"a file name with a control character is not read: {ascii(e.name)}"))
            continue
        p = folder / e.name
        if e.is_symlink() and _leaves(p, root):
            problems.add(f"{shown}/{e.name}", 1, _OUTSIDE_LINK)
            continue
        if e.is_file():
            files.append(p)
            if plain is not None and not e.is_symlink():
                plain.add(os.fspath(p))
    return files


def _leaves(path: Path, root: Path) -> bool:
    """A symlink that leads out of `root`?"""
    return path.is_symlink() and not Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))


class _Files:
    """Reads each file once, hashing its bytes into the pack version as it goes; parsed through
    `cache` when there is one (the same data and lines, without parsing a known file again)."""

    def __init__(self, problems: Problems, cache: ParsedCache | None = None):
        self.problems = problems
        self.hashed: list[tuple[str, bytes]] = []
        self.cache = cache
        self.folders: dict[str, str] = {}  # folder -> how a path in it begins when shown
        self.plain: set[str] = set()  # paths a folder listing said are files, not links
        self._bytes: dict[str, bytes | OSError | YamlProblem] = {}

    def shown(self, path: Path) -> str:
        """`display_path(path)`, with each folder resolved once rather than every file in it."""
        name = os.fspath(path)
        if name not in self.plain and os.path.islink(name):
            return display_path(path)
        folder, _, leaf = name.rpartition(os.sep)
        start = self.folders.get(folder)
        if start is None:  # what Path gives for a file in the shown folder ("x.yaml" in ".")
            start = self.folders[folder] = str(Path(display_path(path.parent)) / "x")[:-1]
        return start + leaf

    def raw(self, path: Path) -> bytes:
        """The bytes of the file, read once however often asked (`read_limited`: OSError or
        YamlProblem, the same each time, for a file that cannot be had)."""
        name = os.fspath(path)
        found = self._bytes.get(name)
        if found is None:
            try:
                found = read_limited(path)
            except (OSError, YamlProblem) as err:
                found = err
            self._bytes[name] = found
        if not isinstance(found, bytes):
            raise found
        return found

    def read(self, path: Path, label: str, schema: str | None = None) -> SourceFile | None:
        """The parsed file, or None (reported). `schema`: the one the file will be checked against
        (the cache keeps whether it met it)."""
        shown = self.shown(path)
        try:
            raw = self.raw(path)
        except OSError as err:
            self.problems.add(shown, 1, Text(f"파일을 읽을 수 없습니다: {err.strerror or err}", f"cannot read the file: {err.strerror or err}"))
            return None
        except YamlProblem as err:
            self.problems.add(shown, err.line, err.message)
            return None
        self.hashed.append((label, raw))
        try:
            if self.cache is None:
                return parse_source(raw, shown)
            return self.cache.parse(raw, shown, schema)
        except YamlProblem as err:
            self.problems.add(shown, err.line, err.message)
            return None

    def version(self) -> str:
        h = hashlib.sha256()
        for label, raw in sorted(self.hashed):
            h.update(label.encode("utf-8") + b"\0")
            h.update(len(raw).to_bytes(8, "big"))
            h.update(raw)
        return h.hexdigest()[:12]


_USER_CACHE = object()


def load_rules(rules_dir: str | Path | None = None, seeds_dir: str | Path | None = None, *,
               cache: ParsedCache | None | object = _USER_CACHE) -> RulePack:
    """The pack of `rules_dir` (the shipped rules by default). Files already parsed once are
    taken from `cache`: the user's cache folder unless another is given, none when None.
    The plan for evaluating (`pack.compiled`) is made at the first evaluation, not here.

    Python's collector of reference cycles is paused while the pack is made: loading makes some
    hundred thousand objects that all stay in use or are freed as they go, and the collector
    would otherwise walk them again and again (about a tenth of the time of a load from the
    cache). What cycles there are, it collects once it runs again."""
    running = gc.isenabled()
    gc.disable()
    try:
        return _load(rules_dir, seeds_dir, cache)
    finally:
        if running:
            gc.enable()


def _load(rules_dir, seeds_dir, cache) -> RulePack:
    rules = Path(rules_dir) if rules_dir is not None else paths.rules_dir()
    seeds = Path(seeds_dir) if seeds_dir is not None else default_seeds_dir(rules)
    problems = Problems()
    files = _Files(problems, default_cache() if cache is _USER_CACHE else cache)
    if not rules.is_dir():
        problems.add(display_path(rules), 1, Text("규칙 폴더가 없습니다", "the rules folder does not exist"))

    sources: dict[str, SourceFile | None] = {}
    for name in SHARED_FILES:
        path = rules / name
        if _leaves(path, rules):
            sources[name] = None
            problems.add(f"{display_path(rules)}/{name}", 1, _OUTSIDE_LINK)
        elif path.is_file():
            sources[name] = files.read(path, f"rules/{name}", _SCHEMA_OF[name])
        else:
            sources[name] = None
            if rules.is_dir():
                problems.add(display_path(path), 1, Text(f"{name} 파일이 없습니다", f"{name} is missing"))

    # Questions (expressions come later, once definitions are known).
    topics: dict[str, Topic] = {}
    question_items: list = []
    qsrc = sources["questions.yaml"]
    if qsrc is not None and qsrc.data is not None:
        found = problems.check_schema(qsrc, "questions")
        topics = read_topics(qsrc, problems, found)
        question_items = read_question_items(qsrc, problems, found, topics)
    shells: dict[str, Question] = {}
    for i, raw in question_items:
        shells[raw["id"]] = Question(**question_parts(qsrc, i, raw), order=len(shells))
    if "applicant_type" not in shells:
        shells = {"applicant_type": _applicant_type_question(topics), **shells}
    unavailable: dict[str, str] = {}
    if qsrc is not None and isinstance(qsrc.data, dict) and isinstance(qsrc.data.get("questions"), list):
        for raw in qsrc.data["questions"]:
            if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"] not in shells:
                unavailable[raw["id"]] = "question"

    industries = {}
    if sources["industries.yaml"] is not None and sources["industries.yaml"].data is not None:
        industries = read_industries(sources["industries.yaml"], problems)
    documents = {}
    if sources["documents.yaml"] is not None and sources["documents.yaml"].data is not None:
        documents = read_documents(sources["documents.yaml"], problems)

    # Expressions that built before against the same names are not built again until evaluated.
    records = ExprRecords(files.cache) if files.cache is not None else None
    tables, definitions = {}, {}
    dsrc = sources["definitions.yaml"]
    if dsrc is not None and dsrc.data is not None:
        found = problems.check_schema(dsrc, "definitions")
        tables = read_tables(dsrc, problems, found)
        definitions = read_definitions(dsrc, problems, found, shells, tables, unavailable, records)
    def_kinds = {d.id: d.expr.kind for d in definitions.values()}
    def_bounds = {d.id: d.expr.bound for d in definitions.values()}
    names = Names(shells, def_kinds, tables, unavailable, def_bounds)
    build = builder(records, names)

    questions: dict[str, Question] = {}
    first_item: dict[str, tuple[int, dict]] = {}  # question id -> (index, raw) of its first item
    for i, r in question_items:
        first_item.setdefault(r["id"], (i, r))
    for qid, q in shells.items():
        i, raw = first_item.get(qid, (None, None))
        if raw is None or "applies_if" not in raw:
            questions[qid] = q if q.order == len(questions) else dataclasses.replace(q, order=len(questions))
            continue
        try:
            expr = build(raw["applies_if"], True)
        except ExprError as err:
            problems.expr(qsrc, ("questions", i, "applies_if"), f"question '{qid}' applies_if", err)
            unavailable[qid] = "question"
            continue
        if qid in expr.names:
            problems.at(qsrc, ("questions", i, "applies_if"), Text(f"질문 '{qid}' applies_if: 그 질문 자신의 답을 읽습니다",
                                                                     f"question '{qid}' applies_if uses the question itself"))
            unavailable[qid] = "question"
            continue
        questions[qid] = dataclasses.replace(q, applies_if=expr, order=len(questions))
    place = {r["id"]: i for i, r in question_items}
    for never in never_asked(questions, definitions, frozenset(shells) - frozenset(questions)):
        problems.at(qsrc, ("questions", place[never.question], "applies_if"), never.message)
        unavailable[never.question] = "question"
        del questions[never.question]
    questions = {qid: q if q.order == i else dataclasses.replace(q, order=i) for i, (qid, q) in enumerate(questions.items())}
    if len(questions) != len(shells):
        # Something may rest on a question that was just left out: rebuild the names without it.
        names = Names(questions, def_kinds, tables, unavailable, def_bounds)

    notes = {}
    broken_notes: set[str] = set()
    no_notes = rules.is_dir() and not seeds.is_dir()
    if no_notes:  # one line, not one per citation (a rules folder copied without its notes)
        problems.add(display_path(seeds), 1, Text(
            "출처 노트 폴더가 없습니다. 규칙 폴더 안이나 옆에 seeds 폴더를 두십시오 (인용은 확인하지 않았습니다)",
            "there is no source notes folder; put a seeds folder inside or beside the rules folder "
            "(citations were not checked)"))
    _read_each(files, problems, _yaml_files(seeds, problems, seeds, files.plain), "seeds", "source-note", lambda src: read_note(src, problems),
               notes, broken_notes, "source note", lambda n: n.where.path)

    groups = _criterion_groups(rules, files, problems)
    programs: dict[str, Program] = {}
    left_out: set[str] = set()
    ctx = ProgramContext(names, documents, notes, frozenset(broken_notes), no_notes, groups, programs, left_out,
                         build=builder(records, names))
    program_files = _yaml_files(rules / "programs", problems, rules, files.plain)
    if rules.is_dir() and not program_files and not (rules / "programs").is_dir():
        problems.add(display_path(rules / "programs"), 1, Text("programs 폴더가 없습니다", "the programs folder is missing"))
    elif rules.is_dir() and not program_files:
        problems.add(display_path(rules / "programs"), 1, Text("programs 폴더에 사업 파일이 하나도 없습니다",
                                                                  "the programs folder holds no program file"))
    _read_each(files, problems, _parents_first(program_files, files.raw), "rules/programs", "program",
               lambda src: read_program(src, problems, ctx), programs, left_out, "program",
               lambda p: p.path)
    if records is not None:
        records.save()
    for pid in list(programs):
        parent = programs[pid].tracks_of
        if parent is not None and parent not in programs:
            prog = programs.pop(pid)
            if parent in left_out:
                message = Text(f"tracks_of: 불러오지 못한 사업 '{parent}' (그 사업의 오류를 보세요)",
                               f"tracks_of: program '{parent}' could not be loaded (see its own error)")
            else:
                guess = did_you_mean_text(parent, programs)
                message = Text(f"tracks_of: 모르는 사업 '{parent}'{guess.ko}", f"tracks_of: unknown program '{parent}'{guess.en}")
            problems.add(prog.path, _line_of(prog, "tracks_of"), message)

    pack = RulePack(
        version=files.version(),
        questions=questions,
        topics=topics,
        industries=industries,
        definitions=definitions,
        tables=tables,
        documents=documents,
        notes=notes,
        programs=programs,
        errors=tuple(problems.items),
        root=str(rules.resolve()) if rules.exists() else str(rules),
    )
    return pack


def _criterion_groups(rules: Path, files, problems: Problems) -> dict:
    """rules/criteria.yaml (optional): criterion groups written once, used by id from programs.
    Each is kept as written (file, key path, raw data); a program that uses one reads it there."""
    path = rules / "criteria.yaml"
    if not path.is_file():
        return {}
    src = files.read(path, "rules/criteria.yaml", "criteria")
    if src is None or not isinstance(src.data, dict):
        return {}
    found = problems.check_schema(src, "criteria")
    skip = bad_items(found, "groups", src)
    groups: dict = {}
    for i, raw in enumerate(src.data.get("groups") or ()):
        if i in skip or not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
            continue
        if raw["id"] in groups:
            problems.at(src, ("groups", i, "id"), f"duplicate criterion group '{raw['id']}'")
            continue
        groups[raw["id"]] = (src, ("groups", i), raw)
    return groups


_EXTENDS = re.compile(r"^extends:\s*['\"]?([A-Za-z0-9][A-Za-z0-9_.-]*)", re.MULTILINE)


def _parents_first(paths: list[Path], raw=read_limited) -> list[Path]:
    """Program files in name order, except that a file that `extends:` another program comes
    after that program's file (found by a quick look at the text; the loader checks it properly).
    The look is a bounded read (`raw`, by default `read_limited`): a file too large to load is
    left to the loader to report."""
    parent_of = {}
    for p in paths:
        try:
            text = raw(p)
        except (OSError, YamlProblem):
            text = b""
        # most files extend nothing: looking for the word first spares searching them line by line
        m = _EXTENDS.search(text.decode("utf-8", errors="replace")) if b"extends:" in text else None
        parent_of[p.stem] = m.group(1) if m else None
    ordered: list[Path] = []
    placed: set[str] = set()
    by_stem = {p.stem: p for p in paths}

    def place(p: Path, trail: tuple) -> None:
        if p.stem in placed:
            return
        parent = parent_of.get(p.stem)
        if parent in by_stem and parent not in trail:
            place(by_stem[parent], trail + (p.stem,))
        placed.add(p.stem)
        ordered.append(p)

    for p in paths:
        place(p, ())
    return ordered


def _line_of(program: Program, key: str) -> int:
    try:
        src = parse_source(read_limited(Path(program.path)), program.path)
        return src.line(key)
    except (OSError, YamlProblem):
        return 1


def _applicant_type_question(topics: dict[str, Topic]) -> Question:
    """`applicant_type` is always known; when the catalog does not declare it, Jiwon does."""
    return Question(
        id="applicant_type",
        type="choice",
        topic=next(iter(topics), "applicant"),
        label=Text("신청자 유형", "Applicant type"),
        help=None,
        options=tuple(Option(t, APPLICANT_TYPE_LABELS[t]) for t in APPLICANT_TYPES),
    )


def _read_each(files, problems, paths, folder: str, schema: str, read, found: dict, left_out: set,
               noun: str, where_of) -> None:
    """Reads one item per file into `found` by id. A file that does not load, or an item with a
    problem, adds its id (or file stem) to `left_out`; a second item with the same id is reported."""
    for path in paths:
        src = files.read(path, f"{folder}/{path.name}", schema)
        if src is None:
            left_out.add(path.stem)
            continue
        item = read(src)
        if item is None:
            raw_id = src.data.get("id") if isinstance(src.data, dict) else None
            left_out.add(raw_id if isinstance(raw_id, str) else path.stem)
            continue
        if item.id in found:
            also = where_of(found[item.id])
            noun_ko = {"source note": "출처 노트", "program": "사업"}.get(noun, noun)
            problems.at(src, ("id",), Text(f"같은 {noun_ko} id를 두 번 썼습니다: '{item.id}' ({also}에도 있음)",
                                           f"duplicate {noun} id '{item.id}' (also in {also})"))
            continue
        found[item.id] = item
