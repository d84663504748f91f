"""Read-only Maildir and mbox sources: a firm's exported mailbox is real input.

Neither source changes a file; "handled" is remembered by the store (which
knows each local message by source name and sha256), so marking is a no-op,
and the backlog is what the store's ledger does not count as handled.
"""

import hashlib
import logging
import mailbox
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from ingest.errors import SourceUnavailable
from ingest.message import FetchedMessage
from ingest.received import arrival_time

log = logging.getLogger("mailroom.ingest")

# Maildir names begin with the delivery time (since 1995); a number outside
# these years is something else. Fixed bounds: the wall clock decides nothing here.
_PLAUSIBLE_STAMPS = range(788918400, 4102444800)  # 1995-01-01 up to 2100-01-01


class Ledger(Protocol):
    """What the store knows of a local source's messages (the daemon's is the store)."""

    def unhandled(self, source: str, digests: list[str]) -> int:
        """How many of these sha256 digests are neither handled nor erased."""
        ...


class _LocalSource:
    """Shared reading loop; subclasses say how to open their mailbox.

    Without a `ledger` nothing is known to be handled, so every message counts
    as backlog.
    """

    folder = ""

    def __init__(
        self,
        name: str,
        path: Path,
        trusted_received_by: tuple[str, ...] = (),
        ledger: Ledger | None = None,
    ) -> None:
        self.name = name
        self.path = path
        self.trusted_received_by = trusted_received_by
        self.ledger = ledger

    def _open(self) -> mailbox.Mailbox:
        raise NotImplementedError

    def _delivery_time(self, box: mailbox.Mailbox, key: str) -> datetime:
        """Arrival time to use when no trusted `Received:` header dates the message."""
        raise NotImplementedError

    def fetch_new(self) -> Iterator[FetchedMessage]:
        """Yield every message, oldest key first, with its arrival time: the
        topmost `Received:` a trusted host added, else the delivery time."""
        if not self.path.exists():
            raise SourceUnavailable(f"source {self.name!r}: {self.path} does not exist")
        box = self._open()
        try:
            for key in sorted(box.keys()):
                raw = box.get_bytes(key)
                yield FetchedMessage(
                    source=self.name,
                    folder=self.folder,
                    raw=raw,
                    arrived_at=arrival_time(raw, self.trusted_received_by)
                    or self._delivery_time(box, key),
                    location=str(key),
                )
        finally:
            box.close()

    def backlog(self) -> int:
        """Messages in the folder the store has not handled, by the sha256 of
        their bytes, the key the store knows local messages by; reading every
        file is cheap next to judging one."""
        if not self.path.exists():
            raise SourceUnavailable(f"source {self.name!r}: {self.path} does not exist")
        box = self._open()
        try:
            digests = [hashlib.sha256(box.get_bytes(key)).hexdigest() for key in box.iterkeys()]
        finally:
            box.close()
        return self.ledger.unhandled(self.name, digests) if self.ledger else len(digests)

    def mark_handled(self, message: FetchedMessage, verdict: str) -> None:
        """Leave the file alone: local sources are read-only by design."""
        log.debug("local message %s handled as %s", message.location, verdict)

    def close(self) -> None:
        """Nothing stays open between reads of a local folder."""


class MaildirSource(_LocalSource):
    """A Maildir folder (`cur/` and `new/`), for example `examples/inbox/`."""

    def _open(self) -> mailbox.Mailbox:
        return mailbox.Maildir(self.path, factory=None, create=False)

    def _delivery_time(self, box: mailbox.Mailbox, key: str) -> datetime:
        """When the file was delivered: the time a Maildir name starts with
        ("1766135703.M1P2.host"), which a copy or checkout keeps, else the
        file's modification time, which Maildir sets at delivery."""
        stamp = key.partition(".")[0]
        if stamp.isdigit() and int(stamp) in _PLAUSIBLE_STAMPS:
            return datetime.fromtimestamp(int(stamp), UTC)
        message = box.get_message(key)
        assert isinstance(message, mailbox.MaildirMessage)
        return datetime.fromtimestamp(message.get_date(), UTC)


class MboxSource(_LocalSource):
    """One mbox file, as exported by most mail clients."""

    def _open(self) -> mailbox.Mailbox:
        return mailbox.mbox(self.path, factory=None, create=False)

    def _delivery_time(self, box: mailbox.Mailbox, key: str) -> datetime:
        """The date on the mbox `From ` separator line, written at delivery."""
        message = box.get_message(key)
        assert isinstance(message, mailbox.mboxMessage)
        stamp = " ".join(message.get_from().split()[1:])
        try:
            return datetime.strptime(stamp, "%a %b %d %H:%M:%S %Y").replace(tzinfo=UTC)
        except ValueError:
            return datetime.fromtimestamp(self.path.stat().st_mtime, UTC)
