"""JSON Schemas of the rule files, and their errors turned into plain `path:line: message` words.

The schemas in rules/schema/ are the same ones an editor uses to check a file while it is typed.
Jiwon always reads its own copy (next to its rules), never one from a folder given on the command
line, so a rules folder cannot loosen its own checks.

Valid files are recognised by validators generated ahead of time from the same schema files
(`desktop.engine.validators`, fastjsonschema); jsonschema runs only to explain a file that is not.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from desktop import paths
from desktop.engine.file_bytes import read_bytes
from desktop.engine.model import Text
from desktop.engine.suggest import did_you_mean, did_you_mean_ko
from desktop.engine.validators import fast_validator, schema_file
from desktop.engine.yamlsrc import SourceFile

if TYPE_CHECKING:  # jsonschema is imported only to explain a file that is not valid
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

SCHEMA_NAMES = ("questions", "industries", "definitions", "documents", "criteria", "program", "source-note", "profile")

_TYPE_WORDS = {
    "object": Text("키: 값 묶음", "a mapping (key: value)"),
    "array": Text("목록", "a list"),
    "string": Text("글", "text"),
    "integer": Text("정수", "a whole number"),
    "number": Text("수", "a number"),
    "boolean": Text("True 또는 False", "true or false"),
    "null": Text("빈 값", "nothing"),
}


def schemas_fingerprint(folder: Path | None = None) -> str | None:
    """The SHA-256 of every schema file rule files are checked against (Jiwon's own copy unless
    `folder` is given), or None when one cannot be read. Whether a file meets its schema depends
    on its data and on these files only: the parsed-file cache keeps that verdict under it."""
    h = hashlib.sha256()
    start = os.path.dirname(schema_file(SCHEMA_NAMES[0], folder))  # the folder, found once
    for name in SCHEMA_NAMES:
        try:
            body = read_bytes(os.path.join(start, f"{name}.schema.json"))
        except OSError:
            return None
        h.update(f"{name}\0{len(body)}\0".encode() + body)
    return h.hexdigest()


@lru_cache(maxsize=None)
def validator(name: str) -> "Draft202012Validator":
    from jsonschema import Draft202012Validator

    path = paths.rules_dir() / "schema" / f"{name}.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    return Draft202012Validator(_inline_refs(schema))


def _inline_refs(schema: dict) -> dict:
    """Replace each local `{"$ref": "#/$defs/x"}` by the definition itself (the same object, so a
    recursive definition becomes a cycle that validation follows only as deep as the data goes).

    Resolving references is most of jsonschema's work on our files; doing it once here makes
    loading the whole rule pack several times faster. The schema files keep their $refs for editors.
    """
    defs = schema.get("$defs", {})

    def resolve(value):
        if isinstance(value, dict) and set(value) == {"$ref"} and value["$ref"].startswith("#/$defs/"):
            return defs[value["$ref"][len("#/$defs/"):]]
        return value

    seen: set[int] = set()

    def walk_once(node):
        if id(node) in seen:
            return
        seen.add(id(node))
        if isinstance(node, dict):
            for key, value in list(node.items()):
                node[key] = resolve(value)
                walk_once(node[key])
        elif isinstance(node, list):
            for i, value in enumerate(node):
                node[i] = resolve(value)
                walk_once(node[i])

    for d in defs.values():
        walk_once(d)
    root = {k: v for k, v in schema.items() if k != "$defs"}
    walk_once(root)
    return root


def is_soft(path: tuple, src: SourceFile) -> bool:
    """A stray key inside a text pair that still has both languages: the item is usable as is.

    The usual cause is an unquoted comma in `{ko: ..., en: a, b}`; the text loses its tail but
    nothing else changes, so shared catalogs keep the item (the problem is still reported).
    """
    if len(path) < 2:
        return False
    node = src.data
    for part in path[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return False
    return isinstance(node, dict) and isinstance(node.get("ko"), str) and isinstance(node.get("en"), str) and (
        path[-1] not in ("ko", "en")
    )


def schema_problems(src: SourceFile, name: str) -> list[tuple[tuple, int, Text]]:
    """Every schema problem in `src` as (key path, line, message), in file order."""
    fast = fast_validator(name)
    if fast is not None:
        try:
            fast(src.data)
            return []
        except Exception:  # invalid (or too odd for the generated code): jsonschema explains
            pass
    check = validator(name)
    out: list[tuple[tuple, int, Text]] = []
    for err in check.iter_errors(src.data):
        out.extend(_describe(err, src))
    out.sort(key=lambda item: item[1])
    # One message per line and text is enough; nested alternatives can repeat themselves.
    seen: set[tuple[int, Text]] = set()
    unique = []
    for item in out:
        if (item[1], item[2]) not in seen:
            seen.add((item[1], item[2]))
            unique.append(item)
    return unique


def _context(path: tuple) -> str:
    """The readable name of where a problem is: the keys after the last list index."""
    tail: list[str] = []
    for part in reversed(path):
        if isinstance(part, int):
            break
        tail.append(str(part))
    return ".".join(reversed(tail))


def _prefix(path: tuple) -> str:
    ctx = _context(path)
    return f"{ctx}: " if ctx else ""


def _kind_word(value: Any) -> Text:
    if isinstance(value, bool):
        return Text("참/거짓", "true/false")
    if isinstance(value, int):
        return Text("정수", "a whole number")
    if isinstance(value, float):
        return Text("수", "a number")
    if isinstance(value, str):
        return Text("글", "text")
    if isinstance(value, list):
        return Text("목록", "a list")
    if isinstance(value, dict):
        return Text("키: 값 묶음", "a mapping")
    if value is None:
        return Text("빈 값", "nothing (empty)")
    return Text(type(value).__name__, type(value).__name__)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _describe(err: "ValidationError", src: SourceFile) -> Iterator[tuple[tuple, int, Text]]:
    path = tuple(err.absolute_path)
    line = src.line(*path)
    v = err.validator
    schema = err.schema if isinstance(err.schema, dict) else {}
    inst = err.instance
    pre = _prefix(path)

    def said(ko: str, en: str) -> Text:
        return Text(pre + ko, pre + en)

    if v == "additionalProperties" and isinstance(inst, dict):
        allowed = list(schema.get("properties", {}))
        for key in inst:
            if key in schema.get("properties", {}):
                continue
            if schema.get("additionalProperties") is not False:
                continue
            kpath = path + (key,)
            hint_ko, hint_en = did_you_mean_ko(key, allowed), did_you_mean(key, allowed)
            if inst[key] is None and schema.get("title") == "text":
                hint_ko += " ({...} 안의 쉼표는 새 키를 시작합니다: 글을 따옴표로 감싸세요)"
                hint_en += " (a comma inside {...} starts a new key: put the text in quotes)"
            yield kpath, src.line(*kpath), said(f"알 수 없는 키 '{key}'{hint_ko}", f"unknown key '{key}'{hint_en}")
        return
    if v == "required" and isinstance(inst, dict):
        for key in err.validator_value:
            if key in inst:
                continue
            if schema.get("title") == "text":
                yield path, line, said(f"'{key}' 글이 없습니다", f"'{key}' text missing")
            else:
                yield path, line, said(f"꼭 있어야 하는 키가 없습니다: '{key}'", f"required key '{key}' missing")
        return
    if v == "type":
        expected = err.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        words = [_TYPE_WORDS.get(t, Text(t, t)) for t in expected]
        got = _kind_word(inst)
        yield path, line, said(f"들어갈 값은 {' 또는 '.join(w.ko for w in words)}, 쓴 값은 {got.ko} {_short(inst)}",
                               f"expected {' or '.join(w.en for w in words)}, got {got.en} {_short(inst)}")
        return
    if v == "enum":
        options = [str(o) for o in err.validator_value]
        yield path, line, said(
            f"쓸 수 없는 값 {_short(inst)} — 쓸 수 있는 값: {', '.join(options)}{did_you_mean_ko(inst, options)}",
            f"{_short(inst)} is not one of: {', '.join(options)}{did_you_mean(inst, options)}")
        return
    if v == "pattern":
        what = schema.get("description", "value")
        yield path, line, said(f"형식이 맞지 않습니다({what}): {_short(inst)}", f"{_short(inst)} is not a valid {what}")
        return
    if v == "propertyNames":
        yield path, line, said(f"잘못된 키: {err.message}", f"invalid key: {err.message}")
        return
    if v == "minLength":
        yield path, line, said("비어 있으면 안 됩니다", "must not be empty")
        return
    if v in ("minItems", "minProperties"):
        n = err.validator_value
        yield path, line, said(f"항목이 {n}개 이상 있어야 합니다", f"needs at least {n} item(s)")
        return
    if v == "uniqueItems":
        yield path, line, said("같은 항목이 두 번 있습니다", "has the same item twice")
        return
    if v in ("minimum", "maximum"):
        word_ko = "이상" if v == "minimum" else "이하"
        word_en = "at least" if v == "minimum" else "at most"
        yield path, line, said(f"{err.validator_value} {word_ko}이어야 합니다(쓴 값: {_short(inst)})",
                               f"must be {word_en} {err.validator_value}, got {_short(inst)}")
        return
    if err.context:
        best = min(err.context, key=lambda e: (-len(e.absolute_path), e.validator in ("type", "enum")))
        yield from _describe(best, src)
        return
    yield path, line, said(err.message, err.message)
