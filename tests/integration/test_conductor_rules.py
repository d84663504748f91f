"""How the conductor treats oversized mail, replies to our replies and staff forwards."""

import dataclasses
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from ingest import MaildirSource
from mailroom.app import App, build_app, prepare_database
from mailroom.clock import fixed_clock
from mailroom.cycle import run_cycle
from mailroom.settings import Settings
from store.models import Applicant, Blob, InboundMessage, OutboxReply

from ..mailbuilder import CV, LETTER
from ..support import MX, TEST_NOW

CET = timezone(timedelta(hours=1))
ARRIVED = datetime(2025, 12, 22, 10, 0, tzinfo=CET)


def _mail(sender: str, subject: str, body: str, **headers: str) -> EmailMessage:
    message = EmailMessage()
    message["Received"] = f"from mail.example.nl by mx1.chassesearch.nl; {format_datetime(ARRIVED)}"
    message["From"] = sender
    message["To"] = "info@chassesearch.nl"
    message["Subject"] = subject
    message["Message-ID"] = f"<{abs(hash((sender, subject)))}@example.nl>"
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message


def _with_pdfs(message: EmailMessage) -> EmailMessage:
    message.add_attachment(LETTER, "application", "pdf", filename="Motivatiebrief.pdf")
    message.add_attachment(CV, "application", "pdf", filename="CV.pdf")
    return message


def _run(app: App, tmp: Path, *messages: EmailMessage | bytes) -> None:
    for folder in ("cur", "new"):
        (tmp / "box" / folder).mkdir(parents=True, exist_ok=True)
    for n, message in enumerate(messages):
        raw = message if isinstance(message, bytes) else message.as_bytes()
        (tmp / "box" / "new" / f"{n}.{datetime.now().timestamp()}.mx1").write_bytes(raw)
    run_cycle(dataclasses.replace(app, sources=(MaildirSource("box", tmp / "box", (MX,)),)))


def test_oversized_message_keeps_headers_and_asks_for_a_smaller_one(
    settings: Settings, isolated_env: Path
) -> None:
    limits = settings.limits.model_copy(update={"max_message_bytes": 2048})
    small = settings.model_copy(update={"limits": limits})
    message = _with_pdfs(_mail("Anna <anna@example.nl>", "Sollicitatie", "Bijgaand mijn stukken."))
    with build_app(small, fixed_clock(TEST_NOW)) as app:
        prepare_database(app)
        _run(app, isolated_env, message)
        with app.db.transaction() as session:
            [row] = session.query(InboundMessage).all()
            stored = session.get_one(Blob, row.sha256).data
            assert (row.verdict, row.reasons) == ("invalid", ["too_large"])
            assert row.size < 2048 < len(message.as_bytes())
            assert stored.startswith(b"Received:") and b"%PDF" not in stored
            [reply] = session.query(OutboxReply).all()
            assert reply.kind == "resubmit_request" and reply.status == "sent"


def test_a_question_in_reply_to_our_reply_waits_for_a_human(app: App, isolated_env: Path) -> None:
    _run(app, isolated_env, _mail("Bram <bram@example.nl>", "Vraag", "Wat is de salarisschaal?"))
    with app.db.transaction() as session:
        [ack] = session.query(OutboxReply).all()
    answer = _mail(
        "Bram <bram@example.nl>",
        "Re: Wij hebben uw vraag ontvangen",
        "Dank! En is parttime mogelijk? Ik wil graag solliciteren.",
        In_Reply_To=ack.rfc_message_id,
        References=ack.rfc_message_id,
    )
    _run(app, isolated_env, answer)
    with app.db.transaction() as session:
        follow_up = session.query(InboundMessage).order_by(InboundMessage.id).all()[-1]
        assert follow_up.verdict == "question" and "reply_to_our_reply" in follow_up.flags
        assert session.query(OutboxReply).count() == 1


def test_staff_forward_is_judged_on_the_applicant_and_answered_by_nobody(
    app: App, isolated_env: Path
) -> None:
    original = _with_pdfs(_mail("Carla Jansen <carla@example.nl>", "Sollicitatie", "Zie bijlagen."))
    forward = _mail(
        "Inge <inge@chassesearch.nl>", "Fwd: Sollicitatie", "Zie hieronder, kwam bij mij binnen."
    )
    forward.add_attachment(original)
    _run(app, isolated_env, forward)
    with app.db.transaction() as session:
        [row] = session.query(InboundMessage).all()
        assert row.verdict == "valid" and "forwarded_by_staff" in row.flags
        assert session.get_one(Applicant, row.applicant_id).address == "carla@example.nl"
        assert session.query(OutboxReply).count() == 0


def _bounce_of(rfc_message_id: str, recipient: str) -> bytes:
    """A Postfix-style delivery status notification, written out as it arrives."""
    return (
        f"Received: from mx.example.nl by mx1.chassesearch.nl; {format_datetime(ARRIVED)}\r\n"
        "From: MAILER-DAEMON@mx.example.nl\r\nTo: info@chassesearch.nl\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"\r\n\r\n'
        "--b\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
        "--b\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.example.nl\r\n\r\n"
        f"Final-Recipient: rfc822; {recipient}\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
        "--b\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        f"Message-ID: {rfc_message_id}\r\nFrom: info@chassesearch.nl\r\n\r\n--b--\r\n"
    ).encode()


def test_a_bounce_of_our_reply_marks_it_bounced(app: App, isolated_env: Path) -> None:
    _run(app, isolated_env, _mail("Dirk <dirk@example.nl>", "Vraag", "Wanneer sluit de termijn?"))
    with app.db.transaction() as session:
        [ack] = session.query(OutboxReply).all()
        assert ack.status == "sent"
    _run(app, isolated_env, _bounce_of(ack.rfc_message_id, "dirk@example.nl"))
    with app.db.transaction() as session:
        [ack] = session.query(OutboxReply).all()
        bounce = session.query(InboundMessage).order_by(InboundMessage.id).all()[-1]
        assert bounce.verdict == "automated"
        assert (ack.status, ack.reason) == ("bounced", "5.1.1 dirk@example.nl")
