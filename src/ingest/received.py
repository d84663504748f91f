"""Arrival time of a message from the `Received:` header our own server wrote.

Every hop on the way adds a `Received:` line on top, and so can the sender,
who may write any date into lines of their own. Only a line added *by* a
host we trust (our MX, the mailbox provider) says when the message reached
us; lines naming other hosts are ignored, however high they stand.
"""

import re
from datetime import UTC, datetime
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import parsedate_to_datetime

_HEADER_PARSER = BytesHeaderParser(policy=compat32)
_BY_HOST = re.compile(r"\bby\s+([^\s;()\[\]]+)", re.IGNORECASE)


def arrival_time(raw: bytes, trusted_hosts: tuple[str, ...]) -> datetime | None:
    """The date on the topmost `Received:` line added by a trusted host.

    `trusted_hosts` are host names compared without case; one that starts
    with a dot trusts every host of that domain (".prod.outlook.com"). None
    when no trusted line carries a parseable date (and always when nothing
    is trusted); otherwise the result is aware.
    """
    if not trusted_hosts:
        return None
    headers = _HEADER_PARSER.parsebytes(raw)
    for value in headers.get_all("Received") or []:
        text = " ".join(str(value).split())
        if _is_trusted(_received_by(text), trusted_hosts):
            return _stamp(text)
    return None


def _received_by(text: str) -> str:
    """The host that added the line: the `by` clause, outside comments."""
    found = _BY_HOST.search(_without_comments(text.rpartition(";")[0]))
    return found.group(1).rstrip(".").lower() if found else ""


def _without_comments(text: str) -> str:
    """Comments, nested or not, replaced by a space, in one pass."""
    kept: list[str] = []
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if not depth:
                kept.append(" ")
        elif not depth:
            kept.append(char)
    return "".join(kept)


def _is_trusted(host: str, trusted_hosts: tuple[str, ...]) -> bool:
    if not host:
        return False
    for entry in (entry.lower() for entry in trusted_hosts):
        if host == entry or (entry.startswith(".") and host.endswith(entry)):
            return True
    return False


def _stamp(text: str) -> datetime | None:
    _, _, date_text = text.rpartition(";")
    try:
        parsed = parsedate_to_datetime(date_text.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
