"""Replies written ahead by the composer process are the replies the decision plans."""

import dataclasses
import multiprocessing
import os
import re
import signal
import threading

import pytest
from imapclient.fixed_offset import FixedOffset

from ingest import Source
from mailroom.app import App
from mailroom.pipeline import Judged, Received, conclude_all, read_ahead, receive
from mailroom.replies import foresee
from mailroom.stopwatch import Stopwatch
from parse import Analysis, ParseContext
from store.models import OutboxReply

from ..store_fixtures import example_source
from ..support import packages_loaded_by

CASE = "01-valid-nl"


def _judged(app: App) -> tuple[Source, Judged]:
    """The example application stored and read, with the reply foreseen for it."""
    source = example_source(app, CASE)
    [fetched] = source.fetch_new()
    received = receive(app, source, fetched, Stopwatch())
    assert isinstance(received, Received)
    watch = Stopwatch()
    analysis, foreseen = read_ahead(app, received, watch)
    return source, (received, analysis, watch, foreseen)


def _planned(app: App, source: Source, judged: Judged) -> OutboxReply:
    [outcome] = conclude_all(app, source, [judged])
    assert outcome.replied
    with app.db.transaction() as session:
        [reply] = session.query(OutboxReply).all()
        session.expunge(reply)
    return reply


def _unbounded(data: bytes) -> bytes:
    return re.sub(rb"=_[0-9a-f]{32}", b"BOUNDARY", data)


def test_the_reply_written_ahead_is_the_reply_planned(app: App) -> None:
    source, judged = _judged(app)
    _, analysis, _, foreseen = judged
    assert foreseen is not None and analysis.vacancy is not None
    planned = _planned(app, source, judged)
    written_ahead = foreseen.content.result()
    assert (planned.rfc_message_id, planned.content) == (foreseen.message_id, written_ahead)
    renderer = app.renderers[analysis.vacancy]
    here = app.composer.letterhead.write(renderer, foreseen.reply, foreseen.message_id)
    assert _unbounded(written_ahead) == _unbounded(here)


def test_a_reply_to_mail_read_over_imap_is_written_ahead(app: App) -> None:
    """The IMAP client stamps arrivals with a time zone of its own that does
    not survive the trip to the composer; the reply is written there all the same."""
    _, (received, analysis, *_) = _judged(app)
    arrived_at = received.fetched.arrived_at.astimezone(FixedOffset(60))
    foreseen = foresee(app, analysis, received.stored.id, arrived_at)
    assert foreseen is not None
    assert foreseen.content.result().startswith(b"From: ")


def test_a_reply_the_decision_changed_is_written_here(app: App) -> None:
    source, (received, analysis, watch, foreseen) = _judged(app)
    assert foreseen is not None and analysis.language == "nl"
    in_english = dataclasses.replace(analysis, language="en")
    planned = _planned(app, source, (received, in_english, watch, foreseen))
    assert planned.rfc_message_id != foreseen.message_id
    assert planned.language == "en" and planned.content is not None
    assert b"Content-Language: en" in planned.content


def test_a_composer_that_died_leaves_the_replies_to_this_process(app: App) -> None:
    source, (received, analysis, watch, first) = _judged(app)
    assert first is not None
    first.content.result()
    [pid] = app.composer.process_ids()
    os.kill(pid, signal.SIGKILL)
    arrived_at = received.fetched.arrived_at
    again = foresee(app, analysis, received.stored.id, arrived_at)
    planned = _planned(app, source, (received, analysis, watch, again))
    assert planned.content is not None and b"Content-Language: nl" in planned.content
    assert foresee(app, analysis, received.stored.id, arrived_at) is None  # not asked again


def test_a_composer_started_early_writes_the_first_reply(app: App) -> None:
    """`start` begins the process before any reply is asked for (the cycle
    calls it as the first messages are read), and only once."""
    assert app.composer.process_ids() == []
    app.composer.start()
    [pid] = app.composer.process_ids()
    app.composer.start()
    assert app.composer.process_ids() == [pid]
    _, (_, _, _, foreseen) = _judged(app)
    assert foreseen is not None
    assert foreseen.content.result().startswith(b"From: ")
    assert app.composer.process_ids() == [pid]


def test_the_composer_is_started_before_the_first_message_is_read(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    """So its start overlaps the reading instead of holding up the first decision."""
    running_at_read: list[list[int]] = []
    judge = app.pdf.analyse

    def observed(raw: bytes, context: ParseContext) -> Analysis:
        running_at_read.append(app.composer.process_ids())
        return judge(raw, context)

    monkeypatch.setattr(app.pdf, "analyse", observed)
    _judged(app)
    assert [len(pids) for pids in running_at_read] == [1]


def test_threads_racing_to_start_the_composer_start_one_process(app: App) -> None:
    threads = [threading.Thread(target=app.composer.start) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(app.composer.process_ids()) == 1
    assert len(multiprocessing.active_children()) == 1  # no pool made and dropped


def test_the_composer_process_loads_neither_the_store_nor_the_exports() -> None:
    """What it unpickles imports `notify.composer`; the package's other exports
    (and the store and spreadsheets behind them) load only where they are used."""
    assert (
        packages_loaded_by("notify.composer", ("store", "sqlalchemy", "alembic", "openpyxl")) == []
    )
