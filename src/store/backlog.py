"""What waits at one instant, read fresh for each metrics scrape.

Figures come from the store, not from counters a process keeps, so they
hold after a restart and agree across several instances sharing a database.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.delivery import count_due, due_now
from store.models import InboundMessage, OutboxReply
from store.report import outbox_counts
from store.statuses import MessageStatus, ReplyStatus


@dataclass(frozen=True)
class Backlog:
    """Outbox rows by where they stand, and messages whose processing failed.

    Due and waiting (planned, not yet due) count digests too, as a drain
    carries both; failed, bounced and held back count replies to applicants.

    `oldest_due_planned_at` is when the longest-waiting due reply was planned:
    how long its applicant has been waiting for an answer that should be out.
    `oldest_due_at` is when the earliest due one fell due (its planning, or
    its retry time): how long the sending has been behind.
    """

    replies_due: int
    replies_waiting: int
    replies_failed: int
    replies_bounced: int
    replies_held_back: int
    oldest_due_planned_at: datetime | None
    oldest_due_at: datetime | None
    messages_failed: int


def backlog(session: Session, now: datetime) -> Backlog:
    """The backlog as the clock's `now` sees it (due is decided against `now`)."""
    replies = outbox_counts(session)
    planned = OutboxReply.status == ReplyStatus.PLANNED
    waiting = session.scalar(select(func.count()).where(planned, OutboxReply.next_attempt_at > now))
    oldest = session.scalar(select(func.min(OutboxReply.planned_at)).where(due_now(now)))
    fell_due = func.min(func.coalesce(OutboxReply.next_attempt_at, OutboxReply.planned_at))
    oldest_due_at = session.scalar(select(fell_due).where(due_now(now)))
    failed = session.scalar(
        select(func.count()).where(InboundMessage.status == MessageStatus.FAILED)
    )
    return Backlog(
        replies_due=count_due(session, now),
        replies_waiting=int(waiting or 0),
        replies_failed=replies.get(ReplyStatus.FAILED, 0),
        replies_bounced=replies.get(ReplyStatus.BOUNCED, 0),
        replies_held_back=replies.get(ReplyStatus.SUPPRESSED, 0),
        oldest_due_planned_at=oldest,
        oldest_due_at=oldest_due_at,
        messages_failed=int(failed or 0),
    )
