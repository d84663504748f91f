"""Read the DMARC verdict our own receiving server wrote (RFC 8601 Authentication-Results).

Anyone can put an `Authentication-Results` header in a message, so only
headers naming our configured authserv-id count; all others are ignored.
A forged header carrying our id can only claim a failure for its own
message, which withholds a reply from the forger and nobody else; a forged
"pass" changes nothing, because only "fail" is acted on.
"""

import re
from email.message import Message

_METHOD_RESULT = re.compile(r"^\s*([\w.-]+)\s*(?:/\s*\d+\s*)?=\s*([\w.-]+)")


def dmarc_failed(message: Message, authserv_id: str | None) -> bool:
    """True when a header from `authserv_id` reports `dmarc=fail`; never raises.

    Without a configured authserv-id nothing can be trusted, so nothing fails.
    """
    if not authserv_id:
        return False
    ours = authserv_id.casefold()
    for value in _header_values(message):
        server, results = _parse(value)
        if server == ours and ("dmarc", "fail") in results:
            return True
    return False


def _header_values(message: Message) -> list[str]:
    try:
        return [str(value) for value in message.get_all("Authentication-Results") or []]
    except Exception:  # a header the email package cannot decode tells us nothing
        return []


def _parse(value: str) -> tuple[str, set[tuple[str, str]]]:
    """The authserv-id and the (method, result) pairs of one header, case-folded."""
    first, *resinfos = _split_outside_quotes(_without_comments(value))
    words = first.split()
    server = words[0].strip('"').casefold() if words else ""
    pairs = {
        (found[1].casefold(), found[2].casefold())
        for found in (_METHOD_RESULT.match(part) for part in resinfos)
        if found
    }
    return server, pairs


def _without_comments(value: str) -> str:
    """Drop RFC 5322 comments, "(...)" nested and escaped, outside quoted strings."""
    kept: list[str] = []
    depth, quoted, escaped = 0, False, False
    for char in value:
        if escaped:
            escaped = False
            if depth == 0:
                kept.append(char)
            continue
        if char == "\\":
            escaped = True
            if depth == 0:
                kept.append(char)
        elif char == '"' and depth == 0:
            quoted = not quoted
            kept.append(char)
        elif char == "(" and not quoted:
            depth += 1
        elif char == ")" and not quoted and depth > 0:
            depth -= 1
        elif depth == 0:
            kept.append(char)
    return "".join(kept)


def _split_outside_quotes(value: str) -> list[str]:
    """Split at ";" where it is not inside a quoted string."""
    parts: list[str] = []
    current: list[str] = []
    quoted, escaped = False, False
    for char in value:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == ";" and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts
