"""Small named checks on a message's documents; each yields reason codes.

A check returns the problems it sees (possibly none) and never raises; the
verdict rules collect all of them so the resubmit reply can name every one.
"""

from collections import Counter
from collections.abc import Callable

from parse.analysis import Attachment, FileKind
from parse.filetype import is_named_pdf

DocumentCheck = Callable[[tuple[Attachment, ...]], tuple[str, ...]]

_INSTEAD_OF_PDF = {
    FileKind.WORD: "word_document",
    FileKind.IMAGE: "image_instead_of_pdf",
    FileKind.ARCHIVE: "archive",
}


def distinct_pdfs(attachments: tuple[Attachment, ...]) -> tuple[Attachment, ...]:
    """PDFs counted once per content, whatever their names."""
    seen: dict[str, Attachment] = {}
    for attachment in attachments:
        if attachment.kind is FileKind.PDF:
            seen.setdefault(attachment.sha256, attachment)
    return tuple(seen.values())


def pdf_count(attachments: tuple[Attachment, ...]) -> tuple[str, ...]:
    """Exactly two distinct PDFs: the letter and the CV."""
    count = len(distinct_pdfs(attachments))
    if count == 0:
        return ("no_pdf",)
    if count == 1:
        return ("one_pdf",)
    return ("too_many_pdfs",) if count > 2 else ()


def duplicate_document(attachments: tuple[Attachment, ...]) -> tuple[str, ...]:
    """The same bytes attached twice (often the CV sent as both files)."""
    counts = Counter(a.sha256 for a in attachments if a.kind is FileKind.PDF)
    return ("duplicate_document",) if any(n > 1 for n in counts.values()) else ()


def named_pdf_but_not(attachments: tuple[Attachment, ...]) -> tuple[str, ...]:
    """Called `.pdf` but the bytes are something else."""
    fake = any(is_named_pdf(a.filename) and a.kind is not FileKind.PDF for a in attachments)
    return ("not_a_pdf",) if fake else ()


def wrong_file_type(attachments: tuple[Attachment, ...]) -> tuple[str, ...]:
    """Word files, images or archives sent instead of the two PDFs.

    Next to two good PDFs such files are extras (flagged, not a reason).
    """
    if not pdf_count(attachments):
        return ()
    found = {_INSTEAD_OF_PDF[a.kind] for a in attachments if a.kind in _INSTEAD_OF_PDF}
    return tuple(sorted(found))


def unreadable_pdf(attachments: tuple[Attachment, ...]) -> tuple[str, ...]:
    """PDFs that are encrypted or too damaged to read."""
    problems = {a.pdf.problem for a in attachments if a.pdf and a.pdf.problem}
    return tuple(sorted(problems))


DOCUMENT_CHECKS: tuple[DocumentCheck, ...] = (
    pdf_count,
    duplicate_document,
    named_pdf_but_not,
    wrong_file_type,
    unreadable_pdf,
)


def document_problems(attachments: tuple[Attachment, ...]) -> tuple[str, ...]:
    """All reason codes, in check order, each once."""
    reasons: list[str] = []
    for check in DOCUMENT_CHECKS:
        reasons.extend(r for r in check(attachments) if r not in reasons)
    return tuple(reasons)


def document_flags(attachments: tuple[Attachment, ...]) -> tuple[str, ...]:
    """Noteworthy but harmless: scans without text, extra files beside the PDFs."""
    flags = [flag for a in attachments if a.pdf for flag in a.pdf.flags]
    if any(a.kind is not FileKind.PDF for a in attachments) and not pdf_count(attachments):
        flags.append("extra_attachment")
    return tuple(dict.fromkeys(flags))
