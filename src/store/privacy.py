"""Erasure and retention: removing a person's data everywhere the store keeps it.

Deleting an inbound message cascades to its documents, search entries,
submission, question and outbox rows; blobs go when nothing refers to them.
An audit entry records what was done, naming the person only by a salted hash,
and each erased message leaves a tombstone (`store.tombstones`) so that a copy
read again is not stored again.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from store.blobs import delete_unreferenced_blobs
from store.database import Database
from store.identity import normalise_address
from store.models import Applicant, AuditEntry, Document, InboundMessage, OutboxReply, Vacancy
from store.tombstones import ErasedMail, bury


@dataclass(frozen=True)
class Erased:
    """What an erasure removed. The `Message-ID` headers of the erased mail and of
    our replies to it let callers find the copies outside the store (reply files,
    the mailbox), which the store cannot reach."""

    messages: int
    blobs: int
    reply_message_ids: tuple[str, ...]
    vacancies: tuple[str, ...]
    inbound_message_ids: tuple[str, ...]


@dataclass(frozen=True)
class Held:
    """What erasing a person would remove, counted without changing anything."""

    messages: int
    documents: int
    replies: int
    inbound_message_ids: tuple[str, ...]
    reply_message_ids: tuple[str, ...]


def subject_hash(address: str, salt: bytes) -> str:
    """A stable, salted fingerprint of an address, for audit lines."""
    return hashlib.sha256(salt + normalise_address(address).encode()).hexdigest()


def held_on(session: Session, address: str) -> Held:
    """What `forget_person` would erase for this address (for `forget --dry-run`)."""
    ids = _messages_of(session, _applicant(session, address))
    documents = select(func.count(Document.id)).where(Document.message_id.in_(ids))
    replies = _reply_ids(session, ids)
    return Held(
        messages=len(ids),
        documents=int(session.scalar(documents) or 0),
        replies=len(replies),
        inbound_message_ids=_inbound_ids(session, ids),
        reply_message_ids=replies,
    )


def forget_person(session: Session, address: str, salt: bytes, now: datetime) -> Erased:
    """Erase one person: their messages and everything hanging off them, and them.

    Each erased message leaves a tombstone keyed with `salt`, the same salt
    that hashes the address in the audit line.
    """
    applicant = _applicant(session, address)
    erased = _erase_messages(session, _messages_of(session, applicant), salt, "forget", now)
    if applicant is not None:
        session.delete(applicant)
    detail = {"messages": erased.messages, "blobs": erased.blobs}
    audit(session, "forget", now, subject_hash(address, salt), detail)
    return erased


def audit(
    session: Session,
    action: str,
    now: datetime,
    subject: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Add an audit line; `subject` is a `subject_hash`, never an address."""
    session.add(AuditEntry(at=now, action=action, subject_hash=subject, detail=detail or {}))


def export_directories(session: Session, vacancies: tuple[str, ...]) -> list[tuple[str, str]]:
    """(vacancy, directory) of every committee export recorded for these vacancies."""
    entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "export"))
    found = {(e.detail.get("vacancy"), e.detail.get("directory")) for e in entries}
    return sorted((v, d) for v, d in found if v in vacancies and isinstance(d, str))


def vacancies_due_for_purge(session: Session, now: datetime) -> list[str]:
    """Vacancies whose retention period after the procedure's end has passed
    (a handful of rows: filtered here, where the types say what may be None)."""
    return [
        v.slug
        for v in session.scalars(select(Vacancy))
        if v.procedure_ends_at is not None
        and v.retention_days is not None
        and v.procedure_ends_at + timedelta(days=v.retention_days) <= now
    ]


def purge_vacancy(session: Session, slug: str, salt: bytes, now: datetime) -> Erased:
    """Erase every message routed to a vacancy, and applicants left with none;
    tombstones keep a read-only source from bringing them back."""
    ids = list(session.scalars(select(InboundMessage.id).where(InboundMessage.vacancy == slug)))
    erased = _erase_messages(session, ids, salt, "retention_purge", now)
    still_known = select(InboundMessage.applicant_id).where(
        InboundMessage.applicant_id.is_not(None)
    )
    session.execute(delete(Applicant).where(Applicant.id.not_in(still_known)))
    vacancy = session.get_one(Vacancy, slug)
    vacancy.purged_at = now
    if erased.messages:
        session.add(
            AuditEntry(
                at=now,
                action="retention_purge",
                detail={"vacancy": slug, "messages": erased.messages},
            )
        )
    return erased


def scrub(db: Database) -> None:
    """Make deleted data leave SQLite's files too: rebuild the search index
    (dropping deleted entries) and fold the write-ahead log into the database.

    Deleted pages are already zeroed (secure_delete); PostgreSQL needs nothing
    here, as no query can return a deleted row.
    """
    if not db.is_sqlite:
        return
    with db.transaction() as session:
        session.execute(text("INSERT INTO document_fts (document_fts) VALUES ('optimize')"))
    raw = db.engine.raw_connection()  # outside any transaction, as a checkpoint must be
    try:
        raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()


def _applicant(session: Session, address: str) -> Applicant | None:
    identity = normalise_address(address)
    return session.scalars(select(Applicant).where(Applicant.address == identity)).first()


def _messages_of(session: Session, applicant: Applicant | None) -> list[int]:
    if applicant is None:
        return []
    query = select(InboundMessage.id).where(InboundMessage.applicant_id == applicant.id)
    return list(session.scalars(query))


def _reply_ids(session: Session, ids: list[int]) -> tuple[str, ...]:
    query = select(OutboxReply.rfc_message_id).where(OutboxReply.message_id.in_(ids))
    return tuple(session.scalars(query))


def _inbound_ids(session: Session, ids: list[int]) -> tuple[str, ...]:
    query = select(InboundMessage.header_message_id).where(
        InboundMessage.id.in_(ids), InboundMessage.header_message_id.is_not(None)
    )
    return tuple(sorted({str(header) for header in session.scalars(query)}))


def _erase_messages(
    session: Session, ids: list[int], salt: bytes, action: str, now: datetime
) -> Erased:
    if not ids:
        return Erased(0, 0, (), (), ())
    erased = session.execute(
        select(InboundMessage.sha256, InboundMessage.header_message_id).where(
            InboundMessage.id.in_(ids)
        )
    ).all()
    bury(session, [ErasedMail(sha, header) for sha, header in erased], salt, action, now)
    blobs = {sha for sha, _ in erased}
    blobs |= set(session.scalars(select(Document.sha256).where(Document.message_id.in_(ids))))
    replies = _reply_ids(session, ids)
    inbound = _inbound_ids(session, ids)
    routed = select(InboundMessage.vacancy).where(
        InboundMessage.id.in_(ids), InboundMessage.vacancy.is_not(None)
    )
    vacancies = tuple(sorted(str(v) for v in session.scalars(routed.distinct())))
    session.execute(delete(InboundMessage).where(InboundMessage.id.in_(ids)))
    removed = delete_unreferenced_blobs(session, blobs)
    return Erased(len(ids), removed, replies, vacancies, inbound)
