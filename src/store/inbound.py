"""Recording inbound messages and what was decided about them."""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, delete, insert, select, update
from sqlalchemy.orm import Session

from store.blobs import get_blob, put_blobs
from store.identity import normalise_address
from store.models import Applicant, Document, InboundMessage, Question
from store.search import index_documents
from store.statuses import MessageStatus
from store.submissions import record_submission
from store.upsert import dialect_insert, insert_or_ignore

# The tables behind the ORM classes, for the statements every message runs: they
# skip the ORM's bulk layer, which also splits an insert by which values are None.
_MESSAGES = InboundMessage.metadata.tables[InboundMessage.__tablename__]
_DOCUMENTS = Document.metadata.tables[Document.__tablename__]


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
    statement = dialect_insert(session, InboundMessage).values(values).on_conflict_do_nothing()
    new_id = session.scalar(statement.returning(InboundMessage.id))
    if new_id is not None:
        return StoredMessage(new_id, MessageStatus.STORED, 0)
    winner = _find(session, key, digest)
    if winner is None:
        raise LookupError(f"message {key} was neither stored nor found")
    return winner


_STORED_COLUMNS = (
    _MESSAGES.c.id,
    _MESSAGES.c.status,
    _MESSAGES.c.attempts,
    _MESSAGES.c.verdict,
    _MESSAGES.c.retry_at,
)


def _find(session: Session, key: MessageKey, digest: str) -> StoredMessage | None:
    """The message stored under `key`; for a mailbox message, else the same
    bytes stored under another UIDVALIDITY (the folder was recreated, or the
    server migrated): the same bytes in the same account are the same
    message, so it takes its new UID instead of being stored again. One
    query for both, as it runs for every message read."""
    messages = _MESSAGES.c
    if key.uid is None:
        row = session.execute(
            select(*_STORED_COLUMNS).where(
                messages.source == key.source,
                messages.folder == key.folder,
                messages.uid.is_(None),
                messages.sha256 == digest,
            )
        ).first()
        return StoredMessage(*row) if row is not None else None
    this_key = (
        (messages.folder == key.folder)
        & (messages.uidvalidity == key.uidvalidity)
        & (messages.uid == key.uid)
    )
    same_bytes = (messages.sha256 == digest) & messages.uid.is_not(None)
    rows = session.execute(
        select(*_STORED_COLUMNS, this_key.label("this_key"))
        .where(messages.source == key.source, this_key | same_bytes)
        .order_by(messages.id)
    ).all()
    for *stored, exact in rows:
        if exact:
            return StoredMessage(*stored)
    if not rows:
        return None
    *stored, _ = rows[0]
    session.execute(
        update(_MESSAGES)
        .where(messages.id == stored[0])
        .values(folder=key.folder, uidvalidity=key.uidvalidity, uid=key.uid)
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
    arrived_at, attempts = session.execute(
        update(_MESSAGES)
        .where(_MESSAGES.c.id == message_id)
        .values(
            verdict=decision.verdict,
            reasons=list(decision.reasons),
            flags=list(decision.flags),
            vacancy=decision.vacancy,
            language=decision.language,
            header_message_id=decision.header_message_id,
            applicant_id=applicant_id,
            status=MessageStatus.DRY_RUN if decision.dry_run else MessageStatus.PROCESSED,
            error=None,
            retry_at=None,
            attempts=_MESSAGES.c.attempts + 1,
        )
        .returning(_MESSAGES.c.arrived_at, _MESSAGES.c.attempts)
    ).one()
    if attempts > 1:  # documents exist only after an earlier attempt
        session.execute(delete(_DOCUMENTS).where(_DOCUMENTS.c.message_id == message_id))
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
    session.execute(insert(_DOCUMENTS), rows)
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
    identity = normalise_address(address)
    statement = dialect_insert(session, Applicant).values(
        address=identity, display_name=name, first_seen_at=now
    )
    known_name = case(
        (Applicant.display_name == "", statement.excluded.display_name),
        else_=Applicant.display_name,
    )
    statement = statement.on_conflict_do_update(
        index_elements=["address"], set_={"display_name": known_name}
    )
    return int(session.execute(statement.returning(Applicant.id)).scalar_one())
