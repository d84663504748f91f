"""Working days: Monday to Friday without the Dutch holidays the config counts."""

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays

# Names are read in this language; the config must spell them the same way.
_LANGUAGE = "en_US"
# Years whose holiday names are accepted in config (King's Day replaced Queen's Day in 2014).
_NAMED_YEARS = range(1990, 2100)
# Years that name every holiday a config written now is likely to count
# (Liberation Day is a day off only every fifth year).
_RECENT_YEARS = range(2020, 2031)


@cache
def holiday_names() -> frozenset[str]:
    """Every Dutch public holiday's name as the `holidays` package spells it in English."""
    return _names_in(_NAMED_YEARS)


def unknown_holiday_names(names: Iterable[str]) -> list[str]:
    """Those of `names` that are not in `holiday_names`, sorted.

    Asked at every start (the config names the holidays it counts), so the
    years around now are looked at first; computing all of `_NAMED_YEARS`
    takes a tenth of a second and is left for a name not among them.
    """
    unknown = set(names) - _names_in(_RECENT_YEARS)
    return sorted(unknown - holiday_names()) if unknown else []


def _names_in(years: range) -> frozenset[str]:
    calendar = holidays.country_holidays("NL", language=_LANGUAGE, years=years)
    return frozenset(name for day in calendar for name in calendar.get_list(day))


class WorkingCalendar:
    """Answers "which day is the next working day" for the firm's office.

    `counted_holidays` names which Dutch public holidays close the office
    (names from `holiday_names`); None counts all of them.
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
        self._holidays = holidays.country_holidays("NL", language=_LANGUAGE)

    def is_working_day(self, day: date) -> bool:
        """Two holidays on one day (Ascension and Liberation Day in 2005) are
        each looked up by name: either one, if counted, closes the office."""
        if day.weekday() >= 5 or day in self._closed:
            return False
        names = self._holidays.get_list(day)
        if self._counted is None:
            return not names
        return not self._counted.intersection(names)

    def answer_by(self, arrived_at: datetime) -> datetime:
        """End (23:59:59 local) of the first working day after the arrival day."""
        day = arrived_at.astimezone(self.zone).date() + timedelta(days=1)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return datetime.combine(day, time(23, 59, 59), tzinfo=self.zone)
