"""Delivering the outbox: claiming due replies and recording each attempt's fate.

Several instances may drain one PostgreSQL outbox: a reply is claimed with
`FOR UPDATE SKIP LOCKED`, its holder and a lease, so two senders never take
the same row at once. The claims of a sender that died are released at the
next start (`release_orphaned_claims`), or by the lease at the latest; such
a reply is *in doubt*, since the relay may have taken it just before the
death, and is looked for in the Sent folder before it goes again.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, bindparam, func, insert, or_, select, update
from sqlalchemy.orm import Session

from store.models import DeliveryAttempt, OutboxReply
from store.statuses import AttemptOutcome, ReplyStatus
from store.upsert import table_of

_OUTBOX = table_of(OutboxReply)
_ATTEMPTS = table_of(DeliveryAttempt)


@dataclass(frozen=True)
class DueReply:
    """A planned reply this sender has claimed and should deliver now."""

    id: int
    rfc_message_id: str
    recipient: str
    content: bytes
    attempts: int
    in_doubt: bool = False


def claim_due(
    session: Session, now: datetime, limit: int, lease: timedelta, holder: str
) -> list[DueReply]:
    """Up to `limit` planned replies whose time has come, claimed by `holder`
    until `now + lease`. A row whose earlier claim lapsed unreleased is in doubt."""
    query = (
        select(OutboxReply)
        .where(due_now(now), _unclaimed(now))
        .order_by(OutboxReply.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    rows = list(session.scalars(query))
    for row in rows:
        row.in_doubt = row.in_doubt or row.claimed_by is not None
        row.claimed_until, row.claimed_by = now + lease, holder
    return [
        DueReply(
            row.id,
            row.rfc_message_id,
            row.recipient,
            row.content or b"",
            row.attempts,
            row.in_doubt,
        )
        for row in rows
    ]


def any_claimable(session: Session, now: datetime) -> bool:
    """Whether a planned reply is due at `now` that no sender holds."""
    query = select(OutboxReply.id).where(due_now(now), _unclaimed(now)).limit(1)
    return session.scalar(query) is not None


def count_due(session: Session, now: datetime) -> int:
    """Planned replies whose time has come, claimed or not: what a drain has ahead."""
    return int(session.scalar(select(func.count()).where(due_now(now))) or 0)


def next_due_at(session: Session) -> datetime | None:
    """When the earliest planned reply falls due (`now` for one due already)."""
    query = select(func.min(func.coalesce(OutboxReply.next_attempt_at, OutboxReply.planned_at)))
    return session.scalar(query.where(OutboxReply.status == ReplyStatus.PLANNED))


def release_orphaned_claims(session: Session, is_alive: Callable[[str], bool]) -> int:
    """Release the claims of holders that are gone, marking those replies in
    doubt; returns how many. Run at start, before this process claims anything."""
    holders = session.scalars(
        select(OutboxReply.claimed_by)
        .where(OutboxReply.status == ReplyStatus.PLANNED, OutboxReply.claimed_by.is_not(None))
        .distinct()
    )
    gone = [holder for holder in holders if holder is not None and not is_alive(holder)]
    if not gone:
        return 0
    rows = list(
        session.scalars(
            select(OutboxReply).where(
                OutboxReply.status == ReplyStatus.PLANNED, OutboxReply.claimed_by.in_(gone)
            )
        )
    )
    for row in rows:
        row.claimed_by, row.claimed_until, row.in_doubt = None, None, True
    return len(rows)


def mark_sent(session: Session, sent: Sequence[tuple[int, str]], now: datetime) -> None:
    """Record the delivery of each (reply id, transport's answer: an SMTP reply,
    a file path), in two statements for them all: it runs for every reply, and
    loading each row only to change it costs more than delivering to a folder."""
    if not sent:
        return
    session.execute(
        update(_OUTBOX)
        .where(_OUTBOX.c.id == bindparam("reply_id"))
        .values(
            attempts=_OUTBOX.c.attempts + 1,
            last_answer=bindparam("answer"),
            claimed_until=None,
            claimed_by=None,
            status=ReplyStatus.SENT,
            sent_at=now,
        ),
        [{"reply_id": reply_id, "answer": answer} for reply_id, answer in sent],
    )
    session.execute(
        insert(_ATTEMPTS),
        [
            {"outbox_id": reply_id, "at": now, "outcome": AttemptOutcome.SENT, "answer": answer}
            for reply_id, answer in sent
        ],
    )


def mark_confirmed(session: Session, reply_id: int, where: str, now: datetime) -> None:
    """An in-doubt reply found where the relay files what it took: it did leave,
    before the crash that kept it from being recorded. Not sent again."""
    row = _attempt(session, reply_id, AttemptOutcome.CONFIRMED, f"found in {where}", now)
    row.status, row.sent_at = ReplyStatus.SENT, now


def mark_retry(
    session: Session,
    reply_id: int,
    answer: str,
    now: datetime,
    next_attempt_at: datetime,
    in_doubt: bool = False,
) -> None:
    """A temporary failure: keep the reply planned, and try again at `next_attempt_at`.
    `in_doubt` when the relay may have taken it all the same (the connection
    dropped after the message was handed over)."""
    row = _attempt(session, reply_id, AttemptOutcome.TEMPORARY, answer, now)
    row.next_attempt_at = next_attempt_at
    row.in_doubt = row.in_doubt or in_doubt


def mark_failed(session: Session, reply_id: int, answer: str, now: datetime) -> None:
    """A permanent failure (or retries spent): the reply will not be sent."""
    row = _attempt(session, reply_id, AttemptOutcome.FAILED, answer, now)
    row.status, row.reason = ReplyStatus.FAILED, answer


def mark_suppressed(session: Session, reply_id: int, reason: str, now: datetime) -> None:
    """Held back at sending time (the relay cannot carry it): decided, not sent."""
    row = _attempt(session, reply_id, AttemptOutcome.SUPPRESSED, reason, now)
    row.status, row.reason = ReplyStatus.SUPPRESSED, reason


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
        outcome = AttemptOutcome.BOUNCED
        session.add(DeliveryAttempt(outbox_id=row.id, at=now, outcome=outcome, answer=detail))
        row.status, row.reason = ReplyStatus.BOUNCED, detail
    return len(rows)


def release_claims(session: Session, reply_ids: list[int]) -> None:
    """Give back claims that were not used (a shutdown before their turn)."""
    if reply_ids:
        session.execute(
            update(OutboxReply)
            .where(OutboxReply.id.in_(reply_ids))
            .values(claimed_until=None, claimed_by=None)
        )


def due_now(now: datetime) -> ColumnElement[bool]:
    """Planned outbox rows (replies and digests) whose time has come at `now`."""
    return (OutboxReply.status == ReplyStatus.PLANNED) & or_(
        OutboxReply.next_attempt_at.is_(None), OutboxReply.next_attempt_at <= now
    )


def _unclaimed(now: datetime) -> ColumnElement[bool]:
    return or_(OutboxReply.claimed_until.is_(None), OutboxReply.claimed_until <= now)


def _attempt(
    session: Session, reply_id: int, outcome: AttemptOutcome, answer: str, now: datetime
) -> OutboxReply:
    row = session.get_one(OutboxReply, reply_id)
    row.attempts += 1
    row.last_answer = answer
    row.claimed_until, row.claimed_by = None, None
    session.add(DeliveryAttempt(outbox_id=reply_id, at=now, outcome=outcome, answer=answer))
    return row
