"""The store on both engines: migrations, dedupe keys and idempotent planning."""

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

import store
from store.migrate import downgrade, include_object
from store.models import Base, DeliveryAttempt, InboundMessage

from ..store_fixtures import ENGINES, migrated_database

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
ARRIVED = datetime(2025, 12, 22, 9, 30, tzinfo=UTC)


@pytest.fixture(params=ENGINES)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[store.Database]:
    with migrated_database(request.param, tmp_path) as database:
        yield database


def _reply(
    kind: str = "confirmation", message_id: str = "<a@chassesearch.nl>"
) -> store.PlannedReply:
    return store.PlannedReply(kind, "sanne@example.nl", "nl", message_id, b"From: x\r\n\r\nbody")


def test_head_has_no_pending_revision_and_matches_the_models(db: store.Database) -> None:
    assert store.pending_revision(db) is None
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": include_object})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_downgrade_and_upgrade_round_trip(db: store.Database) -> None:
    downgrade(db, "base")
    assert store.pending_revision(db) is not None
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    store.upgrade(db)
    assert {"blob", "inbound_message", "document", "outbox", "applicant"} <= set(
        inspect(db.engine).get_table_names()
    )


def test_local_message_is_stored_once_by_content(db: store.Database) -> None:
    key = store.MessageKey("example")
    with db.transaction() as session:
        first = store.record_inbound(session, key, b"Subject: a\r\n\r\nx", ARRIVED, NOW)
    with db.transaction() as session:
        again = store.record_inbound(session, key, b"Subject: a\r\n\r\nx", ARRIVED, NOW)
        other = store.record_inbound(session, key, b"Subject: b\r\n\r\ny", ARRIVED, NOW)
    assert again.id == first.id
    assert other.id != first.id
    assert first.needs_processing


def test_mailbox_message_is_keyed_by_uidvalidity_and_uid(db: store.Database) -> None:
    raw, other = b"Subject: same bytes\r\n\r\nx", b"Subject: other\r\n\r\ny"
    with db.transaction() as session:
        a = store.record_inbound(
            session, store.MessageKey("imap", "INBOX", 7, 1), raw, ARRIVED, NOW
        )
        b = store.record_inbound(
            session, store.MessageKey("imap", "INBOX", 7, 1), raw, ARRIVED, NOW
        )
        c = store.record_inbound(
            session, store.MessageKey("imap", "INBOX", 7, 2), other, ARRIVED, NOW
        )
    assert a.id == b.id and c.id != a.id
    with db.transaction() as session:
        assert store.raw_message(session, a.id) == raw


def test_a_new_uidvalidity_rebinds_stored_messages_by_their_bytes(db: store.Database) -> None:
    """The folder was recreated: the same bytes under new UIDs are not new messages."""
    raw = b"Subject: same bytes\r\n\r\nx"
    with db.transaction() as session:
        first = store.record_inbound(
            session, store.MessageKey("imap", "INBOX", 7, 1), raw, ARRIVED, NOW
        )
    with db.transaction() as session:
        again = store.record_inbound(
            session, store.MessageKey("imap", "INBOX", 8, 5), raw, ARRIVED, NOW
        )
        row = session.get_one(InboundMessage, first.id)
        assert again.id == first.id and (row.uidvalidity, row.uid) == (8, 5)
        assert session.query(InboundMessage).count() == 1


def test_a_reply_is_planned_once_per_message_and_kind(db: store.Database) -> None:
    with db.transaction() as session:
        message = store.record_inbound(session, store.MessageKey("example"), b"x", ARRIVED, NOW)
        assert store.plan_reply(session, message.id, _reply(), NOW)
    with db.transaction() as session:
        assert not store.plan_reply(
            session, message.id, _reply(message_id="<b@chassesearch.nl>"), NOW
        )
        due = store.due_replies(session)
    assert [reply.rfc_message_id for reply in due] == ["<a@chassesearch.nl>"]


def test_suppressed_reply_is_kept_but_never_due(db: store.Database) -> None:
    held = store.PlannedReply(
        "question_ack", "noreply@example.nl", "nl", "<c@chassesearch.nl>", None, "no_reply_sender"
    )
    with db.transaction() as session:
        message = store.record_inbound(session, store.MessageKey("example"), b"y", ARRIVED, NOW)
        store.plan_reply(session, message.id, held, NOW)
    with db.transaction() as session:
        assert store.due_replies(session) == []
        assert store.outbox_counts(session) == {"suppressed": 1}


def test_times_come_back_aware_in_utc(db: store.Database) -> None:
    with db.transaction() as session:
        message = store.record_inbound(session, store.MessageKey("example"), b"t", ARRIVED, NOW)
    with db.transaction() as session:
        row = session.get_one(InboundMessage, message.id)
        assert row.arrived_at == ARRIVED and row.arrived_at.tzinfo == UTC


def test_failed_message_stays_due_for_processing(db: store.Database) -> None:
    with db.transaction() as session:
        message = store.record_inbound(session, store.MessageKey("example"), b"z", ARRIVED, NOW)
        store.record_failure(session, message.id, "boom")
    with db.transaction() as session:
        again = store.record_inbound(session, store.MessageKey("example"), b"z", ARRIVED, NOW)
        assert again.status == "failed" and again.attempts == 1 and again.needs_processing
        assert store.verdict_counts(session) == {"failed": 1}


def test_delivery_is_recorded_in_the_history(db: store.Database) -> None:
    with db.transaction() as session:
        message = store.record_inbound(session, store.MessageKey("example"), b"h", ARRIVED, NOW)
        store.plan_reply(session, message.id, _reply(), NOW)
    with db.transaction() as session:
        [due] = store.due_replies(session)
        store.mark_sent(session, due.id, "250 2.0.0 queued", NOW)
    with db.transaction() as session:
        [attempt] = session.query(DeliveryAttempt).all()
        assert (attempt.outcome, attempt.answer, attempt.at) == ("sent", "250 2.0.0 queued", NOW)
        assert store.due_replies(session) == []
        assert store.outbox_counts(session) == {"sent": 1}
