"""The configuration: one TOML file, validated by pydantic, env overrides on top.

Any `MAILROOM_<SECTION>__<KEY>` variable overrides the file, for example
`MAILROOM_STORE__URL=postgresql+psycopg://mailroom@db/mailroom`. Validation
is strict, so the file must write numbers as numbers; an environment value
is text by nature and is converted to the key's type first (pydantic-settings
does so for a strict model).
"""

from datetime import time as TimeOfDay
from pathlib import Path
from typing import Literal

from pydantic import (
    BaseModel,
    EmailStr,
    Field,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from mailroom.channel_settings import (
    FileTransportSettings,
    ImapSourceSettings,
    MaildirSourceSettings,
    MboxSourceSettings,
    SmtpTransportSettings,
    SourceSettings,
    StoreSettings,
    TransportSettings,
)
from mailroom.firm_settings import STRICT, Firm, PathSetting, Vacancy
from mailroom.loopback import loopback_address
from parse import PdfEngine, engine_missing

__all__ = [
    "DigestSettings",
    "FileTransportSettings",
    "Firm",
    "ImapSourceSettings",
    "LimitSettings",
    "LoggingSettings",
    "MaildirSourceSettings",
    "MboxSourceSettings",
    "MetricsSettings",
    "PrivacySettings",
    "ServiceSettings",
    "Settings",
    "SmtpTransportSettings",
    "SourceSettings",
    "StoreSettings",
    "TemplateSettings",
    "TransportSettings",
    "Vacancy",
]


class LimitSettings(BaseModel):
    """Hard limits that keep hostile mail from costing more than a reason code."""

    model_config = STRICT

    max_message_bytes: int = Field(default=50 * 1024 * 1024, ge=1024)
    max_attempts: int = Field(default=3, ge=1)
    # A failed message waits this long before its next attempt, doubling with
    # each failure up to the cap, so a passing fault is not hammered every cycle.
    retry_backoff_seconds: int = Field(default=60, ge=1)
    retry_backoff_max_seconds: int = Field(default=3600, ge=1)
    pdf_workers: int = Field(default=2, ge=1, le=16)
    pdf_cpu_seconds: int = Field(default=20, ge=1)
    pdf_memory_mb: int = Field(default=1024, ge=128)
    pdf_wall_seconds: float = Field(default=60.0, gt=0)
    pdf_max_pages: int = Field(default=200, ge=1)
    pdf_max_mb: int = Field(default=30, ge=1)
    # The library the PDF workers read with: pypdf, or the faster PDFium.
    pdf_engine: PdfEngine = "pypdf"
    # More automatic replies than this to one address within 24 hours are held back.
    replies_per_address_per_day: int = Field(default=3, ge=1)

    @field_validator("pdf_engine")
    @classmethod
    def _engine_installed(cls, engine: PdfEngine) -> PdfEngine:
        """Refuse at start an engine whose library is missing, not at the first PDF."""
        missing = engine_missing(engine)
        if missing:
            raise ValueError(f"the {engine} engine {missing}")
        return engine


class PrivacySettings(BaseModel):
    model_config = STRICT

    # Salt for the audit log's address hashes and the tombstones of erased mail;
    # made at first start. Instances sharing a database must share this file.
    salt_file: PathSetting = Path("var/audit-salt")


class TemplateSettings(BaseModel):
    model_config = STRICT

    directory: PathSetting = Path("config/templates")


class DigestSettings(BaseModel):
    """The recruiters' morning digest; no recipients means no digest at all."""

    model_config = STRICT

    recipients: list[EmailStr] = Field(default_factory=list)
    # Local time (the firm's zone) from which the day's digest may go.
    time: TimeOfDay = TimeOfDay(8, 0)
    language: Literal["nl", "en"] = "nl"
    # The committee overview (xlsx) goes along only when every recipient is
    # inside the firm's own domains.
    attach_overview: bool = False


class MetricsSettings(BaseModel):
    """The Prometheus endpoint of the daemon; no address means none is opened."""

    model_config = STRICT

    # host:port on this machine only (see mailroom.loopback); empty is off.
    address: str = ""

    @field_validator("address")
    @classmethod
    def _loopback(cls, address: str) -> str:
        if address:
            loopback_address(address)
        return address


class StatusSettings(BaseModel):
    """What `mailroom status` calls unhealthy beyond a source down, an overdue
    question or a failed message."""

    model_config = STRICT

    # A reply due longer than this should have gone with the outbox drain.
    reply_overdue_minutes: int = Field(default=15, ge=1)


class LoggingSettings(BaseModel):
    """How log lines look and how much `run` says; other commands warn only."""

    model_config = STRICT

    # "text" for people, "logfmt" or "json" for a log collector.
    format: Literal["text", "logfmt", "json"] = "text"
    level: Literal["debug", "info", "warning", "error", "critical"] = "info"


class ServiceSettings(BaseModel):
    """How `mailroom run` behaves as a long-running service (docs/architecture.md §8)."""

    model_config = STRICT

    # After SIGTERM or SIGINT the message in hand is finished, then mailroom
    # exits; whatever is still running after this long is left for the next start.
    shutdown_seconds: float = Field(default=45.0, gt=0, le=600)
    # Due replies are sent right after each poll, and looked for this often
    # besides (retries that fall due, replies planned by a correction).
    send_interval_seconds: int = Field(default=30, ge=1)
    # How often the Sent folders are read for people's answers to questions.
    question_check_minutes: int = Field(default=60, ge=1)
    # Local time (the firm's zone) of the daily retention purge; it also runs at start.
    retention_time: TimeOfDay = TimeOfDay(3, 0)
    # IMAP IDLE is ended and issued again this often; RFC 2177 lets a server
    # drop a client idle for 29 minutes, so this must stay well below that.
    idle_renew_seconds: int = Field(default=20 * 60, ge=5, le=28 * 60)
    # The longest pause between attempts to re-open a dropped IDLE connection.
    reconnect_max_seconds: int = Field(default=300, ge=1)
    # Under systemd's watchdog: when a job has made no progress for this long,
    # the watchdog is no longer fed and systemd restarts the service.
    stall_seconds: int = Field(default=900, ge=60)
    # How `status` and the metrics' `instance` label name this instance when
    # several share one PostgreSQL database; empty: the host name.
    instance_name: str = Field(default="", max_length=100, pattern=r"^[A-Za-z0-9._:@-]*$")


class Settings(BaseSettings):
    """The whole configuration; see `config/mailroom.toml` for every key."""

    model_config = SettingsConfigDict(
        env_prefix="MAILROOM_",
        env_nested_delimiter="__",
        extra="forbid",
        frozen=True,
        strict=True,
    )

    firm: Firm
    poll_interval_seconds: int = Field(default=60, ge=5)
    store: StoreSettings = StoreSettings()
    sources: list[SourceSettings] = Field(min_length=1)
    transport: TransportSettings = FileTransportSettings()
    templates: TemplateSettings = TemplateSettings()
    privacy: PrivacySettings = PrivacySettings()
    limits: LimitSettings = LimitSettings()
    digest: DigestSettings = DigestSettings()
    metrics: MetricsSettings = MetricsSettings()
    status: StatusSettings = StatusSettings()
    logging: LoggingSettings = LoggingSettings()
    service: ServiceSettings = ServiceSettings()
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

    def template_folders(self, vacancy: Vacancy) -> list[Path]:
        """The vacancy's own template folder first, then the default one."""
        return [d for d in (vacancy.templates_dir, self.templates.directory) if d is not None]

    @field_validator("vacancies")
    @classmethod
    def _unique_slugs(cls, vacancies: list[Vacancy]) -> list[Vacancy]:
        slugs = [v.slug for v in vacancies]
        duplicates = sorted({s for s in slugs if slugs.count(s) > 1})
        if duplicates:
            raise ValueError(f"slug used twice: {', '.join(duplicates)}; give each vacancy its own")
        return vacancies
