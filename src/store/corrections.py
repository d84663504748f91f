"""What a recruiter's correction or a reprocess needs from the store: the message to
judge again, and the bookkeeping `save_decision` leaves alone when a verdict changes."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from store.blobs import get_blob
from store.models import (
    Applicant,
    AuditEntry,
    InboundMessage,
    OutboxReply,
    Question,
    Submission,
)
from store.statuses import MessageStatus, ReplyStatus


@dataclass(frozen=True)
class Judged:
    """A message as stored: enough to judge it again from its bytes. `verdict` is
    None while it has none (it failed, or was never judged); `status` says which."""

    message_pk: int
    raw: bytes
    arrived_at: datetime
    verdict: str | None
    vacancy: str | None
    address: str | None
    status: str = MessageStatus.PROCESSED


def judged_message(session: Session, message_pk: int) -> Judged | None:
    """The message if it holds a final decision; None if unknown or not yet decided."""
    message = session.get(InboundMessage, message_pk)
    if message is None or message.status != MessageStatus.PROCESSED or message.verdict is None:
        return None
    return _judged(session, message)


def stored_message(session: Session, message_pk: int) -> Judged | None:
    """The message whatever its state; None if it was never stored or was erased."""
    message = session.get(InboundMessage, message_pk)
    return _judged(session, message) if message is not None else None


def failed_messages(session: Session) -> list[Judged]:
    """Every message whose processing failed, whatever its attempts, oldest first."""
    query = select(InboundMessage).where(InboundMessage.status == MessageStatus.FAILED)
    rows = session.scalars(query.order_by(InboundMessage.arrived_at, InboundMessage.id))
    return [_judged(session, m) for m in rows]


def reply_kinds(session: Session, message_pk: int) -> frozenset[str]:
    """The kinds of reply the outbox holds for the message, whatever their fate:
    planning one of these again adds nothing (`plan_reply`)."""
    query = select(OutboxReply.kind).where(OutboxReply.message_id == message_pk)
    return frozenset(session.scalars(query))


def judged_for_vacancy(
    session: Session,
    vacancy: str,
    verdicts: tuple[str, ...],
    arrived_after: datetime | None = None,
    arrived_until: datetime | None = None,
) -> list[Judged]:
    """The vacancy's processed messages with one of these verdicts that arrived after
    `arrived_after` and up to `arrived_until` (inclusive), oldest first."""
    query = select(InboundMessage).where(
        InboundMessage.vacancy == vacancy,
        InboundMessage.status == MessageStatus.PROCESSED,
        InboundMessage.verdict.in_(verdicts),
    )
    if arrived_after is not None:
        query = query.where(InboundMessage.arrived_at > arrived_after)
    if arrived_until is not None:
        query = query.where(InboundMessage.arrived_at <= arrived_until)
    rows = session.scalars(query.order_by(InboundMessage.arrived_at, InboundMessage.id))
    return [_judged(session, m) for m in rows]


def overridden_messages(session: Session, action: str) -> frozenset[int]:
    """Messages named (`"message": pk`) by audit lines of this action: a recruiter's
    verdict, which a re-judgement must leave standing."""
    details = session.scalars(select(AuditEntry.detail).where(AuditEntry.action == action))
    return frozenset(d["message"] for d in details if isinstance(d.get("message"), int))


def settle(session: Session, message_pk: int, complete: bool, question: bool) -> None:
    """Make the message's submission as complete as its new verdict, and drop its
    open question when it is no longer one.

    `save_decision` keeps a submission or question once recorded (reprocessing
    must not move them); a correction is the one time they may change.
    """
    submission = session.scalars(
        select(Submission).where(Submission.message_id == message_pk)
    ).first()
    if submission is not None:
        submission.complete = complete
    if not question:
        session.execute(delete(Question).where(Question.message_id == message_pk))


def withdraw_replies(session: Session, message_pk: int, keep: str | None, reason: str) -> int:
    """Hold back the message's replies still waiting to go, other than the `keep` kind:
    they answer a verdict that no longer holds. Returns how many were withdrawn."""
    rows = session.scalars(
        select(OutboxReply).where(
            OutboxReply.message_id == message_pk,
            OutboxReply.status == ReplyStatus.PLANNED,
            OutboxReply.claimed_by.is_(None),
        )
    )
    withdrawn = 0
    for row in rows:
        if row.kind != keep:
            row.status, row.reason = ReplyStatus.SUPPRESSED, reason
            withdrawn += 1
    return withdrawn


def _judged(session: Session, message: InboundMessage) -> Judged:
    applicant = session.get(Applicant, message.applicant_id) if message.applicant_id else None
    return Judged(
        message_pk=message.id,
        raw=get_blob(session, message.sha256),
        arrived_at=message.arrived_at,
        verdict=message.verdict,
        vacancy=message.vacancy,
        address=applicant.address if applicant else None,
        status=message.status,
    )
