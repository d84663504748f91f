"""Folder checkpoints and source health, as the IMAP source and `status` need them."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import FolderCheckpoint, SourceHealth
from store.upsert import insert_or_update


@dataclass(frozen=True)
class SourceRecord:
    """A source's remembered health: its last good contact and any ongoing outage."""

    source: str
    down_since: datetime | None
    outages: int
    last_error: str | None
    last_ok_at: datetime | None


@dataclass(frozen=True)
class Checkpoint:
    uidvalidity: int
    handled_through: int


def load_checkpoint(session: Session, source: str, folder: str) -> Checkpoint | None:
    row = session.get(FolderCheckpoint, (source, folder))
    return Checkpoint(row.uidvalidity, row.handled_through) if row is not None else None


def save_checkpoint(
    session: Session, source: str, folder: str, checkpoint: Checkpoint, now: datetime
) -> None:
    values = {
        "source": source,
        "folder": folder,
        "uidvalidity": checkpoint.uidvalidity,
        "handled_through": checkpoint.handled_through,
        "updated_at": now,
    }
    insert_or_update(session, FolderCheckpoint, values, ["source", "folder"])


def source_answered(session: Session, source: str, now: datetime) -> datetime | None:
    """Record a good contact; returns when the outage began if this ends one."""
    row = _health(session, source)
    ended, row.down_since, row.last_ok_at = row.down_since, None, now
    return ended


def source_failed(session: Session, source: str, error: str, now: datetime) -> bool:
    """Record a failed contact; True when this starts a new outage."""
    row = _health(session, source)
    row.last_error = error[:2000]
    if row.down_since is not None:
        return False
    row.down_since = now
    row.outages += 1
    return True


def source_health(session: Session) -> list[SourceRecord]:
    rows = session.scalars(select(SourceHealth).order_by(SourceHealth.source))
    return [
        SourceRecord(r.source, r.down_since, r.outages, r.last_error, r.last_ok_at) for r in rows
    ]


def _health(session: Session, source: str) -> SourceHealth:
    row = session.get(SourceHealth, source)
    if row is None:
        row = SourceHealth(source=source, outages=0)
        session.add(row)
    return row
