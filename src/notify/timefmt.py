"""Dates, times and durations in the reader's language and the firm's zone."""

from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from babel.units import format_unit


# A vacancy's dates recur in every reply about it, and babel's formatting is
# a sizeable part of rendering one: the same inputs give the same words.
@lru_cache(maxsize=1024)
def when(moment: datetime, language: str, zone: ZoneInfo) -> str:
    """ "dinsdag 6 januari 2026 om 23:59" / "Tuesday 6 January 2026 at 23:59"."""
    link = "'om'" if language == "nl" else "'at'"
    return format_datetime(moment, f"EEEE d MMMM y {link} HH:mm", tzinfo=zone, locale=language)


@lru_cache(maxsize=1024)
def day(value: date | datetime, language: str, zone: ZoneInfo) -> str:
    """ "woensdag 14 januari 2026"; a datetime is first moved into `zone`."""
    if isinstance(value, datetime):
        value = value.astimezone(zone).date()
    return format_date(value, "EEEE d MMMM y", locale=language)


def duration(span: timedelta, language: str) -> str:
    """Whole days, else whole hours, else minutes, rounded down: "16 dagen", "3 hours".

    Rounded down so an applicant is never told they have more time than they do.
    """
    seconds = int(span.total_seconds())
    for unit, size in (("day", 86_400), ("hour", 3_600), ("minute", 60)):
        if seconds >= size or unit == "minute":
            return format_unit(seconds // size, f"duration-{unit}", locale=language)
    raise AssertionError("unreachable")
