"""Figures read from the store at scrape time: backlog, open questions, failures.

Read on each scrape rather than counted in this process, so they are true
after a restart and the same whichever instance sharing the database is
asked. A store that cannot be read yields `mailroom_store_up 0` and nothing
else, so the scrape itself succeeds and the alert names the real cause.
"""

import logging
from collections.abc import Iterator
from datetime import tzinfo

from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy.exc import SQLAlchemyError

import store
from mailroom.clock import Clock, end_of_day

log = logging.getLogger("mailroom.metrics")


class StoreCollector(Collector):
    """Gauges from `db` as `clock` sees it; "due" questions fall due before
    midnight in `zone`, as `mailroom status` counts them."""

    def __init__(self, db: store.Database, clock: Clock, zone: tzinfo) -> None:
        self._db, self._clock, self._zone = db, clock, zone

    def collect(self) -> Iterator[Metric]:
        now = self._clock()
        try:
            with self._db.transaction() as session:
                backlog = store.backlog(session, now)
                questions = store.question_counts(session, now, end_of_day(now, self._zone))
        except SQLAlchemyError as exc:
            log.warning("metrics: the store could not be read (%s)", type(exc).__name__)
            yield _gauge("mailroom_store_up", "Whether the store could be read.", 0)
            return
        yield _gauge("mailroom_store_up", "Whether the store could be read.", 1)
        outbox = GaugeMetricFamily(
            "mailroom_outbox_replies",
            "Outbox rows by state: due now, waiting for a retry, failed, bounced, held back.",
            labels=["state"],
        )
        for state, count in (
            ("due", backlog.replies_due),
            ("waiting", backlog.replies_waiting),
            ("failed", backlog.replies_failed),
            ("bounced", backlog.replies_bounced),
            ("held_back", backlog.replies_held_back),
        ):
            outbox.add_metric([state], count)
        yield outbox
        oldest = backlog.oldest_due_planned_at
        age = 0.0 if oldest is None else max(0.0, (now - oldest).total_seconds())
        yield _gauge(
            "mailroom_outbox_oldest_due_age_seconds",
            "Seconds since the longest-waiting due reply was planned; 0 when none is due.",
            age,
        )
        open_questions = GaugeMetricFamily(
            "mailroom_questions_open",
            "Unanswered questions by answer-by state: ok, due today, overdue.",
            labels=["sla"],
        )
        in_time = questions.open - questions.due - questions.overdue
        for sla, count in (("ok", in_time), ("due", questions.due), ("overdue", questions.overdue)):
            open_questions.add_metric([sla], count)
        yield open_questions
        yield _gauge(
            "mailroom_messages_failed",
            "Stored messages whose processing failed and waits for a retry or reprocess.",
            backlog.messages_failed,
        )


def _gauge(name: str, documentation: str, value: float) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, documentation, value=value)
