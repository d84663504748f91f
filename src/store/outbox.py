"""The outbox: replies decided once, delivered later, each with its fate."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.models import InboundMessage, OutboxReply
from store.statuses import ReplyStatus
from store.upsert import dialect_insert


@dataclass(frozen=True)
class PlannedReply:
    """A reply ready to store: rendered bytes and its fixed `Message-ID`.

    `content` is None for a reply held back (its `reason` says why) and for
    one that could not be written (`failed`, its `reason` says what went
    wrong): either way the decision it belongs to is stored with it.
    """

    kind: str
    recipient: str
    language: str
    rfc_message_id: str
    content: bytes | None
    reason: str | None = None
    failed: bool = False

    @property
    def status(self) -> ReplyStatus:
        if self.failed:
            return ReplyStatus.FAILED
        return ReplyStatus.PLANNED if self.reason is None else ReplyStatus.SUPPRESSED


def plan_reply(session: Session, message_id: int, reply: PlannedReply, now: datetime) -> bool:
    """Add the reply unless this message already has one of this kind.

    Returns False when one existed: planning is idempotent, so reprocessing
    a message never plans a second reply. One statement: the unique key on
    message and kind decides, also against a concurrent writer.
    """
    values = {
        "message_id": message_id,
        "kind": reply.kind,
        "recipient": reply.recipient,
        "language": reply.language,
        "rfc_message_id": reply.rfc_message_id,
        "status": reply.status,
        "reason": reply.reason,
        "content": reply.content,
        "planned_at": now,
        "attempts": 0,
    }
    statement = (
        dialect_insert(session, OutboxReply)
        .values(values)
        .on_conflict_do_nothing(index_elements=["message_id", "kind"])
        .returning(OutboxReply.id)
    )
    return session.scalar(statement) is not None


def known_reply_ids(session: Session, candidates: tuple[str, ...]) -> frozenset[str]:
    """Those of `candidates` that are Message-IDs of replies mailroom planned."""
    if not candidates:
        return frozenset()
    query = select(OutboxReply.rfc_message_id).where(OutboxReply.rfc_message_id.in_(candidates))
    return frozenset(session.scalars(query))


def replies_for_earlier_mail(
    session: Session, address: str, since: datetime, message_id: int, arrived_at: datetime
) -> int:
    """Replies (not suppressed) to `address` for messages that arrived from `since`
    up to `arrived_at`, other than `message_id`: what the per-address cap counts.

    Counted by the inbound messages' arrival, never by when replies were
    planned, so judging a message again reaches the same decision.
    """
    query = (
        select(func.count())
        .select_from(OutboxReply)
        .join(InboundMessage, InboundMessage.id == OutboxReply.message_id)
        .where(
            func.lower(OutboxReply.recipient) == address.lower(),
            OutboxReply.status != ReplyStatus.SUPPRESSED,
            InboundMessage.id != message_id,
            InboundMessage.arrived_at >= since,
            InboundMessage.arrived_at <= arrived_at,
        )
    )
    return int(session.scalar(query) or 0)
