"""Tell what a file is from its bytes first, its name second.

Applicants rename files, mail clients declare `application/octet-stream`,
so the declared type is never trusted; a `.pdf` name only matters to say
"this was called a PDF but is not one".
"""

import zipfile
from io import BytesIO
from pathlib import PurePosixPath

from parse.analysis import FileKind

_PDF_MAGIC = b"%PDF-"
_PDF_MAGIC_WINDOW = 1024
_ZIP_MAGIC = b"PK\x03\x04"
_TNEF_MAGIC = b"\x78\x9f\x3e\x22"  # Outlook's winmail.dat
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGICS = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"II*\x00",
    b"MM\x00*",
)
_ARCHIVE_MAGICS = (b"Rar!\x1a\x07", b"7z\xbc\xaf\x27\x1c", b"\x1f\x8b")

_WORD_SUFFIXES = frozenset({".doc", ".docx", ".docm", ".odt", ".rtf", ".pages", ".wpd"})
_IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".gif", ".heic", ".heif", ".tif", ".tiff", ".bmp", ".webp"}
)
_ARCHIVE_SUFFIXES = frozenset({".zip", ".rar", ".7z", ".gz", ".tgz", ".tar"})
_WORD_ZIP_MEMBERS = ("word/document.xml", "content.xml")


def sniff(data: bytes, filename: str) -> FileKind:
    """Classify a file; content signatures win over the file name.

    Containers are recognised before PDFs: a zip that stores a PDF
    uncompressed carries `%PDF-` in its first kilobyte, yet is an archive.
    """
    if data.startswith(_TNEF_MAGIC):
        return FileKind.WINMAIL
    if data.startswith(_ZIP_MAGIC):
        return FileKind.WORD if _is_office_zip(data) else FileKind.ARCHIVE
    if data.startswith(_ARCHIVE_MAGICS):
        return FileKind.ARCHIVE
    if looks_like_pdf(data):
        return FileKind.PDF
    if filename.lower() == "winmail.dat":
        return FileKind.WINMAIL
    if data.startswith(b"{\\rtf"):
        return FileKind.WORD
    if data.startswith(_IMAGE_MAGICS) or data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return FileKind.IMAGE
    return _kind_by_name(filename, ole=data.startswith(_OLE_MAGIC))


def looks_like_pdf(data: bytes) -> bool:
    """The PDF signature in the first kilobyte, where readers accept it."""
    return _PDF_MAGIC in data[:_PDF_MAGIC_WINDOW]


def is_named_pdf(filename: str) -> bool:
    """The sender called it a PDF (used to report "not really a PDF")."""
    return PurePosixPath(filename.lower()).suffix == ".pdf"


def _kind_by_name(filename: str, *, ole: bool) -> FileKind:
    suffix = PurePosixPath(filename.lower()).suffix
    if suffix in _WORD_SUFFIXES or ole:
        return FileKind.WORD
    if suffix in _IMAGE_SUFFIXES:
        return FileKind.IMAGE
    if suffix in _ARCHIVE_SUFFIXES:
        return FileKind.ARCHIVE
    return FileKind.OTHER


def _is_office_zip(data: bytes) -> bool:
    """A .docx or .odt is a zip; only its central directory is read, never inflated."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return False
    return any(member in names for member in _WORD_ZIP_MEMBERS)
