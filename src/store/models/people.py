"""Who and what for: vacancies, applicants, their submissions and questions."""

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base
from store.types import CleanString


class Vacancy(Base):
    """A search as configured; synced from the config at start, never deleted.

    `procedure_ends_at` and `retention_days` decide when its applicants'
    personal data is purged (never, while either is None).
    """

    __tablename__ = "vacancy"

    slug: Mapped[str] = mapped_column(CleanString(100), primary_key=True)
    title: Mapped[str] = mapped_column(CleanString(500))
    opens_at: Mapped[datetime]
    closes_at: Mapped[datetime]
    procedure_ends_at: Mapped[datetime | None]
    retention_days: Mapped[int | None]
    purged_at: Mapped[datetime | None]


class Applicant(Base):
    """A person, known by their normalised address (lower case, no plus-tag)."""

    __tablename__ = "applicant"

    id: Mapped[int] = mapped_column(primary_key=True)
    address: Mapped[str] = mapped_column(CleanString(320), unique=True)
    display_name: Mapped[str] = mapped_column(CleanString(200), default="")
    first_seen_at: Mapped[datetime]


class Submission(Base):
    """An application-like message by one applicant for one vacancy.

    A later complete submission supersedes an earlier one (both are kept);
    an incomplete one after a complete one is a supplement linked to it.
    """

    __tablename__ = "submission"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(
        ForeignKey("inbound_message.id", ondelete="CASCADE"), unique=True
    )
    applicant_id: Mapped[int] = mapped_column(ForeignKey("applicant.id"), index=True)
    vacancy: Mapped[str] = mapped_column(ForeignKey("vacancy.slug"), index=True)
    complete: Mapped[bool]
    superseded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("submission.id", ondelete="SET NULL")
    )
    supplement_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("submission.id", ondelete="SET NULL")
    )
    arrived_at: Mapped[datetime]


class Question(Base):
    """A question to answer by `due_at`; answered by a human reply or a recruiter."""

    __tablename__ = "question"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(
        ForeignKey("inbound_message.id", ondelete="CASCADE"), unique=True
    )
    vacancy: Mapped[str | None] = mapped_column(ForeignKey("vacancy.slug"), index=True)
    due_at: Mapped[datetime]
    answered_at: Mapped[datetime | None]
    answered_how: Mapped[str | None] = mapped_column(CleanString(40))
