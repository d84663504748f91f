"""Text and page count of a PDF with pypdf, the default engine.

Every failure becomes a reason code on the result (`encrypted`,
`unreadable`) rather than an exception, so one bad file costs one reason.
`read_text` is also where the other engine (parse.pdfium) turns what it
read into a `PdfText`, so both normalise, flag and cut text alike.
"""

import logging
import unicodedata
from io import BytesIO

from pypdf import PasswordType, PdfReader

from parse.analysis import Flag, PdfText, Reason

log = logging.getLogger("mailroom.parse")

# A CV holds a few thousand characters; a PDF that shows millions is not one,
# and its text is cut here rather than stored and indexed whole.
MAX_TEXT_CHARS = 1_000_000


def read_pdf(data: bytes, max_pages: int) -> PdfText:
    """Extract normalised text from at most `max_pages` pages."""
    try:
        reader = PdfReader(BytesIO(data), strict=False)
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            return PdfText(problem=Reason.ENCRYPTED)
        pages = len(reader.pages)
        if pages == 0:
            return PdfText(problem=Reason.UNREADABLE)  # nothing to read, nothing to show
        text = "\n".join(page.extract_text() or "" for page in reader.pages[:max_pages])
        title, author = _metadata(reader)
    except Exception as exc:
        if "password" in str(exc).lower() or "decrypt" in str(exc).lower():
            return PdfText(problem=Reason.ENCRYPTED)
        log.info("pdf unreadable: %s", type(exc).__name__)
        return PdfText(problem=Reason.UNREADABLE)
    return read_text(pages, text, title, author)


def read_text(pages: int, text: str, title: object, author: object) -> PdfText:
    """The result for a PDF that opened: normalised text, flagged when empty or cut."""
    normalised = normalise_text(text)
    flags: tuple[Flag, ...] = () if normalised else (Flag.NO_TEXT,)
    if len(normalised) > MAX_TEXT_CHARS:
        normalised, flags = normalised[:MAX_TEXT_CHARS], (Flag.TEXT_TRUNCATED,)
    return PdfText(pages, normalised, None, flags, _short(title), _short(author))


def _metadata(reader: PdfReader) -> tuple[object, object]:
    """Title and author as the PDF states them (shown to recruiters, never trusted)."""
    try:
        info = reader.metadata
    except Exception:  # a damaged info dictionary must not cost the text
        return None, None
    if info is None:
        return None, None
    return info.title, info.author


def _short(value: object) -> str | None:
    text = " ".join(str(value).split())[:500] if value else ""
    return text or None


def normalise_text(text: str) -> str:
    """NFC with runs of blank space tidied, so stored text compares and reads well."""
    lines = (" ".join(line.split()) for line in unicodedata.normalize("NFC", text).splitlines())
    return "\n".join(line for line in lines if line)
