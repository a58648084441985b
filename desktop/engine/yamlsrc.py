"""Reads a YAML (or JSON) file into plain Python data and remembers the line of every key and item.

The rest of the loader works on plain dicts, lists and scalars (dates become ISO strings, so JSON
Schema can check them); `SourceFile.line(path)` answers "where was this written?" for messages of
the form `path:line: message`. Anchors and aliases are refused: rule files never need them, and
they are the way to make a small file expand into a huge one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

MAX_NODES = 200_000
_PLAIN_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
MAX_BYTES = 5_000_000


class YamlProblem(Exception):
    """A file that cannot be read as YAML at all. `line` is 1-based."""

    def __init__(self, message: str, line: int = 1):
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class SourceFile:
    """One parsed file: its data, a shown path, and the line of each key path."""

    path: str
    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)

    def line(self, *path: Any) -> int:
        """The line of the deepest part of `path` that exists (1 when nothing matches)."""
        p = tuple(path)
        while p:
            if p in self.lines:
                return self.lines[p]
            p = p[:-1]
        return self.lines.get((), 1)


def display_path(path: Path | str) -> str:
    """How a file is named in messages: relative to the working folder when inside it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(p)


def _scalar_yaml() -> YAML:
    y = YAML(typ="safe", pure=True)
    y.allow_duplicate_keys = True  # duplicates are reported by our own walk, with their line
    return y


_YAML = _scalar_yaml()


def read_source(path: Path | str, shown: str | None = None) -> SourceFile:
    """Read and convert one file. Raises YamlProblem (with a line) when it is not usable YAML."""
    p = Path(path)
    shown = shown or display_path(p)
    try:
        raw = p.read_bytes()
    except OSError as err:
        raise YamlProblem(f"cannot read the file: {err.strerror or err}") from None
    return parse_source(raw, shown)


def parse_source(raw: bytes | str, shown: str) -> SourceFile:
    if isinstance(raw, bytes):
        if len(raw) > MAX_BYTES:
            raise YamlProblem(f"the file is larger than {MAX_BYTES // 1_000_000} MB")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            line = raw[: err.start].count(b"\n") + 1
            raise YamlProblem("the file is not UTF-8 text", line) from None
    else:
        text = raw
    try:
        node = _YAML.compose(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = (mark.line + 1) if mark is not None else 1
        what = err.problem or err.context or "not valid YAML"
        raise YamlProblem(f"YAML syntax error: {what}", line) from None
    except YAMLError as err:
        raise YamlProblem(f"YAML error: {err}") from None
    except RecursionError:
        raise YamlProblem("the file is nested too deeply") from None
    src = SourceFile(shown, None)
    if node is None:
        return src
    src.lines[()] = node.start_mark.line + 1
    converter = _Converter(src)
    src.data = converter.convert(node, ())
    return src


class _Converter:
    def __init__(self, src: SourceFile):
        self.src = src
        self.seen: set[int] = set()
        self.count = 0
        self.duplicates: list[tuple[tuple, int, int]] = []

    def convert(self, node: Any, path: tuple, depth: int = 0) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise YamlProblem("the file has too many elements", node.start_mark.line + 1)
        if depth > 100:
            raise YamlProblem("the file is nested too deeply", node.start_mark.line + 1)
        if id(node) in self.seen and not isinstance(node, ScalarNode):
            line = self.src.lines.get(path, node.start_mark.line + 1)
            raise YamlProblem("anchors and aliases (&, *) are not supported", line)
        self.seen.add(id(node))
        if not isinstance(node, ScalarNode) and str(node.tag) not in _PLAIN_TAGS:
            line = self.src.lines.get(path, node.start_mark.line + 1)
            raise YamlProblem(f"YAML tags such as {node.tag} are not supported", line)
        if isinstance(node, MappingNode):
            out: dict = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    raise YamlProblem("a key must be plain text", key_node.start_mark.line + 1)
                key = self.scalar(key_node)
                if not isinstance(key, str):
                    key = _key_text(key)
                line = key_node.start_mark.line + 1
                if key in out:
                    raise YamlProblem(
                        f"duplicate key '{key}' (first written on line {self.src.lines[path + (key,)]})", line
                    )
                self.src.lines[path + (key,)] = line
                out[key] = self.convert(value_node, path + (key,), depth + 1)
            return out
        if isinstance(node, SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                if id(item) in self.seen and not isinstance(item, ScalarNode):
                    # An alias: the node's own mark is where the anchor was written, not here.
                    raise YamlProblem("anchors and aliases (&, *) are not supported", self.src.line(*path))
                self.src.lines[path + (i,)] = item.start_mark.line + 1
                items.append(self.convert(item, path + (i,), depth + 1))
            return items
        return self.scalar(node)

    def scalar(self, node: ScalarNode) -> Any:
        tag = node.tag
        if tag is not None and str(tag).startswith("tag:yaml.org,2002:") and str(tag)[18:] in (
            "str",
            "int",
            "float",
            "bool",
            "null",
            "timestamp",
        ):
            try:
                value = _YAML.constructor.construct_object(node, deep=True)
            except Exception:
                raise YamlProblem(f"cannot read the value {node.value!r}", node.start_mark.line + 1) from None
        elif tag is None or str(tag) in ("!", "?"):
            value = node.value
        else:
            raise YamlProblem(f"YAML tags such as {tag} are not supported", node.start_mark.line + 1)
        if isinstance(value, dt.datetime):
            return value.isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        return value


def _key_text(key: Any) -> str:
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    return str(key)
