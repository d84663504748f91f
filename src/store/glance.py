"""One stored message with everything a recruiter asks about it, but no extracted text."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import (
    Applicant,
    AuditEntry,
    DeliveryAttempt,
    Document,
    InboundMessage,
    OutboxReply,
)


@dataclass(frozen=True)
class GlanceDocument:
    name: str
    pages: int | None
    role: str | None
    problem: str | None


@dataclass(frozen=True)
class GlanceAttempt:
    at: datetime
    outcome: str
    answer: str


@dataclass(frozen=True)
class GlanceReply:
    kind: str
    status: str
    reason: str | None
    planned_at: datetime
    sent_at: datetime | None
    attempts: tuple[GlanceAttempt, ...]


@dataclass(frozen=True)
class GlanceAudit:
    at: datetime
    action: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class OtherSubmission:
    """Another message by the same person: its key, so the caller can quote its reference."""

    message_pk: int
    vacancy: str | None
    arrived_at: datetime
    verdict: str | None


@dataclass(frozen=True)
class Glance:
    """`arrived_at` is UTC; the caller shows it in the firm's zone."""

    message_pk: int
    sender_name: str
    sender_address: str | None
    arrived_at: datetime
    vacancy: str | None
    status: str
    verdict: str | None
    reasons: tuple[str, ...]
    flags: tuple[str, ...]
    documents: tuple[GlanceDocument, ...]
    replies: tuple[GlanceReply, ...]
    audit: tuple[GlanceAudit, ...]
    earlier: tuple[OtherSubmission, ...]
    later: tuple[OtherSubmission, ...]


def glance(session: Session, message_pk: int) -> Glance | None:
    """The message `message_pk`, or None when the store holds no such message."""
    message = session.get(InboundMessage, message_pk)
    if message is None:
        return None
    applicant = session.get(Applicant, message.applicant_id) if message.applicant_id else None
    others = _others(session, message)
    return Glance(
        message_pk=message.id,
        sender_name=applicant.display_name if applicant else "",
        sender_address=applicant.address if applicant else None,
        arrived_at=message.arrived_at,
        vacancy=message.vacancy,
        status=message.status,
        verdict=message.verdict,
        reasons=tuple(message.reasons),
        flags=tuple(message.flags),
        documents=tuple(_document(d) for d in message.documents),
        replies=_replies(session, message.id),
        audit=audit_trail(session, message.id),
        earlier=tuple(o for o in others if o.arrived_at < message.arrived_at),
        later=tuple(o for o in others if o.arrived_at >= message.arrived_at),
    )


def audit_trail(session: Session, message_pk: int) -> tuple[GlanceAudit, ...]:
    """Audit lines naming this message in their detail (`"message": pk`), oldest first.

    The log is small and its detail is JSON whose querying differs by engine,
    so the lines are filtered here.
    """
    entries = session.scalars(select(AuditEntry).order_by(AuditEntry.at, AuditEntry.id))
    return tuple(
        GlanceAudit(e.at, e.action, dict(e.detail))
        for e in entries
        if e.detail.get("message") == message_pk
    )


def _document(document: Document) -> GlanceDocument:
    return GlanceDocument(document.filename, document.pages, document.role, document.problem)


def _replies(session: Session, message_pk: int) -> tuple[GlanceReply, ...]:
    rows = session.scalars(
        select(OutboxReply).where(OutboxReply.message_id == message_pk).order_by(OutboxReply.id)
    )
    return tuple(
        GlanceReply(
            kind=r.kind,
            status=r.status,
            reason=r.reason,
            planned_at=r.planned_at,
            sent_at=r.sent_at,
            attempts=tuple(
                GlanceAttempt(a.at, a.outcome, a.answer)
                for a in session.scalars(
                    select(DeliveryAttempt)
                    .where(DeliveryAttempt.outbox_id == r.id)
                    .order_by(DeliveryAttempt.at, DeliveryAttempt.id)
                )
            ),
        )
        for r in rows
    )


def _others(session: Session, message: InboundMessage) -> list[OtherSubmission]:
    if message.applicant_id is None:
        return []
    rows = session.scalars(
        select(InboundMessage)
        .where(InboundMessage.applicant_id == message.applicant_id, InboundMessage.id != message.id)
        .order_by(InboundMessage.arrived_at, InboundMessage.id)
    )
    return [OtherSubmission(r.id, r.vacancy, r.arrived_at, r.verdict) for r in rows]
