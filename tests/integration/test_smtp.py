"""Replies over SMTP to a real aiosmtpd peer: once, with their Message-ID, at a pace."""

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import SMTPUTF8, default
from pathlib import Path

import pytest

import store
from ingest import MaildirSource
from ingest.imap_append import SentFolder
from mailroom.app import App
from mailroom.cycle import run_cycle
from notify import DeliveryFailed, DeliveryPolicy, DeliveryReport, Outbox, SendRate, Transport
from notify.smtp import SmtpServer, SmtpTransport
from store.models import DeliveryAttempt, InboundMessage, OutboxReply

from ..dovecot import Dovecot
from ..imapsetup import imap_server
from ..mailbuilder import CV, LETTER
from ..smtpserver import SmtpPeer, free_port, smtp_peer
from ..store_fixtures import migrated_database, plan_replies, send_rate
from ..support import MX

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
POLICY = DeliveryPolicy(per_minute=100, max_attempts=5)


class Clock:
    """A wall clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def db(tmp_path: Path) -> Iterator[store.Database]:
    with migrated_database("sqlite", tmp_path) as database:
        yield database


@pytest.fixture
def peer(tmp_path: Path) -> Iterator[SmtpPeer]:
    with smtp_peer(tmp_path) as running:
        yield running


def _transport(peer: SmtpPeer, **changes: object) -> SmtpTransport:
    values: dict[str, object] = {
        "host": peer.host,
        "port": peer.port,
        "security": "plain",
        "sender": "info@chassesearch.nl",
        "timeout": 10.0,
    }
    values.update(changes)
    return SmtpTransport(SmtpServer(**values))  # type: ignore[arg-type]


def deliver_due(
    db: store.Database, transport: Transport, clock: Clock, policy: DeliveryPolicy, rate: SendRate
) -> DeliveryReport:
    """One rate window's delivery, as each cycle's drain begins."""
    outbox = Outbox(db, transport, clock, _no_waiting, policy, rate, "test", lambda _: True)
    return outbox.deliver_window()


def _no_waiting(seconds: float) -> None:
    raise AssertionError(f"a single window never waits (asked for {seconds} s)")


def _statuses(db: store.Database) -> dict[str, int]:
    with db.transaction() as session:
        return store.outbox_counts(session)


def test_delivery_carries_the_planned_message_id(db: store.Database, peer: SmtpPeer) -> None:
    [rfc_id] = plan_replies(db)
    report = deliver_due(db, _transport(peer), Clock(), POLICY, send_rate(db, 100))

    assert report.delivered == 1
    [envelope] = peer.handler.received
    assert message_from_bytes(envelope.content, policy=default)["Message-ID"] == rfc_id
    assert envelope.rcpt_tos == ["a0@example.nl"]
    with db.transaction() as session:
        [row] = session.query(OutboxReply).all()
        assert row.status == "sent" and row.last_answer.startswith("250 2.0.0 Ok: queued")


def test_421_then_451_then_accepted_is_one_delivery_after_three_attempts(
    db: store.Database, peer: SmtpPeer
) -> None:
    plan_replies(db)
    peer.handler.answers.extend(["421 4.3.0 busy, closing", "451 4.3.0 try again later"])
    clock, rate = Clock(), send_rate(db, 100)

    first = deliver_due(db, _transport(peer), clock, POLICY, rate)
    too_soon = deliver_due(db, _transport(peer), clock, POLICY, rate)
    clock.now += timedelta(minutes=2)
    second = deliver_due(db, _transport(peer), clock, POLICY, rate)
    clock.now += timedelta(minutes=5)
    third = deliver_due(db, _transport(peer), clock, POLICY, rate)

    assert (first.retrying, too_soon.delivered, second.retrying, third.delivered) == (1, 0, 1, 1)
    assert len(peer.handler.received) == 1 and peer.handler.attempts == 3
    with db.transaction() as session:
        outcomes = [a.outcome for a in session.query(DeliveryAttempt).order_by(DeliveryAttempt.id)]
        assert outcomes == ["temporary", "temporary", "sent"]
        [row] = session.query(OutboxReply).all()
        assert (row.status, row.attempts) == ("sent", 3)


def test_550_is_a_permanent_failure_with_the_servers_words_kept(
    db: store.Database, peer: SmtpPeer
) -> None:
    plan_replies(db)
    peer.handler.answers.append("550 5.1.1 mailbox unavailable")
    report = deliver_due(db, _transport(peer), Clock(), POLICY, send_rate(db, 100))
    assert report.failed == 1 and _statuses(db) == {"failed": 1}
    with db.transaction() as session:
        [row] = session.query(OutboxReply).all()
        assert row.reason == "550 5.1.1 mailbox unavailable"


def test_a_refused_connection_is_retried_later_and_not_lost(
    db: store.Database, peer: SmtpPeer
) -> None:
    plan_replies(db)
    clock = Clock()
    closed = _transport(peer, port=free_port())
    assert deliver_due(db, closed, clock, POLICY, send_rate(db, 100)).retrying == 1
    assert _statuses(db) == {"planned": 1}
    clock.now += timedelta(hours=2)
    assert deliver_due(db, _transport(peer), clock, POLICY, send_rate(db, 100)).delivered == 1


def test_retries_stop_after_the_last_attempt(db: store.Database, peer: SmtpPeer) -> None:
    plan_replies(db)
    peer.handler.answers.extend(["451 4.3.0 later"] * POLICY.max_attempts)
    clock = Clock()
    for _ in range(POLICY.max_attempts):
        deliver_due(db, _transport(peer), clock, POLICY, send_rate(db, 100))
        clock.now += timedelta(hours=2)
    assert _statuses(db) == {"failed": 1} and peer.handler.attempts == POLICY.max_attempts


def test_the_send_rate_is_respected(db: store.Database, peer: SmtpPeer) -> None:
    plan_replies(db, count=12)
    clock, rate = Clock(), send_rate(db, 5)
    first = deliver_due(db, _transport(peer), clock, POLICY, rate)
    clock.now += timedelta(seconds=30)
    within = deliver_due(db, _transport(peer), clock, POLICY, rate)
    clock.now += timedelta(seconds=31)
    next_minute = deliver_due(db, _transport(peer), clock, POLICY, rate)

    assert (first.delivered, first.deferred) == (5, 7)
    assert (within.delivered, next_minute.delivered) == (0, 5)
    assert len(peer.handler.received) == 10


def test_starttls_refuses_a_self_signed_certificate_unless_its_ca_is_given(
    db: store.Database, tmp_path: Path
) -> None:
    with smtp_peer(tmp_path, starttls=True) as secure:
        refused = _transport(secure, security="starttls")
        with pytest.raises(DeliveryFailed, match="CERTIFICATE_VERIFY_FAILED") as failure:
            refused.deliver("a@example.nl", "<x@chassesearch.nl>", b"Subject: x\r\n\r\nx\r\n")
        assert failure.value.temporary
        trusted = _transport(secure, security="starttls", ca_file=secure.ca_file)
        assert trusted.deliver("a@example.nl", "<y@chassesearch.nl>", b"Subject: y\r\n\r\ny\r\n")
        trusted.close()
        assert len(secure.handler.received) == 1


def test_a_sent_reply_is_filed_in_the_sent_folder(
    db: store.Database, peer: SmtpPeer, dovecot: Dovecot
) -> None:
    sent = SentFolder(imap_server(dovecot), "Sent")
    [rfc_id] = plan_replies(db)
    transport = SmtpTransport(_transport(peer).server, lambda raw: sent.append(raw, START))

    assert deliver_due(db, transport, Clock(), POLICY, send_rate(db, 100)).delivered == 1

    [copy] = dovecot.messages("Sent")
    assert rfc_id.encode() in copy
    assert all("\\Seen" in flags for flags in dovecot.flags("Sent").values())


JURGEN = "jürgen.müller@bücher.example"


def _international_application() -> bytes:
    """An application from an address with a non-ASCII local part (RFC 6532 headers)."""
    message = EmailMessage(policy=SMTPUTF8)
    message["Received"] = (
        "from mail.bücher.example by mx1.chassesearch.nl; Mon, 22 Dec 2025 10:00:00 +0100"
    )
    message["From"] = f"Jürgen Müller <{JURGEN}>"
    message["To"] = "info@chassesearch.nl"
    message["Subject"] = "Sollicitatie"
    message["Message-ID"] = "<jm.1@bücher.example>"
    message.set_content("Hierbij mijn sollicitatie.")
    message.add_attachment(LETTER, "application", "pdf", filename="Motivatiebrief.pdf")
    message.add_attachment(CV, "application", "pdf", filename="CV.pdf")
    return message.as_bytes()


def _answer_over(app: App, peer: SmtpPeer, tmp: Path) -> OutboxReply:
    box = tmp / "box"
    for folder in ("cur", "new", "tmp"):
        (box / folder).mkdir(parents=True)
    (box / "new" / "1766394000.jm.mx1").write_bytes(_international_application())
    run_cycle(
        dataclasses.replace(
            app,
            sources=(MaildirSource("box", box, (MX,)),),
            outbox=dataclasses.replace(app.outbox, transport=_transport(peer)),
        )
    )
    with app.db.transaction() as session:
        [row] = session.query(InboundMessage).all()
        assert (row.status, row.verdict) == ("processed", "valid")
        [reply] = session.query(OutboxReply).all()
        session.expunge(reply)
        return reply


def test_an_international_address_is_answered_with_smtputf8_where_offered(
    app: App, isolated_env: Path
) -> None:
    with smtp_peer(isolated_env, smtputf8=True) as peer:
        reply = _answer_over(app, peer, isolated_env)
        assert reply.status == "sent"
        [envelope] = peer.handler.received
    assert envelope.rcpt_tos == ["jürgen.müller@xn--bcher-kva.example"]
    assert "SMTPUTF8" in envelope.mail_options
    head = envelope.content.split(b"\r\n\r\n", 1)[0].decode("utf-8")
    assert "\r\nTo: =?utf-8?q?J=C3=BCrgen_M=C3=BCller?=" not in head  # UTF-8 as is, not encoded
    assert "\r\nTo: Jürgen Müller <jürgen.müller@xn--bcher-kva.example>" in head


def test_an_international_address_is_held_back_where_the_relay_lacks_smtputf8(
    app: App, isolated_env: Path
) -> None:
    with smtp_peer(isolated_env, smtputf8=False) as peer:
        reply = _answer_over(app, peer, isolated_env)
        assert peer.handler.received == []
    assert (reply.status, reply.reason) == ("suppressed", "smtputf8_unsupported")
