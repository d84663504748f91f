"""Messages that keep failing, and outages, as ops will see them."""

import argparse
import logging
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

import parse
from mailroom.app import App, build_app, prepare_database
from mailroom.clock import fixed_clock
from mailroom.commands import status
from mailroom.cycle import run_cycle
from mailroom.settings import Settings
from store.models import InboundMessage

from ..dovecot import Dovecot
from ..imapsetup import IN_WINDOW, imap_settings, question
from ..support import TEST_NOW


def test_a_message_that_keeps_failing_waits_for_each_retry_then_is_filed_as_failed(
    settings: Settings, dovecot: Dovecot, isolated_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each failure sets the next attempt later (60 s, doubling): before it the message
    is neither judged nor filed; after the last attempt it is filed as failed, and a
    later cycle leaves it alone."""
    dovecot.append("INBOX", question(7), IN_WINDOW)
    config = imap_settings(settings, dovecot, isolated_env)
    last = config.limits.max_attempts

    def broken(*args: object, **kwargs: object) -> parse.Analysis:
        raise ValueError("a parser fault")

    def stored(app: App) -> tuple[int, datetime | None]:
        with app.db.transaction() as session:
            [row] = session.query(InboundMessage).all()
            assert row.status == "failed" and "a parser fault" in (row.error or "")
            return row.attempts, row.retry_at

    monkeypatch.setattr(parse.PdfSandbox, "analyse", broken)
    with build_app(config, fixed_clock(TEST_NOW)) as built:
        prepare_database(built)
        now = TEST_NOW
        for attempt in range(1, last + 1):
            assert run_cycle(replace(built, clock=fixed_clock(now))).failed == 1
            if attempt == last:
                assert stored(built) == (last, None)
                break
            delay = timedelta(seconds=60 * 2 ** (attempt - 1))
            assert stored(built) == (attempt, now + delay)
            early = run_cycle(replace(built, clock=fixed_clock(now + delay - timedelta(seconds=1))))
            assert (early.failed, early.waiting_retry, sum(early.verdicts.values())) == (0, 1, 0)
            assert stored(built) == (attempt, now + delay)
            assert dovecot.folder_uids("INBOX") != []
            now += delay
        assert dovecot.folder_uids("INBOX") == []
        later = run_cycle(replace(built, clock=fixed_clock(now + timedelta(days=1))))
        assert (later.failed, later.waiting_retry) == (0, 0)
        assert stored(built) == (last, None)
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
