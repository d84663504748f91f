"""Push: wait in IMAP IDLE (RFC 2177) on one folder and say when mail arrives.

The watcher holds its own connection, apart from the one a cycle reads
with, so waiting never blocks reading. It only tells the conductor that
something changed; what is new is still decided by the source's UID search.
IDLE is ended and re-issued every `renew_seconds`, well inside the 29
minutes after which RFC 2177 lets a server drop an idle client. A dropped
connection is opened again after a growing, jittered pause; a server
without IDLE makes the watcher stop, leaving the conductor's interval poll.
"""

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from imapclient import IMAPClient

from ingest.errors import IngestError
from ingest.imap_connection import NETWORK_ERRORS, ImapServer, close_quietly, connect

log = logging.getLogger("mailroom.ingest")

# How often a waiting watcher looks up to see whether it should stop.
STOP_CHECK_SECONDS = 1.0
ARRIVALS = frozenset({b"EXISTS", b"RECENT"})


class ConnectionDropped(Exception):
    """The server said BYE or closed the connection while we were idle."""


@dataclass(frozen=True)
class Backoff:
    """Pauses between reconnections: doubling from `first_seconds` up to
    `longest_seconds`, each with up to half again of random jitter, so many
    clients that lost one server do not all return at the same instant."""

    first_seconds: float = 1.0
    longest_seconds: float = 300.0

    def pause(self, failures: int) -> float:
        delay = min(self.first_seconds * 2.0 ** max(failures - 1, 0), self.longest_seconds)
        return delay + random.uniform(0, delay / 2)  # noqa: S311 - jitter, not crypto


@dataclass(frozen=True)
class WatchEvents:
    """What the watcher tells its owner: mail arrived (or may have, after a
    reconnection), or the connection failed with this error."""

    changed: Callable[[], None]
    failed: Callable[[Exception], None]


class InboxWatcher:
    """IDLE on one folder of one account until `stopping` is set."""

    def __init__(
        self,
        server: ImapServer,
        folder: str,
        events: WatchEvents,
        stopping: threading.Event,
        renew_seconds: float = 20 * 60,
        backoff: Backoff = Backoff(),
    ) -> None:
        self.server = server
        self.folder = folder
        self.events = events
        self.stopping = stopping
        self.renew_seconds = renew_seconds
        self.backoff = backoff

    def run(self) -> None:
        """Watch until stopped; returns early only when the server lacks IDLE."""
        failures = 0
        while not self.stopping.is_set():
            try:
                client = connect(self.server, sleep=self._pause)
            except IngestError as exc:
                failures = self._failed(exc, failures)
                continue
            try:
                if not client.has_capability("IDLE"):
                    log.info("%s offers no IDLE; polling at the interval", self.server.host)
                    return
                client.select_folder(self.folder, readonly=True)
                if failures:
                    log.warning("IDLE on %s answers again", self.server.host)
                    self.events.changed()  # mail may have come while we were away
                failures = 0
                self._wait(client)
            except (*NETWORK_ERRORS, ConnectionDropped) as exc:
                failures = self._failed(exc, failures)
            finally:
                close_quietly(client)

    def _pause(self, seconds: float) -> None:
        self.stopping.wait(seconds)

    def _failed(self, exc: Exception, failures: int) -> int:
        failures += 1
        self.events.failed(exc)
        pause = self.backoff.pause(failures)
        (log.warning if failures == 1 else log.debug)(
            "IDLE on %s failed (%s); again in %.0f s", self.server.host, type(exc).__name__, pause
        )
        self._pause(pause)
        return failures

    def _wait(self, client: IMAPClient) -> None:
        """Idle in rounds of `renew_seconds`, ending each round with DONE."""
        while not self.stopping.is_set():
            client.idle()
            try:
                self._one_round(client, time.monotonic() + self.renew_seconds)
            finally:
                client.idle_done()

    def _one_round(self, client: IMAPClient, renew_at: float) -> None:
        """Until it is time to renew: report arrivals; raise on BYE.

        imapclient returns an empty list, rather than raising, when the
        server closed the socket; an early empty answer therefore ends the
        round, and the DONE that follows finds out whether the connection
        still stands.
        """
        while not self.stopping.is_set():
            timeout = min(STOP_CHECK_SECONDS, renew_at - time.monotonic())
            if timeout <= 0:
                return
            started = time.monotonic()
            responses = client.idle_check(timeout=timeout)
            kinds = {r[1] for r in responses if len(r) > 1} | {r[0] for r in responses}
            if b"BYE" in kinds:
                raise ConnectionDropped(f"{self.server.host} said BYE")
            if kinds & ARRIVALS:
                self.events.changed()
            elif not responses and time.monotonic() - started < timeout / 2:
                return
