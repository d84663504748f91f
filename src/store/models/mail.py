"""What arrived: raw messages, their documents, and the bytes behind both."""

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, LargeBinary, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from store.models.base import Base
from store.statuses import MessageStatus
from store.types import CleanString, CleanText


class Blob(Base):
    """Bytes stored once by content, in the database so every instance sees them.

    A blob is referenced by messages and documents (foreign keys); it is
    deleted only when no row refers to it any more, so erasing one person
    never breaks another's record that shares the same file.
    """

    __tablename__ = "blob"

    sha256: Mapped[str] = mapped_column(CleanString(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    stored_at: Mapped[datetime]


class InboundMessage(Base):
    """One message as it reached the mailbox, and what was decided about it.

    `source` is the configured mailbox (the account); `folder` is empty for
    local sources, which are keyed by sha256 instead of UIDVALIDITY and UID.
    """

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
        # What another instance may help to judge: never judged, or failed and to be again.
        Index(
            "ix_inbound_waiting",
            "id",
            sqlite_where=text("status IN ('stored', 'failed')"),
            postgresql_where=text("status IN ('stored', 'failed')"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(CleanString(100))
    folder: Mapped[str] = mapped_column(CleanString(300), default="")
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    uid: Mapped[int | None] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256"), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    arrived_at: Mapped[datetime]
    stored_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(CleanString(20), default=MessageStatus.STORED.value)
    attempts: Mapped[int] = mapped_column(default=0)
    error: Mapped[str | None] = mapped_column(CleanText)
    # When a failed message may be judged again; None once it is decided.
    retry_at: Mapped[datetime | None]
    header_message_id: Mapped[str | None] = mapped_column(CleanString(998), index=True)
    verdict: Mapped[str | None] = mapped_column(CleanString(20), index=True)
    reasons: Mapped[list[str]] = mapped_column(default=list)
    flags: Mapped[list[str]] = mapped_column(default=list)
    vacancy: Mapped[str | None] = mapped_column(ForeignKey("vacancy.slug"), index=True)
    language: Mapped[str | None] = mapped_column(CleanString(8))
    applicant_id: Mapped[int | None] = mapped_column(ForeignKey("applicant.id"), index=True)

    documents: Mapped[list["Document"]] = relationship(
        back_populates="message",
        order_by="Document.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Document(Base):
    """An attachment that counts as a document, with what was read from it."""

    __tablename__ = "document"
    __table_args__ = (UniqueConstraint("message_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("inbound_message.id", ondelete="CASCADE"))
    position: Mapped[int]
    filename: Mapped[str] = mapped_column(CleanString(500))
    content_type: Mapped[str] = mapped_column(CleanString(200))
    kind: Mapped[str] = mapped_column(CleanString(20))
    sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256"), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    pages: Mapped[int | None]
    text: Mapped[str | None] = mapped_column(CleanText)
    role: Mapped[str | None] = mapped_column(CleanString(20))
    role_cue: Mapped[str | None] = mapped_column(CleanString(100))
    title: Mapped[str | None] = mapped_column(CleanString(500))
    author: Mapped[str | None] = mapped_column(CleanString(500))
    problem: Mapped[str | None] = mapped_column(CleanString(40))
    flags: Mapped[list[str]] = mapped_column(default=list)

    message: Mapped[InboundMessage] = relationship(back_populates="documents")
