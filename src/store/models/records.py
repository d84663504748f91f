"""Bookkeeping that holds no personal data: digest runs, the audit log, tombstones."""

from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base
from store.types import CleanString


class DigestRun(Base):
    """One daily digest; the unique day keeps several instances from sending two.

    It covers the messages that arrived in [period_start, period_end); the
    next digest starts where this one ended.
    """

    __tablename__ = "digest_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(unique=True)
    started_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    period_start: Mapped[datetime | None]
    period_end: Mapped[datetime | None]


class AuditEntry(Base):
    """What was done to personal data, by whom and when, without the data itself.

    `subject_hash` is a salted hash of the address concerned, so an entry can
    be matched to a later request without revealing whom it was about.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    action: Mapped[str] = mapped_column(CleanString(40))
    subject_hash: Mapped[str | None] = mapped_column(CleanString(64))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Tombstone(Base):
    """A message that was erased, known only by keyed hashes so that a copy read
    again (a read-only source, a re-delivery, a folder re-scan) is recognised.

    `raw_key` and `message_id_key` are HMAC-SHA256 under the installation's
    salt, of the raw message's sha256 and of its `Message-ID`: without the salt
    they cannot be matched to a message, so they reveal nothing about it.
    `sightings` counts how often an erased message was read again since.
    """

    __tablename__ = "tombstone"

    id: Mapped[int] = mapped_column(primary_key=True)
    raw_key: Mapped[str] = mapped_column(CleanString(64), unique=True)
    message_id_key: Mapped[str | None] = mapped_column(CleanString(64), index=True)
    action: Mapped[str] = mapped_column(CleanString(40))
    erased_at: Mapped[datetime]
    sightings: Mapped[int] = mapped_column(default=0)
    last_seen_at: Mapped[datetime | None]
