"""Two processes storing the same messages at the same moment: one row each, no error."""

import multiprocessing
from collections.abc import Iterator
from datetime import UTC, datetime
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest
from sqlalchemy import func, select

import store
from store.models import Applicant, InboundMessage

from ..store_fixtures import ENGINES, migrated_database

ROUNDS = 25
NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def _store_all(url: str, barrier: Barrier, uid_keys: bool, results: "Queue[list[int]]") -> None:
    """Runs in a child process: meet the other at the barrier before each message."""
    db = store.connect(url)
    ids = []
    for n in range(ROUNDS):
        raw = f"From: a{n}@example.nl\r\nSubject: {n}\r\n\r\nbody {n}".encode()
        key = (
            store.MessageKey("imap", "INBOX", 1, n + 1) if uid_keys else store.MessageKey("example")
        )
        barrier.wait(timeout=30)
        with db.transaction() as session:
            stored = store.record_inbound(session, key, raw, NOW, NOW)
            decision = store.Decision(
                "question", (), (), None, "nl", None, f"a{n}@example.nl", f"A {n}"
            )
            store.save_decision(session, stored.id, decision, [], NOW)
        ids.append(stored.id)
    db.dispose()
    results.put(ids)


@pytest.fixture(params=ENGINES)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with migrated_database(request.param, tmp_path) as database:
        yield database.engine.url.render_as_string(hide_password=False)


@pytest.mark.parametrize("uid_keys", [False, True], ids=["by-sha256", "by-uid"])
def test_racing_processes_store_each_message_once(url: str, uid_keys: bool) -> None:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    results: Queue[list[int]] = context.Queue()
    workers = [
        context.Process(target=_store_all, args=(url, barrier, uid_keys, results)) for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    first, second = results.get(timeout=120), results.get(timeout=120)
    for worker in workers:
        worker.join(timeout=30)

    assert [worker.exitcode for worker in workers] == [0, 0]
    assert first == second
    database = store.connect(url)
    with database.transaction() as session:
        assert session.scalar(select(func.count()).select_from(InboundMessage)) == ROUNDS
        assert session.scalar(select(func.count()).select_from(Applicant)) == ROUNDS
    database.dispose()
