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
    told apart by the sha256 of their bytes instead.
    """

    source: str
    folder: str
    raw: bytes = field(repr=False)
    arrived_at: datetime
    uidvalidity: int | None = None
    uid: int | None = None
    location: str = ""


class Source(Protocol):
    """A mailbox the conductor can read; local sources are read-only."""

    name: str

    def fetch_new(self) -> Iterator[FetchedMessage]:
        """Yield every message the source holds that may not be handled yet."""
        ...

    def mark_handled(self, message: FetchedMessage, verdict: str) -> None:
        """Move or flag a message once its analysis is committed."""
        ...
