"""Logging in: TLS verified by default, a private CA on request, XOAUTH2 tokens."""

import ssl
from pathlib import Path

import pytest

from ingest import SourceUnavailable
from ingest.imap_connection import ImapServer, close_quietly, connect

from ..dovecot import Dovecot


def _server(dovecot: Dovecot, **changes: object) -> ImapServer:
    values: dict[str, object] = {
        "host": "localhost",
        "port": dovecot.imaps_port,
        "security": "tls",
        "username": dovecot.user,
        "password": lambda: dovecot.password,
        "ca_file": dovecot.ca_file,
        "attempts": 1,
        "timeout": 10.0,
    }
    values.update(changes)
    return ImapServer(**values)  # type: ignore[arg-type]


def _logs_in(server: ImapServer) -> bool:
    client = connect(server, sleep=lambda _: None)
    try:
        return bool(client.noop())
    finally:
        close_quietly(client)


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_self_signed_certificate_is_refused_by_default(dovecot: Dovecot, security: str) -> None:
    port = dovecot.imaps_port if security == "tls" else dovecot.imap_port
    with pytest.raises(SourceUnavailable, match=r"certificate not trusted.*ca_file") as refused:
        _logs_in(_server(dovecot, port=port, security=security, ca_file=None))
    assert isinstance(refused.value.__cause__, ssl.SSLCertVerificationError)


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_certificate_is_accepted_with_the_configured_ca_file(
    dovecot: Dovecot, security: str
) -> None:
    port = dovecot.imaps_port if security == "tls" else dovecot.imap_port
    assert _logs_in(_server(dovecot, port=port, security=security))


def test_xoauth2_token_logs_in_and_a_wrong_one_is_refused_clearly(dovecot: Dovecot) -> None:
    assert _logs_in(_server(dovecot, password=None, oauth2_token=lambda: dovecot.token))
    with pytest.raises(SourceUnavailable, match="login refused"):
        _logs_in(_server(dovecot, password=None, oauth2_token=lambda: "expired-token"))


def test_token_is_read_fresh_from_its_file_at_each_login(dovecot: Dovecot, tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    server = _server(dovecot, password=None, oauth2_token=lambda: token_file.read_text().strip())
    token_file.write_text("stale\n")
    with pytest.raises(SourceUnavailable):
        _logs_in(server)
    token_file.write_text(dovecot.token + "\n")
    assert _logs_in(server)


def test_wrong_password_is_not_retried(dovecot: Dovecot) -> None:
    waits: list[float] = []
    server = _server(dovecot, password=lambda: "wrong", attempts=3)
    with pytest.raises(SourceUnavailable, match="login refused"):
        connect(server, sleep=waits.append)
    assert waits == []


def test_unreachable_server_is_retried_with_growing_jittered_waits(dovecot: Dovecot) -> None:
    dovecot.stop()
    waits: list[float] = []
    with pytest.raises(SourceUnavailable):
        connect(_server(dovecot, attempts=4, backoff_seconds=1.0), sleep=waits.append)
    assert len(waits) == 3
    assert all(base <= wait <= 2 * base for wait, base in zip(waits, (1, 2, 4), strict=True))


def test_an_unreadable_secret_is_reported_as_the_source_being_unavailable(
    dovecot: Dovecot,
) -> None:
    def missing() -> str:
        raise OSError("no such file: /run/credentials/imap")

    with pytest.raises(SourceUnavailable, match="cannot read the login secret"):
        connect(_server(dovecot, password=missing))
