"""JSON Schemas of the rule files, and their errors turned into plain `path:line: message` words.

The schemas in rules/schema/ are the same ones an editor uses to check a file while it is typed.
Jiwon always reads its own copy (next to its rules), never one from a folder given on the command
line, so a rules folder cannot loosen its own checks.

Valid files are recognised by validators generated ahead of time from the same schema files
(`desktop.engine.validators`, fastjsonschema); jsonschema runs only to explain a file that is not.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Iterator

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from desktop import paths
from desktop.engine.suggest import did_you_mean
from desktop.engine.validators import fast_validator
from desktop.engine.yamlsrc import SourceFile

SCHEMA_NAMES = ("questions", "industries", "definitions", "documents", "criteria", "program", "source-note", "profile")

_TYPE_WORDS = {
    "object": "a mapping (key: value)",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "nothing",
}


@lru_cache(maxsize=None)
def validator(name: str) -> Draft202012Validator:
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


def schema_problems(src: SourceFile, name: str) -> list[tuple[tuple, int, str]]:
    """Every schema problem in `src` as (key path, line, message), in file order."""
    fast = fast_validator(name)
    if fast is not None:
        try:
            fast(src.data)
            return []
        except Exception:  # invalid (or too odd for the generated code): jsonschema explains
            pass
    check = validator(name)
    out: list[tuple[tuple, int, str]] = []
    for err in check.iter_errors(src.data):
        out.extend(_describe(err, src))
    out.sort(key=lambda item: item[1])
    # One message per line and text is enough; nested alternatives can repeat themselves.
    seen: set[tuple[int, str]] = set()
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


def _kind_word(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing (empty)"
    return type(value).__name__


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _describe(err: ValidationError, src: SourceFile) -> Iterator[tuple[tuple, int, str]]:
    path = tuple(err.absolute_path)
    line = src.line(*path)
    v = err.validator
    schema = err.schema if isinstance(err.schema, dict) else {}
    inst = err.instance
    pre = _prefix(path)
    if v == "additionalProperties" and isinstance(inst, dict):
        allowed = list(schema.get("properties", {}))
        for key in inst:
            if key in schema.get("properties", {}):
                continue
            if schema.get("additionalProperties") is not False:
                continue
            kpath = path + (key,)
            hint = did_you_mean(key, allowed)
            if inst[key] is None and schema.get("title") == "text":
                hint += " (a comma inside {...} starts a new key: put the text in quotes)"
            yield kpath, src.line(*kpath), f"{pre}unknown key '{key}'{hint}"
        return
    if v == "required" and isinstance(inst, dict):
        for key in err.validator_value:
            if key in inst:
                continue
            if schema.get("title") == "text":
                yield path, line, f"{pre}'{key}' text missing"
            else:
                yield path, line, f"{pre}required key '{key}' missing"
        return
    if v == "type":
        expected = err.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        words = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
        yield path, line, f"{pre}expected {words}, got {_kind_word(inst)} {_short(inst)}"
        return
    if v == "enum":
        options = [str(o) for o in err.validator_value]
        yield path, line, f"{pre}{_short(inst)} is not one of: {', '.join(options)}{did_you_mean(inst, options)}"
        return
    if v == "pattern":
        what = schema.get("description", "value")
        yield path, line, f"{pre}{_short(inst)} is not a valid {what}"
        return
    if v == "propertyNames":
        yield path, line, f"{pre}invalid key: {err.message}"
        return
    if v == "minLength":
        yield path, line, f"{pre}must not be empty"
        return
    if v in ("minItems", "minProperties"):
        yield path, line, f"{pre}needs at least {err.validator_value} item(s)"
        return
    if v == "uniqueItems":
        yield path, line, f"{pre}has the same item twice"
        return
    if v in ("minimum", "maximum"):
        word = "at least" if v == "minimum" else "at most"
        yield path, line, f"{pre}must be {word} {err.validator_value}, got {_short(inst)}"
        return
    if err.context:
        best = min(err.context, key=lambda e: (-len(e.absolute_path), e.validator in ("type", "enum")))
        yield from _describe(best, src)
        return
    yield path, line, f"{pre}{err.message}"
