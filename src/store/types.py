"""Column types that behave the same on SQLite and PostgreSQL."""

import re
from datetime import UTC, datetime

from sqlalchemy import DateTime, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on every engine.

    SQLite keeps no zone, so values are stored as naive UTC and tagged UTC
    again on the way out; a naive value going in is a bug and is refused.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use an aware one")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None else None


_REFUSED = re.compile("[\x00\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Text both engines store: without NUL (PostgreSQL refuses it in text) and
    without lone surrogates (no UTF-8 encoding exists for them).

    Nearly all text has neither, which two scans in C tell about ten times
    faster than the pattern takes to find nothing in a document's text.
    """
    if "\x00" not in value and _encodes(value):
        return value
    return _REFUSED.sub("", value)


def _encodes(value: str) -> bool:
    try:
        value.encode()
    except UnicodeEncodeError:
        return False
    return True


class CleanString(TypeDecorator[str]):
    """A string column that stores the same thing on SQLite and PostgreSQL.

    Values are cleaned (`clean_text`) and cut to the column's length, which
    PostgreSQL enforces and SQLite ignores: a hostile file name or PDF title
    is stored shortened on both rather than refused by one.
    """

    impl = String
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        cleaned = clean_text(value)
        length = getattr(self.impl, "length", None)
        return cleaned[:length] if length else cleaned


class CleanText(CleanString):
    """`CleanString` for unbounded text."""

    impl = Text
    cache_ok = True
