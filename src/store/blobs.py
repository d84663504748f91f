"""Content-addressed bytes: each distinct content is stored once."""

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from store.models import Blob, Document, InboundMessage
from store.upsert import insert_or_ignore


def put_blobs(session: Session, blobs: dict[str, bytes], now: datetime) -> None:
    """Store each blob (its sha256 hex digest to its bytes) unless already
    present, in one statement. The caller has the digest already, as the row
    that refers to the blob names it; a present blob is left to the insert's
    conflict clause rather than looked up first: new content is the usual case."""
    rows = [
        {"sha256": digest, "size": len(data), "data": data, "stored_at": now}
        for digest, data in blobs.items()
    ]
    if rows:
        insert_or_ignore(session, Blob, rows, ["sha256"])


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
