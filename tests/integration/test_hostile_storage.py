"""Real messages whose text a database may refuse, through a whole cycle on both engines.

A scanned PDF whose title ends in a NUL byte, an applicant with an
internationalised address (RFC 6532), raw 8-bit headers in no declared
charset, and a file name longer than its column: every decision is stored
the same way on SQLite and PostgreSQL, and nothing is filed as failed.
"""

import dataclasses
from collections.abc import Iterator
from email.message import EmailMessage
from email.policy import SMTPUTF8
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from ingest import MaildirSource
from mailroom.app import App
from mailroom.cycle import run_cycle
from mailroom.settings import Settings
from store.models import Applicant, Document, InboundMessage, OutboxReply

from ..mailbuilder import CV, LETTER
from ..store_fixtures import ENGINES, app_on_engine
from ..support import MX

RECEIVED = "from mail.example.nl by mx1.chassesearch.nl; Mon, 22 Dec 2025 10:00:00 +0100"


@pytest.fixture(params=ENGINES)
def engine_app(request: pytest.FixtureRequest, settings: Settings) -> Iterator[App]:
    with app_on_engine(request.param, settings) as app:
        yield app


def _titled(pdf: bytes, title: str) -> bytes:
    """The same PDF with its document title replaced, as a scanner might write it."""
    writer = PdfWriter(clone_from=PdfReader(BytesIO(pdf)))
    writer.add_metadata({"/Title": title})
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _application(sender: str, letter: bytes, cv_name: str = "CV.pdf") -> EmailMessage:
    message = EmailMessage(policy=SMTPUTF8)
    message["Received"] = RECEIVED
    message["From"] = sender
    message["To"] = "info@chassesearch.nl"
    message["Subject"] = "Sollicitatie"
    message.set_content("Hierbij mijn sollicitatie.")
    message.add_attachment(letter, "application", "pdf", filename="Motivatiebrief.pdf")
    message.add_attachment(CV, "application", "pdf", filename=cv_name)
    return message


def _run(app: App, tmp: Path, *messages: bytes) -> None:
    box = tmp / "box"
    for folder in ("cur", "new", "tmp"):
        (box / folder).mkdir(parents=True, exist_ok=True)
    for n, raw in enumerate(messages):
        (box / "new" / f"1766394000.{n}.mx1").write_bytes(raw)
    run_cycle(dataclasses.replace(app, sources=(MaildirSource("box", box, (MX,)),)))


def test_hostile_text_is_stored_alike_on_both_engines(engine_app: App, tmp_path: Path) -> None:
    scanned = _application("Sanne <sanne@example.nl>", _titled(LETTER, "Scan 2025-12-20\x00"))
    international = _application("Jürgen Müller <jürgen@müller.example>", LETTER)
    long_name = _application("Piet <piet@example.nl>", LETTER, cv_name="CV " + "é" * 600 + ".pdf")
    raw_8bit = (
        _application("Anna <anna@example.nl>", LETTER)
        .as_bytes()
        .replace(b"From: Anna", b"From: Ann\xe9 \xff\xfe")  # Latin-1 and junk, no charset
    )
    _run(
        engine_app,
        tmp_path,
        scanned.as_bytes(),
        international.as_bytes(),
        long_name.as_bytes(),
        raw_8bit,
    )

    with engine_app.db.transaction() as session:
        messages = session.query(InboundMessage).order_by(InboundMessage.id).all()
        assert [(m.status, m.verdict) for m in messages] == [("processed", "valid")] * 4
        titles = [d.title for d in session.query(Document).all()]
        assert "Scan 2025-12-20" in titles
        assert all("\x00" not in (title or "") for title in titles)
        names = {a.address: a.display_name for a in session.query(Applicant).all()}
        assert names["jürgen@müller.example"] == "Jürgen Müller"
        assert names["anna@example.nl"] == "Anné ÿþ"
        filenames = [d.filename for d in session.query(Document).all()]
        assert max(len(name) for name in filenames) == 500
        statuses = [r.status for r in session.query(OutboxReply).all()]
        assert statuses == ["sent"] * 4
