"""Recording inbound messages and what was decided about them."""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, case, delete, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql import Executable

from store.blobs import get_blob, put_blobs
from store.identity import normalise_address
from store.models import Applicant, Document, InboundMessage, Question
from store.search import index_documents
from store.statuses import MessageStatus
from store.submissions import record_submission
from store.upsert import engine_insert, insert_or_ignore, prepared, table_of

# The statements every message runs are made once (store.upsert says why).
_MESSAGES = table_of(InboundMessage)
_DOCUMENTS = table_of(Document)
_APPLICANTS = table_of(Applicant)
_INSERT_DOCUMENTS = insert(_DOCUMENTS)
_DELETE_DOCUMENTS = delete(_DOCUMENTS).where(_DOCUMENTS.c.message_id == bindparam("message_pk"))
# The decision's values come with each execution; these are the same for all.
_DECIDE = (
    update(_MESSAGES)
    .where(_MESSAGES.c.id == bindparam("message_pk"))
    .values(error=None, retry_at=None, attempts=_MESSAGES.c.attempts + 1)
    .returning(_MESSAGES.c.arrived_at, _MESSAGES.c.attempts)
)


@dataclass(frozen=True)
class MessageKey:
    """Where a message came from; how the store recognises it a second time.

    Mailbox messages carry UIDVALIDITY and UID; local ones leave them None
    and are recognised by the sha256 of their bytes.
    """

    source: str
    folder: str = ""
    uidvalidity: int | None = None
    uid: int | None = None


@dataclass(frozen=True)
class StoredMessage:
    """The store's view of a recorded message: its id and processing state."""

    id: int
    status: str
    attempts: int
    verdict: str | None = None
    retry_at: datetime | None = None

    @property
    def needs_processing(self) -> bool:
        """Anything but a final decision is judged again (a dry run's included)."""
        return self.status != MessageStatus.PROCESSED

    def waiting_at(self, now: datetime) -> bool:
        """Whether it failed before and its next attempt is not yet due."""
        failed = self.status == MessageStatus.FAILED
        return failed and self.retry_at is not None and self.retry_at > now


@dataclass(frozen=True)
class DocumentRecord:
    """A document to store with its message; bytes go to the blob table."""

    filename: str
    content_type: str
    kind: str
    data: bytes
    pages: int | None = None
    text: str | None = None
    role: str | None = None
    role_cue: str | None = None
    title: str | None = None
    author: str | None = None
    problem: str | None = None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Decision:
    """What parse decided, in the store's own terms."""

    verdict: str
    reasons: tuple[str, ...]
    flags: tuple[str, ...]
    vacancy: str | None
    language: str
    header_message_id: str | None
    applicant_address: str | None
    applicant_name: str
    is_application: bool = False
    is_complete: bool = False
    is_supplement: bool = False
    dry_run: bool = False
    question_due_at: datetime | None = None


def record_inbound(
    session: Session, key: MessageKey, raw: bytes, arrived_at: datetime, now: datetime
) -> StoredMessage:
    """Store the raw message once; a second call returns the first record.

    Safe when another process stores the same message at the same moment:
    the loser's insert meets the unique key and does nothing (ON CONFLICT,
    cheaper than a savepoint per message), and the winner's row is returned.
    """
    digest = hashlib.sha256(raw).hexdigest()
    existing = _find(session, key, digest)
    if existing is not None:
        return existing
    put_blobs(session, {digest: raw}, now)
    values: dict[str, object] = {
        "source": key.source,
        "folder": key.folder,
        "uidvalidity": key.uidvalidity,
        "uid": key.uid,
        "sha256": digest,
        "size": len(raw),
        "arrived_at": arrived_at,
        "stored_at": now,
        "status": MessageStatus.STORED,
        "attempts": 0,
        "reasons": [],
        "flags": [],
    }
    new_id = session.scalar(prepared(session, _insert_message), values)
    if new_id is not None:
        return StoredMessage(new_id, MessageStatus.STORED, 0)
    winner = _find(session, key, digest)
    if winner is None:
        raise LookupError(f"message {key} was neither stored nor found")
    return winner


def _insert_message(dialect: str) -> Executable:
    """Unique keys decide: a concurrent writer's row wins, and none is returned."""
    statement = engine_insert(dialect, _MESSAGES).on_conflict_do_nothing()
    return statement.returning(_MESSAGES.c.id)  # type: ignore[no-any-return]


_STORED_COLUMNS = (
    _MESSAGES.c.id,
    _MESSAGES.c.status,
    _MESSAGES.c.attempts,
    _MESSAGES.c.verdict,
    _MESSAGES.c.retry_at,
)
_LOCAL_MESSAGE = select(*_STORED_COLUMNS).where(
    _MESSAGES.c.source == bindparam("source"),
    _MESSAGES.c.folder == bindparam("folder"),
    _MESSAGES.c.uid.is_(None),
    _MESSAGES.c.sha256 == bindparam("digest"),
)
_THIS_KEY = (
    (_MESSAGES.c.folder == bindparam("folder"))
    & (_MESSAGES.c.uidvalidity == bindparam("uidvalidity"))
    & (_MESSAGES.c.uid == bindparam("uid"))
)
# The message under its key, else the same bytes under another: see `_find`.
_MAILBOX_MESSAGE = (
    select(*_STORED_COLUMNS, _THIS_KEY.label("this_key"))
    .where(
        _MESSAGES.c.source == bindparam("source"),
        _THIS_KEY | ((_MESSAGES.c.sha256 == bindparam("digest")) & _MESSAGES.c.uid.is_not(None)),
    )
    .order_by(_MESSAGES.c.id)
)
_REBIND = (
    update(_MESSAGES)
    .where(_MESSAGES.c.id == bindparam("message_pk"))
    .values(
        folder=bindparam("new_folder"),
        uidvalidity=bindparam("new_uidvalidity"),
        uid=bindparam("new_uid"),
    )
)


def _find(session: Session, key: MessageKey, digest: str) -> StoredMessage | None:
    """The message stored under `key`; for a mailbox message, else the same
    bytes stored under another UIDVALIDITY (the folder was recreated, or the
    server migrated): the same bytes in the same account are the same
    message, so it takes its new UID instead of being stored again. One
    query for both, as it runs for every message read."""
    if key.uid is None:
        local = {"source": key.source, "folder": key.folder, "digest": digest}
        row = session.execute(_LOCAL_MESSAGE, local).first()
        return StoredMessage(*row) if row is not None else None
    params = {
        "source": key.source,
        "folder": key.folder,
        "uidvalidity": key.uidvalidity,
        "uid": key.uid,
        "digest": digest,
    }
    rows = session.execute(_MAILBOX_MESSAGE, params).all()
    for *stored, exact in rows:
        if exact:
            return StoredMessage(*stored)
    if not rows:
        return None
    *stored, _ = rows[0]
    session.execute(
        _REBIND,
        {
            "message_pk": stored[0],
            "new_folder": key.folder,
            "new_uidvalidity": key.uidvalidity,
            "new_uid": key.uid,
        },
    )
    return StoredMessage(*stored)


def save_decision(
    session: Session,
    message_id: int,
    decision: Decision,
    documents: list[DocumentRecord],
    now: datetime,
) -> None:
    """Attach the verdict, documents, applicant, submission and question.

    Replaces what an earlier attempt may have left, so it can be called again
    for the same message (every attempt, failed or decided, counts in
    `attempts`, so the first has nothing to replace). It runs for every
    message, so it is a handful of plain statements on the tables (documents,
    blobs and index entries one each), not ORM objects and flushes.
    """
    applicant_id = (
        _applicant(session, decision.applicant_address, decision.applicant_name, now)
        if decision.applicant_address
        else None
    )
    decided = {
        "message_pk": message_id,
        "verdict": decision.verdict,
        "reasons": list(decision.reasons),
        "flags": list(decision.flags),
        "vacancy": decision.vacancy,
        "language": decision.language,
        "header_message_id": decision.header_message_id,
        "applicant_id": applicant_id,
        "status": MessageStatus.DRY_RUN if decision.dry_run else MessageStatus.PROCESSED,
    }
    arrived_at, attempts = session.execute(_DECIDE, decided).one()
    if attempts > 1:  # documents exist only after an earlier attempt
        session.execute(_DELETE_DOCUMENTS, {"message_pk": message_id})
    _documents(session, message_id, documents, now)
    if decision.is_application and applicant_id and decision.vacancy:
        record_submission(
            session,
            message_id,
            applicant_id,
            decision.vacancy,
            decision.is_complete,
            arrived_at,
            supplement=decision.is_supplement,
        )
    if decision.question_due_at is not None:
        _question(session, message_id, decision.vacancy, decision.question_due_at)


def _documents(
    session: Session, message_id: int, records: list[DocumentRecord], now: datetime
) -> None:
    """Insert the documents, their bytes and their text's index entries."""
    if not records:
        return
    digests = [hashlib.sha256(record.data).hexdigest() for record in records]
    put_blobs(session, dict(zip(digests, (record.data for record in records), strict=True)), now)
    rows = [
        {
            "message_id": message_id,
            "position": position,
            "filename": record.filename,
            "content_type": record.content_type,
            "kind": record.kind,
            "sha256": digest,
            "size": len(record.data),
            "pages": record.pages,
            "text": record.text,
            "role": record.role,
            "role_cue": record.role_cue,
            "title": record.title,
            "author": record.author,
            "problem": record.problem,
            "flags": list(record.flags),
        }
        for position, (record, digest) in enumerate(zip(records, digests, strict=True))
    ]
    session.execute(_INSERT_DOCUMENTS, rows)
    texts = {position: r.text for position, r in enumerate(records) if r.text}
    index_documents(session, message_id, texts)


def _question(session: Session, message_id: int, vacancy: str | None, due_at: datetime) -> None:
    values = {"message_id": message_id, "vacancy": vacancy, "due_at": due_at}
    insert_or_ignore(session, Question, values, ["message_id"])


def record_failure(
    session: Session, message_id: int, error: str, retry_at: datetime | None = None
) -> None:
    """Keep the message and say why processing it raised; it is judged again
    from `retry_at` (None: whenever it is next read)."""
    message = session.get_one(InboundMessage, message_id)
    message.status = MessageStatus.FAILED
    message.error = error[:2000]
    message.retry_at = retry_at
    message.attempts += 1


def raw_message(session: Session, message_id: int) -> bytes:
    """The stored bytes of a message, for reprocessing and exports."""
    message = session.get_one(InboundMessage, message_id)
    return get_blob(session, message.sha256)


def _applicant(session: Session, address: str, name: str, now: datetime) -> int:
    """The applicant's id, created on first sight, in one statement that is safe
    against a concurrent insert; a name is filled in when none was known."""
    values = {"address": normalise_address(address), "display_name": name, "first_seen_at": now}
    return int(session.execute(prepared(session, _upsert_applicant), values).scalar_one())


def _upsert_applicant(dialect: str) -> Executable:
    statement = engine_insert(dialect, _APPLICANTS)
    known_name = case(
        (_APPLICANTS.c.display_name == "", statement.excluded.display_name),
        else_=_APPLICANTS.c.display_name,
    )
    statement = statement.on_conflict_do_update(
        index_elements=["address"], set_={"display_name": known_name}
    )
    return statement.returning(_APPLICANTS.c.id)  # type: ignore[no-any-return]
