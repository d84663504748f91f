"""Reading several messages at once, concluding them in arrival order.

The slow part of a message is `pipeline.read`: judging it, which for mail
holding a PDF happens in a worker process (MIME, rules and PDF text). While
the workers judge some messages, this process stores the next ones and
concludes those judged, so both cores stay busy. As many messages are read
at once as there are PDF workers (each reading thread hands its message to
whichever worker is free); twice that many are stored at once, so the next
ones are queued for the workers while they read, and at most twice that
many again wait to be concluded.

Conclusion stays in arrival order: whether a message is a supplement to a
person's earlier complete application, and how many replies an address has
had, depend on the messages before it.

With other instances on the database, their idle workers may judge some
of the stored messages (mailroom.preparing): so that there are some for them
to take, as many more are stored ahead as there are instances. Whether there
are others is asked again before each group is stored, so an instance
started to help with a long backlog helps with the rest of it.
"""

import logging
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor

import parse
from ingest import FetchedMessage, IngestError, Source
from mailroom.app import App
from mailroom.pipeline import (
    Arrival,
    Judged,
    Outcome,
    Received,
    conclude_all,
    failed,
    read_ahead,
    receive_all,
)
from mailroom.preparing import instances_now, sharing_for
from mailroom.replies import Foreseen
from mailroom.stopwatch import Stopwatch

log = logging.getLogger("mailroom.cycle")

Concluded = tuple[FetchedMessage, Outcome]
Read = tuple[parse.Analysis, Foreseen | None]


class ReadAhead:
    """Messages being read, in the order they are to be concluded.

    Writes are grouped to spare commits, each of which waits for the disk: the
    bytes of twice as many messages as are read at once are committed together
    before any of them is read, and the messages read by the time one is to
    be concluded are concluded together (`pipeline.receive_all`,
    `pipeline.conclude_all`).
    """

    def __init__(self, app: App, source: Source) -> None:
        self.app = app
        self.source = source
        self._width = app.settings.limits.pdf_workers
        self._readers = ThreadPoolExecutor(self._width, thread_name_prefix="read")
        self._sharing = sharing_for(app)
        self._instances = self._count_instances()
        self._arrivals: list[Arrival] = []
        self._pending: deque[tuple[Received, Stopwatch, Future[Read]]] = deque()

    def take(self, fetched: FetchedMessage, watch: Stopwatch) -> Iterator[Concluded]:
        """Take `fetched`; once as many have arrived as are stored at once, store
        them and start reading them (or conclude at once those with nothing to
        read), then conclude what is ready at the head, waiting for the head
        while too many are waiting."""
        self._arrivals.append((fetched, watch))
        if len(self._arrivals) < self._stored_at_once:
            return
        yield from self._receive()
        self._instances = self._count_instances()
        while self._pending and (
            self._pending[0][2].done() or len(self._pending) > 2 * self._stored_at_once
        ):
            yield from self._conclude_ready()

    @property
    def _stored_at_once(self) -> int:
        return 2 * self._width * self._instances

    def _count_instances(self) -> int:
        """The instances that may judge this source's messages now: all of them
        on the database where they share, else this one."""
        return instances_now(self.app) if self._sharing else 1

    def rest(self) -> Iterator[Concluded]:
        """Store what arrived last, and conclude everything, waiting for each in turn."""
        yield from self._receive()
        while self._pending:
            yield from self._conclude_ready()

    def close(self) -> None:
        """Let reads in progress finish; what they found is not used (their
        messages stay stored and are judged again next cycle)."""
        self._readers.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> "ReadAhead":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _receive(self) -> Iterator[Concluded]:
        arrivals, self._arrivals = self._arrivals, []
        if not arrivals:
            return
        try:
            results = receive_all(self.app, self.source, arrivals)
        except IngestError:
            raise
        except Exception as exc:
            results = [exc] * len(arrivals)
        for (fetched, watch), received in zip(arrivals, results, strict=True):
            if isinstance(received, Exception):
                yield fetched, _not_stored(fetched, received)
            elif isinstance(received, Outcome):
                yield fetched, received
            else:
                sharing = self._sharing if self._instances > 1 else None
                future = self._readers.submit(read_ahead, self.app, received, watch, sharing)
                self._pending.append((received, watch, future))

    def _conclude_ready(self) -> Iterator[Concluded]:
        """Conclude the head, waiting for it, with those behind it already read."""
        ready = [self._pending.popleft()]
        while self._pending and self._pending[0][2].done():
            ready.append(self._pending.popleft())
        judged: list[Judged] = []
        for received, watch, future in ready:
            try:
                analysis, foreseen = future.result()
                judged.append((received, analysis, watch, foreseen))
            except Exception as exc:
                yield from self._conclude(judged)
                judged = []
                yield received.fetched, failed(self.app, self.source, received, exc)
        yield from self._conclude(judged)

    def _conclude(self, judged: list[Judged]) -> Iterator[Concluded]:
        if not judged:
            return
        try:
            outcomes = conclude_all(self.app, self.source, judged)
        except IngestError:
            raise
        except Exception as exc:
            outcomes = [_not_stored(received.fetched, exc) for received, *_ in judged]
        for (received, *_), outcome in zip(judged, outcomes, strict=True):
            yield received.fetched, outcome


def _not_stored(fetched: FetchedMessage, exc: Exception) -> Outcome:
    """The store itself failed (not the message): it stays for the next cycle."""
    log.error(
        "message at %s could not be stored (%s); it stays for the next cycle",
        fetched.location,
        type(exc).__name__,
    )
    log.debug("traceback", exc_info=True)
    return Outcome(None, error=type(exc).__name__)
