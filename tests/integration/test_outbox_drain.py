"""The outbox drains: everything due in one go at the send rate, and claims of
a sender that is gone are released at once, their replies in doubt."""

import asyncio
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

import store
from notify import DeliveryPolicy, DeliveryReport, Drain, Outbox
from notify.sender import CLAIM_AT_ONCE
from notify.smtp import SmtpServer, SmtpTransport
from notify.transport import FileTransport
from store.claims import Claimant, process_token
from store.models import DeliveryAttempt, OutboxReply

from ..smtpserver import SmtpPeer, free_port, smtp_peer
from ..store_fixtures import ENGINES, migrated_database, plan_replies, send_rate

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


class ManualClock:
    """A wall clock that moves only when the outbox waits: minutes pass at once."""

    def __init__(self) -> None:
        self.now = START
        self.waits: list[float] = []

    def __call__(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += timedelta(seconds=seconds)


@pytest.fixture(params=ENGINES)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[store.Database]:
    with migrated_database(request.param, tmp_path) as database:
        yield database


@pytest.fixture
def peer(tmp_path: Path) -> Iterator[SmtpPeer]:
    with smtp_peer(tmp_path) as running:
        yield running


def outbox(db: store.Database, peer: SmtpPeer, clock: ManualClock, per_minute: int) -> Outbox:
    server = SmtpServer(peer.host, peer.port, "plain", "info@chassesearch.nl", timeout=10.0)
    return Outbox(
        db,
        SmtpTransport(server),
        clock,
        clock.sleep,
        DeliveryPolicy(per_minute=per_minute),
        send_rate(db, per_minute),
        "this-test",
        lambda _holder: True,
    )


def received_ids(peer: SmtpPeer) -> list[str]:
    return [
        str(message_from_bytes(e.content, policy=default)["Message-ID"])
        for e in peer.handler.received
    ]


def busiest_minute(db: store.Database) -> int:
    """The most deliveries that started within any 60 seconds."""
    with db.transaction() as session:
        times = sorted(session.scalars(select(DeliveryAttempt.at)))
    return max(
        sum(1 for t in times if first <= t < first + timedelta(minutes=1)) for first in times
    )


def test_one_drain_delivers_200_due_replies_at_60_a_minute(
    db: store.Database, peer: SmtpPeer
) -> None:
    planned = plan_replies(db, 200)
    clock = ManualClock()
    progress: list[tuple[int, int]] = []

    report = outbox(db, peer, clock, per_minute=60).drain(
        progress=lambda counts, total: progress.append((counts.delivered, total))
    )

    assert (report.delivered, report.deferred, report.failed) == (200, 0, 0)
    assert sorted(received_ids(peer)) == sorted(planned)
    assert busiest_minute(db) == 60
    assert len(clock.waits) == 3 and clock.now - START >= timedelta(minutes=3)
    assert progress[-1] == (200, 200) and len(progress) == 200
    with db.transaction() as session:
        assert store.outbox_counts(session) == {"sent": 200}


def test_a_rate_without_limit_claims_a_large_backlog_a_batch_at_a_time(
    db: store.Database, peer: SmtpPeer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rate that would allow everything at once still claims at most
    CLAIM_AT_ONCE replies per batch: each batch is held in memory and under one lease."""
    planned = plan_replies(db, 2 * CLAIM_AT_ONCE + 10)
    claims: list[int] = []
    real = store.claim_due

    def counted(*args: Any) -> list[store.DueReply]:
        claimed = real(*args)
        claims.append(len(claimed))
        return claimed

    monkeypatch.setattr(store, "claim_due", counted)
    report = outbox(db, peer, ManualClock(), per_minute=1_000_000).drain()

    assert report.delivered == len(planned)
    assert sorted(received_ids(peer)) == sorted(planned)
    assert claims[:3] == [CLAIM_AT_ONCE, CLAIM_AT_ONCE, 10]


def test_max_delivers_that_many_and_leaves_the_rest_due(db: store.Database, peer: SmtpPeer) -> None:
    plan_replies(db, 30)

    report = outbox(db, peer, ManualClock(), per_minute=60).drain(Drain(limit=12))

    assert (report.delivered, report.deferred) == (12, 18)
    assert len(peer.handler.received) == 12


def test_until_empty_waits_for_a_retry_that_falls_due_later(
    db: store.Database, peer: SmtpPeer
) -> None:
    plan_replies(db, 2, due_at=START + timedelta(minutes=20))
    clock = ManualClock()
    sender = outbox(db, peer, clock, per_minute=60)

    assert sender.drain().delivered == 0
    report = sender.drain(Drain(until_empty=True))

    assert report.delivered == 2 and len(peer.handler.received) == 2
    assert clock.now >= START + timedelta(minutes=20)


def test_a_frozen_clock_ends_the_drain_instead_of_waiting_forever(
    db: store.Database, peer: SmtpPeer
) -> None:
    plan_replies(db, 5)
    clock = ManualClock()
    sender = outbox(db, peer, clock, per_minute=2)
    frozen = Outbox(
        sender.db, sender.transport, clock, lambda _s: None, sender.policy, sender.rate,
        sender.holder, sender.is_alive,
    )  # fmt: skip

    report = frozen.drain()

    assert (report.delivered, report.deferred) == (2, 3)


def _claim_all(db: store.Database, holder: str) -> None:
    with db.transaction() as session:
        store.claim_due(session, START, 100, timedelta(minutes=10), holder)


def _dead_process_token() -> str:
    process = subprocess.Popen(["sleep", "30"])
    token = process_token(process.pid)
    process.kill()
    process.wait()
    return token


def _wait_until_gone(db: store.Database, token: str) -> None:
    """A closed PostgreSQL session leaves pg_stat_activity a moment later."""
    watcher = Claimant(db)
    deadline = time.monotonic() + 30
    while watcher.is_alive(token) and time.monotonic() < deadline:
        time.sleep(0.05)
    watcher.close()


def _holder_gone(db: store.Database) -> str:
    """The holder name of a sender that has stopped, as this engine records it."""
    if db.is_sqlite:
        return _dead_process_token()
    elsewhere = store.connect(db.engine.url.render_as_string(hide_password=False))
    gone = Claimant(elsewhere)  # as another process would be, under a name of its own
    token = gone.token
    gone.close()
    elsewhere.dispose()
    _wait_until_gone(db, token)
    return token


def test_claims_of_a_sender_that_is_gone_are_released_at_once_and_in_doubt(
    db: store.Database, peer: SmtpPeer
) -> None:
    planned = plan_replies(db, 3)
    _claim_all(db, _holder_gone(db))
    claimant = Claimant(db)
    try:
        sender = outbox(db, peer, ManualClock(), per_minute=60)
        living = Outbox(
            db, sender.transport, sender.clock, sender.sleep, sender.policy, sender.rate,
            claimant.token, claimant.is_alive,
        )  # fmt: skip
        report = living.drain()
    finally:
        claimant.close()

    assert isinstance(report, DeliveryReport) and report.delivered == 3
    assert sorted(received_ids(peer)) == sorted(planned)
    with db.transaction() as session:
        rows = list(session.scalars(select(OutboxReply)))
        assert all(r.in_doubt and r.status == "sent" and r.claimed_by is None for r in rows)


def test_claims_of_a_living_sender_are_left_alone(db: store.Database, peer: SmtpPeer) -> None:
    plan_replies(db, 2)
    holder = Claimant(db)
    try:
        _claim_all(db, holder.token)
        other = Claimant(db)
        with db.transaction() as session:
            assert store.release_orphaned_claims(session, other.is_alive) == 0
            assert all(r.claimed_by == holder.token for r in session.scalars(select(OutboxReply)))
        other.close()
    finally:
        holder.close()


def test_a_local_holder_is_alive_only_while_that_very_process_runs(tmp_path: Path) -> None:
    with migrated_database("sqlite", tmp_path) as database:
        claimant = Claimant(database)
    host, pid, ticks = claimant.token.split(":")[1:]

    assert claimant.is_alive(claimant.token)
    assert not claimant.is_alive(f"proc:{host}:{pid}:{int(ticks) + 1}")  # the pid, reused
    assert not claimant.is_alive(_dead_process_token())
    assert claimant.is_alive(f"proc:elsewhere.example:{pid}:{ticks}")  # left to the lease


class SlowToAnswer:
    """Takes the message, then answers DATA only after the sender has given up."""

    def __init__(self) -> None:
        self.received = 0

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.received += 1
        await asyncio.sleep(3)
        return "250 2.0.0 Ok: queued"


def test_a_connection_lost_after_the_message_went_over_leaves_the_reply_in_doubt(
    db: store.Database,
) -> None:
    plan_replies(db, 1)
    handler = SlowToAnswer()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), ready_timeout=10)
    controller.start()
    try:
        server = SmtpServer(
            "127.0.0.1", controller.port, "plain", "info@chassesearch.nl", timeout=1
        )
        clock = ManualClock()
        sender = Outbox(
            db, SmtpTransport(server), clock, clock.sleep, DeliveryPolicy(per_minute=60),
            send_rate(db, 60), "this-test", lambda _holder: True,
        )  # fmt: skip
        report = sender.drain()
    finally:
        controller.stop()

    assert (report.retrying, handler.received) == (1, 1)
    with db.transaction() as session:
        [row] = session.scalars(select(OutboxReply))
        assert row.status == "planned" and row.in_doubt
        assert "after the message was handed over" in (row.last_answer or "")


class _WatchedFolder(FileTransport):
    """The folder transport, noting at each settle what the store already calls sent."""

    def __init__(self, directory: Path, db: store.Database) -> None:
        super().__init__(directory)
        self.db = db
        self.sent_before_settling: list[int] = []

    def settle(self) -> None:
        with self.db.transaction() as session:
            sent = session.scalars(select(OutboxReply.id).where(OutboxReply.status == "sent"))
            self.sent_before_settling.append(len(list(sent)))
        super().settle()


def test_a_folder_is_settled_once_per_batch_before_its_replies_are_recorded_sent(
    db: store.Database, tmp_path: Path
) -> None:
    """Sixty replies: settled after 25, 50 and 60, each time before those
    replies were recorded, so a reply on record as sent is a file on disk."""
    planned = plan_replies(db, 60)
    clock = ManualClock()
    folder = _WatchedFolder(tmp_path / "outbox", db)
    box = Outbox(
        db,
        folder,
        clock,
        clock.sleep,
        DeliveryPolicy(),
        send_rate(db, 1000),
        "this-test",
        lambda _: True,
    )

    report = box.drain()

    assert report.delivered == 60
    assert folder.sent_before_settling == [0, 25, 50]
    assert sorted(p.name for p in folder.directory.iterdir()) == sorted(
        f"{rfc_id.strip('<>')}.eml" for rfc_id in planned
    )
    with db.transaction() as session:
        assert set(session.scalars(select(OutboxReply.status))) == {"sent"}


def test_a_drain_that_may_claim_nothing_does_not_wait_out_the_rate(
    db: store.Database, peer: SmtpPeer
) -> None:
    """Another sender holds every due reply and the whole minute's rate: there
    is nothing this one could send when the minute is over, so it stops now."""
    plan_replies(db, 3)
    _claim_all(db, "another-sender")
    assert len(send_rate(db, 2, holder="another-sender").take(START, 2)) == 2
    clock = ManualClock()

    report = outbox(db, peer, clock, per_minute=2).drain()

    assert (report.delivered, clock.waits) == (0, [])
