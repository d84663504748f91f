"""One exception root for the ingest stage, so callers catch ours only."""


class IngestError(Exception):
    """Base of every error raised by a source."""


class SourceUnavailable(IngestError):
    """The mailbox cannot be read right now (missing path, server down)."""
