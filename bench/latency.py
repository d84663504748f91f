"""Push latency: from APPEND to the reply planned, one message at a time.

The daemon runs with an hour's poll interval, so only IMAP IDLE brings each
message in; a message's time ends when the store holds its planned reply.
Messages go one at a time (the next after the last one's reply), as an
applicant's would, and into an account of their own on the run's Dovecot.
"""

import signal
import sqlite3
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.dovecot import Dovecot
from tests.imapsetup import IN_WINDOW, imap_config_file

from .pipelines import fresh, mailroom_env, start_daemon

DEADLINE_S = 60.0


@dataclass(frozen=True)
class Latency:
    count: int
    p50_s: float
    p95_s: float

    def line(self) -> str:
        return (
            f"Push latency (IMAP IDLE, APPEND to reply planned, {self.count} single "
            f"messages): p50 {self.p50_s:.2f} s, p95 {self.p95_s:.2f} s"
        )


def push_latency(dovecot: Dovecot, messages: Sequence[Path], work: Path) -> Latency:
    """Append `messages` one by one to a fresh account a waiting daemon idles on."""
    account = Dovecot(dovecot.server, dovecot.server.add_account("push@example.test"))
    folder = fresh(work / "latency")
    config = imap_config_file(account, folder, 'processed = "flag"\n')
    env = {**mailroom_env(folder, "pypdf"), "MAILROOM_POLL_INTERVAL_SECONDS": "3600"}
    db = folder / "mailroom.db"
    daemon = start_daemon(config, env, folder / "log")
    try:
        _wait_for(db, "SELECT count(*) FROM source_health WHERE last_ok_at IS NOT NULL", 1)
        times = []
        for number, path in enumerate(messages, start=1):
            started = time.monotonic()
            account.append("INBOX", path.read_bytes(), IN_WINDOW)
            _wait_for(db, "SELECT count(*) FROM outbox", number)
            times.append(time.monotonic() - started)
    finally:
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(timeout=120)
    return Latency(len(times), statistics.median(times), _percentile(times, 0.95))


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _wait_for(db: Path, query: str, at_least: int) -> None:
    """Poll the daemon's store until `query` counts `at_least`."""
    deadline = time.monotonic() + DEADLINE_S
    while _count(db, query) < at_least:
        if time.monotonic() > deadline:
            raise TimeoutError("the daemon did not get there in time")
        time.sleep(0.01)


def _count(db: Path, query: str) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return int(connection.execute(query).fetchone()[0])
    except sqlite3.OperationalError:  # not migrated yet
        return 0
