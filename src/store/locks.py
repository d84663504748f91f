"""Locks among instances that share one PostgreSQL database (docs/architecture.md §8).

PostgreSQL's advisory locks are the whole protocol: a source is polled by
the instance whose server session holds its lock, and the server frees the
lock when that session ends, so a dead instance's sources pass to the next
one to ask. On SQLite only one instance runs (mailroom's lock file), so
every source is its own.
"""

import contextlib
import hashlib
import logging
import threading

from sqlalchemy import Connection, text
from sqlalchemy.exc import SQLAlchemyError

from store.database import Database

log = logging.getLogger("mailroom.store")

_TRY_LOCK = text("SELECT pg_try_advisory_lock(:key)")
# A bigint advisory lock shows in pg_locks as classid (high half), objid (low half), objsubid 1.
_HELD = text(
    "SELECT classid::bigint, objid::bigint FROM pg_locks "
    "WHERE locktype = 'advisory' AND objsubid = 1 AND granted AND pid = pg_backend_pid()"
)
_TURN = text("SELECT pg_advisory_xact_lock(:key)")


def lock_key(name: str) -> int:
    """A stable, positive 63-bit key for `name` (the same on every instance)."""
    digest = hashlib.blake2b(f"mailroom:{name}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


class PollLocks:
    """The sources (mailbox accounts, with all their folders) this instance may
    poll, each held from its first poll until the process ends, on a server
    session of its own (not a pooled one, which would hand the lock to
    whichever thread took it next)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._connection: Connection | None = None
        self._held: dict[int, str] = {}
        self._mutex = threading.Lock()

    def hold(self, source: str) -> bool:
        """Whether this instance may poll `source` now: the server says its
        session holds the lock, or it just took it. A session that was lost
        (and its locks with it) is replaced once; False while another
        instance holds the lock, or when the database does not answer (the
        next poll asks again)."""
        key = lock_key(f"poll:{source}")
        with self._mutex:
            if self._db.is_sqlite:
                self._held[key] = source
                return True
            for _ in range(2):
                try:
                    return self._take(key, source)
                except SQLAlchemyError as exc:
                    failure = type(exc).__name__
                    self._drop_session()
            log.warning("poll lock not taken (%s); the next poll asks again", failure)
            return False

    def held(self) -> list[str]:
        """The sources this instance holds, as the server sees it."""
        with self._mutex:
            if self._connection is not None:
                try:
                    self._forget_lost(self._connection)
                except SQLAlchemyError:
                    self._drop_session()
            return sorted(self._held.values())

    def _take(self, key: int, source: str) -> bool:
        connection = self._session()
        self._forget_lost(connection)
        if key not in self._held and connection.execute(_TRY_LOCK, {"key": key}).scalar():
            self._held[key] = source
        return key in self._held

    def _forget_lost(self, connection: Connection) -> None:
        """Keep only the locks the server still counts as this session's."""
        live = {high << 32 | low for high, low in connection.execute(_HELD).all()}
        self._held = {key: name for key, name in self._held.items() if key in live}

    def close(self) -> None:
        """Give every source up (ending the session frees its locks)."""
        with self._mutex:
            self._drop_session()

    def _session(self) -> Connection:
        if self._connection is None:
            connection = self._db.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            connection.detach()  # never back to the pool: its locks live as long as it does
            self._connection = connection
        return self._connection

    def _drop_session(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(SQLAlchemyError):
                self._connection.close()
            self._connection = None
        self._held.clear()


def take_turn(connection: Connection, name: str) -> None:
    """Within `connection`'s transaction, wait until no other instance's
    transaction holds the turn for `name`, and hold it to the end of this one
    (PostgreSQL; on SQLite the write lock each transaction takes already
    lets one writer at a time)."""
    if connection.dialect.name == "postgresql":
        connection.execute(_TURN, {"key": lock_key(name)})
