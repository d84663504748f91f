"""Whether the service is healthy, and why not: what `mailroom status` shows.

Each source is probed live (one quick contact, counting the messages that
wait), so a server that stopped answering shows as down before the daemon's
next cycle notices. Unhealthy means someone should look: a source down, a
reply due longer than `status.reply_overdue_minutes`, a question past its
answer-by time, or a message whose processing failed.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

import store
from ingest import IngestError, Source
from mailroom.app import App
from mailroom.questions import question_counts

RECENT = timedelta(hours=24)


@dataclass(frozen=True)
class SourceState:
    """One configured source: what the store remembers and what the probe found.
    `backlog` is None when the probe could not reach the source."""

    name: str
    last_ok_at: datetime | None
    down_since: datetime | None
    outages: int
    last_error: str | None
    backlog: int | None

    @property
    def down(self) -> bool:
        return self.backlog is None


@dataclass(frozen=True)
class Health:
    now: datetime
    verdicts: dict[str, int]
    replies: dict[str, int]
    sources: tuple[SourceState, ...]
    outbox: store.Backlog
    questions: store.QuestionCounts
    failed_messages: int
    errors: store.RecentErrors
    digest: store.LastDigest | None
    erased: store.Sightings
    problems: tuple[str, ...]
    # The `mailroom run`s at work on this database, and the sources each polls.
    instances: tuple[store.RunningInstance, ...] = ()

    @property
    def healthy(self) -> bool:
        return not self.problems


def assess(app: App) -> Health:
    """Probe every source, read the store, and name each problem found."""
    now = app.clock()
    probed = [_probe(source) for source in app.sources]
    with app.db.transaction() as session:
        remembered = {row.source: row for row in store.source_health(session)}
        sources = tuple(_state(*found, remembered.get(found[0]), now) for found in probed)
        replies, outbox = store.outbox_counts(session), store.backlog(session, now)
        verdicts, failed = store.verdict_counts(session), outbox.messages_failed
        errors, digest = store.recent_errors(session, now - RECENT), store.last_digest(session)
        erased = store.sightings(session)
        instances = tuple(store.running_instances(session, app.claimant.is_alive))
    questions = question_counts(app)
    overdue_after = timedelta(minutes=app.settings.status.reply_overdue_minutes)
    return Health(
        now=now,
        verdicts=verdicts,
        replies=replies,
        sources=sources,
        outbox=outbox,
        questions=questions,
        failed_messages=failed,
        errors=errors,
        digest=digest,
        erased=erased,
        problems=_problems(sources, outbox, questions, failed, now - overdue_after),
        instances=instances,
    )


def _problems(
    sources: tuple[SourceState, ...],
    outbox: store.Backlog,
    questions: store.QuestionCounts,
    failed: int,
    replies_due_by: datetime,
) -> tuple[str, ...]:
    """Each reason to call the service unhealthy, in the order ops should look."""
    found = [
        f"source {s.name} down since {_iso(s.down_since)} ({s.last_error})"
        for s in sources
        if s.down
    ]
    if outbox.oldest_due_at is not None and outbox.oldest_due_at < replies_due_by:
        found.append(f"a reply due since {outbox.oldest_due_at.isoformat()} has not gone")
    if questions.overdue:
        found.append(f"{questions.overdue} question(s) past their answer-by time")
    if failed:
        found.append(f"{failed} message(s) failed")
    return tuple(found)


def _probe(source: Source) -> tuple[str, int | None, str | None]:
    """The source's backlog, or None and why it did not answer."""
    try:
        return source.name, source.backlog(), None
    except IngestError as exc:
        return source.name, None, str(exc)


def _state(
    name: str,
    backlog: int | None,
    error: str | None,
    row: store.SourceRecord | None,
    now: datetime,
) -> SourceState:
    """The probe decides whether a source is down; the store adds since when
    (when the daemon noticed, else now) and its history."""
    down_since = (row.down_since if row else None) or now
    return SourceState(
        name=name,
        last_ok_at=row.last_ok_at if row else None,
        down_since=down_since if backlog is None else None,
        outages=row.outages if row else 0,
        last_error=error,
        backlog=backlog,
    )


def _iso(moment: datetime | None) -> str:
    return moment.isoformat() if moment is not None else "?"
