"""Working days: Monday to Friday without the Dutch holidays the config counts."""

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays


class WorkingCalendar:
    """Answers "which day is the next working day" for the firm's office.

    `counted_holidays` names which Dutch public holidays close the office
    (names as the `holidays` package spells them); None counts all of them.
    `closure_days` are extra days the office is shut.
    """

    def __init__(
        self,
        zone: ZoneInfo,
        counted_holidays: Iterable[str] | None = None,
        closure_days: Iterable[date] = (),
    ) -> None:
        self.zone = zone
        self._counted = None if counted_holidays is None else frozenset(counted_holidays)
        self._closed = frozenset(closure_days)
        self._holidays = holidays.country_holidays("NL", language="en_US")

    def is_working_day(self, day: date) -> bool:
        if day.weekday() >= 5 or day in self._closed:
            return False
        name = self._holidays.get(day)
        return name is None or (self._counted is not None and name not in self._counted)

    def answer_by(self, arrived_at: datetime) -> datetime:
        """End (23:59:59 local) of the first working day after the arrival day."""
        day = arrived_at.astimezone(self.zone).date() + timedelta(days=1)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return datetime.combine(day, time(23, 59, 59), tzinfo=self.zone)
