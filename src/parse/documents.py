"""Small named checks on a message's documents; each yields reason codes.

A check returns the problems it sees (possibly none) and never raises; the
verdict rules collect all of them so the resubmit reply can name every one.
"""

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from parse.analysis import Attachment, FileKind, Flag, Reason
from parse.filetype import is_named_pdf

_DOWNLOAD_HOSTS = re.compile(
    r"https?://([a-z0-9-]+\.)*(wetransfer\.com|we\.tl|drive\.google\.com|docs\.google\.com|"
    r"dropbox\.com|db\.tt|onedrive\.live\.com|1drv\.ms|sharepoint\.com|icloud\.com|"
    r"mega\.nz|box\.com|filesender\.[a-z.]+|surfdrive\.surf\.nl)(/|$)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Parcel:
    """What an application-like message delivered: its files, links, and size."""

    attachments: tuple[Attachment, ...]
    links: tuple[str, ...] = ()
    too_large: bool = False
    unparsable: bool = False


DocumentCheck = Callable[[Parcel], tuple[Reason, ...]]

# What an applicant sends as a letter or CV, rightly or not. A patch, a text
# file or a spreadsheet export from a list is none of these.
APPLICATION_DOCUMENT_KINDS = frozenset(
    {FileKind.PDF, FileKind.WORD, FileKind.IMAGE, FileKind.ARCHIVE, FileKind.WINMAIL}
)


def has_application_documents(parcel: Parcel) -> bool:
    """A file that could be an application document (or one too large to see)."""
    return parcel.too_large or any(a.kind in APPLICATION_DOCUMENT_KINDS for a in parcel.attachments)


_INSTEAD_OF_PDF = {
    FileKind.WORD: Reason.WORD_DOCUMENT,
    FileKind.IMAGE: Reason.IMAGE_INSTEAD_OF_PDF,
    FileKind.ARCHIVE: Reason.ARCHIVE,
    FileKind.WINMAIL: Reason.WINMAIL_DAT,
}


def distinct_pdfs(attachments: tuple[Attachment, ...]) -> tuple[Attachment, ...]:
    """PDFs counted once per content, whatever their names."""
    seen: dict[str, Attachment] = {}
    for attachment in attachments:
        if attachment.kind is FileKind.PDF:
            seen.setdefault(attachment.sha256, attachment)
    return tuple(seen.values())


def pdf_count(parcel: Parcel) -> tuple[Reason, ...]:
    """Exactly two distinct PDFs: the letter and the CV."""
    count = len(distinct_pdfs(parcel.attachments))
    if count == 0:
        return (Reason.NO_PDF,)
    if count == 1:
        return (Reason.ONE_PDF,)
    return (Reason.TOO_MANY_PDFS,) if count > 2 else ()


def duplicate_document(parcel: Parcel) -> tuple[Reason, ...]:
    """The same bytes attached twice (often the CV sent as both files)."""
    counts = Counter(a.sha256 for a in parcel.attachments if a.kind is FileKind.PDF)
    return (Reason.DUPLICATE_DOCUMENT,) if any(n > 1 for n in counts.values()) else ()


def named_pdf_but_not(parcel: Parcel) -> tuple[Reason, ...]:
    """Called `.pdf` but the bytes are something else."""
    fake = any(is_named_pdf(a.filename) and a.kind is not FileKind.PDF for a in parcel.attachments)
    return (Reason.NOT_A_PDF,) if fake else ()


def wrong_file_type(parcel: Parcel) -> tuple[Reason, ...]:
    """Word files, images, archives or winmail.dat sent instead of the two PDFs.

    Next to two good PDFs such files are extras (flagged, not a reason).
    """
    if not pdf_count(parcel):
        return ()
    found = {_INSTEAD_OF_PDF[a.kind] for a in parcel.attachments if a.kind in _INSTEAD_OF_PDF}
    return tuple(sorted(found))


def unreadable_pdf(parcel: Parcel) -> tuple[Reason, ...]:
    """PDFs that are encrypted, too damaged to read, or beyond the reading limits."""
    problems = {a.pdf.problem for a in parcel.attachments if a.pdf and a.pdf.problem}
    return tuple(sorted(problems))


def download_link(parcel: Parcel) -> tuple[Reason, ...]:
    """A WeTransfer, Drive, Dropbox or OneDrive link where the PDFs should be."""
    if distinct_pdfs(parcel.attachments):
        return ()
    linked = any(_DOWNLOAD_HOSTS.match(unwrap_link(link)) for link in parcel.links)
    return (Reason.LINK_INSTEAD_OF_ATTACHMENT,) if linked else ()


def unwrap_link(link: str) -> str:
    """The real target of a link rewritten by a mail scanner (Microsoft Safe Links,
    Google's redirector), which would otherwise hide the download service."""
    parsed = urlsplit(link)
    host = parsed.hostname or ""
    if host.endswith("safelinks.protection.outlook.com") or (
        host.endswith("google.com") and parsed.path == "/url"
    ):
        query = parse_qs(parsed.query)
        for key in ("url", "q"):
            if query.get(key):
                return query[key][0]
    return link


def message_too_large(parcel: Parcel) -> tuple[Reason, ...]:
    """Over the size cap: only the headers were kept, so nothing else can be judged."""
    return (Reason.TOO_LARGE,) if parcel.too_large else ()


def message_unparsable(parcel: Parcel) -> tuple[Reason, ...]:
    """Built so oddly that only its headers could be read: what was attached is unknown."""
    return (Reason.UNPARSABLE_MESSAGE,) if parcel.unparsable else ()


DOCUMENT_CHECKS: tuple[DocumentCheck, ...] = (
    message_too_large,
    pdf_count,
    duplicate_document,
    named_pdf_but_not,
    wrong_file_type,
    unreadable_pdf,
    download_link,
)


def document_problems(parcel: Parcel) -> tuple[Reason, ...]:
    """All reason codes, in check order, each once; a message only partly read has
    just the one that says why."""
    if parcel.too_large or parcel.unparsable:
        return message_too_large(parcel) or message_unparsable(parcel)
    reasons: list[Reason] = []
    for check in DOCUMENT_CHECKS:
        reasons.extend(r for r in check(parcel) if r not in reasons)
    return tuple(reasons)


def document_flags(parcel: Parcel) -> tuple[Flag, ...]:
    """Noteworthy but harmless: scans without text, extra files beside the PDFs."""
    attachments = parcel.attachments
    flags = [flag for a in attachments if a.pdf for flag in a.pdf.flags]
    if any(a.kind is not FileKind.PDF for a in attachments) and not pdf_count(parcel):
        flags.append(Flag.EXTRA_ATTACHMENT)
    return tuple(dict.fromkeys(flags))
