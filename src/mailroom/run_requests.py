"""Asking a scheduled job to run now, without piling up runs."""

import threading
from collections.abc import Callable


class RunRequests:
    """Requests to run one job now, coalesced.

    A request starts the job at once through `start_now`; one made while the
    job runs makes that run go round once more when it ends (its view of the
    mailbox or the outbox may predate what prompted the request), rather than
    being refused by the scheduler as a second instance.
    """

    def __init__(self, start_now: Callable[[], None]) -> None:
        self._start_now = start_now
        self._lock = threading.Lock()
        self._running = False
        self._again = False

    def request(self) -> None:
        with self._lock:
            if self._running:
                self._again = True
                return
        self._start_now()

    def serve(self, work: Callable[[], None]) -> None:
        """Do `work`, and again while requests came in meanwhile."""
        with self._lock:
            self._running = True
        try:
            while True:
                with self._lock:
                    self._again = False
                work()
                with self._lock:
                    if not self._again:
                        return
        finally:
            with self._lock:
                self._running = False
