"""The commands ops use besides `run`: config check, db upgrade, status, daemon mode,
their exit statuses, JSON for scripts and the progress line on a terminal."""

import argparse
import dataclasses
import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

import store
from mailroom import commands
from mailroom.app import App
from mailroom.cli import main

from ..clirun import mailroom
from ..databases import fresh_postgres_url
from ..readers import FailingReader
from ..support import EXAMPLE_CONFIG, REPO

IN_WINDOW = "2026-01-07T10:00+01:00"


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
    assert "database schema upgraded from empty to" in output and "messages" in output


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


def _config_with_source(tmp: Path, path: Path) -> Path:
    """The example configuration, reading its Maildir from `path` instead."""
    config = tmp / "mailroom.toml"
    text = EXAMPLE_CONFIG.read_text(encoding="utf-8")
    config.write_text(text.replace('path = "examples/inbox"', f'path = "{path}"'), encoding="utf-8")
    return config


def test_run_once_exits_1_when_a_source_is_down_and_status_json_says_since_when(
    isolated_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = str(_config_with_source(isolated_env, isolated_env / "unmounted"))
    assert main(["--config", config, "run", "--once"]) == 1
    assert "unavailable sources: example" in capsys.readouterr().out

    assert main(["--config", config, "status", "--json"]) == 1, "a source down is unhealthy"
    status = json.loads(capsys.readouterr().out)
    [source] = status["sources"]
    assert (source["name"], source["outages"], source["down"]) == ("example", 1, True)
    assert datetime.fromisoformat(source["down_since"]).tzinfo is not None
    assert "unmounted" in source["last_error"]
    assert status["messages"] == {} and status["replies"] == {}


def test_run_once_exits_1_when_a_message_failed(app: App) -> None:
    broken = dataclasses.replace(app, pdf=FailingReader())  # type: ignore[arg-type]
    assert commands.run(broken, argparse.Namespace(once=True)) == 1
    assert commands.run(app, argparse.Namespace(once=True)) == 0, "handled on the next run"


def test_status_and_search_print_json_for_scripts(
    isolated_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli("--as-of", IN_WINDOW, "run", "--once") == 0
    capsys.readouterr()

    # The samples' two questions arrived days before and nobody answered them.
    assert _cli("--as-of", IN_WINDOW, "status", "--json") == 1
    status = json.loads(capsys.readouterr().out)
    assert sum(status["messages"].values()) == 11 and status["replies"] == {"sent": 9}
    [source] = status["sources"]
    assert source.pop("last_ok_at") is not None
    assert source == {
        "name": "example",
        "down": False,
        "down_since": None,
        "outages": 0,
        "last_error": None,
        "backlog": 0,
    }
    assert status["healthy"] is False
    assert status["problems"] == ["2 question(s) past their answer-by time"]

    assert _cli("search", "provincie", "--vacancy", "ipo-bij12", "--json") == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 2 and all("[provincie]" in hit["snippet"].lower() for hit in hits)
    assert set(hits[0]) == {"applicant", "name", "vacancy", "filename", "snippet", "score"}
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)

    assert _cli("search", "provincie", "--limit", "1", "--json") == 0
    assert json.loads(capsys.readouterr().out) == hits[:1]
    assert _cli("search", "zzzzzz", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_run_once_in_a_pipe_prints_no_progress_and_logs_as_configured(
    isolated_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only log lines reach stderr, each one JSON object at the configured level."""
    monkeypatch.setenv("MAILROOM_LOGGING__FORMAT", "json")
    result = mailroom("--as-of", IN_WINDOW, "run", "--once")
    assert result.returncode == 0, result.stderr
    assert "replies sent          9" in result.stdout
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    assert {line["level"] for line in lines} == {"info"}
    assert any(line["logger"] == "mailroom.pipeline" for line in lines)


def _read_terminal(leader: int, child: subprocess.Popen[bytes]) -> bytes:
    """Everything written to the terminal until the child is done with it."""
    seen = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if not select.select([leader], [], [], 1)[0]:
            if child.poll() is not None:
                break
            continue
        try:
            seen += os.read(leader, 4096)
        except OSError:  # EIO: every process holding the terminal has exited
            break
    return seen


def test_run_once_on_a_terminal_shows_handled_messages_and_rate(isolated_env: Path) -> None:
    leader, follower = pty.openpty()
    command = [sys.executable, "-m", "mailroom", "--config", str(EXAMPLE_CONFIG), "run", "--once"]
    child = subprocess.Popen(
        command, cwd=REPO, env=os.environ.copy(), stdout=subprocess.PIPE, stderr=follower
    )
    os.close(follower)
    terminal = _read_terminal(leader, child)
    os.close(leader)
    output, _ = child.communicate(timeout=30)
    assert child.returncode == 0 and b"this cycle" in output
    assert b"\rexample: handled 0, 0.0 msg/s" in terminal
    assert b"\rexample: handled 11, " in terminal and b" msg/s\r\n" in terminal
