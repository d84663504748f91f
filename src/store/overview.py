"""The overview of one vacancy's applicants, for the selection committee.

The committee is shown every applicant, not only the shortlist: anyone with
at least one submission (valid, invalid or late) for the vacancy. Someone who
only asked a question has no submission and is not listed. The firm's own
addresses never are: mail from `info@` with two PDFs is a test or a loop,
not a candidate (a staff forward is stored under the applicant it forwards).
An application whose sender could not be read has no applicant and no
submission, yet it is listed, one row per message, as "sender unknown".
"""

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session, load_only

from store.identity import normalise_address
from store.models import Applicant, Document, InboundMessage, Submission, Vacancy
from store.search import fold

# The verdicts of application-like mail; the same set records a submission.
APPLICATION_VERDICTS = ("valid", "invalid", "late")


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

    `message_pk` is the stored message of the counted submission: the
    current complete one if any, else the latest; the verdict, reasons,
    flags, pages and files are that message's. `address` is None, and `name`
    empty, for an application whose sender could not be read. Times are
    aware UTC; a caller shows them in the firm's zone. `late` is true when
    any of the person's submissions for the vacancy was late. `superseded`
    holds the arrival times of complete submissions that a later one replaced.
    """

    message_pk: int
    name: str
    address: str | None
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


@dataclass(frozen=True)
class _Sent:
    """One application-like message of a person (or of an unknown sender)."""

    message_pk: int
    arrived_at: datetime
    verdict: str
    reasons: tuple[str, ...]
    flags: tuple[str, ...]
    current: bool = False
    superseded: bool = False
    supplement: bool = False


@dataclass(frozen=True)
class _Person:
    """Someone's messages for the vacancy, oldest first."""

    name: str
    address: str | None
    sent: list[_Sent]

    @property
    def counted(self) -> _Sent:
        """The current complete submission if there is one, else the latest."""
        return ([s for s in self.sent if s.current] or self.sent)[-1]


def vacancy_overview(
    session: Session, vacancy: str, *, own_addresses: Collection[str], own_domains: Collection[str]
) -> list[OverviewRow]:
    """Every applicant of `vacancy`, sorted by name, then address; unknown senders last.

    Mail from `own_addresses` (compared normalised) or from any address in
    `own_domains` is left out. Sorting happens here rather than in SQL so
    SQLite and PostgreSQL, whose collations differ, give the committee the
    same order. Raises UnknownVacancy for a slug that is not in the store.
    """
    if session.get(Vacancy, vacancy) is None:
        raise UnknownVacancy(vacancy)
    ours = frozenset(normalise_address(a) for a in own_addresses)
    our_domains = frozenset(d.strip().lower() for d in own_domains)
    people: dict[int, _Person] = {}
    for found in session.execute(_submissions(vacancy)):
        # Applicant addresses are stored normalised, so they compare as they are.
        if found.address not in ours and found.address.rpartition("@")[2] not in our_domains:
            person = people.setdefault(
                found.applicant_id, _Person(found.display_name, found.address, [])
            )
            person.sent.append(_from_submission(found))
    unknown = [
        _Person("", None, [_from_message(found)])
        for found in session.execute(_without_sender(vacancy))
    ]
    everyone = [*people.values(), *unknown]
    documents = _documents(session, [person.counted.message_pk for person in everyone])
    rows = [_row(person, documents.get(person.counted.message_pk, [])) for person in everyone]
    return sorted(rows, key=_order)


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


def _without_sender(vacancy: str) -> Any:
    """The vacancy's applications whose sender could not be read: stored without
    an applicant, so without a submission, in the order they arrived."""
    return (
        select(
            InboundMessage.id,
            InboundMessage.arrived_at,
            InboundMessage.verdict,
            InboundMessage.reasons,
            InboundMessage.flags,
        )
        .where(
            InboundMessage.vacancy == vacancy,
            InboundMessage.applicant_id.is_(None),
            InboundMessage.verdict.in_(APPLICATION_VERDICTS),
        )
        .order_by(InboundMessage.arrived_at, InboundMessage.id)
    )


def _from_submission(found: Row[Any]) -> _Sent:
    return _Sent(
        message_pk=found.message_id,
        arrived_at=found.arrived_at,
        verdict=found.verdict or "",
        reasons=tuple(found.reasons or ()),
        flags=tuple(found.flags or ()),
        current=found.complete and found.superseded_by_id is None,
        superseded=found.superseded_by_id is not None,
        supplement=found.supplement_of_id is not None,
    )


def _from_message(found: Row[Any]) -> _Sent:
    return _Sent(
        message_pk=found.id,
        arrived_at=found.arrived_at,
        verdict=found.verdict or "",
        reasons=tuple(found.reasons or ()),
        flags=tuple(found.flags or ()),
    )


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


def _row(person: _Person, documents: list[Document]) -> OverviewRow:
    counted, sent = person.counted, person.sent
    pdfs = [d for d in documents if d.kind == "pdf"]
    return OverviewRow(
        message_pk=counted.message_pk,
        name=person.name,
        address=person.address,
        first_arrival=min(s.arrived_at for s in sent),
        latest_arrival=max(s.arrived_at for s in sent),
        verdict=counted.verdict,
        reasons=counted.reasons,
        flags=counted.flags,
        late=any(s.verdict == "late" for s in sent),
        pages=sum(d.pages or 0 for d in pdfs),
        files=tuple(d.filename for d in documents),
        superseded=tuple(s.arrived_at for s in sent if s.superseded),
        supplements=sum(1 for s in sent if s.supplement),
        documents=tuple(OverviewDocument(d.filename, d.sha256) for d in pdfs),
    )


def _order(row: OverviewRow) -> tuple[bool, str, str, str, int]:
    """Known senders by name, then address; after them the unknown, as they arrived."""
    return (row.address is None, fold(row.name), row.name, row.address or "", row.message_pk)
