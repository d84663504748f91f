"""The schema: raw messages, their documents, applicants and the outbox.

Dedupe keys are part of the first table: a mailbox message is unique by
(source, folder, UIDVALIDITY, UID), a local one by (source, sha256).
"""

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from store.types import UTCDateTime


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime,
        dict[str, Any]: JSON,
        list[str]: JSON,
    }


class Blob(Base):
    """Bytes stored once by content; kept in the database so every instance sees them."""

    __tablename__ = "blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    stored_at: Mapped[datetime]


class Applicant(Base):
    """A person, known by their normalised address."""

    __tablename__ = "applicant"

    id: Mapped[int] = mapped_column(primary_key=True)
    address: Mapped[str] = mapped_column(String(320), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    first_seen_at: Mapped[datetime]


class InboundMessage(Base):
    """One message as it reached the mailbox, and what was decided about it."""

    __tablename__ = "inbound_message"
    __table_args__ = (
        Index(
            "uq_inbound_mailbox_uid",
            "source",
            "folder",
            "uidvalidity",
            "uid",
            unique=True,
            sqlite_where=text("uid IS NOT NULL"),
            postgresql_where=text("uid IS NOT NULL"),
        ),
        Index(
            "uq_inbound_local_sha256",
            "source",
            "sha256",
            unique=True,
            sqlite_where=text("uid IS NULL"),
            postgresql_where=text("uid IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(100))
    folder: Mapped[str] = mapped_column(String(300), default="")
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    uid: Mapped[int | None] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256"))
    size: Mapped[int] = mapped_column(BigInteger)
    arrived_at: Mapped[datetime]
    stored_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(20), default="stored")
    attempts: Mapped[int] = mapped_column(default=0)
    error: Mapped[str | None] = mapped_column(Text)
    header_message_id: Mapped[str | None] = mapped_column(String(998))
    verdict: Mapped[str | None] = mapped_column(String(20), index=True)
    reasons: Mapped[list[str]] = mapped_column(default=list)
    flags: Mapped[list[str]] = mapped_column(default=list)
    vacancy: Mapped[str | None] = mapped_column(String(100), index=True)
    language: Mapped[str | None] = mapped_column(String(8))
    applicant_id: Mapped[int | None] = mapped_column(ForeignKey("applicant.id"), index=True)

    documents: Mapped[list["Document"]] = relationship(
        back_populates="message", order_by="Document.position", cascade="all, delete-orphan"
    )


class Document(Base):
    """An attachment that counts as a document, with what was read from it."""

    __tablename__ = "document"
    __table_args__ = (UniqueConstraint("message_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("inbound_message.id", ondelete="CASCADE"))
    position: Mapped[int]
    filename: Mapped[str] = mapped_column(String(500))
    content_type: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256"), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    pages: Mapped[int | None]
    text: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(String(20))
    role_cue: Mapped[str | None] = mapped_column(String(100))
    problem: Mapped[str | None] = mapped_column(String(40))
    flags: Mapped[list[str]] = mapped_column(default=list)

    message: Mapped[InboundMessage] = relationship(back_populates="documents")


class OutboxReply(Base):
    """A reply decided for one message: planned, sent, failed or suppressed.

    One row per message and kind; `rfc_message_id` and the rendered bytes are
    fixed when planned, so a resend after a crash is the very same mail.
    """

    __tablename__ = "outbox"
    __table_args__ = (UniqueConstraint("message_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("inbound_message.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    recipient: Mapped[str] = mapped_column(String(320))
    language: Mapped[str] = mapped_column(String(8))
    rfc_message_id: Mapped[str] = mapped_column(String(998), unique=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    reason: Mapped[str | None] = mapped_column(String(200))
    content: Mapped[bytes | None] = mapped_column(LargeBinary)
    planned_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0)
    last_answer: Mapped[str | None] = mapped_column(Text)
