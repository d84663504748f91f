"""A real SMTP peer on loopback (aiosmtpd) whose answers a test can script."""

import socket
import ssl
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

from .certs import write_certificate
from .replycheck import assert_reply_fits


@dataclass
class ScriptedHandler:
    """Answers DATA with the queued replies first ("451 4.3.0 ..."), then accepts."""

    answers: deque[str] = field(default_factory=deque)
    received: list[Any] = field(default_factory=list)
    # When each accepted message arrived (time.monotonic()), for send-rate checks.
    arrived: list[float] = field(default_factory=list)
    attempts: int = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.attempts += 1
        if self.answers:
            return self.answers.popleft()
        assert_reply_fits(envelope.content, "SMTP peer")
        self.received.append(envelope)
        self.arrived.append(time.monotonic())
        return f"250 2.0.0 Ok: queued as Q{len(self.received)}"


@dataclass
class SmtpPeer:
    handler: ScriptedHandler
    host: str
    port: int
    ca_file: Path | None


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def smtp_peer(tmp: Path, starttls: bool = False, smtputf8: bool = False) -> Iterator[SmtpPeer]:
    """An aiosmtpd server on 127.0.0.1; with `starttls` it demands STARTTLS first,
    with `smtputf8` it offers SMTPUTF8 (RFC 6531) in its EHLO answer."""
    handler = ScriptedHandler()
    context = None
    ca_file = None
    if starttls:
        ca_file, key_file = tmp / "smtp-cert.pem", tmp / "smtp-key.pem"
        write_certificate(ca_file, key_file)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(ca_file, key_file)
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=free_port(),
        tls_context=context,
        require_starttls=starttls,
        enable_SMTPUTF8=smtputf8,
        ready_timeout=10,
    )
    controller.start()
    try:
        yield SmtpPeer(handler, "127.0.0.1", controller.port, ca_file)
    finally:
        controller.stop()
