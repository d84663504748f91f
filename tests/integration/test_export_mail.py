"""The committee export of real mail run through the pipeline, on both engines.

The firm's own mail with two PDFs is no applicant, a staff forward is the
applicant it forwards, an application without a readable From is listed as
"sender unknown" with its PDFs, and each row carries the reference its reply
quoted.
"""

import csv
import dataclasses
import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from email.utils import format_datetime
from functools import cache
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ingest import MaildirSource
from mailroom.app import App
from mailroom.cycle import run_cycle
from mailroom.privacy import export_for_committee
from mailroom.settings import Settings

from ..mailbuilder import pdf
from ..store_fixtures import ENGINES, app_on_engine
from ..support import MX

CET = timezone(timedelta(hours=1))
SANNE = "Sanne de Vries <sanne@example.nl>"
UNKNOWN = "afzender onbekend / sender unknown"
# The same bytes each time, so what was sent can be compared with what is exported.
_pdf = cache(pdf)
FORWARD = """Zie hieronder, voor de vacature.

---------- Forwarded message ---------
Van: Piet Post <piet.post@example.nl>
Date: ma 22 dec 2025 om 09:12
Subject: Sollicitatie
To: <info@chassesearch.nl>

Hierbij mijn sollicitatie.
"""


@dataclasses.dataclass(frozen=True)
class Mail:
    """One message of the inbox: its From header (None: none at all) and files."""

    sender: str | None
    day: int
    body: str = "Hierbij mijn sollicitatie."

    def files(self) -> list[tuple[str, bytes]]:
        who = self.sender or f"anoniem {self.day}"
        return [
            (f"brief-{self.day}.pdf", _pdf(f"Motivatiebrief van {who}")),
            (f"cv-{self.day}.pdf", _pdf(f"Curriculum vitae van {who}")),
        ]

    def raw(self) -> bytes:
        arrived = datetime(2025, 12, self.day, 10, 0, tzinfo=CET)
        message = EmailMessage()
        message["Received"] = f"from mail.example.nl by {MX}; {format_datetime(arrived)}"
        if self.sender is not None:
            message["From"] = self.sender
        message["To"] = "info@chassesearch.nl"
        message["Subject"] = "Sollicitatie"
        message["Message-ID"] = f"<{self.day}@example.nl>"
        message.set_content(self.body)
        for name, data in self.files():
            message.add_attachment(data, "application", "pdf", filename=name)
        return message.as_bytes()


INBOX = (
    Mail(SANNE, 20),
    Mail("Chasse Executive Search <info@chassesearch.nl>", 21),  # the firm trying it out
    Mail("Inge Diepenhorst <inge@chassesearch.nl>", 22, FORWARD),  # forwards Piet's
    Mail(None, 23),
    Mail("Sollicitant zonder adres", 24),
)


@pytest.fixture(params=ENGINES)
def handled(
    request: pytest.FixtureRequest, settings: Settings, isolated_env: Path
) -> Iterator[App]:
    """The inbox above handled by one cycle, on the engine under test."""
    box = isolated_env / "box"
    for folder in ("cur", "new", "tmp"):
        (box / folder).mkdir(parents=True)
    for n, mail in enumerate(INBOX):
        (box / "cur" / f"{n}.mx1:2,S").write_bytes(mail.raw())
    with app_on_engine(request.param, settings) as app:
        source = MaildirSource("committee", box, (MX,))
        run_cycle(dataclasses.replace(app, sources=(source,)))
        yield app


def _reply_references(app: App) -> dict[str, str]:
    """The reference each reply's subject quotes, by recipient."""
    found = {}
    for path in Path(app.settings.transport.directory).glob("*.eml"):
        reply = message_from_bytes(path.read_bytes(), policy=default)
        match = re.search(r"IPO-\d{5}", str(reply["Subject"]))
        assert match is not None
        found[reply["To"].addresses[0].addr_spec] = match.group()
    return found


def test_export_of_real_mail(handled: App, tmp_path: Path) -> None:
    out = tmp_path / "committee"
    result = export_for_committee(handled, "ipo-bij12", out)

    sheet = load_workbook(out / "overview.xlsx").active
    assert sheet is not None
    header = [cell.value for cell in sheet[1]]
    assert header[0] == "Referentie / Reference"
    rows = [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(2, values_only=True)]
    names = [row["Naam / Name"] for row in rows]
    assert names == ["Piet Post", "Sanne de Vries", UNKNOWN, UNKNOWN]
    assert [row["E-mailadres / E-mail address"] for row in rows] == [
        "piet.post@example.nl",
        "sanne@example.nl",
        None,
        None,
    ]
    cells = [str(value) for row in rows for value in row.values()]
    assert not any("chassesearch.nl" in cell for cell in cells)
    assert result.applicants == 4 and result.documents == 8

    # The reference is the one Sanne's confirmation quoted.
    piet, sanne, no_from, bad_from = rows
    assert _reply_references(handled)["sanne@example.nl"] == sanne["Referentie / Reference"]
    assert sanne["Map / Folder"] == f"documents/{sanne['Referentie / Reference']} Sanne de Vries"
    # Typed cells: a date in Amsterdam's wall-clock time, a number, booleans.
    assert sanne["Eerste ontvangst / First received"] == datetime(2025, 12, 20, 10, 0)
    assert sanne["Pagina's / Pages"] == 2
    assert sanne["Te laat / Late"] is False
    assert sanne["Eerdere versie vervangen / Earlier version replaced"] is False
    assert (piet["Oordeel / Verdict"], piet["Signalen / Flags"]) == ("valid", "forwarded_by_staff")

    # Both unknown senders are listed in arrival order, each with its own PDFs.
    assert no_from["Eerste ontvangst / First received"] == datetime(2025, 12, 23, 10, 0)
    assert bad_from["Eerste ontvangst / First received"] == datetime(2025, 12, 24, 10, 0)
    for row, mail in ((no_from, INBOX[3]), (bad_from, INBOX[4])):
        assert row["Oordeel / Verdict"] == "valid"
        assert row["Map / Folder"] == f"documents/{row['Referentie / Reference']} afzender onbekend"
        written = {p.name: p.read_bytes() for p in (out / row["Map / Folder"]).iterdir()}
        assert written == dict(mail.files())

    with (out / "overview.csv").open(encoding="utf-8-sig", newline="") as handle:
        listed = list(csv.DictReader(handle))
    assert [row["Naam / Name"] for row in listed] == names
    assert listed[1]["Eerste ontvangst / First received"] == "2025-12-20T10:00:00+01:00"
    assert (listed[1]["Pagina's / Pages"], listed[1]["Te laat / Late"]) == ("2", "false")
    assert not any("chassesearch.nl" in value for row in listed for value in row.values())
