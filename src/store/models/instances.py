"""The running instances that share one database, the jobs done once a day
among all of them, and the send rate they share (docs/architecture.md §8)."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base
from store.types import CleanString


class Instance(Base):
    """One `mailroom run` at work on this database, under its claimant token
    (the same token its outbox claims carry, so the same liveness test holds).

    `holds` names the sources it polls, as of `seen_at`.
    A row outlives a killed instance until the next instance starts or
    `status` looks; the token says whether its holder still runs.
    """

    __tablename__ = "instance"

    token: Mapped[str] = mapped_column(CleanString(200), primary_key=True)
    name: Mapped[str] = mapped_column(CleanString(200))
    host: Mapped[str] = mapped_column(CleanString(200))
    pid: Mapped[int]
    started_at: Mapped[datetime]
    seen_at: Mapped[datetime]
    holds: Mapped[list[str]]


class DailyRun(Base):
    """A job that runs once a day whichever instance gets to it first: the
    primary key is the claim."""

    __tablename__ = "daily_run"

    job: Mapped[str] = mapped_column(CleanString(50), primary_key=True)
    day: Mapped[date] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(CleanString(200))
    at: Mapped[datetime]


class SendSlot(Base):
    """One delivery counted against an account's send rate (the relay's limit
    is per account, so every instance sending for it counts in one place).

    A slot is taken, unsettled, before its delivery starts, and settled (its
    `at` moved to when its batch ended) after; an unsettled slot always
    counts, a settled one for a minute after `at`.
    """

    __tablename__ = "send_slot"
    __table_args__ = (Index("ix_send_slot_account_at", "account", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account: Mapped[str] = mapped_column(CleanString(300))
    holder: Mapped[str] = mapped_column(CleanString(200))
    at: Mapped[datetime]
    settled: Mapped[bool] = mapped_column(default=False)


class Preparation(Base):
    """The analysis of a stored, not yet judged message, made by whichever
    instance claimed it first: the poller of its mailbox, or one with
    workers to spare while that poller has a backlog.

    The claim is the row: `holder` works on it until `until` (a lease, for a
    holder that hangs; one that dies is seen gone by its token at once).
    `frame` is the finished analysis as `parse.wire` encodes it, made under
    the configuration `context_key` names. The poller alone concludes the
    message, and drops the row in the same transaction.
    """

    __tablename__ = "preparation"

    message_id: Mapped[int] = mapped_column(
        ForeignKey("inbound_message.id", ondelete="CASCADE"), primary_key=True
    )
    holder: Mapped[str] = mapped_column(CleanString(200))
    until: Mapped[datetime]
    frame: Mapped[bytes | None] = mapped_column(LargeBinary)
    context_key: Mapped[str | None] = mapped_column(CleanString(64))
