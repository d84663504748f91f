"""Walk a message with the standard library and sort its parts.

Nothing here trusts a header: every access that can fail on hostile input
falls back to an empty value, so a malformed message still yields a result.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from email import message_from_bytes
from email.message import EmailMessage, Message
from email.parser import BytesHeaderParser, HeaderParser
from email.policy import compat32

from parse.addresses import first_mailbox, mailboxes
from parse.analysis import Address
from parse.filetype import looks_like_pdf
from parse.headercache import READING_POLICY
from parse.headers import header_text, raw_header, repair_8bit

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
        "message/global-delivery-status",
        "message/disposition-notification",
        "message/global-disposition-notification",
        "message/feedback-report",
        "text/rfc822-headers",
        "message/global-headers",
    }
)
_STATUS_PARTS = frozenset({"message/delivery-status", "message/global-delivery-status"})
_RETURNED_HEADER_PARTS = frozenset({"text/rfc822-headers", "message/global-headers"})
_REPORT_PARTS = _STATUS_PARTS | _RETURNED_HEADER_PARTS
_BLANK_LINE = re.compile(r"\r?\n[ \t]*\r?\n")
_NOT_DOCUMENT_SUFFIXES = (".p7s", ".asc", ".sig", ".ics", ".vcf")
_URL = re.compile(r"https?://[^\s\"'<>)\]]+", re.IGNORECASE)


@dataclass(frozen=True)
class RawPart:
    """An attachment-like part before anyone has judged it.

    `nested` parts sit inside an attached message (message/rfc822): a
    forward's files, or the original a bounce returns.
    """

    filename: str
    content_type: str
    data: bytes
    nested: bool = False


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
        return mail_from_message(message_from_bytes(raw, policy=READING_POLICY))
    except Exception:  # the standard library's parsers recurse and index on hostile headers
        return _headers_only(raw)


def _headers_only(raw: bytes) -> Mail:
    """What can be read of a message the structured parser choked on: its headers,
    parsed the old, string-based way (compat32), which does not recurse."""
    headers = BytesHeaderParser(policy=compat32).parsebytes(raw, headersonly=True)
    return Mail(
        message=headers,
        sender=first_mailbox(raw_header(headers, "From")),
        recipients=_recipients(headers),
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
    actions: list[tuple[str, str, str]] = []
    for part, nested, in_related in _leaves(message):
        content_type = part.get_content_type()
        if content_type in _STATUS_PARTS:
            actions.extend(_delivery_actions(_report_blocks(part)))
            continue
        if content_type in _RETURNED_HEADER_PARTS:
            report_ids.extend(_message_ids_in_headers(_report_blocks(part)))
            continue
        filename = _filename(part)
        if _is_not_a_document(content_type, filename) or _is_inline_image(
            part, content_type, in_related
        ):
            continue
        is_body = content_type in ("text/plain", "text/html") and not filename
        if is_body and part.get_content_disposition() != "attachment":
            (plain if content_type == "text/plain" else html).append(_text(part))
            continue
        data = _payload(part)
        if _is_unparsed_container(content_type) and not looks_like_pdf(data):
            continue
        parts.append(RawPart(filename, content_type, data, nested))
    body = plain[0] if plain else html_to_text(html[0]) if html else ""
    return Mail(
        message=message,
        sender=first_mailbox(raw_header(message, "From")),
        recipients=_recipients(message),
        subject=header_text(message, "Subject"),
        body_text=body,
        parts=tuple(parts),
        report_message_ids=tuple(report_ids),
        forwarded=tuple(_attached_messages(message)),
        delivery_actions=tuple(actions),
        links=tuple(dict.fromkeys(_URL.findall("\n".join([*plain, *html])))),
    )


def _leaves(message: Message) -> Iterator[tuple[Message, bool, bool]]:
    """Every part without children, in order, with two facts about where it sits:
    inside an attached message (`nested`), and a direct child of multipart/related.

    A delivery report's status and returned-headers parts are leaves here:
    what the email package parses out of them are fields, not parts. The
    walk keeps its own stack, so deep nesting costs memory, not recursion.
    """
    stack: list[tuple[Message, bool, bool]] = [(message, False, False)]
    while stack:
        part, nested, in_related = stack.pop()
        content_type = part.get_content_type()
        children = part.get_payload() if part.is_multipart() else None
        if not isinstance(children, list) or content_type in _REPORT_PARTS:
            yield part, nested, in_related
            continue
        inner_nested = nested or content_type == "message/rfc822"
        related = content_type == "multipart/related"
        stack.extend(
            (child, inner_nested, related)
            for child in reversed(children)
            if isinstance(child, Message)
        )


def html_to_text(html: str) -> str:
    """Readable text of an HTML body, for language and keyword checks.

    Markup the parser rejects (a stray "<![") falls back to dropping tags, so
    hostile HTML costs some accuracy, never the message.
    """
    # Imported at the first HTML-only body: Beautiful Soup and the CSS selector
    # library it loads are a tenth of a second of every process's start-up.
    from bs4 import BeautifulSoup

    try:
        return BeautifulSoup(html, "html.parser").get_text("\n", strip=True)
    except Exception:
        return re.sub(r"<[^>]*>", " ", html)


def _recipients(message: Message) -> tuple[str, ...]:
    """Every address the message was sent or delivered to (for routing rules)."""
    return tuple(
        mailbox.address
        for name in ("To", "Cc", "Delivered-To", "X-Original-To")
        for mailbox in mailboxes(raw_header(message, name) or "")
    )


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


def _is_unparsed_container(content_type: str) -> bool:
    """A multipart or message part the parser could not open (no boundary, no
    body): not a document, whatever it is called, unless its bytes are a PDF."""
    return content_type.startswith(("multipart/", "message/"))


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


def _report_blocks(part: Message) -> list[Message]:
    """The header blocks of a report part (RFC 3464 fields, returned headers),
    however the email package parsed it: as blocks, as one message, or not."""
    payload = part.get_payload()
    if isinstance(payload, list):
        text = "\n".join(_as_text(block) for block in payload if isinstance(block, Message))
    else:
        text = repair_8bit(_payload(part).decode("utf-8", "surrogateescape"))
    parser = HeaderParser(policy=compat32)
    return [
        parser.parsestr(block.lstrip("\r\n")) for block in _BLANK_LINE.split(text) if block.strip()
    ]


def _as_text(block: Message) -> str:
    try:
        return block.as_string(policy=compat32)
    except Exception:  # a block the generator cannot write back tells us nothing
        return ""


def _delivery_actions(blocks: list[Message]) -> list[tuple[str, str, str]]:
    """(action, status, recipient) per recipient of a delivery report."""
    return [
        (
            header_text(block, "Action").lower(),
            header_text(block, "Status"),
            header_text(block, "Final-Recipient").partition(";")[2].strip(),
        )
        for block in blocks
        if header_text(block, "Action")
    ]


def _message_ids_in_headers(blocks: list[Message]) -> list[str]:
    found = header_text(blocks[0], "Message-ID") if blocks else ""
    return [found] if found else []
