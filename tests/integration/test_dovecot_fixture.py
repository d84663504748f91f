"""The Dovecot fixture itself: real IMAP, real TLS, real XOAUTH2, a real outage."""

import logging
import socket
import ssl
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from imapclient import IMAPClient
from imapclient.exceptions import LoginError

from ..dovecot import INSTALL_HINT, Dovecot, close_quietly, dovecot_binary

AMSTERDAM_SUMMER = timezone(timedelta(hours=2))
NEW_YORK_WINTER = timezone(timedelta(hours=-5))


def _mail(subject: str, body: str = "Hello.") -> bytes:
    return (
        f"From: Anna <anna@example.org>\r\nTo: info@chassesearch.nl\r\n"
        f"Subject: {subject}\r\nMessage-ID: <{subject.replace(' ', '.')}@example.org>\r\n"
        f'Content-Type: text/plain; charset="utf-8"\r\nContent-Transfer-Encoding: 8bit\r\n'
        f"\r\n{body}\r\n"
    ).encode()


def test_append_keeps_bytes_dates_and_flags(dovecot: Dovecot) -> None:
    sent = [
        (_mail("first", "Geachte heer, één bijlage."), datetime(2025, 12, 22, 9, 30, tzinfo=UTC)),
        (_mail("second"), datetime(2025, 7, 1, 23, 59, 59, tzinfo=AMSTERDAM_SUMMER)),
        (_mail("third"), datetime(2026, 1, 5, 8, 0, 1, tzinfo=NEW_YORK_WINTER)),
    ]
    uids = [
        dovecot.append("INBOX", raw, when, flags=["\\Seen"] if i == 1 else ())
        for i, (raw, when) in enumerate(sent)
    ]

    assert uids == [1, 2, 3]
    assert dovecot.folder_uids("INBOX") == [1, 2, 3]
    assert dovecot.messages("INBOX") == [raw for raw, _ in sent]
    assert dovecot.flags("INBOX") == {1: frozenset(), 2: {"\\Seen"}, 3: frozenset()}
    with dovecot.session() as client:
        client.select_folder("INBOX", readonly=True)
        fetched = client.fetch([1, 2, 3], ["INTERNALDATE"])
    for uid, (_, when) in zip(uids, sent, strict=True):
        internaldate = fetched[uid][b"INTERNALDATE"]
        assert internaldate.tzinfo is not None
        assert internaldate == when  # the same instant; Dovecot answers in its own zone
    assert dovecot.internaldates("INBOX") == dict(
        zip(uids, [when for _, when in sent], strict=True)
    )


def test_append_refuses_a_naive_internaldate(dovecot: Dovecot) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        dovecot.append("INBOX", _mail("naive"), datetime(2026, 1, 5, 9, 0))


@pytest.mark.parametrize("run", [1, 2])
def test_every_test_gets_an_empty_mailbox(dovecot: Dovecot, run: int) -> None:
    assert dovecot.folders() == ["INBOX"]
    assert dovecot.folder_uids("INBOX") == []
    assert dovecot.append(f"Run{run}", _mail(f"run {run}"), datetime.now(UTC)) == 1


def test_imaps_verifies_against_ca_file_only(dovecot: Dovecot) -> None:
    client = dovecot.client(ssl=True)
    try:
        tls = client.socket()
        assert isinstance(tls, ssl.SSLSocket)
        assert tls.version() in {"TLSv1.2", "TLSv1.3"}
        assert client.select_folder("INBOX")[b"EXISTS"] == 0
    finally:
        close_quietly(client)

    by_name = IMAPClient(
        "localhost", port=dovecot.imaps_port, ssl=True, ssl_context=dovecot.ssl_context()
    )
    close_quietly(by_name)  # the certificate names localhost as well as 127.0.0.1

    with pytest.raises(ssl.SSLCertVerificationError):
        IMAPClient(dovecot.host, port=dovecot.imaps_port, ssl=True, timeout=10)


def test_starttls_on_the_plain_port(dovecot: Dovecot) -> None:
    plain = dovecot.client(login=False)
    try:
        assert b"STARTTLS" in plain.capabilities()
        with pytest.raises(ssl.SSLCertVerificationError):
            plain.starttls(ssl.create_default_context())
    finally:
        close_quietly(plain)

    client = dovecot.client(starttls=True)
    try:
        assert isinstance(client.socket(), ssl.SSLSocket)
        assert client.folder_exists("INBOX")
    finally:
        close_quietly(client)


def test_plain_login_without_tls(dovecot: Dovecot) -> None:
    client = dovecot.client()
    try:
        assert not isinstance(client.socket(), ssl.SSLSocket)
        assert client.folder_exists("INBOX")
    finally:
        close_quietly(client)


def test_xoauth2_accepts_the_token_and_nothing_else(dovecot: Dovecot) -> None:
    assert dovecot.token != dovecot.password
    client = dovecot.client(ssl=True, login=False)
    try:
        assert b"AUTH=XOAUTH2" in client.capabilities()
        client.oauth2_login(dovecot.user, dovecot.token)
        assert client.folder_exists("INBOX")
    finally:
        close_quietly(client)

    refused = dovecot.client(ssl=True, login=False)
    try:
        with pytest.raises(LoginError):
            refused.oauth2_login(dovecot.user, dovecot.token + "x")
        with pytest.raises(LoginError):  # the password is no token ...
            refused.oauth2_login(dovecot.user, dovecot.password)
        with pytest.raises(LoginError):  # ... and the token no password
            refused.login(dovecot.user, dovecot.token)
    finally:
        close_quietly(refused)


def test_stop_and_start_keep_ports_and_mail(dovecot: Dovecot) -> None:
    raw = _mail("survives the outage")
    dovecot.append("INBOX", raw, datetime(2026, 1, 5, 9, 0, tzinfo=UTC))
    ports = (dovecot.imap_port, dovecot.imaps_port)
    connected = dovecot.client()
    try:
        dovecot.stop()
        assert not dovecot.server.running
        with pytest.raises((OSError, EOFError, IMAPClient.AbortError)):
            connected.noop()  # Dovecot hung up on the open session
        for port in ports:
            with pytest.raises(ConnectionRefusedError):
                socket.create_connection((dovecot.host, port), timeout=5).close()
    finally:
        close_quietly(connected)

    dovecot.start()

    assert (dovecot.imap_port, dovecot.imaps_port) == ports
    assert dovecot.messages("INBOX") == [raw]
    with dovecot.session(ssl=True) as client:
        assert client.select_folder("INBOX")[b"EXISTS"] == 1
    assert "Killed with signal 15" in dovecot.log_tail()


def test_move_is_advertised_and_works(dovecot: Dovecot) -> None:
    first, second = _mail("to be moved"), _mail("stays")
    dovecot.append("INBOX", first, datetime(2026, 1, 2, tzinfo=UTC), flags=["$Forwarded"])
    dovecot.append("INBOX", second, datetime(2026, 1, 3, tzinfo=UTC))
    target = f"Processed{dovecot.delimiter}Accepted"
    dovecot.create_folder(target)

    with dovecot.session() as client:
        assert {b"MOVE", b"UIDPLUS"} <= set(client.capabilities())
        client.select_folder("INBOX")
        client.move([1], target)

    assert dovecot.folder_uids("INBOX") == [2]
    assert dovecot.messages("INBOX") == [second]
    assert dovecot.messages(target) == [first]
    assert dovecot.flags(target) == {1: {"$Forwarded"}}


def test_folder_helpers(dovecot: Dovecot) -> None:
    dovecot.create_folder("Processed.Accepted")
    dovecot.create_folder("Processed.Accepted")  # idempotent
    dovecot.append("Processed.Rejected", _mail("no"), datetime(2026, 1, 5, tzinfo=UTC))
    dovecot.create_folder("Archive")
    assert dovecot.folders() == [
        "Archive",
        "INBOX",
        "Processed",
        "Processed.Accepted",
        "Processed.Rejected",
    ]

    dovecot.delete_folder("Processed")
    dovecot.delete_folder("Missing")

    assert dovecot.folders() == ["Archive", "INBOX"]
    assert f"Login: user=<{dovecot.user}>" in dovecot.log_tail()


def test_helper_clients_are_quiet(dovecot: Dovecot, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        dovecot.append("INBOX", _mail("quiet"), datetime(2026, 1, 5, tzinfo=UTC))
        assert dovecot.messages("INBOX")
        client = dovecot.client()
        assert client._imap.debug == 0
        close_quietly(client)
    assert not [r for r in caplog.records if r.name == "imapclient.imaplib"]


def test_missing_dovecot_skips_or_fails_under_ci(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install -y dovecot-imapd"):
        dovecot_binary(search_path=str(tmp_path))

    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=INSTALL_HINT):
        dovecot_binary(search_path=str(tmp_path))

    # dovecot-core alone: the master is there, the IMAP service is not.
    fake = tmp_path / "dovecot"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    with pytest.raises(pytest.fail.Exception, match=INSTALL_HINT):
        dovecot_binary(search_path=str(tmp_path), libexec_dirs=[str(tmp_path)])
