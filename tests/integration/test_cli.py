"""The commands ops use besides `run`: config check, db upgrade, status, daemon mode."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import store
from mailroom.cli import main

from ..databases import fresh_postgres_url
from ..support import EXAMPLE_CONFIG, REPO


def _cli(*args: str) -> int:
    return main(["--config", str(EXAMPLE_CONFIG), *args])


def test_config_check_accepts_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli("config", "check") == 0
    assert "configuration is valid" in capsys.readouterr().out


def test_bad_config_exits_2_naming_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        EXAMPLE_CONFIG.read_text(encoding="utf-8").replace("[firm]", "[firm]\ncolour = 1")
    )
    assert main(["--config", str(bad), "config", "check"]) == 2
    assert "firm.colour: unknown key" in capsys.readouterr().err


def test_db_upgrade_then_status(isolated_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli("db", "upgrade") == 0
    assert _cli("status") == 0
    output = capsys.readouterr().out
    assert "database schema is up to date" in output and "messages" in output


def test_postgres_behind_refuses_to_run_and_names_the_command(
    monkeypatch: pytest.MonkeyPatch, isolated_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with fresh_postgres_url() as url:
        monkeypatch.setenv("MAILROOM_STORE__URL", url)
        assert _cli("run", "--once") == 3
        assert "mailroom db upgrade" in capsys.readouterr().err
        assert _cli("db", "upgrade") == 0
        assert _cli("--as-of", "2026-01-07T10:00+01:00", "run", "--once") == 0
        database = store.connect(url)
        with database.transaction() as session:
            assert sum(store.verdict_counts(session).values()) == 11
        database.dispose()


def test_daemon_handles_mail_and_stops_cleanly_on_sigterm(isolated_env: Path) -> None:
    env = {**os.environ, "MAILROOM_POLL_INTERVAL_SECONDS": "5"}
    command = [sys.executable, "-m", "mailroom", "--config", str(EXAMPLE_CONFIG), "run"]
    daemon = subprocess.Popen(command, cwd=REPO, env=env, stderr=subprocess.PIPE, text=True)
    outbox = isolated_env / "outbox"
    deadline = time.monotonic() + 60
    while len(list(outbox.glob("*.eml"))) < 9 and time.monotonic() < deadline:
        time.sleep(0.2)
    try:
        assert len(list(outbox.glob("*.eml"))) == 9
    finally:
        daemon.send_signal(signal.SIGTERM)
        _, errors = daemon.communicate(timeout=30)
    assert daemon.returncode == 0, errors


def test_export_search_and_forget_from_the_command_line(
    isolated_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli("run", "--once") == 0
    out = isolated_env / "committee"
    assert _cli("export", "--vacancy", "ipo-bij12", "--out", str(out)) == 0
    assert "wrote 7 applicant(s) and 10 PDF(s)" in capsys.readouterr().out
    assert _cli("export", "--vacancy", "no-such-vacancy", "--out", str(out)) == 2
    assert "no-such-vacancy" in capsys.readouterr().err

    assert _cli("search", "stikstof") == 0
    assert "[stikstof]" in capsys.readouterr().out
    assert (
        _cli("subject-export", "sanne.devries@example.nl", "--out", str(isolated_env / "sar")) == 0
    )
    assert _cli("forget", "sanne.devries@example.nl") == 0
    assert "erased 1 message(s)" in capsys.readouterr().out
    assert _cli("subject-export", "sanne.devries@example.nl", "--out", str(isolated_env / "x")) == 1
