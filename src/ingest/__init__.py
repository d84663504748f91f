"""Get mail in: local Maildir/mbox sources now, IMAP later.

A source yields `FetchedMessage`s and is told afterwards which ones were
handled; it never decides anything about their content.
"""

from ingest.errors import IngestError, SourceUnavailable
from ingest.local import MaildirSource, MboxSource
from ingest.message import FetchedMessage, Source, headers_only

__all__ = [
    "FetchedMessage",
    "IngestError",
    "MaildirSource",
    "MboxSource",
    "Source",
    "SourceUnavailable",
    "headers_only",
]
