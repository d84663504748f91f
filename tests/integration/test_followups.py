"""Follow-ups: a second complete application supersedes, an incomplete one supplements."""

import dataclasses
from datetime import datetime, timedelta, timezone
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from email.utils import format_datetime
from pathlib import Path

from ingest import MaildirSource
from mailroom.app import App
from mailroom.cycle import run_cycle
from store.models import InboundMessage, OutboxReply, Submission

from ..support import EXAMPLE_INBOX, MX

CET = timezone(timedelta(hours=1))
SANNE = "Sanne de Vries <sanne.devries@example.nl>"


def _pdfs_of(case_id: str) -> list[tuple[str, bytes]]:
    [path] = EXAMPLE_INBOX.glob(f"*/*.{case_id}.*")
    message = message_from_bytes(path.read_bytes(), policy=default)
    assert isinstance(message, EmailMessage)
    return [(str(p.get_filename()), p.get_content()) for p in message.iter_attachments()]


def _mail(subject: str, arrived: datetime, attachments: list[tuple[str, bytes]]) -> bytes:
    message = EmailMessage()
    message["Received"] = f"from mail.example.nl by mx1.chassesearch.nl; {format_datetime(arrived)}"
    message["From"] = SANNE
    message["To"] = "info@chassesearch.nl"
    message["Subject"] = subject
    message["Message-ID"] = f"<{arrived.timestamp():.0f}@example.nl>"
    message.set_content("Hierbij nog een aanvulling op mijn sollicitatie.")
    for name, data in attachments:
        message.add_attachment(data, "application", "pdf", filename=name)
    return message.as_bytes()


def _inbox(tmp: Path, mails: list[bytes]) -> MaildirSource:
    for folder in ("cur", "new"):
        (tmp / "box" / folder).mkdir(parents=True, exist_ok=True)
    for n, raw in enumerate(mails):
        (tmp / "box" / "cur" / f"{n}.mx1:2,S").write_bytes(raw)
    return MaildirSource("followups", tmp / "box", (MX,))


def test_incomplete_follow_up_is_a_supplement_without_a_resubmit_request(
    app: App, isolated_env: Path
) -> None:
    both = _pdfs_of("01-valid-nl")
    source = _inbox(
        isolated_env,
        [
            _mail("Sollicitatie", datetime(2025, 12, 20, 10, 0, tzinfo=CET), both),
            _mail("Aanvulling sollicitatie", datetime(2025, 12, 21, 10, 0, tzinfo=CET), both[:1]),
            _mail("Nieuwe versie sollicitatie", datetime(2025, 12, 22, 10, 0, tzinfo=CET), both),
        ],
    )

    report = run_cycle(dataclasses.replace(app, sources=(source,)))

    assert report.verdicts == {"valid": 2, "invalid": 1}
    assert report.delivery.delivered == 2  # two confirmations, no resubmit request
    with app.db.transaction() as session:
        first, supplement, second = session.query(Submission).order_by(Submission.arrived_at).all()
        assert (first.superseded_by_id, second.superseded_by_id) == (second.id, None)
        assert supplement.supplement_of_id == first.id and not supplement.complete
        flagged = session.get_one(InboundMessage, supplement.message_id)
        assert "supplement" in flagged.flags
        kinds = sorted(k for (k,) in session.query(OutboxReply.kind).all())
        assert kinds == ["confirmation", "confirmation"]
