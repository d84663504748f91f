"""The reply transport from its settings, with its delivery pace."""

from collections.abc import Callable
from datetime import timedelta

from ingest import SentFolder
from mailroom.clock import Clock
from mailroom.settings import (
    FileTransportSettings,
    ImapSourceSettings,
    Settings,
    SmtpTransportSettings,
)
from mailroom.sources import imap_server
from notify import DeliveryPolicy, FileTransport, SmtpServer, SmtpTransport, Transport

DEFAULT_PORTS = {"tls": 465, "starttls": 587, "plain": 25}


def build_transport(config: Settings, clock: Clock) -> tuple[Transport, DeliveryPolicy]:
    """The transport replies leave by, and how fast and how long to try."""
    settings = config.transport
    if isinstance(settings, FileTransportSettings):
        policy = DeliveryPolicy(per_minute=settings.per_minute, max_attempts=settings.max_attempts)
        return FileTransport(settings.directory), policy
    server = SmtpServer(
        host=settings.host,
        port=settings.port or DEFAULT_PORTS[settings.security],
        security=settings.security,
        sender=str(config.firm.address),
        username=settings.username,
        password=settings.password.read if settings.password else None,
        ca_file=settings.ca_file,
        timeout=settings.timeout_seconds,
    )
    policy = DeliveryPolicy(
        per_minute=settings.per_minute,
        max_attempts=settings.max_attempts,
        first_retry=timedelta(seconds=settings.first_retry_seconds),
        longest_retry=timedelta(seconds=settings.longest_retry_seconds),
    )
    folder = _sent_folder(config, settings)
    if folder is None:
        return SmtpTransport(server), policy
    keep_copy: Callable[[bytes], None] | None = None
    if settings.sent_copy_by == "mailroom":
        keep_copy = lambda content: folder.append(content, clock())  # noqa: E731
    return SmtpTransport(server, keep_copy, folder.holds), policy


def send_account(config: Settings) -> str:
    """What the send rate is counted per, the same on every instance: the relay
    and login replies leave by, or the folder they are written to."""
    settings = config.transport
    if isinstance(settings, FileTransportSettings):
        return f"folder:{settings.directory.resolve()}"
    port = settings.port or DEFAULT_PORTS[settings.security]
    return f"smtp:{settings.username or ''}@{settings.host}:{port}"


def _sent_folder(config: Settings, settings: SmtpTransportSettings) -> SentFolder | None:
    """The configured IMAP source's Sent folder, if one is named."""
    source = next(
        (
            s
            for s in config.sources
            if isinstance(s, ImapSourceSettings) and s.name == settings.sent_copy_source
        ),
        None,
    )
    return None if source is None else SentFolder(imap_server(source), settings.sent_copy_folder)
