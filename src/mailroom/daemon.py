"""The long-running mode (docs/architecture.md §8): scheduled jobs, IDLE push,
systemd's notify protocol, and a stop that finishes the message in hand.

Jobs run in two single-thread executors: one reads mail (poll, digest,
question check, retention), so those never overlap one another; the other
sends, so a send rate that makes the outbox wait never holds up reading.
Every job is one instance at a time and coalesces missed runs. The digest
and retention also run once at start, so a daemon that was down at their
hour catches up (both are idempotent per day).
"""

import logging
import os
import signal
import threading
from collections.abc import Callable
from datetime import datetime
from types import FrameType

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler

from mailroom.app import App
from mailroom.cycle import plan_digest, read_sources
from mailroom.helping import start_helping
from mailroom.metrics_server import serve
from mailroom.privacy import purge_expired_today
from mailroom.push import start_watchers
from mailroom.questions import settle_questions
from mailroom.run_requests import RunRequests
from mailroom.service_manager import ServiceManager
from notify import Drain

log = logging.getLogger("mailroom.daemon")

# A job that could not start on time still runs within this many seconds.
MISFIRE_GRACE_SECONDS = 3600
READING, SENDING = "default", "sending"


class Daemon:
    """Runs until SIGTERM or SIGINT; `run` returns the exit status."""

    def __init__(self, app: App, service: ServiceManager) -> None:
        self.app = app
        self.service = service
        self.zone = app.settings.firm.zone
        self.scheduler = BackgroundScheduler(
            timezone=self.zone,
            executors={READING: ThreadPoolExecutor(1), SENDING: ThreadPoolExecutor(1)},
            job_defaults={
                "coalesce": True,
                "max_instances": 1,
                "misfire_grace_time": MISFIRE_GRACE_SECONDS,
            },
        )
        self.polls = RunRequests(lambda: self._run_now("poll"))
        self.sends = RunRequests(lambda: self._run_now("send"))

    def run(self) -> int:
        address = self.app.settings.metrics.address
        metrics = serve(self.app.metrics, address) if address else None
        self._schedule()
        signal.signal(signal.SIGTERM, self._on_signal)
        signal.signal(signal.SIGINT, self._on_signal)
        self.scheduler.start()
        start_watchers(self.app, self.polls)
        start_helping(self.app)
        self._start_watchdog()
        self.service.ready()
        log.info("started", extra={"fields": {"sources": len(self.app.sources)}})
        self.app.stopping.wait()
        try:
            return self._stop()
        finally:
            if metrics is not None:
                metrics.close()

    def _schedule(self) -> None:
        app, service, now = self.app, self.app.settings.service, datetime.now(self.zone)
        add = self.scheduler.add_job
        add(
            self._guarded("poll", lambda: self.polls.serve(self._poll)),
            "interval",
            seconds=app.settings.poll_interval_seconds,
            id="poll",
            next_run_time=now,
        )
        add(
            self._guarded("send", lambda: self.sends.serve(self._send)),
            "interval",
            seconds=service.send_interval_seconds,
            id="send",
            executor=SENDING,
            next_run_time=now,
        )
        add(
            self._guarded("questions", self._questions),
            "interval",
            minutes=service.question_check_minutes,
            id="questions",
            next_run_time=now,
        )
        at = service.retention_time
        add(
            self._guarded("retention", lambda: purge_expired_today(app)),
            "cron",
            hour=at.hour,
            minute=at.minute,
            id="retention",
            next_run_time=now,
        )
        if app.settings.digest.recipients:
            at = app.settings.digest.time
            add(
                self._guarded("digest", self._digest),
                "cron",
                day_of_week="mon-fri",
                hour=at.hour,
                minute=at.minute,
                id="digest",
                next_run_time=now,
            )

    def _guarded(self, name: str, job: Callable[[], object]) -> Callable[[], None]:
        """`job` as the scheduler runs it: not at all once stopping; its failure
        logged by type only (the text may quote a message) and left to the
        next run; its start and end fed to the watchdog's heartbeat."""

        def run() -> None:
            if self.app.stopping.is_set():
                return
            self.app.heartbeat.job_started()
            try:
                job()
            except Exception as exc:
                log.error(
                    "job %s failed (%s); it runs again as scheduled", name, type(exc).__name__
                )
                log.debug("traceback", exc_info=True)
            finally:
                self.app.heartbeat.job_finished()

        return run

    def _run_now(self, job_id: str) -> None:
        if not self.app.stopping.is_set():
            self.scheduler.modify_job(job_id, next_run_time=datetime.now(self.zone))

    def _poll(self) -> None:
        report = read_sources(self.app)
        report.finish("poll", self.app.metrics)
        if report.replies_planned:
            self.sends.request()
        down = (
            f"; down: {', '.join(report.unavailable_sources)}" if report.unavailable_sources else ""
        )
        handled = sum(report.verdicts.values())
        self.service.status(
            f"last poll {datetime.now(self.zone):%H:%M:%S}: {handled} handled, "
            f"{report.failed} failed{down}"
        )

    def _send(self) -> None:
        report = self.app.outbox.drain(Drain(stop=self.app.stopping.is_set))
        if report.attempted:
            log.info(
                "sent",
                extra={
                    "fields": {
                        "delivered": report.delivered,
                        "retrying": report.retrying,
                        "failed": report.failed,
                        "held_back": report.held_back,
                        "still_due": report.deferred,
                    }
                },
            )

    def _digest(self) -> None:
        plan_digest(self.app)
        self.sends.request()

    def _questions(self) -> None:
        counts = settle_questions(self.app)
        if counts.overdue:
            log.warning("questions overdue", extra={"fields": {"overdue": counts.overdue}})

    def _start_watchdog(self) -> None:
        interval = self.service.watchdog_interval()
        if interval is None:
            return
        stall = self.app.settings.service.stall_seconds

        def feed() -> None:
            while not self.app.stopping.wait(interval):
                if self.app.heartbeat.stalled_for() < stall:
                    self.service.watchdog()
                else:
                    log.error("no progress for %d s: no longer feeding the watchdog", stall)

        threading.Thread(target=feed, name="watchdog", daemon=True).start()

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        self.app.stopping.set()

    def _stop(self) -> int:
        """Let running jobs finish the message in hand, within `shutdown_seconds`."""
        limit = self.app.settings.service.shutdown_seconds
        log.info("stopping", extra={"fields": {"within_s": limit}})
        self.service.stopping()
        self.scheduler.shutdown(wait=False)
        if self.app.heartbeat.wait_idle(limit):
            log.info("stopped")
            return 0
        # What is half-way was committed raw first and is completed by the next
        # start; waiting longer would only earn a SIGKILL.
        log.warning("jobs still running after %.0f s; exiting anyway", limit)
        logging.shutdown()
        os._exit(0)
