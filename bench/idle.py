"""Idle cycle: a running daemon over a folder of already-handled messages.

Issue 13 asks that a cycle scale with the mailbox, not its history: over a
folder of 20,000 messages that carry mailroom's handled flag and no new one,
a cycle fetches no bodies and takes well under a second. The folder is an
account of its own on the run's Dovecot, loaded with small flagged messages
in one session (MULTIAPPEND), and the daemon runs over it with a fresh store,
polling every `POLL_S` seconds (the shortest it accepts).

Both figures come from what the two programs already record. A cycle's time
is the `duration_ms` of the daemon's JSON `poll` line (reading the sources:
login, search, logout; process start-up excluded); the first poll also moves
the fresh store's checkpoint up, so the second is the steady state. Bodies
fetched are Dovecot's own count: each IMAP session's logout line carries
`body_count`, summed over the sessions the daemon opened.
"""

import json
import re
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from tests.dovecot import Dovecot
from tests.imapsetup import IN_WINDOW, imap_config_file

from .mailbox import FOLDER, HANDLED
from .pipelines import fresh, mailroom_env, start_daemon

POLL_S = 5  # settings.poll_interval_seconds refuses less
POLLS = 2  # the first (fresh store) and one in the steady state
DEADLINE_S = 60.0
APPEND_CHUNK = 1000  # messages per MULTIAPPEND command
USER = "idle@example.test"
T = TypeVar("T")
# Dovecot 2.3 logs each login with its session id, and each session's end
# with its default imap_logout_format, which ends in these counts.
_LOGIN = re.compile(rf"Login: user=<{re.escape(USER)}>, .* session=<([^>]+)>")
_LOGOUT = re.compile(
    rf"imap\({re.escape(USER)}\)<[^>]*><([^>]+)>: Info: Disconnected: .* body_count=(\d+) "
)


@dataclass(frozen=True)
class IdleCycle:
    messages: int
    first_s: float
    steady_s: float
    bodies_fetched: int

    def line(self) -> str:
        return (
            f"Idle cycle over {self.messages} handled messages: {self.steady_s:.2f} s, "
            f"{self.bodies_fetched} bodies fetched (first cycle {self.first_s:.2f} s)"
        )


def idle_cycle(dovecot: Dovecot, count: int, work: Path) -> IdleCycle:
    """Load `count` handled messages into a fresh account, run the daemon over
    them for `POLLS` polls, and read the polls' times and Dovecot's body count."""
    server = dovecot.server
    account = Dovecot(server, server.add_account(USER))
    _load(account, count)
    since = server.log_size()  # the loading session is not the daemon's
    folder = fresh(work / "idle")
    config = imap_config_file(account, folder, 'processed = "flag"\n')
    env = {**mailroom_env(folder, "pypdf"), "MAILROOM_POLL_INTERVAL_SECONDS": str(POLL_S)}
    log = folder / "log"
    daemon = start_daemon(config, env, log)
    try:
        polls = _wait(lambda: _polls(log))
    finally:
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(timeout=120)
    bodies = _wait(lambda: _bodies_fetched(server.log_tail(lines=1_000_000, since=since)))
    return IdleCycle(count, polls[0], polls[-1], bodies)


def _load(account: Dovecot, count: int) -> None:
    """`count` small messages, flagged handled, in one session: appending them
    one command each would take minutes at 20,000."""
    with account.session() as client:
        for start in range(0, count, APPEND_CHUNK):
            client.multiappend(
                FOLDER,
                [
                    {"msg": _message(n), "flags": [HANDLED], "date": IN_WINDOW}
                    for n in range(start, min(start + APPEND_CHUNK, count))
                ],
            )


def _message(number: int) -> bytes:
    return (
        f"From: Sollicitant {number} <sollicitant{number}@example.nl>\r\n"
        "To: info@chassesearch.nl\r\n"
        f"Subject: Sollicitatie {number}\r\n"
        f"Message-ID: <handled.{number}@example.nl>\r\n"
        "\r\n"
        f"Handled long ago ({number}).\r\n"
    ).encode()


def _polls(log: Path) -> list[float] | None:
    """The seconds of the daemon's first `POLLS` poll lines, once it logged them."""
    seconds = []
    for line in log.read_text(errors="replace").splitlines():
        if line.startswith("{"):
            record = json.loads(line)
            if record.get("msg") == "poll":
                seconds.append(float(record["duration_ms"]) / 1000)
    return seconds[:POLLS] if len(seconds) >= POLLS else None


def _bodies_fetched(log: str) -> int | None:
    """Bodies fetched over the sessions that logged in within `log`, once every
    one has ended (None before, or when there were none: no count is not a zero).
    Sessions are matched by id: the loading session's end may be logged late."""
    sessions = set(_LOGIN.findall(log))
    ended = {session: int(count) for session, count in _LOGOUT.findall(log)}
    if not sessions or not sessions <= set(ended):
        return None
    return sum(ended[session] for session in sessions)


def _wait(ready: Callable[[], T | None]) -> T:
    """Poll `ready` until it returns something."""
    deadline = time.monotonic() + DEADLINE_S
    while (value := ready()) is None:
        if time.monotonic() > deadline:
            raise TimeoutError("the idle daemon did not get there in time")
        time.sleep(0.05)
    return value
