"""Rule files as parsed before, kept between runs so that loading does not parse the YAML again.

What is kept is what `yamlsrc.parse_source` makes of a file — its plain data and the line of each
key path — and whether that data met the file's schema (a file that did is not checked again).
Criteria and problems are worked out from the data on every load, exactly as without the cache,
so every `path:line: message` is the same. The one other thing kept in the same folder, as an
entry of its own, is the record of the expressions that built without a problem
(`expr_records`: found by the names they read, built again at their first evaluation).

Choices, and why:

- An entry is found by the SHA-256 of the file's bytes together with a fingerprint of the parser's
  own code (`yamlsrc`) and of the schema files (`schemas.schemas_fingerprint`), the same in every
  process: a changed file, parser or schema never finds an old entry. Times of modification are
  not looked at.
- The schema verdict is only ever "met": a file with a schema problem is kept without one, and
  checked (and its problems reported) on every load.
- Entries are JSON: reading one can only ever give back plain data (never pickle or marshal), so
  a cache file someone wrote by hand cannot run code. It is also held to the reader's own bounds
  (depth, number of elements).
- An entry carries the SHA-256 of its own body and the key it was made for; one whose body does
  not match (damaged or edited), whose key is another (copied under another name), or whose shape
  is not that of parsed data is ignored, parsed again from the file, and written anew. (Whoever
  can write a matching digest can write the user's folders, installed rule updates included.) A cache that cannot be read or written is no cache:
  loading works the same, only slower.
- Only files that parse are kept; a file with a YAML problem is parsed (and reported) each time.
  At most KEEP entries are kept, the oldest written removed first.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
import types
from collections.abc import Mapping
from pathlib import Path

from desktop.engine import yamlsrc
from desktop.engine.file_bytes import read_bytes
from desktop.engine.schemas import SCHEMA_NAMES, schema_problems, schemas_fingerprint
from desktop.engine.yamlsrc import SourceFile

FORMAT = 3
KEEP = 2000  # entries kept at most; past that the oldest written are removed when one is added


def _parser_fingerprint() -> str:
    """Changes whenever the code that turns bytes into data changes: the Python version and the
    compiled code of every function and class of `yamlsrc`, with its constants. Only what the code
    does counts (not where its file is, nor its line numbers), and sets are taken in sorted order,
    so every process and every copy of the same code agrees. (The two YAML back ends give the same
    data, a test checks that: which one is in use does not count, and no YAML library is imported
    to find out.) Worked out again only when that code or a constant is another object (or a
    set of other members) than when it was last worked out: every new cache asks for it."""
    parts = _parser_parts()
    if _LAST_PARSER[0] == parts:  # (code objects compare by identity first: the same cost nothing)
        return _LAST_PARSER[1]
    h = hashlib.sha256(f"{FORMAT}\0{sys.version}".encode())
    for name, kind, value in parts:
        if kind is types.CodeType:
            for code in value:
                h.update(name.encode() + b"\0")
                _feed(h, code)
        else:
            h.update(name.encode() + b"=")
            _feed(h, value)
    _LAST_PARSER[:] = [parts, h.hexdigest()]
    return _LAST_PARSER[1]


def _parser_parts() -> list[tuple]:
    """What the parser's fingerprint is made of, in the module's order: (name, CodeType, the
    compiled code of it) for every function and class of `yamlsrc`, (name, its type, its value)
    for each of its constants (a set as a frozenset of its members then)."""
    parts = []
    for name, obj in vars(yamlsrc).items():
        if getattr(obj, "__module__", None) == yamlsrc.__name__ and isinstance(obj, (type, types.FunctionType)):
            codes = (obj.__code__,) if isinstance(obj, types.FunctionType) else tuple(
                v.__code__ for v in vars(obj).values() if isinstance(v, types.FunctionType))
            parts.append((name, types.CodeType, codes))
        elif name.isupper() and isinstance(obj, (int, str, frozenset, set)):
            parts.append((name, type(obj), frozenset(obj) if isinstance(obj, set) else obj))
    return parts


_LAST_PARSER: list = [None, None]  # [the parts the fingerprint was last worked out from, it]


def _feed(h, obj) -> None:
    """Adds `obj` (code and the constants in it) to the hash in an order every process shares."""
    if isinstance(obj, types.CodeType):
        h.update(obj.co_code)
        _feed(h, obj.co_names)
        _feed(h, obj.co_consts)
    elif isinstance(obj, tuple):
        h.update(b"(")
        for item in obj:
            _feed(h, item)
        h.update(b")")
    elif isinstance(obj, (set, frozenset)):
        h.update(b"{" + "\0".join(sorted(map(repr, obj))).encode("utf-8", "backslashreplace") + b"}")
    else:
        h.update(repr(obj).encode("utf-8", "backslashreplace") + b"\0")


class ParsedCache:
    """A folder of parsed rule files, one JSON file per entry, named by its key."""

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)
        self._start = os.path.join(os.fspath(folder), "")  # entries' names begin so
        self._fingerprint: str | None = None
        self._verdicts = False  # whether schema verdicts are kept (the schema files could be read)
        self._pruned = False
        self.hits = 0
        self.misses = 0

    def key(self, raw: bytes) -> str:
        if self._fingerprint is None:
            schemas = schemas_fingerprint()
            self._verdicts = schemas is not None
            self._fingerprint = f"{_parser_fingerprint()}\0{schemas or 'no schema files'}"
        return hashlib.sha256(self._fingerprint.encode() + b"\0" + raw).hexdigest()

    def parse(self, raw: bytes, shown: str, schema: str | None = None) -> SourceFile:
        """What `parse_source(raw, shown)` gives, from the cache when it holds this file.
        Raises YamlProblem exactly as `parse_source` does. With `schema`, a file parsed anew is
        also checked against that schema, and when it meets it the entry says so: the source
        (new or from the cache) then has `schema` in its `valid_as`, and is not checked again."""
        key = self.key(raw)
        found = self._read(key)
        if found is not None:  # the bytes are decoded only if a message shows a line of them
            data, lines, valid = found
            self.hits += 1
            return SourceFile(shown, data, lines, valid_as=valid, raw=raw)
        self.misses += 1
        src = yamlsrc.parse_source(raw, shown)
        if schema is not None and self._verdicts and src.data is not None and not schema_problems(src, schema):
            src.valid_as = frozenset((schema,))
        self._write(key, src)
        return src

    # ------------------------------------------------------------ entries

    def _path(self, key: str) -> str:
        return f"{self._start}{key}.json"

    def read_entry(self, key: str) -> dict | None:
        """The entry kept under `key`: a JSON object whose digest matches its body and which says
        it was made under this key and FORMAT; None for anything else (missing, damaged, copied)."""
        try:
            blob = read_bytes(self._path(key))
        except OSError:
            return None
        digest, _, body = blob.partition(b"\n")
        if hashlib.sha256(body).hexdigest().encode() != digest:
            return None
        try:
            entry = json.loads(body)
        except (ValueError, RecursionError):
            return None
        if not isinstance(entry, dict) or entry.get("key") != key or entry.get("format") != FORMAT:
            return None
        return entry

    def write_entry(self, key: str, entry: dict) -> None:
        """Keeps `entry` (plain data) under `key`, with its digest; nothing when it cannot be."""
        entry = {"format": FORMAT, "key": key, **entry}
        try:
            body = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        except (ValueError, TypeError, RecursionError):
            return
        blob = hashlib.sha256(body).hexdigest().encode() + b"\n" + body
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".entry-", suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(blob)
            os.replace(tmp, self._path(key))
        except OSError:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            return
        if not self._pruned:  # once per load that writes, not once per entry
            self._pruned = True
            self._prune()

    def _read(self, key: str):
        entry = self.read_entry(key)
        if entry is None:
            return None
        lines = _Lines.of(entry.get("lines"))
        valid = entry.get("valid")
        if type(valid) is not list or not all(type(v) is str and v in _SCHEMAS for v in valid):
            return None
        if lines is None or "data" not in entry or not _within_bounds(entry["data"]):
            return None
        return entry["data"], lines, frozenset(valid)

    def _write(self, key: str, src: SourceFile) -> None:
        lines = _Lines.encoded(src.lines)
        if lines is not None:
            self.write_entry(key, {"data": src.data, "valid": sorted(src.valid_as), "lines": lines})

    def _prune(self) -> None:
        """Keeps the folder at KEEP entries: rule files change, and old entries are never asked for."""
        try:
            entries = [e for e in os.scandir(self.folder) if e.name.endswith(".json")]
            if len(entries) <= KEEP:
                return
            entries.sort(key=lambda e: e.stat().st_mtime)
            for e in entries[: len(entries) - KEEP]:
                os.unlink(e.path)
        except OSError:
            pass


_SCHEMAS = frozenset(SCHEMA_NAMES)


class _Lines(Mapping):
    """The key-path -> line table of an entry, kept as the entry holds it: one text, a line for
    each path, "\\n<path as text>\\t<line>" (`_key`), ending in a newline. A load asks the line
    of a few hundred paths of the thousands a pack has, so each is looked for in that text when
    asked (a search for the path between a newline and a tab), instead of every path made into a
    table up front: decoding one JSON text is some times quicker than decoding a JSON object. A
    file asked for more than a few lines (the catalog, say) has its table made then, once."""

    __slots__ = ("_text", "_asked", "_rows")

    def __init__(self, text: str):
        self._text = text
        self._asked = 0
        self._rows: dict[str, str] | None = None  # path text -> line, once asked often

    @classmethod
    def of(cls, raw) -> "_Lines | None":
        """The table of an entry, or None when it is not one: lines of a path and a whole number
        from 1, between a tab and a newline (one tab a line, so no path holds one either)."""
        if type(raw) is not str or raw[:1] != "\n" or raw[-1:] != "\n" or _NOT_A_LINE.search(raw):
            return None
        if raw.count("\t") != raw.count("\n") - 1:
            return None
        return cls(raw)

    @staticmethod
    def encoded(lines: Mapping[tuple, int]) -> str | None:
        """`lines` as an entry keeps them; None for a file with a key holding a slash, a hash, a
        tab or a newline (such a file is not kept: two paths could then read the same)."""
        out = []
        for path, number in lines.items():
            if any(type(part) is str and any(c in part for c in _RESERVED) for part in path):
                return None
            out.append(f"\n{_key(path)}\t{number}")
        return "".join(out) + "\n" if out else None

    def get(self, path, default=None):
        rows = self._rows
        if rows is not None:
            found = rows.get(_key(path))
            return default if found is None else int(found)
        text = self._text
        self._asked += 1
        if self._asked > _SEARCHED:  # a file asked often (the catalog, the definitions): a table
            parts = text[1:-1].replace("\t", "\n").split("\n")  # path, line, path, line, ...
            self._rows = dict(zip(parts[::2], parts[1::2]))
            return self.get(path, default)
        sought = f"\n{_key(path)}\t"
        at = text.find(sought)
        if at < 0:
            return default
        at += len(sought)
        return int(text[at:text.index("\n", at)])

    def __getitem__(self, path) -> int:
        found = self.get(path)
        if found is None:
            raise KeyError(path)
        return found

    def __iter__(self):
        for row in self._text[1:-1].split("\n"):
            key = row.partition("\t")[0]
            parts = key.replace(_ITEM, _SEP + _ITEM).split(_SEP)[1:]
            yield tuple(int(part[1:]) if part[:1] == _ITEM else part for part in parts)

    def __len__(self) -> int:
        return self._text.count("\n") - 1


_SEP, _ITEM = "/", "#"  # before a key; before an item number
_SEARCHED = 12  # lines looked for in the text of an entry before its table is made
_RESERVED = (_SEP, _ITEM, "\t", "\n")
_NOT_A_LINE = re.compile(r"\t(?![1-9][0-9]{0,9}\n)")  # a tab not followed by a line number and a newline


def _key(path: tuple) -> str:
    """A key path as text, each key after a slash and each item number after a hash:
    ("criteria", 0, "id") -> "/criteria#0/id", () -> "" and ("",) -> "/"."""
    return "".join([_SEP + part if type(part) is str else f"{_ITEM}{part}" for part in path])


def _within_bounds(data) -> bool:
    """No deeper and no larger than the YAML reader lets a file be (JSON gives only plain data)."""
    level, depth, count = [data], 0, 1
    while level:
        depth += 1
        if depth > yamlsrc.MAX_DEPTH + 1:
            return False
        inside: list = []
        for node in level:
            inside.extend(node.values() if type(node) is dict else node if type(node) is list else ())
        count += len(inside)
        if count > yamlsrc.MAX_NODES:
            return False
        level = [node for node in inside if type(node) is dict or type(node) is list]
    return True


def default_cache() -> ParsedCache | None:
    """The cache in the user's cache folder; None when there is no such folder to be had."""
    from desktop import paths

    try:
        return ParsedCache(paths.user_cache_dir() / "parsed-rules")
    except Exception:  # no home folder, or platformdirs missing: load without a cache
        return None
