"""Submissions: which application of a person counts, and what came after it."""

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from store.identity import normalise_address
from store.models import Applicant, Submission
from store.upsert import dialect_insert


def has_complete_submission(
    session: Session, address: str, vacancy: str, other_than: int | None = None
) -> bool:
    """Whether this person already has a complete application for the vacancy, in a
    message other than `other_than` (one judged again must not count itself)."""
    query = (
        select(Submission.id)
        .join(Applicant, Applicant.id == Submission.applicant_id)
        .where(
            Applicant.address == normalise_address(address),
            Submission.vacancy == vacancy,
            Submission.complete.is_(True),
        )
    )
    if other_than is not None:
        query = query.where(Submission.message_id != other_than)
    return session.scalars(query).first() is not None


def record_submission(
    session: Session,
    message_id: int,
    applicant_id: int,
    vacancy: str,
    complete: bool,
    arrived_at: datetime,
    supplement: bool = False,
) -> None:
    """Link an application-like message to its applicant and vacancy.

    A complete one supersedes the applicant's current complete one (both
    kept); one the caller judged a `supplement` is linked to that current
    complete one. Running this again for the same message changes nothing:
    its insert meets the unique message id and does nothing.
    """
    current = session.scalar(
        select(Submission.id).where(
            Submission.applicant_id == applicant_id,
            Submission.vacancy == vacancy,
            Submission.complete.is_(True),
            Submission.superseded_by_id.is_(None),
        )
    )
    values = {
        "message_id": message_id,
        "applicant_id": applicant_id,
        "vacancy": vacancy,
        "complete": complete,
        "arrived_at": arrived_at,
        "supplement_of_id": current if supplement else None,
    }
    statement = dialect_insert(session, Submission).values(values)
    new_id = session.scalar(
        statement.on_conflict_do_nothing(index_elements=["message_id"]).returning(Submission.id)
    )
    if new_id is not None and current is not None and complete:
        session.execute(
            update(Submission).where(Submission.id == current).values(superseded_by_id=new_id)
        )
