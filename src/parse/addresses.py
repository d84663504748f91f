"""Mailboxes in address headers, read as RFC 5322 defines them.

In a name-addr (`display-name <addr-spec>`) the address is the one inside
the angle brackets; whatever the display name holds, even text that looks
like an address, is only a name. The standard library's parsers disagree
between Python releases on headers such as
`someone@company.example <do-not-reply@other.example>` (some return the
display name's address), so the structure is found here: split at commas
outside quotes, comments and brackets, then take the bracketed address.
Encoded words (RFC 2047) are decoded per display name, after splitting,
so an encoded comma or bracket can never move an address.
"""

import re
from collections.abc import Iterator

from parse.analysis import Address
from parse.headers import decode_words

_ADDRESS_IN_TEXT = re.compile(r"[^\s<>()\"',;:@]+@[^\s<>()\"',;:@]+\.[^\s<>()\"',;:@]+")


def mailboxes(value: str) -> list[Address]:
    """Every mailbox with an address in an address-list, in order; groups flattened."""
    found = (_mailbox(element) for element in _split_top_level(value, ","))
    return [mailbox for mailbox in found if mailbox is not None]


def first_mailbox(value: str | None) -> Address | None:
    """The first mailbox of a header value (the author, for `From`), or None."""
    if not value:
        return None
    found = mailboxes(value)
    return found[0] if found else None


def path_address(value: str | None) -> str | None:
    """The address of a `Return-Path` (RFC 5321 reverse-path): "" for the null
    path `<>` (and for `<MAILER-DAEMON>`, which names no domain), None when absent."""
    if value is None:
        return None
    inner = _without_comments(value).strip().strip("<>").strip()
    return inner.lower() if "@" in inner else ""


def names_other_address(mailbox: Address) -> bool:
    """The display name itself holds an address that is not the real one."""
    shown = {match.lower() for match in _ADDRESS_IN_TEXT.findall(mailbox.name)}
    return bool(shown - {mailbox.address})


def _mailbox(element: str) -> Address | None:
    element = _without_group_name(element).strip().rstrip(";").strip()
    bracket = _last_angle_addr(element)
    if bracket is not None:
        start, end = bracket
        address = _addr_spec(element[start + 1 : end])
        name = _display_name(element[:start])
    else:
        comments = re.findall(r"\(([^()]*)\)", element)
        address = _addr_spec(element)
        name = decode_words(comments[0]).strip() if comments else ""
    if "@" not in address:
        return None
    return Address(name, address)


def _addr_spec(text: str) -> str:
    """The address without comments, folding space or an obsolete source route."""
    bare = "".join(_without_comments(text).split())
    if bare.startswith("@") and ":" in bare:  # obs-route: <@relay:user@example.com>
        bare = bare.partition(":")[2]
    return bare.lower()


def _display_name(text: str) -> str:
    phrase = _without_comments(text).strip()
    if len(phrase) >= 2 and phrase.startswith('"') and phrase.endswith('"'):
        phrase = re.sub(r"\\(.)", r"\1", phrase[1:-1])
    return " ".join(decode_words(phrase).split())


def _without_group_name(element: str) -> str:
    """`Team: a@example.com` → `a@example.com` (RFC 5322 group syntax)."""
    parts = _split_top_level(element, ":")
    if len(parts) > 1 and "@" not in parts[0] and "<" not in parts[0]:
        return ":".join(parts[1:])
    return element


def _last_angle_addr(element: str) -> tuple[int, int] | None:
    """Where the last bracketed address outside quotes and comments starts and ends."""
    found = None
    opened = None
    for index, char, where in _scan(element):
        if where != _TEXT:
            continue
        if char == "<":
            opened = index
        elif char == ">" and opened is not None:
            found, opened = (opened, index), None
    return found


def _split_top_level(value: str, separator: str) -> list[str]:
    """Split at `separator` where it is outside quotes, comments and brackets."""
    parts: list[str] = []
    start = 0
    angle = 0
    for index, char, where in _scan(value):
        if where != _TEXT:
            continue
        if char == "<":
            angle += 1
        elif char == ">" and angle:
            angle -= 1
        elif char == separator and not angle:
            parts.append(value[start:index])
            start = index + 1
    parts.append(value[start:])
    return parts


def _without_comments(text: str) -> str:
    return "".join(char for _, char, where in _scan(text) if where != _COMMENT)


_TEXT, _QUOTED, _COMMENT = "text", "quoted", "comment"


def _scan(text: str) -> Iterator[tuple[int, str, str]]:
    """Each character with where it stands: in plain text, a quoted string or a comment.

    Quote marks and comment parentheses belong to what they delimit, so a
    caller looking at plain text sees only the structure; an escape (\\x)
    never ends either.
    """
    quoted, comment, escaped = False, 0, False
    for index, char in enumerate(text):
        where = _COMMENT if comment else _QUOTED if quoted else _TEXT
        if escaped:
            escaped = False
        elif char == "\\" and (quoted or comment):
            escaped = True
        elif char == '"' and not comment:
            quoted = not quoted
            where = _QUOTED
        elif char == "(" and not quoted:
            comment += 1
            where = _COMMENT
        elif char == ")" and comment:
            comment -= 1
        yield index, char, where
