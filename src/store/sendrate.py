"""The send rate as slots in the database, so that every instance sending for
one account keeps to one limit (docs/architecture.md §8).

Taking slots is serialised per account (an advisory lock on PostgreSQL, the
write lock on SQLite), and counts every slot not yet settled plus those
settled within the last minute. A settled slot's time is when its batch
ended, no earlier than its delivery began, so a minute counted here holds
at least the deliveries a relay saw in it. Slots of a holder that is gone,
or held past the lease, stop counting.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from store.locks import take_turn
from store.models import SendSlot
from store.upsert import table_of

WINDOW = timedelta(minutes=1)
_SLOTS = table_of(SendSlot)


@dataclass(frozen=True)
class SlotsInUse:
    """The slots that count now: those still in use, and when each of the others
    was settled (oldest first; each stops counting a minute after)."""

    in_flight: int
    settled_at: list[datetime]

    @property
    def total(self) -> int:
        return self.in_flight + len(self.settled_at)


def slots_in_use(session: Session, account: str, now: datetime) -> SlotsInUse:
    counting = (SendSlot.account == account) & (~SendSlot.settled | (SendSlot.at > now - WINDOW))
    rows = session.execute(
        select(SendSlot.settled, SendSlot.at).where(counting).order_by(SendSlot.at)
    ).all()
    return SlotsInUse(
        in_flight=sum(1 for settled, _ in rows if not settled),
        settled_at=[at for settled, at in rows if settled],
    )


def take_slots(
    session: Session,
    account: str,
    wanted: int,
    per_minute: int,
    holder: str,
    now: datetime,
    stale: Callable[[str, datetime], bool],
) -> list[int]:
    """Up to `wanted` slots for `holder`, as many as `per_minute` leaves free;
    their ids. `stale(holder, taken_at)` says which unsettled slots no longer
    count (their holder is gone, or held them too long)."""
    take_turn(session.connection(), f"send:{account}")
    forget_stale_slots(session, account, now, stale)
    free = per_minute - slots_in_use(session, account, now).total
    if min(free, wanted) <= 0:
        return []
    rows = [{"account": account, "holder": holder, "at": now, "settled": False}] * min(free, wanted)
    return list(session.scalars(insert(_SLOTS).returning(_SLOTS.c.id), rows))


def settle_slots(session: Session, used: list[int], unused: list[int], now: datetime) -> None:
    """The slots whose deliveries began count from `now`; the others are given back."""
    if used:
        session.execute(update(SendSlot).where(SendSlot.id.in_(used)).values(at=now, settled=True))
    if unused:
        session.execute(delete(SendSlot).where(SendSlot.id.in_(unused)))


def forget_stale_slots(
    session: Session, account: str, now: datetime, stale: Callable[[str, datetime], bool]
) -> None:
    """Drop the slots that no longer count: settled over a minute ago, or held
    unsettled by a holder `stale(holder, oldest slot taken at)` gives up on."""
    mine = SendSlot.account == account
    session.execute(delete(SendSlot).where(mine, SendSlot.settled, SendSlot.at <= now - WINDOW))
    unsettled = session.execute(
        select(SendSlot.holder, func.min(SendSlot.at))
        .where(mine, ~SendSlot.settled)
        .group_by(SendSlot.holder)
    ).all()
    gone = [holder for holder, taken_at in unsettled if stale(holder, taken_at)]
    if gone:
        session.execute(delete(SendSlot).where(mine, ~SendSlot.settled, SendSlot.holder.in_(gone)))
