"""Replies decided for inbound messages, and every attempt to deliver them."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, UniqueConstraint, func, text
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base
from store.types import CleanString, CleanText


class OutboxReply(Base):
    """A reply decided for one message: planned, sent, failed, suppressed or bounced.

    One row per message and kind, or per daily digest and recipient
    (`digest_run_id` set, `message_id` None); `rfc_message_id` and the rendered bytes are
    fixed when planned, so a resend after a crash is the very same mail.
    `claimed_by` names the live sender holding the row (`store.claims`);
    `in_doubt` marks a reply whose last sender vanished while holding it, so
    it may already have left (docs/architecture.md §4).
    """

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("message_id", "kind"),
        UniqueConstraint("digest_run_id", "recipient", name="uq_outbox_digest_run_recipient"),
        # The per-address reply cap counts an address's replies whatever its case,
        # for every message: without this it reads the whole outbox each time.
        Index("ix_outbox_recipient_lower", func.lower(text("recipient"))),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("inbound_message.id", ondelete="CASCADE")
    )
    digest_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("digest_run.id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(CleanString(40))
    recipient: Mapped[str] = mapped_column(CleanString(320), index=True)
    language: Mapped[str] = mapped_column(CleanString(8))
    rfc_message_id: Mapped[str] = mapped_column(CleanString(998), unique=True)
    status: Mapped[str] = mapped_column(CleanString(20), index=True)
    reason: Mapped[str | None] = mapped_column(CleanString(200))
    content: Mapped[bytes | None] = mapped_column(LargeBinary)
    planned_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0)
    last_answer: Mapped[str | None] = mapped_column(CleanText)
    next_attempt_at: Mapped[datetime | None]
    claimed_until: Mapped[datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(CleanString(120))
    in_doubt: Mapped[bool] = mapped_column(default=False)


class DeliveryAttempt(Base):
    """One try to hand a reply to the transport, with the peer's answer."""

    __tablename__ = "delivery_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    outbox_id: Mapped[int] = mapped_column(ForeignKey("outbox.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    outcome: Mapped[str] = mapped_column(CleanString(20))
    answer: Mapped[str] = mapped_column(CleanText)
