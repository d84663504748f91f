"""Analyses made ahead for the poller of a mailbox with a backlog
(docs/architecture.md §8).

Judging a message (MIME, rules, PDF text) is the slow part, and it needs
nothing but the stored bytes; concluding it must stay with the poller, in
arrival order. So while a poller has stored messages waiting, an instance
with idle workers claims some of them, the newest first (the poller works
from the oldest), and leaves the analysis here for the poller to use. The
claim is a row keyed by the message: whoever inserts it first does the work,
so no analysis is made twice while its holder lives.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, delete, exists, or_, select, update
from sqlalchemy.orm import Session

from store.models import Blob, InboundMessage, Preparation
from store.statuses import MessageStatus
from store.upsert import insert_new


@dataclass(frozen=True)
class Claimed:
    """A stored message an instance claimed to prepare: what judging it needs."""

    message_pk: int
    raw: bytes
    arrived_at: datetime


@dataclass(frozen=True)
class HeldElsewhere:
    """A message's preparation as another holder has it: in hand until
    `until`, or done (`frame`, made under `context_key`)."""

    holder: str
    until: datetime
    frame: bytes | None
    context_key: str | None


def claim_backlog(
    session: Session,
    holder: str,
    sources: list[str],
    limit: int,
    until: datetime,
    now: datetime,
) -> list[Claimed]:
    """Up to `limit` messages of `sources` waiting to be judged (stored, or
    failed with a retry due by `now`) that nobody prepares yet, newest first,
    now `holder`'s until `until`. Rows another transaction holds locked are
    skipped, and a message claimed meanwhile is left out."""
    if not sources:
        return []
    unclaimed = (
        select(InboundMessage.id)
        .where(
            _waiting(InboundMessage.retry_at <= now),
            InboundMessage.source.in_(sources),
            ~exists().where(Preparation.message_id == InboundMessage.id),
        )
        .order_by(InboundMessage.id.desc())
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    candidates = list(session.scalars(unclaimed))
    if not candidates:
        return []
    claims = [{"message_id": pk, "holder": holder, "until": until} for pk in candidates]
    claimed = insert_new(session, Preparation, claims, ["message_id"])
    found = session.execute(
        select(InboundMessage.id, Blob.data, InboundMessage.arrived_at)
        .join(Blob, Blob.sha256 == InboundMessage.sha256)
        .where(InboundMessage.id.in_(claimed))
        .order_by(InboundMessage.id.desc())
    )
    return [Claimed(pk, raw, arrived_at) for pk, raw, arrived_at in found]


def take_preparation(
    session: Session, message_pk: int, holder: str, until: datetime
) -> HeldElsewhere | None:
    """None when the message is `holder`'s to analyse (claimed now, or already
    its own); otherwise the claim another holder has on it."""
    claim = {"message_id": message_pk, "holder": holder, "until": until}
    if insert_new(session, Preparation, [claim], ["message_id"]):
        return None
    row = session.get_one(Preparation, message_pk)
    if row.holder == holder:
        return None
    return HeldElsewhere(row.holder, row.until, row.frame, row.context_key)


def take_over(
    session: Session, message_pk: int, holder: str, from_holder: str, until: datetime
) -> bool:
    """Take the claim `from_holder` has (gone, or its lease over); False when
    someone else took it first."""
    taken = session.execute(
        update(Preparation)
        .where(Preparation.message_id == message_pk, Preparation.holder == from_holder)
        .values(holder=holder, until=until, frame=None, context_key=None)
        .returning(Preparation.message_id)
    )
    return taken.first() is not None


def save_preparation(
    session: Session, message_pk: int, holder: str, frame: bytes, context_key: str
) -> None:
    """The finished analysis; dropped when the claim was taken over meanwhile."""
    session.execute(
        update(Preparation)
        .where(Preparation.message_id == message_pk, Preparation.holder == holder)
        .values(frame=frame, context_key=context_key)
    )


def release_preparation(session: Session, message_pk: int, holder: str, now: datetime) -> None:
    """`holder` could not prepare the message: its lease ends now, so the poller
    judges it itself (and keeps the error) instead of waiting."""
    session.execute(
        update(Preparation)
        .where(Preparation.message_id == message_pk, Preparation.holder == holder)
        .values(until=now)
    )


def drop_preparations(session: Session, message_pks: list[int]) -> None:
    """Concluded: the prepared analyses (which hold the documents' bytes) go."""
    session.execute(delete(Preparation).where(Preparation.message_id.in_(message_pks)))


def drop_settled_preparations(session: Session) -> int:
    """Drop what is left for messages no longer waiting to be judged (concluded
    by an instance that did not use it, given up on, or judged again by hand)."""
    settled = select(InboundMessage.id).where(~_waiting(InboundMessage.retry_at.is_not(None)))
    dropped = session.scalars(
        delete(Preparation)
        .where(Preparation.message_id.in_(settled))
        .returning(Preparation.message_id)
    )
    return len(dropped.all())


def _waiting(retry: ColumnElement[bool]) -> ColumnElement[bool]:
    """Stored and not judged yet, or failed and due to be judged again when
    `retry` holds; within the partial index `ix_inbound_waiting`."""
    return or_(
        InboundMessage.status == MessageStatus.STORED,
        and_(InboundMessage.status == MessageStatus.FAILED, retry),
    )
