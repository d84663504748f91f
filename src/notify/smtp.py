"""Delivering replies over SMTP: verified TLS, a login from a secret, honest answers.

One session serves a whole drain of the outbox. The server's own reply is
returned for the record; 4xx answers, dropped connections and timeouts are
temporary failures, 5xx answers permanent ones.
"""

import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from notify.rfc5322 import ComposeError, envelope_address, needs_smtputf8
from notify.transport import DeliveryFailed, DeliveryHeldBack

Security = Literal["tls", "starttls", "plain"]


@dataclass(frozen=True)
class SmtpServer:
    """The relay; `password` is read at each login, so a rotated secret is picked up."""

    host: str
    port: int
    security: Security
    sender: str
    username: str | None = None
    password: Callable[[], str] | None = None
    ca_file: Path | None = None
    timeout: float = 30.0


class SmtpTransport:
    """`notify.Transport` over SMTP; connects on first use, `close` ends the session.

    `keep_copy`, when given, receives each delivered message (to file it in
    the mailbox's Sent folder, where recruiters look for what was sent).
    `find_copy`, when given, says whether a Message-ID is in that Sent folder:
    where the relay files what it accepts there itself (Microsoft 365,
    Google), a reply in doubt is confirmed instead of sent twice.
    """

    settle_every = 1  # each reply recorded as soon as the relay took it

    def __init__(
        self,
        server: SmtpServer,
        keep_copy: Callable[[bytes], None] | None = None,
        find_copy: Callable[[str], bool] | None = None,
    ) -> None:
        self.server = server
        self.keep_copy = keep_copy
        self.find_copy = find_copy
        self._session: smtplib.SMTP | None = None

    def deliver(self, recipient: str, message_id: str, content: bytes) -> str:
        """Send one reply; an international address goes with SMTPUTF8 (RFC 6531)
        where the relay offers it, and is held back where it does not."""
        try:
            address = envelope_address(recipient)
        except ComposeError as exc:
            raise DeliveryFailed(f"invalid recipient: {exc}", temporary=False) from exc
        try:
            session = self._session or self._connect()
            self._session = session
            options = _utf8_options(session) if needs_smtputf8(address) else []
            answer = _send(session, self.server.sender, address, content, options)
        except smtplib.SMTPResponseException as exc:
            self.close()
            answer = _answer(exc.smtp_code, exc.smtp_error)
            raise DeliveryFailed(answer, temporary=exc.smtp_code < 500) from exc
        except _HandedOver as exc:
            self.close()
            answer = f"{type(exc.__cause__).__name__} after the message was handed over"
            raise DeliveryFailed(answer, temporary=True, in_doubt=True) from exc
        except (TimeoutError, OSError, smtplib.SMTPException) as exc:
            self.close()
            raise DeliveryFailed(f"{type(exc).__name__}: {exc}", temporary=True) from exc
        if self.keep_copy is not None:
            self.keep_copy(content)
        return answer

    def was_delivered(self, message_id: str) -> bool:
        if self.find_copy is None:
            return False
        try:
            return self.find_copy(message_id)
        except Exception as exc:
            raise DeliveryFailed(
                f"in doubt, and the Sent folder cannot be searched ({type(exc).__name__})",
                temporary=True,
                in_doubt=True,
            ) from exc

    def discard(self, message_id: str) -> None:
        """The relay keeps no copy mailroom could remove."""

    def settle(self) -> None:
        """Each message was taken by the relay when `deliver` returned."""

    def close(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            try:
                session.quit()
            except (OSError, smtplib.SMTPException):
                session.close()

    def _connect(self) -> smtplib.SMTP:
        server = self.server
        context = ssl.create_default_context(cafile=str(server.ca_file) if server.ca_file else None)
        session: smtplib.SMTP
        if server.security == "tls":
            session = smtplib.SMTP_SSL(
                server.host, server.port, timeout=server.timeout, context=context
            )
        else:
            session = smtplib.SMTP(server.host, server.port, timeout=server.timeout)
        try:
            session.ehlo()
            if server.security == "starttls":
                session.starttls(context=context)
                session.ehlo()
            if server.username and server.password is not None:
                session.login(server.username, server.password())
        except BaseException:
            session.close()
            raise
        return session


def _utf8_options(session: smtplib.SMTP) -> list[str]:
    if not session.has_extn("smtputf8"):
        raise DeliveryHeldBack("smtputf8_unsupported")
    return ["SMTPUTF8", "BODY=8BITMIME"] if session.has_extn("8bitmime") else ["SMTPUTF8"]


class _HandedOver(Exception):
    """The connection broke while or after the message itself went over: the
    relay may have queued it, so the reply is in doubt, not simply unsent."""


def _send(
    session: smtplib.SMTP, sender: str, recipient: str, content: bytes, options: list[str]
) -> str:
    """MAIL, RCPT and DATA one by one, so the server's final answer can be kept."""
    for code, text in (session.mail(sender, options), session.rcpt(recipient)):
        if code >= 400:
            raise smtplib.SMTPResponseException(code, text)
    try:
        code, text = session.data(content)
    except (TimeoutError, OSError, smtplib.SMTPServerDisconnected) as exc:
        raise _HandedOver() from exc
    if code >= 400:
        raise smtplib.SMTPResponseException(code, text)
    return _answer(code, text)


def _answer(code: int, text: bytes | str) -> str:
    words = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return f"{code} {' '.join(words.split())}"
