"""Settings and mail for tests that point mailroom at the test Dovecot."""

from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from ingest import ImapServer
from ingest.received import arrival_time
from mailroom.secrets import Secret
from mailroom.settings import ImapSourceSettings, Settings

from .dovecot import Dovecot
from .support import EXAMPLE_CONFIG, EXAMPLE_INBOX

CET = timezone(timedelta(hours=1))
IN_WINDOW = datetime(2025, 12, 22, 10, 0, tzinfo=CET)


def imap_settings(settings: Settings, dovecot: Dovecot, tmp: Path, **source: Any) -> Settings:
    """The example configuration reading the test account instead of the sample Maildir."""
    password_file = tmp / "imap-password"
    password_file.write_text(dovecot.password + "\n")
    values: dict[str, Any] = {
        "kind": "imap",
        "name": "chasse",
        "host": dovecot.host,
        "port": dovecot.imap_port,
        "security": "starttls",
        "ca_file": dovecot.ca_file,
        "username": dovecot.user,
        "password": Secret(file=password_file),
        "connect_attempts": 1,
        "timeout_seconds": 10,
    }
    values.update(source)
    return settings.model_copy(update={"sources": [ImapSourceSettings(**values)]})


def imap_server(dovecot: Dovecot) -> ImapServer:
    """The test account as ingest connects to it, trying once."""
    return ImapServer(
        host=dovecot.host,
        port=dovecot.imap_port,
        security="starttls",
        username=dovecot.user,
        password=lambda: dovecot.password,
        ca_file=dovecot.ca_file,
        attempts=1,
    )


def imap_config_file(
    dovecot: Dovecot, tmp: Path, source_extra: str = "", until: str = "[transport]"
) -> Path:
    """The example config file with its sample Maildir swapped for the test account
    (an `[[sources]]` table named "chasse", plus `source_extra` lines), for tests
    that run mailroom as a process. The example's text from `[[sources]]` up to
    the `until` section is replaced, so a caller may put its own sections there."""
    (tmp / "imap-password").write_text(dovecot.password)
    source = f"""[[sources]]
kind = "imap"
name = "chasse"
host = "{dovecot.host}"
port = {dovecot.imap_port}
security = "starttls"
ca_file = "{dovecot.ca_file}"
username = "{dovecot.user}"
password = {{ file = "{tmp / "imap-password"}" }}
{source_extra}"""
    text = EXAMPLE_CONFIG.read_text(encoding="utf-8")
    start = text.index("\n[[sources]]") + 1
    end = text.index(f"\n{until}") + 1
    path = tmp / "mailroom.toml"
    path.write_text(text[:start] + source + "\n" + text[end:], encoding="utf-8")
    return path


def question(number: int, arrived: datetime = IN_WINDOW) -> bytes:
    """A short Dutch question from a distinct sender."""
    message = EmailMessage()
    message["From"] = f"Vrager {number} <vrager{number}@example.nl>"
    message["To"] = "info@chassesearch.nl"
    message["Subject"] = f"Vraag {number} over de vacature"
    message["Date"] = format_datetime(arrived)
    message["Message-ID"] = f"<vraag.{number}@example.nl>"
    message.set_content(f"Is de functie ook in deeltijd te vervullen? (vraag {number})")
    return message.as_bytes()


def examples() -> list[tuple[str, bytes]]:
    """The sample inbox's messages by case id."""
    paths = sorted(EXAMPLE_INBOX.glob("*/*"))
    return [(p.name.split(".")[1], p.read_bytes()) for p in paths]


def append_examples(dovecot: Dovecot, arrival: datetime = IN_WINDOW) -> dict[str, int]:
    """Append the samples to INBOX with their own Received time as INTERNALDATE."""
    return {
        case: dovecot.append("INBOX", raw, arrival_time(raw, ("mx1.chassesearch.nl",)) or arrival)
        for case, raw in examples()
    }
