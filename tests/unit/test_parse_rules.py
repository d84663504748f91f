"""The verdict table of DESIGN §5, one rule at a time, on messages built here.

Messages are built with the helpers in `tests/mailbuilder.py`.
"""

from datetime import UTC, datetime, timedelta

import pytest

from parse import ParseContext, Verdict

from ..mailbuilder import (
    CLOSES,
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
        subject="Afwezig", body="Ik ben er maandag weer.", sender=sender, headers=headers
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
