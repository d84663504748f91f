"""The store on both engines: migrations, dedupe keys and idempotent planning."""

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

import store
from store.migrate import downgrade, include_object
from store.models import Base, DeliveryAttempt, InboundMessage

from ..store_fixtures import ENGINES, migrated_database

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
ARRIVED = datetime(2025, 12, 22, 9, 30, tzinfo=UTC)
LEASE = timedelta(minutes=10)


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


def _due(session: Session, at: datetime = NOW) -> list[store.DueReply]:
    return store.claim_due(session, at, limit=100, lease=LEASE, holder="test")


def test_a_reply_is_planned_once_per_message_and_kind(db: store.Database) -> None:
    with db.transaction() as session:
        message = store.record_inbound(session, store.MessageKey("example"), b"x", ARRIVED, NOW)
        assert store.plan_reply(session, message.id, _reply(), NOW)
    with db.transaction() as session:
        assert not store.plan_reply(
            session, message.id, _reply(message_id="<b@chassesearch.nl>"), NOW
        )
        due = _due(session)
    assert [reply.rfc_message_id for reply in due] == ["<a@chassesearch.nl>"]


def test_suppressed_reply_is_kept_but_never_due(db: store.Database) -> None:
    held = store.PlannedReply(
        "question_ack", "noreply@example.nl", "nl", "<c@chassesearch.nl>", None, "no_reply_sender"
    )
    with db.transaction() as session:
        message = store.record_inbound(session, store.MessageKey("example"), b"y", ARRIVED, NOW)
        store.plan_reply(session, message.id, held, NOW)
    with db.transaction() as session:
        assert _due(session) == []
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
        [due] = _due(session)
        store.mark_sent(session, [(due.id, "250 2.0.0 queued")], NOW)
    with db.transaction() as session:
        [attempt] = session.query(DeliveryAttempt).all()
        assert (attempt.outcome, attempt.answer, attempt.at) == ("sent", "250 2.0.0 queued", NOW)
        assert _due(session) == []
        assert store.outbox_counts(session) == {"sent": 1}


def _planned(db: store.Database, raw: bytes, message_id: str) -> int:
    with db.transaction() as session:
        message = store.record_inbound(session, store.MessageKey("example"), raw, ARRIVED, NOW)
        store.plan_reply(session, message.id, _reply(message_id=message_id), NOW)
        [due] = _due(session)
    return due.id


def test_a_claimed_reply_is_not_claimed_again_until_its_lease_ends(db: store.Database) -> None:
    _planned(db, b"lease", "<l@chassesearch.nl>")
    with db.transaction() as session:
        assert _due(session) == []
        assert len(_due(session, NOW + LEASE)) == 1


def test_a_temporary_failure_waits_for_its_retry_time(db: store.Database) -> None:
    reply_id = _planned(db, b"retry", "<r@chassesearch.nl>")
    later = NOW + timedelta(minutes=5)
    with db.transaction() as session:
        store.mark_retry(session, reply_id, "451 4.3.0 try later", NOW, later)
    with db.transaction() as session:
        assert _due(session, later - timedelta(seconds=1)) == []
        [again] = _due(session, later)
        assert again.attempts == 1


def test_a_permanent_failure_and_a_bounce_are_final(db: store.Database) -> None:
    failed = _planned(db, b"fail", "<f@chassesearch.nl>")
    with db.transaction() as session:
        store.mark_failed(session, failed, "550 5.1.1 no such user", NOW)
    bounced = _planned(db, b"bounce", "<b@chassesearch.nl>")
    with db.transaction() as session:
        store.mark_sent(session, [(bounced, "250 ok")], NOW)
        marked = store.mark_bounced(session, ("<b@chassesearch.nl>", "<other@x>"), "5.1.1 x", NOW)
    with db.transaction() as session:
        assert marked == 1
        assert store.outbox_counts(session) == {"failed": 1, "bounced": 1}
        assert _due(session, NOW + timedelta(days=1)) == []
        outcomes = sorted(a.outcome for a in session.query(DeliveryAttempt).all())
        assert outcomes == ["bounced", "failed", "sent"]


def test_the_reply_cap_counts_earlier_mail_only(db: store.Database) -> None:
    """Counted by arrival, so judging a message again gives the same count."""
    arrivals = [ARRIVED + timedelta(hours=h) for h in (0, 1, 2, 30)]
    ids = []
    with db.transaction() as session:
        for n, arrived in enumerate(arrivals):
            message = store.record_inbound(
                session, store.MessageKey("c"), f"{n}".encode(), arrived, NOW
            )
            store.plan_reply(
                session, message.id, _reply(message_id=f"<cap{n}@chassesearch.nl>"), NOW
            )
            ids.append(message.id)
    with db.transaction() as session:
        window = timedelta(hours=24)

        def count(n: int) -> int:
            return store.replies_for_earlier_mail(
                session, "SANNE@example.nl", arrivals[n] - window, ids[n], arrivals[n]
            )

        assert [count(n) for n in range(4)] == [0, 1, 2, 0]


HOSTILE = "Ti\x00tel \ud800met \udcffgaten " + "lang " * 200


def test_both_engines_store_the_same_hostile_strings(db: store.Database) -> None:
    """NUL (refused by PostgreSQL), lone surrogates (no UTF-8 for them) and values
    longer than their column go in alike on both engines, cleaned and cut."""
    with db.transaction() as session:
        stored = store.record_inbound(session, store.MessageKey("example"), b"x", ARRIVED, NOW)
        decision = store.Decision(
            verdict="valid",
            reasons=(),
            flags=(),
            vacancy=None,
            language="nl",
            header_message_id=f"<{HOSTILE}@example.nl>",
            applicant_address="sanne@example.nl",
            applicant_name=HOSTILE,
        )
        document = store.DocumentRecord(
            filename=f"CV {HOSTILE}.pdf",
            content_type="application/pdf",
            kind="pdf",
            data=b"%PDF-1.7 cv",
            pages=1,
            text=f"Werkervaring {HOSTILE}",
            title=HOSTILE,
            author=HOSTILE,
        )
        store.save_decision(session, stored.id, decision, [document], NOW)
        store.record_failure(session, stored.id, f"ValueError: {HOSTILE}")
    with db.transaction() as session:
        row = session.get_one(InboundMessage, stored.id)
        [saved] = row.documents
        values = [row.header_message_id, row.error, saved.filename, saved.text, saved.title]
        assert all(value and "\x00" not in value for value in values)
        assert not any("\ud800" <= c <= "\udfff" for value in values for c in value or "")
        assert saved.title is not None and saved.title.startswith("Titel met gaten lang")
        assert len(saved.filename) == 500 and len(saved.title) == 500
        hits = store.search(session, "werkervaring")
        assert [hit.filename for hit in hits] == [saved.filename]


def test_the_reply_cap_finds_an_addresss_replies_by_index(tmp_path: Path) -> None:
    """It runs for every message: a scan of the whole outbox would make each
    message cost more the more mail came before it."""
    with migrated_database("sqlite", tmp_path) as database:
        captured: list[tuple[str, Any]] = []

        def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
            captured.append((statement, parameters))

        event.listen(database.engine, "before_cursor_execute", capture)
        with database.transaction() as session:
            store.replies_for_earlier_mail(session, "Jan@Example.nl", ARRIVED, 1, NOW)
        event.remove(database.engine, "before_cursor_execute", capture)
        [(statement, parameters)] = [c for c in captured if "count" in c[0].lower()]
        with database.engine.connect() as connection:
            plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
    details = " ".join(str(row[-1]) for row in plan)
    assert "ix_outbox_recipient_lower" in details and "SCAN outbox" not in details, details


def test_a_new_sqlite_file_gets_large_pages_and_an_existing_one_keeps_its_own(
    tmp_path: Path,
) -> None:
    """The page size is fixed when a file is made: a store made before keeps
    working with the pages it has."""
    (tmp_path / "new").mkdir()
    with (
        migrated_database("sqlite", tmp_path / "new") as database,
        database.engine.connect() as connection,
    ):
        assert connection.exec_driver_sql("PRAGMA page_size").scalar() == 16_384
    older = tmp_path / "older.db"
    with sqlite3.connect(older) as made_before:
        made_before.execute("PRAGMA page_size=4096")
        made_before.execute("CREATE TABLE made_before (x INTEGER)")
    database = store.connect(f"sqlite:///{older}")
    try:
        store.upgrade(database)
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA page_size").scalar() == 4096
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        with database.transaction() as session:
            key = store.MessageKey("local", "inbox", None, None)
            assert store.record_inbound(session, key, b"Subject: x\r\n\r\nhi", ARRIVED, NOW).id
    finally:
        database.dispose()
