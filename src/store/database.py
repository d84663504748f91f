"""Engines and sessions, built only when asked (never at import time)."""

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 30_000
# Most of what is written is messages and documents of 30 KB to some MB: in
# pages of 16 KiB instead of 4 KiB, SQLite handles (and checksums in the
# write-ahead log) a quarter as many pages for them, and checkpoints a quarter
# as often. Writing the bytes of 300 applications (a message and its documents
# each, three to a commit) took a third less CPU; a whole run, 5 % less with
# two other changes.
SQLITE_PAGE_BYTES = 16_384
# Seconds to wait for PostgreSQL to answer before calling it unreachable,
# unless the URL sets its own `connect_timeout`.
PG_CONNECT_TIMEOUT_S = 10
# The backends and drivers mailroom is built and tested against.
_DRIVERS = {"sqlite": "pysqlite", "postgresql": "psycopg"}
_URL_EXAMPLES = "sqlite:///var/mailroom.db or postgresql+psycopg://user@host/db"


class BadDatabaseUrl(ValueError):
    """The URL names no database mailroom can use; the message says what to change
    in one line and never repeats the URL, which may hold a password."""


class DatabaseUnreachable(ConnectionError):
    """PostgreSQL did not accept a connection; the message names host and port."""


@dataclass(frozen=True)
class Database:
    """An engine and its session factory; `transaction()` is the unit of work."""

    engine: Engine
    sessions: sessionmaker[Session]
    # On PostgreSQL, the `application_name` of every session this process
    # opens on this database: how other instances tell it still runs.
    session_name: str | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Commit on success, roll back on any exception, always close."""
        with self.sessions.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def connect(url: str) -> Database:
    """Open SQLite (WAL, foreign keys, busy timeout) or PostgreSQL via psycopg 3.

    One connection is made at once, so a wrong URL or a server that is down
    is reported here (BadDatabaseUrl, DatabaseUnreachable) and not as a
    driver error halfway through the first command. A SQLite file's folder
    is created when its parent exists; a deeper missing path is more likely
    a typo than a wish. Every PostgreSQL session opened here carries an
    `application_name` of its own (store/claims.py says why).
    """
    parsed = _checked(url)
    session_name = None
    if parsed.get_backend_name() == "sqlite":
        _make_sqlite_folder(parsed)
        engine = create_engine(parsed)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin_immediate)
    else:
        session_name = f"mailroom:{secrets.token_hex(12)}"
        arguments: dict[str, Any] = {"application_name": session_name}
        if "connect_timeout" not in parsed.query:
            arguments["connect_timeout"] = PG_CONNECT_TIMEOUT_S
        engine = create_engine(parsed, pool_pre_ping=True, connect_args=arguments)
    try:
        engine.connect().close()
    except OperationalError as exc:
        engine.dispose()
        raise _unusable(parsed, exc) from exc
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Database(engine, sessions, session_name)


def _checked(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise BadDatabaseUrl(f"not a database URL; write it like {_URL_EXAMPLES}") from exc
    backend, _, driver = parsed.drivername.partition("+")
    if backend not in _DRIVERS:
        raise BadDatabaseUrl(
            f"mailroom keeps its data in SQLite or PostgreSQL, not {backend!r}; "
            f"write it like {_URL_EXAMPLES}"
        )
    if driver not in ("", _DRIVERS[backend]):
        raise BadDatabaseUrl(
            f"the {backend} driver {driver!r} is not supported; "
            f"write {backend}+{_DRIVERS[backend]}:// or just {backend}://"
        )
    return parsed


def _make_sqlite_folder(url: URL) -> None:
    if not url.database or url.database == ":memory:":
        return
    folder = Path(url.database).parent
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise BadDatabaseUrl(
            f"the folder {folder} for the SQLite file cannot be made ({exc.strerror}); "
            "give a path in an existing folder"
        ) from exc


def _unusable(url: URL, error: OperationalError) -> Exception:
    """The driver's complaint, first line only, after the place it names."""
    detail = str(error.orig) or type(error.orig).__name__
    reason = " ".join(detail.splitlines()[0].rpartition("failed: ")[2].split())
    if url.get_backend_name() == "sqlite":
        return BadDatabaseUrl(f"the SQLite file {url.database} cannot be opened ({reason})")
    place = f"{url.host or 'the local socket'}:{url.port or 5432}"
    return DatabaseUnreachable(
        f"database unreachable at {place} ({reason}); is PostgreSQL running there, "
        "and is store.url right?"
    )


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL for concurrent readers, real foreign keys, waiting instead of failing
    on a lock, and zeroed pages for deleted rows so erased data leaves the file.

    A new file gets pages of `SQLITE_PAGE_BYTES` (an existing one keeps its own).

    The driver's own transaction handling is switched off so that
    `_sqlite_begin_immediate` decides how each transaction starts.
    """
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA page_size={SQLITE_PAGE_BYTES}")  # a new file's only
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def _sqlite_begin_immediate(connection: Any) -> None:
    """Take the write lock at BEGIN: two writers then queue on the busy timeout
    instead of one failing when it upgrades a read transaction to a write."""
    connection.exec_driver_sql("BEGIN IMMEDIATE")
