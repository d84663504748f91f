"""A progress line on stderr for people at a terminal; silent for systemd and pipes."""

import time
from typing import TextIO

from notify import DeliveryReport


class ProgressLine:
    """Rewrites one line in place while work runs, and clears it at the end.

    Only when `stream` is a terminal: under systemd or in a pipe the
    journal and the caller get the final summary, not a stream of updates.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.active = stream.isatty()
        self._started = time.monotonic()
        self._width = 0

    def show(self, text: str) -> None:
        if not self.active:
            return
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = len(text)

    def show_delivery(self, report: DeliveryReport, total: int) -> None:
        """`sent 40 of 200 (1.0/s)`: replies handled so far, of those due at the start."""
        elapsed = max(time.monotonic() - self._started, 1e-9)
        self.show(f"sent {report.attempted} of {total} ({report.attempted / elapsed:.1f}/s)")

    def __enter__(self) -> "ProgressLine":
        return self

    def __exit__(self, *_: object) -> None:
        if self.active and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
