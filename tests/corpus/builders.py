"""Builders for the corpus: real files, MIME parts, envelopes and mail-client layouts.

The case modules (`cases_*.py`) describe messages with these; `make_corpus`
writes them. Nothing here imports mailroom code or judges anything.

The attachments are real files made here: PDFs with text (fpdf2), image-only
"scans", RC4-encrypted PDFs, .docx/.odt/.rtf, PNG and JPEG (Pillow), zip,
RAR5 and 7z archives (stored, written byte by byte), and Outlook's
winmail.dat (TNEF). Only the S/MIME signature is a stub: nothing reads it.
The output is byte-for-byte reproducible: fixed dates, Message-IDs, MIME
boundaries, zip timestamps, PDF creation dates and PDF file IDs.
"""

import base64
import hashlib
import html
import quopri
import re
import struct
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from email.header import Header
from email.utils import format_datetime, formataddr, parseaddr
from functools import cache
from io import BytesIO
from itertools import count
from pathlib import PurePosixPath
from urllib.parse import quote
from zlib import crc32

from fpdf import FPDF
from fpdf.enums import EncryptionMethod, XPos, YPos
from PIL import Image, ImageDraw

MAILBOX = "info@chassesearch.nl"
IPO_ADDRESS = "info+ipo@chassesearch.nl"  # the vacancy's plus-address (a routing rule)
MX = "mx1.chassesearch.nl"
OUR_REPLY_ID = "<reply.0001@chassesearch.nl>"  # one of mailroom's own replies
CET = timezone(timedelta(hours=1), "CET")  # the whole window lies in winter time
OPENS = datetime(2025, 12, 19, 0, 0, 0, tzinfo=CET)
CLOSES = datetime(2026, 1, 6, 23, 59, 59, tzinfo=CET)
CREATED = datetime(2025, 12, 17, 20, 30, 0, tzinfo=CET)  # every file's creation time
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_TYPES = {
    ".pdf": "application/pdf",
    ".docx": _DOCX,
    ".odt": "application/vnd.oasis.opendocument.text",
    ".rtf": "application/rtf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".zip": "application/zip",
    ".rar": "application/vnd.rar",
    ".7z": "application/x-7z-compressed",
    ".dat": "application/ms-tnef",
}


def at(moment: str, tz: timezone = CET) -> datetime:
    """A wall-clock time in CET (or `tz`), as the tables below write them."""
    return datetime.fromisoformat(moment).replace(tzinfo=tz)


# --- files -------------------------------------------------------------------


def pdf(*pages: tuple[str, ...], title: str, password: str | None = None, owner: str = "") -> bytes:
    """A real PDF, one tuple of text lines per page (Latin-1: the core fonts).

    `password` makes it unopenable without one; `owner` alone only restricts
    printing and copying, as many generated PDFs do. RC4 keeps the bytes
    reproducible (AES would draw random IVs).
    """
    document = FPDF(format="A4")
    document.set_creation_date(CREATED)  # fpdf2 derives the file /ID from the content
    document.set_producer("mailroom corpus")
    document.set_title(title)
    if password is not None or owner:
        document.set_encryption(
            owner_password=owner or "chasse-corpus",
            user_password=password or "",
            encryption_method=EncryptionMethod.RC4,
        )
    document.set_font("helvetica", size=11)
    for lines in pages:
        document.add_page()
        for line in lines:
            if line:
                document.cell(h=6, text=line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            else:
                document.ln(6)
    return bytes(document.output())


@cache
def letter(name: str, *, english: bool = False, password: str | None = None) -> bytes:
    if english:
        lines = (
            name,
            "Utrecht, 20 December 2025",
            "",
            "Dear members of the selection committee,",
            "",
            "I am writing to apply for the position of Deputy Director General of IPO,",
            "combined with the role of Director of BIJ12.",
            "",
            "Yours sincerely,",
            name,
        )
    else:
        lines = (
            name,
            "Utrecht, 20 december 2025",
            "",
            "Geachte leden van de selectiecommissie,",
            "",
            "Met veel belangstelling solliciteer ik naar de functie van plaatsvervangend",
            "algemeen directeur van het IPO, tevens directeur BIJ12.",
            "",
            "Met vriendelijke groet,",
            name,
        )
    return pdf(lines, title=f"Motivatiebrief {name}", password=password)


@cache
def cv(name: str, *, english: bool = False, owner: str = "") -> bytes:
    heading = "Work experience" if english else "Werkervaring"
    lines = (
        f"Curriculum vitae {name}",
        "",
        heading,
        "2018-2025  Directeur bedrijfsvoering, provinciale organisatie",
        "2011-2018  Hoofd financien en control, waterschap",
        "",
        "Opleiding",
        "1998-2004  Bestuurskunde, doctoraal",
    )
    return pdf(lines, title=f"CV {name}", owner=owner)


@cache
def diploma(name: str) -> bytes:
    return pdf(
        ("Getuigschrift", "", f"{name} heeft met goed gevolg de masteropleiding", "Bestuurskunde"),
        title="Diploma",
    )


def _paper(heading: str, size: tuple[int, int] = (620, 877)) -> Image.Image:
    """A grey sheet of "text" lines, as a scanner or phone sees a page.

    The line lengths come from a hash of `heading`, so every page differs;
    no font is drawn, so the bytes do not depend on FreeType.
    """
    sheet = Image.new("L", size, 246)
    draw = ImageDraw.Draw(sheet)
    lengths = hashlib.sha256(heading.encode()).digest()
    margin = size[0] // 10
    for row, y in enumerate(range(size[1] // 8, size[1] - size[1] // 10, 26)):
        short = lengths[row % len(lengths)] % (size[0] // 3)
        draw.rectangle((margin, y, size[0] - margin - short, y + 7), fill=90 if row else 30)
    return sheet


def _image_bytes(sheet: Image.Image, image_format: str) -> bytes:
    buffer = BytesIO()
    options = {"quality": 70} if image_format == "JPEG" else {}
    sheet.save(buffer, image_format, **options)
    return buffer.getvalue()


@cache
def jpeg(heading: str) -> bytes:
    return _image_bytes(_paper(heading), "JPEG")


@cache
def png(heading: str, size: tuple[int, int] = (620, 877)) -> bytes:
    return _image_bytes(_paper(heading, size), "PNG")


@cache
def scan(heading: str) -> bytes:
    """An image-only PDF, as a scanner makes it: pages without a text layer."""
    document = FPDF(format="A4")
    document.set_creation_date(CREATED)
    document.set_producer("Scan-to-PDF")
    document.add_page()
    document.image(BytesIO(jpeg(heading)), x=0, y=0, w=210, h=297)
    return bytes(document.output())


def _zip(members: tuple[tuple[str, bytes | str], ...], stored_first: bool = False) -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for index, (name, data) in enumerate(members):
            info = zipfile.ZipInfo(name, date_time=CREATED.timetuple()[:6])
            plain = stored_first and index == 0
            info.compress_type = zipfile.ZIP_STORED if plain else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def zip_archive(*members: tuple[str, bytes]) -> bytes:
    return _zip(members)


def docx(*paragraphs: str) -> bytes:
    """The smallest package Word opens: enough to be a real .docx."""
    package = "http://schemas.openxmlformats.org/package/2006"
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{html.escape(p)}</w:t></w:r></w:p>" for p in paragraphs)
    xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    return _zip(
        (
            (
                "[Content_Types].xml",
                f'{xml}<Types xmlns="{package}/content-types">'
                '<Default Extension="rels" ContentType="application/'
                'vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                f'<Override PartName="/word/document.xml" ContentType="{_DOCX}.main+xml"/>'
                "</Types>",
            ),
            (
                "_rels/.rels",
                f'{xml}<Relationships xmlns="{package}/relationships"><Relationship Id="rId1" '
                f'Type="{office}/officeDocument" Target="word/document.xml"/></Relationships>',
            ),
            (
                "word/document.xml",
                f'{xml}<w:document xmlns:w="{word}"><w:body>{body}</w:body></w:document>',
            ),
        )
    )


def odt(*paragraphs: str) -> bytes:
    """An OpenDocument text (LibreOffice): a zip whose stored `mimetype` comes first."""
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    manifest_ns = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
    body = "".join(f"<text:p>{html.escape(p)}</text:p>" for p in paragraphs)
    return _zip(
        (
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            (
                "content.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><office:document-content '
                f'xmlns:office="{office}" xmlns:text="{text_ns}" office:version="1.3">'
                f"<office:body><office:text>{body}</office:text></office:body>"
                "</office:document-content>",
            ),
            (
                "META-INF/manifest.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                f'xmlns:manifest="{manifest_ns}" manifest:version="1.3"><manifest:file-entry '
                'manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" '
                'manifest:media-type="text/xml"/></manifest:manifest>',
            ),
        ),
        stored_first=True,
    )


def rtf(*paragraphs: str) -> bytes:
    body = "".join(f"{p}\\par\n" for p in paragraphs)
    return (
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Calibri;}}\\f0\\fs22\n" + body + "}\n"
    ).encode("cp1252")


def _vint(value: int) -> bytes:
    """RAR5's variable-length integer: 7 bits a byte, low first."""
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _rar_block(kind: int, fields: bytes, data: bytes = b"") -> bytes:
    flags = 0x0002 if data else 0  # 0x0002: a data area follows the header
    body = _vint(kind) + _vint(flags) + (_vint(len(data)) if data else b"") + fields
    size = _vint(len(body))
    return struct.pack("<I", crc32(size + body)) + size + body + data


def rar_archive(*members: tuple[str, bytes]) -> bytes:
    """A RAR5 archive with stored (uncompressed) files, as `rar a -m0` writes it."""
    mtime = int(CREATED.timestamp())
    files = b""
    for name, data in members:
        encoded = name.encode()
        fields = (
            _vint(0x0002 | 0x0004)  # file flags: mtime and CRC32 present
            + _vint(len(data))  # unpacked size
            + _vint(0o100644)  # attributes (Unix)
            + struct.pack("<II", mtime, crc32(data))
            + _vint(0)  # compression: version 0, method 0 (store)
            + _vint(1)  # host OS: Unix
            + _vint(len(encoded))
            + encoded
        )
        files += _rar_block(2, fields, data)
    main, end = _rar_block(1, _vint(0)), _rar_block(5, _vint(0))
    return b"Rar!\x1a\x07\x01\x00" + main + files + end


def _7z_number(value: int) -> bytes:
    """7z's NUMBER: leading 1-bits of the first byte count the extra bytes."""
    for extra in range(8):
        if value < 1 << (7 * (extra + 1)):
            high = value >> (8 * extra)
            first = (0xFF00 >> extra) & 0xFF | high
            return bytes([first]) + (value & ((1 << (8 * extra)) - 1)).to_bytes(extra, "little")
    return b"\xff" + value.to_bytes(8, "little")


def sevenzip_archive(*members: tuple[str, bytes]) -> bytes:
    """A 7z archive: one folder with the Copy coder holding every file, plain header."""
    packed = b"".join(data for _, data in members)
    names = b"".join(name.encode("utf-16-le") + b"\0\0" for name, _ in members)
    header = b"".join(
        (
            b"\x01\x04",  # Header, MainStreamsInfo
            b"\x06" + _7z_number(0) + _7z_number(1),  # PackInfo: at 0, one stream
            b"\x09" + _7z_number(len(packed)) + b"\x00",
            b"\x07\x0b" + _7z_number(1) + b"\x00",  # UnPackInfo: one folder, inline
            _7z_number(1) + b"\x01\x00",  # one coder; id size 1; id 00 = Copy
            b"\x0c" + _7z_number(len(packed)) + b"\x00",
            b"\x08\x0d" + _7z_number(len(members)),  # SubStreamsInfo: a stream per file
            b"\x09" + b"".join(_7z_number(len(data)) for _, data in members[:-1]),
            b"\x0a\x01" + b"".join(struct.pack("<I", crc32(data)) for _, data in members),
            b"\x00\x00",  # end SubStreamsInfo, end MainStreamsInfo
            b"\x05" + _7z_number(len(members)),  # FilesInfo
            b"\x11" + _7z_number(len(names) + 1) + b"\x00" + names,
            b"\x00\x00",  # end FilesInfo, end Header
        )
    )
    start = struct.pack("<QQI", len(packed), len(header), crc32(header))
    return b"7z\xbc\xaf\x27\x1c\x00\x04" + struct.pack("<I", crc32(start)) + start + packed + header


def _tnef_attribute(level: int, ident: int, data: bytes) -> bytes:
    checksum = sum(data) & 0xFFFF
    return struct.pack("<BII", level, ident, len(data)) + data + struct.pack("<H", checksum)


def winmail(*members: tuple[str, bytes]) -> bytes:
    """Outlook's winmail.dat (TNEF): message class, then each attached file."""
    out = struct.pack("<IH", 0x223E9F78, 0x0B1C)  # signature, key
    out += _tnef_attribute(1, 0x00089006, struct.pack("<I", 0x00010000))  # attTnefVersion
    out += _tnef_attribute(1, 0x00069007, struct.pack("<II", 1252, 0))  # attOemCodepage
    out += _tnef_attribute(1, 0x00078008, b"IPM.Microsoft Mail.Note\0")  # attMessageClass
    for name, data in members:
        render_data = struct.pack("<HIHHI", 1, 0xFFFFFFFF, 0, 0, 0)
        out += _tnef_attribute(2, 0x00069002, render_data)  # attAttachRendData
        out += _tnef_attribute(2, 0x00018010, name.encode("cp1252") + b"\0")  # attAttachTitle
        out += _tnef_attribute(2, 0x0006800F, data)  # attAttachData
    return out


# A detached S/MIME signature's opening (ContentInfo, signedData OID): parse only
# looks at the part's type and name, so a real signature would add nothing.
P7S_STUB = bytes.fromhex(
    "308006092a864886f70d010702a0803080020101310f300d06096086480165030402010500"
)
PGP_SIGNATURE = (
    b"-----BEGIN PGP SIGNATURE-----\n\n"
    b"iHUEARYKAB0WIQTmR3c2o5Z0kq1cVv8N5xQbS6dZxAUCZ0V8jAAKCRAN5xQbS6dZ\n"
    b"xH1cAP9bq3Ff0aTQp2m1QhGk5cX2Lr0yQk8n0m2fSx3o6sJd1wD+LwJ0x9Qm4rT1\n"
    b"=kQ2v\n-----END PGP SIGNATURE-----\n"
)
VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:{last};{first};;;\r\nFN:{first} {last}\r\n"
    "EMAIL;TYPE=INTERNET:{email}\r\nTEL;TYPE=CELL:+31 6 12345678\r\nEND:VCARD\r\n"
)
ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"
    "METHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:beschikbaarheid-corpus-001\r\n"
    "DTSTAMP:20251222T090000Z\r\nDTSTART:20260109T090000Z\r\nDTEND:20260109T100000Z\r\n"
    "SUMMARY:Beschikbaar voor een gesprek\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
HTML_ERROR_PAGE = (
    b"<!DOCTYPE html><html><head><title>404 Not Found</title></head>\n"
    b"<body>Not found</body></html>\n"
)
OUTLOOK_LOGO_CID = "image001.png@01DC7123.4A5B6C70"


# --- MIME parts ----------------------------------------------------------------


@dataclass(frozen=True)
class File:
    """An attachment as a mail client writes it.

    `naming`: "auto" writes ASCII names quoted and others as RFC 2231 (with
    continuations when long) in Content-Disposition and RFC 2047 in
    Content-Type, as Thunderbird does; "rfc2047" puts an encoded word in both
    (Outlook, Gmail); "latin1" is RFC 2231 in ISO-8859-1; "type-only" names
    the file only in Content-Type, as an encoded word when needed (old webmail).
    """

    name: str
    data: bytes
    content_type: str | None = None
    inline: bool = False
    naming: str = "auto"
    extra_type_params: str = ""

    @property
    def mime_type(self) -> str:
        suffix = PurePosixPath(self.name.lower()).suffix
        return self.content_type or _TYPES.get(suffix, "application/octet-stream")


@dataclass(frozen=True)
class Part:
    """One MIME entity: its content type (with parameters), other headers, and
    either a body or, for a multipart, its children."""

    content_type: str
    body: bytes = b""
    children: tuple["Part", ...] = ()
    headers: tuple[tuple[str, str], ...] = ()


def text(body: str, subtype: str = "plain") -> Part:
    data = body.encode()
    if data.isascii():
        return Part(
            f"text/{subtype}; charset=us-ascii",
            data,
            headers=(("Content-Transfer-Encoding", "7bit"),),
        )
    encoded = quopri.encodestring(data)
    return Part(
        f'text/{subtype}; charset="utf-8"',
        encoded,
        headers=(("Content-Transfer-Encoding", "quoted-printable"),),
    )


def multipart(subtype: str, *children: Part, params: str = "") -> Part:
    return Part(f"multipart/{subtype}{params}", children=children)


def _encoded_word(value: str) -> str:
    return f"=?UTF-8?B?{base64.b64encode(value.encode()).decode()}?="


def _rfc2231(key: str, value: str) -> list[str]:
    """`key*=UTF-8''...`, split into `key*0*`, `key*1*`... beyond 40 characters."""
    tokens = re.findall(r"%[0-9A-F]{2}|.", quote(value, safe=""))
    chunks: list[str] = [""]
    for token in tokens:
        if len(chunks[-1]) + len(token) > 40:
            chunks.append("")
        chunks[-1] += token
    if len(chunks) == 1:
        return [f"{key}*=UTF-8''{chunks[0]}"]
    charset = ["UTF-8''"] + [""] * (len(chunks) - 1)
    return [f"{key}*{i}*={charset[i]}{chunk}" for i, chunk in enumerate(chunks)]


def _name_params(file: File, key: str) -> list[str]:
    name = file.name
    if file.naming == "type-only" and key == "filename":
        return []
    if file.naming == "latin1":
        return [f"{key}*=iso-8859-1''{quote(name.encode('latin-1'), safe='')}"]
    if name.isascii():
        return [f'{key}="{name}"']
    if file.naming == "rfc2047" or key == "name":
        return [f'{key}="{_encoded_word(name)}"']
    return _rfc2231(key, name)


def _with_params(value: str, params: list[str]) -> str:
    return ";\n\t".join([value, *params])


def attachment(file: File) -> Part:
    type_params = _name_params(file, "name") + (
        [file.extra_type_params] if file.extra_type_params else []
    )
    disposition = "inline" if file.inline else "attachment"
    headers = [
        ("Content-Disposition", _with_params(disposition, _name_params(file, "filename"))),
        ("Content-Transfer-Encoding", "base64"),
    ]
    return Part(
        _with_params(file.mime_type, type_params), _base64(file.data), headers=tuple(headers)
    )


def inline_image(data: bytes, name: str, cid: str, *, disposition: str | None = "inline") -> Part:
    """An image a HTML body shows by its Content-ID (a logo, Gmail's bounce icon)."""
    headers = [("Content-Transfer-Encoding", "base64"), ("Content-ID", f"<{cid}>")]
    if disposition:
        headers.insert(0, ("Content-Disposition", f'{disposition};\n\tfilename="{name}"'))
    return Part(f'image/png;\n\tname="{name}"', _base64(data), headers=tuple(headers))


def _base64(data: bytes) -> bytes:
    encoded = base64.b64encode(data)
    return b"".join(encoded[i : i + 76] + b"\n" for i in range(0, len(encoded), 76))


def _header(name: str, value: str) -> bytes:
    return f"{name}: {value}\n".encode("ascii")


def render(part: Part, boundaries: Iterator[str]) -> bytes:
    """A part's headers, a blank line and its body (children between boundaries)."""
    content_type, body = part.content_type, part.body
    if part.children:
        boundary = next(boundaries)
        content_type = f'{content_type};\n\tboundary="{boundary}"'
        body = b"This is a multi-part message in MIME format.\n"
        for child in part.children:
            body += f"\n--{boundary}\n".encode() + render(child, boundaries)
        body += f"\n--{boundary}--\n".encode()
    headers = _header("Content-Type", content_type) + b"".join(
        _header(n, v) for n, v in part.headers
    )
    return headers + b"\n" + body


def _address(value: str) -> str:
    """A mailbox header value, the display name RFC 2047-encoded when needed."""
    name, address = parseaddr(value)
    if not name or name.isascii():
        return value
    return formataddr((name, address), charset="utf-8")


def _unstructured(value: str) -> str:
    return (
        value if value.isascii() else Header(value, "utf-8").encode(maxlinelen=76, linesep="\n\t")
    )


# --- bodies ----------------------------------------------------------------------


def to_html(body: str, *, outlook_logo: bool = False) -> str:
    paragraphs = "".join(
        f'<p class="MsoNormal">{html.escape(p).replace(chr(10), "<br>")}</p>\n'
        for p in body.split("\n\n")
    )
    logo = (
        f'<p><img width="120" height="40" src="cid:{OUTLOOK_LOGO_CID}" alt="logo"></p>\n'
        if outlook_logo
        else ""
    )
    return (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>\n'
        f'<body lang="NL"><div class="WordSection1">\n{paragraphs}{logo}</div></body></html>\n'
    )


def alternative(plain: str, rich: str | None = None) -> Part:
    return multipart("alternative", text(plain), text(rich or to_html(plain), "html"))


# --- messages ------------------------------------------------------------------


Layout = Callable[["Case"], Part | None]


@dataclass(frozen=True)
class Case:
    """One message in the mailbox.

    `arrival` is when our MX received it (the topmost Received); by default a
    time inside the application window derived from the case number. `sent`
    is the sender's Date:. `body` is the text as written; `sign` adds the
    greeting and signature a person writes ("nl" or "en"). `layout` builds
    the MIME tree; `inner` is the message a forward carries.
    """

    name: str
    sender: str
    subject: str
    body: str = ""
    files: tuple[File, ...] = ()
    layout: "Layout | None" = None  # None: `standard`
    sign: str | None = "nl"
    html: bool | str = False  # an HTML alternative: True derives it from the text
    to: str = MAILBOX
    delivered_to: str | None = None  # the envelope recipient, when not the To address
    arrival: datetime | None = None
    sent: datetime | None = None
    headers: tuple[tuple[str, str], ...] = ()
    inner: "Case | None" = None
    return_path: str | None = None

    @property
    def number(self) -> int:
        return int(self.name[:3])

    @property
    def text(self) -> str:
        display = parseaddr(self.sender)[0]
        if self.sign == "nl":
            return f"Geachte heer, mevrouw,\n\n{self.body}\n\nMet vriendelijke groet,\n{display}\n"
        if self.sign == "en":
            return f"Dear Sir or Madam,\n\n{self.body}\n\nKind regards,\n{display}\n"
        return self.body

    @property
    def arrived(self) -> datetime:
        if self.arrival is not None:
            return self.arrival
        default = (
            OPENS + timedelta(hours=9) + self.number * timedelta(hours=3, minutes=37, seconds=13)
        )
        if default > CLOSES:
            raise ValueError(f"{self.name}: default arrival {default} is after closing")
        return default


def _digest(*parts: str) -> str:
    return hashlib.sha256("/".join(parts).encode()).hexdigest()


def _ip(seed: str) -> str:
    """An address from the documentation ranges (RFC 5737), the same for every run."""
    digest = _digest(seed)
    network = ("192.0.2", "198.51.100", "203.0.113")[int(digest[:2], 16) % 3]
    return f"{network}.{int(digest[2:4], 16) % 250 + 2}"


def _relay(address: str) -> tuple[str, str]:
    """The sender's outgoing server, and its address."""
    domain = address.rpartition("@")[2] or "example.net"
    host = domain if domain.startswith(("mx", "mail.")) else f"mail.{domain}"
    return host, _ip(domain)


def envelope(case: Case, *, delivered: bool = True) -> bytes:
    """The headers as the mailbox stores them: delivery and Received lines on top."""
    sender = parseaddr(case.sender)[1]
    recipient = case.delivered_to or parseaddr(case.to)[1]
    host, ip = _relay(sender)
    arrived = case.arrived
    queue_id = _digest(case.name, MX)[:12].upper()
    lines: list[tuple[str, str]] = []
    if delivered:
        return_path = sender if case.return_path is None else case.return_path
        lines += [("Return-Path", f"<{return_path}>"), ("Delivered-To", recipient)]
        lines.append(
            (
                "Received",
                f"from {host} ({host} [{ip}])\n\tby {MX} (Postfix) with ESMTPS id {queue_id}\n"
                f"\tfor <{recipient}>; {format_datetime(arrived)} ({arrived.tzname()})",
            )
        )
    if case.return_path is None:  # a person: the submission hop at their provider
        submitted = format_datetime(arrived - timedelta(seconds=3))
        lines.append(
            (
                "Received",
                f"from [192.168.1.{case.number % 200 + 10}] (unknown [{_ip(sender)}])\n"
                f"\tby {host} with ESMTPSA id {_digest(case.name, host)[:10]}; {submitted}",
            )
        )
    sent = case.sent or arrived - timedelta(seconds=11)
    domain = sender.rpartition("@")[2] or "example.net"
    lines += [
        ("From", _address(case.sender)),
        ("To", _address(case.to)),
        ("Subject", _unstructured(case.subject)),
        ("Date", format_datetime(sent)),
        ("Message-ID", f"<{_digest(case.name)[:24].upper()}@{domain}>"),
        *case.headers,
        ("MIME-Version", "1.0"),
    ]
    return b"".join(_header(name, value) for name, value in lines)


def message_bytes(case: Case, *, delivered: bool = True) -> bytes:
    boundaries = (f"=_corpus_{case.name[:3]}{'' if delivered else 'i'}_{n}" for n in count())
    tree = (case.layout or standard)(case)
    head = envelope(case, delivered=delivered)
    return head if tree is None else head + render(tree, boundaries)


# --- layouts: how each kind of mail client arranges the parts --------------------


def _given_html(case: Case) -> str | None:
    return case.html if isinstance(case.html, str) else None


def standard(case: Case) -> Part:
    """Text (with an HTML alternative if given), then the attachments."""
    body = alternative(case.text, _given_html(case)) if case.html else text(case.text)
    files = tuple(attachment(f) for f in case.files)
    return multipart("mixed", body, *files) if files else body


def html_only(case: Case) -> Part:
    body = text(_given_html(case) or to_html(case.text), "html")
    files = tuple(attachment(f) for f in case.files)
    return multipart("mixed", body, *files) if files else body


def outlook(case: Case) -> Part:
    """mixed > related > (alternative > plain, html), image001.png; then the files."""
    logo = inline_image(png("Chasse", (240, 80)), "image001.png", OUTLOOK_LOGO_CID)
    related = multipart(
        "related",
        alternative(case.text, to_html(case.text, outlook_logo=True)),
        logo,
        params=';\n\ttype="multipart/alternative"',
    )
    files = tuple(attachment(f) for f in case.files)
    return multipart("mixed", related, *files) if files else related


def thunderbird_inline_image(case: Case) -> Part:
    """mixed > alternative > (plain, related > (html, image)); then the files."""
    photo = inline_image(png("Foto", (120, 160)), "handtekening.png", "part1.corpus@example.nl")
    html_body = to_html(case.text).replace(
        "</div>", '<img src="cid:part1.corpus@example.nl" alt="handtekening"></div>'
    )
    related = multipart("related", text(html_body, "html"), photo)
    body = multipart("alternative", text(case.text), related)
    return multipart("mixed", body, *(attachment(f) for f in case.files))


def apple_inline(case: Case) -> Part:
    """Apple Mail: the files shown in the text, as inline parts between text fragments."""
    fragments = [text(case.text)]
    for file in case.files:
        fragments += [attachment(replace(file, inline=True)), text("\n")]
    return multipart("mixed", *fragments)


def apple_html_inline(case: Case) -> Part:
    """Apple Mail in HTML: alternative > (plain, mixed > (html, pdf, html, pdf, html))."""
    pieces = [text(to_html(case.text), "html")]
    for file in case.files:
        pieces += [
            attachment(replace(file, inline=True)),
            text("<html><body><br></body></html>", "html"),
        ]
    return multipart("alternative", text(case.text), multipart("mixed", *pieces))


def signed(protocol: str, signature: File) -> Layout:
    """S/MIME or PGP/MIME: the whole message, then a detached signature part."""

    def layout(case: Case) -> Part:
        params = f';\n\tprotocol="{protocol}";\n\tmicalg=sha-256'
        return multipart("signed", standard(case), attachment(signature), params=params)

    return layout


def forward_attached(case: Case) -> Part:
    """A note, with the earlier message attached whole (message/rfc822)."""
    assert case.inner is not None
    inner = Part(
        "message/rfc822",
        message_bytes(case.inner, delivered=False),
        headers=(("Content-Disposition", f'attachment;\n\tfilename="{case.inner.name[4:]}.eml"'),),
    )
    return multipart("mixed", text(case.text), inner, *(attachment(f) for f in case.files))


def returned(original: Part) -> Layout:
    """An old-style non-delivery notice: a text, and the original attached whole."""

    def layout(case: Case) -> Part:
        return multipart("mixed", text(case.text), original)

    return layout


def headers_only(case: Case) -> None:
    """Over the size cap the conductor keeps only the headers: so does this file."""
    return None


def report(
    report_type: str,
    status: str,
    original: Part,
    *,
    html_notice: bool = False,
    icon: bool = False,
) -> Layout:
    """A multipart/report (RFC 6522): notice, machine-readable status, the original."""
    status_type = {
        "delivery-status": "message/delivery-status",
        "disposition-notification": "message/disposition-notification",
    }[report_type]

    def layout(case: Case) -> Part:
        notice: Part = alternative(case.text) if html_notice else text(case.text)
        if icon:  # Gmail: the icon is an "attachment" that the HTML shows by Content-ID
            icon_part = inline_image(
                png("!", (72, 72)), "icon.png", "icon.png", disposition="attachment"
            )
            notice = multipart("related", notice, icon_part)
        parts = (notice, Part(status_type, status.encode()), original)
        return multipart("report", *parts, params=f";\n\treport-type={report_type}")

    return layout


# --- our own reply, as bounces and receipts quote it ----------------------------

OUR_REPLY_HEADERS = (
    "Received: from mailroom.chassesearch.nl (mailroom.chassesearch.nl [192.0.2.200])\n"
    f"\tby {MX} (Postfix) with ESMTPS id 4F7A1B2C3D; Mon, 22 Dec 2025 10:00:04 +0100 (CET)\n"
    f"From: Chasse Executive Search <{MAILBOX}>\n"
    "To: {to}\n"
    "Subject: Ontvangstbevestiging van uw sollicitatie\n"
    "Date: Mon, 22 Dec 2025 10:00:02 +0100\n"
    f"Message-ID: {OUR_REPLY_ID}\n"
    "In-Reply-To: <A1B2C3D4E5F6@example.org>\n"
    "Auto-Submitted: auto-replied\n"
    "X-Auto-Response-Suppress: All\n"
    "MIME-Version: 1.0\n"
)
OUR_REPLY_BODY = (
    "Content-Type: text/plain; charset=us-ascii\n\n"
    "Geachte heer, mevrouw,\n\n"
    "Wij hebben uw sollicitatie ontvangen: uw motivatiebrief en uw cv.\n"
    "Privacyverklaring: https://www.chassesearch.nl/privacy\n"
)


def our_reply_headers(to: str) -> Part:
    return Part(
        "text/rfc822-headers",
        OUR_REPLY_HEADERS.format(to=to).encode(),
        headers=(("Content-Description", "Undelivered Message Headers"),),
    )


def our_reply(to: str) -> Part:
    return Part("message/rfc822", (OUR_REPLY_HEADERS.format(to=to) + OUR_REPLY_BODY).encode())


def dsn_fields(reporter: str, recipient: str, action: str, status: str, diagnostic: str) -> str:
    return (
        f"Reporting-MTA: dns; {reporter}\n"
        "Arrival-Date: Mon, 22 Dec 2025 10:00:05 +0100 (CET)\n\n"
        f"Final-Recipient: rfc822; {recipient}\n"
        f"Original-Recipient: rfc822;{recipient}\n"
        f"Action: {action}\n"
        f"Status: {status}\n"
        f"Diagnostic-Code: smtp; {diagnostic}\n"
    )


def mdn_fields(reader: str, agent: str) -> str:
    return (
        f"Reporting-UA: {agent}\n"
        f"Final-Recipient: rfc822;{reader}\n"
        f"Original-Message-ID: {OUR_REPLY_ID}\n"
        "Disposition: manual-action/MDN-sent-manually; displayed\n"
    )


# --- the corpus ------------------------------------------------------------------

APPLY = (
    "Hierbij solliciteer ik naar de functie van Plaatsvervangend Algemeen Directeur IPO,"
    " tevens Directeur BIJ12. In de bijlagen vindt u mijn motivatiebrief en mijn cv."
)
APPLY_EN = (
    "Please find attached my application for the position of Deputy Director General of IPO,"
    " combined with the role of Director of BIJ12: my cover letter and my CV."
)
SUBJECT = "Sollicitatie Plaatsvervangend Algemeen Directeur IPO"
REPLY_SUBJECT = "Re: Uw sollicitatie: Plaatsvervangend Algemeen Directeur IPO"
RE_OUR_REPLY = (
    ("In-Reply-To", OUR_REPLY_ID),
    ("References", f"<A1B2C3D4E5F6@example.org> {OUR_REPLY_ID}"),
)
OUTLOOK_HEADERS = (("X-Mailer", "Microsoft Outlook 16.0"), ("Thread-Index", "AdxyZ3k4QmVyc2xhZw=="))
APPLE_HEADERS = (("X-Mailer", "Apple Mail (2.3826.300.87.4.3)"),)
THUNDERBIRD_HEADERS = (("User-Agent", "Mozilla Thunderbird"),)
GMAIL_FORWARD = "---------- Doorgestuurd bericht ---------"


def pair(name: str, *, english: bool = False) -> tuple[File, File]:
    """A motivation letter and a CV, the way most applicants name them."""
    if english:
        return (
            File(f"Cover letter {name}.pdf", letter(name, english=True)),
            File(f"CV {name}.pdf", cv(name)),
        )
    return (File(f"Motivatiebrief {name}.pdf", letter(name)), File(f"CV {name}.pdf", cv(name)))


def contents(*files: File) -> tuple[tuple[str, bytes], ...]:
    """Files as archive members: name and bytes."""
    return tuple((f.name, f.data) for f in files)


def link_mail(name: str, sender: str, service: str, link: str, *, anchor: bool = False) -> Case:
    """An application that sends a download link instead of the files: in the
    text, or (`anchor`) only as the target of a link in an HTML-only mail."""
    body = "Mijn motivatiebrief en cv zijn te groot voor de mail; u kunt ze downloaden via"
    if not anchor:
        return Case(name, sender, SUBJECT, f"{body} {service}:\n{link}")
    case = Case(name, sender, SUBJECT, f"{body} {service}.", layout=html_only)
    linked = f'<a href="{html.escape(link)}">{service}</a>.'
    return replace(case, html=to_html(case.text).replace(f"{service}.", linked, 1))


def staff_forward(
    name: str,
    note: str,
    quoted: str,
    files: tuple[File, ...] = (),
    headers: tuple[tuple[str, str], ...] = (),
    subject: str = "Fwd: Sollicitatie",
) -> Case:
    """A recruiter forwarding inline: a note, then the original below a marker."""
    return Case(name, STAFF, subject, f"{note}\n\n{quoted}", files, sign=None, headers=headers)


SANNE = "Sanne de Vries <sanne.devries@example.nl>"
STAFF = "Marieke Jansen <m.jansen@chassesearch.nl>"
JOB_BOARD = "Vacaturebank Overheid <noreply@jobboard.example.com>"

OUR_REPLY_QUOTED = (
    "\n\nOp ma 22 dec 2025 om 10:00 schreef Chasse Executive Search <info@chassesearch.nl>:\n"
    "> Geachte heer, mevrouw,\n>\n"
    "> Wij hebben uw sollicitatie voor de functie van Plaatsvervangend Algemeen Directeur IPO,\n"
    "> tevens Directeur BIJ12, in goede orde ontvangen. U ontving van ons deze bevestiging met\n"
    "> de namen van de bestanden die wij van u hebben ontvangen en het aantal pagina's.\n"
    "> De selectiecommissie voert de gesprekken in de week van 19 januari. Wij nemen voor het\n"
    "> eind van de week contact met u op over de voorselectie.\n>\n"
    "> Uw gegevens behandelen wij volgens onze privacyverklaring.\n>\n"
    "> Met vriendelijke groet,\n> Chasse Executive Search\n"
)
