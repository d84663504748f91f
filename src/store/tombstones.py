"""Tombstones: what erasure removed stays recognisable, never readable.

An erased message can come back: a read-only Maildir or mbox source is read
again every cycle, a server re-delivers a copy, a folder is re-scanned under
a new UIDVALIDITY. Each erased message leaves a keyed hash (HMAC-SHA256 under
the installation's salt) of its bytes' sha256 and of its `Message-ID`, so a
copy is recognised by either (a re-delivered copy differs in its `Received:`
lines, so only its `Message-ID` still matches) before anything is stored.

Only a `Message-ID` that can be unique counts: `<1@localhost>` from a careless
mailer could name someone else's message too, and dropping that unread would
lose an application. Such mail is recognised by its bytes alone.
"""

import hashlib
import hmac
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, func, or_, select, update
from sqlalchemy.orm import Session

from store.models import Tombstone
from store.types import clean_text
from store.upsert import insert_or_ignore, table_of

_BRACKETED = re.compile(r"<[^<>\s]+>")
_TOMBSTONES = table_of(Tombstone)
# Made once (store.upsert says why): it runs for every group of messages read.
_ERASED = select(_TOMBSTONES.c.id, _TOMBSTONES.c.raw_key, _TOMBSTONES.c.message_id_key).where(
    or_(
        _TOMBSTONES.c.raw_key.in_(bindparam("raw_keys", expanding=True)),
        _TOMBSTONES.c.message_id_key.in_(bindparam("id_keys", expanding=True)),
    )
)
MIN_ID_LOCAL_PART = 8


@dataclass(frozen=True)
class ErasedMail:
    """What identifies one erased message: its sha256 and its `Message-ID` header."""

    sha256: str
    message_id: str | None


@dataclass(frozen=True)
class Sightings:
    """Erased messages read again since their erasure, and how often in all."""

    messages: int
    readings: int
    last_seen_at: datetime | None


def bury(
    session: Session, erased: Iterable[ErasedMail], salt: bytes, action: str, now: datetime
) -> None:
    """Leave a tombstone per erased message (once per distinct content)."""
    for mail in erased:
        values = {
            "raw_key": _raw_key(mail.sha256, salt),
            "message_id_key": _message_id_key(mail.message_id, salt),
            "action": action,
            "erased_at": now,
            "sightings": 0,
        }
        insert_or_ignore(session, Tombstone, values, ["raw_key"])


def recognise_erased(
    session: Session, mails: Sequence[tuple[bytes, str | None]], salt: bytes, now: datetime
) -> list[bool]:
    """For each message (its bytes and `Message-ID`), whether those bytes or
    that `Message-ID` were erased; each sighting is counted. One query for
    them all: it runs for every message read, and erased mail is rare.

    The bytes are what would be stored (the headers alone above the size
    cap), as the tombstone keeps the sha256 of the stored bytes.
    """
    keys = [
        (_raw_key(hashlib.sha256(raw).hexdigest(), salt), _message_id_key(message_id, salt))
        for raw, message_id in mails
    ]
    id_keys = {id_key for _, id_key in keys if id_key is not None}
    raw_keys = list({raw_key for raw_key, _ in keys})
    rows = session.execute(_ERASED, {"raw_keys": raw_keys, "id_keys": list(id_keys)}).all()
    by_key = {row.raw_key: row.id for row in rows}
    by_key |= {row.message_id_key: row.id for row in rows if row.message_id_key is not None}
    found = [by_key.get(raw_key) or by_key.get(id_key or "") for raw_key, id_key in keys]
    for tombstone in found:
        if tombstone is not None:
            session.execute(
                update(Tombstone)
                .where(Tombstone.id == tombstone)
                .values(sightings=Tombstone.sightings + 1, last_seen_at=now)
            )
    return [tombstone is not None for tombstone in found]


def erased_digests(session: Session, digests: Iterable[str], salt: bytes) -> set[str]:
    """Which of these sha256 digests belong to erased messages; counts no sighting."""
    keyed = {_raw_key(digest, salt): digest for digest in digests}
    found = session.scalars(select(Tombstone.raw_key).where(Tombstone.raw_key.in_(keyed)))
    return {keyed[key] for key in found}


def sightings(session: Session) -> Sightings:
    """For `mailroom status`: erased messages that came back, and how often."""
    totals = select(
        func.count(Tombstone.id), func.sum(Tombstone.sightings), func.max(Tombstone.last_seen_at)
    )
    messages, readings, last = session.execute(totals.where(Tombstone.sightings > 0)).one()
    return Sightings(int(messages), int(readings or 0), last)


def message_id_token(header: str | None) -> str | None:
    """The `<id@host>` token of a `Message-ID` header, so a refolded or commented
    header still matches; the whole value when it has no angle brackets. Cleaned
    as the store's columns clean text, so the header read from a message and the
    one kept in `inbound_message` give the same token."""
    if header is None:
        return None
    header = clean_text(header)
    found = _BRACKETED.search(header)
    token = found.group(0) if found else " ".join(header.split())
    return token or None


def _raw_key(sha256: str, salt: bytes) -> str:
    return _keyed(salt, "sha256", sha256)


def _message_id_key(message_id: str | None, salt: bytes) -> str | None:
    token = message_id_token(message_id)
    return _keyed(salt, "message-id", token) if token and distinctive(token) else None


def distinctive(token: str) -> bool:
    """An id a mail program made to be unique: a long enough left part and a
    domain with a dot on the right (`<20260105.1234.abc@mail.example.nl>`)."""
    local, at, domain = token.strip("<>").rpartition("@")
    return bool(at) and len(local) >= MIN_ID_LOCAL_PART and "." in domain.strip(".")


def _keyed(salt: bytes, kind: str, value: str) -> str:
    """Kinds are kept apart, so no sha256 can ever match a Message-ID's key."""
    return hmac.new(salt, f"{kind}\0{value}".encode(), hashlib.sha256).hexdigest()
