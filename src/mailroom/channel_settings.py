"""Settings for how mail comes in and goes out: the store, sources and transports."""

from datetime import date
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, Field, model_validator

from mailroom.firm_settings import STRICT, PathSetting
from mailroom.secrets import Secret


class StoreSettings(BaseModel):
    model_config = STRICT

    url: str = "sqlite:///var/mailroom.db"


class MaildirSourceSettings(BaseModel):
    """A local Maildir, read only. `trusted_received_by` names the hosts (".domain"
    for all of a domain's) whose `Received:` lines date a message's arrival;
    without them the delivery time of the file counts."""

    model_config = STRICT

    kind: Literal["maildir"]
    name: str
    path: PathSetting
    trusted_received_by: list[str] = []


class MboxSourceSettings(BaseModel):
    """A local mbox file, read only; `trusted_received_by` as for a Maildir, else
    the date on each message's `From ` line counts."""

    model_config = STRICT

    kind: Literal["mbox"]
    name: str
    path: PathSetting
    trusted_received_by: list[str] = []


class ImapSourceSettings(BaseModel):
    """An IMAP account. `security`: "tls" (port 993), "starttls" (143), or
    "plain" (loopback tests only). Give `password` or `oauth2_token`.
    `sent_folder` is where people's own replies are filed: a question is
    answered once a person's reply to it shows up there."""

    model_config = STRICT

    kind: Literal["imap"]
    name: str
    host: str
    port: int | None = Field(default=None, ge=1, le=65535)
    security: Literal["tls", "starttls", "plain"] = "tls"
    ca_file: PathSetting | None = None
    username: str
    password: Secret | None = None
    oauth2_token: Secret | None = None
    folders: list[str] = Field(default=["INBOX"], min_length=1)
    start_after: dict[str, date | int] = {}
    processed: Literal["move", "flag"] = "move"
    processed_folder: str = "Processed/{verdict}"
    processed_flag: str = "$MailroomHandled"
    sent_folder: str | None = None
    batch_size: int = Field(default=50, ge=1, le=1000)
    timeout_seconds: float = Field(default=60.0, gt=0)
    connect_attempts: int = Field(default=3, ge=1)
    # Wait in IMAP IDLE on the first folder between polls, where the server offers it.
    idle: bool = True

    @model_validator(mode="after")
    def _one_way_to_log_in(self) -> "ImapSourceSettings":
        if (self.password is None) == (self.oauth2_token is None):
            raise ValueError("give exactly one of password or oauth2_token")
        unknown = set(self.start_after) - set(self.folders)
        if unknown:
            raise ValueError(f"start_after names folders not in `folders`: {sorted(unknown)}")
        if self.sent_folder in self.folders:
            raise ValueError("sent_folder is read for replies only; keep it out of `folders`")
        return self


SourceSettings = Annotated[
    MaildirSourceSettings | MboxSourceSettings | ImapSourceSettings, Field(discriminator="kind")
]


class FileTransportSettings(BaseModel):
    """Replies as .eml files in a folder: the embedded default, and for trials."""

    model_config = STRICT

    kind: Literal["file"] = "file"
    directory: PathSetting = Path("var/outbox")
    per_minute: int = Field(default=600, ge=1)
    max_attempts: int = Field(default=8, ge=1)


class SmtpTransportSettings(BaseModel):
    """An SMTP relay. `security`: "starttls" (587), "tls" (465), or "plain"
    (loopback tests only). `per_minute` is the relay's send limit."""

    model_config = STRICT

    kind: Literal["smtp"]
    host: str
    port: int | None = Field(default=None, ge=1, le=65535)
    security: Literal["tls", "starttls", "plain"] = "starttls"
    ca_file: PathSetting | None = None
    username: str | None = None
    password: Secret | None = None
    timeout_seconds: float = Field(default=30.0, gt=0)
    per_minute: int = Field(default=30, ge=1)
    max_attempts: int = Field(default=8, ge=1)
    first_retry_seconds: int = Field(default=60, ge=1)
    longest_retry_seconds: int = Field(default=3600, ge=1)
    # The Sent folder of this IMAP source's account: where recruiters see what
    # was sent, and where a reply in doubt after a crash is looked for.
    sent_copy_source: str | None = None
    sent_copy_folder: str = "Sent"
    # "mailroom" files each reply there itself; "relay" when the relay already
    # does (Microsoft 365, Google), so it is not filed twice.
    sent_copy_by: Literal["mailroom", "relay"] = "mailroom"

    @model_validator(mode="after")
    def _login_is_complete(self) -> "SmtpTransportSettings":
        if (self.username is None) != (self.password is None):
            raise ValueError("give both username and password, or neither")
        return self


TransportSettings = Annotated[
    FileTransportSettings | SmtpTransportSettings, Field(discriminator="kind")
]
