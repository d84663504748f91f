"""Recording inbound messages and what was decided about them."""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.blobs import get_blob, put_blob
from store.models import Applicant, Document, InboundMessage


@dataclass(frozen=True)
class MessageKey:
    """Where a message came from; how the store recognises it a second time.

    Mailbox messages carry UIDVALIDITY and UID; local ones leave them None
    and are recognised by the sha256 of their bytes.
    """

    source: str
    folder: str = ""
    uidvalidity: int | None = None
    uid: int | None = None


@dataclass(frozen=True)
class StoredMessage:
    """The store's view of a recorded message: its id and processing state."""

    id: int
    status: str
    attempts: int

    @property
    def needs_processing(self) -> bool:
        return self.status != "processed"


@dataclass(frozen=True)
class DocumentRecord:
    """A document to store with its message; bytes go to the blob table."""

    filename: str
    content_type: str
    kind: str
    data: bytes
    pages: int | None = None
    text: str | None = None
    role: str | None = None
    role_cue: str | None = None
    problem: str | None = None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Decision:
    """What parse decided, in the store's own terms."""

    verdict: str
    reasons: tuple[str, ...]
    flags: tuple[str, ...]
    vacancy: str | None
    language: str
    header_message_id: str | None
    applicant_address: str | None
    applicant_name: str


def record_inbound(
    session: Session, key: MessageKey, raw: bytes, arrived_at: datetime, now: datetime
) -> StoredMessage:
    """Store the raw message once; a second call returns the first record."""
    digest = hashlib.sha256(raw).hexdigest()
    query = select(InboundMessage).where(
        InboundMessage.source == key.source,
        InboundMessage.folder == key.folder,
    )
    if key.uid is None:
        query = query.where(InboundMessage.uid.is_(None), InboundMessage.sha256 == digest)
    else:
        query = query.where(
            InboundMessage.uidvalidity == key.uidvalidity, InboundMessage.uid == key.uid
        )
    existing = session.scalars(query).one_or_none()
    if existing is not None:
        return StoredMessage(existing.id, existing.status, existing.attempts)
    put_blob(session, raw, now)
    message = InboundMessage(
        source=key.source,
        folder=key.folder,
        uidvalidity=key.uidvalidity,
        uid=key.uid,
        sha256=digest,
        size=len(raw),
        arrived_at=arrived_at,
        stored_at=now,
        status="stored",
        attempts=0,
        reasons=[],
        flags=[],
    )
    session.add(message)
    session.flush()
    return StoredMessage(message.id, message.status, message.attempts)


def save_decision(
    session: Session,
    message_id: int,
    decision: Decision,
    documents: list[DocumentRecord],
    now: datetime,
) -> None:
    """Attach the verdict, documents and applicant; replaces an earlier attempt's."""
    message = session.get_one(InboundMessage, message_id)
    message.documents.clear()
    session.flush()
    for position, record in enumerate(documents):
        message.documents.append(
            Document(
                position=position,
                filename=record.filename,
                content_type=record.content_type,
                kind=record.kind,
                sha256=put_blob(session, record.data, now),
                size=len(record.data),
                pages=record.pages,
                text=record.text,
                role=record.role,
                role_cue=record.role_cue,
                problem=record.problem,
                flags=list(record.flags),
            )
        )
    message.verdict = decision.verdict
    message.reasons = list(decision.reasons)
    message.flags = list(decision.flags)
    message.vacancy = decision.vacancy
    message.language = decision.language
    message.header_message_id = decision.header_message_id
    message.applicant_id = (
        _applicant(session, decision.applicant_address, decision.applicant_name, now)
        if decision.applicant_address
        else None
    )
    message.status = "processed"
    message.error = None
    message.attempts += 1


def record_failure(session: Session, message_id: int, error: str) -> None:
    """Keep the message and say why processing it raised; it will be retried."""
    message = session.get_one(InboundMessage, message_id)
    message.status = "failed"
    message.error = error[:2000]
    message.attempts += 1


def raw_message(session: Session, message_id: int) -> bytes:
    """The stored bytes of a message, for reprocessing and exports."""
    message = session.get_one(InboundMessage, message_id)
    return get_blob(session, message.sha256)


def _applicant(session: Session, address: str, name: str, now: datetime) -> int:
    applicant = session.scalars(select(Applicant).where(Applicant.address == address)).one_or_none()
    if applicant is None:
        applicant = Applicant(address=address, display_name=name, first_seen_at=now)
        session.add(applicant)
        session.flush()
    elif name and not applicant.display_name:
        applicant.display_name = name
    return applicant.id
