"""A daemon killed with SIGKILL mid-batch loses nothing and repeats nothing."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from ..dovecot import Dovecot
from ..imapsetup import IN_WINDOW, imap_config_file, question
from ..support import REPO

MESSAGES = 300


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as connection:
            return int(connection.execute("SELECT count(*) FROM inbound_message").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def _run(config: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "mailroom", "--config", str(config), "run", "--once"]
    return subprocess.Popen(
        command, cwd=REPO, env=os.environ.copy(), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def test_sigkill_mid_batch_then_restart_handles_everything_once(
    dovecot: Dovecot, isolated_env: Path
) -> None:
    for number in range(MESSAGES):
        dovecot.append("INBOX", question(number), IN_WINDOW)
    config = imap_config_file(dovecot, isolated_env, "batch_size = 20\n")
    db = isolated_env / "mailroom.db"

    victim = _run(config)
    deadline = time.monotonic() + 120
    while _stored(db) < MESSAGES // 4 and time.monotonic() < deadline and victim.poll() is None:
        time.sleep(0.05)
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    killed_at = _stored(db)
    assert 0 < killed_at < MESSAGES, victim.communicate()

    survivor = _run(config)
    _, errors = survivor.communicate(timeout=300)  # read as it goes: a full pipe would block it
    assert survivor.returncode == 0, errors

    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT count(*), count(DISTINCT uid) FROM inbound_message"
        ).fetchone()
        replies = connection.execute(
            "SELECT count(*), count(DISTINCT message_id) FROM outbox WHERE status = 'sent'"
        ).fetchone()
    assert rows == (MESSAGES, MESSAGES)
    assert replies == (MESSAGES, MESSAGES)
    assert len(list((isolated_env / "outbox").glob("*.eml"))) == MESSAGES
    assert dovecot.folder_uids("INBOX") == []
    assert len(dovecot.folder_uids(f"Processed{dovecot.delimiter}question")) == MESSAGES
