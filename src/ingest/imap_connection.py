"""Opening an authenticated IMAP session: TLS, credentials, and patience.

Certificates are verified by default (a private host names its CA file);
a refused login or an unreachable server becomes `SourceUnavailable`, after
a few attempts with exponential backoff and jitter.
"""

import contextlib
import logging
import random
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from ingest.errors import SourceUnavailable

log = logging.getLogger("mailroom.ingest")

Security = Literal["tls", "starttls", "plain"]
NETWORK_ERRORS = (IMAPClientError, OSError, socket.timeout, ssl.SSLError, EOFError)


@dataclass(frozen=True)
class ImapServer:
    """Where and how to log in. `password` and `oauth2_token` are read only at
    login, so a rotated token file or credential is picked up by the next cycle."""

    host: str
    port: int
    security: Security
    username: str
    password: Callable[[], str] | None = None
    oauth2_token: Callable[[], str] | None = None
    ca_file: Path | None = None
    timeout: float = 60.0
    attempts: int = 3
    backoff_seconds: float = 1.0


def connect(server: ImapServer, sleep: Callable[[float], None] = time.sleep) -> IMAPClient:
    """A logged-in client, or SourceUnavailable once every attempt failed."""
    last: Exception | None = None
    for attempt in range(server.attempts):
        if attempt:
            delay = server.backoff_seconds * 2 ** (attempt - 1)
            sleep(delay + random.uniform(0, delay))  # noqa: S311 - jitter, not crypto
        try:
            return _login(server)
        except NETWORK_ERRORS as exc:
            last = exc
            if _is_refusal(exc):
                break  # a wrong password does not get better by trying again
    raise SourceUnavailable(f"{server.host}:{server.port}: {_describe(last)}") from last


def _login(server: ImapServer) -> IMAPClient:
    context = ssl.create_default_context(cafile=str(server.ca_file) if server.ca_file else None)
    client = IMAPClient(
        server.host,
        port=server.port,
        ssl=server.security == "tls",
        ssl_context=context,
        timeout=server.timeout,
    )
    # imapclient sets imaplib's debug level, which formats every byte of
    # every message for a logger that drops it; that costs most of its CPU.
    client._imap.debug = 0
    client.normalise_times = False  # keep INTERNALDATE's zone: arrival must be aware
    try:
        if server.security == "starttls":
            client.starttls(context)
        if server.oauth2_token is not None:
            client.oauth2_login(server.username, _secret(server.oauth2_token))
        elif server.password is not None:
            client.login(server.username, _secret(server.password))
        return client
    except BaseException:
        close_quietly(client)
        raise


def _secret(read: Callable[[], str]) -> str:
    """A password or token; one that cannot be read is an outage of this source."""
    try:
        return read()
    except Exception as exc:
        raise SourceUnavailable(f"cannot read the login secret: {exc}") from exc


def close_quietly(client: IMAPClient) -> None:
    """Log out, or just drop the connection when the server is already gone."""
    with contextlib.suppress(*NETWORK_ERRORS):
        client.logout()
    with contextlib.suppress(*NETWORK_ERRORS):
        client.shutdown()


def _is_refusal(exc: Exception) -> bool:
    text = str(exc).lower()
    return isinstance(exc, IMAPClientError) and (
        "authentication" in text or "login" in text or "auth" in text
    )


def _describe(exc: Exception | None) -> str:
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"certificate not trusted ({exc.verify_message}); set ca_file for a private CA"
    if exc is not None and _is_refusal(exc):
        return f"login refused for this account: {exc}"
    return f"{type(exc).__name__}: {exc}" if exc else "no attempt made"
