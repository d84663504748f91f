"""The verdict table of docs/architecture.md §5, one rule at a time, on messages built here.

Messages are built with the helpers in `tests/mailbuilder.py`.
"""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from parse import FileKind, ParseContext, Verdict, analyse

from ..mailbuilder import (
    CLOSES,
    LETTER,
    OPENS,
    QUESTION,
    TWO_PDFS,
    attach,
    context,
    judge,
    mail,
    vacancy,
)


@pytest.mark.parametrize(
    ("headers", "sender", "kind"),
    [
        ({"Auto-Submitted": "auto-replied"}, "sanne@example.nl", "auto_reply"),
        ({"List-Id": "<nieuws.example.org>"}, "nieuws@example.org", "bulk"),
        ({"Precedence": "bulk"}, "nieuws@example.org", "bulk"),
        ({}, "MAILER-DAEMON@mx.example.org", "bounce"),
    ],
)
def test_machine_mail_without_documents_is_automated(
    headers: dict[str, str], sender: str, kind: str
) -> None:
    message = mail(
        subject="Nieuws van deze week",
        body="Ik ben er maandag weer.",
        sender=sender,
        headers=headers,
    )
    analysis = judge(message)
    assert (analysis.verdict, analysis.reasons) == (Verdict.AUTOMATED, (kind,))


def test_delivery_report_is_automated() -> None:
    message = mail(subject="Undelivered Mail", body="Delivery failed.", sender="mx@example.org")
    attach(message, None, b"Message-ID: <r.1@chassesearch.nl>\n", "text/rfc822-headers")
    message.set_type("multipart/report")
    analysis = judge(message)
    assert (analysis.verdict, analysis.reasons) == (Verdict.AUTOMATED, ("bounce",))


def test_auto_reply_header_on_an_application_with_two_pdfs_is_not_automated() -> None:
    message = mail(*TWO_PDFS, headers={"Auto-Submitted": "auto-replied"})
    assert judge(message).verdict is Verdict.VALID


@pytest.mark.parametrize(
    "ctx",
    [
        context(vacancy("a"), vacancy("b", OPENS + timedelta(days=3))),
        context(vacancy(), at=OPENS - timedelta(seconds=1)),
    ],
    ids=["two-open-vacancies", "before-any-window"],
)
def test_no_single_fitting_vacancy_is_unrouted(ctx: ParseContext) -> None:
    analysis = judge(mail(*TWO_PDFS), ctx)
    assert (analysis.verdict, analysis.reasons, analysis.vacancy) == (
        Verdict.UNROUTED,
        ("no_vacancy",),
        None,
    )


@pytest.mark.parametrize(
    "ctx",
    [
        context(vacancy("a"), vacancy("b", OPENS + timedelta(days=3))),
        context(vacancy("a"), vacancy("b"), at=OPENS - timedelta(seconds=1)),
    ],
    ids=["two-open-vacancies", "before-any-window"],
)
def test_a_recruiters_routing_overrides_the_rules(ctx: ParseContext) -> None:
    routed = judge(mail(*TWO_PDFS, subject="Sollicitatie a"), replace(ctx, routed_to="b"))
    assert (routed.verdict, routed.vacancy) == (Verdict.VALID, "b")


@pytest.mark.parametrize(
    ("arrived_at", "verdict"),
    [
        (CLOSES, Verdict.VALID),
        (CLOSES + timedelta(seconds=1), Verdict.LATE),
        (datetime(2026, 1, 6, 22, 59, 59, tzinfo=UTC), Verdict.VALID),
        (datetime(2026, 1, 6, 23, 0, 0, tzinfo=UTC), Verdict.LATE),
    ],
)
def test_closing_instant_is_inclusive(arrived_at: datetime, verdict: Verdict) -> None:
    analysis = judge(mail(*TWO_PDFS), context(at=arrived_at))
    assert analysis.verdict is verdict
    assert analysis.reasons == (("after_closing",) if verdict is Verdict.LATE else ())


def test_question_after_closing_is_still_a_question() -> None:
    analysis = judge(mail(**QUESTION), context(at=CLOSES + timedelta(days=1)))
    assert analysis.verdict is Verdict.QUESTION


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Hierbij mijn sollicitatie", ""),
        ("Vacature beleidsadviseur", "Hierbij mijn sollicitatie."),
        ("Application", "Please find my application attached."),
    ],
)
def test_application_without_attachment_is_invalid_not_a_question(subject: str, body: str) -> None:
    analysis = judge(mail(subject=subject, body=body))
    assert (analysis.verdict, analysis.reasons) == (Verdict.INVALID, ("no_pdf",))


def test_plain_question_is_a_question() -> None:
    analysis = judge(mail(**QUESTION))
    assert (analysis.verdict, analysis.reasons, analysis.vacancy) == (
        Verdict.QUESTION,
        (),
        "ipo-bij12",
    )


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Sollicitatie \u2013 kan ik mijn cv later sturen?", ""),
        (
            "Sollicitatie",
            "Mag ik mijn cv ook als Word-bestand sturen?\n\nMet vriendelijke groet,\nJan",
        ),
        ("Application", "Could I send my CV next week? ¿"),
        ("Sollicitatie", "Ik wil graag solliciteren. Kan dat nog\uff1f"),  # full-width
    ],
)
def test_asking_about_applying_without_documents_is_a_question(subject: str, body: str) -> None:
    analysis = judge(mail(subject=subject, body=body))
    assert (analysis.verdict, analysis.reasons) == (Verdict.QUESTION, ())


@pytest.mark.parametrize(
    "body",
    [
        "Hierbij mijn sollicitatie, zie https://example.nl/cv?id=12&v=2",
        "Hierbij mijn sollicitatie.\n\nMet vriendelijke groet,\nJan\n\nVragen? Bel 06-12345678",
        "Hierbij mijn sollicitatie.\n-- \nJan | Heeft u dit bericht per abuis ontvangen?",
        "Hierbij mijn sollicitatie.\n\nOp ma 5 jan schreef Chasse:\n> Heeft u nog vragen?",
        "Hierbij mijn sollicitatie.\n> Kunt u uw cv sturen?",
    ],
)
def test_a_question_mark_outside_the_senders_own_words_asks_nothing(body: str) -> None:
    """Links, signatures, disclaimers and quoted text are someone else's words."""
    analysis = judge(mail(subject="Sollicitatie", body=body))
    assert (analysis.verdict, analysis.reasons) == (Verdict.INVALID, ("no_pdf",))


def test_a_question_with_the_documents_attached_is_an_application() -> None:
    analysis = judge(mail(*TWO_PDFS, subject="Sollicitatie", body="Is dit zo goed?"))
    assert analysis.verdict is Verdict.VALID


def test_a_part_the_parser_could_not_open_is_not_a_document() -> None:
    """A multipart without its boundary, or one with nothing in it, is no attachment."""
    raw = (
        b"Received: from a by mx1.chassesearch.nl; Mon, 05 Jan 2026 10:00:00 +0100\n"
        b"From: Lijst <leden@lists.example.org>\nTo: info@chassesearch.nl\nSubject: Notulen\n"
        b"List-Id: <leden.lists.example.org>\nContent-Type: multipart/mixed; boundary=B\n\n"
        b"--B\nContent-Type: text/plain\n\nDe notulen.\n"
        b"--B\nContent-Type: multipart/alternative\n\nno boundary here\n"
        b"--B\nContent-Type: multipart/related; boundary=C\n\n"
        b"--B--\n"
    )
    analysis = analyse(raw, context())
    assert (analysis.verdict, analysis.reasons, analysis.attachments) == (
        Verdict.AUTOMATED,
        ("bulk",),
        (),
    )


def test_an_unopened_part_whose_bytes_are_a_pdf_is_a_document() -> None:
    raw = (
        b"From: Sanne <sanne@example.nl>\nTo: info@chassesearch.nl\nSubject: Sollicitatie\n"
        b"Content-Type: multipart/mixed; boundary=B\n\n"
        b"--B\nContent-Type: text/plain\n\nHierbij.\n"
        b"--B\nContent-Type: multipart/related\n\n" + LETTER + b"\n--B--\n"
    )
    analysis = analyse(raw, context())
    assert [a.kind for a in analysis.attachments] == [FileKind.PDF]


@pytest.mark.parametrize(
    ("sender", "address"),
    [
        ("someone@company.example <do-not-reply@other.example>", "do-not-reply@other.example"),
        ('"someone@company.example" <jan@example.nl>', "jan@example.nl"),
        ("=?utf-8?q?Jan_=3Cjan=40evil=2Eexample=3E=2C?= <jan@example.nl>", "jan@example.nl"),
    ],
)
def test_the_sender_is_the_address_in_angle_brackets(sender: str, address: str) -> None:
    """Written into the bytes as is: the email package would rewrite the header."""
    raw = mail(*TWO_PDFS, sender="placeholder@example.nl").as_bytes()
    raw = raw.replace(b"From: placeholder@example.nl", f"From: {sender}".encode())
    analysis = analyse(raw, context())
    assert analysis.sender is not None and analysis.sender.address == address
    assert "display_name_address" in analysis.flags
