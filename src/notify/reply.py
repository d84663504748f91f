"""The reply plan `notify` consumes: who gets which kind, with which facts."""

from collections.abc import Mapping
from dataclasses import dataclass, field
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
class FaqEntry:
    """A frequent question: the words that raise it and a standard answer per language.

    `keywords` are matched in any language (see `notify.faq`); each answer
    is jinja2 text rendered with the vacancy's facts and the template
    helpers, so a closing date or salary is written once, in config.
    """

    topic: str
    keywords: tuple[str, ...]
    answers: Mapping[str, str]


class Wording(dict[str, str]):
    """One text per language ("nl", "en"). Printing it whole is a template
    mistake (`{{ vacancy.title }}` for `{{ vacancy.title.en }}`): it raises,
    so the reply fails with a recorded reason instead of showing both."""

    def __str__(self) -> str:
        raise TypeError("a text per language: write .nl or .en, e.g. vacancy.title.en")

    __html__ = __str__


@dataclass(frozen=True)
class VacancyFacts:
    """What templates may say about a vacancy; all from config, never typed in templates.

    `title` and `organisation` hold a wording per language, like a planning
    step's `text`: templates write `vacancy.title.en`, and every language the
    templates use has an entry. `facts` are free-form values (salary scale,
    amounts, percentages) that FAQ answers quote, in the same words for both
    languages.
    """

    slug: str
    reference_prefix: str
    title: Wording
    organisation: Wording
    opens_at: datetime
    closes_at: datetime
    privacy_url: str
    contacts: tuple[str, ...] = ()
    planning: tuple[PlanningStep, ...] = ()
    facts: Mapping[str, object] = field(default_factory=dict)
    faq: tuple[FaqEntry, ...] = ()
    committee_on: date | None = None


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
    rendered, so reprocessing gives the same words. `written_at` is when the
    reply was planned (the injected clock): only used to be honest when an
    outage held the reply up past a deadline. `inbound_text` is the
    subject and the sender's own words, for matching frequent questions.
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
    written_at: datetime
    files: tuple[FileFacts, ...] = ()
    reasons: tuple[str, ...] = ()
    answer_by: datetime | None = None
    inbound_text: str = ""

    @property
    def time_left(self) -> timedelta:
        """Real elapsed time, in UTC: same-zone subtraction would ignore a DST change."""
        left = self.vacancy.closes_at.astimezone(UTC) - self.arrived_at.astimezone(UTC)
        return max(left, timedelta(0))

    @property
    def arrived_in_time(self) -> bool:
        """The closing instant itself still counts as on time (docs/architecture.md §5)."""
        return self.arrived_at <= self.vacancy.closes_at

    @property
    def closed_when_written(self) -> bool:
        return self.written_at > self.vacancy.closes_at

    @property
    def answer_overdue_when_written(self) -> bool:
        """The answer-by time had passed before this acknowledgement was written."""
        return self.answer_by is not None and self.written_at > self.answer_by
