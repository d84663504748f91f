"""A progress line on stderr for people at a terminal; silent for systemd and pipes.

Under systemd, cron, a pipe or a test, stderr is no terminal and nothing is
written: the journal and the caller get the final summary, not a stream of
carriage-return updates.
"""

import time
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

from notify import DeliveryReport

Item = TypeVar("Item")

# Seconds between two redraws while counting: often enough to look alive,
# rarely enough to cost nothing.
REDRAW_SECONDS = 0.25


def format_progress(label: str, done: int, total: int | None, elapsed: float) -> str:
    """`inbox: handled 12 of 40, 3.0 msg/s`; without a known total, `handled 12, …`."""
    count = f"{done} of {total}" if total is not None else str(done)
    rate = done / elapsed if elapsed > 0 else 0.0
    return f"{label}: handled {count}, {rate:.1f} msg/s"


class ProgressLine:
    """Rewrites one line in place while work runs, only when `stream` is a terminal.

    `show` and the context manager serve a caller that draws its own text and
    wants the line gone at the end; `track` counts the items of a loop and
    leaves its last count standing.
    """

    def __init__(self, stream: TextIO | None, clock: Callable[[], float] = time.monotonic) -> None:
        self._stream = stream if stream is not None and stream.isatty() else None
        self._clock = clock
        self._started = clock()
        self._width = 0

    def show(self, text: str) -> None:
        if self._stream is None:
            return
        self._stream.write("\r" + text.ljust(self._width))
        self._stream.flush()
        self._width = len(text)

    def show_delivery(self, report: DeliveryReport, total: int) -> None:
        """`sent 40 of 200 (1.0/s)`: replies handled so far, of those due at the start."""
        elapsed = max(self._clock() - self._started, 1e-9)
        self.show(f"sent {report.attempted} of {total} ({report.attempted / elapsed:.1f}/s)")

    def track(self, label: str, items: Iterable[Item], total: int | None = None) -> Iterator[Item]:
        """Yield `items`; each one counts as handled when the loop asks for the next.

        The line appears before the first item (a slow server shows as a
        standing count) and stays, ended by a newline, once the loop ends by
        exhaustion, `break` or an exception.
        """
        if self._stream is None:
            yield from items
            return
        started = last_drawn = self._clock()
        done = 0
        self.show(format_progress(label, done, total, 0.0))
        try:
            for item in items:
                yield item
                done += 1
                now = self._clock()
                if now - last_drawn >= REDRAW_SECONDS:
                    self.show(format_progress(label, done, total, now - started))
                    last_drawn = now
        finally:
            self.show(format_progress(label, done, total, self._clock() - started))
            self._stream.write("\n")
            self._width = 0

    def __enter__(self) -> "ProgressLine":
        return self

    def __exit__(self, *_: object) -> None:
        if self._stream is not None and self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()


SILENT = ProgressLine(None)
