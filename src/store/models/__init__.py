"""The schema, one module per concern; import models from here.

Dedupe keys are part of the first table: a mailbox message is unique by
(source, folder, UIDVALIDITY, UID), a local one by (source, sha256).
"""

from store.models.base import Base
from store.models.instances import DailyRun, Instance, Preparation, SendSlot
from store.models.mail import Blob, Document, InboundMessage
from store.models.mailbox import FolderCheckpoint, SourceHealth
from store.models.outbox import DeliveryAttempt, OutboxReply
from store.models.people import Applicant, Question, Submission, Vacancy
from store.models.records import AuditEntry, DigestRun, Tombstone

__all__ = [
    "Applicant",
    "AuditEntry",
    "Base",
    "Blob",
    "DailyRun",
    "DeliveryAttempt",
    "DigestRun",
    "Document",
    "FolderCheckpoint",
    "InboundMessage",
    "Instance",
    "OutboxReply",
    "Preparation",
    "Question",
    "SendSlot",
    "SourceHealth",
    "Submission",
    "Tombstone",
    "Vacancy",
]
