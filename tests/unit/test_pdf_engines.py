"""Both PDF engines give the same `PdfText` for the same situations.

Read in this process (the sandbox's limits are tests/integration's concern):
text and metadata, the owner-password-only PDF that still reads, the user
password that makes it `encrypted`, the scan without text, the page cap and
the broken file. The sample inbox's PDFs yield the same words either way.
"""

import sys
from io import BytesIO

import pytest
from fpdf import FPDF

from parse import PdfEngine, PdfText
from parse.engines import engine_missing, engine_reader

from .. import pdfbuilder as build
from ..mailbuilder import pdf
from ..pdfbuilder import ENGINES, GOOD, PHRASE
from ..support import EXAMPLE_INBOX

MAX_PAGES = 200


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> PdfEngine:
    engine: PdfEngine = request.param
    return engine


def read(engine: PdfEngine, data: bytes, max_pages: int = MAX_PAGES) -> PdfText:
    return engine_reader(engine)(data, max_pages)


def described(title: str, author: str) -> bytes:
    document = FPDF()
    document.set_title(title)
    document.set_author(author)
    document.add_page()
    document.set_font("helvetica", size=12)
    document.cell(text="Curriculum vitae")
    out = BytesIO()
    document.output(out)
    return out.getvalue()


def test_text_pages_and_no_flags(engine: PdfEngine) -> None:
    result = read(engine, GOOD)
    assert (result.problem, result.pages, result.flags) == (None, 1, ())
    assert result.text == f"Dear committee,\n{PHRASE}"


def test_title_and_author_as_the_pdf_states_them(engine: PdfEngine) -> None:
    result = read(engine, described("  CV   Sanne de Vries ", "Sanne de Vries"))
    assert (result.title, result.author) == ("CV Sanne de Vries", "Sanne de Vries")


def test_no_metadata_is_none(engine: PdfEngine) -> None:
    result = read(engine, build.padded(2000))
    assert (result.title, result.author) == (None, None)


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_a_user_password_makes_it_encrypted(engine: PdfEngine, algorithm: str) -> None:
    locked = build.encrypted(GOOD, "geheim", "eigenaar", algorithm)
    assert read(engine, locked) == PdfText(problem="encrypted")  # type: ignore[arg-type]


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_only_an_owner_password_still_reads(engine: PdfEngine, algorithm: str) -> None:
    result = read(engine, build.encrypted(GOOD, "", "eigenaar", algorithm))
    assert (result.problem, result.pages, result.text) == (None, 1, f"Dear committee,\n{PHRASE}")


def test_a_scan_without_text_is_flagged(engine: PdfEngine) -> None:
    result = read(engine, pdf())
    assert (result.problem, result.pages, result.text, result.flags) == (None, 1, "", ("no_text",))


def test_pages_past_the_cap_are_counted_not_read(engine: PdfEngine) -> None:
    result = read(engine, build.many_pages(30, labelled=30), max_pages=3)
    assert (result.pages, result.text) == (30, "Page 1.\nPage 2.\nPage 3.")


@pytest.mark.parametrize("data", [b"", b"%PDF-1.7\n", b"not a pdf at all", GOOD[: len(GOOD) // 3]])
def test_a_broken_file_is_unreadable(engine: PdfEngine, data: bytes) -> None:
    assert read(engine, data) == PdfText(problem="unreadable")  # type: ignore[arg-type]


def test_the_sample_inboxs_pdfs_give_the_same_words() -> None:
    documents = [pdf for _, pdfs in build.attached_pdfs(EXAMPLE_INBOX) for pdf in pdfs]
    assert len(documents) >= 10
    for data in documents:
        pypdf, pdfium = read("pypdf", data), read("pdfium", data)
        assert pypdf.text.split() == pdfium.text.split()
        assert (pypdf.pages, pypdf.problem, pypdf.flags) == (pdfium.pages, None, ())
        assert (pypdf.title, pypdf.author) == (pdfium.title, pdfium.author)


def test_a_missing_library_names_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    assert engine_missing("pdfium") is None  # installed for the tests
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    assert engine_missing("pdfium") == (
        "needs pypdfium2; install it with `pip install 'mailroom[pdfium]'`"
    )
