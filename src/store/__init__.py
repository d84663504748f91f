"""Remember: the raw messages, what was decided, documents and the outbox.

Other stages use only the functions exported here.
"""

from store.blobs import get_blob
from store.claims import Claimant
from store.database import BadDatabaseUrl, Database, DatabaseUnreachable, connect
from store.delivery import (
    DueReply,
    claim_due,
    count_due,
    mark_bounced,
    mark_confirmed,
    mark_failed,
    mark_retry,
    mark_sent,
    mark_suppressed,
    next_due_at,
    release_claims,
    release_orphaned_claims,
)
from store.identity import normalise_address
from store.inbound import (
    Decision,
    DocumentRecord,
    MessageKey,
    StoredMessage,
    raw_message,
    record_failure,
    record_inbound,
    save_decision,
)
from store.mailbox import (
    Checkpoint,
    load_checkpoint,
    save_checkpoint,
    source_answered,
    source_failed,
    source_health,
)
from store.migrate import pending_revision, upgrade
from store.outbox import (
    PlannedReply,
    known_reply_ids,
    plan_reply,
    replies_for_earlier_mail,
)
from store.overview import OverviewDocument, OverviewRow, UnknownVacancy, vacancy_overview
from store.privacy import (
    Erased,
    Held,
    audit,
    export_directories,
    forget_person,
    held_on,
    purge_vacancy,
    scrub,
    subject_hash,
    vacancies_due_for_purge,
)
from store.questions import (
    AnsweredHow,
    OpenQuestion,
    QuestionCounts,
    QuestionState,
    mark_answered,
    open_questions,
    question_counts,
    question_state,
    questions_replied_to,
)
from store.report import outbox_counts, verdict_counts
from store.search import SearchHit, search
from store.statuses import AttemptOutcome, MessageStatus, ReplyStatus
from store.subject import HeldMessage, SubjectData, subject_data
from store.submissions import has_complete_submission
from store.tombstones import Sightings, message_id_token, recognise_erased, sightings
from store.vacancies import VacancyRecord, sync_vacancies, vacancy_slugs

__all__ = [
    "AnsweredHow",
    "AttemptOutcome",
    "BadDatabaseUrl",
    "Checkpoint",
    "Claimant",
    "Database",
    "DatabaseUnreachable",
    "Decision",
    "DocumentRecord",
    "DueReply",
    "Erased",
    "Held",
    "HeldMessage",
    "MessageKey",
    "MessageStatus",
    "OpenQuestion",
    "OverviewDocument",
    "OverviewRow",
    "PlannedReply",
    "QuestionCounts",
    "QuestionState",
    "ReplyStatus",
    "SearchHit",
    "Sightings",
    "StoredMessage",
    "SubjectData",
    "UnknownVacancy",
    "VacancyRecord",
    "audit",
    "claim_due",
    "connect",
    "count_due",
    "export_directories",
    "forget_person",
    "get_blob",
    "has_complete_submission",
    "held_on",
    "known_reply_ids",
    "load_checkpoint",
    "mark_answered",
    "mark_bounced",
    "mark_confirmed",
    "mark_failed",
    "mark_retry",
    "mark_sent",
    "mark_suppressed",
    "message_id_token",
    "next_due_at",
    "normalise_address",
    "open_questions",
    "outbox_counts",
    "pending_revision",
    "plan_reply",
    "purge_vacancy",
    "question_counts",
    "question_state",
    "questions_replied_to",
    "raw_message",
    "recognise_erased",
    "record_failure",
    "record_inbound",
    "release_claims",
    "release_orphaned_claims",
    "replies_for_earlier_mail",
    "save_checkpoint",
    "save_decision",
    "scrub",
    "search",
    "sightings",
    "source_answered",
    "source_failed",
    "source_health",
    "subject_data",
    "subject_hash",
    "sync_vacancies",
    "upgrade",
    "vacancies_due_for_purge",
    "vacancy_overview",
    "vacancy_slugs",
    "verdict_counts",
]
