"""Machine signals one at a time: each alone holds the reply back, by its own name."""

import dataclasses

import pytest

from parse import Verdict, analyse
from parse.machines import MachineKind, machine_family

from ..mailbuilder import TWO_PDFS, context, judge, mail

NEWS = {"subject": "Nieuws van deze week", "body": "Lees het laatste nieuws."}


@pytest.mark.parametrize(
    ("headers", "signal", "kind"),
    [
        ({"Auto-Submitted": "auto-replied"}, "auto_submitted", "auto_reply"),
        ({"Auto-Submitted": "auto-generated"}, "auto_submitted", "auto_generated"),
        ({"Auto-Submitted": "auto-notified"}, "auto_submitted", "auto_generated"),
        ({"Auto-Submitted": "auto-replied (vacation)"}, "auto_submitted", "auto_reply"),
        ({"X-Autoreply": "yes"}, "autoreply_header", "auto_reply"),
        ({"X-Autorespond": "Bedankt"}, "autoreply_header", "auto_reply"),
        ({"List-Id": "<nieuws.example.org>"}, "list_headers", "bulk"),
        ({"List-Unsubscribe": "<https://example.org/u>"}, "list_headers", "bulk"),
        ({"List-Post": "<mailto:leden@example.org>"}, "list_headers", "bulk"),
        ({"Precedence": "bulk"}, "precedence", "bulk"),
        ({"Precedence": "junk"}, "precedence", "bulk"),
        ({"Precedence": "list"}, "precedence", "bulk"),
        ({"Precedence": "auto_reply"}, "precedence", "auto_reply"),
        ({"Feedback-ID": "1.eu-west-1.abc:AmazonSES"}, "bulk_sender", "bulk"),
        ({"X-Cron-Env": "<SHELL=/bin/sh>"}, "cron_job", "auto_generated"),
        ({"X-Spam-Flag": "YES"}, "spam_flag", "bulk"),
        ({"X-Spam-Status": "Yes, score=9.1 required=5.0"}, "spam_flag", "bulk"),
        ({"X-MS-Exchange-Organization-SCL": "6"}, "spam_flag", "bulk"),
        ({"Return-Path": "<>"}, "null_return_path", "auto_generated"),
        (
            {"Return-Path": "<bounces+8842=example.org@mailer.example>"},
            "machine_return_path",
            "auto_generated",
        ),
        ({"Return-Path": "<leden-bounces@lists.example.org>"}, "machine_return_path", "bulk"),
        ({"Sender": "owner-leden@lists.example.org"}, "machine_sender_header", "bulk"),
        ({"X-Failed-Recipients": "jan@example.nl"}, "delivery_report", "bounce"),
        ({"Reply-To": "noreply <noreply@notify.example>"}, "machine_reply_to", "auto_generated"),
        ({"X-Mailing-List": "linux-kernel@vger.example"}, "list_headers", "bulk"),
        ({"Errors-To": "leden-owner@lists.example.org"}, "list_headers", "bulk"),
    ],
)
def test_each_signal_alone_makes_mail_without_documents_automated(
    headers: dict[str, str], signal: str, kind: str
) -> None:
    analysis = judge(mail(**NEWS, headers=headers))
    assert analysis.machine_signals[0] == signal
    assert (analysis.verdict, analysis.reasons) == (Verdict.AUTOMATED, (kind,))


@pytest.mark.parametrize(
    "headers",
    [
        {"Auto-Submitted": "auto-generated"},
        {"List-Unsubscribe": "<https://jobboard.example/u>"},
        {"X-Auto-Response-Suppress": "All"},
        {"Return-Path": "<>"},
    ],
)
def test_an_application_from_a_machine_keeps_its_verdict(headers: dict[str, str]) -> None:
    """Only the reply is held back (by the policy, with the first signal's name)."""
    analysis = judge(mail(*TWO_PDFS, headers=headers))
    assert analysis.verdict is Verdict.VALID and analysis.machine_signals


@pytest.mark.parametrize(
    ("headers", "signals"),
    [
        ({"X-Auto-Response-Suppress": "All"}, ("auto_response_suppress",)),
        ({"X-Auto-Response-Suppress": "OOF, AutoReply"}, ("auto_response_suppress",)),
        ({"X-Auto-Response-Suppress": "DR, RN, NRN"}, ()),  # asks about receipts only
        ({"Auto-Submitted": "no"}, ()),
        ({"Auto-Submitted": "no (written by hand)"}, ()),
        ({"Precedence": "first-class"}, ()),
        ({"X-Spam-Status": "No, score=-1.2"}, ()),
        ({"X-MS-Exchange-Organization-SCL": "-1"}, ()),
    ],
)
def test_a_person_asking_for_no_auto_reply_still_has_a_question(
    headers: dict[str, str], signals: tuple[str, ...]
) -> None:
    """X-Auto-Response-Suppress holds our reply back, but Exchange writes it on mail
    people send too: the message stays a question for a recruiter."""
    analysis = judge(mail(subject="Vraag", body="Tot wanneer kan ik reageren?", headers=headers))
    assert (analysis.verdict, analysis.machine_signals) == (Verdict.QUESTION, signals)


@pytest.mark.parametrize(
    "subject",
    [
        "Automatisch antwoord: Vraag",
        "Automatic reply: Your application",
        "AUTO: Jan Jansen is out of the office (returning 05-01-2026)",
        "Auto reply: Re: sollicitatie",
        "Autoreply",
        "Out of Office: vacature",
        "Abwesenheitsnotiz: Bewerbung",
        "Automatische Antwort: Ihre Nachricht",
        "Réponse automatique : candidature",
        "Afwezig tot 5 januari",
    ],
)
def test_auto_reply_subjects_in_four_languages(subject: str) -> None:
    analysis = judge(mail(subject=subject, body="Ik ben afwezig."))
    assert analysis.machine_signals == ("auto_reply_subject",)
    assert analysis.reasons == ("auto_reply",)


def test_a_person_who_is_away_and_asks_is_not_an_auto_reply() -> None:
    analysis = judge(mail(subject="Afwezig op 8 januari, kan het gesprek later?", body="Graag."))
    assert (analysis.verdict, analysis.machine_signals) == (Verdict.QUESTION, ())


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("MAILER-DAEMON@mx.example.org", MachineKind.BOUNCE),
        ("postmaster@example.org", MachineKind.BOUNCE),
        ("post_master@example.org", MachineKind.BOUNCE),
        ("leden-request@lists.example.org", MachineKind.BULK),
        ("owner-leden@lists.example.org", MachineKind.BULK),
        ("list+owner@example.org", MachineKind.BULK),
        ("leden-bounces+jan=example.nl@lists.example.org", MachineKind.BULK),
        ("LISTSERV@lists.example.org", MachineKind.BULK),
        ("majordomo@example.org", MachineKind.BULK),
        ("gmail-noreply@google.example", MachineKind.AUTO_GENERATED),
        ("newsalerts-noreply@google.example", MachineKind.AUTO_GENERATED),
        ("no_reply@example.org", MachineKind.AUTO_GENERATED),
        ("do-not-reply@example.org", MachineKind.AUTO_GENERATED),
        ("donotreply@example.org", MachineKind.AUTO_GENERATED),
        ("daemon@example.org", MachineKind.AUTO_GENERATED),
        ("bounce-mc.us5_1234.56@mail.example", MachineKind.AUTO_GENERATED),
        ("msprvs1=19191=bounces-1234@example.org", MachineKind.AUTO_GENERATED),
        ("notification+meynbxsa@social.example", MachineKind.AUTO_GENERATED),
        ("notifications@code.example", MachineKind.AUTO_GENERATED),
        ("www-data@web.example", MachineKind.AUTO_GENERATED),
        ("jan.jansen@example.nl", None),
        ("bruno.reply@example.nl", None),
        ("noreplyer.fan@example.nl", None),
        ("daemonne@example.nl", None),
        ("owner@example.nl", None),
        ("bouncer@example.nl", None),
        ("info@example.nl", None),
    ],
)
def test_machine_local_parts_by_family(address: str, kind: MachineKind | None) -> None:
    assert machine_family(address) is kind


def test_bounce_detectors_never_read_a_persons_question() -> None:
    """One detector takes any line with ", someone@example.com," for a failure."""
    body = "Kunt u mij bereiken op, jan.devries@example.nl, of telefonisch?"
    analysis = judge(mail(subject="Vraag", body=body))
    assert (analysis.verdict, analysis.machine_signals) == (Verdict.QUESTION, ())


def test_a_plain_text_bounce_from_a_mail_system_is_recognised() -> None:
    """A qmail bounce: no report part, no header saying so; the detectors read it."""
    body = (
        "Hi. This is the qmail-send program at mail.example.net.\n"
        "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
        "This is a permanent error; I've given up. Sorry it didn't work out.\n\n"
        "<jan@example.net>:\nSorry, no mailbox here by that name. (#5.1.1)\n\n"
        "--- Below this line is a copy of the message.\n\n"
        "Message-ID: <reply.7@chassesearch.nl>\nSubject: Ontvangstbevestiging\n"
    )
    raw = mail(subject="failure notice", body=body, sender="qmail <mailer@mail.example.net>")
    analysis = analyse(
        raw.as_bytes().replace(b"Subject: failure notice", b"Subject: re"), context()
    )
    assert (analysis.reasons, analysis.machine_signals) == (("bounce",), ("delivery_report",))
    assert analysis.bounced_message_ids == ("<reply.7@chassesearch.nl>",)


OURS = dataclasses.replace(context(), own_domains=frozenset({"chassesearch.nl"}))


@pytest.mark.parametrize(
    ("headers", "addressed"),
    [
        ({"To": "info@chassesearch.nl"}, True),
        ({"To": "Sollicitaties: info+ipo@chassesearch.nl;"}, True),
        ({"To": "jan@example.nl", "Cc": "Chasse <info@chassesearch.nl>"}, True),
        ({"To": "jan@example.nl", "Resent-To": "m.jansen@chassesearch.nl"}, True),
        ({"To": "undisclosed-recipients:;"}, False),
        ({"To": "kalinokyra@thismail.example"}, False),
        ({"To": '"info@chassesearch.nl" <someone@example.org>'}, False),
        ({}, False),
    ],
)
def test_mail_not_written_to_us_gets_no_reply_but_stays_a_question(
    headers: dict[str, str], addressed: bool
) -> None:
    """RFC 5230 §4.5: no automatic answer unless our address is among the recipients."""
    message = mail(subject="Vraag", body="Tot wanneer kan ik reageren?", to="")
    del message["To"]
    for name, value in headers.items():
        message[name] = value
    analysis = analyse(message.as_bytes(), OURS)
    assert analysis.verdict is Verdict.QUESTION
    assert analysis.machine_signals == (() if addressed else ("not_addressed_to_us",))


def test_without_own_domains_nobody_is_a_stranger() -> None:
    analysis = judge(mail(subject="Vraag", body="Tot wanneer?", to="jan@example.nl"))
    assert analysis.machine_signals == ()
