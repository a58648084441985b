"""A file's bytes read with the operating system's own calls (`os.open`, `os.read`).

A load reads some two hundred small files (the rule files, the parsed-file cache's entries, the
schema files); Python's buffered file objects cost each of them about twice what the reading
itself does, and nothing of what they add (a buffer, text modes) is used here.
"""

from __future__ import annotations

import os

_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)  # (O_BINARY: no line-end changes on Windows)
_PART = 1 << 16  # bytes asked for at once past what the size said


def read_bytes(path: str | os.PathLike, first: int | None = None, limit: int | None = None) -> bytes:
    """The bytes of the file at `path`: `first` of them (its size and one more when not given,
    so that one read does for a file that did not change), and when it holds that many, on to
    its end, or to `limit` bytes when given (in parts: asking far past the end of a file whose
    size says 0, such as one of the kernel's, sets no memory aside). OSError passes through."""
    fd = os.open(path, _FLAGS)
    try:
        if first is None:
            first = os.fstat(fd).st_size + 1
        if limit is not None:
            first = min(first, limit)
        raw = _read(fd, first)
        if len(raw) < first:
            return raw
        parts = [raw]
        got = len(raw)
        while limit is None or got < limit:
            part = os.read(fd, _PART if limit is None else min(_PART, limit - got))
            if not part:
                break
            parts.append(part)
            got += len(part)
        return b"".join(parts)
    finally:
        os.close(fd)


def _read(fd: int, n: int) -> bytes:
    """`n` bytes of `fd`, fewer only at its end (a read may give less than it was asked)."""
    raw = os.read(fd, n)
    if len(raw) == n or not raw:
        return raw
    parts = [raw]
    got = len(raw)
    while got < n:
        part = os.read(fd, n - got)
        if not part:
            break
        parts.append(part)
        got += len(part)
    return b"".join(parts)
