"""Content-addressed bytes: each distinct content is stored once."""

import hashlib
from datetime import datetime

from sqlalchemy.orm import Session

from store.models import Blob


def put_blob(session: Session, data: bytes, now: datetime) -> str:
    """Store `data` unless already present; return its sha256 hex digest."""
    digest = hashlib.sha256(data).hexdigest()
    if session.get(Blob, digest) is None:
        session.add(Blob(sha256=digest, size=len(data), data=data, stored_at=now))
        session.flush()
    return digest


def get_blob(session: Session, digest: str) -> bytes:
    """The bytes stored under `digest`; KeyError when unknown."""
    blob = session.get(Blob, digest)
    if blob is None:
        raise KeyError(digest)
    return blob.data
