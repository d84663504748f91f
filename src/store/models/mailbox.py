"""Per-mailbox bookkeeping: how far each folder is handled, and whether it answers."""

from datetime import datetime

from sqlalchemy import BigInteger
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base
from store.types import CleanString, CleanText


class FolderCheckpoint(Base):
    """Every UID up to `handled_through` in this UIDVALIDITY of the folder is handled.

    A new UIDVALIDITY resets the checkpoint; the messages are then recognised
    by the sha256 of their bytes, so nothing is processed twice.
    """

    __tablename__ = "folder_checkpoint"

    source: Mapped[str] = mapped_column(CleanString(100), primary_key=True)
    folder: Mapped[str] = mapped_column(CleanString(300), primary_key=True)
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    handled_through: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[datetime]


class SourceHealth(Base):
    """Whether a source answered on its last try; `down_since` is set during an outage."""

    __tablename__ = "source_health"

    source: Mapped[str] = mapped_column(CleanString(100), primary_key=True)
    down_since: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(CleanText)
    last_ok_at: Mapped[datetime | None]
    outages: Mapped[int] = mapped_column(default=0)
