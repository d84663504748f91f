"""The one clock: wall time for scheduling, or a chosen instant for tests and demos.

Decisions about a message never read it; they use the message's arrival.
"""

import threading
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta, tzinfo

Clock = Callable[[], datetime]
Sleep = Callable[[float], None]


def cut_short_by(event: threading.Event) -> Sleep:
    """A sleep that ends early once `event` is set (a stopping daemon's waits)."""

    def sleep(seconds: float) -> None:
        event.wait(seconds)

    return sleep


def system_clock() -> datetime:
    """Now, aware, in UTC."""
    return datetime.now(UTC)


def fixed_clock(instant: datetime) -> Clock:
    """A clock that always answers `instant` (must be aware)."""
    if instant.tzinfo is None:
        raise ValueError("a fixed clock needs an aware datetime")
    return lambda: instant


def clock_from(instant: datetime) -> Clock:
    """Wall time as if it had been `instant` when this was called: `--as-of`
    shifts the calendar, while waits (the send rate's windows) still pass."""
    if instant.tzinfo is None:
        raise ValueError("a shifted clock needs an aware datetime")
    offset = instant - datetime.now(UTC)
    return lambda: datetime.now(UTC) + offset


def end_of_day(now: datetime, zone: tzinfo) -> datetime:
    """Midnight after `now` in `zone`: questions due before it are "due" today."""
    today = now.astimezone(zone).date()
    return datetime.combine(today + timedelta(days=1), time(), tzinfo=zone)
