"""The daemon as ops run it: a real `mailroom run` process against Dovecot,
an SMTP peer and the store; stopped with SIGTERM mid-batch and started again,
woken by IMAP IDLE, and talking to a stand-in for systemd."""

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from ..dovecot import Dovecot
from ..imapsetup import IN_WINDOW, imap_config_file, question
from ..smtpserver import SmtpPeer, free_port, smtp_peer
from ..support import EXAMPLE_CONFIG, REPO

DEADLINE = 120.0
STARTED = "mailroom.daemon: started"  # logged once its signal handlers are in place


def wait_for(condition: Callable[[], bool], what: str, daemon: "Daemon | None" = None) -> None:
    """Poll for an effect; fail at the deadline, or at once when the daemon died."""
    deadline = time.monotonic() + DEADLINE
    while not condition():
        if daemon is not None and daemon.poll() is not None:
            raise AssertionError(f"the daemon exited ({daemon.returncode}) before {what}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def count(db: Path, sql: str) -> int:
    """One number from the daemon's SQLite store; 0 while it does not exist yet."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return int(connection.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def stored(db: Path) -> int:
    return count(db, "SELECT count(*) FROM inbound_message")


def decided(db: Path) -> int:
    return count(db, "SELECT count(*) FROM inbound_message WHERE status = 'processed'")


@dataclass
class Daemon:
    """A `mailroom run` process; its log goes to a file, as a pipe nobody
    reads while it runs would fill up and block it."""

    process: subprocess.Popen[bytes]
    log: Path

    def poll(self) -> int | None:
        return self.process.poll()

    @property
    def returncode(self) -> int | None:
        return self.process.returncode

    def send_signal(self, signum: int) -> None:
        self.process.send_signal(signum)

    def wait(self, timeout: float) -> str:
        """Its exit, within `timeout`; returns what it logged."""
        self.process.wait(timeout=timeout)
        return self.log.read_text(encoding="utf-8", errors="replace")


def start(config: Path, **env: str) -> Daemon:
    environment = {**os.environ, **env}
    command = [sys.executable, "-m", "mailroom", "--config", str(config), "run"]
    log = Path(tempfile.mkstemp(prefix="daemon-", suffix=".log")[1])
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command, cwd=REPO, env=environment, stdout=sink, stderr=subprocess.STDOUT
        )
    return Daemon(process, log)


def stop(daemon: Daemon, timeout: float = 60) -> str:
    """SIGTERM once the daemon has started (a signal that comes while it still
    imports ends it at once); it must exit 0 in time. Returns what it logged."""
    wait_for(lambda: STARTED in daemon.log.read_text(errors="replace"), "its start", daemon)
    daemon.send_signal(signal.SIGTERM)
    logged = daemon.wait(timeout)
    assert daemon.returncode == 0, logged
    return logged


@contextmanager
def running(config: Path, **env: str) -> Iterator[Daemon]:
    daemon = start(config, **env)
    try:
        yield daemon
    finally:
        if daemon.poll() is None:
            daemon.process.kill()
            print(f"daemon's log (killed):\n{daemon.wait(30)}")
        elif daemon.returncode != 0:
            print(f"daemon's log (exit {daemon.returncode}):\n{daemon.wait(30)}")
        daemon.log.unlink(missing_ok=True)


def relay_config(dovecot: Dovecot, tmp: Path, peer: SmtpPeer, extra: str = "") -> Path:
    """The example config reading the test account and sending through `peer`."""
    transport = f"""{extra}
[transport]
kind = "smtp"
host = "{peer.host}"
port = {peer.port}
security = "plain"
per_minute = 10000
"""
    return imap_config_file(dovecot, tmp, transport, until="[templates]")


def message_ids(peer: SmtpPeer) -> list[str]:
    return [
        str(message_from_bytes(e.content, policy=default)["Message-ID"])
        for e in peer.handler.received
    ]


MESSAGES = 150


@pytest.mark.timeout(400)
def test_sigterm_mid_batch_then_restart_handles_every_message_once(
    dovecot: Dovecot, isolated_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MAILROOM_TRANSPORT__DIRECTORY")
    for number in range(MESSAGES):
        dovecot.append("INBOX", question(number), IN_WINDOW)
    db = isolated_env / "mailroom.db"
    with smtp_peer(isolated_env) as peer:
        config = relay_config(dovecot, isolated_env, peer, "batch_size = 10\n")
        with running(config) as daemon:
            wait_for(lambda: stored(db) >= 10, "the first messages", daemon)
            logged = stop(daemon)
        stopped_at = stored(db)
        assert 0 < stopped_at < MESSAGES, "SIGTERM came after the batch: nothing to prove"
        assert "stopping" in logged
        assert decided(db) == stopped_at, "the message in hand was not finished"

        with running(config) as daemon:
            wait_for(lambda: len(peer.handler.received) >= MESSAGES, "every reply", daemon)
            stop(daemon)

        ids = message_ids(peer)
        assert len(ids) == MESSAGES and len(set(ids)) == MESSAGES
    assert count(db, "SELECT count(DISTINCT uid) FROM inbound_message") == MESSAGES
    assert decided(db) == MESSAGES
    assert count(db, "SELECT count(*) FROM outbox WHERE status = 'sent'") == MESSAGES
    assert dovecot.folder_uids("INBOX") == []


def test_systemd_hears_ready_status_watchdog_and_stopping(isolated_env: Path) -> None:
    path = isolated_env / "notify"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(path))
        sock.settimeout(DEADLINE)
        heard: list[str] = []

        def hear(prefix: str) -> None:
            while not any(line.startswith(prefix) for line in heard):
                heard.extend(sock.recv(4096).decode().splitlines())

        with running(EXAMPLE_CONFIG, NOTIFY_SOCKET=str(path), WATCHDOG_USEC="1000000") as daemon:
            hear("READY=1")
            hear("STATUS=last poll")
            hear("WATCHDOG=1")
            stop(daemon)
        hear("STOPPING=1")
    status = next(line for line in heard if line.startswith("STATUS=last poll"))
    assert "11 handled" in status


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_ends_a_waiting_daemon_with_status_0(isolated_env: Path, signum: int) -> None:
    db = isolated_env / "mailroom.db"
    with running(EXAMPLE_CONFIG) as daemon:
        wait_for(lambda: decided(db) == 11, "the sample inbox", daemon)
        daemon.send_signal(signum)
        logged = daemon.wait(DEADLINE)
    assert daemon.returncode == 0, logged
    assert "Traceback" not in logged


def scraped(port: int, name: str, **labels: str) -> float:
    """One sample from the daemon's metrics endpoint; 0 when it is not there yet."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=30) as response:
        text = response.read().decode()
    return next(
        (
            sample.value
            for family in text_string_to_metric_families(text)
            for sample in family.samples
            if sample.name == name and labels.items() <= sample.labels.items()
        ),
        0.0,
    )


@pytest.mark.timeout(400)
def test_idle_brings_new_mail_in_without_polling_and_survives_a_dovecot_restart(
    dovecot: Dovecot, isolated_env: Path
) -> None:
    """Polling once an hour, only IDLE can explain a message handled within the test."""
    db, port = isolated_env / "mailroom.db", free_port()
    env = {
        "MAILROOM_POLL_INTERVAL_SECONDS": "3600",
        "MAILROOM_SERVICE__IDLE_RENEW_SECONDS": "5",
        "MAILROOM_METRICS__ADDRESS": f"127.0.0.1:{port}",
    }
    config = imap_config_file(dovecot, isolated_env)
    first_poll = "SELECT count(*) FROM source_health WHERE last_ok_at IS NOT NULL"
    with running(config, **env) as daemon:
        wait_for(lambda: count(db, first_poll) == 1, "the first poll", daemon)
        time.sleep(6)  # past one IDLE renewal: the renewed IDLE must still hear new mail
        dovecot.append("INBOX", question(1), IN_WINDOW)
        wait_for(lambda: decided(db) == 1, "the message appended while idle", daemon)
        assert scraped(port, "mailroom_idle_wakeups_total", source="chasse") >= 1

        dovecot.stop()
        dovecot.start()
        wait_for(
            lambda: scraped(port, "mailroom_idle_errors_total", source="chasse") >= 1,
            "the dropped IDLE connection noticed",
            daemon,
        )
        dovecot.append("INBOX", question(2), IN_WINDOW)
        wait_for(lambda: decided(db) == 2, "the message appended after the restart", daemon)
        assert scraped(port, "mailroom_messages_total", verdict="question") == 2
        stop(daemon)
    assert dovecot.folder_uids("INBOX") == []
