"""The configuration: one TOML file, validated by pydantic, env overrides on top.

Any `MAILROOM_<SECTION>__<KEY>` variable overrides the file, for example
`MAILROOM_STORE__URL=postgresql+psycopg://mailroom@db/mailroom`.
"""

from datetime import date, datetime, time
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    HttpUrl,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from mailroom.secrets import Secret

_STRICT = ConfigDict(extra="forbid", frozen=True)


def _zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(
            f"unknown time zone {name!r}; use an IANA name like 'Europe/Amsterdam'"
        ) from exc
    return name


class Firm(BaseModel):
    """Who we are: the name and address replies come from, and our own domains."""

    model_config = _STRICT

    name: str
    address: EmailStr
    own_domains: list[str] = Field(min_length=1)
    timezone: Annotated[str, Field(validate_default=True)] = "Europe/Amsterdam"

    _check_zone = field_validator("timezone")(_zone)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class Routing(BaseModel):
    """Rules that send a message straight to a vacancy, before any time window."""

    model_config = _STRICT

    addresses: list[EmailStr] = []
    subject_keywords: list[str] = []


class PlanningStep(BaseModel):
    """A step of the procedure: on `starts`, from `starts` to `ends`, or by `ends`."""

    model_config = _STRICT

    starts: date | None = None
    ends: date | None = None
    nl: str
    en: str

    @model_validator(mode="after")
    def _has_a_date(self) -> "PlanningStep":
        if self.starts is None and self.ends is None:
            raise ValueError("give `starts`, `ends` or both")
        return self


class Vacancy(BaseModel):
    """One search: its window, routing, facts for templates, and retention.

    `opens`/`closes` may be dates or local date-times in `timezone`; a date
    for `closes` means the end of that day (23:59:59), inclusive.
    """

    model_config = _STRICT

    slug: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")
    reference_prefix: str = Field(pattern=r"^[A-Z0-9-]{1,20}$")
    title: str
    organisation: str
    opens: date | datetime
    closes: date | datetime
    timezone: Annotated[str, Field(validate_default=True)] = "Europe/Amsterdam"
    privacy_url: HttpUrl
    contacts: list[str] = []
    planning: list[PlanningStep] = []
    routing: Routing = Routing()
    templates_dir: Path | None = None
    procedure_ends: date | None = None
    retention_days: int | None = Field(default=None, ge=1)

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


class StoreSettings(BaseModel):
    model_config = _STRICT

    url: str = "sqlite:///var/mailroom.db"


class MaildirSourceSettings(BaseModel):
    model_config = _STRICT

    kind: Literal["maildir"]
    name: str
    path: Path


class MboxSourceSettings(BaseModel):
    model_config = _STRICT

    kind: Literal["mbox"]
    name: str
    path: Path


class ImapSourceSettings(BaseModel):
    """An IMAP account. `security`: "tls" (port 993), "starttls" (143), or
    "plain" (loopback tests only). Give `password` or `oauth2_token`."""

    model_config = _STRICT

    kind: Literal["imap"]
    name: str
    host: str
    port: int | None = Field(default=None, ge=1, le=65535)
    security: Literal["tls", "starttls", "plain"] = "tls"
    ca_file: Path | None = None
    username: str
    password: Secret | None = None
    oauth2_token: Secret | None = None
    folders: list[str] = Field(default=["INBOX"], min_length=1)
    start_after: dict[str, date | int] = {}
    processed: Literal["move", "flag"] = "move"
    processed_folder: str = "Processed/{verdict}"
    processed_flag: str = "$MailroomHandled"
    batch_size: int = Field(default=50, ge=1, le=1000)
    timeout_seconds: float = Field(default=60.0, gt=0)
    connect_attempts: int = Field(default=3, ge=1)

    @model_validator(mode="after")
    def _one_way_to_log_in(self) -> "ImapSourceSettings":
        if (self.password is None) == (self.oauth2_token is None):
            raise ValueError("give exactly one of password or oauth2_token")
        unknown = set(self.start_after) - set(self.folders)
        if unknown:
            raise ValueError(f"start_after names folders not in `folders`: {sorted(unknown)}")
        return self


SourceSettings = Annotated[
    MaildirSourceSettings | MboxSourceSettings | ImapSourceSettings, Field(discriminator="kind")
]


class FileTransportSettings(BaseModel):
    """Replies as .eml files in a folder: the embedded default, and for trials."""

    model_config = _STRICT

    kind: Literal["file"] = "file"
    directory: Path = Path("var/outbox")
    per_minute: int = Field(default=600, ge=1)
    max_attempts: int = Field(default=8, ge=1)


class SmtpTransportSettings(BaseModel):
    """An SMTP relay. `security`: "starttls" (587), "tls" (465), or "plain"
    (loopback tests only). `per_minute` is the relay's send limit."""

    model_config = _STRICT

    kind: Literal["smtp"]
    host: str
    port: int | None = Field(default=None, ge=1, le=65535)
    security: Literal["tls", "starttls", "plain"] = "starttls"
    ca_file: Path | None = None
    username: str | None = None
    password: Secret | None = None
    timeout_seconds: float = Field(default=30.0, gt=0)
    per_minute: int = Field(default=30, ge=1)
    max_attempts: int = Field(default=8, ge=1)
    first_retry_seconds: int = Field(default=60, ge=1)
    longest_retry_seconds: int = Field(default=3600, ge=1)
    # File a copy of each reply in this IMAP source's folder (e.g. "Sent").
    sent_copy_source: str | None = None
    sent_copy_folder: str = "Sent"

    @model_validator(mode="after")
    def _login_is_complete(self) -> "SmtpTransportSettings":
        if (self.username is None) != (self.password is None):
            raise ValueError("give both username and password, or neither")
        return self


TransportSettings = Annotated[
    FileTransportSettings | SmtpTransportSettings, Field(discriminator="kind")
]


class LimitSettings(BaseModel):
    """Hard limits that keep hostile mail from costing more than a reason code."""

    model_config = _STRICT

    max_message_bytes: int = Field(default=50 * 1024 * 1024, ge=1024)
    max_attempts: int = Field(default=3, ge=1)
    pdf_workers: int = Field(default=2, ge=1, le=16)
    pdf_cpu_seconds: int = Field(default=20, ge=1)
    pdf_memory_mb: int = Field(default=1024, ge=128)
    pdf_wall_seconds: float = Field(default=60.0, gt=0)
    pdf_max_pages: int = Field(default=200, ge=1)
    pdf_max_mb: int = Field(default=30, ge=1)


class PrivacySettings(BaseModel):
    model_config = _STRICT

    # Salt for the hashes that name people in the audit log; made on first use.
    salt_file: Path = Path("var/audit-salt")


class TemplateSettings(BaseModel):
    model_config = _STRICT

    directory: Path = Path("config/templates")


class Settings(BaseSettings):
    """The whole configuration; see `config/mailroom.toml` for every key."""

    model_config = SettingsConfigDict(
        env_prefix="MAILROOM_", env_nested_delimiter="__", extra="forbid", frozen=True
    )

    firm: Firm
    poll_interval_seconds: int = Field(default=60, ge=5)
    store: StoreSettings = StoreSettings()
    sources: list[SourceSettings] = Field(min_length=1)
    transport: TransportSettings = FileTransportSettings()
    templates: TemplateSettings = TemplateSettings()
    privacy: PrivacySettings = PrivacySettings()
    limits: LimitSettings = LimitSettings()
    vacancies: list[Vacancy] = Field(min_length=1)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Environment variables win over the file's values (passed as init)."""
        return env_settings, init_settings

    @model_validator(mode="after")
    def _sent_copy_source_exists(self) -> "Settings":
        wanted = getattr(self.transport, "sent_copy_source", None)
        imap = {s.name for s in self.sources if isinstance(s, ImapSourceSettings)}
        if wanted is not None and wanted not in imap:
            raise ValueError(f"transport.sent_copy_source: {wanted!r} is not an IMAP source's name")
        return self

    @field_validator("vacancies")
    @classmethod
    def _unique_slugs(cls, vacancies: list[Vacancy]) -> list[Vacancy]:
        slugs = [v.slug for v in vacancies]
        duplicates = sorted({s for s in slugs if slugs.count(s) > 1})
        if duplicates:
            raise ValueError(f"slug used twice: {', '.join(duplicates)}; give each vacancy its own")
        return vacancies


def _local(value: date | datetime, default_time: time, zone: str) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.combine(value, default_time)
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(zone))
