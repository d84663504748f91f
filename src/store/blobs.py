"""Content-addressed bytes: each distinct content is stored once."""

import hashlib
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from store.models import Blob, Document, InboundMessage
from store.upsert import insert_or_ignore


def put_blob(session: Session, data: bytes, now: datetime) -> str:
    """Store `data` unless already present; return its sha256 hex digest."""
    return put_blobs(session, [data], now)[0]


def put_blobs(session: Session, contents: list[bytes], now: datetime) -> list[str]:
    """Store each of `contents` unless already present, in one statement; return
    their sha256 hex digests in order. A present blob is left to the insert's
    conflict clause rather than looked up first: new content is the usual case."""
    digests = [hashlib.sha256(data).hexdigest() for data in contents]
    rows = {
        digest: {"sha256": digest, "size": len(data), "data": data, "stored_at": now}
        for digest, data in zip(digests, contents, strict=True)
    }
    if rows:
        insert_or_ignore(session, Blob, list(rows.values()), ["sha256"])
    return digests


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
