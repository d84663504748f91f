"""The running instances that share one database, the jobs done once a day
among all of them, and the send rate they share (docs/architecture.md §8)."""

from datetime import date, datetime

from sqlalchemy import Index
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
