"""Text and page count of a PDF with PDFium (pypdfium2), the faster engine.

The same contract as `parse.pdf.read_pdf`: a `PdfText` for every input, with
`encrypted` or `unreadable` instead of an exception. PDFium is native code,
so what it cannot survive (running out of the worker's address space, a
crash) ends the worker process instead, and the sandbox turns that into
`unreadable` with `pdf_worker_died`. PDFium compiles nothing at run time,
so it needs no writable-and-executable memory.
"""

import logging

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from parse.analysis import PdfText, Reason
from parse.pdf import read_text

log = logging.getLogger("mailroom.parse")


def read_pdf(data: bytes, max_pages: int) -> PdfText:
    """Extract normalised text from at most `max_pages` pages.

    A PDF with only an owner password opens (PDFium tries the empty user
    password), as it does with pypdf; one that needs a user password is
    `encrypted`.
    """
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_raw.FPDF_ERR_PASSWORD:
            return PdfText(problem=Reason.ENCRYPTED)
        log.info("pdf unreadable: PDFium error %s", exc.err_code)
        return PdfText(problem=Reason.UNREADABLE)
    try:
        pages = len(document)
        if pages == 0:
            return PdfText(problem=Reason.UNREADABLE)  # nothing to read, nothing to show
        text = "\n".join(_page_text(document, index) for index in range(min(pages, max_pages)))
        metadata = document.get_metadata_dict(skip_empty=True)
    except pdfium.PdfiumError as exc:
        log.info("pdf unreadable: PDFium error %s", exc.err_code)
        return PdfText(problem=Reason.UNREADABLE)
    finally:
        document.close()
    return read_text(pages, text, metadata.get("Title"), metadata.get("Author"))


def _page_text(document: pdfium.PdfDocument, index: int) -> str:
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            return str(textpage.get_text_bounded())
        finally:
            textpage.close()
    finally:
        page.close()
