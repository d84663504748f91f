"""Delivering the outbox: claiming due replies and recording each attempt's fate.

Several instances may drain one PostgreSQL outbox: a reply is claimed with
`FOR UPDATE SKIP LOCKED` and a lease, so two senders never take the same row
at once, and a sender that dies releases its claim when the lease runs out.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from store.models import DeliveryAttempt, OutboxReply
from store.outbox import FAILED, PLANNED, SUPPRESSED

SENT = "sent"
BOUNCED = "bounced"


@dataclass(frozen=True)
class DueReply:
    """A planned reply this sender has claimed and should deliver now."""

    id: int
    rfc_message_id: str
    recipient: str
    content: bytes
    attempts: int


def claim_due(session: Session, now: datetime, limit: int, lease: timedelta) -> list[DueReply]:
    """Up to `limit` planned replies whose time has come, claimed until `now + lease`."""
    query = (
        select(OutboxReply)
        .where(
            OutboxReply.status == PLANNED,
            or_(OutboxReply.next_attempt_at.is_(None), OutboxReply.next_attempt_at <= now),
            or_(OutboxReply.claimed_until.is_(None), OutboxReply.claimed_until <= now),
        )
        .order_by(OutboxReply.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    rows = list(session.scalars(query))
    for row in rows:
        row.claimed_until = now + lease
    return [
        DueReply(row.id, row.rfc_message_id, row.recipient, row.content or b"", row.attempts)
        for row in rows
    ]


def mark_sent(session: Session, reply_id: int, answer: str, now: datetime) -> None:
    """Record delivery with the transport's answer (an SMTP reply, a file path)."""
    row = _attempt(session, reply_id, SENT, answer, now)
    row.status, row.sent_at = SENT, now


def mark_retry(
    session: Session, reply_id: int, answer: str, now: datetime, next_attempt_at: datetime
) -> None:
    """A temporary failure: keep the reply planned, and try again at `next_attempt_at`."""
    row = _attempt(session, reply_id, "temporary", answer, now)
    row.next_attempt_at = next_attempt_at


def mark_failed(session: Session, reply_id: int, answer: str, now: datetime) -> None:
    """A permanent failure (or retries spent): the reply will not be sent."""
    row = _attempt(session, reply_id, FAILED, answer, now)
    row.status, row.reason = FAILED, answer


def mark_suppressed(session: Session, reply_id: int, reason: str, now: datetime) -> None:
    """Held back at sending time (the relay cannot carry it): decided, not sent."""
    row = _attempt(session, reply_id, SUPPRESSED, reason, now)
    row.status, row.reason = SUPPRESSED, reason


def mark_bounced(
    session: Session, rfc_message_ids: tuple[str, ...], detail: str, now: datetime
) -> int:
    """Replies of ours that a bounce names; returns how many were marked."""
    if not rfc_message_ids:
        return 0
    rows = list(
        session.scalars(select(OutboxReply).where(OutboxReply.rfc_message_id.in_(rfc_message_ids)))
    )
    for row in rows:
        session.add(DeliveryAttempt(outbox_id=row.id, at=now, outcome=BOUNCED, answer=detail))
        row.status, row.reason = BOUNCED, detail
    return len(rows)


def release_claims(session: Session, reply_ids: list[int]) -> None:
    """Give back claims that were not used (a send rate reached, a shutdown)."""
    if reply_ids:
        session.execute(
            update(OutboxReply).where(OutboxReply.id.in_(reply_ids)).values(claimed_until=None)
        )


def _attempt(
    session: Session, reply_id: int, outcome: str, answer: str, now: datetime
) -> OutboxReply:
    row = session.get_one(OutboxReply, reply_id)
    row.attempts += 1
    row.last_answer = answer
    row.claimed_until = None
    session.add(DeliveryAttempt(outbox_id=reply_id, at=now, outcome=outcome, answer=answer))
    return row
