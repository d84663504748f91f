"""The one clock: wall time for scheduling, or a fixed instant for tests and demos.

Decisions about a message never read it; they use the message's arrival.
"""

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """Now, aware, in UTC."""
    return datetime.now(UTC)


def fixed_clock(instant: datetime) -> Clock:
    """A clock that always answers `instant` (must be aware)."""
    if instant.tzinfo is None:
        raise ValueError("a fixed clock needs an aware datetime")
    return lambda: instant
