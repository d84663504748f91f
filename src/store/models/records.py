"""Bookkeeping that holds no personal data: digest runs and the audit log."""

from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base
from store.types import CleanString


class DigestRun(Base):
    """One daily digest; the unique day keeps several instances from sending two."""

    __tablename__ = "digest_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(unique=True)
    started_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


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
