"""`mailroom reprocess`: a failed message judged again from its stored bytes once the
cause is gone, on both engines; a handled one never gets a second reply."""

import argparse
import dataclasses
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

import store
from ingest import MaildirSource
from mailroom.app import App
from mailroom.commands import COMMANDS
from mailroom.cycle import run_cycle
from mailroom.pipeline import handle
from mailroom.settings import Settings
from store.models import AuditEntry, InboundMessage, OutboxReply

from ..clirun import assert_user_error, mailroom
from ..readers import FailingReader
from ..store_fixtures import ENGINES, app_on_engine, example_source
from ..support import TEST_NOW
from .test_corrections import _replies, _state, _with_closing


@pytest.fixture(params=ENGINES)
def engine_app(request: pytest.FixtureRequest, settings: Settings) -> Iterator[App]:
    with app_on_engine(request.param, settings) as app:
        yield app


def _reprocess(app: App, **options: object) -> int:
    defaults: dict[str, object] = {"ref": None, "failed": False, "note": "", "by": "ops"}
    defaults["dry_run"] = app.dry_run
    return COMMANDS["reprocess"](app, argparse.Namespace(**(defaults | options)))


def _fail(app: App, case_id: str) -> tuple[MaildirSource, int]:
    """One example message handled while the PDF reader is broken: it failed."""
    source = example_source(app, case_id)
    report = run_cycle(dataclasses.replace(app, sources=(source,), pdf=FailingReader()))  # type: ignore[arg-type]
    assert report.failed == 1
    with app.db.transaction() as session:
        query = select(InboundMessage.id).where(InboundMessage.status == "failed")
        pk = session.scalars(query.order_by(InboundMessage.id.desc())).first()
    assert pk is not None
    return source, pk


def _delivered(app: App) -> int:
    return len(list(Path(app.settings.transport.directory).glob("*.eml")))


def test_a_failed_message_gets_its_verdict_and_one_reply_once_the_cause_is_gone(
    engine_app: App, capsys: pytest.CaptureFixture[str]
) -> None:
    source, pk = _fail(engine_app, "01-valid-nl")
    with engine_app.db.transaction() as session:
        assert store.verdict_counts(session)["failed"] == 1  # what `status` counts
        shown = store.digest_content(session, TEST_NOW - timedelta(days=30), TEST_NOW)
        assert [item.message_pk for item in shown.failures] == [pk]  # and the digest lists

    broken = dataclasses.replace(engine_app, pdf=FailingReader())  # type: ignore[arg-type]
    assert _reprocess(broken, ref=str(pk)) == 1
    assert f"message {pk}: failed; still fails (RuntimeError); no reply planned" in (
        capsys.readouterr().out
    )
    with engine_app.db.transaction() as session:
        row = session.get_one(InboundMessage, pk)
        assert (row.status, row.attempts, row.verdict) == ("failed", 2, None)

    assert _reprocess(engine_app, ref=str(pk), note="reader fixed") == 0
    assert (
        f"IPO-{pk:05d}: changed failed -> valid (vacancy ipo-bij12); "
        "planned a confirmation to the sender"
    ) in capsys.readouterr().out
    with engine_app.db.transaction() as session:
        row = session.get_one(InboundMessage, pk)
        assert (row.status, row.verdict, row.error, row.retry_at) == (
            "processed",
            "valid",
            None,
            None,
        )
        [entry] = session.scalars(select(AuditEntry.detail).where(AuditEntry.action == "reprocess"))
    assert entry["message"] == pk and entry["verdict_before"] == "failed"
    assert entry["by"] == "ops" and entry["note"] == "reader fixed"
    assert _replies(engine_app, pk) == {"confirmation": "planned"}
    assert engine_app.outbox.drain().delivered == 1 and _delivered(engine_app) == 1

    assert _reprocess(engine_app, ref=f"IPO-{pk:05d}") == 0
    assert "kept valid -> valid (vacancy ipo-bij12); planned no new confirmation (one exists)" in (
        capsys.readouterr().out
    )
    assert _replies(engine_app, pk) == {"confirmation": "sent"}
    again = run_cycle(dataclasses.replace(engine_app, sources=(source,)))
    assert (again.seen_before, again.failed, again.delivery.delivered) == (1, 0, 0)
    assert _delivered(engine_app) == 1


def test_reprocessing_a_handled_message_sends_nothing_again(
    engine_app: App, capsys: pytest.CaptureFixture[str]
) -> None:
    report = run_cycle(
        dataclasses.replace(engine_app, sources=(example_source(engine_app, "02-one-pdf"),))
    )
    assert report.verdicts == {"invalid": 1} and report.delivery.delivered == 1
    with engine_app.db.transaction() as session:
        [pk] = session.scalars(select(InboundMessage.id))
    before = _state(engine_app)

    assert _reprocess(engine_app, ref=str(pk)) == 0

    assert "planned no new resubmit_request (one exists)" in capsys.readouterr().out
    assert _replies(engine_app, pk) == {"resubmit_request": "sent"}
    assert engine_app.outbox.drain().delivered == 0 and _delivered(engine_app) == 1
    verdicts, replies, submissions, audits = _state(engine_app)
    assert (verdicts, replies, submissions) == before[:3] and audits == before[3] + 1


def test_a_waiting_reply_that_no_longer_fits_is_withdrawn(
    app: App, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    """Judged late, its closed notice planned but not yet sent; the closing time then
    moved later in the config: reprocess makes it valid and the notice never goes."""
    source = example_source(app, "06-late")
    [fetched] = source.fetch_new()
    assert handle(app, source, fetched).verdict == "late"
    with app.db.transaction() as session:
        [pk] = session.scalars(select(InboundMessage.id))
    moved = _with_closing(app, settings, datetime(2026, 1, 31, 23, 59, 59))
    try:
        assert _reprocess(moved, ref=str(pk)) == 0
        assert (
            f"IPO-{pk:05d}: changed late -> valid (vacancy ipo-bij12); planned a confirmation "
            "to the sender; withdrew 1 waiting reply(ies)"
        ) in capsys.readouterr().out
        assert _replies(moved, pk) == {"closed_notice": "suppressed", "confirmation": "planned"}
        assert moved.outbox.drain().delivered == 1
    finally:
        moved.close()
    assert _replies(app, pk) == {"closed_notice": "suppressed", "confirmation": "sent"}
    assert _delivered(app) == 1


def test_reprocess_failed_dry_run_changes_nothing(
    app: App, capsys: pytest.CaptureFixture[str]
) -> None:
    _, first = _fail(app, "01-valid-nl")
    _, second = _fail(app, "11-valid-en")
    before = _state(app)

    assert _reprocess(dataclasses.replace(app, dry_run=True), failed=True) == 0

    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"IPO-{first:05d}: would change failed -> valid (vacancy ipo-bij12); "
        "would plan a confirmation to the sender",
        f"IPO-{second:05d}: would change failed -> valid (vacancy ipo-bij12); "
        "would plan a confirmation to the sender",
    ]
    assert _state(app) == before
    with app.db.transaction() as session:
        assert session.query(OutboxReply).count() == 0
        assert {m.attempts for m in session.query(InboundMessage)} == {1}


def test_a_verdict_set_by_hand_stands(app: App, capsys: pytest.CaptureFixture[str]) -> None:
    run_cycle(dataclasses.replace(app, sources=(example_source(app, "02-one-pdf"),)))
    with app.db.transaction() as session:
        [pk] = session.scalars(select(InboundMessage.id))
    assert (
        COMMANDS["verdict"](
            app, argparse.Namespace(ref=str(pk), verdict="valid", note="", by="inge", dry_run=False)
        )
        == 0
    )
    before = _state(app)

    assert _reprocess(app, ref=str(pk)) == 0

    assert "its verdict valid was set by hand and stands; skipped" in capsys.readouterr().out
    assert _state(app) == before


def test_the_command_line_reprocesses_failed_mail_and_refuses_an_unknown_one(app: App) -> None:
    _, pk = _fail(app, "11-valid-en")

    dry = mailroom("reprocess", "--failed", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert f"IPO-{pk:05d}: would change failed -> valid" in dry.stdout

    done = mailroom("reprocess", "--failed", "--by", "ops", "--note", "reader fixed")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"IPO-{pk:05d}: changed failed -> valid (vacancy ipo-bij12); "
        "planned a confirmation to the sender"
    ]
    assert mailroom("reprocess", "--failed").stdout == "no failed messages; nothing to do\n"
    assert_user_error(mailroom("reprocess", "IPO-99999"), "no message IPO-99999", "erased")
    assert_user_error(mailroom("reprocess"), "ref", "--failed")
