"""The one entry point of `parse`: from raw bytes to a judged `Analysis`."""

import hashlib
import re
from collections.abc import Callable
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import default

from parse.analysis import Analysis, Attachment, FileKind, PdfText
from parse.authresults import dmarc_failed
from parse.context import ParseContext
from parse.documents import Parcel, document_flags
from parse.filetype import sniff
from parse.forwards import unwrap_staff_forward
from parse.mime import Mail, RawPart, header_text, read_mail
from parse.pdf import read_pdf
from parse.roles import guess_roles
from parse.routing import route
from parse.rules import Facts, judge
from parse.signals import language_of, machine_kind, own_text, speaks_of_applying

PdfReader = Callable[[bytes], PdfText]
_MESSAGE_ID = re.compile(r"^\s*message-id:\s*(<[^>\s]+>)", re.IGNORECASE | re.MULTILINE)


def analyse(raw: bytes, context: ParseContext, read: PdfReader | None = None) -> Analysis:
    """Judge one message as of its arrival time (`context.arrived_at`).

    `read` extracts a PDF's text; the daemon passes its `PdfSandbox.read` so
    PDFs are read in worker processes under limits. Without it PDFs are read
    in this process, which suits tests and trusted files only.
    """
    outer = read_mail(raw)
    inner = unwrap_staff_forward(outer, context.own_domains)
    mail = inner or outer
    reader = read or (lambda data: read_pdf(data, context.max_pdf_pages))
    # Above the size cap only the headers are here: what was attached is unknown.
    parts = () if context.original_size is not None else mail.parts
    attachments = guess_roles(tuple(_attachment(part, reader) for part in parts))
    parcel = Parcel(
        attachments,
        mail.links,
        too_large=context.original_size is not None,
        unparsable=outer.malformed,
    )
    replies_to_us = bool(context.our_reply_ids & set(referenced_ids(outer)))
    vacancy = route(context.vacancies, outer.recipients, mail.subject, context.arrived_at)
    machine = machine_kind(outer)
    facts = Facts(
        machine=machine,
        applying=speaks_of_applying(mail),
        parcel=parcel,
        vacancy=vacancy,
        arrived_at=context.arrived_at,
        replies_to_us=replies_to_us,
    )
    verdict, reasons = judge(facts)
    flags = (
        document_flags(parcel)
        + (("forwarded_by_staff",) if inner else ())
        + (("reply_to_our_reply",) if replies_to_us else ())
        + (("malformed",) if outer.malformed else ())
    )
    return Analysis(
        sender=mail.sender,
        subject=mail.subject,
        message_id=header_text(outer.message, "Message-ID") or None,
        references=referenced_ids(outer),
        language=language_of(f"{mail.subject}\n{mail.body_text}"),
        attachments=attachments,
        vacancy=vacancy.slug if vacancy else None,
        verdict=verdict,
        reasons=reasons,
        flags=flags,
        bounced_message_ids=_bounced_ids(outer) if machine == "bounce" else (),
        bounce_detail=_bounce_detail(outer) if machine == "bounce" else "",
        own_text=own_text(mail.body_text),
        dmarc_failed=dmarc_failed(outer.message, context.authserv_id),
    )


def referenced_ids(mail: Mail) -> tuple[str, ...]:
    """The thread so far, oldest first: References, then In-Reply-To if new."""
    return _thread(mail.message)


def thread_ids(raw: bytes) -> tuple[str, ...]:
    """`referenced_ids` from the headers alone, for a look-up before `analyse`."""
    return _thread(BytesHeaderParser(policy=default).parsebytes(raw))


def _thread(message: Message) -> tuple[str, ...]:
    ids = header_text(message, "References").split()
    parent = header_text(message, "In-Reply-To").split()
    return tuple(dict.fromkeys([*ids, *parent]))


def _bounced_ids(mail: Mail) -> tuple[str, ...]:
    """Message-IDs of the mail that bounced: from the report's header part, an
    attached original, or, for plain-text bounces, a Message-ID line.

    Read receipts and delay warnings name a message that was delivered or is
    still on its way, so they name none.
    """
    if mail.message.get_param("report-type", header="content-type") == "disposition-notification":
        return ()
    if mail.delivery_actions and not any(a[0] == "failed" for a in mail.delivery_actions):
        return ()
    found = list(mail.report_message_ids)
    for attached in mail.forwarded:
        inner_id = header_text(attached, "Message-ID")
        if inner_id:
            found.append(inner_id)
    if not found:
        found = _MESSAGE_ID.findall(mail.body_text)
    return tuple(dict.fromkeys(found))


def _bounce_detail(mail: Mail) -> str:
    """The report's status code and failed recipient, e.g. "5.1.1 k@example.com"."""
    failed = [(status, who) for action, status, who in mail.delivery_actions if action == "failed"]
    return " ".join(failed[0]).strip() if failed else "delivery failed"


def _attachment(part: RawPart, read: PdfReader) -> Attachment:
    kind = sniff(part.data, part.filename)
    return Attachment(
        filename=part.filename,
        content_type=part.content_type,
        kind=kind,
        sha256=hashlib.sha256(part.data).hexdigest(),
        data=part.data,
        pdf=read(part.data) if kind is FileKind.PDF else None,
    )
