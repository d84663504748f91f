"""Messages, PDFs and contexts built in code for the parse tests."""

import zipfile
from collections.abc import Iterable, Mapping
from datetime import datetime
from email.message import EmailMessage
from io import BytesIO
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from parse import Analysis, ParseContext, VacancyWindow, analyse

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
OPENS = datetime(2025, 12, 1, 9, 0, tzinfo=AMSTERDAM)
CLOSES = datetime(2026, 1, 6, 23, 59, 59, tzinfo=AMSTERDAM)
ON_TIME = datetime(2026, 1, 5, 10, 0, tzinfo=AMSTERDAM)

_TYPES = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".zip": "application/zip",
}


def vacancy(
    slug: str = "ipo-bij12",
    opens: datetime = OPENS,
    closes: datetime = CLOSES,
    *,
    addresses: Iterable[str] = (),
    keywords: tuple[str, ...] = (),
) -> VacancyWindow:
    return VacancyWindow(slug, opens, closes, frozenset(addresses), keywords)


def context(*vacancies: VacancyWindow, at: datetime = ON_TIME) -> ParseContext:
    return ParseContext(arrived_at=at, vacancies=vacancies or (vacancy(),))


def pdf(*lines: str) -> bytes:
    """A real one-page PDF with the given lines of (ASCII) text; none gives a textless scan."""
    document = FPDF()
    document.add_page()
    document.set_font("helvetica", size=12)
    for line in lines:
        document.cell(text=line, new_x="LMARGIN", new_y="NEXT")
    return bytes(document.output())


def encrypted(data: bytes) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(BytesIO(data)))
    writer.encrypt(user_password="geheim")
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def zip_of(*members: tuple[str, bytes], stored: bool = False) -> bytes:
    out = BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return out.getvalue()


def attach(
    message: EmailMessage,
    filename: str | None,
    data: bytes,
    content_type: str | None = None,
    **kw: str,
) -> None:
    suffix = PurePosixPath(filename or "").suffix.lower()
    maintype, subtype = (content_type or _TYPES.get(suffix, "application/octet-stream")).split("/")
    message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename, **kw)


def mail(
    *files: tuple[str, bytes],
    subject: str = "Sollicitatie",
    body: str = "Hierbij mijn sollicitatie.",
    sender: str = "Sanne de Vries <sanne@example.nl>",
    to: str = "info@chassesearch.nl",
    headers: Mapping[str, str] | None = None,
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    for filename, data in files:
        attach(message, filename, data)
    return message


def judge(message: EmailMessage, ctx: ParseContext | None = None) -> Analysis:
    return analyse(message.as_bytes(), ctx or context())


LETTER = pdf("Geachte heer Jansen,", "Met vriendelijke groet, Sanne")
CV = pdf("Curriculum vitae", "Werkervaring: 2019-2025 beleidsmedewerker")
TWO_PDFS = (("Motivatiebrief.pdf", LETTER), ("CV.pdf", CV))
PNG = b"\x89PNG\r\n\x1a\n" + bytes(32)
JPEG = b"\xff\xd8\xff\xe0" + bytes(32)
QUESTION = {"subject": "Vraag over de vacature", "body": "Tot wanneer kan ik reageren?"}
