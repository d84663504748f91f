"""The one clock: wall time for scheduling, or a chosen instant for tests and demos.

Decisions about a message never read it; they use the message's arrival.
"""

import time
from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]
Sleep = Callable[[float], None]

real_sleep: Sleep = time.sleep


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
