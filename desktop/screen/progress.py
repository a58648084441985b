"""A progress line on a terminal for runs longer than a second; nothing when piped.

For the columnar engine it polls DuckDB's own progress of the running query (DuckDB keeps none
unless asked: `enable_progress_bar` is switched on for the connection, its own printing off);
for the row-wise engine the caller ticks with the row number, and without a known total the
line counts rows instead of showing a share; settling ticks with the cases done.
"""

from __future__ import annotations

import os
import sys
import threading
import time

WIDTH = 30
DELAY = 1.0  # seconds before anything is shown
EVERY = 0.2  # seconds between two drawings

PHASES = {  # what the line says is being done, Korean and English
    "read": ("읽기", "read"),
    "evaluate": ("평가", "evaluate"),
    "settle": ("확정", "settle"),
    "write": ("쓰기", "write"),
}


class Progress:
    def __init__(self, stream=None, total: int | None = None, lang: str = "ko"):
        self.stream = stream or sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.start = time.monotonic()
        self.total = total
        self.lang = lang
        self.label = "read"
        self._con = None
        self._stop = threading.Event()
        self._thread = None
        self._shown = False
        self._last = 0.0
        self._pid = os.getpid()
        self._ticked = False

    def attach(self, con) -> None:
        """Poll DuckDB's progress of whatever query runs on `con`."""
        if not self.enabled:
            return
        con.execute("SET enable_progress_bar = true")
        con.execute("SET enable_progress_bar_print = false")
        self._con = con
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()

    def phase(self, label: str) -> None:
        self.label = label
        self._ticked = False  # a phase that ticks is drawn by its ticks alone

    def _poll(self) -> None:
        while not self._stop.wait(EVERY):
            try:
                percent = self._con.query_progress()
            except Exception:  # the connection is closing: nothing to show
                percent = -1
            if percent is not None and percent >= 0 and not self._ticked:
                self._draw(f"[{self._bar(percent / 100.0)}] {min(percent, 100.0):5.1f}%")

    def tick(self, done: int, total: int | None = None) -> None:
        """`done` of `total` (of the total given at the start when None; rows counted when
        neither is known). Only the process that made this line draws it (not a forked child)."""
        if not self.enabled or os.getpid() != self._pid:
            return
        now = time.monotonic()
        if now - self._last < EVERY:
            return
        self._last = now
        self._ticked = True
        total = total or self.total
        if total:
            share = min(done / total, 1.0)
            self._draw(f"[{self._bar(share)}] {100.0 * share:5.1f}%")
        else:
            self._draw(f"{done:,}행" if self.lang == "ko" else f"{done:,} rows")

    @staticmethod
    def _bar(share: float) -> str:
        filled = int(WIDTH * min(max(share, 0.0), 1.0))
        return "#" * filled + "." * (WIDTH - filled)

    def _draw(self, what: str) -> None:
        if time.monotonic() - self.start < DELAY:
            return
        ko, en = PHASES.get(self.label, (self.label, self.label))
        self.stream.write(f"\r{ko if self.lang == 'ko' else en:<9} {what}")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=1)
            self._thread = None
        if self._shown:
            self.stream.write("\r" + " " * (WIDTH + 20) + "\r")
            self.stream.flush()
            self._shown = False
