"""A progress line for a person watching a terminal, and silence for everyone else.

Under systemd, cron, a pipe or a test, stderr is no terminal and nothing is
written, so logs hold no carriage-return noise.
"""

import time
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

Item = TypeVar("Item")

# Seconds between two redraws: often enough to look alive, rarely enough to cost nothing.
REDRAW_SECONDS = 0.25


def format_progress(label: str, done: int, total: int | None, elapsed: float) -> str:
    """`inbox: handled 12 of 40, 3.1 msg/s`; without a known total, `handled 12, …`."""
    count = f"{done} of {total}" if total is not None else str(done)
    rate = done / elapsed if elapsed > 0 else 0.0
    return f"{label}: handled {count}, {rate:.1f} msg/s"


class ProgressLine:
    """Counts items as a loop takes them and redraws one line in place (`\\r`).

    Holds no state between loops, so one instance may serve a whole cycle.
    """

    def __init__(self, stream: TextIO | None, clock: Callable[[], float] = time.monotonic) -> None:
        self._stream = stream if stream is not None and stream.isatty() else None
        self._clock = clock

    def track(self, label: str, items: Iterable[Item], total: int | None = None) -> Iterator[Item]:
        """Yield `items`; each one counts as handled when the loop asks for the next.

        The line appears before the first item (a slow server shows as a
        standing count) and stays, ended by a newline, once the loop ends by
        exhaustion, `break` or an exception.
        """
        stream = self._stream
        if stream is None:
            yield from items
            return
        started = last_drawn = self._clock()
        done = 0
        _draw(stream, format_progress(label, done, total, 0.0))
        try:
            for item in items:
                yield item
                done += 1
                now = self._clock()
                if now - last_drawn >= REDRAW_SECONDS:
                    _draw(stream, format_progress(label, done, total, now - started))
                    last_drawn = now
        finally:
            elapsed = self._clock() - started
            _draw(stream, format_progress(label, done, total, elapsed) + "\n")


def _draw(stream: TextIO, line: str) -> None:
    """Back to the start of the line, clear it, write; flushed, as stderr may buffer."""
    stream.write("\r\x1b[K" + line)
    stream.flush()


SILENT = ProgressLine(None)
