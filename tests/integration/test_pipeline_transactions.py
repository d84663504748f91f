"""What one message costs the store: the transactions and statements of its journey.

Each transaction is a BEGIN and a COMMIT (on SQLite a write lock and an
fsync), and every message pays them, so their number is part of the design
(docs/architecture.md §4): the bytes in one, decision and reply in one.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

import store
from mailroom.app import App
from mailroom.cycle import read_sources
from mailroom.pipeline import Received, conclude_all, handle, read, receive_all
from mailroom.settings import Settings
from mailroom.stopwatch import Stopwatch
from store.models import Document, InboundMessage, OutboxReply, Submission

from ..store_fixtures import ENGINES, app_on_engine, example_source
from ..support import EXAMPLE_INBOX


@pytest.fixture(params=ENGINES)
def engine_app(request: pytest.FixtureRequest, settings: Settings) -> Iterator[App]:
    with app_on_engine(request.param, settings) as app:
        yield app


@contextmanager
def _transactions(app: App) -> Iterator[list[list[str]]]:
    """The statements run, grouped by the transaction they ran in (by connection:
    the reading threads look up reply ids while the cycle stores and decides)."""
    seen: list[list[str]] = []
    open_on: dict[int, list[str]] = {}

    def begun(connection: Any) -> None:
        open_on[id(connection)] = []
        seen.append(open_on[id(connection)])

    def executed(connection: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if not statement.startswith("BEGIN"):
            open_on[id(connection)].append(" ".join(statement.split()[:3]).upper())

    event.listen(app.db.engine, "begin", begun)
    event.listen(app.db.engine, "before_cursor_execute", executed)
    try:
        yield seen
    finally:
        event.remove(app.db.engine, "before_cursor_execute", executed)
        event.remove(app.db.engine, "begin", begun)


def _inserts(statements: list[str]) -> list[str]:
    return [s for s in statements if s.startswith("INSERT")]


@pytest.mark.parametrize("case_id", ["01-valid-nl", "05-forgot-attachment", "07-question-nl"])
def test_a_message_is_stored_in_one_transaction_and_decided_in_another(
    engine_app: App, case_id: str
) -> None:
    source = example_source(engine_app, case_id)
    [fetched] = source.fetch_new()

    with _transactions(engine_app) as transactions:
        outcome = handle(engine_app, source, fetched)

    assert outcome.replied
    assert len(transactions) == 2, transactions
    stored, decided = transactions
    assert _inserts(stored) and _inserts(decided)
    assert len(decided) <= 12, decided  # statements, not an ORM flush per object


def test_documents_are_written_without_a_statement_each(engine_app: App) -> None:
    source = example_source(engine_app, "03-three-pdfs")
    [fetched] = source.fetch_new()

    with _transactions(engine_app) as transactions:
        handle(engine_app, source, fetched)

    decided = transactions[-1]
    with engine_app.db.transaction() as session:
        documents = session.scalar(select(func.count()).select_from(Document))
    assert documents == 3
    assert decided.count("INSERT INTO BLOB") == 1, decided
    assert decided.count("INSERT INTO DOCUMENT") == 1, decided


def test_deciding_again_replaces_the_documents_and_plans_no_second_reply(
    engine_app: App,
) -> None:
    source = example_source(engine_app, "01-valid-nl")
    [fetched] = source.fetch_new()
    handle(engine_app, source, fetched)
    with engine_app.db.transaction() as session:
        session.execute(InboundMessage.__table__.update().values(status="failed"))

    again = handle(engine_app, source, fetched)

    assert again.verdict == "valid" and not again.replied
    with engine_app.db.transaction() as session:
        counts = [
            session.scalar(select(func.count()).select_from(model))
            for model in (Document, OutboxReply, Submission)
        ]
        attempts = session.scalar(select(InboundMessage.attempts))
    assert counts == [2, 1, 1]
    assert attempts == 2


def test_a_cycle_commits_the_messages_it_reads_at_once_together(engine_app: App) -> None:
    """Eleven messages, read two at a time and stored four at a time (twice
    the workers): their bytes and their decisions commit in groups, not in a
    transaction (and an fsync) each."""
    with _transactions(engine_app) as transactions:
        report = read_sources(engine_app)

    handled = sum(report.verdicts.values())
    assert handled == len(list(EXAMPLE_INBOX.glob("*/*"))) and report.failed == 0
    stored = [t for t in transactions if "INSERT INTO INBOUND_MESSAGE" in t]
    decided = [t for t in transactions if "UPDATE INBOUND_MESSAGE" in t and t not in stored]
    assert sum(t.count("INSERT INTO INBOUND_MESSAGE") for t in stored) == handled
    assert len(stored) == -(-handled // (2 * engine_app.settings.limits.pdf_workers))
    assert len(decided) < handled, decided


def test_a_message_whose_decision_fails_in_a_group_fails_alone(
    engine_app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three messages concluded in one transaction, the question's decision
    raising: it is kept as failed, and the two around it are decided all the same."""
    cases = ("01-valid-nl", "07-question-nl", "05-forgot-attachment")
    sources = [example_source(engine_app, case_id) for case_id in cases]
    arrivals = [(fetched, Stopwatch()) for source in sources for fetched in source.fetch_new()]
    received = receive_all(engine_app, sources[0], arrivals)
    judged = [
        (message, read(engine_app, message, watch), watch, None)
        for message, (_, watch) in zip(received, arrivals, strict=True)
        if isinstance(message, Received)
    ]
    real = store.save_decision

    def questions_fail(session: Session, message_id: int, decision: Any, *rest: Any) -> None:
        if decision.verdict == "question":
            raise RuntimeError("a decision that cannot be stored")
        real(session, message_id, decision, *rest)

    monkeypatch.setattr(store, "save_decision", questions_fail)
    with _transactions(engine_app) as transactions:
        outcomes = conclude_all(engine_app, sources[0], judged)

    assert [(o.verdict, o.error) for o in outcomes] == [
        ("valid", None),
        (None, "RuntimeError"),
        ("invalid", None),
    ]
    decided = [t for t in transactions if t.count("UPDATE INBOUND_MESSAGE SET") == 2]
    assert len(decided) == 1, transactions  # the two decisions committed together
    with engine_app.db.transaction() as session:
        rows = session.execute(select(InboundMessage.status, InboundMessage.verdict)).all()
    assert sorted(rows) == [("failed", None), ("processed", "invalid"), ("processed", "valid")]
