"""The reply transport from its settings, with its delivery pace."""

from datetime import timedelta

from mailroom.settings import FileTransportSettings, TransportSettings
from notify import DeliveryPolicy, FileTransport, Transport
from notify.smtp import SmtpServer, SmtpTransport

DEFAULT_PORTS = {"tls": 465, "starttls": 587, "plain": 25}


def build_transport(settings: TransportSettings, sender: str) -> tuple[Transport, DeliveryPolicy]:
    """The transport replies leave by, and how fast and how long to try."""
    if isinstance(settings, FileTransportSettings):
        policy = DeliveryPolicy(per_minute=settings.per_minute, max_attempts=settings.max_attempts)
        return FileTransport(settings.directory), policy
    server = SmtpServer(
        host=settings.host,
        port=settings.port or DEFAULT_PORTS[settings.security],
        security=settings.security,
        sender=sender,
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
    return SmtpTransport(server), policy
