"""Who is running on this database, and the jobs one of them does once a day.

Each `mailroom run` registers under its claimant token (store/claims.py),
so whether an instance still runs is answered the way it is for an outbox
claim: on PostgreSQL by the server session the token names, on SQLite by
the process. Rows of instances that are gone are dropped whenever another
starts or `status` looks (docs/architecture.md §8).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from store.models import DailyRun, Instance, OutboxReply, Preparation
from store.statuses import ReplyStatus
from store.upsert import insert_new


@dataclass(frozen=True)
class RunningInstance:
    """An instance whose holder still runs, as `status` shows it."""

    name: str
    host: str
    pid: int
    started_at: datetime
    seen_at: datetime
    holds: tuple[str, ...]
    # Planned replies it has claimed to send right now.
    replies_claimed: int = 0
    # Messages it has claimed to judge for a poller and not finished.
    judging: int = 0


def register_instance(
    session: Session, token: str, name: str, host: str, pid: int, now: datetime
) -> None:
    """Enter this instance (holding nothing yet)."""
    session.add(
        Instance(token=token, name=name, host=host, pid=pid, started_at=now, seen_at=now, holds=[])
    )


def instance_seen(session: Session, token: str, holds: list[str], now: datetime) -> bool:
    """This instance is alive at `now` and polls the sources named in `holds`;
    False when it has no row (another dropped it while it had lost its
    database sessions), for it to register again."""
    seen = session.execute(
        update(Instance)
        .where(Instance.token == token)
        .values(seen_at=now, holds=sorted(holds))
        .returning(Instance.token)
    )
    return seen.first() is not None


def instance_count(session: Session) -> int:
    """How many instances are registered (one killed and not yet pruned included)."""
    return session.scalar(select(func.count()).select_from(Instance)) or 0


def unregister_instance(session: Session, token: str) -> None:
    session.execute(delete(Instance).where(Instance.token == token))


def running_instances(session: Session, is_alive: Callable[[str], bool]) -> list[RunningInstance]:
    """The instances that still run, oldest first, with what each holds
    (sources, replies and messages claimed); the rows of those that are gone
    are deleted on the way."""
    rows = list(session.scalars(select(Instance).order_by(Instance.started_at, Instance.token)))
    gone = [row.token for row in rows if not is_alive(row.token)]
    if gone:
        session.execute(delete(Instance).where(Instance.token.in_(gone)))
    claimed = dict(
        session.execute(
            select(OutboxReply.claimed_by, func.count())
            .where(OutboxReply.status == ReplyStatus.PLANNED, OutboxReply.claimed_by.is_not(None))
            .group_by(OutboxReply.claimed_by)
        ).all()
    )
    judging = dict(
        session.execute(
            select(Preparation.holder, func.count())
            .where(Preparation.frame.is_(None))
            .group_by(Preparation.holder)
        ).all()
    )
    return [
        RunningInstance(
            row.name,
            row.host,
            row.pid,
            row.started_at,
            row.seen_at,
            tuple(row.holds),
            replies_claimed=claimed.get(row.token, 0),
            judging=judging.get(row.token, 0),
        )
        for row in rows
        if row.token not in gone
    ]


def claim_day(session: Session, job: str, day: date, token: str, now: datetime) -> bool:
    """Whether `job` is this instance's to do on `day`: True for the first to
    ask, False for everyone after (on any instance), even at the same moment."""
    claim = {"job": job, "day": day, "token": token, "at": now}
    return bool(insert_new(session, DailyRun, [claim], ["job", "day"]))
