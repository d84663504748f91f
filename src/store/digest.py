"""What the recruiters' daily digest lists for a period, read from the store.

A period is [since, until) in UTC, by the messages' arrival. Open questions
are listed whatever their age: they stay in the digest until answered. No
extracted text is read, only what tells a recruiter where to look.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from store.models import (
    Applicant,
    DeliveryAttempt,
    DigestRun,
    Document,
    InboundMessage,
    OutboxReply,
    Question,
    Submission,
    Vacancy,
)
from store.questions import UNANSWERED
from store.statuses import MessageStatus, ReplyStatus

_HELD_OR_FAILED = (ReplyStatus.FAILED, ReplyStatus.BOUNCED, ReplyStatus.SUPPRESSED)


@dataclass(frozen=True)
class DigestDocument:
    """A document as the digest names it; `role` is "letter", "cv" or None."""

    filename: str
    pages: int | None
    role: str | None


@dataclass(frozen=True)
class DigestItem:
    """One message the digest lists; `name` is the sender's display name, or
    the address when there is none, or empty when the sender could not be read.

    `resubmitted` is true for an application its sender followed with a later
    one for the same vacancy. `due_at` is a question's answer-by time.
    """

    message_pk: int
    vacancy: str | None
    name: str
    arrived_at: datetime
    reasons: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    documents: tuple[DigestDocument, ...] = ()
    resubmitted: bool = False
    due_at: datetime | None = None
    error: str | None = None

    @property
    def pages(self) -> int:
        return sum(d.pages or 0 for d in self.documents)


@dataclass(frozen=True)
class DigestReply:
    """A reply that did not reach its reader: failed, bounced or held back, and why."""

    message_pk: int
    vacancy: str | None
    kind: str
    status: str
    reason: str | None


@dataclass(frozen=True)
class VacancyState:
    """A vacancy's window and its messages per verdict, over all time."""

    slug: str
    title: str
    opens_at: datetime
    closes_at: datetime
    totals: dict[str, int]


@dataclass(frozen=True)
class DigestContent:
    since: datetime
    until: datetime
    valid: tuple[DigestItem, ...]
    invalid: tuple[DigestItem, ...]
    late: tuple[DigestItem, ...]
    unrouted: tuple[DigestItem, ...]
    questions: tuple[DigestItem, ...]
    replies: tuple[DigestReply, ...]
    failures: tuple[DigestItem, ...]
    vacancies: tuple[VacancyState, ...]


def digest_content(session: Session, since: datetime, until: datetime) -> DigestContent:
    """Everything the digest shows for [since, until); open questions by
    answer-by time, so the overdue ones come first."""
    period = and_(InboundMessage.arrived_at >= since, InboundMessage.arrived_at < until)
    return DigestContent(
        since=since,
        until=until,
        valid=_items(session, period, InboundMessage.verdict == "valid"),
        invalid=_items(session, period, InboundMessage.verdict == "invalid"),
        late=_items(session, period, InboundMessage.verdict == "late"),
        unrouted=_items(session, period, InboundMessage.verdict == "unrouted"),
        questions=_questions(session),
        replies=_replies(session, since, until),
        failures=_items(session, period, InboundMessage.status == MessageStatus.FAILED),
        vacancies=_vacancies(session),
    )


def last_digest_end(session: Session) -> datetime | None:
    """Where the previous digest's period ended; None before the first one."""
    return session.scalar(select(func.max(DigestRun.period_end)))


def _messages(*conditions: Any) -> Any:
    later = aliased(Submission)
    resubmitted = exists().where(
        Submission.message_id == InboundMessage.id,
        later.applicant_id == Submission.applicant_id,
        later.vacancy == Submission.vacancy,
        later.arrived_at > Submission.arrived_at,
    )
    return (
        select(
            InboundMessage.id,
            InboundMessage.vacancy,
            InboundMessage.arrived_at,
            InboundMessage.reasons,
            InboundMessage.flags,
            InboundMessage.error,
            Applicant.address,
            Applicant.display_name,
            resubmitted.label("resubmitted"),
        )
        .outerjoin(Applicant, Applicant.id == InboundMessage.applicant_id)
        .where(*conditions)
        .order_by(InboundMessage.arrived_at, InboundMessage.id)
    )


def _items(session: Session, *conditions: Any) -> tuple[DigestItem, ...]:
    rows = list(session.execute(_messages(*conditions)))
    documents = _documents(session, [row.id for row in rows])
    return tuple(_item(row, documents.get(row.id, ())) for row in rows)


def _item(row: Row[Any], documents: tuple[DigestDocument, ...], **extra: Any) -> DigestItem:
    return DigestItem(
        message_pk=row.id,
        vacancy=row.vacancy,
        name=row.display_name or row.address or "",
        arrived_at=row.arrived_at,
        reasons=tuple(row.reasons or ()),
        flags=tuple(row.flags or ()),
        documents=documents,
        resubmitted=bool(row.resubmitted),
        error=row.error,
        **extra,
    )


def _documents(session: Session, ids: list[int]) -> dict[int, tuple[DigestDocument, ...]]:
    """The messages' documents in their order, never their text."""
    if not ids:
        return {}
    query = (
        select(Document.message_id, Document.filename, Document.pages, Document.role)
        .where(Document.message_id.in_(ids))
        .order_by(Document.message_id, Document.position)
    )
    found: dict[int, list[DigestDocument]] = {}
    for row in session.execute(query):
        found.setdefault(row.message_id, []).append(
            DigestDocument(row.filename, row.pages, row.role)
        )
    return {key: tuple(value) for key, value in found.items()}


def _questions(session: Session) -> tuple[DigestItem, ...]:
    query = (
        _messages(UNANSWERED)
        .add_columns(Question.due_at)
        .join(Question, Question.message_id == InboundMessage.id)
        .order_by(None)
        .order_by(Question.due_at, InboundMessage.id)
    )
    return tuple(_item(row, (), due_at=row.due_at) for row in session.execute(query))


def _replies(session: Session, since: datetime, until: datetime) -> tuple[DigestReply, ...]:
    """Replies to inbound mail held back or given up on in the period: planned
    then, or with a delivery attempt then (a bounce comes days later)."""
    attempted = exists().where(
        DeliveryAttempt.outbox_id == OutboxReply.id,
        DeliveryAttempt.at >= since,
        DeliveryAttempt.at < until,
    )
    planned = and_(OutboxReply.planned_at >= since, OutboxReply.planned_at < until)
    query = (
        select(
            OutboxReply.message_id,
            InboundMessage.vacancy,
            OutboxReply.kind,
            OutboxReply.status,
            OutboxReply.reason,
        )
        .join(InboundMessage, InboundMessage.id == OutboxReply.message_id)
        .where(OutboxReply.status.in_(_HELD_OR_FAILED), or_(planned, attempted))
        .order_by(OutboxReply.id)
    )
    return tuple(
        DigestReply(row.message_id or 0, row.vacancy, row.kind, row.status, row.reason)
        for row in session.execute(query)
    )


def _vacancies(session: Session) -> tuple[VacancyState, ...]:
    counts: dict[str, Counter[str]] = {}
    query = (
        select(InboundMessage.vacancy, InboundMessage.verdict, func.count())
        .where(InboundMessage.vacancy.is_not(None), InboundMessage.verdict.is_not(None))
        .group_by(InboundMessage.vacancy, InboundMessage.verdict)
    )
    for slug, verdict, count in session.execute(query):
        counts.setdefault(str(slug), Counter())[str(verdict)] = int(count)
    vacancies = session.scalars(
        select(Vacancy).where(Vacancy.purged_at.is_(None)).order_by(Vacancy.closes_at, Vacancy.slug)
    )
    return tuple(
        VacancyState(v.slug, v.title, v.opens_at, v.closes_at, dict(counts.get(v.slug, {})))
        for v in vacancies
    )


@dataclass(frozen=True)
class DigestMail:
    """One recipient's copy of a digest, rendered, with its fixed `Message-ID`."""

    recipient: str
    language: str
    rfc_message_id: str
    content: bytes


def digest_planned(session: Session, day: date) -> bool:
    """Whether `day` already has its digest run."""
    return session.scalar(select(DigestRun.id).where(DigestRun.day == day)) is not None


def record_digest(
    session: Session,
    day: date,
    period: tuple[datetime, datetime],
    mails: list[DigestMail],
    now: datetime,
) -> None:
    """Record the day's digest run and plan its mails in the outbox, for the drain.

    A second run for the same day fails on the unique day when the
    transaction commits, so two instances never both plan it.
    """
    run = DigestRun(day=day, started_at=now, period_start=period[0], period_end=period[1])
    session.add(run)
    session.flush()
    for mail in mails:
        session.add(
            OutboxReply(
                digest_run_id=run.id,
                kind="digest",
                recipient=mail.recipient,
                language=mail.language,
                rfc_message_id=mail.rfc_message_id,
                status=ReplyStatus.PLANNED,
                content=mail.content,
                planned_at=now,
                attempts=0,
            )
        )
    session.flush()
