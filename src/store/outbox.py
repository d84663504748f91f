"""The outbox: replies decided once, delivered later, each with its fate."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Executable

from store.models import InboundMessage, OutboxReply
from store.statuses import ReplyStatus
from store.upsert import engine_insert, prepared, table_of

_REPLIES = table_of(OutboxReply)
_MESSAGES = table_of(InboundMessage)
# Made once (store.upsert says why); `replies_for_earlier_mail` says what it counts.
_EARLIER_REPLIES = (
    select(func.count())
    .select_from(_REPLIES)
    .join(_MESSAGES, _MESSAGES.c.id == _REPLIES.c.message_id)
    .where(
        func.lower(_REPLIES.c.recipient) == bindparam("address"),
        _REPLIES.c.status != ReplyStatus.SUPPRESSED,
        _MESSAGES.c.id != bindparam("message_pk"),
        _MESSAGES.c.arrived_at >= bindparam("since"),
        _MESSAGES.c.arrived_at <= bindparam("until"),
    )
)


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
    return session.scalar(prepared(session, _insert_reply), values) is not None


def _insert_reply(dialect: str) -> Executable:
    statement = engine_insert(dialect, _REPLIES).on_conflict_do_nothing(
        index_elements=["message_id", "kind"]
    )
    return statement.returning(_REPLIES.c.id)  # type: ignore[no-any-return]


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
    params = {
        "address": address.lower(),
        "message_pk": message_id,
        "since": since,
        "until": arrived_at,
    }
    return int(session.scalar(_EARLIER_REPLIES, params) or 0)
