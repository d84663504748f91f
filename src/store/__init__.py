"""Remember: the raw messages, what was decided, documents and the outbox.

Other stages use only the functions exported here.
"""

from store.database import Database, connect
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
from store.migrate import pending_revision, upgrade
from store.outbox import DueReply, PlannedReply, due_replies, mark_sent, plan_reply
from store.report import outbox_counts, verdict_counts

__all__ = [
    "Database",
    "Decision",
    "DocumentRecord",
    "DueReply",
    "MessageKey",
    "PlannedReply",
    "StoredMessage",
    "connect",
    "due_replies",
    "mark_sent",
    "outbox_counts",
    "pending_revision",
    "plan_reply",
    "raw_message",
    "record_failure",
    "record_inbound",
    "save_decision",
    "upgrade",
    "verdict_counts",
]
