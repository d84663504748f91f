"""Where finished replies go: a file outbox now, SMTP later."""

import os
import re
from pathlib import Path
from typing import Protocol

_UNSAFE = re.compile(r"[^A-Za-z0-9._@-]+")


class Transport(Protocol):
    def deliver(self, recipient: str, message_id: str, content: bytes) -> str:
        """Hand the message on; return the peer's answer for the record."""
        ...

    def discard(self, message_id: str) -> None:
        """Remove any copy the transport kept (erasure); a no-op when it keeps none."""
        ...


class FileTransport:
    """Writes each reply as `<Message-ID>.eml` under a folder.

    The name comes from our own Message-ID, so delivering the same reply
    twice rewrites the same file instead of adding a second one. Files are
    written under a temporary name and renamed, so a reader never sees half
    a message.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def deliver(self, recipient: str, message_id: str, content: bytes) -> str:
        self.directory.mkdir(parents=True, exist_ok=True)
        target = self._path(message_id)
        partial = target.with_suffix(".eml.partial")
        with partial.open("wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(target)
        return f"written {target}"

    def discard(self, message_id: str) -> None:
        self._path(message_id).unlink(missing_ok=True)

    def _path(self, message_id: str) -> Path:
        return self.directory / (_UNSAFE.sub("_", message_id.strip("<>")) + ".eml")
