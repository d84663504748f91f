"""The long-running mode: a cycle on an interval until SIGTERM or SIGINT."""

import logging
import signal
from types import FrameType

from apscheduler.schedulers.blocking import BlockingScheduler

from mailroom.app import App
from mailroom.cycle import run_cycle

log = logging.getLogger("mailroom.daemon")


def run_forever(app: App, interval_seconds: int) -> None:
    """Poll every `interval_seconds`; a signal lets the message in hand finish."""
    scheduler = BlockingScheduler(timezone=app.settings.firm.timezone)
    scheduler.add_job(
        run_cycle,
        "interval",
        seconds=interval_seconds,
        args=[app],
        id="poll",
        max_instances=1,
        coalesce=True,
        next_run_time=app.clock(),
    )

    def stop(signum: int, _frame: FrameType | None) -> None:
        log.info("signal %s: stopping after the current cycle", signum)
        scheduler.shutdown(wait=False)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    scheduler.start()
