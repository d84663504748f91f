"""Every example message gets the verdict, reasons and language its case names."""

from collections.abc import Iterator
from types import ModuleType

import pytest

from ingest import FetchedMessage, MaildirSource
from mailroom.app import App
from parse import FileKind, Verdict, analyse

from ..support import EXAMPLE_INBOX


def _examples() -> Iterator[FetchedMessage]:
    yield from MaildirSource("example", EXAMPLE_INBOX).fetch_new()


def _case_id(message: FetchedMessage) -> str:
    return message.location.split(".")[1]


EXAMPLES = {_case_id(m): m for m in _examples()}


def test_every_case_is_in_the_inbox(make_inbox: ModuleType) -> None:
    assert {case.case_id for case in make_inbox.CASES} == set(EXAMPLES)


@pytest.mark.parametrize("case_id", sorted(EXAMPLES))
def test_example_verdict(case_id: str, make_inbox: ModuleType, app: App) -> None:
    case = next(c for c in make_inbox.CASES if c.case_id == case_id)
    message = EXAMPLES[case_id]

    analysis = analyse(message.raw, app.parse_context(message.arrived_at))

    assert analysis.verdict == Verdict(case.expected_verdict)
    if analysis.verdict is Verdict.INVALID:
        assert analysis.reasons == case.expected_reasons
    assert analysis.language == case.language
    assert analysis.vacancy == "ipo-bij12"


@pytest.mark.parametrize("case_id", sorted(EXAMPLES))
def test_pdf_phrases_survive_extraction(case_id: str, make_inbox: ModuleType, app: App) -> None:
    """Diacritics (é, ë, ï, ĳ) included: the phrase is in the extracted text."""
    case = next(c for c in make_inbox.CASES if c.case_id == case_id)
    message = EXAMPLES[case_id]

    analysis = analyse(message.raw, app.parse_context(message.arrived_at))
    texts = [a.pdf.text for a in analysis.attachments if a.kind is FileKind.PDF and a.pdf]

    assert len(texts) == len(case.pdf_phrases)
    for phrase, text in zip(case.pdf_phrases, texts, strict=True):
        assert phrase in text


def test_valid_application_shows_files_pages_and_roles(app: App) -> None:
    message = EXAMPLES["01-valid-nl"]
    analysis = analyse(message.raw, app.parse_context(message.arrived_at))
    summary = [
        (a.filename, a.pdf.pages, a.pdf.title, a.role) for a in analysis.attachments if a.pdf
    ]
    assert summary == [
        ("Motivatiebrief Sanne de Vries.pdf", 2, "Motivatiebrief Sanne de Vries", "letter"),
        ("CV Sanne de Vries.pdf", 1, "CV Sanne de Vries", "cv"),
    ]


def test_bounce_names_the_original_message_id(app: App) -> None:
    message = EXAMPLES["10-bounce"]
    analysis = analyse(message.raw, app.parse_context(message.arrived_at))
    assert analysis.bounced_message_ids == ("<reply.0001@chassesearch.nl>",)
