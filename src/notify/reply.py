"""The reply plan `notify` consumes: who gets which kind, with which facts."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum


class ReplyKind(StrEnum):
    """One template per kind and language under `config/templates/<lang>/`."""

    CONFIRMATION = "confirmation"
    RESUBMIT_REQUEST = "resubmit_request"
    CLOSED_NOTICE = "closed_notice"
    QUESTION_ACK = "question_ack"


@dataclass(frozen=True)
class Mailbox:
    """A display name and an address, as read from or written to a header."""

    name: str
    address: str


@dataclass(frozen=True)
class PlanningStep:
    """One step of a vacancy's procedure, worded per language.

    With only `ends` the step happens "by" that day; with both, over a period.
    """

    starts: date | None
    ends: date | None
    text: dict[str, str]


@dataclass(frozen=True)
class VacancyFacts:
    """What templates may say about a vacancy; all from config, never typed in templates."""

    slug: str
    reference_prefix: str
    title: str
    organisation: str
    opens_at: datetime
    closes_at: datetime
    privacy_url: str
    contacts: tuple[str, ...] = ()
    planning: tuple[PlanningStep, ...] = ()


@dataclass(frozen=True)
class FileFacts:
    """A received file as the applicant will recognise it."""

    name: str
    pages: int | None
    role: str | None


@dataclass(frozen=True)
class Reply:
    """Everything needed to render one reply; timing is relative to arrival.

    `time_left` is counted from `arrived_at`, never from when the reply is
    rendered, so reprocessing gives the same words.
    """

    kind: ReplyKind
    language: str
    to: Mailbox | None
    subject_of_original: str
    in_reply_to: str | None
    references: tuple[str, ...]
    vacancy: VacancyFacts
    arrived_at: datetime
    reference: str
    files: tuple[FileFacts, ...] = ()
    reasons: tuple[str, ...] = ()
    answer_by: datetime | None = None

    @property
    def time_left(self) -> timedelta:
        """Real elapsed time, in UTC: same-zone subtraction would ignore a DST change."""
        left = self.vacancy.closes_at.astimezone(UTC) - self.arrived_at.astimezone(UTC)
        return max(left, timedelta(0))
