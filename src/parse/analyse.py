"""The one entry point of `parse`: from raw bytes to a judged `Analysis`."""

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import compat32

from parse.addresses import names_other_address
from parse.analysis import Analysis, Attachment, FileKind, Flag, PdfText
from parse.authresults import dmarc_failed
from parse.bounces import BounceScan, bounce_detail, bounced_ids, scan_for_bounce
from parse.context import ParseContext
from parse.documents import APPLICATION_DOCUMENT_KINDS, Parcel, document_flags
from parse.filetype import sniff
from parse.forwards import unwrap_staff_forward
from parse.headers import header_block, header_text
from parse.machines import (
    MachineKind,
    MachineSignal,
    machine_signals,
    may_hold_a_bounce,
    strongest_kind,
    with_delivery_report,
)
from parse.mime import Mail, RawPart, read_mail
from parse.roles import guess_roles
from parse.routing import route
from parse.rules import Facts, judge
from parse.signals import asks_question, language_of, own_text, speaks_of_applying

PdfReader = Callable[[bytes], PdfText]


def analyse(raw: bytes, context: ParseContext, read: PdfReader | None = None) -> Analysis:
    """Judge one message as of its arrival time (`context.arrived_at`).

    `read` extracts a PDF's text; the daemon passes its `PdfSandbox.read` so
    PDFs are read in worker processes under limits. Without it PDFs are read
    in this process with pypdf, which suits tests and trusted files only.
    """
    outer = read_mail(raw)
    inner = unwrap_staff_forward(outer, context.own_domains)
    mail = inner or outer
    reader = read or _in_this_process(context.max_pdf_pages)
    # Above the size cap only the headers are here: what was attached is unknown.
    parts = () if context.original_size is not None else mail.parts
    signals, scan = _machine_signals(outer, parts, len(raw), context.own_domains)
    machine = strongest_kind(signals)
    if machine is MachineKind.BOUNCE:
        # The files of the original a bounce returns are not the sender's.
        parts = tuple(part for part in parts if not part.nested)
    attachments = guess_roles(tuple(_attachment(part, reader) for part in parts))
    parcel = Parcel(
        attachments,
        mail.links,
        too_large=context.original_size is not None,
        unparsable=outer.malformed,
    )
    replies_to_us = bool(context.our_reply_ids & set(referenced_ids(outer)))
    vacancy = route(
        context.vacancies, outer.recipients, mail.subject, context.arrived_at, context.routed_to
    )
    facts = Facts(
        machine=machine.value if machine else None,
        applying=speaks_of_applying(mail),
        parcel=parcel,
        vacancy=vacancy,
        arrived_at=context.arrived_at,
        replies_to_us=replies_to_us,
        asks=asks_question(mail),
    )
    verdict, reasons = judge(facts)
    flags = document_flags(parcel) + _message_flags(outer, inner, replies_to_us)
    bounce = machine is MachineKind.BOUNCE
    return Analysis(
        sender=mail.sender,
        subject=mail.subject,
        message_id=_message_id(outer.message),
        references=referenced_ids(outer),
        language=language_of(f"{mail.subject}\n{mail.body_text}"),
        attachments=attachments,
        vacancy=vacancy.slug if vacancy else None,
        verdict=verdict,
        reasons=reasons,
        flags=flags,
        machine_signals=tuple(signal.name for signal in signals),
        bounced_message_ids=bounced_ids(outer, scan) if bounce else (),
        bounce_detail=bounce_detail(outer) if bounce else "",
        own_text=own_text(mail.body_text),
        dmarc_failed=dmarc_failed(outer.message, context.authserv_id),
    )


def _in_this_process(max_pages: int) -> PdfReader:
    """pypdf in this process. Imported here, not at the top: the daemon's own
    process never reads a PDF, and pypdf would add a fifth to its memory."""
    from parse.pdf import read_pdf

    return lambda data: read_pdf(data, max_pages)


def _machine_signals(
    outer: Mail, parts: tuple[RawPart, ...], size: int, own_domains: frozenset[str]
) -> tuple[tuple[MachineSignal, ...], BounceScan]:
    """The machine signals, with the bounce detectors' reading where they may be
    asked: mail that looks like a mail system's and carries no documents of its own."""
    signals = machine_signals(outer, own_domains)
    own_parts = (part for part in parts if not part.nested)
    if not may_hold_a_bounce(outer, signals) or _carries_documents(own_parts):
        return signals, BounceScan()
    scan = scan_for_bounce(outer.message, size)
    return (with_delivery_report(signals) if scan.found else signals), scan


def _message_flags(outer: Mail, inner: Mail | None, replies_to_us: bool) -> tuple[Flag, ...]:
    """What a recruiter should notice about the message itself (documents aside)."""
    sender = (inner or outer).sender
    return (
        ((Flag.FORWARDED_BY_STAFF,) if inner else ())
        + ((Flag.REPLY_TO_OUR_REPLY,) if replies_to_us else ())
        + ((Flag.MALFORMED,) if outer.malformed else ())
        + ((Flag.DISPLAY_NAME_ADDRESS,) if sender and names_other_address(sender) else ())
    )


def referenced_ids(mail: Mail) -> tuple[str, ...]:
    """The thread so far, oldest first: References, then In-Reply-To if new."""
    return _thread(mail.message)


@dataclass(frozen=True)
class HeaderIds:
    """The ids a message's headers name, as `analyse` reads them: its own
    `Message-ID` (erased mail is recognised by it before anything is stored)
    and the thread (`referenced_ids`, to look up which are our replies)."""

    message_id: str | None
    thread: tuple[str, ...]


def header_ids(raw: bytes) -> HeaderIds:
    """Both from one parse of the headers alone, the string-based way
    (compat32), which does not recurse, so hostile headers cannot make it
    raise before the message is safely stored."""
    headers = BytesHeaderParser(policy=compat32).parsebytes(header_block(raw))
    return HeaderIds(_message_id(headers), _thread(headers))


def _message_id(message: Message) -> str | None:
    return header_text(message, "Message-ID") or None


def _thread(message: Message) -> tuple[str, ...]:
    ids = header_text(message, "References").split()
    parent = header_text(message, "In-Reply-To").split()
    return tuple(dict.fromkeys([*ids, *parent]))


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


def _carries_documents(parts: Iterable[RawPart]) -> bool:
    return any(sniff(part.data, part.filename) in APPLICATION_DOCUMENT_KINDS for part in parts)
