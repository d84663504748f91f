"""One cycle: read every source, handle each message, deliver what is due."""

import logging
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import store
from ingest import FetchedMessage, IngestError, Source
from mailroom.ahead import ReadAhead
from mailroom.app import App
from mailroom.digest import send_if_due
from mailroom.instances import note_presence
from mailroom.metrics import Metrics
from mailroom.pipeline import Outcome
from mailroom.privacy import purge_expired_today
from mailroom.progress import SILENT, ProgressLine
from mailroom.questions import settle_questions
from mailroom.stopwatch import Stopwatch
from notify import DeliveryReport

log = logging.getLogger("mailroom.cycle")


@dataclass
class CycleReport:
    """Counts for the summary printed after `run --once`."""

    verdicts: Counter[str] = field(default_factory=Counter)
    seen_before: int = 0
    erased_again: int = 0
    failed: int = 0
    waiting_retry: int = 0
    replies_planned: int = 0
    delivery: DeliveryReport = field(default_factory=DeliveryReport)
    unavailable_sources: list[str] = field(default_factory=list)
    # Sources another instance holds (docs/architecture.md §8): read by it, not here.
    polled_elsewhere: list[str] = field(default_factory=list)
    purged_vacancies: list[str] = field(default_factory=list)
    would_do: list[str] = field(default_factory=list)
    questions: store.QuestionCounts = field(default_factory=store.QuestionCounts)
    started: float = field(default_factory=time.monotonic)

    def count(self, outcome: Outcome) -> None:
        if outcome.already_done:
            self.seen_before += 1
        elif outcome.erased:
            self.erased_again += 1
        elif outcome.error:
            self.failed += 1
        elif outcome.waiting:
            self.waiting_retry += 1
        else:
            self.verdicts[outcome.verdict or "unknown"] += 1
            self.replies_planned += outcome.replied

    def finish(self, what: str, metrics: Metrics) -> None:
        """One line for the cycle (or poll): counts and duration, nothing personal;
        its duration goes to the metrics as well."""
        seconds = time.monotonic() - self.started
        fields: dict[str, object] = {
            f"{verdict}": n for verdict, n in sorted(self.verdicts.items())
        }
        fields |= {
            "handled": sum(self.verdicts.values()),
            "seen_before": self.seen_before,
            "erased_again": self.erased_again,
            "failed": self.failed,
            "replies_planned": self.replies_planned,
            "delivered": self.delivery.delivered,
            "sources_down": ",".join(self.unavailable_sources),
            "duration_ms": round(seconds * 1000, 1),
        }
        log.info(what, extra={"fields": fields})
        metrics.cycle_finished(seconds)


def run_cycle(app: App, progress: ProgressLine = SILENT) -> CycleReport:
    """Handle everything new in every source, settle the questions people
    answered from the Sent folder, plan the day's digest when due, deliver due
    replies, purge expired data.

    A source that cannot be read, or a digest that cannot be written, is
    skipped and reported, never aborting the cycle; a dry run neither reads
    Sent, plans the digest, delivers nor purges. `progress` counts each
    source's messages as they are handled.
    """
    report = read_sources(app, progress)
    if not app.dry_run:
        report.questions = settle_questions(app)
        plan_digest(app)
        report.delivery = app.outbox.drain()
        report.purged_vacancies = purge_expired_today(app)
    report.finish("cycle", app.metrics)
    return report


def read_sources(app: App, progress: ProgressLine = SILENT) -> CycleReport:
    """Handle everything new in every source this instance holds (the others
    are another instance's to read; what it holds is recorded first), until
    `app.stopping` is set."""
    report = CycleReport()
    mine = [source for source in app.sources if app.poll_locks.hold(source.name)]
    report.polled_elsewhere = [source.name for source in app.sources if source not in mine]
    note_presence(app)
    for source in mine:
        if app.stopping.is_set():
            break
        if not _read(app, source, report, progress):
            report.unavailable_sources.append(source.name)
    return report


def plan_digest(app: App) -> None:
    """Plan the day's digest when it is due; a failure is logged, not raised."""
    try:
        send_if_due(app)
    except Exception as exc:  # the day's digest is tried again next cycle
        log.error("digest not planned (%s); the next cycle tries again", type(exc).__name__)
        log.debug("traceback", exc_info=True)


_FILE_FAILED = "file it under failed (attempts used up; `mailroom reprocess` tries again)"


def _intention(outcome: Outcome, location: str) -> str:
    """What a real run would do with the message; message ids and verdicts only."""
    if outcome.error:
        then = f"retry from {outcome.retry_at.isoformat()}" if outcome.retry_at else None
        return f"{location}: could not be judged ({outcome.error}); would {then or _FILE_FAILED}"
    if outcome.waiting and outcome.retry_at is not None:
        due = outcome.retry_at.isoformat()
        return f"{location}: failed before; would leave it alone until its retry at {due}"
    if outcome.erased:
        return f"{location}: erased earlier; would leave it unread and file it under erased"
    verdict = outcome.verdict or "failed"
    reply = outcome.reply
    if reply is None:
        answer = "send no reply"
    elif reply.failed:
        answer = f"fail to write the {reply.kind} ({reply.reason})"
    elif reply.reason:
        answer = f"hold back the {reply.kind} ({reply.reason})"
    else:
        answer = f"send a {reply.kind}"
    return f"{location}: {verdict}; would {answer} and file it under {verdict}"


def _read(app: App, source: Source, report: CycleReport, progress: ProgressLine) -> bool:
    """Handle the source's new messages; False when it could not be read.

    An outage is logged once when it begins and once when it ends, and kept
    in the store for `mailroom status`.
    """
    try:
        with ReadAhead(app, source) as ahead:
            for fetched, watch in _timed(progress.track(source.name, source.fetch_new())):
                if app.stopping.is_set():
                    log.info("stopping: the rest of %s waits for the next start", source.name)
                    break
                for concluded in ahead.take(fetched, watch):
                    _count(app, report, *concluded)
            for concluded in ahead.rest():
                _count(app, report, *concluded)
    except IngestError as exc:
        app.metrics.poll_error(source.name)
        with app.db.transaction() as session:
            began = store.source_failed(session, source.name, str(exc), app.clock())
        (log.error if began else log.debug)("source %s unavailable: %s", source.name, exc)
        return False
    finally:
        source.close()
    with app.db.transaction() as session:
        down_since = store.source_answered(session, source.name, app.clock())
    if down_since is not None:
        log.warning("source %s answers again (down since %s)", source.name, down_since.isoformat())
    return True


def _count(app: App, report: CycleReport, fetched: FetchedMessage, outcome: Outcome) -> None:
    report.count(outcome)
    app.heartbeat.beat()
    if outcome.error or (outcome.verdict and not outcome.already_done):
        app.metrics.message_handled(outcome.verdict or "failed", outcome.stages)
    if app.dry_run:
        report.would_do.append(_intention(outcome, fetched.location))


def _timed(messages: Iterator[FetchedMessage]) -> Iterator[tuple[FetchedMessage, Stopwatch]]:
    """Each message with a stopwatch that already holds the time its fetch took."""
    while True:
        watch = Stopwatch()
        with watch.stage("fetch"):
            fetched = next(messages, None)
        if fetched is None:
            return
        yield fetched, watch
