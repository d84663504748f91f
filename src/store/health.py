"""What `mailroom status` asks the store to judge the service's health.

Errors of the last day are counted from timestamps the store keeps anyway:
delivery attempts carry their time, an outage its start, a message the time
it was stored (a failed message is counted by when it arrived, as the store
does not keep when processing last raised).
"""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.models import DeliveryAttempt, DigestRun, InboundMessage, OutboxReply, SourceHealth
from store.statuses import AttemptOutcome, MessageStatus, ReplyStatus
from store.tombstones import erased_digests

_DELIVERY_ERRORS = (AttemptOutcome.FAILED, AttemptOutcome.TEMPORARY, AttemptOutcome.BOUNCED)


@dataclass(frozen=True)
class LastDigest:
    """The latest daily digest: its day, when it was planned, and whether every
    copy went out."""

    day: date
    planned_at: datetime
    delivered: bool


@dataclass(frozen=True)
class RecentErrors:
    """Errors since a moment: messages that failed, delivery attempts that did
    not get through (temporary, failed for good, bounced), outages begun."""

    messages: int
    deliveries: int
    outages: int

    @property
    def total(self) -> int:
        return self.messages + self.deliveries + self.outages


def unhandled_local(session: Session, source: str, digests: list[str], salt: bytes) -> int:
    """How many of a local source's messages (by sha256) are not processed yet:
    neither stored with a final decision nor erased (whose tombstone the salt keys)."""
    wanted = set(digests)
    done = set(
        session.scalars(
            select(InboundMessage.sha256).where(
                InboundMessage.source == source,
                InboundMessage.uid.is_(None),
                InboundMessage.status == MessageStatus.PROCESSED,
                InboundMessage.sha256.in_(wanted),
            )
        )
    )
    done |= erased_digests(session, wanted - done, salt)
    return sum(1 for digest in digests if digest not in done)


def last_digest(session: Session) -> LastDigest | None:
    run = session.scalars(select(DigestRun).order_by(DigestRun.day.desc()).limit(1)).first()
    if run is None:
        return None
    unsent = select(func.count()).where(
        OutboxReply.digest_run_id == run.id, OutboxReply.status != ReplyStatus.SENT
    )
    return LastDigest(run.day, run.started_at, not session.scalar(unsent))


def recent_errors(session: Session, since: datetime) -> RecentErrors:
    messages = select(func.count()).where(
        InboundMessage.status == MessageStatus.FAILED, InboundMessage.stored_at >= since
    )
    deliveries = select(func.count()).where(
        DeliveryAttempt.outcome.in_(_DELIVERY_ERRORS), DeliveryAttempt.at >= since
    )
    outages = select(func.count()).where(SourceHealth.down_since >= since)
    return RecentErrors(
        *(int(session.scalar(query) or 0) for query in (messages, deliveries, outages))
    )
