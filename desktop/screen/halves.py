"""A list of pure Python work done in two processes: every other item in a forked child.

Settling the open outcomes of a register is the reference engine's work, one case at a time, on
one core, while DuckDB's threads wait. A forked child starts with the rules loaded and the
engine's caches warm (copied on write), so it can take half of the cases at once; only its
results come back, pickled through a pipe. Where fork is not how the platform starts processes
(macOS, Windows), or the list is short, or the child fails in any way, the work is done here:
a result is never lost, only made by this process instead.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

LEAST = 400  # fewer items than this are not worth a second process


def can_fork() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def splits(count: int, least: int = LEAST) -> bool:
    """Whether map_in_two gives half of `count` items to a second process."""
    return count >= least and can_fork()


def map_in_two(fn: Callable[[T], R], items: Sequence[T], least: int = LEAST) -> list[R]:
    """[fn(x) for x in items], in order, the odd-numbered items done by a forked child."""
    if not splits(len(items), least):
        return [fn(x) for x in items]
    ctx = multiprocessing.get_context("fork")
    reader, writer = ctx.Pipe(duplex=False)
    theirs_items = items[1::2]
    child = ctx.Process(target=_child, args=(fn, theirs_items, writer), daemon=True)
    child.start()
    writer.close()
    try:
        ours = [fn(x) for x in items[0::2]]
        try:
            theirs = reader.recv()
        except (EOFError, OSError):
            theirs = None
    finally:
        reader.close()
        child.join()
    if not isinstance(theirs, list) or len(theirs) != len(theirs_items):
        theirs = [fn(x) for x in theirs_items]
    out: list = [None] * len(items)
    out[0::2], out[1::2] = ours, theirs
    return out


def _child(fn, items, writer) -> None:
    try:
        try:
            writer.send([fn(x) for x in items])
        except BaseException:  # the parent does this half itself and reports what goes wrong
            writer.send(None)
    except BaseException:
        pass
    finally:
        writer.close()
