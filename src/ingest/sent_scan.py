"""What people sent from the account: the Sent folder's new messages, headers only.

A question counts as answered when a person's reply to it is filed in Sent,
so only the fields that say what a message replies to, and whether a
machine wrote it, are fetched (with PEEK: nothing is marked read). The
caller keeps the folder's UIDVALIDITY and last UID seen and passes them in.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import compat32
from typing import Any

from imapclient import IMAPClient

from ingest.errors import SourceUnavailable
from ingest.imap_connection import NETWORK_ERRORS, ImapServer, close_quietly, connect

FIELDS = b"BODY.PEEK[HEADER.FIELDS (MESSAGE-ID IN-REPLY-TO REFERENCES AUTO-SUBMITTED)]"
_ANSWERED_FIELDS = b"BODY[HEADER.FIELDS (MESSAGE-ID IN-REPLY-TO REFERENCES AUTO-SUBMITTED)]"
BATCH = 500
_KEYWORD = re.compile(r"[A-Za-z-]+")


@dataclass(frozen=True)
class SentMessage:
    """One filed message: its own id, the ids it replies to, and whether a machine
    sent it (an `Auto-Submitted` value other than "no", as RFC 3834 defines).
    `filed_at` is the folder's INTERNALDATE: when the reply was sent."""

    uid: int
    message_id: str | None
    replies_to: tuple[str, ...]
    automatic: bool
    filed_at: datetime | None


@dataclass(frozen=True)
class SentBatch:
    """Messages after the given UID, and where the next scan starts."""

    uidvalidity: int
    last_uid: int
    messages: tuple[SentMessage, ...]


class SentScan:
    """One IMAP account's Sent folder, read from a remembered UID on."""

    def __init__(self, source: str, server: ImapServer, folder: str) -> None:
        self.source = source
        self.server = server
        self.folder = folder

    def read_after(self, uidvalidity: int | None, last_uid: int) -> SentBatch:
        """Messages with a UID above `last_uid`; all of them when the folder's
        UIDVALIDITY is not `uidvalidity` (its UIDs were renumbered).

        A missing folder is an empty one. Raises SourceUnavailable when the
        server cannot be reached or the session breaks.
        """
        client = connect(self.server)
        try:
            return self._read(client, uidvalidity, last_uid)
        except NETWORK_ERRORS as exc:
            raise SourceUnavailable(f"Sent folder {self.folder!r} cannot be read") from exc
        finally:
            close_quietly(client)

    def _read(self, client: IMAPClient, uidvalidity: int | None, last_uid: int) -> SentBatch:
        if not client.folder_exists(self.folder):
            return SentBatch(uidvalidity or 0, last_uid, ())
        selected = client.select_folder(self.folder, readonly=True)
        current = int(selected[b"UIDVALIDITY"])
        after = last_uid if current == uidvalidity else 0
        # "n:*" always matches the highest UID, even one at or below n.
        uids = sorted(uid for uid in client.search(["UID", f"{after + 1}:*"]) if uid > after)
        messages: list[SentMessage] = []
        for start in range(0, len(uids), BATCH):
            fetched = client.fetch(uids[start : start + BATCH], [FIELDS, b"INTERNALDATE"])
            messages += [_headers(uid, fetched[uid]) for uid in sorted(fetched)]
        return SentBatch(current, max([after, *uids]), tuple(messages))


def _headers(uid: int, data: dict[bytes, Any]) -> SentMessage:
    """Parsed the string-based way (compat32), which cannot raise on odd headers."""
    header = BytesHeaderParser(policy=compat32).parsebytes(data.get(_ANSWERED_FIELDS, b""))
    own = "".join(_field(header, "Message-ID").split()) or None
    thread = [*_field(header, "References").split(), *_field(header, "In-Reply-To").split()]
    filed = data.get(b"INTERNALDATE")
    filed_at = filed if isinstance(filed, datetime) and filed.tzinfo is not None else None
    return SentMessage(uid, own, tuple(dict.fromkeys(thread)), _automatic(header), filed_at)


def _automatic(header: Message) -> bool:
    for value in header.get_all("Auto-Submitted") or []:
        keyword = _KEYWORD.search(str(value))
        if keyword is None or keyword.group(0).lower() != "no":
            return True
    return False


def _field(header: Message, name: str) -> str:
    return str(header.get(name, ""))
