"""Content-addressed bytes: each distinct content is stored once."""

import hashlib
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from store.models import Blob, Document, InboundMessage
from store.upsert import insert_or_ignore


def put_blob(session: Session, data: bytes, now: datetime) -> str:
    """Store `data` unless already present; return its sha256 hex digest."""
    digest = hashlib.sha256(data).hexdigest()
    if session.scalar(select(Blob.sha256).where(Blob.sha256 == digest)) is None:
        values = {"sha256": digest, "size": len(data), "data": data, "stored_at": now}
        insert_or_ignore(session, Blob, values, ["sha256"])
    return digest


def delete_unreferenced_blobs(session: Session, candidates: set[str]) -> int:
    """Delete those of `candidates` that no message or document refers to any more.

    The reference count is derived from the rows themselves, so it can never
    drift; the foreign keys refuse a delete that would break a reference.
    """
    referenced = set(
        session.scalars(select(InboundMessage.sha256).where(InboundMessage.sha256.in_(candidates)))
    )
    referenced |= set(
        session.scalars(select(Document.sha256).where(Document.sha256.in_(candidates)))
    )
    orphans = candidates - referenced
    if orphans:
        session.execute(delete(Blob).where(Blob.sha256.in_(orphans)))
    return len(orphans)


def get_blob(session: Session, digest: str) -> bytes:
    """The bytes stored under `digest`; KeyError when unknown."""
    blob = session.get(Blob, digest)
    if blob is None:
        raise KeyError(digest)
    return blob.data
