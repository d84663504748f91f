"""The three pipelines as commands over one mailbox, each run in a fresh directory.

A `Trial` is one run of one pipeline: its `Usage` plus what it got done
(messages judged valid, replies written) and, for mailroom, the per-stage
milliseconds summed from its `decision` log lines.
"""

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from tests.dovecot import Dovecot
from tests.imapsetup import IN_WINDOW, imap_config_file
from tests.support import EXAMPLE_CONFIG, REPO

from .mailbox import unmark
from .measure import Usage, run

STAGES = ("fetch_ms", "store_ms", "parse_ms", "decide_ms", "file_ms")
# Handled an hour after arrival, as a poll would, with the vacancy open.
AS_OF = (IN_WINDOW + timedelta(hours=1)).isoformat()


@dataclass
class Trial:
    """One pipeline's run over the whole mailbox."""

    pipeline: str
    usage: Usage
    valid: int
    replies: int = 0
    stage_ms: dict[str, float] = field(default_factory=dict)


def naive(dovecot: Dovecot, work: Path) -> Trial:
    """bench/naive.py into a fresh SQLite file."""
    folder = fresh(work / "naive")
    usage = run(
        [sys.executable, "-m", "bench.naive", *_imap_args(dovecot, folder), str(folder / "db")],
        os.environ.copy(),
        REPO,
        folder / "log",
    )
    return Trial("naive", usage, _printed(folder / "log", "valid"))


def raw_fetch(dovecot: Dovecot, work: Path) -> Trial:
    """bench/rawfetch.py: every body in batches, nothing done with them."""
    folder = fresh(work / "raw")
    usage = run(
        [sys.executable, "-m", "bench.rawfetch", *_imap_args(dovecot, folder)],
        os.environ.copy(),
        REPO,
        folder / "log",
    )
    return Trial("raw-fetch", usage, _printed(folder / "log", "fetched"))


def mailroom(dovecot: Dovecot, work: Path, engine: str) -> Trial:
    """`mailroom run --once` in flag mode, a fresh SQLite store, file transport,
    JSON logs; the mailbox's handled flags are cleared first."""
    unmark(dovecot)
    folder = fresh(work / engine)
    config = imap_config_file(dovecot, folder, 'processed = "flag"\n')
    env = mailroom_env(folder, engine)
    command = [sys.executable, "-m", "mailroom", "--config", str(config)]
    usage = run([*command, "--as-of", AS_OF, "run", "--once"], env, REPO, folder / "log")
    decisions = _decisions(folder / "log")
    stage_ms = {stage: sum(float(d.get(stage, 0.0)) for d in decisions) for stage in STAGES}
    valid = sum(1 for d in decisions if d.get("verdict") == "valid")
    replies = len(list((folder / "outbox").glob("*.eml")))
    return Trial(f"mailroom-{engine}", usage, valid, replies, stage_ms)


def engine_available(engine: str, work: Path) -> bool:
    """Whether this mailroom accepts `[limits] pdf_engine = engine` (config check)."""
    folder = fresh(work / f"check-{engine}")
    result = subprocess.run(
        [sys.executable, "-m", "mailroom", "--config", str(EXAMPLE_CONFIG), "config", "check"],
        env=mailroom_env(folder, engine),
        cwd=REPO,
        capture_output=True,
        check=False,
    )
    return result.returncode == 0


def mailroom_env(folder: Path, engine: str) -> dict[str, str]:
    env = os.environ.copy()
    env.update(
        MAILROOM_STORE__URL=f"sqlite:///{folder / 'mailroom.db'}",
        MAILROOM_TRANSPORT__DIRECTORY=str(folder / "outbox"),
        MAILROOM_PRIVACY__SALT_FILE=str(folder / "audit-salt"),
        MAILROOM_LOGGING__FORMAT="json",
        # The file transport's send rate (600 a minute by default) stands in for a
        # relay's limit; the naive script has none, and neither has a folder.
        MAILROOM_TRANSPORT__PER_MINUTE="1000000",
    )
    if engine != "pypdf":  # the default, and the only engine before the setting existed
        env["MAILROOM_LIMITS__PDF_ENGINE"] = engine
    return env


def start_daemon(config: Path, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """`mailroom run` (the daemon) on `config`, its output into `log`."""
    with log.open("wb") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "mailroom", "--config", str(config), "run"],
            env=env,
            cwd=REPO,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def _imap_args(dovecot: Dovecot, folder: Path) -> list[str]:
    password = folder / "imap-password"
    password.write_text(dovecot.password)
    return [dovecot.host, str(dovecot.imap_port), dovecot.user, str(password), str(dovecot.ca_file)]


def fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def _printed(log: Path, key: str) -> int:
    """The count a helper script printed last as `key=N` (0 if it printed none)."""
    for line in reversed(log.read_text(errors="replace").splitlines()):
        if line.startswith(f"{key}="):
            return int(line.removeprefix(f"{key}="))
    return 0


def _decisions(log: Path) -> list[dict[str, Any]]:
    lines = []
    for line in log.read_text(errors="replace").splitlines():
        if line.startswith("{"):
            record = json.loads(line)
            if record.get("msg") == "decision":
                lines.append(record)
    return lines
