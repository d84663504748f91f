"""Submissions: which application of a person counts, and what came after it."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.identity import normalise_address
from store.models import Applicant, Submission


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
) -> Submission:
    """Link an application-like message to its applicant and vacancy.

    A complete one supersedes the applicant's current complete one (both
    kept); one the caller judged a `supplement` is linked to that current
    complete one. Running this again for the same message changes nothing.
    """
    existing = session.scalars(
        select(Submission).where(Submission.message_id == message_id)
    ).first()
    if existing is not None:
        return existing
    current = session.scalars(
        select(Submission).where(
            Submission.applicant_id == applicant_id,
            Submission.vacancy == vacancy,
            Submission.complete.is_(True),
            Submission.superseded_by_id.is_(None),
        )
    ).first()
    submission = Submission(
        message_id=message_id,
        applicant_id=applicant_id,
        vacancy=vacancy,
        complete=complete,
        arrived_at=arrived_at,
        supplement_of_id=current.id if current is not None and supplement else None,
    )
    session.add(submission)
    session.flush()
    if current is not None and complete:
        current.superseded_by_id = submission.id
    return submission
