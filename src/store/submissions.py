"""Submissions: which application of a person counts, and what came after it."""

from datetime import datetime

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql import Executable

from store.identity import normalise_address
from store.models import Applicant, Submission
from store.upsert import engine_insert, prepared, table_of

_SUBMISSIONS = table_of(Submission)
# Made once (store.upsert says why): the applicant's current complete application.
_CURRENT = select(_SUBMISSIONS.c.id).where(
    _SUBMISSIONS.c.applicant_id == bindparam("applicant_pk"),
    _SUBMISSIONS.c.vacancy == bindparam("for_vacancy"),
    _SUBMISSIONS.c.complete.is_(True),
    _SUBMISSIONS.c.superseded_by_id.is_(None),
)


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
    current = session.scalar(_CURRENT, {"applicant_pk": applicant_id, "for_vacancy": vacancy})
    values = {
        "message_id": message_id,
        "applicant_id": applicant_id,
        "vacancy": vacancy,
        "complete": complete,
        "arrived_at": arrived_at,
        "supplement_of_id": current if supplement else None,
    }
    new_id = session.scalar(prepared(session, _insert_submission), values)
    if new_id is not None and current is not None and complete:
        session.execute(
            update(Submission).where(Submission.id == current).values(superseded_by_id=new_id)
        )


def _insert_submission(dialect: str) -> Executable:
    statement = engine_insert(dialect, _SUBMISSIONS).on_conflict_do_nothing(
        index_elements=["message_id"]
    )
    return statement.returning(_SUBMISSIONS.c.id)  # type: ignore[no-any-return]
