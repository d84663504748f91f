"""Turn a rendered reply into RFC 5322 bytes with the headers docs/architecture.md §6 asks for.

Three things the email package would otherwise get wrong for us:

- `In-Reply-To` and `References` are written as bare message ids, folded
  only between ids. The package turns an id longer than a line (Exchange
  writes 80 to 100 characters) into an RFC 2047 encoded word, which no mail
  program recognises as the id it is, so the reply would lose its thread.
- No header line exceeds RFC 5322's 998 octets: names and subjects taken
  from inbound mail are shortened, and the finished message is checked.
- A reply to an address with a non-ASCII local part (RFC 6532) is written
  with UTF-8 headers, for a relay that offers SMTPUTF8; a non-ASCII domain
  alone is written in its ASCII form (IDNA), which every relay takes.
"""

import re
import secrets
from collections.abc import Sequence
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import format_datetime
from typing import Any

import idna

from notify.reply import Mailbox, Reply
from notify.templates import RenderedReply
from parse import CachingHeaderRegistry

MAX_LINE_OCTETS = 998
MAX_NAME_CHARS = 120
MAX_SUBJECT_CHARS = 250
# References keeps the thread's first id and its most recent ones (RFC 5322 §3.6.4).
MAX_REFERENCES = 10
_XLSX_SUBTYPE = "vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_THREAD_HEADERS = frozenset({"in-reply-to", "references"})
_MESSAGE_ID = re.compile(r"<[!-;=?-~]{1,900}>")  # printable ASCII, no "<" or ">" inside
# C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional
# embeddings, overrides and isolates that can make a name read backwards.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_ADDRESS_SPECIALS = re.compile(r'[\s<>()\[\]\\,;:"@]')


class ComposeError(ValueError):
    """The reply cannot be written as a message (an address no relay would take)."""


class _ReplyPolicy(EmailPolicy):
    """The SMTP policy, but thread headers are folded between ids and never
    encoded, and a value that is one short line of plain ASCII is kept as
    written.

    The package keeps the headers of a message it parsed that way, and writes
    them out again unchanged unless they are too long (`refold_source`);
    parsing such a value into a header object only to write the same text
    again was a good part of composing a reply (the date, the ids and each
    part's boundary are new every time). Anything else (a name or subject
    that needs encoding, a value that needs folding) is still parsed and
    folded by the package.
    """

    def header_store_parse(self, name: str, value: Any) -> tuple[str, Any]:
        if type(value) is str and _plain_line(name, value, self.max_line_length):
            return (name, value)
        return super().header_store_parse(name, value)

    def fold(self, name: str, value: Any) -> str:
        if name.lower() in _THREAD_HEADERS:
            return _fold_ids(name, str(value), self.linesep)
        return str(super().fold(name, value))

    def fold_binary(self, name: str, value: Any) -> bytes:
        if name.lower() in _THREAD_HEADERS:
            return _fold_ids(name, str(value), self.linesep).encode("ascii")
        return bytes(super().fold_binary(name, value))


# Headers every reply shares (the sender, the parts' types) are parsed once.
_ASCII_POLICY = _ReplyPolicy(linesep="\r\n", header_factory=CachingHeaderRegistry())
_UTF8_POLICY = _ReplyPolicy(linesep="\r\n", utf8=True, header_factory=CachingHeaderRegistry())


def compose(
    reply: Reply, rendered: RenderedReply, sender: Mailbox, message_id: str, date: datetime
) -> bytes:
    """Build the message; every header value from inbound data is cleaned first.

    Inbound names and subjects pass through `_clean`, so nothing
    an applicant writes can add a header or reorder what a reader sees.
    Raises `ComposeError` for a recipient no relay would accept.
    """
    if reply.to is None:
        raise ComposeError("a reply needs a recipient")
    message = _headed(reply.to, rendered.subject, sender, message_id, date)
    in_reply_to = _message_ids([reply.in_reply_to] if reply.in_reply_to else [])
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to[0]
    references = _trimmed(_message_ids(reply.references))
    if references:
        message["References"] = " ".join(references)
    message["Auto-Submitted"] = "auto-replied"
    message["X-Auto-Response-Suppress"] = "All"
    return _finished(message, rendered, reply.language)


def compose_report(
    to: Mailbox,
    rendered: RenderedReply,
    sender: Mailbox,
    message_id: str,
    date: datetime,
    language: str,
    attachments: Sequence[tuple[str, bytes]] = (),
) -> bytes:
    """A message mailroom writes on its own (the recruiters' digest), not in
    answer to anyone: `Auto-Submitted: auto-generated`, with `attachments`
    as (file name, xlsx bytes)."""
    message = _headed(to, rendered.subject, sender, message_id, date)
    message["Auto-Submitted"] = "auto-generated"
    return _finished(message, rendered, language, attachments)


def _headed(
    to: Mailbox, subject: str, sender: Mailbox, message_id: str, date: datetime
) -> EmailMessage:
    recipient = envelope_address(to.address)
    message = EmailMessage(policy=_UTF8_POLICY if needs_smtputf8(recipient) else _ASCII_POLICY)
    # As text, not an Address: the registry keeps a text's parse, and the
    # sender is the same in every reply.
    message["From"] = str(Address(_clean(sender.name), addr_spec=sender.address))
    local, _, domain = recipient.rpartition("@")
    message["To"] = Address(_shortened(to.name, MAX_NAME_CHARS), local, domain)
    message["Subject"] = _shortened(subject, MAX_SUBJECT_CHARS)
    message["Date"] = format_datetime(date)
    message["Message-ID"] = message_id
    return message


def _finished(
    message: EmailMessage,
    rendered: RenderedReply,
    language: str,
    attachments: Sequence[tuple[str, bytes]] = (),
) -> bytes:
    # Each multipart gets a boundary of 128 random bits as it is made: no part
    # can hold it, by chance or by an applicant's design, so the generator
    # need not search the parts for one (it compiles a pattern per message to
    # do so), nor the header be parsed again to set it afterwards.
    message.set_content(rendered.text)
    message.make_alternative(boundary=_boundary())
    message.add_alternative(rendered.html, subtype="html")
    if attachments:
        message.make_mixed(boundary=_boundary())
    for filename, data in attachments:
        message.add_attachment(data, "application", _XLSX_SUBTYPE, filename=filename)
    message["Content-Language"] = language
    data = message.as_bytes()
    _check_line_lengths(data)
    return data


def _boundary() -> str:
    return f"=_{secrets.token_hex(16)}"


def envelope_address(address: str) -> str:
    """The address as a relay must be given it: the domain checked and in ASCII
    (IDNA 2008); the local part as written, which needs SMTPUTF8 when it is not ASCII.

    Raises `ComposeError` for anything that is not a plain mailbox address.
    """
    local, at, domain = address.strip().rpartition("@")
    if not at or not local or not domain or len(local) > 64 or len(address) > 254:
        raise ComposeError("not a mailbox address")
    if (
        _ADDRESS_SPECIALS.search(local)
        or _ADDRESS_SPECIALS.search(domain)
        or _UNSAFE.search(address)
    ):
        raise ComposeError("the address holds characters no relay accepts")
    if "." not in domain.strip("."):
        raise ComposeError("the domain is not a name on the internet")
    try:
        ascii_domain = idna.encode(domain.rstrip("."), uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError) as exc:
        raise ComposeError("the domain is not a valid host name") from exc
    return f"{local}@{ascii_domain}"


def needs_smtputf8(address: str) -> bool:
    return not address.isascii()


def _message_ids(values: list[str] | tuple[str, ...]) -> list[str]:
    """The well-formed message ids among `values`, each once; anything else is dropped."""
    found = (_MESSAGE_ID.fullmatch(value.strip()) for value in values)
    return list(dict.fromkeys(match.group(0) for match in found if match))


def _clean(value: str) -> str:
    """One line of text with no control or direction-changing characters."""
    return " ".join(_UNSAFE.sub(" ", value).split())


def _shortened(value: str, limit: int) -> str:
    cleaned = _clean(value)
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1].rstrip() + "…"


def _trimmed(ids: list[str]) -> list[str]:
    if len(ids) <= MAX_REFERENCES:
        return ids
    return [ids[0], *ids[-(MAX_REFERENCES - 1) :]]


def _plain_line(name: str, value: str, max_line_length: int | None) -> bool:
    """One printable ASCII line that fits as `Name: value` and holds nothing
    the package would read as an encoded word (and write encoded again)."""
    fits = max_line_length is None or len(name) + 2 + len(value) <= max_line_length
    return fits and value.isascii() and value.isprintable() and "=?" not in value


def _fold_ids(name: str, value: str, linesep: str) -> str:
    """`Name: <a> <b>` with a fold before an id that would pass 78 columns."""
    lines = [f"{name}:"]
    for message_id in value.split():
        if len(lines[-1]) > len(name) + 1 and len(lines[-1]) + 1 + len(message_id) > 78:
            lines.append("")
        lines[-1] += f" {message_id}"
    return linesep.join(lines) + linesep


def _check_line_lengths(data: bytes) -> None:
    head = data.split(b"\r\n\r\n", 1)[0]
    longest = max((len(line) for line in head.split(b"\r\n")), default=0)
    if longest > MAX_LINE_OCTETS:
        raise ComposeError(f"a header line of {longest} octets")
