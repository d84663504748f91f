"""Sources from their settings: local folders, or IMAP accounts with their secrets."""

from ingest import (
    Disposal,
    FolderPlan,
    ImapServer,
    ImapSource,
    MaildirSource,
    MboxSource,
    SentScan,
    Source,
)
from mailroom.checkpoints import StoreCheckpoints
from mailroom.settings import (
    ImapSourceSettings,
    MaildirSourceSettings,
    MboxSourceSettings,
    Settings,
    SourceSettings,
)

DEFAULT_PORTS = {"tls": 993, "starttls": 143, "plain": 143}


def build_sources(
    settings: Settings, checkpoints: StoreCheckpoints, read_only: bool
) -> tuple[Source, ...]:
    """Every configured source; `read_only` (dry runs) leaves mailboxes untouched."""
    return tuple(_source(s, settings, checkpoints, read_only) for s in settings.sources)


def build_sent_scans(settings: Settings) -> tuple[SentScan, ...]:
    """The Sent folder of every IMAP source that names one."""
    return tuple(
        SentScan(s.name, imap_server(s), s.sent_folder)
        for s in settings.sources
        if isinstance(s, ImapSourceSettings) and s.sent_folder is not None
    )


def _source(
    source: SourceSettings, settings: Settings, checkpoints: StoreCheckpoints, read_only: bool
) -> Source:
    if isinstance(source, MaildirSourceSettings):
        return MaildirSource(
            source.name, source.path, tuple(source.trusted_received_by), checkpoints
        )
    if isinstance(source, MboxSourceSettings):
        return MboxSource(source.name, source.path, tuple(source.trusted_received_by), checkpoints)
    return ImapSource(
        source.name,
        imap_server(source),
        tuple(_plan(source, folder) for folder in source.folders),
        checkpoints,
        Disposal(source.processed, source.processed_folder, source.processed_flag),
        max_message_bytes=settings.limits.max_message_bytes,
        batch_size=source.batch_size,
        read_only=read_only,
    )


def imap_server(source: ImapSourceSettings) -> ImapServer:
    """How to log in to an IMAP source (also used to file copies of sent replies)."""
    return ImapServer(
        host=source.host,
        port=source.port or DEFAULT_PORTS[source.security],
        security=source.security,
        username=source.username,
        password=source.password.read if source.password else None,
        oauth2_token=source.oauth2_token.read if source.oauth2_token else None,
        ca_file=source.ca_file,
        timeout=source.timeout_seconds,
        attempts=source.connect_attempts,
    )


def _plan(source: ImapSourceSettings, folder: str) -> FolderPlan:
    start = source.start_after.get(folder)
    if isinstance(start, int):
        return FolderPlan(folder, start_after_uid=start)
    return FolderPlan(folder, start_after_date=start)
