"""Who holds an outbox claim, and whether that holder still lives.

A sender that dies while holding replies must not leave them waiting for
the lease to run out, and must not have them sent twice without a check
(docs/architecture.md §4). So every claim names its holder:

- on PostgreSQL, the `application_name` every session of the process
  carries on this database (`pg:mailroom:<random>`, store/database.py); one
  session stays open for the process's life, besides those its pool keeps,
  and the server ends them all when the process dies, whichever host it ran
  on. A process that lives on after losing its sessions (the server
  restarted, the network cut) is alive again with its next session, under
  the same name, so its later claims are never taken for a dead holder's;
- on SQLite, the process (`proc:<host>:<pid>:<start ticks>`): one database
  file is used on one host, where /proc says whether that process still runs
  (the start ticks tell a reused pid apart).
"""

import os
import socket
from pathlib import Path

from sqlalchemy import Connection, text

from store.database import Database

_PG_ALIVE = text("SELECT count(*) FROM pg_stat_activity WHERE application_name = :name")


class Claimant:
    """This process as a holder of claims; `close` ends its PostgreSQL session."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._session: Connection | None = None
        if db.session_name is None:
            self.token = process_token(os.getpid())
        else:
            self._session = db.engine.connect()
            self._session.detach()  # its own server session, closed with it, never pooled
            self.token = f"pg:{db.session_name}"

    def is_alive(self, token: str) -> bool:
        """False only when the holder is known to be gone; an unknown or
        foreign token counts as alive (its lease still bounds it)."""
        kind, _, rest = token.partition(":")
        if kind == "pg" and not self._db.is_sqlite:
            with self._db.engine.connect() as connection:
                return bool(connection.execute(_PG_ALIVE, {"name": rest}).scalar())
        if kind == "proc":
            host, _, process = rest.partition(":")
            pid = process.partition(":")[0]
            if host == socket.gethostname() and pid.isdigit():
                return process_token(int(pid)) == token
        return True

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None


def process_token(pid: int) -> str:
    """`proc:<host>:<pid>:<start ticks>`, the ticks empty when the process is gone."""
    return f"proc:{socket.gethostname()}:{pid}:{_start_ticks(pid)}"


def _start_ticks(pid: int) -> str:
    """The process's start time in clock ticks since boot (field 22 of
    /proc/PID/stat, counted after the parenthesised command name)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    return stat.rpartition(")")[2].split()[19]
