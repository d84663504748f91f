"""The mailbox's Sent folder: filing a copy of each reply, as a person's client
would, and finding one by its Message-ID when a reply's fate is in doubt."""

import logging
from datetime import datetime

from ingest.errors import SourceUnavailable
from ingest.imap_connection import NETWORK_ERRORS, ImapServer, close_quietly, connect

log = logging.getLogger("mailroom.ingest")


class SentFolder:
    """One folder of an IMAP account: replies are appended to it, marked read,
    and looked up in it."""

    def __init__(self, server: ImapServer, folder: str = "Sent") -> None:
        self.server = server
        self.folder = folder

    def append(self, content: bytes, when: datetime) -> None:
        """One short session per copy: replies are few, and a copy must never
        hold up delivery, so a failure is logged and dropped."""
        try:
            client = connect(self.server)
        except SourceUnavailable as exc:
            log.warning("sent copy not filed: %s", type(exc.__cause__ or exc).__name__)
            return
        try:
            if not client.folder_exists(self.folder):
                client.create_folder(self.folder)
            client.append(self.folder, content, flags=[b"\\Seen"], msg_time=when)
        except NETWORK_ERRORS as exc:
            log.warning("sent copy not filed: %s", type(exc).__name__)
        finally:
            close_quietly(client)

    def holds(self, message_id: str) -> bool:
        """Whether a message with exactly this Message-ID is in the folder.

        Raises SourceUnavailable when the server cannot be asked: an answer
        of "absent" must be a real one, since it leads to sending again.
        SEARCH HEADER matches substrings, so each hit's own header is compared.
        """
        client = connect(self.server)
        try:
            if not client.folder_exists(self.folder):
                return False
            client.select_folder(self.folder, readonly=True)
            hits = client.search(["HEADER", "Message-ID", message_id])
            if not hits:
                return False
            wanted = b"BODY[HEADER.FIELDS (MESSAGE-ID)]"
            fetched = client.fetch(hits, [b"BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
            found = (_message_id(data.get(wanted, b"")) for data in fetched.values())
            return message_id in found
        except NETWORK_ERRORS as exc:
            raise SourceUnavailable(f"Sent folder {self.folder!r} cannot be searched") from exc
        finally:
            close_quietly(client)


def _message_id(header: bytes) -> str:
    """The id from a fetched `Message-ID:` field, unfolded."""
    _, _, value = header.decode("ascii", "replace").partition(":")
    return "".join(value.split())
