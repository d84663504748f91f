"""One cycle: read every source, handle each message, deliver what is due."""

import logging
from collections import Counter
from dataclasses import dataclass, field

from ingest import IngestError
from mailroom.app import App
from mailroom.pipeline import handle
from mailroom.privacy import purge_expired
from notify import deliver_due

log = logging.getLogger("mailroom.cycle")


@dataclass
class CycleReport:
    """Counts for the summary printed after `run --once`."""

    verdicts: Counter[str] = field(default_factory=Counter)
    seen_before: int = 0
    failed: int = 0
    replies_planned: int = 0
    replies_delivered: int = 0
    unavailable_sources: list[str] = field(default_factory=list)
    purged_vacancies: list[str] = field(default_factory=list)


def run_cycle(app: App) -> CycleReport:
    """Handle everything new in every source, deliver due replies, purge expired data.

    A broken source is skipped and reported; it never aborts the cycle.
    """
    report = CycleReport()
    for source in app.sources:
        try:
            for fetched in source.fetch_new():
                outcome = handle(app, source, fetched)
                if outcome.already_done:
                    report.seen_before += 1
                elif outcome.error:
                    report.failed += 1
                else:
                    report.verdicts[outcome.verdict or "unknown"] += 1
                    report.replies_planned += outcome.replied
        except IngestError as exc:
            log.error("source %s unavailable: %s", source.name, exc)
            report.unavailable_sources.append(source.name)
    report.replies_delivered = deliver_due(app.db, app.transport, app.clock)
    report.purged_vacancies = purge_expired(app)
    return report
