"""Faults between the steps of a message's journey lose nothing and repeat nothing."""

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest

import store
from mailroom.app import App
from mailroom.clock import fixed_clock
from mailroom.cycle import run_cycle
from mailroom.pipeline import handle
from notify import Composer
from store.models import InboundMessage, OutboxReply

from ..readers import FailingReader
from ..store_fixtures import example_source
from ..support import TEST_NOW


@contextmanager
def _broken_templates(app: App, tmp: Path) -> Iterator[App]:
    """The app with its templates gone after start, when the start-up check had
    passed: for this process and for the composer alike."""
    folders = dict.fromkeys(app.renderers, (tmp / "missing",))
    letterhead = dataclasses.replace(app.composer.letterhead, template_folders=folders)
    composer = Composer(letterhead)
    try:
        yield dataclasses.replace(app, renderers=letterhead.renderers(), composer=composer)
    finally:
        composer.close()


def test_a_failing_message_is_kept_and_handled_on_the_next_run(app: App) -> None:
    source = example_source(app, "01-valid-nl")
    broken = dataclasses.replace(app, sources=(source,), pdf=FailingReader())  # type: ignore[arg-type]

    first = run_cycle(broken)

    assert first.failed == 1 and first.delivery.delivered == 0
    with app.db.transaction() as session:
        [row] = session.query(InboundMessage).all()
        assert (row.status, row.attempts, row.verdict) == ("failed", 1, None)
        assert "reader broke" in (row.error or "")
        assert session.query(OutboxReply).count() == 0

    mended = dataclasses.replace(app, sources=(source,))
    assert run_cycle(mended).waiting_retry == 1  # its retry is not yet due
    due = dataclasses.replace(mended, clock=fixed_clock(TEST_NOW + timedelta(seconds=60)))
    second = run_cycle(due)

    assert second.verdicts == {"valid": 1} and second.delivery.delivered == 1
    with app.db.transaction() as session:
        [row] = session.query(InboundMessage).all()
        assert (row.status, row.attempts, row.verdict, row.error) == ("processed", 2, "valid", None)
        assert session.query(OutboxReply).count() == 1
    assert len(list(Path(app.settings.transport.directory).glob("*.eml"))) == 1


def test_a_reply_that_cannot_be_written_keeps_its_verdict(app: App, isolated_env: Path) -> None:
    """Composing happens with the decision; its failure is recorded, never the verdict lost."""
    with _broken_templates(app, isolated_env) as broken:
        report = run_cycle(
            dataclasses.replace(broken, sources=(example_source(broken, "01-valid-nl"),))
        )
    with app.db.transaction() as session:
        [row] = session.query(InboundMessage).all()
        [reply] = session.query(OutboxReply).all()
    assert report.failed == 0 and report.verdicts == {"valid": 1}
    assert (row.status, row.verdict, row.error) == ("processed", "valid", None)
    assert (reply.status, reply.reason, reply.content) == (
        "failed",
        "compose_failed: TemplateNotFound",
        None,
    )


def test_a_planned_reply_not_yet_delivered_goes_out_once_next_cycle(app: App) -> None:
    source = example_source(app, "07-question-nl")
    [fetched] = source.fetch_new()
    outcome = handle(app, source, fetched)  # decided and planned, then "crash" before sending
    assert outcome.replied

    report = run_cycle(dataclasses.replace(app, sources=(source,)))
    again = run_cycle(dataclasses.replace(app, sources=(source,)))

    assert (report.seen_before, report.delivery.delivered) == (1, 1)
    assert (again.seen_before, again.delivery.delivered) == (1, 0)
    assert len(list(Path(app.settings.transport.directory).glob("*.eml"))) == 1


def test_a_stored_but_unjudged_message_is_judged_next_time(app: App) -> None:
    """A crash right after the raw bytes committed leaves status `stored`."""
    source = example_source(app, "02-one-pdf")
    [fetched] = source.fetch_new()
    with app.db.transaction() as session:
        store.record_inbound(
            session, store.MessageKey("example"), fetched.raw, fetched.arrived_at, TEST_NOW
        )

    report = run_cycle(dataclasses.replace(app, sources=(source,)))

    assert report.verdicts == {"invalid": 1} and report.delivery.delivered == 1


@pytest.mark.parametrize("case_id", ["09-out-of-office", "10-bounce"])
def test_machines_get_no_reply_at_all(app: App, case_id: str) -> None:
    report = run_cycle(dataclasses.replace(app, sources=(example_source(app, case_id),)))
    assert report.verdicts == {"automated": 1}
    assert report.replies_planned == 0 and report.delivery.delivered == 0
