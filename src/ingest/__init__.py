"""Get mail in: IMAP accounts and local Maildir/mbox sources, and the Sent folder.

A source yields `FetchedMessage`s and is told afterwards which ones were
handled; it never decides anything about their content.
"""

from ingest.errors import IngestError, SourceUnavailable
from ingest.imap import Disposal, FolderPlan, ImapSource
from ingest.imap_append import SentFolder
from ingest.imap_connection import ImapServer
from ingest.imap_erase import FolderSweep, sweep
from ingest.imap_idle import Backoff, InboxWatcher, WatchEvents
from ingest.local import MaildirSource, MboxSource
from ingest.message import FetchedMessage, Source, headers_only
from ingest.sent_scan import SentBatch, SentMessage, SentScan

__all__ = [
    "Backoff",
    "Disposal",
    "FetchedMessage",
    "FolderPlan",
    "FolderSweep",
    "ImapServer",
    "ImapSource",
    "InboxWatcher",
    "IngestError",
    "MaildirSource",
    "MboxSource",
    "SentBatch",
    "SentFolder",
    "SentMessage",
    "SentScan",
    "Source",
    "SourceUnavailable",
    "WatchEvents",
    "headers_only",
    "sweep",
]
