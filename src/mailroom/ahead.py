"""Reading several messages at once, concluding them in arrival order.

The slow part of a message is `pipeline.read`: judging it, which for mail
holding a PDF happens in a worker process (MIME, rules and PDF text). While
the workers judge some messages, this process stores the next ones and
concludes those judged, so both cores stay busy. As many messages are read
at once as there are PDF workers (each reading thread hands its message to
whichever worker is free), and at most twice that many wait to be concluded.

Conclusion stays in arrival order: whether a message is a supplement to a
person's earlier complete application, and how many replies an address has
had, depend on the messages before it.
"""

import logging
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor

import parse
from ingest import FetchedMessage, IngestError, Source
from mailroom.app import App
from mailroom.pipeline import Outcome, Received, conclude, failed, read, receive
from mailroom.stopwatch import Stopwatch

log = logging.getLogger("mailroom.cycle")

Concluded = tuple[FetchedMessage, Outcome]


class ReadAhead:
    """Messages being read, in the order they are to be concluded."""

    def __init__(self, app: App, source: Source) -> None:
        self.app = app
        self.source = source
        width = app.settings.limits.pdf_workers
        self._readers = ThreadPoolExecutor(width, thread_name_prefix="read")
        self._waiting_most = 2 * width
        self._pending: deque[tuple[Received, Stopwatch, Future[parse.Analysis]]] = deque()

    def take(self, fetched: FetchedMessage, watch: Stopwatch) -> Iterator[Concluded]:
        """Store `fetched` and start reading it (or conclude it at once when
        there is nothing to read); conclude whatever is ready at the head, and
        wait for the head while too many are waiting."""
        try:
            received = receive(self.app, self.source, fetched, watch)
        except IngestError:
            raise
        except Exception as exc:
            yield fetched, _not_stored(fetched, exc)
            return
        if isinstance(received, Outcome):
            yield fetched, received
            return
        future = self._readers.submit(read, self.app, received, watch)
        self._pending.append((received, watch, future))
        while self._pending and (
            self._pending[0][2].done() or len(self._pending) > self._waiting_most
        ):
            yield self._conclude_head()

    def rest(self) -> Iterator[Concluded]:
        """Conclude everything still being read, waiting for each in turn."""
        while self._pending:
            yield self._conclude_head()

    def close(self) -> None:
        """Let reads in progress finish; what they found is not used (their
        messages stay stored and are judged again next cycle)."""
        self._readers.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> "ReadAhead":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _conclude_head(self) -> Concluded:
        received, watch, future = self._pending.popleft()
        fetched = received.fetched
        try:
            analysis = future.result()
        except Exception as exc:
            return fetched, failed(self.app, self.source, received, exc)
        try:
            return fetched, conclude(self.app, self.source, received, analysis, watch)
        except IngestError:
            raise
        except Exception as exc:
            return fetched, _not_stored(fetched, exc)


def _not_stored(fetched: FetchedMessage, exc: Exception) -> Outcome:
    """The store itself failed (not the message): it stays for the next cycle."""
    log.error(
        "message at %s could not be stored (%s); it stays for the next cycle",
        fetched.location,
        type(exc).__name__,
    )
    log.debug("traceback", exc_info=True)
    return Outcome(None, error=type(exc).__name__)
