"""Where one message's time goes, stage by stage, for its log line and the metrics."""

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager


class Stopwatch:
    """Wall time per named stage. Time spent in a stage nested inside another
    counts only for the inner one, so the stages add up to the whole and a
    histogram per stage means what it says."""

    def __init__(self) -> None:
        self.seconds: defaultdict[str, float] = defaultdict(float)
        self._nested: list[float] = []

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        self._nested.append(0.0)
        try:
            yield
        finally:
            elapsed = time.perf_counter() - started
            self.seconds[name] += elapsed - self._nested.pop()
            if self._nested:
                self._nested[-1] += elapsed

    def milliseconds(self) -> dict[str, float]:
        """`<stage>_ms` fields for a log line, rounded to a tenth."""
        return {f"{name}_ms": round(seconds * 1000, 1) for name, seconds in self.seconds.items()}
