"""A progress line on a terminal for runs longer than a second; nothing when piped.

For the columnar engine it polls DuckDB's own progress of the running query; for the row-wise
engine the caller ticks with the row number.
"""

from __future__ import annotations

import sys
import threading
import time

WIDTH = 30
DELAY = 1.0  # seconds before anything is shown


class Progress:
    def __init__(self, stream=None, total: int | None = None):
        self.stream = stream or sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.start = time.monotonic()
        self.total = total
        self.label = "read"
        self._con = None
        self._stop = threading.Event()
        self._thread = None
        self._shown = False
        self._last = 0.0

    def attach(self, con) -> None:
        """Poll DuckDB's progress of whatever query runs on `con`."""
        if not self.enabled:
            return
        self._con = con
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()

    def phase(self, label: str) -> None:
        self.label = label

    def _poll(self) -> None:
        while not self._stop.wait(0.2):
            try:
                share = self._con.query_progress()
            except Exception:
                share = -1
            if share is not None and share >= 0:
                self._draw(share / 100.0 if share > 1 else share)

    def tick(self, done: int) -> None:
        if not self.enabled or not self.total:
            return
        now = time.monotonic()
        if now - self._last >= 0.2:
            self._last = now
            self._draw(done / self.total)

    def _draw(self, share: float) -> None:
        if time.monotonic() - self.start < DELAY:
            return
        share = min(max(share, 0.0), 1.0)
        filled = int(WIDTH * share)
        self.stream.write(f"\r{self.label:<9} [{'#' * filled}{'.' * (WIDTH - filled)}] {share * 100:5.1f}%")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=1)
        if self._shown:
            self.stream.write("\r" + " " * (WIDTH + 20) + "\r")
            self.stream.flush()
