"""Every reason code the parser gives has plain Dutch and English words for the committee."""

from functools import cache

import pytest

from notify.reasons import Language, reason_text, reasons_text
from parse.documents import Parcel, document_problems
from parse.machines import MachineKind

from .test_corpus import EXPECTED, analysed


@cache
def emitted() -> frozenset[str]:
    """The codes `analyse` gives the corpus's real messages (every verdict, every
    document check), plus the one only a message the MIME parser gave up on
    gets, plus every kind of machine mail."""
    seen = {reason for name in EXPECTED for reason in analysed(name).reasons}
    seen.update(document_problems(Parcel((), unparsable=True)))
    seen.update(MachineKind)
    return frozenset(seen)


def test_the_parser_gives_a_broad_set_of_codes() -> None:
    """Guards the test below against passing on a corpus that says little."""
    assert {"no_pdf", "word_document", "after_closing", "unparsable_message"} <= emitted()
    assert len(emitted()) >= 20


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_code_the_parser_gives_has_words(language: Language) -> None:
    missing = sorted(code for code in emitted() if reason_text(code, language) == code)
    assert missing == []


def test_the_two_languages_differ_and_keep_the_codes_order() -> None:
    codes = ("one_pdf", "word_document")
    assert reasons_text(codes, "nl") == (
        "maar één pdf-bestand ontvangen (brief en cv nodig); Word-bestand in plaats van pdf"
    )
    assert reasons_text(codes, "en") == (
        "only one PDF file received (letter and CV needed); Word document instead of PDF"
    )
    assert all(reason_text(c, "nl") != reason_text(c, "en") for c in emitted())


def test_an_unknown_code_is_shown_as_itself() -> None:
    assert reason_text("some_new_code", "nl") == "some_new_code"
    assert reasons_text(("no_pdf", "some_new_code"), "en") == "no PDF file received; some_new_code"
    assert reasons_text((), "nl") == ""
