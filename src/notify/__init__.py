"""Answer: templates, the reply policy, composing and delivering replies, exports."""

from notify.composer import Composer, Letterhead
from notify.digest import DigestView, digest_view, render_digest
from notify.export import COLUMNS as EXPORT_COLUMNS
from notify.export import ExportResult, write_export
from notify.exportdir import ExportRefused
from notify.policy import CAP_WINDOW, ReplyPolicy
from notify.reasons import reasons_text
from notify.references import message_key, reference_number
from notify.reply import (
    FaqEntry,
    FileFacts,
    Mailbox,
    PlanningStep,
    Reply,
    ReplyKind,
    VacancyFacts,
    Wording,
)
from notify.rfc5322 import compose, compose_report
from notify.sender import DeliveryPolicy, DeliveryReport, Drain, Outbox, SendRate
from notify.smtp import SmtpServer, SmtpTransport
from notify.subject_export import write_subject_export
from notify.templates import RenderedReply, TemplateRenderer
from notify.transport import DeliveryFailed, FileTransport, Transport
from notify.workdays import WorkingCalendar, holiday_names, unknown_holiday_names

__all__ = [
    "CAP_WINDOW",
    "EXPORT_COLUMNS",
    "Composer",
    "DeliveryFailed",
    "DeliveryPolicy",
    "DeliveryReport",
    "DigestView",
    "Drain",
    "ExportRefused",
    "ExportResult",
    "FaqEntry",
    "FileFacts",
    "FileTransport",
    "Letterhead",
    "Mailbox",
    "Outbox",
    "PlanningStep",
    "RenderedReply",
    "Reply",
    "ReplyKind",
    "ReplyPolicy",
    "SendRate",
    "SmtpServer",
    "SmtpTransport",
    "TemplateRenderer",
    "Transport",
    "VacancyFacts",
    "Wording",
    "WorkingCalendar",
    "compose",
    "compose_report",
    "digest_view",
    "holiday_names",
    "message_key",
    "reasons_text",
    "reference_number",
    "render_digest",
    "unknown_holiday_names",
    "write_export",
    "write_subject_export",
]
