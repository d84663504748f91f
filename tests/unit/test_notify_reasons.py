"""Every reason the parser can give has plain Dutch and English words for the committee."""

import pytest

from notify.reasons import Language, reason_text, reasons_text
from parse import Reason
from parse.machines import MachineKind

from .test_corpus import EXPECTED, analysed


def test_the_corpus_gives_only_reasons_of_the_vocabulary() -> None:
    """The types say so; this shows it holds for real mail, and that the corpus
    exercises most of the vocabulary."""
    given = [reason for name in EXPECTED for reason in analysed(name).reasons]
    assert all(type(reason) is Reason for reason in given)
    assert len(set(given)) >= 15


def test_every_machine_kind_is_a_reason() -> None:
    assert {Reason(kind) for kind in MachineKind} <= set(Reason)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("reason", list(Reason))
def test_every_reason_has_words(reason: Reason, language: Language) -> None:
    assert reason_text(reason, language) != reason.value


def test_the_two_languages_differ_and_keep_the_codes_order() -> None:
    codes = (Reason.ONE_PDF, Reason.WORD_DOCUMENT)
    assert reasons_text(codes, "nl") == (
        "maar één pdf-bestand ontvangen (brief en cv nodig); Word-bestand in plaats van pdf"
    )
    assert reasons_text(codes, "en") == (
        "only one PDF file received (letter and CV needed); Word document instead of PDF"
    )
    assert all(reason_text(r, "nl") != reason_text(r, "en") for r in Reason)


def test_a_stored_code_reads_like_its_reason_and_an_unknown_one_as_itself() -> None:
    assert reason_text("no_pdf", "en") == reason_text(Reason.NO_PDF, "en")
    assert reason_text("some_old_code", "nl") == "some_old_code"
    assert reasons_text(("no_pdf", "some_old_code"), "en") == "no PDF file received; some_old_code"
    assert reasons_text((), "nl") == ""
