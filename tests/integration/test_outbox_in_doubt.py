"""A sender killed between the relay's acceptance and its own record never
leaves two copies: like Exchange, this relay files what it accepts in the
account's Sent folder, and the restarted sender finds the reply there.

`mailroom send` runs as a real process; the relay kills it with SIGKILL
while holding its answer to DATA, so the message is accepted and filed but
the sender never records it. A relay that kills before filing (the message
lost with the sender) shows the other branch: absent from Sent, the reply
goes again with the same Message-ID.
"""

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import message_from_bytes
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

import store
from store.models import DeliveryAttempt, OutboxReply

from ..databases import fresh_postgres_url
from ..dovecot import Dovecot
from ..imapsetup import imap_config_file
from ..smtpserver import free_port
from ..store_fixtures import plan_replies
from ..support import REPO

REPLIES = 6


@dataclass
class ExchangeLikeRelay:
    """Accepts each message, files it in the Sent folder, and on the deliveries
    numbered in `kill_on` SIGKILLs the sender before it hears the answer."""

    dovecot: Dovecot
    file_before_kill: bool
    kill_on: set[int]
    victim: int = 0
    received: list[bytes] = field(default_factory=list)
    killed_during: list[str] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append(envelope.content)
        number = len(self.received)
        killing = number in self.kill_on
        if self.file_before_kill or not killing:
            await asyncio.to_thread(
                self.dovecot.append, "Sent", envelope.content, datetime.now(UTC), ["\\Seen"]
            )
        if killing:
            self.killed_during.extend(message_ids([envelope.content]))
            os.kill(self.victim, signal.SIGKILL)
            await asyncio.sleep(0.2)  # the sender is gone before it could read "250"
        return f"250 2.0.0 Ok: queued as Q{number}"


@contextmanager
def running(relay: ExchangeLikeRelay) -> Iterator[int]:
    controller = Controller(relay, hostname="127.0.0.1", port=free_port(), ready_timeout=10)
    controller.start()
    try:
        yield controller.port
    finally:
        controller.stop()


def config(dovecot: Dovecot, tmp: Path, smtp_port: int) -> Path:
    """The example config reading the test account and sending through the relay,
    which files in that account's Sent folder itself."""
    transport = f"""
[transport]
kind = "smtp"
host = "127.0.0.1"
port = {smtp_port}
security = "plain"
per_minute = 100
sent_copy_source = "chasse"
sent_copy_folder = "Sent"
sent_copy_by = "relay"
"""
    return imap_config_file(dovecot, tmp, transport, until="[templates]")


@contextmanager
def store_url(engine: str, tmp: Path) -> Iterator[str]:
    if engine == "sqlite":
        yield f"sqlite:///{tmp / 'mailroom.db'}"
        return
    with fresh_postgres_url() as url:
        yield url


def mailroom(config_path: Path, url: str, *args: str) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAILROOM_")}
    env["MAILROOM_STORE__URL"] = url
    command = [sys.executable, "-m", "mailroom", "--config", str(config_path), *args]
    return subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def message_ids(messages: list[bytes]) -> list[str]:
    return [str(message_from_bytes(m, policy=default)["Message-ID"]) for m in messages]


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
@pytest.mark.parametrize("file_before_kill", [True, False], ids=["filed", "lost"])
def test_a_sender_killed_between_250_and_its_record_never_sends_twice(
    engine: str, file_before_kill: bool, dovecot: Dovecot, tmp_path: Path
) -> None:
    relay = ExchangeLikeRelay(dovecot, file_before_kill, kill_on={1, 3, 4})
    with running(relay) as smtp_port, store_url(engine, tmp_path) as url:
        path = config(dovecot, tmp_path, smtp_port)
        assert mailroom(path, url, "db", "upgrade").wait(timeout=60) == 0
        db = store.connect(url)
        planned = plan_replies(db, REPLIES)

        runs = []
        for _ in range(len(relay.kill_on) + 2):
            sender = mailroom(path, url, "send", "--until-empty")
            relay.victim = sender.pid
            runs.append(sender.wait(timeout=120))
            if runs[-1] == 0:
                break

        assert runs == [-signal.SIGKILL] * len(relay.kill_on) + [0], sender.communicate()
        filed = message_ids(dovecot.messages("Sent"))
        assert sorted(filed) == sorted(planned)  # each reply once where people look
        with db.transaction() as session:
            statuses = set(session.scalars(select(OutboxReply.status)))
            confirmed = set(
                session.scalars(
                    select(OutboxReply.rfc_message_id)
                    .join(DeliveryAttempt, DeliveryAttempt.outbox_id == OutboxReply.id)
                    .where(DeliveryAttempt.outcome == "confirmed")
                )
            )
        db.dispose()
    assert statuses == {"sent"}
    if file_before_kill:
        assert sorted(message_ids(relay.received)) == sorted(planned)
        assert confirmed == set(relay.killed_during) and len(confirmed) == len(relay.kill_on)
    else:
        # Lost with the sender: sent again, under the very same Message-ID.
        assert len(relay.received) == REPLIES + len(relay.kill_on)
        assert sorted(set(message_ids(relay.received))) == sorted(planned)
        assert confirmed == set()
