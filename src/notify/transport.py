"""Where finished replies go: the port, and the file outbox of the embedded default."""

import os
import re
from pathlib import Path
from typing import Protocol

_UNSAFE = re.compile(r"[^A-Za-z0-9._@-]+")


class DeliveryFailed(Exception):
    """The peer did not take the message; `temporary` says whether to try again.

    `answer` is the peer's own words (an SMTP reply, an OS error), kept in the
    delivery history. `in_doubt` when the peer may have taken the message all
    the same (the connection broke after the message was handed over).
    """

    def __init__(self, answer: str, temporary: bool, in_doubt: bool = False) -> None:
        super().__init__(answer)
        self.answer = answer
        self.temporary = temporary
        self.in_doubt = in_doubt


class DeliveryHeldBack(Exception):
    """The reply cannot travel this way at all (the relay lacks SMTPUTF8 for an
    international address): held back with `reason`, not retried."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Transport(Protocol):
    # How many replies the drain hands on before it settles them and records
    # them as sent, together: 1 for a relay (a crash in between leaves one
    # reply in doubt), more where making them durable costs per call (files).
    settle_every: int

    def deliver(self, recipient: str, message_id: str, content: bytes) -> str:
        """Hand the message on; return the peer's answer, or raise DeliveryFailed
        (or DeliveryHeldBack when no attempt can ever succeed)."""
        ...

    def was_delivered(self, message_id: str) -> bool:
        """Whether a reply in doubt is known to have left: found where the peer
        files what it took. False when absent or when nothing can tell; raises
        DeliveryFailed (temporary) when the place to look cannot be reached."""
        ...

    def discard(self, message_id: str) -> None:
        """Remove any copy the transport kept (erasure); a no-op when it keeps none."""
        ...

    def settle(self) -> None:
        """Make everything `deliver` handed on durable, before the drain records
        it as sent; a no-op for a relay, which took each message already."""
        ...

    def close(self) -> None:
        """End any session kept open between deliveries."""
        ...


class FileTransport:
    """Writes each reply as `<Message-ID>.eml` under a folder.

    The name comes from our own Message-ID, so delivering the same reply
    twice rewrites the same file instead of adding a second one. Files are
    written under a temporary name and renamed only once their bytes are on
    disk, so a reader never sees half a message, and a file under its final
    name is one a crash cannot empty (`was_delivered` trusts it). `settle`
    does that for all files written since the last one: one `sync` per batch
    of replies instead of an fsync per file, which costs milliseconds each.
    """

    settle_every = 25

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._written: set[Path] = set()

    def deliver(self, recipient: str, message_id: str, content: bytes) -> str:
        self.directory.mkdir(parents=True, exist_ok=True)
        target = self._path(message_id)
        target.with_suffix(".eml.partial").write_bytes(content)
        self._written.add(target)
        return f"written {target}"

    def settle(self) -> None:
        if not self._written:
            return
        os.sync()
        for target in self._written:
            target.with_suffix(".eml.partial").replace(target)
        directory = os.open(self.directory, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
        self._written = set()

    def was_delivered(self, message_id: str) -> bool:
        return self._path(message_id).exists()

    def discard(self, message_id: str) -> None:
        self._path(message_id).unlink(missing_ok=True)

    def close(self) -> None:
        """Nothing to close: each delivery is one file."""

    def _path(self, message_id: str) -> Path:
        return self.directory / (_UNSAFE.sub("_", message_id.strip("<>")) + ".eml")
