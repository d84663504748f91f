"""`mailroom status` as a health check: its exit status and JSON follow a real
Dovecot going down and coming back, a question passing its answer-by time,
and a message that failed."""

import argparse
import dataclasses
import json
import socket
import subprocess
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import parse
from ingest import SourceUnavailable
from ingest.imap import PROBE_TIMEOUT_SECONDS
from mailroom.app import App, build_app, prepare_database
from mailroom.clock import fixed_clock
from mailroom.commands import status
from mailroom.cycle import run_cycle
from mailroom.pipeline import handle
from mailroom.privacy import forget
from mailroom.settings import Settings

from ..clirun import mailroom
from ..dovecot import Dovecot
from ..imapsetup import IN_WINDOW, imap_config_file, imap_settings, question
from ..support import EXAMPLE_INBOX, TEST_NOW

SOON = (IN_WINDOW + timedelta(hours=1)).isoformat()
# The question arrived Monday 22 December 10:00; it must be answered by Tuesday 23:59:59.
AFTER_ANSWER_BY = (IN_WINDOW + timedelta(days=2)).isoformat()


def _status(config: Path, as_of: str) -> tuple[int, dict[str, Any]]:
    result = mailroom("--as-of", as_of, "status", "--json", config=str(config))
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, json.loads(result.stdout)


def _run_once(config: Path) -> subprocess.CompletedProcess[str]:
    result = mailroom("--as-of", SOON, "run", "--once", config=str(config))
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_status_follows_the_imap_server_down_and_up_again(
    dovecot: Dovecot, isolated_env: Path
) -> None:
    config = imap_config_file(dovecot, isolated_env, "connect_attempts = 3\ntimeout_seconds = 60\n")
    dovecot.append("INBOX", question(1), IN_WINDOW)
    dovecot.append("INBOX", question(2), IN_WINDOW)
    code, before = _status(config, SOON)
    assert code == 0 and before["healthy"] is True and before["problems"] == []
    [source] = before["sources"]
    assert (source["name"], source["backlog"], source["down"]) == ("chasse", 2, False)
    assert source["last_ok_at"] is None, "no cycle has read it yet"

    _run_once(config)
    code, after = _status(config, SOON)
    [source] = after["sources"]
    assert code == 0 and source["backlog"] == 0 and source["last_ok_at"] is not None
    assert after["outbox"]["due"] == 0 and after["replies"] == {"sent": 2}
    assert after["questions"]["open"] == 2 and after["questions"]["overdue"] == 0

    dovecot.stop()
    try:
        started = datetime.now()
        code, down = _status(config, SOON)
        # One attempt with a short timeout, not the source's three of a minute each.
        assert datetime.now() - started < timedelta(seconds=30)
    finally:
        dovecot.start()
    assert code == 1 and down["healthy"] is False
    [source] = down["sources"]
    assert source["down"] is True and source["backlog"] is None and source["last_error"]
    # The daemon has not noticed; the probe did, at the (shifted) clock's now.
    noticed = datetime.fromisoformat(source["down_since"]) - datetime.fromisoformat(SOON)
    assert timedelta(0) <= noticed < timedelta(minutes=1)
    [problem] = down["problems"]
    assert problem.startswith("source chasse down since")

    code, again = _status(config, SOON)
    assert code == 0 and again["healthy"] is True and again["sources"][0]["down"] is False


def test_a_question_past_its_answer_by_time_is_unhealthy_until_answered(
    dovecot: Dovecot, isolated_env: Path
) -> None:
    config = imap_config_file(dovecot, isolated_env)
    dovecot.append("INBOX", question(1), IN_WINDOW)
    _run_once(config)
    assert _status(config, SOON)[0] == 0

    result = mailroom("--as-of", AFTER_ANSWER_BY, "status", config=str(config))
    assert result.returncode == 1
    first_line = result.stdout.splitlines()[0]
    assert first_line == "unhealthy: 1 question(s) past their answer-by time"
    code, late = _status(config, AFTER_ANSWER_BY)
    assert code == 1 and late["problems"] == ["1 question(s) past their answer-by time"]
    assert late["questions"]["overdue"] == 1

    listed = mailroom("questions", "--json", config=str(config))
    [open_question] = json.loads(listed.stdout)
    answered = mailroom(
        "--as-of",
        AFTER_ANSWER_BY,
        "questions",
        "answered",
        open_question["reference"],
        config=str(config),
    )
    assert answered.returncode == 0, answered.stderr
    code, settled = _status(config, AFTER_ANSWER_BY)
    assert code == 0 and settled["questions"]["open"] == 0


def test_a_failed_message_is_unhealthy_and_counts_as_an_error_today(
    settings: Settings,
    dovecot: Dovecot,
    isolated_env: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    dovecot.append("INBOX", question(7), IN_WINDOW)
    config = imap_settings(settings, dovecot, isolated_env)

    def broken(*args: object, **kwargs: object) -> parse.Analysis:
        raise ValueError("a parser fault")

    monkeypatch.setattr(parse.PdfSandbox, "analyse", broken)
    with build_app(config, fixed_clock(datetime.fromisoformat(SOON))) as app:
        prepare_database(app)
        assert run_cycle(app).failed == 1
        capsys.readouterr()
        assert status(app, argparse.Namespace(json=True)) == 1
    shown = json.loads(capsys.readouterr().out)
    assert shown["problems"] == ["1 message(s) failed"] and shown["failed_messages"] == 1
    assert shown["errors_24h"]["messages"] == 1
    assert shown["sources"][0]["backlog"] == 1, "a failed message holds its checkpoint back"


def test_a_local_source_backlog_is_what_the_store_has_not_handled_nor_erased(
    app: App, capsys: pytest.CaptureFixture[str]
) -> None:
    def backlog() -> int:
        capsys.readouterr()
        status(app, argparse.Namespace(json=True))
        [source] = json.loads(capsys.readouterr().out)["sources"]
        return int(source["backlog"])

    waiting = backlog()
    assert waiting == len(list(EXAMPLE_INBOX.glob("*/*")))
    run_cycle(app)
    assert backlog() == 0
    assert forget(app, "sanne.devries@example.nl").erased.messages >= 1
    assert backlog() == 0, "an erased message read again is not waiting"


def test_a_reply_due_longer_than_the_setting_allows_is_unhealthy(
    app: App, capsys: pytest.CaptureFixture[str]
) -> None:
    [source] = app.sources
    for fetched in source.fetch_new():
        handle(app, source, fetched)  # judged and planned; no drain ran

    def status_at(minutes: int) -> tuple[int, dict[str, Any]]:
        later = dataclasses.replace(app, clock=fixed_clock(TEST_NOW + timedelta(minutes=minutes)))
        capsys.readouterr()
        code = status(later, argparse.Namespace(json=True))
        return code, json.loads(capsys.readouterr().out)

    allowed = app.settings.status.reply_overdue_minutes
    _, in_time = status_at(allowed - 1)
    assert in_time["outbox"]["due"] == 9
    assert in_time["outbox"]["oldest_due_age_seconds"] == (allowed - 1) * 60
    assert not [p for p in in_time["problems"] if "reply" in p]
    code, late = status_at(allowed + 1)
    assert code == 1
    assert f"a reply due since {TEST_NOW.isoformat()} has not gone" in late["problems"]


def test_in_flag_mode_flagged_mail_left_in_the_inbox_is_no_backlog(
    settings: Settings, dovecot: Dovecot, isolated_env: Path
) -> None:
    dovecot.append("INBOX", question(1), IN_WINDOW)
    dovecot.append("INBOX", question(2), IN_WINDOW)
    config = imap_settings(settings, dovecot, isolated_env, processed="flag")
    with build_app(config, fixed_clock(datetime.fromisoformat(SOON))) as app:
        prepare_database(app)
        [source] = app.sources
        assert source.backlog() == 2
        run_cycle(app)
        assert len(dovecot.folder_uids("INBOX")) == 2, "flagged, not moved"
        assert source.backlog() == 0
        dovecot.append("INBOX", question(3), IN_WINDOW)
        assert source.backlog() == 1


def test_the_probe_gives_up_quickly_on_a_server_that_never_answers(
    settings: Settings, dovecot: Dovecot, isolated_env: Path
) -> None:
    """A server that accepts the connection and says nothing: the source's own
    patience (three attempts of a minute) would keep `status` waiting minutes."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        config = imap_settings(
            settings,
            dovecot,
            isolated_env,
            port=silent.getsockname()[1],
            connect_attempts=3,
            timeout_seconds=60,
        )
        with build_app(config, fixed_clock(datetime.fromisoformat(SOON))) as app:
            [source] = app.sources
            started = time.monotonic()
            with pytest.raises(SourceUnavailable):
                source.backlog()
    assert time.monotonic() - started < PROBE_TIMEOUT_SECONDS + 5
