"""Work-arounds for bugs in the Qt bindings themselves, each detected before it is applied.

PySide6 6.12.0 on Python 3.11 returns `None` from every C++ method that returns nothing
(`setText`, `update`, `super().changeEvent(...)`, ...) without taking a reference to it. Each
call leaves `None`'s reference count one lower; after some thousands of calls (a few minutes of
use, or one test run) it reaches zero and Python aborts with "deallocating None". PySide6 6.11
does not do this, and on Python 3.12 and later `None` is immortal, so it cannot happen there.

Where the bug is found, `None` is made immortal by hand, as Python 3.12 does: its reference count
is raised so far that no number of lost references can bring it to zero. `None` is a static object
that is never freed, so this changes nothing else.
"""

from __future__ import annotations

import ctypes
import sys

_applied = False


def void_calls_lose_none() -> bool:
    """True when calling a method that returns nothing drops a reference to None (the bug)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(20):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 10


def keep_none_alive() -> bool:
    """Make None immortal if the bindings lose references to it; True when that was needed."""
    global _applied
    if _applied:
        return True
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return False  # immortal already, or a debug build with a different object header
    if not void_calls_lose_none():
        return False
    cell = ctypes.c_ssize_t.from_address(id(None))
    if abs(cell.value - sys.getrefcount(None)) > 2:  # not the layout we expect: leave it alone
        return False
    cell.value += 1 << 40
    _applied = True
    return True
