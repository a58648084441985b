"""Reads a YAML (or JSON) file into plain Python data and remembers the line of every key and item.

The rest of the loader works on plain dicts, lists and scalars (dates become ISO strings, so JSON
Schema can check them); `SourceFile.line(path)` answers "where was this written?" for messages of
the form `path:line: message`.

Files are only *composed* by a YAML library (a tree of nodes with line marks); turning nodes into
values is done here, with YAML 1.2 rules (`no` is text, not false), so that the fast C parser
(libyaml through PyYAML) and the pure-Python one (ruamel.yaml) give exactly the same data. Anchors,
aliases and tags are refused: rule files never need them, and they are the way to make a small
file expand into a huge one or ask for Python objects.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Mapping
from typing import Any

from desktop.engine.file_bytes import read_bytes
from desktop.engine.problem import Problem
from desktop.engine.text import Text

MAX_NODES = 200_000
MAX_BYTES = 5_000_000
MAX_DEPTH = 100
# Python refuses to turn more than 4,300 digits into an int (and a rule or an answer never needs
# more than about 20: amounts are in won); past this many a number is refused, with its line.
MAX_DIGITS = 40

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


class YamlProblem(Problem):
    """A file that cannot be read as YAML at all. `line` is 1-based."""

    def __init__(self, message: Text, line: int = 1, **more):
        super().__init__(message, line=line, **more)


TOO_LARGE = Text(f"파일이 {MAX_BYTES // 1_000_000}MB보다 큽니다", f"the file is larger than {MAX_BYTES // 1_000_000} MB")
TOO_DEEP = Text("파일의 구조가 너무 깊게 겹쳐 있습니다", "the file is nested too deeply")
NOT_UTF8 = Text("UTF-8 글자 파일이 아닙니다", "the file is not UTF-8 text")
NO_ALIASES = Text("앵커와 별칭(&, *)은 쓸 수 없습니다", "anchors and aliases (&, *) are not supported")


def cannot_read(err: OSError) -> Text:
    why = err.strerror or err
    return Text(f"파일을 읽을 수 없습니다: {why}", f"cannot read the file: {why}")


def number_too_large() -> Text:
    return Text(f"너무 큰 수입니다({MAX_DIGITS}자리 넘음)", f"the number is too large (more than {MAX_DIGITS} digits)")


@dataclass
class SourceFile:
    """One parsed file: its data, a shown path, and the line of each key path."""

    path: str
    data: Any
    lines: Mapping[tuple, int] = field(default_factory=dict)  # a dict when parsed here
    text: str | None = None  # the file as read, for showing a line of it under a message (`shown_text`)
    # The schemas the data is known to meet (the parsed-file cache says so for a file it checked
    # before against the same schema files), so that checking it again is left out.
    valid_as: frozenset[str] = frozenset()
    # The file's bytes, decoded into `text` only when a message shows a line of it (a file from
    # the parsed-file cache; the parser decodes as it reads).
    raw: bytes | None = field(default=None, repr=False, compare=False)

    def shown_text(self) -> str | None:
        if self.text is None and self.raw is not None:
            self.text = self.raw.decode("utf-8-sig", errors="replace")
        return self.text

    def line(self, *path: Any) -> int:
        """The line of the deepest part of `path` that exists (1 when nothing matches)."""
        lines = self.lines
        p = tuple(path)
        while p:
            found = lines.get(p)
            if found is not None:
                return found
            p = p[:-1]
        return lines.get((), 1)


def display_path(path: Path | str) -> str:
    """How a file is named in messages: relative to the working folder when inside it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(p)


# ---------------------------------------------------------------- composing (two back ends)


def _c_composer():
    """libyaml's parser through PyYAML, with no implicit typing (we type plain scalars ourselves)."""
    try:
        import yaml
        from yaml._yaml import CParser as parser
        from yaml.resolver import BaseResolver
    except ImportError:
        return None

    class _Untyped(BaseResolver):
        yaml_implicit_resolvers: dict = {}
        _tags = {yaml.ScalarNode: BaseResolver.DEFAULT_SCALAR_TAG, yaml.SequenceNode: BaseResolver.DEFAULT_SEQUENCE_TAG,
                 yaml.MappingNode: BaseResolver.DEFAULT_MAPPING_TAG}

        def resolve(self, kind, value, implicit):
            """What BaseResolver gives with no implicit and no path resolvers, without the search."""
            return self._tags[kind]

    class _Composer(parser, _Untyped):
        def __init__(self, stream):
            parser.__init__(self, stream)
            _Untyped.__init__(self)

    def compose(text: str):
        loader = _Composer(text)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()

    return compose, yaml.MarkedYAMLError, yaml.YAMLError


def _pure_composer():
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    y = YAML(typ="safe", pure=True)
    return y.compose, MarkedYAMLError, YAMLError


_BACKENDS: dict[str, Any] = {}


def _backend(name: str | None = None):
    """(compose, marked error, any error) of the C back end when installed, else the pure one."""
    if name is None:
        name = "c" if _backend_available("c") else "pure"
    if not _backend_available(name):
        raise YamlProblem(Text(f"YAML 읽기 모듈이 설치되어 있지 않습니다: '{name}'", f"the YAML reader '{name}' is not installed"))
    return _BACKENDS[name]


def _backend_available(name: str) -> bool:
    if name not in _BACKENDS:
        _BACKENDS[name] = _c_composer() if name == "c" else _pure_composer()
    return _BACKENDS[name] is not None


def read_limited(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES: YamlProblem for anything else.

    The size is checked before reading (a huge sparse file costs nothing to refuse) and the read
    stops one byte past the limit (a device such as /dev/zero never ends). OSError passes through.
    """
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise YamlProblem(Text("보통 파일이 아닙니다", "not a regular file") if not stat.S_ISDIR(info.st_mode)
                          else Text("파일이 아니라 폴더입니다", "a folder, not a file"))
    if info.st_size > MAX_BYTES:
        raise YamlProblem(TOO_LARGE)
    # As much as the size said, and one byte more to see whether the file has grown since; then
    # on, up to one byte past the limit.
    raw = read_bytes(path, info.st_size + 1, MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise YamlProblem(TOO_LARGE)
    return raw


def read_source(path: Path | str, shown: str | None = None) -> SourceFile:
    """Read and convert one file. Raises YamlProblem (with a line) when it is not usable YAML."""
    p = Path(path)
    shown = shown or display_path(p)
    try:
        raw = read_limited(p)
    except OSError as err:
        raise YamlProblem(cannot_read(err)) from None
    return parse_source(raw, shown)


def parse_source(raw: bytes | str, shown: str, backend: str | None = None) -> SourceFile:
    if isinstance(raw, bytes):
        if len(raw) > MAX_BYTES:
            raise YamlProblem(TOO_LARGE)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            line = raw[: err.start].count(b"\n") + 1
            raise YamlProblem(NOT_UTF8, line) from None
    else:
        text = raw
    compose, marked_error, any_error = _backend(backend)
    try:
        node = compose(text)
    except marked_error as err:
        mark = err.problem_mark or err.context_mark
        line = (mark.line + 1) if mark is not None else 1
        what = err.problem or err.context or "not valid YAML"
        raise YamlProblem(Text(f"YAML 문법 오류: {what}", f"YAML syntax error: {what}"), line) from None
    except any_error as err:
        raise YamlProblem(Text(f"YAML 오류: {err}", f"YAML error: {err}")) from None
    except RecursionError:
        raise YamlProblem(TOO_DEEP) from None
    src = SourceFile(shown, None, text=text)
    if node is None:
        return src
    src.lines[()] = node.start_mark.line + 1
    src.data = _Converter(src).convert(node, ())
    return src


def position_in_value(src: SourceFile, path: tuple, column: int) -> tuple[int, int, str] | None:
    """(line, column, the file's line) of character `column` (1-based) of the text value at
    `path`, in the file's own terms; None when that cannot be told.

    Only asked when there is a problem to show, so the file is composed again here rather than
    every position being kept for every file at load.
    """
    text = src.shown_text()
    if text is None:
        return None
    try:
        compose = _backend()[0]
        node = compose(text)
    except Exception:
        return None
    for part in path:
        kind = _kind(node) if node is not None else None
        if kind == "map":
            node = next((v for k, v in node.value if _key_text(scalar_value(k)) == str(part)), None)
        elif kind == "seq" and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
        else:
            return None
        if node is None:
            return None
    if _kind(node) != "scalar":
        return None
    file_lines = text.splitlines()
    value = node.value
    offset = min(max(column - 1, 0), len(value))
    style = node.style or ""
    start_line, start_col = node.start_mark.line, node.start_mark.column
    if style in ("|", ">"):
        # Block scalars: the text starts on the next line, each line indented alike.
        row = value[:offset].count("\n")
        col_in = offset - (value.rfind("\n", 0, offset) + 1)
        line_no = start_line + 1 + row
        if line_no >= len(file_lines):
            return None
        first = file_lines[start_line + 1]
        indent = len(first) - len(first.lstrip(" "))  # the block's own indentation
        return line_no + 1, indent + col_in + 1, file_lines[line_no]
    if node.end_mark.line != start_line:
        return None  # a plain or quoted text over several lines: no exact column
    quote = 1 if style in ("'", '"') else 0
    if start_line >= len(file_lines):
        return None
    return start_line + 1, start_col + quote + offset + 1, file_lines[start_line]


# ---------------------------------------------------------------- nodes -> plain data


def _kind(node: Any) -> str:
    """'map' | 'seq' | 'scalar', for nodes of either library."""
    name = type(node).__name__
    if name == "MappingNode":
        return "map"
    if name == "SequenceNode":
        return "seq"
    return "scalar"


class _Converter:
    def __init__(self, src: SourceFile):
        self.src = src
        self.seen: set[int] = set()
        self.count = 0

    def convert(self, node: Any, path: tuple, depth: int = 0) -> Any:
        self.count += 1
        line = node.start_mark.line + 1
        if self.count > MAX_NODES:
            raise YamlProblem(Text("파일에 든 요소가 너무 많습니다", "the file has too many elements"), line)
        if depth > MAX_DEPTH:
            raise YamlProblem(TOO_DEEP, line)
        kind = _kind(node)
        tag = str(node.tag)
        if tag not in _STANDARD_TAGS:
            raise YamlProblem(Text(f"{tag} 같은 YAML 태그는 쓸 수 없습니다", f"YAML tags such as {tag} are not supported"),
                              self.src.lines.get(path, line))
        if kind != "scalar":
            if id(node) in self.seen:
                raise YamlProblem(NO_ALIASES, self.src.lines.get(path, line))
            self.seen.add(id(node))
        if kind == "map":
            out: dict = {}
            for key_node, value_node in node.value:
                key_line = key_node.start_mark.line + 1
                if _kind(key_node) != "scalar":
                    raise YamlProblem(Text("키는 보통 글자여야 합니다", "a key must be plain text"), key_line)
                if key_node.value == "<<" and _is_plain(key_node):
                    raise YamlProblem(Text("병합 키(<<)는 쓸 수 없습니다", "merge keys (<<) are not supported"), key_line)
                key = _key_text(scalar_value(key_node))
                if key in out:
                    first = self.src.lines[path + (key,)]
                    raise YamlProblem(Text(f"같은 키를 두 번 썼습니다: '{key}' (처음은 {first}행)",
                                          f"duplicate key '{key}' (first written on line {first})"), key_line)
                self.src.lines[path + (key,)] = key_line
                out[key] = self.convert(value_node, path + (key,), depth + 1)
            return out
        if kind == "seq":
            items = []
            for i, item in enumerate(node.value):
                if _kind(item) != "scalar" and id(item) in self.seen:
                    # An alias: the node's own mark is where the anchor was written, not here.
                    raise YamlProblem(NO_ALIASES, self.src.line(*path))
                self.src.lines[path + (i,)] = item.start_mark.line + 1
                items.append(self.convert(item, path + (i,), depth + 1))
            return items
        return scalar_value(node)


# YAML 1.2 core schema, plus `_` in numbers and dates as ISO text: one pattern, one match per value.
_PLAIN_TYPES = (
    r"(?P<null>~|null|Null|NULL)"
    r"|(?P<true>true|True|TRUE)"
    r"|(?P<false>false|False|FALSE)"
    r"|(?P<int>[-+]?[0-9][0-9_]*)"
    r"|(?P<oct>0o[0-7_]+)"
    r"|(?P<hex>0x[0-9a-fA-F_]+)"
    r"|(?P<float>[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?)"
    r"|(?P<inf>[-+]?\.(inf|Inf|INF))"
    r"|(?P<nan>\.(nan|NaN|NAN))"
    r"|(?P<datetime>[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?)"
)
_PLAIN = re.compile(_PLAIN_TYPES)
# Only these can start a typed plain scalar; anything else (most text) is text at once.
_TYPED_START = frozenset("0123456789-+.~nNtTfF")


def _is_plain(node: Any) -> bool:
    """Unquoted scalar? (ruamel marks it with style None, libyaml with an empty style.)"""
    return not node.style


def scalar_value(node: Any) -> Any:
    """The value of a scalar node: plain scalars typed by YAML 1.2 rules, quoted ones are text.
    Dates stay text as written (ISO); they are checked where a date is expected."""
    text = node.value
    if not _is_plain(node):  # quoted, literal or folded: always text
        return text
    if not text:
        return None
    if text[0] not in _TYPED_START:
        return text
    m = _PLAIN.fullmatch(text)
    if m is None:
        return text
    kind = m.lastgroup
    if kind in ("int", "oct", "hex") and len(text) > MAX_DIGITS:
        raise YamlProblem(number_too_large(), node.start_mark.line + 1)
    if kind == "null":
        return None
    if kind == "true":
        return True
    if kind == "false":
        return False
    if kind == "int":
        return int(text.replace("_", ""))
    if kind == "oct":
        return int(text[2:].replace("_", ""), 8)
    if kind == "hex":
        return int(text[2:].replace("_", ""), 16)
    if kind == "float":
        return float(text.replace("_", ""))
    if kind == "inf":
        return float("-inf") if text.startswith("-") else float("inf")
    if kind == "nan":
        return float("nan")
    day, _, time = re.split(r"([Tt]|[ \t]+)", text, maxsplit=1)
    return f"{day}T{time.strip()}"


def _key_text(key: Any) -> str:
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    return str(key)


__all__ = ["SourceFile", "YamlProblem", "display_path", "parse_source", "read_limited", "read_source",
           "scalar_value"]
