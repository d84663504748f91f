"""Follow-ups: a second complete application supersedes, an incomplete one supplements."""

import dataclasses
import threading
import time
from datetime import datetime, timedelta, timezone
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from email.utils import format_datetime
from pathlib import Path

from ingest import MaildirSource
from mailroom.app import App
from mailroom.cycle import run_cycle
from parse import PdfSandbox, PdfText
from store.models import InboundMessage, OutboxReply, Submission

from ..readers import InProcessJudge
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


class _SlowFirstLetter(InProcessJudge):
    """The real PDF sandbox, except that the first reading of `slow` waits, so
    the message holding it is read last; it also records how many documents
    were being read at once."""

    def __init__(self, sandbox: PdfSandbox, slow: bytes) -> None:
        self.sandbox, self.slow = sandbox, slow
        self.lock = threading.Lock()
        self.reading = self.most_at_once = 0
        self.slowed = False

    def read(self, data: bytes) -> PdfText:
        with self.lock:
            self.reading += 1
            self.most_at_once = max(self.most_at_once, self.reading)
            slow = data == self.slow and not self.slowed
            self.slowed = self.slowed or slow
        try:
            if slow:
                time.sleep(1.0)
            return self.sandbox.read(data)
        finally:
            with self.lock:
                self.reading -= 1


def test_messages_read_at_once_are_still_concluded_in_arrival_order(
    app: App, isolated_env: Path
) -> None:
    """The complete application is read slowest; the supplement that follows it
    is read first, yet must be judged after it, or it would look like a lone
    incomplete application and get a resubmit request."""
    both, other = _pdfs_of("01-valid-nl"), _pdfs_of("02-one-pdf")
    source = _inbox(
        isolated_env,
        [
            _mail("Sollicitatie", datetime(2025, 12, 20, 10, 0, tzinfo=CET), both),
            _mail("Aanvulling sollicitatie", datetime(2025, 12, 21, 10, 0, tzinfo=CET), other),
        ],
    )
    reader = _SlowFirstLetter(app.pdf, both[0][1])

    report = run_cycle(dataclasses.replace(app, sources=(source,), pdf=reader))  # type: ignore[arg-type]

    assert reader.most_at_once >= 2, "the two messages were not read at the same time"
    assert report.verdicts == {"valid": 1, "invalid": 1}
    with app.db.transaction() as session:
        first, supplement = session.query(Submission).order_by(Submission.arrived_at).all()
        assert supplement.supplement_of_id == first.id
        kinds = sorted(k for (k,) in session.query(OutboxReply.kind).all())
        assert kinds == ["confirmation"]
