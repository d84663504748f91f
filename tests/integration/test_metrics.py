"""The Prometheus endpoint, scraped over HTTP: what this process counted, and what
the store holds at the moment of the scrape (on SQLite and PostgreSQL)."""

import os
import signal
import time
import urllib.request
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

import store
from mailroom.app import App
from mailroom.cycle import CycleReport, run_cycle
from mailroom.metrics import Metrics
from mailroom.metrics_server import serve
from mailroom.settings import Settings

from ..pdfbuilder import GOOD, assert_still_serves
from ..store_fixtures import ENGINES, app_on_engine, plan_replies
from ..support import TEST_NOW

# The example inbox's two questions are to be answered by this instant
# (Monday 5 January 2026, 23:59:59 in Amsterdam).
QUESTIONS_DUE_AT = datetime(2026, 1, 5, 22, 59, 59, tzinfo=TEST_NOW.tzinfo)

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def scrape(metrics: Metrics) -> Samples:
    """Serve `metrics` on a free loopback port, fetch them once and parse the text."""
    server = serve(metrics, "127.0.0.1:0")
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/metrics", timeout=30) as r:
            assert r.status == 200
            text = r.read().decode()
    finally:
        server.close()
    samples = [s for family in text_string_to_metric_families(text) for s in family.samples]
    # Every series names the instance it comes from; the lookups below leave it out.
    assert {sample.labels.get("instance") for sample in samples} == {metrics.instance}
    return {
        (sample.name, frozenset((k, v) for k, v in sample.labels.items() if k != "instance")): (
            sample.value
        )
        for sample in samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples[(name, frozenset(labels.items()))]


class Clock:
    """A clock the test moves, as the scrape reads it each time."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(params=ENGINES)
def handled(
    request: pytest.FixtureRequest, settings: Settings
) -> Iterator[tuple[App, CycleReport]]:
    """The example inbox handled by one real cycle, on each engine."""
    with app_on_engine(request.param, settings) as app:
        yield app, run_cycle(app)


def test_a_scrape_shows_the_messages_just_handled(handled: tuple[App, CycleReport]) -> None:
    app, report = handled
    metrics = app.metrics
    metrics.poll_error("chasse")
    metrics.poll_error("chasse")
    metrics.idle_wakeup("chasse")

    samples = scrape(metrics)

    assert report.verdicts == {"valid": 2, "invalid": 4, "question": 2, "automated": 2, "late": 1}
    for verdict, count in report.verdicts.items():
        assert value(samples, "mailroom_messages_total", verdict=verdict) == count
    handled_count = sum(report.verdicts.values())
    for stage in ("fetch", "store", "parse", "decide", "file"):
        assert value(samples, "mailroom_stage_seconds_count", stage=stage) == handled_count
        assert value(samples, "mailroom_stage_seconds_sum", stage=stage) > 0
    assert value(samples, "mailroom_poll_errors_total", source="chasse") == 2
    assert value(samples, "mailroom_idle_wakeups_total", source="chasse") == 1
    assert ("mailroom_idle_errors_total", frozenset({("source", "chasse")})) not in samples
    assert value(samples, "mailroom_cycle_seconds_count") == 1
    # Fine enough for an idle cycle over handled mail, which takes hundredths of a second.
    assert ("mailroom_cycle_seconds_bucket", frozenset({("le", "0.025")})) in samples
    assert value(samples, "mailroom_last_cycle_timestamp_seconds") == pytest.approx(
        time.time(), abs=60
    )
    # Every reply went out in the cycle: nothing waits.
    assert value(samples, "mailroom_store_up") == 1
    assert value(samples, "mailroom_outbox_replies", state="due") == 0
    assert value(samples, "mailroom_outbox_oldest_due_age_seconds") == 0


def test_the_backlog_and_questions_are_read_from_the_store_at_each_scrape(
    handled: tuple[App, CycleReport],
) -> None:
    app, _ = handled
    clock = Clock(TEST_NOW)
    metrics = Metrics()
    metrics.watch_store(app.db, clock, app.settings.firm.zone)
    plan_replies(app.db, 3, due_at=TEST_NOW + timedelta(hours=1))

    early = scrape(metrics)
    assert value(early, "mailroom_outbox_replies", state="due") == 0
    assert value(early, "mailroom_outbox_replies", state="waiting") == 3
    assert value(early, "mailroom_outbox_oldest_due_age_seconds") == 0
    assert value(early, "mailroom_questions_open", sla="due") == 2
    assert value(early, "mailroom_questions_open", sla="overdue") == 0

    with app.db.transaction() as session:
        [first, *_] = store.claim_due(session, TEST_NOW + timedelta(hours=2), 3, timedelta(0), "t")
        store.mark_suppressed(session, first.id, "relay refused", TEST_NOW)
        stored = store.record_inbound(session, store.MessageKey("t"), b"broken", TEST_NOW, TEST_NOW)
        store.record_failure(session, stored.id, "ValueError")
    clock.now = QUESTIONS_DUE_AT + timedelta(seconds=1)

    late = scrape(metrics)
    assert value(late, "mailroom_outbox_replies", state="due") == 2
    assert value(late, "mailroom_outbox_replies", state="waiting") == 0
    assert value(late, "mailroom_outbox_replies", state="held_back") == 1
    assert value(late, "mailroom_outbox_oldest_due_age_seconds") == (
        (clock.now - TEST_NOW).total_seconds()
    )
    assert value(late, "mailroom_questions_open", sla="due") == 0
    assert value(late, "mailroom_questions_open", sla="overdue") == 2
    assert value(late, "mailroom_messages_failed") == 1


def test_an_unreadable_store_reports_down_and_the_scrape_still_answers(
    app: App, tmp_path: Path
) -> None:
    """A database without mailroom's tables (never migrated) cannot be read."""
    empty = store.connect(f"sqlite:///{tmp_path / 'empty.db'}")
    metrics = Metrics()
    metrics.watch_store(empty, app.clock, app.settings.firm.zone)
    try:
        samples = scrape(metrics)
    finally:
        empty.dispose()
    assert value(samples, "mailroom_store_up") == 0
    assert not [name for name, _ in samples if name.startswith("mailroom_outbox")]


def test_pdf_worker_restarts_are_counted(app: App) -> None:
    metrics = app.metrics
    assert app.pdf.read(GOOD).problem is None  # the workers start at the first read
    before = value(scrape(metrics), "mailroom_pdf_worker_restarts_total")
    killed = app.pdf.worker_pids()
    assert killed
    for pid in killed:
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 5
    while any(Path(f"/proc/{pid}").exists() for pid in killed):
        assert time.monotonic() < deadline, "killed workers still there"
        time.sleep(0.01)

    for _ in killed:
        assert_still_serves(app.pdf, len(killed))

    after = value(scrape(metrics), "mailroom_pdf_worker_restarts_total")
    assert after - before == len(killed)
    assert app.pdf.read(GOOD).problem is None
