"""A store holding every kind of item the recruiters' digest lists, built by the pipeline.

The example inbox gives valid, invalid, late, question, machine and bounce
mail; a second Maildir adds an unrouted application, a resubmission after
an invalid one, and an application whose sender asks for no automatic answer
(its reply is held back). One confirmation is then marked bounced and one
stored message failed, through the store's own functions.
"""

import dataclasses
from datetime import UTC, datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import store
from ingest import MaildirSource
from mailroom.app import App
from mailroom.cycle import run_cycle
from store.models import OutboxReply

from .mailbuilder import CV, LETTER
from .support import EXAMPLE_INBOX, MX, TEST_NOW

CET = timezone(timedelta(hours=1))
# Everything in the fixture arrived in this period; the digest is read at its end.
SINCE = datetime(2025, 12, 1, tzinfo=UTC)
UNTIL = datetime(2026, 1, 8, 7, 30, tzinfo=UTC)
JOELLE = "=?utf-8?q?Jo=C3=ABlle?= van Dijk <joelle.vandijk@example.nl>"


def _mail(
    sender: str,
    subject: str,
    arrived: datetime,
    *,
    pdfs: bool = True,
    headers: dict[str, str] | None = None,
) -> bytes:
    message = EmailMessage()
    message["Received"] = f"from mail.example.nl by {MX}; {format_datetime(arrived)}"
    message["From"] = sender
    message["To"] = "info@chassesearch.nl"
    message["Subject"] = subject
    message["Message-ID"] = f"<{arrived.timestamp():.0f}.{len(subject)}@example.nl>"
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content("Hierbij mijn sollicitatie.")
    if pdfs:
        message.add_attachment(LETTER, "application", "pdf", filename="Motivatiebrief.pdf")
        message.add_attachment(CV, "application", "pdf", filename="CV.pdf")
    return message.as_bytes()


EXTRA = [
    # Before the vacancy opened: no vacancy can be chosen.
    _mail(
        "Bram Visser <bram@example.nl>",
        "Open sollicitatie",
        datetime(2025, 12, 10, 9, 0, tzinfo=CET),
    ),
    # Joëlle sent one PDF on 20 December; this is her complete resubmission.
    _mail(JOELLE, "Sollicitatie, nu compleet", datetime(2025, 12, 23, 9, 0, tzinfo=CET)),
    _mail(
        "Evi Smit <evi@example.nl>",
        "Sollicitatie",
        datetime(2025, 12, 24, 9, 0, tzinfo=CET),
        headers={"X-Auto-Response-Suppress": "All"},
    ),
]


def _maildir(folder: Path, mails: list[bytes]) -> MaildirSource:
    for sub in ("cur", "new", "tmp"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    for n, raw in enumerate(mails):
        (folder / "cur" / f"{n}.mx1:2,S").write_bytes(raw)
    return MaildirSource("extra", folder, (MX,))


def fill_store(app: App, tmp_path: Path) -> None:
    """Every kind of digest item, through the real pipeline where it can be."""
    examples = MaildirSource("examples", EXAMPLE_INBOX, (MX,))
    run_cycle(dataclasses.replace(app, sources=(examples, _maildir(tmp_path / "extra", EXTRA))))
    with app.db.transaction() as session:
        bounced = session.query(OutboxReply).filter_by(status="sent").order_by(OutboxReply.id)
        store.mark_bounced(
            session, (bounced.first().rfc_message_id,), "550 5.1.1 no such user", TEST_NOW
        )  # type: ignore[union-attr]
        failing = store.record_inbound(
            session,
            store.MessageKey("extra"),
            b"Subject: kapot\r\n\r\n",
            datetime(2026, 1, 7, 12, 0, tzinfo=UTC),
            TEST_NOW,
        )
        store.record_failure(session, failing.id, "RuntimeError: the PDF reader stopped")
