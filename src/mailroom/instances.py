"""This process as one of the instances that share a database (docs/architecture.md §8).

`mailroom run` takes part as an instance. On SQLite only one may run: it
first takes the lock file beside the database, and a second `run` refuses
to start, saying which process holds it. On either engine it enters itself
in the store under its claimant token, records at the start of each poll
which sources it holds, and leaves at a clean stop; the row of one that was
killed is dropped once its token is known to be gone.
"""

import fcntl
import logging
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from sqlalchemy.orm import Session

import store
from mailroom.app import App
from mailroom.errors import UserError

log = logging.getLogger("mailroom.instances")

# The daily jobs one instance does for all (the digest has its own unique day).
RETENTION = "retention"


class AnotherInstance(UserError):
    """A second `run` on one SQLite database."""


@contextmanager
def taking_part(app: App) -> Iterator[None]:
    """Run as an instance: locked in on SQLite, entered in the store, and
    gone from it at the end."""
    with _sqlite_lock(app.db):
        with app.db.transaction() as session:
            store.running_instances(session, app.claimant.is_alive)  # drops the gone
            _register(app, session)
        try:
            yield
        finally:
            with app.db.transaction() as session:
                store.unregister_instance(session, app.claimant.token)


def note_presence(app: App) -> None:
    """Record that this instance lives and which sources it polls; enter it
    again if its row was dropped meanwhile."""
    with app.db.transaction() as session:
        holds = app.poll_locks.held()
        if not store.instance_seen(session, app.claimant.token, holds, app.clock()):
            _register(app, session)
            store.instance_seen(session, app.claimant.token, holds, app.clock())


def _register(app: App, session: Session) -> None:
    store.register_instance(
        session,
        app.claimant.token,
        app.metrics.instance,  # `service.instance_name`, else the host's name
        socket.gethostname(),
        os.getpid(),
        app.clock(),
    )


def first_today(app: App, job: str) -> bool:
    """Whether this instance is the one to run the daily `job` today (the
    firm's day): the first of all instances to ask."""
    now = app.clock()
    today = now.astimezone(app.settings.firm.zone).date()
    with app.db.transaction() as session:
        return store.claim_day(session, job, today, app.claimant.token, now)


@contextmanager
def _sqlite_lock(db: store.Database) -> Iterator[None]:
    """Hold `<database>.lock` (an flock, freed by the kernel however the
    process ends) for as long as this instance runs; nothing on PostgreSQL."""
    database = db.engine.url.database if db.is_sqlite else None
    if not database or database == ":memory:":
        yield
        return
    path = Path(f"{database}.lock")
    with path.open("a+", encoding="ascii") as handle:
        _lock(handle, path, database)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _lock(handle: TextIO, path: Path, database: str) -> None:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "unknown"
        raise AnotherInstance(
            f"another mailroom run (pid {holder}) is using the SQLite database {database} "
            f"(it holds {path}); on SQLite one instance runs at a time: stop that one first, "
            "or move store.url to PostgreSQL to run several"
        ) from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"{os.getpid()}\n")
    handle.flush()
