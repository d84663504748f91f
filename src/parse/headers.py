"""Read header values as text, whatever bytes and encodings the sender used.

Values are taken from the message's raw header lines, not from the email
package's header objects: those re-render address headers from their own
parse (losing what it could not place) and differ between policies. Raw
8-bit bytes (RFC 6532) are read as UTF-8, else as Windows-1252, the two
encodings mail programs really write; a value never carries the email
package's surrogate escapes on to the rest of mailroom.
"""

import re
from email.header import decode_header, make_header
from email.message import Message

_FOLD = re.compile(r"\r?\n(?=[ \t])")
_LINE_BREAK = re.compile(r"[\r\n]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
# The empty line that ends the header block, after either line ending: one
# search that stops there, where two `find`s for the two endings would each
# scan a body of megabytes that lacks the other.
_HEADER_END = re.compile(rb"\n\r?\n")


def header_block(raw: bytes) -> bytes:
    """The message's header lines without the body, for a headers-only parse
    that should not first decode a body of megabytes it then skips. Parsing
    this gives the headers the whole message gives: the block ends at the
    first empty line, whichever line ending the sender used."""
    if raw.startswith((b"\n", b"\r\n")):
        return b""
    end = _HEADER_END.search(raw)
    return raw[: end.start() + 1] if end else raw


def raw_header(message: Message, name: str) -> str | None:
    """The first `name` header as written (unfolded, RFC 2047 words still encoded).

    None when the header is absent. Address headers must be split into
    mailboxes before their encoded words are decoded (`parse.addresses`).
    """
    values = raw_headers(message, name)
    return values[0] if values else None


def raw_headers(message: Message, name: str) -> list[str]:
    """Every `name` header as written, in order (see `raw_header`)."""
    wanted = name.lower()
    try:
        values = [str(v) for n, v in message.raw_items() if n.lower() == wanted]
    except Exception:  # a header block the email package cannot even list
        return []
    return [repair_8bit(_LINE_BREAK.sub(" ", _FOLD.sub("", value))).strip() for value in values]


def header_text(message: Message, name: str) -> str:
    """A header as one line of decoded text, or "" when absent or undecodable."""
    value = raw_header(message, name)
    return " ".join(decode_words(value).split()) if value else ""


def decode_words(value: str) -> str:
    """RFC 2047 encoded words decoded; the value as it is when they cannot be."""
    if "=?" not in value:
        return value
    try:
        return str(make_header(decode_header(value)))
    except Exception:  # unknown charsets, broken base64: keep the words as written
        return value


def repair_8bit(value: str) -> str:
    """Turn the email package's surrogate escapes back into the characters meant."""
    if value.isascii() or not _SURROGATE.search(value):
        return value
    try:
        data = value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no escape made: nothing to recover
        return _SURROGATE.sub("\ufffd", value)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")
