"""Where one message's time goes, stage by stage, for its log line and the metrics."""

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager


class Stopwatch:
    """Wall time per named stage. The stages follow one another (none runs
    inside another), so they add up to the message's time and a histogram
    per stage means what it says."""

    def __init__(self) -> None:
        self.seconds: defaultdict[str, float] = defaultdict(float)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - started

    def milliseconds(self) -> dict[str, float]:
        """`<stage>_ms` fields for a log line, rounded to a tenth."""
        return {f"{name}_ms": round(seconds * 1000, 1) for name, seconds in self.seconds.items()}
