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

from mailroom.app import App
from mailroom.pipeline import handle
from mailroom.settings import Settings
from store.models import Document, InboundMessage, OutboxReply, Submission

from ..store_fixtures import ENGINES, app_on_engine, example_source


@pytest.fixture(params=ENGINES)
def engine_app(request: pytest.FixtureRequest, settings: Settings) -> Iterator[App]:
    with app_on_engine(request.param, settings) as app:
        yield app


@contextmanager
def _transactions(app: App) -> Iterator[list[list[str]]]:
    """The statements run, grouped by the transaction they ran in."""
    seen: list[list[str]] = []

    def begun(_connection: Any) -> None:
        seen.append([])

    def executed(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if not statement.startswith("BEGIN"):
            seen[-1].append(" ".join(statement.split()[:3]).upper())

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
