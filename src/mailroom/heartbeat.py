"""Whether the daemon's work still moves, for systemd's watchdog."""

import threading
import time


class Heartbeat:
    """Work beats once per message and per job; the watchdog asks how long it
    has been quiet while some job is running. An idle daemon (no job running)
    is healthy however long the quiet lasts."""

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._running = 0
        self._last = time.monotonic()

    def beat(self) -> None:
        with self._lock:
            self._last = time.monotonic()

    def job_started(self) -> None:
        with self._lock:
            self._running += 1
            self._last = time.monotonic()

    def job_finished(self) -> None:
        with self._lock:
            self._running -= 1
            self._last = time.monotonic()
            self._lock.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        """Wait until no job runs; False when one still did after `timeout`."""
        with self._lock:
            return self._lock.wait_for(lambda: self._running == 0, timeout)

    def stalled_for(self) -> float:
        """Seconds a running job has gone without a beat; 0 when none runs."""
        with self._lock:
            return time.monotonic() - self._last if self._running else 0.0
