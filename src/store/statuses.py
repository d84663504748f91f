"""Where a message or a reply stands, as the store records it.

StrEnums, so a misspelt status is a type error while the columns keep plain
text that SQL, `mailroom status` and older rows read alike.
"""

from enum import StrEnum


class MessageStatus(StrEnum):
    """An inbound message: stored raw, then judged (or judged in a dry run),
    or failed with its error kept for the next try."""

    STORED = "stored"
    PROCESSED = "processed"
    DRY_RUN = "dry_run"
    FAILED = "failed"


class ReplyStatus(StrEnum):
    """An outbox row: waiting to go, gone, held back by the policy or the
    relay, given up on, or returned by a bounce."""

    PLANNED = "planned"
    SENT = "sent"
    SUPPRESSED = "suppressed"
    FAILED = "failed"
    BOUNCED = "bounced"


class AnsweredHow(StrEnum):
    """Who answered a question: a human reply found in the Sent folder, or a
    recruiter's say-so."""

    SENT_FOLDER = "sent_folder"
    RECRUITER = "recruiter"


class AttemptOutcome(StrEnum):
    """One delivery attempt; `confirmed` is a reply in doubt found in the
    Sent folder, so it was not sent again."""

    SENT = "sent"
    CONFIRMED = "confirmed"
    TEMPORARY = "temporary"
    FAILED = "failed"
    SUPPRESSED = "suppressed"
    BOUNCED = "bounced"
