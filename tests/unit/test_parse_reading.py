"""Routing, letter/CV roles, language, and input that must not make `analyse` raise."""

from datetime import datetime, timedelta

import pytest

from parse import Analysis, Verdict, analyse

from ..mailbuilder import (
    CLOSES,
    CV,
    LETTER,
    ON_TIME,
    TWO_PDFS,
    context,
    judge,
    mail,
    pdf,
    vacancy,
)

IPO_ADDRESS = "info+ipo@chassesearch.nl"


@pytest.mark.parametrize(
    ("at", "verdict"),
    [(ON_TIME, Verdict.VALID), (CLOSES + timedelta(days=1), Verdict.LATE)],
    ids=["on-time", "after-closing"],
)
def test_recipient_rule_wins_over_time_windows(at: datetime, verdict: Verdict) -> None:
    """The other vacancy is open at both instants: without the rule, ambiguous or "other"."""
    ctx = context(
        vacancy("other", closes=CLOSES + timedelta(days=30)),
        vacancy(addresses=[IPO_ADDRESS]),
        at=at,
    )
    analysis = judge(mail(*TWO_PDFS, to="Sollicitaties <Info+IPO@ChasseSearch.nl>"), ctx)
    assert (analysis.vacancy, analysis.verdict) == ("ipo-bij12", verdict)


def test_subject_keyword_rule_chooses_the_vacancy() -> None:
    ctx = context(vacancy("other"), vacancy(keywords=("IPO-BIJ12",)))
    analysis = judge(mail(*TWO_PDFS, subject="Sollicitatie ipo-bij12"), ctx)
    assert (analysis.vacancy, analysis.verdict) == ("ipo-bij12", Verdict.VALID)


def test_ambiguous_rules_route_nowhere() -> None:
    ctx = context(vacancy("other", keywords=("adviseur",)), vacancy(addresses=[IPO_ADDRESS]))
    analysis = judge(mail(*TWO_PDFS, subject="Sollicitatie adviseur", to=IPO_ADDRESS), ctx)
    assert (analysis.vacancy, analysis.verdict) == (None, Verdict.UNROUTED)


def _roles(analysis: Analysis) -> list[tuple[str | None, str | None]]:
    return [(a.role, a.role_cue) for a in analysis.attachments]


def test_roles_from_file_names() -> None:
    analysis = judge(mail(("Motivatiebrief Sanne.pdf", CV), ("CV Sanne.pdf", LETTER)))
    assert _roles(analysis) == [("letter", "name: motivatie"), ("cv", "name: cv")]


def test_roles_from_text() -> None:
    analysis = judge(mail(("document1.pdf", LETTER), ("document2.pdf", CV)))
    assert _roles(analysis) == [("letter", "text: geachte"), ("cv", "text: werkervaring")]


@pytest.mark.parametrize(
    ("known", "expected"),
    [
        (LETTER, [("letter", "text: geachte"), ("cv", "elimination")]),
        (CV, [("cv", "text: werkervaring"), ("letter", "elimination")]),
    ],
    ids=["letter-known", "cv-known"],
)
def test_roles_by_elimination(known: bytes, expected: list[tuple[str, str]]) -> None:
    unknown = pdf("Sanne de Vries", "Utrecht, 5 januari 2026")
    analysis = judge(mail(("scan1.pdf", known), ("scan2.pdf", unknown)))
    assert _roles(analysis) == expected


@pytest.mark.parametrize(
    ("subject", "body", "language"),
    [
        ("Question", "Dear team, could you tell me about the role? Kind regards", "en"),
        ("Vraag", "Beste team, ik heb een vraag over de functie. Met vriendelijke groet", "nl"),
    ],
)
def test_language_of_subject_and_text(subject: str, body: str, language: str) -> None:
    assert judge(mail(subject=subject, body=body)).language == language


_ATTACHED_BASE64 = (
    b"From: a@example.nl\r\nSubject: Sollicitatie\r\n"
    b"Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n"
    b"Content-Type: application/pdf\r\nContent-Disposition: attachment; filename=cv.pdf\r\n"
    b"Content-Transfer-Encoding: base64\r\n\r\n!!!not*base64===\r\nJVBERi0x\r\n--x--\r\n"
)
_TEXT = b"Content-Type: text/plain; charset=%s\r\n\r\nvraag \xff\xfe \x00\r\n"


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"From: a@example.nl\r\nSubject: alleen kopregels\r\n",
        b'From: "unterminated <<@@>>, ,;:\r\nSubject: x\r\n\r\nbody\r\n',
        b"From: =?utf-8?b?!!!?= <@>\r\n\r\nbody\r\n",
        b"From: a@example.nl\r\n" + _TEXT % b'"x-unknown"',
        b"From: a@example.nl\r\nContent-Transfer-Encoding: base64\r\n\r\n!!not*base64=\r\n",
        _ATTACHED_BASE64,
    ],
    ids=[
        "empty",
        "headers-only",
        "bad-from",
        "bad-from-2047",
        "x-unknown",
        "bad-b64",
        "bad-b64-pdf",
    ],
)
def test_hostile_input_still_yields_an_analysis(raw: bytes) -> None:
    assert isinstance(analyse(raw, context()), Analysis)


@pytest.mark.parametrize("charset", [b"idna", b"punycode", b'"utf-8\x00"'])
def test_exotic_charset_names_never_raise(charset: bytes) -> None:
    assert isinstance(analyse(b"From: a@example.nl\r\n" + _TEXT % charset, context()), Analysis)


def test_deeply_nested_multipart_is_read_as_headers_and_flagged() -> None:
    levels = b"".join(
        b"--b%d\r\nContent-Type: multipart/mixed; boundary=b%d\r\n\r\n" % (i, i + 1)
        for i in range(1500)
    )
    head = b"From: a@example.nl\r\nSubject: Sollicitatie\r\n"
    raw = head + b"Content-Type: multipart/mixed; boundary=b0\r\n\r\n" + levels
    analysis = analyse(raw, context())
    assert "malformed" in analysis.flags
    assert analysis.sender is not None and analysis.sender.address == "a@example.nl"
    assert (analysis.verdict, analysis.reasons) == (Verdict.INVALID, ("unparsable_message",))
