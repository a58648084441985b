"""The shared catalogs: questions and topics, industries (KSIC), documents.

Each item is checked on its own: an item with a problem is reported and left out, the others load.
Question conditions (`applies_if`) are built later, once definitions are known.
"""

from __future__ import annotations

from typing import Any

from desktop.engine.model import APPLICANT_TYPES, Document, Industry, Option, Topic, Where
from desktop.engine.problems import Problems, bad_items, text_of
from desktop.engine.suggest import did_you_mean_text
from desktop.engine.text import Text, led
from desktop.engine.yamlsrc import SourceFile

MIN_ONLY_TYPES = ("int", "amount")
OPTION_TYPES = ("choice", "multi")


def read_topics(src: SourceFile, problems: Problems, found) -> dict[str, Topic]:
    topics: dict[str, Topic] = {}
    skip = bad_items(found, "topics", src)
    data = src.data if isinstance(src.data, dict) else {}
    for i, raw in enumerate(data.get("topics") or []):
        if i in skip or not isinstance(raw, dict):
            continue
        tid = raw["id"]
        if tid in topics:
            problems.at(src, ("topics", i, "id"), Text(f"같은 주제 id를 두 번 썼습니다: '{tid}'", f"duplicate topic id '{tid}'"))
            continue
        topics[tid] = Topic(tid, text_of(raw["label"]), len(topics))
    return topics


def read_question_items(
    src: SourceFile, problems: Problems, found, topics: dict[str, Topic]
) -> list[tuple[int, dict[str, Any]]]:
    """The question items that pass every check that needs no expression: (index, raw item)."""
    skip = bad_items(found, "questions", src)
    data = src.data if isinstance(src.data, dict) else {}
    seen: dict[str, int] = {}
    items = []
    for i, raw in enumerate(data.get("questions") or []):
        if i in skip or not isinstance(raw, dict):
            continue
        qid = raw["id"]
        at = ("questions", i)
        ok = True
        if qid in seen:
            problems.at(src, at + ("id",), Text(f"같은 질문 id를 두 번 썼습니다: '{qid}' (처음은 {seen[qid]}행)",
                                                f"duplicate question id '{qid}' (first on line {seen[qid]})"))
            continue
        seen[qid] = src.line(*at, "id")
        if topics and raw["topic"] not in topics:
            guess = did_you_mean_text(raw["topic"], topics)
            problems.at(src, at + ("topic",), led(_question(qid), Text(f"모르는 주제 '{raw['topic']}'{guess.ko}",
                                                                    f"unknown topic '{raw['topic']}'{guess.en}")))
            ok = False
        qtype = raw["type"]
        options = raw.get("options")
        if qtype in OPTION_TYPES and not options:
            problems.at(src, at, led(_question(qid), Text(f"{qtype} 질문에는 options가 필요합니다",
                                                          f"a {qtype} question needs options")))
            ok = False
        if qtype not in OPTION_TYPES and options:
            problems.at(src, at + ("options",), led(_question(qid), Text("options는 choice와 multi 질문에만 씁니다",
                                                                         "options are only for choice and multi questions")))
            ok = False
        if options:
            values: dict[str, int] = {}
            for j, opt in enumerate(options):
                if opt["value"] in values:
                    problems.at(src, at + ("options", j), led(_question(qid), Text(
                        f"같은 선택지를 두 번 썼습니다: '{opt['value']}'", f"option '{opt['value']}' written twice")))
                    ok = False
                values[opt["value"]] = j
        for bound in ("min", "max"):
            if bound in raw and qtype not in MIN_ONLY_TYPES:
                problems.at(src, at + (bound,), led(_question(qid), Text(f"{bound} 값은 int와 amount 질문에만 씁니다",
                                                                     f"{bound} is only for int and amount questions")))
                ok = False
        if "min" in raw and "max" in raw and raw["min"] > raw["max"]:
            problems.at(src, at + ("max",), led(_question(qid), Text(f"max {raw['max']}: min {raw['min']}보다 작습니다",
                                                                 f"max {raw['max']} is below min {raw['min']}")))
            ok = False
        if ok:
            items.append((i, raw))
    return items


def question_parts(src: SourceFile, i: int, raw: dict[str, Any]) -> dict[str, Any]:
    """The Question fields that need no expression, ready for Question(**parts, applies_if=...)."""
    return dict(
        id=raw["id"],
        type=raw["type"],
        topic=raw["topic"],
        label=text_of(raw["label"]),
        help=text_of(raw.get("help")),
        options=tuple(Option(o["value"], text_of(o["label"])) for o in raw.get("options") or ()),
        min=raw.get("min"),
        max=raw.get("max"),
        unit=text_of(raw.get("unit")),
        audience=tuple(raw.get("audience") or APPLICANT_TYPES),
        where=Where(src.path, src.line("questions", i)),
    )


def _read_keyed_list(src: SourceFile, problems: Problems, name: str, key: str, noun: Text,
                     make) -> dict:
    """The items of the list `name` in a shared file, by their `key`; duplicates are reported."""
    found = problems.check_schema(src, name)
    skip = bad_items(found, name, src)
    out: dict = {}
    data = src.data if isinstance(src.data, dict) else {}
    for i, raw in enumerate(data.get(name) or []):
        if i in skip or not isinstance(raw, dict):
            continue
        ident = raw[key]
        if ident in out:
            problems.at(src, (name, i, key), Text(f"같은 {noun.ko}를 두 번 썼습니다: '{ident}'", f"duplicate {noun.en} '{ident}'"))
            continue
        out[ident] = make(raw)
    return out


def read_industries(src: SourceFile, problems: Problems) -> dict[str, Industry]:
    return _read_keyed_list(src, problems, "industries", "code", Text("업종 코드", "industry code"),
                            lambda raw: Industry(raw["code"], text_of(raw["label"])))


def read_documents(src: SourceFile, problems: Problems) -> dict[str, Document]:
    return _read_keyed_list(src, problems, "documents", "id", Text("서류 id", "document id"),
                            lambda raw: Document(raw["id"], text_of(raw["text"])))


def _question(qid: str) -> Text:
    return Text(f"질문 '{qid}'", f"question '{qid}'")
