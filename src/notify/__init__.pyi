from .composer import Composer, Letterhead
from .digest import DigestView, digest_view, render_digest
from .export import EXPORT_COLUMNS, ExportResult, write_export
from .exportdir import ExportRefused
from .policy import CAP_WINDOW, ReplyPolicy
from .reasons import reasons_text
from .references import message_key, reference_number
from .reply import (
    FaqEntry,
    FileFacts,
    Mailbox,
    PlanningStep,
    Reply,
    ReplyKind,
    VacancyFacts,
    Wording,
)
from .rfc5322 import compose, compose_report
from .sender import DeliveryPolicy, DeliveryReport, Drain, Outbox, SendRate
from .smtp import SmtpServer, SmtpTransport
from .subject_export import write_subject_export
from .templates import RenderedReply, TemplateRenderer
from .transport import DeliveryFailed, FileTransport, Transport
from .workdays import WorkingCalendar, holiday_names, unknown_holiday_names

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
