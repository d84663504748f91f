"""Faults between the steps of a message's journey lose nothing and repeat nothing."""

import dataclasses
from pathlib import Path

import pytest

import store
from ingest import MaildirSource
from mailroom.app import App, build_app, prepare_database
from mailroom.clock import fixed_clock
from mailroom.cycle import run_cycle
from mailroom.pipeline import handle
from mailroom.settings import Settings, TemplateSettings
from store.models import InboundMessage, OutboxReply

from ..support import EXAMPLE_INBOX, TEST_NOW


def _only(app: App, case_id: str) -> MaildirSource:
    """A source holding just one example message, copied to its own Maildir."""
    [path] = EXAMPLE_INBOX.glob(f"*/*.{case_id}.*")
    target = Path(app.settings.transport.directory).parent / f"inbox-{case_id}"
    (target / "cur").mkdir(parents=True)
    (target / "new").mkdir()
    (target / "cur" / path.name).write_bytes(path.read_bytes())
    return MaildirSource("example", target)


def _broken_templates(settings: Settings, tmp: Path) -> Settings:
    return settings.model_copy(update={"templates": TemplateSettings(directory=tmp / "missing")})


def test_a_failing_message_is_kept_and_handled_on_the_next_run(
    settings: Settings, isolated_env: Path
) -> None:
    broken = build_app(_broken_templates(settings, isolated_env), fixed_clock(TEST_NOW))
    prepare_database(broken)
    source = _only(broken, "01-valid-nl")
    broken = dataclasses.replace(broken, sources=(source,))

    first = run_cycle(broken)
    broken.close()

    assert first.failed == 1 and first.delivery.delivered == 0
    with broken.db.transaction() as session:
        [row] = session.query(InboundMessage).all()
        assert (row.status, row.attempts, row.verdict) == ("failed", 1, None)
        assert "TemplateNotFound" in (row.error or "")
        assert session.query(OutboxReply).count() == 0

    fixed = dataclasses.replace(build_app(settings, fixed_clock(TEST_NOW)), sources=(source,))
    second = run_cycle(fixed)
    fixed.close()

    assert second.verdicts == {"valid": 1} and second.delivery.delivered == 1
    with fixed.db.transaction() as session:
        [row] = session.query(InboundMessage).all()
        assert (row.status, row.attempts, row.verdict, row.error) == ("processed", 2, "valid", None)
        assert session.query(OutboxReply).count() == 1
    assert len(list(Path(settings.transport.directory).glob("*.eml"))) == 1


def test_a_planned_reply_not_yet_delivered_goes_out_once_next_cycle(app: App) -> None:
    source = _only(app, "07-question-nl")
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
    source = _only(app, "02-one-pdf")
    [fetched] = source.fetch_new()
    with app.db.transaction() as session:
        store.record_inbound(
            session, store.MessageKey("example"), fetched.raw, fetched.arrived_at, TEST_NOW
        )

    report = run_cycle(dataclasses.replace(app, sources=(source,)))

    assert report.verdicts == {"invalid": 1} and report.delivery.delivered == 1


@pytest.mark.parametrize("case_id", ["09-out-of-office", "10-bounce"])
def test_machines_get_no_reply_at_all(app: App, case_id: str) -> None:
    report = run_cycle(dataclasses.replace(app, sources=(_only(app, case_id),)))
    assert report.verdicts == {"automated": 1}
    assert report.replies_planned == 0 and report.delivery.delivered == 0
