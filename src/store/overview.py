"""The overview of one vacancy's applicants, for the selection committee.

The committee is shown every applicant, not only the shortlist: anyone with
at least one submission (valid, invalid or late) for the vacancy. Someone who
only asked a question has no submission and is not listed.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session, load_only

from store.models import Applicant, Document, InboundMessage, Submission, Vacancy
from store.search import fold


class UnknownVacancy(LookupError):
    """No vacancy with this slug was ever configured."""


@dataclass(frozen=True)
class OverviewDocument:
    """A PDF of the submission that counts.

    `filename` is the name the sender gave it: untrusted text that must be
    made safe before it is used as a path. The bytes are the blob `sha256`.
    """

    filename: str
    sha256: str


@dataclass(frozen=True)
class OverviewRow:
    """One applicant of a vacancy, as the committee sees them.

    Times are aware UTC; a caller shows them in the firm's zone. The verdict,
    reasons, flags, pages and files are those of the counted submission: the
    current complete one if any, else the latest. `late` is true when any of
    the person's submissions for the vacancy was late. `superseded` holds the
    arrival times of complete submissions that a later one replaced.
    """

    name: str
    address: str
    first_arrival: datetime
    latest_arrival: datetime
    verdict: str
    reasons: tuple[str, ...]
    flags: tuple[str, ...]
    late: bool
    pages: int
    files: tuple[str, ...]
    superseded: tuple[datetime, ...]
    supplements: int
    documents: tuple[OverviewDocument, ...]


def vacancy_overview(session: Session, vacancy: str) -> list[OverviewRow]:
    """Every applicant of `vacancy`, sorted by name, then address.

    Sorting happens here rather than in SQL so SQLite and PostgreSQL, whose
    collations differ, give the committee the same order. Raises
    UnknownVacancy for a slug that is not in the store.
    """
    if session.get(Vacancy, vacancy) is None:
        raise UnknownVacancy(vacancy)
    by_applicant: dict[int, list[Row[Any]]] = defaultdict(list)
    for submission in session.execute(_submissions(vacancy)):
        by_applicant[submission.applicant_id].append(submission)
    counted = {key: _counted(subs) for key, subs in by_applicant.items()}
    documents = _documents(session, [c.message_id for c in counted.values()])
    rows = [
        _row(subs, counted[key], documents.get(counted[key].message_id, []))
        for key, subs in by_applicant.items()
    ]
    return sorted(rows, key=lambda r: (fold(r.name), r.name, r.address))


def _submissions(vacancy: str) -> Any:
    """The vacancy's submissions with their message's verdict and the applicant,
    oldest first per applicant."""
    return (
        select(
            Submission.applicant_id,
            Submission.message_id,
            Submission.complete,
            Submission.superseded_by_id,
            Submission.supplement_of_id,
            Submission.arrived_at,
            InboundMessage.verdict,
            InboundMessage.reasons,
            InboundMessage.flags,
            Applicant.address,
            Applicant.display_name,
        )
        .join(InboundMessage, InboundMessage.id == Submission.message_id)
        .join(Applicant, Applicant.id == Submission.applicant_id)
        .where(Submission.vacancy == vacancy)
        .order_by(Submission.applicant_id, Submission.arrived_at, Submission.id)
    )


def _counted(submissions: list[Row[Any]]) -> Row[Any]:
    """The current complete submission if there is one, else the latest."""
    current = [s for s in submissions if s.complete and s.superseded_by_id is None]
    return (current or submissions)[-1]


def _documents(session: Session, message_ids: list[int]) -> dict[int, list[Document]]:
    """The counted messages' documents in their order, without the extracted text."""
    found: dict[int, list[Document]] = defaultdict(list)
    if not message_ids:
        return found
    columns = (Document.message_id, Document.filename, Document.kind, Document.sha256)
    query = (
        select(Document)
        .options(load_only(*columns, Document.pages))
        .where(Document.message_id.in_(message_ids))
        .order_by(Document.message_id, Document.position)
    )
    for document in session.scalars(query):
        found[document.message_id].append(document)
    return found


def _row(submissions: list[Row[Any]], counted: Row[Any], documents: list[Document]) -> OverviewRow:
    pdfs = [d for d in documents if d.kind == "pdf"]
    return OverviewRow(
        name=counted.display_name,
        address=counted.address,
        first_arrival=min(s.arrived_at for s in submissions),
        latest_arrival=max(s.arrived_at for s in submissions),
        verdict=counted.verdict or "",
        reasons=tuple(counted.reasons or ()),
        flags=tuple(counted.flags or ()),
        late=any(s.verdict == "late" for s in submissions),
        pages=sum(d.pages or 0 for d in pdfs),
        files=tuple(d.filename for d in documents),
        superseded=tuple(s.arrived_at for s in submissions if s.superseded_by_id is not None),
        supplements=sum(1 for s in submissions if s.supplement_of_id is not None),
        documents=tuple(OverviewDocument(d.filename, d.sha256) for d in pdfs),
    )
