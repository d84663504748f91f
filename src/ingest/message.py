"""The value a source hands to the conductor, and the port every source fills."""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class FetchedMessage:
    """One message exactly as it sits in the mailbox.

    `arrived_at` is the server's arrival time (IMAP INTERNALDATE, or the
    topmost `Received:` date for local sources), timezone-aware; every later
    decision about the message is made relative to it, never to `Date:`.
    `uidvalidity` and `uid` are None for local sources, whose messages are
    told apart by the sha256 of their bytes instead. `size` is the size the
    server reported when `raw` holds only the headers of an oversized message.
    """

    source: str
    folder: str
    raw: bytes = field(repr=False)
    arrived_at: datetime
    uidvalidity: int | None = None
    uid: int | None = None
    location: str = ""
    size: int | None = None

    @property
    def original_size(self) -> int:
        """The size on the server; larger than `raw` when only headers were fetched."""
        return self.size if self.size is not None else len(self.raw)


def headers_only(raw: bytes) -> bytes:
    """The header block of a message and the blank line that ends it."""
    for separator in (b"\r\n\r\n", b"\n\n"):
        head, found, _ = raw.partition(separator)
        if found:
            return head + separator
    return raw


class Source(Protocol):
    """A mailbox the conductor can read; local sources are read-only."""

    name: str

    def fetch_new(self) -> Iterator[FetchedMessage]:
        """Yield every message the source holds that may not be handled yet."""
        ...

    def mark_handled(self, message: FetchedMessage, verdict: str) -> None:
        """Move or flag a message once its analysis is committed."""
        ...

    def close(self) -> None:
        """End the session `fetch_new` opened, once every message is handled."""
        ...

    def backlog(self) -> int:
        """How many messages wait unhandled, counted live with one quick contact
        (for `mailroom status`); SourceUnavailable when the source does not answer."""
        ...
