"""Walk a message with the standard library and sort its parts.

Nothing here trusts a header: every access that can fail on hostile input
falls back to an empty value, so a malformed message still yields a result.
"""

import re
from dataclasses import dataclass
from email import message_from_bytes
from email.message import EmailMessage, Message
from email.parser import BytesHeaderParser
from email.policy import compat32, default
from email.utils import getaddresses

from bs4 import BeautifulSoup

from parse.analysis import Address

_NOT_DOCUMENT_TYPES = frozenset(
    {
        "application/pkcs7-signature",
        "application/x-pkcs7-signature",
        "application/pgp-signature",
        "application/pgp-keys",
        "text/calendar",
        "text/vcard",
        "text/x-vcard",
        "message/delivery-status",
        "message/disposition-notification",
        "text/rfc822-headers",
    }
)
_NOT_DOCUMENT_SUFFIXES = (".p7s", ".asc", ".sig", ".ics", ".vcf")
_URL = re.compile(r"https?://[^\s\"'<>)\]]+", re.IGNORECASE)


@dataclass(frozen=True)
class RawPart:
    """An attachment-like part before anyone has judged it."""

    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class Mail:
    """The parts of a message that the rules look at."""

    message: Message
    sender: Address | None
    recipients: tuple[str, ...]
    subject: str
    body_text: str
    parts: tuple[RawPart, ...]
    report_message_ids: tuple[str, ...]
    malformed: bool = False
    forwarded: tuple[Message, ...] = ()
    links: tuple[str, ...] = ()
    delivery_actions: tuple[tuple[str, str, str], ...] = ()


def read_mail(raw: bytes) -> Mail:
    """Parse raw bytes into a `Mail`; never raises on malformed input.

    Whatever the structured parser cannot take (nesting too deep for its
    recursion, a parameter cut off mid-encoding) is read as headers only and
    marked `malformed`.
    """
    try:
        return mail_from_message(message_from_bytes(raw, policy=default))
    except Exception:  # the standard library's parsers recurse and index on hostile headers
        return _headers_only(raw)


def _headers_only(raw: bytes) -> Mail:
    """What can be read of a message the structured parser choked on: its headers,
    parsed the old, string-based way (compat32), which does not recurse."""
    headers = BytesHeaderParser(policy=compat32).parsebytes(raw, headersonly=True)
    return Mail(
        message=headers,
        sender=_first_address(headers, "From"),
        recipients=tuple(_all_addresses(headers, ("To", "Cc", "Delivered-To", "X-Original-To"))),
        subject=header_text(headers, "Subject"),
        body_text="",
        parts=(),
        report_message_ids=(),
        malformed=True,
    )


def mail_from_message(message: Message) -> Mail:
    """A `Mail` of an already parsed message, such as one attached to another.

    Attached messages are handed on as parsed objects, never serialised and
    parsed again, so nested forwards cost one walk, not one per level.
    """
    plain: list[str] = []
    html: list[str] = []
    parts: list[RawPart] = []
    report_ids: list[str] = []
    related_children: set[int] = set()
    actions: list[tuple[str, str, str]] = []
    for part in message.walk():
        if part.get_content_type() == "message/delivery-status":
            actions.extend(_delivery_actions(part))
        if part.get_content_type() == "multipart/related":
            payload = part.get_payload()
            if isinstance(payload, list):
                related_children.update(id(child) for child in payload)
        if part.is_multipart():
            continue
        content_type = part.get_content_type()
        filename = _filename(part)
        if content_type == "text/rfc822-headers":
            report_ids.extend(_message_ids_in_headers(_payload(part)))
        in_related = id(part) in related_children
        if _is_not_a_document(content_type, filename) or _is_inline_image(
            part, content_type, in_related
        ):
            continue
        is_body = content_type in ("text/plain", "text/html") and not filename
        if is_body and part.get_content_disposition() != "attachment":
            (plain if content_type == "text/plain" else html).append(_text(part))
            continue
        parts.append(RawPart(filename, content_type, _payload(part)))
    body = plain[0] if plain else html_to_text(html[0]) if html else ""
    return Mail(
        message=message,
        sender=_first_address(message, "From"),
        recipients=tuple(_all_addresses(message, ("To", "Cc", "Delivered-To", "X-Original-To"))),
        subject=header_text(message, "Subject"),
        body_text=body,
        parts=tuple(parts),
        report_message_ids=tuple(report_ids),
        forwarded=tuple(_attached_messages(message)),
        delivery_actions=tuple(actions),
        links=tuple(dict.fromkeys(_URL.findall("\n".join([*plain, *html])))),
    )


def header_text(message: Message, name: str) -> str:
    """A header as one line of text, or "" when absent or undecodable."""
    try:
        value = message.get(name)
    except Exception:
        return ""
    return " ".join(str(value).split()) if value is not None else ""


def html_to_text(html: str) -> str:
    """Readable text of an HTML body, for language and keyword checks.

    Markup the parser rejects (a stray "<![") falls back to dropping tags, so
    hostile HTML costs some accuracy, never the message.
    """
    try:
        return BeautifulSoup(html, "html.parser").get_text("\n", strip=True)
    except Exception:
        return re.sub(r"<[^>]*>", " ", html)


def _first_address(message: Message, name: str) -> Address | None:
    addresses = _addresses(message, name)
    return addresses[0] if addresses else None


def _all_addresses(message: Message, names: tuple[str, ...]) -> list[str]:
    return [a.address for name in names for a in _addresses(message, name)]


def _addresses(message: Message, name: str) -> list[Address]:
    try:
        pairs = getaddresses([header_text(message, name)])
    except Exception:  # nested comments make the address parser recurse
        return []
    return [
        Address(display, address.strip().lower()) for display, address in pairs if "@" in address
    ]


def _filename(part: Message) -> str:
    try:
        name = part.get_filename()
    except Exception:
        return ""
    return " ".join(str(name).split()) if name else ""


def _payload(part: Message) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception:
        data = None
    if isinstance(data, bytes):
        return data
    raw = part.get_payload()
    return raw.encode("utf-8", "replace") if isinstance(raw, str) else b""


def _text(part: Message) -> str:
    charset = part.get_content_charset() or "utf-8"
    data = _payload(part)
    try:
        return data.decode(charset, "replace")
    except (LookupError, ValueError):  # unknown codecs, and ones like idna that refuse "replace"
        return data.decode("utf-8", "replace")


def _is_not_a_document(content_type: str, filename: str) -> bool:
    return content_type in _NOT_DOCUMENT_TYPES or filename.lower().endswith(_NOT_DOCUMENT_SUFFIXES)


def _is_inline_image(part: Message, content_type: str, in_related: bool) -> bool:
    """An image shown in the text (a logo, a signature), not sent as a document.

    Inside multipart/related an image with a Content-ID is part of the HTML,
    whatever its Content-Disposition claims (Gmail's bounces say "attachment").
    """
    if not content_type.startswith("image/"):
        return False
    disposition = part.get_content_disposition()
    has_id = part.get("Content-ID") is not None
    return disposition == "inline" or (has_id and (disposition is None or in_related))


def _attached_messages(message: Message) -> list[Message]:
    """Messages attached to this one (message/rfc822), not those nested in them."""
    found: list[Message] = []
    for part in message.iter_parts() if isinstance(message, EmailMessage) else ():
        if part.get_content_type() == "message/rfc822":
            payload = part.get_payload()
            if isinstance(payload, list) and payload and isinstance(payload[0], Message):
                found.append(payload[0])
        elif part.is_multipart():
            found.extend(_attached_messages(part))
    return found


def _delivery_actions(part: Message) -> list[tuple[str, str, str]]:
    """(action, status, recipient) per recipient of a delivery report."""
    payload = part.get_payload()
    blocks = payload if isinstance(payload, list) else []
    return [
        (
            header_text(b, "Action").lower(),
            header_text(b, "Status"),
            header_text(b, "Final-Recipient").partition(";")[2].strip(),
        )
        for b in blocks
        if isinstance(b, Message) and b.get("Action")
    ]


def _message_ids_in_headers(data: bytes) -> list[str]:
    headers = BytesHeaderParser(policy=default).parsebytes(data)
    found = header_text(headers, "Message-ID")
    return [found] if found else []
