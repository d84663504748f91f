"""Which parts are documents, what each one is, and which problems they give."""

import pytest

from parse import FileKind, Verdict, analyse

from ..mailbuilder import (
    CV,
    JPEG,
    LETTER,
    PNG,
    QUESTION,
    TWO_PDFS,
    attach,
    context,
    encrypted,
    judge,
    mail,
    pdf,
    zip_of,
)


def test_two_distinct_pdfs_are_valid() -> None:
    analysis = judge(mail(*TWO_PDFS))
    assert (analysis.verdict, analysis.reasons, analysis.flags) == (Verdict.VALID, (), ())
    assert [a.pdf.pages for a in analysis.pdfs if a.pdf] == [1, 1]


def test_scan_without_text_is_valid_and_flagged() -> None:
    analysis = judge(mail(("Motivatiebrief.pdf", LETTER), ("CV-scan.pdf", pdf())))
    assert (analysis.verdict, analysis.flags) == (Verdict.VALID, ("no_text",))


@pytest.mark.parametrize(
    ("files", "reasons"),
    [
        ((("Motivatiebrief.pdf", LETTER),), ("one_pdf",)),
        ((*TWO_PDFS, ("Diploma.pdf", pdf("Diploma"))), ("too_many_pdfs",)),
        ((("CV.pdf", CV), ("CV kopie.pdf", CV)), ("one_pdf", "duplicate_document")),
        ((("Brief.docx", zip_of(("word/document.xml", b"<w/>"))),), ("no_pdf", "word_document")),
        ((("cv.png", PNG),), ("no_pdf", "image_instead_of_pdf")),
        ((("scan.jpg", JPEG),), ("no_pdf", "image_instead_of_pdf")),
        ((("sollicitatie.zip", zip_of(("lees mij.txt", b"hallo"))),), ("no_pdf", "archive")),
        (
            (("Motivatiebrief.pdf", LETTER), ("cv.pdf", b"<html>404</html>")),
            ("one_pdf", "not_a_pdf"),
        ),
        ((("Motivatiebrief.pdf", LETTER), ("CV.pdf", encrypted(CV))), ("encrypted",)),
        (
            (("Motivatiebrief.pdf", LETTER), ("CV.pdf", b"%PDF-1.4\n\x00\xff garbage")),
            ("unreadable",),
        ),
    ],
    ids=[
        "one_pdf",
        "too_many_pdfs",
        "duplicate_document",
        "word_document",
        "png",
        "jpeg",
        "archive",
        "not_a_pdf",
        "encrypted",
        "unreadable",
    ],
)
def test_invalid_application_names_its_problems(
    files: tuple[tuple[str, bytes], ...], reasons: tuple[str, ...]
) -> None:
    analysis = judge(mail(*files))
    assert (analysis.verdict, analysis.reasons) == (Verdict.INVALID, reasons)


def test_extra_image_next_to_two_pdfs_is_flagged_not_a_reason() -> None:
    analysis = judge(mail(*TWO_PDFS, ("pasfoto.jpg", JPEG)))
    assert (analysis.verdict, analysis.reasons) == (Verdict.VALID, ())
    assert analysis.flags == ("extra_attachment",)


@pytest.mark.parametrize(
    ("filename", "kw"),
    [("image001.png", {"disposition": "inline"}), (None, {"cid": "<logo@example.nl>"})],
    ids=["disposition-inline", "content-id"],
)
def test_inline_image_is_not_a_document(filename: str | None, kw: dict[str, str]) -> None:
    message = mail(**QUESTION)
    attach(message, filename, PNG, "image/png", **kw)
    if "cid" in kw:
        del message.get_payload()[-1]["Content-Disposition"]
    analysis = judge(message)
    assert (analysis.verdict, analysis.attachments) == (Verdict.QUESTION, ())


@pytest.mark.parametrize(
    ("filename", "content_type"),
    [
        ("smime.p7s", "application/octet-stream"),
        ("handtekening", "application/pkcs7-signature"),
        ("uitnodiging.ics", "application/octet-stream"),
        ("uitnodiging", "text/calendar"),
    ],
)
def test_signature_and_calendar_parts_are_not_documents(filename: str, content_type: str) -> None:
    message = mail(**QUESTION)
    attach(message, filename, b"not a document", content_type)
    analysis = judge(message)
    assert (analysis.verdict, analysis.attachments) == (Verdict.QUESTION, ())


def test_pdf_is_recognised_by_content_not_by_name_or_declared_type() -> None:
    analysis = judge(mail(("Motivatiebrief.pdf", LETTER), ("CV", CV)))
    cv = analysis.attachments[1]
    assert (cv.filename, cv.content_type, cv.kind) == (
        "CV",
        "application/octet-stream",
        FileKind.PDF,
    )
    assert analysis.verdict is Verdict.VALID


@pytest.mark.parametrize(
    "filename",
    ["Motivatiebrief Zoë.pdf", "Motivatiebrief Zoë van den Heuvel-Ĳsselstein, februari 2026.pdf"],
    ids=["short", "continued"],
)
def test_rfc2231_file_names_are_decoded(filename: str) -> None:
    raw = mail((filename, LETTER), ("CV.pdf", CV)).as_bytes()
    assert b"filename*" in raw
    assert analyse(raw, context()).attachments[0].filename == filename


def test_stored_zips_of_pdfs_are_archives_not_pdfs() -> None:
    files = [(f"{name}.zip", zip_of((f"{name}.pdf", data), stored=True)) for name, data in TWO_PDFS]
    analysis = judge(mail(*files))
    assert analysis.verdict is Verdict.INVALID
    assert "archive" in analysis.reasons
