"""The one entry point of `parse`: from raw bytes to a judged `Analysis`."""

import hashlib

from parse.analysis import Analysis, Attachment, FileKind
from parse.context import ParseContext
from parse.documents import document_flags
from parse.filetype import sniff
from parse.mime import Mail, RawPart, header_text, read_mail
from parse.pdf import read_pdf
from parse.roles import guess_roles
from parse.routing import route
from parse.rules import Facts, judge
from parse.signals import language_of, machine_kind, speaks_of_applying


def analyse(raw: bytes, context: ParseContext) -> Analysis:
    """Judge one message as of its arrival time (`context.arrived_at`)."""
    mail = read_mail(raw)
    attachments = guess_roles(tuple(_attachment(part, context) for part in mail.parts))
    vacancy = route(context.vacancies, mail.recipients, mail.subject, context.arrived_at)
    facts = Facts(
        machine=machine_kind(mail),
        applying=speaks_of_applying(mail),
        attachments=attachments,
        vacancy=vacancy,
        arrived_at=context.arrived_at,
    )
    verdict, reasons = judge(facts)
    return Analysis(
        sender=mail.sender,
        subject=mail.subject,
        message_id=header_text(mail.message, "Message-ID") or None,
        references=_references(mail),
        language=language_of(f"{mail.subject}\n{mail.body_text}"),
        attachments=attachments,
        vacancy=vacancy.slug if vacancy else None,
        verdict=verdict,
        reasons=reasons,
        flags=document_flags(attachments) + (("malformed",) if mail.malformed else ()),
        bounced_message_ids=mail.report_message_ids,
    )


def _attachment(part: RawPart, context: ParseContext) -> Attachment:
    kind = sniff(part.data, part.filename)
    return Attachment(
        filename=part.filename,
        content_type=part.content_type,
        kind=kind,
        sha256=hashlib.sha256(part.data).hexdigest(),
        data=part.data,
        pdf=read_pdf(part.data, context.max_pdf_pages) if kind is FileKind.PDF else None,
    )


def _references(mail: Mail) -> tuple[str, ...]:
    """The thread so far, oldest first, for the reply's `References:`."""
    ids = header_text(mail.message, "References").split()
    parent = header_text(mail.message, "In-Reply-To")
    if parent and parent not in ids:
        ids.append(parent)
    return tuple(ids)
