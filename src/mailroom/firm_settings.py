"""Settings for who we are and what we search for: the firm and its vacancies."""

from datetime import date, datetime, time
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    HttpUrl,
    Strict,
    field_validator,
    model_validator,
)

from notify import holiday_names, unknown_holiday_names

# Numbers, booleans and dates must be written as TOML numbers, booleans and
# dates: "3" where a number is meant is a mistake, not a number.
STRICT = ConfigDict(extra="forbid", frozen=True, strict=True)
# A path, which TOML can only write as a string (strict mode wants a Path object).
PathSetting = Annotated[Path, Strict(False)]


def _zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(
            f"unknown time zone {name!r}; use an IANA name like 'Europe/Amsterdam'"
        ) from exc
    return name


class WorkingDays(BaseModel):
    """What counts as a working day for answer-by times (docs/architecture.md §6).

    `holidays` names the Dutch public holidays the office closes on, as the
    `holidays` package spells them in English ("King's Day", "Good Friday");
    absent counts them all. `closure_days` are extra days the office is shut.
    """

    model_config = STRICT

    holidays: list[str] | None = None
    closure_days: list[date] = []

    @field_validator("holidays")
    @classmethod
    def _known_names(cls, names: list[str] | None) -> list[str] | None:
        unknown = unknown_holiday_names(names or ())
        if unknown:
            raise ValueError(
                f"unknown holiday {', '.join(map(repr, unknown))}; "
                f"known names: {', '.join(map(repr, sorted(holiday_names())))}"
            )
        return names


class Firm(BaseModel):
    """Who we are: the name and address replies come from, and our own domains.

    `authserv_id` is the name our receiving server writes into
    `Authentication-Results` headers (RFC 8601); only its DMARC verdicts are
    trusted, and without it none is.
    """

    model_config = STRICT

    name: str
    address: EmailStr
    own_domains: list[str] = Field(min_length=1)
    timezone: Annotated[str, Field(validate_default=True)] = "Europe/Amsterdam"
    authserv_id: str | None = Field(default=None, pattern=r"^\S+$")
    working_days: WorkingDays = WorkingDays()

    _check_zone = field_validator("timezone")(_zone)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class Routing(BaseModel):
    """Rules that send a message straight to a vacancy, before any time window."""

    model_config = STRICT

    addresses: list[EmailStr] = []
    subject_keywords: list[str] = []


class PlanningStep(BaseModel):
    """A step of the procedure: on `starts`, from `starts` to `ends`, or by `ends`."""

    model_config = STRICT

    starts: date | None = None
    ends: date | None = None
    nl: str
    en: str

    @model_validator(mode="after")
    def _has_a_date(self) -> "PlanningStep":
        if self.starts is None and self.ends is None:
            raise ValueError("give `starts`, `ends` or both")
        return self


class FrequentQuestion(BaseModel):
    """A frequent question: the Dutch and English words that raise it, and its
    standard answer per language as jinja2 text, which may use `vacancy`,
    `facts`, `firm_name`, the helpers `when`, `day`, `duration`, `money` and
    `percent`, and the templates' shared macros as `c`."""

    model_config = STRICT

    topic: str
    keywords_nl: list[Annotated[str, Field(pattern=r"\S")]] = Field(min_length=1)
    keywords_en: list[Annotated[str, Field(pattern=r"\S")]] = Field(min_length=1)
    nl: str
    en: str


class Vacancy(BaseModel):
    """One search: its window, routing, facts for templates, and retention.

    `opens`/`closes` may be dates or local date-times in `timezone`; a date
    for `closes` means the end of that day (23:59:59), inclusive. `title`
    and `organisation` are Dutch; English replies use `title_en` and
    `organisation_en`, or the Dutch words when those are absent. `facts`
    are values the FAQ answers quote (salary scale, amounts, percentages).
    """

    model_config = STRICT

    slug: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")
    reference_prefix: str = Field(pattern=r"^[A-Z0-9-]{1,20}$")
    title: str
    title_en: str | None = None
    organisation: str
    organisation_en: str | None = None
    opens: date | datetime
    closes: date | datetime
    timezone: Annotated[str, Field(validate_default=True)] = "Europe/Amsterdam"
    privacy_url: HttpUrl
    contacts: list[str] = []
    planning: list[PlanningStep] = []
    routing: Routing = Routing()
    templates_dir: PathSetting | None = None
    procedure_ends: date | None = None
    committee_date: date | None = None
    retention_days: int | None = Field(default=None, ge=1)
    facts: dict[str, str | int | float | list[str]] = {}
    faq: list[FrequentQuestion] = []

    _check_zone = field_validator("timezone")(_zone)

    @property
    def opens_at(self) -> datetime:
        return _local(self.opens, time(0, 0, 0), self.timezone)

    @property
    def closes_at(self) -> datetime:
        return _local(self.closes, time(23, 59, 59), self.timezone)

    @property
    def procedure_ends_at(self) -> datetime:
        """End of `procedure_ends`, else of the last planning day, else of closing day."""
        days = [d for step in self.planning for d in (step.starts, step.ends) if d is not None]
        last = self.procedure_ends or max(days, default=self.closes_at.date())
        return _local(last, time(23, 59, 59), self.timezone)


def _local(value: date | datetime, default_time: time, zone: str) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.combine(value, default_time)
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(zone))
