"""Questions waiting for a person: which are open, which a reply answered, how late.

Whether a question is due or overdue is computed from its answer-by time
and the clock each time it is asked, not kept in a column: a stored state
would be stale between checks, and `status`, `mailroom questions` and the
digest must agree with the clock they are given (`--as-of` included).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import InboundMessage, Question
from store.statuses import AnsweredHow

# What makes a question open; the digest lists the same ones.
UNANSWERED = Question.answered_at.is_(None)


@dataclass(frozen=True)
class OpenQuestion:
    """A question nobody has answered yet; `message_pk` is the stored message's key."""

    message_pk: int
    vacancy: str | None
    arrived_at: datetime
    due_at: datetime

    def overdue_by(self, now: datetime) -> timedelta:
        """How long past its answer-by time; negative while it is still in time."""
        return now - self.due_at


@dataclass(frozen=True)
class QuestionCounts:
    """Open questions at one instant: `due` ones must be answered before the
    caller's horizon (e.g. the end of today) and are not overdue yet."""

    open: int = 0
    due: int = 0
    overdue: int = 0
    oldest_due_at: datetime | None = None


@dataclass(frozen=True)
class QuestionState:
    """A stored question as the recruiter commands see it."""

    message_pk: int
    vacancy: str | None
    due_at: datetime
    answered_at: datetime | None
    answered_how: str | None


def open_questions(session: Session) -> list[OpenQuestion]:
    """Unanswered questions, earliest answer-by time (so the most overdue) first."""
    query = (
        select(Question.message_id, Question.vacancy, InboundMessage.arrived_at, Question.due_at)
        .join(InboundMessage, InboundMessage.id == Question.message_id)
        .where(UNANSWERED)
        .order_by(Question.due_at, Question.message_id)
    )
    return [OpenQuestion(*row) for row in session.execute(query)]


def question_counts(session: Session, now: datetime, due_before: datetime) -> QuestionCounts:
    """How many questions are open, due before `due_before`, and overdue at `now`."""
    found = open_questions(session)
    overdue = sum(1 for q in found if q.due_at < now)
    due = sum(1 for q in found if now <= q.due_at < due_before)
    oldest = found[0].due_at if found else None
    return QuestionCounts(len(found), due, overdue, oldest)


def question_state(session: Session, message_pk: int) -> QuestionState | None:
    """The question behind a stored message, or None when the message is no question."""
    row = session.scalars(select(Question).where(Question.message_id == message_pk)).first()
    if row is None:
        return None
    return QuestionState(row.message_id, row.vacancy, row.due_at, row.answered_at, row.answered_how)


def mark_answered(session: Session, message_pk: int, how: AnsweredHow, when: datetime) -> bool:
    """Record the question as answered; False (and nothing changed) when it already
    was or the message is no question, so repeating it is harmless."""
    row = session.scalars(
        select(Question).where(Question.message_id == message_pk).with_for_update()
    ).first()
    if row is None or row.answered_at is not None:
        return False
    row.answered_at, row.answered_how = when, how.value
    return True


def questions_replied_to(session: Session, message_ids: Iterable[str]) -> list[int]:
    """Open questions whose own `Message-ID` is one of `message_ids` (a reply's
    In-Reply-To and References); their stored messages' keys."""
    wanted = sorted(set(message_ids))
    if not wanted:
        return []
    query = (
        select(Question.message_id)
        .join(InboundMessage, InboundMessage.id == Question.message_id)
        .where(UNANSWERED, InboundMessage.header_message_id.in_(wanted))
        .order_by(Question.message_id)
    )
    return list(session.scalars(query))
