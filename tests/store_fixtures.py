"""A migrated store on either engine, for tests parametrised over SQLite and PostgreSQL,
and an app's source of a single example message."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

import store
from ingest import MaildirSource
from mailroom.app import App, build_app, prepare_database
from mailroom.clock import fixed_clock
from mailroom.settings import Settings
from notify import SendRate
from store.models import OutboxReply

from .databases import fresh_postgres_url
from .support import EXAMPLE_INBOX, MX, TEST_NOW

ENGINES = ["sqlite", "postgresql"]


@contextmanager
def migrated_database(engine: str, tmp_path: Path) -> Iterator[store.Database]:
    """A fresh database at the newest revision, disposed (and on PostgreSQL dropped) after."""
    if engine == "sqlite":
        database = store.connect(f"sqlite:///{tmp_path / 'store.db'}")
        store.upgrade(database)
        try:
            yield database
        finally:
            database.dispose()
        return
    with fresh_postgres_url() as url:
        database = store.connect(url)
        store.upgrade(database)
        try:
            yield database
        finally:
            database.dispose()


@contextmanager
def app_on_engine(engine: str, settings: Settings) -> Iterator[App]:
    """The app `settings` build, its store on `engine` (SQLite: the configured file;
    PostgreSQL: a fresh database), migrated and ready to run."""

    @contextmanager
    def built(url: str) -> Iterator[App]:
        configured = settings.model_copy(
            update={"store": settings.store.model_copy(update={"url": url})}
        )
        with build_app(configured, fixed_clock(TEST_NOW)) as app:
            store.upgrade(app.db)
            prepare_database(app)
            yield app

    if engine == "sqlite":
        with built(settings.store.url) as app:
            yield app
        return
    with fresh_postgres_url() as url, built(url) as app:
        yield app


def plan_replies(db: store.Database, count: int = 1, due_at: datetime | None = None) -> list[str]:
    """`count` planned confirmations, one per stored message, planned at TEST_NOW
    (due then, or at `due_at`); their Message-IDs."""
    ids = []
    with db.transaction() as session:
        for n in range(count):
            message = store.record_inbound(
                session, store.MessageKey("t"), f"message {n}".encode(), TEST_NOW, TEST_NOW
            )
            rfc_id = f"<reply.{n}@chassesearch.nl>"
            content = (
                f"From: info@chassesearch.nl\r\nTo: a{n}@example.nl\r\nMessage-ID: {rfc_id}\r\n"
                "Subject: Ontvangstbevestiging\r\n\r\nDank u.\r\n"
            ).encode()
            reply = store.PlannedReply("confirmation", f"a{n}@example.nl", "nl", rfc_id, content)
            store.plan_reply(session, message.id, reply, TEST_NOW)
            ids.append(rfc_id)
        if due_at is not None:
            for row in session.scalars(select(OutboxReply)):
                row.next_attempt_at = due_at
    return ids


def example_source(app: App, case_id: str) -> MaildirSource:
    """A source holding just one example message, copied to its own Maildir."""
    [path] = EXAMPLE_INBOX.glob(f"*/*.{case_id}.*")
    target = Path(app.settings.transport.directory).parent / f"inbox-{case_id}"
    (target / "cur").mkdir(parents=True)
    (target / "new").mkdir()
    (target / "cur" / path.name).write_bytes(path.read_bytes())
    return MaildirSource("example", target, (MX,))


def send_rate(db: store.Database, per_minute: int, holder: str = "this-test") -> SendRate:
    """The send rate of a sender named `holder` that sends alone for one account."""
    return SendRate(db, "test-account", per_minute, holder, lambda _: True, timedelta(minutes=10))
