"""Everything held on one person, gathered for a subject access request."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.blobs import get_blob
from store.identity import normalise_address
from store.models import Applicant, InboundMessage, OutboxReply, Question


@dataclass(frozen=True)
class HeldDocument:
    filename: str
    kind: str
    pages: int | None
    text: str | None
    data: bytes


@dataclass(frozen=True)
class HeldReply:
    kind: str
    status: str
    reason: str | None
    planned_at: datetime
    sent_at: datetime | None
    content: bytes | None


@dataclass(frozen=True)
class HeldMessage:
    """One inbound message with what was decided and everything derived from it."""

    id: int
    arrived_at: datetime
    vacancy: str | None
    verdict: str | None
    reasons: tuple[str, ...]
    flags: tuple[str, ...]
    raw: bytes
    documents: tuple[HeldDocument, ...]
    replies: tuple[HeldReply, ...]
    question_due_at: datetime | None


@dataclass(frozen=True)
class SubjectData:
    address: str
    name: str
    first_seen_at: datetime
    messages: tuple[HeldMessage, ...]


def subject_data(session: Session, address: str) -> SubjectData | None:
    """All rows and bytes linked to this person, or None when none are held."""
    applicant = session.scalars(
        select(Applicant).where(Applicant.address == normalise_address(address))
    ).first()
    if applicant is None:
        return None
    messages = session.scalars(
        select(InboundMessage)
        .where(InboundMessage.applicant_id == applicant.id)
        .order_by(InboundMessage.arrived_at)
    )
    return SubjectData(
        applicant.address,
        applicant.display_name,
        applicant.first_seen_at,
        tuple(_held(session, m) for m in messages),
    )


def _held(session: Session, message: InboundMessage) -> HeldMessage:
    replies = session.scalars(
        select(OutboxReply).where(OutboxReply.message_id == message.id).order_by(OutboxReply.id)
    )
    due = session.scalars(select(Question.due_at).where(Question.message_id == message.id)).first()
    return HeldMessage(
        id=message.id,
        arrived_at=message.arrived_at,
        vacancy=message.vacancy,
        verdict=message.verdict,
        reasons=tuple(message.reasons),
        flags=tuple(message.flags),
        raw=get_blob(session, message.sha256),
        documents=tuple(
            HeldDocument(d.filename, d.kind, d.pages, d.text, get_blob(session, d.sha256))
            for d in message.documents
        ),
        replies=tuple(
            HeldReply(r.kind, r.status, r.reason, r.planned_at, r.sent_at, r.content)
            for r in replies
        ),
        question_due_at=due,
    )
