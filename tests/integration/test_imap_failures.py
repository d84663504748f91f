"""Messages that keep failing, and outages, as ops will see them."""

import argparse
import logging
from pathlib import Path

import pytest

import parse
from mailroom.app import build_app, prepare_database
from mailroom.clock import fixed_clock
from mailroom.commands import status
from mailroom.cycle import run_cycle
from mailroom.settings import Settings
from store.models import InboundMessage

from ..dovecot import Dovecot
from ..imapsetup import IN_WINDOW, imap_settings, question
from ..support import TEST_NOW


def test_a_message_that_keeps_failing_is_filed_as_failed_after_its_attempts(
    settings: Settings, dovecot: Dovecot, isolated_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dovecot.append("INBOX", question(7), IN_WINDOW)
    config = imap_settings(settings, dovecot, isolated_env)

    def broken(*args: object, **kwargs: object) -> parse.Analysis:
        raise ValueError("a parser fault")

    monkeypatch.setattr(parse, "analyse", broken)
    with build_app(config, fixed_clock(TEST_NOW)) as app:
        prepare_database(app)
        for attempt in range(1, config.limits.max_attempts + 1):
            assert run_cycle(app).failed == 1
            still_waiting = attempt < config.limits.max_attempts
            assert (dovecot.folder_uids("INBOX") != []) == still_waiting
        with app.db.transaction() as session:
            [row] = session.query(InboundMessage).all()
            assert (row.status, row.attempts) == ("failed", config.limits.max_attempts)
            assert "a parser fault" in (row.error or "")
    assert len(dovecot.folder_uids(f"Processed{dovecot.delimiter}failed")) == 1


def test_an_outage_is_logged_once_when_it_begins_and_once_when_it_ends(
    settings: Settings, dovecot: Dovecot, isolated_env: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = imap_settings(settings, dovecot, isolated_env)
    with build_app(config, fixed_clock(TEST_NOW)) as app:
        prepare_database(app)
        dovecot.stop()
        with caplog.at_level(logging.INFO, logger="mailroom"):
            for _ in range(3):
                run_cycle(app)
            dovecot.start()
            run_cycle(app)
            run_cycle(app)
    errors = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert errors, "an outage must be logged"
    assert [r.levelname for r in errors] == ["ERROR", "WARNING"]
    assert "unavailable" in errors[0].getMessage() and "answers again" in errors[1].getMessage()


def test_status_shows_a_source_that_is_down(
    settings: Settings, dovecot: Dovecot, isolated_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = imap_settings(settings, dovecot, isolated_env)
    with build_app(config, fixed_clock(TEST_NOW)) as app:
        prepare_database(app)
        dovecot.stop()
        run_cycle(app)
        assert status(app, argparse.Namespace(json=False)) == 1
    shown = capsys.readouterr().out
    assert shown.startswith("unhealthy: source chasse down since 2026-01-05T09:00:00+00:00")
    assert "chasse: DOWN since 2026-01-05T09:00:00+00:00" in shown
    assert "; 1 outage(s) so far" in shown
