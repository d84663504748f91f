"""Filing a copy of each sent reply in the mailbox's Sent folder, as a person's client would."""

import logging
from datetime import datetime

from ingest.errors import SourceUnavailable
from ingest.imap_connection import NETWORK_ERRORS, ImapServer, close_quietly, connect

log = logging.getLogger("mailroom.ingest")


class SentFolder:
    """Appends messages, marked read, to one folder of an IMAP account."""

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
