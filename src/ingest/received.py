"""Arrival time of a message from its topmost `Received:` header."""

from datetime import UTC, datetime
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import parsedate_to_datetime

_HEADER_PARSER = BytesHeaderParser(policy=compat32)


def arrival_time(raw: bytes) -> datetime | None:
    """Return the date our own server stamped on the message.

    The topmost `Received:` header was added by the last hop, our receiving
    server, so its date is the arrival time; the sender's `Date:` is never
    used. None when no such header carries a parseable date; otherwise the
    result is always aware.
    """
    headers = _HEADER_PARSER.parsebytes(raw)
    received = headers.get_all("Received") or []
    if received:
        _, _, date_text = str(received[0]).rpartition(";")
        try:
            parsed = parsedate_to_datetime(" ".join(date_text.split()))
        except (TypeError, ValueError, IndexError):
            parsed = None
        if parsed is not None:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None
