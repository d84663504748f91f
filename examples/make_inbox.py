"""Write a sample Maildir for trying out and testing mailroom by hand.

The inbox is generated rather than hand-edited so that the attachments are real
PDF and Word files and every message stays in step with ``CASES``, which tests
import to learn what mailroom should decide. The output is byte-for-byte
reproducible (fixed dates, IDs, MIME boundaries and zip timestamps), so a
regenerated inbox only shows up in ``git diff`` when its content changed.

Usage: ``python examples/make_inbox.py [OUT_DIR]`` (default: ``inbox`` next to
this script). Needs fpdf2 and the DejaVu Sans font (Debian: fonts-dejavu-core).
"""

import hashlib
import html
import io
import os
import re
import shutil
import sys
import zipfile
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

MAILBOX = "info@chassesearch.nl"
_MX = "mx1.chassesearch.nl"
_CET = timezone(timedelta(hours=1), "CET")  # the whole window lies in winter time
_DEFAULT_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
_FONT_SIZES = {"# ": 16.0, "## ": 13.0}  # line prefix -> size; other lines are 11 pt
_UNREAD = 3  # the latest arrivals stay in new/, as a mail client would leave them
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_MIME_TYPES = {".pdf": "application/pdf", ".docx": _DOCX}
_RELAY_IPS = {"example.nl": "192.0.2.10", "example.com": "192.0.2.20", "example.net": "192.0.2.30"}
_PHRASE = re.compile(r"\[\[(.+?)\]\]")


@dataclass(frozen=True)
class Case:
    """What mailroom should conclude about one sample message (read by tests)."""

    case_id: str
    expected_verdict: str  # "valid", "invalid", "late", "question" or "automated"
    expected_reasons: tuple[str, ...]
    language: str  # "nl" or "en"
    pdf_phrases: tuple[str, ...]  # per attached PDF, a phrase found on one of its lines


@dataclass(frozen=True)
class _Document:
    """An attachment kept as plain lines, so what the tests search for is visible here."""

    filename: str
    pages: tuple[tuple[str, ...], ...]

    @property
    def mime_type(self) -> str:
        return _MIME_TYPES[Path(self.filename).suffix]

    @property
    def phrase(self) -> str:
        return next(m[1] for page in self.pages for line in page if (m := _PHRASE.search(line)))

    def render(self, font: Path, created: datetime) -> bytes:
        if self.mime_type == _DOCX:
            return _docx(
                [_PHRASE.sub(r"\1", line) for page in self.pages for line in page], created
            )
        pdf = FPDF(format="A4")
        pdf.set_creation_date(created)  # fpdf2 derives the file /ID from it too
        pdf.set_title(Path(self.filename).stem)
        pdf.add_font("DejaVu", "", str(font))
        pdf.set_margins(20, 20)
        pdf.set_auto_page_break(auto=False)  # page breaks are part of the data
        for page in self.pages:
            pdf.add_page()
            for line in page:
                prefix = next((p for p in _FONT_SIZES if line.startswith(p)), "")
                text = _PHRASE.sub(r"\1", line.removeprefix(prefix))
                pdf.set_font("DejaVu", size=_FONT_SIZES.get(prefix, 11.0))
                if pdf.get_string_width(text) > pdf.epw:  # cell() would clip, not wrap
                    raise ValueError(f"{self.filename}: line too wide: {text}")
                pdf.cell(pdf.epw, 6.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            if pdf.y > pdf.h - pdf.b_margin:
                raise ValueError(f"{self.filename}: page {pdf.page} overflows")
        return bytes(pdf.output())


def _docx(paragraphs: list[str], created: datetime) -> bytes:
    """The smallest package Word opens: enough to be recognised as a real .docx."""
    package = "http://schemas.openxmlformats.org/package/2006"
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{html.escape(p)}</w:t></w:r></w:p>" for p in paragraphs)
    parts = {
        "[Content_Types].xml": f'<Types xmlns="{package}/content-types">'
        '<Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{_DOCX}.main+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{package}/relationships">'
        f'<Relationship Id="rId1" Type="{office}/officeDocument" Target="word/document.xml"/>'
        "</Relationships>",
        "word/document.xml": f'<w:document xmlns:w="{word}"><w:body>{body}</w:body></w:document>',
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, date_time=created.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, '<?xml version="1.0" encoding="UTF-8"?>\n' + xml)
    return buffer.getvalue()


def _parse_documents(block: str) -> dict[str, _Document]:
    """Split the text block below into documents, refusing phrases tests could not find."""
    documents = {}
    _, *chunks = re.split(r"^== (.+)\n", block, flags=re.MULTILINE)
    for filename, text in zip(chunks[::2], chunks[1::2], strict=True):
        pages = tuple(tuple(page.strip("\n").split("\n")) for page in text.split("\n---\n"))
        markers = sum(len(_PHRASE.findall(line)) for page in pages for line in page)
        wanted = 1 if filename.endswith(".pdf") else 0
        if markers != wanted or "[[" in _PHRASE.sub("", text):
            raise ValueError(f"{filename}: a PDF needs exactly one [[phrase]] on one line")
        documents[filename] = _Document(filename, pages)
    return documents


# Each document starts with "== <file name>"; a "---" line is a page break, "# " and
# "## " lines are headings, and [[...]] marks the phrase tests look for after text
# extraction (the brackets are not printed).
_DOCUMENTS = _parse_documents("""\
== Motivatiebrief Sanne de Vries.pdf
# Sanne de Vries
Utrecht, 18 december 2025

Chasse Executive Search
t.a.v. de selectiecommissie

Betreft: Plaatsvervangend Algemeen Directeur IPO, tevens Directeur BIJ12

Geachte leden van de selectiecommissie,

Met veel belangstelling reageer ik op de vacature van plaatsvervangend
algemeen directeur van het Interprovinciaal Overleg.

Sinds 2018 ben ik directeur bedrijfsvoering bĳ een provincie. Daar ben
ik verantwoordelijk voor de coördinatie van ICT, inkoop en financiële
verantwoording, en voor het overleg met twaalf provinciale teams.
---
Wat mĳ in deze functie aanspreekt, is de combinatie van bestuurlijk
overleg en de aansturing van een uitvoeringsorganisatie als BIJ12. Ik
lever graag [[mijn bĳdrage aan de continuïteit]] van die uitvoering en
aan nieuwe ideeën voor de samenwerking tussen provincies en Rijk.

Graag licht ik in één gesprek mijn motivatie verder toe.

Met vriendelĳke groet,

Sanne de Vries
== CV Sanne de Vries.pdf
# Curriculum vitae Sanne de Vries
sanne.devries@example.nl | Utrecht

## Werkervaring
2018-heden  Directeur bedrijfsvoering, provinciale organisatie
2012-2018  Hoofd financiën en control, waterschap
2007-2012  Beleidsadviseur geïntegreerde jeugdzorg, gemeente

## Nevenfuncties
[[Bestuurslid van een coöperatief café]] in Utrecht

Referenties zĳn op verzoek beschikbaar.
== CV Joëlle van Dijk.pdf
# Curriculum vitae Joëlle van Dijk
joelle.vandijk@example.nl | Zwolle

## Werkervaring
2019-heden  Programmadirecteur natuur en stikstof, provincie
Borgde de [[continuïteit van de subsidie-uitvoering]].
2013-2019  Manager uitvoering, zelfstandig bestuursorgaan

Referenties zĳn op verzoek beschikbaar.
== Motivatiebrief Pieter Bakker.pdf
# Pieter Bakker
Zwĳndrecht, 21 december 2025

Geachte leden van de selectiecommissie,

Hierbij solliciteer ik naar de functie van plaatsvervangend algemeen
directeur van het IPO, tevens directeur BIJ12. Als secretaris-directeur
van een regionale uitvoeringsdienst ken ik de spanning tussen beleid en
uitvoering van dichtbij. Ik ben trots op de [[financiële gezondheid]] die
we met de deelnemers hebben bereikt, en op de ideeën van één klein team.

Met vriendelĳke groet,

Pieter Bakker
== CV Pieter Bakker.pdf
# Curriculum vitae Pieter Bakker
p.bakker@example.net | Zwĳndrecht

## Werkervaring
2016-heden  Secretaris-directeur, regionale uitvoeringsdienst
2009-2016  [[Coördinator geïntegreerde omgevingsdiensten]]
2003-2009  Adviseur financiën, gemeente

Referenties zĳn op verzoek beschikbaar.
== Diploma.pdf
# Getuigschrift

Het College van Examinatoren verklaart dat Pieter Bakker,
[[geboren te Zwĳndrecht op 3 maart 1978]],
met goed gevolg het examen heeft afgelegd van de masteropleiding
Bestuurskunde, afstudeerrichting financiële sturing en coördinatie.
== Motivatiebrief.docx
Geachte selectiecommissie,
Graag solliciteer ik naar de functie van plaatsvervangend algemeen directeur.
Met vriendelijke groet,
Fatima el Amrani
== CV.docx
Curriculum vitae Fatima el Amrani
2017-heden: directeur uitvoering, provincie
2010-2017: hoofd financiën, waterschap
== Motivatiebrief Marloes Visser.pdf
# Marloes Visser
Arnhem, 6 januari 2026

Geachte leden van de selectiecommissie,

Graag stel ik mij kandidaat voor de functie van plaatsvervangend
algemeen directeur van het IPO en directeur van BIJ12. Als directeur van
een gemeenschappelijke regeling weet ik hoe je met veel eigenaren tot
gedragen besluiten komt. Ik werk graag aan ideeën die bestuurlijk én
uitvoerbaar zijn, en [[de continuïteit van de dienstverlening]] staat
daarbij voorop.

Met vriendelĳke groet,

Marloes Visser
== CV Marloes Visser.pdf
# Curriculum vitae Marloes Visser
marloes.visser@example.nl | Arnhem

## Werkervaring
2015-heden  Directeur, gemeenschappelijke regeling
2010-2015  [[Interim-manager financiële administratie]]

## Opleiding
1998-2004  Economie en bedrĳfskunde, doctoraal

Referenties zĳn op verzoek beschikbaar.
== Cover letter.pdf
# James Whitfield
Utrecht, 6 January 2026

Dear members of the selection committee,

I am writing to apply for the position of Deputy Director General of the
Interprovincial Consultation (IPO), combined with the role of Director
of BIJ12. For eight years I have led shared services for regional
governments in England and the Netherlands.
---
I moved to Utrecht in 2021 and speak Dutch at C1 level. Outside work I
[[run a small café-bookshop]], which keeps my feet on the ground.

I would welcome the chance to discuss my application with you.

Yours sincerely,

James Whitfield
== Resume James Whitfield.pdf
# [[Résumé of James Whitfield]]
j.whitfield@example.com | Utrecht

## Experience
2018-present  Director of Shared Services, regional government
2012-2018  Head of Finance, county council

References available on request.
""")


def _at(moment: str) -> datetime:
    return datetime.fromisoformat(moment).replace(tzinfo=_CET)


@dataclass(frozen=True)
class _Mail:
    """One sample message; its ``case`` is derived from it so the two cannot drift."""

    case_id: str
    verdict: str
    language: str
    sender: str
    subject: str
    arrival: datetime  # when our MX received it: the only time mailroom may trust
    text: str
    attachments: tuple[str, ...] = ()  # file names in _DOCUMENTS
    reasons: tuple[str, ...] = ()
    sent: datetime | None = None  # the sender's clock (Date:), when it is off
    greet: bool = True  # people greet and sign; auto-replies and bounces do not
    html_body: bool = False
    headers: tuple[tuple[str, str], ...] = ()
    failed_recipient: str | None = None  # makes this a delivery status notification

    @property
    def body(self) -> str:
        if not self.greet:
            return self.text
        name = parseaddr(self.sender)[0]
        if self.language == "en":
            return f"Dear Sir or Madam,\n\n{self.text}\n\nKind regards,\n{name}\n"
        return f"Geachte heer, mevrouw,\n\n{self.text}\n\nMet vriendelijke groet,\n{name}\n"

    @property
    def case(self) -> Case:
        pdfs = (_DOCUMENTS[name] for name in self.attachments if name.endswith(".pdf"))
        phrases = tuple(document.phrase for document in pdfs)
        return Case(self.case_id, self.verdict, self.reasons, self.language, phrases)


_APPLY = (
    "Hierbij mijn sollicitatie voor de functie Plaatsvervangend Algemeen Directeur IPO,"
    " tevens Directeur BIJ12."
)
_MAILS: tuple[_Mail, ...] = (
    _Mail(
        "01-valid-nl",
        "valid",
        "nl",
        "Sanne de Vries <sanne.devries@example.nl>",
        "Sollicitatie Plaatsvervangend Algemeen Directeur IPO",
        _at("2025-12-19 10:15:03"),
        f"{_APPLY}\nIn de bijlagen vindt u mijn motivatiebrief en cv.",
        attachments=("Motivatiebrief Sanne de Vries.pdf", "CV Sanne de Vries.pdf"),
        html_body=True,
    ),
    _Mail(
        "02-one-pdf",
        "invalid",
        "nl",
        "Joëlle van Dijk <joelle.vandijk@example.nl>",
        "Sollicitatie plaatsvervangend algemeen directeur",
        _at("2025-12-20 14:02:47"),
        f"{_APPLY}\nMijn motivatiebrief en cv zitten in de bijlage.",
        attachments=("CV Joëlle van Dijk.pdf",),
        reasons=("one_pdf",),
    ),
    _Mail(
        "03-three-pdfs",
        "invalid",
        "nl",
        "Pieter Bakker <p.bakker@example.net>",
        "Sollicitatie Plaatsvervangend Algemeen Directeur IPO",
        _at("2025-12-22 09:30:12"),
        f"{_APPLY}\nBijgevoegd zijn mijn brief, cv en diploma.",
        attachments=("Motivatiebrief Pieter Bakker.pdf", "CV Pieter Bakker.pdf", "Diploma.pdf"),
        reasons=("too_many_pdfs",),
    ),
    _Mail(
        "04-docx",
        "invalid",
        "nl",
        "Fatima el Amrani <f.elamrani@example.nl>",
        "Sollicitatie IPO / BIJ12",
        _at("2025-12-23 16:48:55"),
        f"{_APPLY}\nMijn motivatiebrief en cv heb ik bijgevoegd.",
        attachments=("Motivatiebrief.docx", "CV.docx"),
        reasons=("no_pdf", "word_document"),
    ),
    _Mail(
        "05-forgot-attachment",
        "invalid",
        "nl",
        "Ruud Hendriks <ruud.hendriks@example.com>",
        "Sollicitatie",
        _at("2025-12-28 20:05:31"),
        _APPLY,
        reasons=("no_pdf",),
    ),
    _Mail(
        "06-late",
        "late",
        "nl",
        "Marloes Visser <marloes.visser@example.nl>",
        "Sollicitatie Plaatsvervangend Algemeen Directeur IPO",
        _at("2026-01-07 08:41:17"),
        f"{_APPLY}\nIn de bijlage vindt u mijn brief en cv.",
        attachments=("Motivatiebrief Marloes Visser.pdf", "CV Marloes Visser.pdf"),
        sent=_at("2026-01-06 22:30:00"),
    ),
    _Mail(
        "07-question-nl",
        "question",
        "nl",
        "Daan Mulder <daan.mulder@example.net>",
        "Vraag over de vacature bij IPO en BIJ12",
        _at("2026-01-02 11:20:09"),
        "Ik las de vacature voor plaatsvervangend algemeen directeur van het IPO, tevens"
        " directeur BIJ12, en heb twee vragen.\nKan deze functie in vier dagen per week"
        " worden vervuld? En in welke salarisschaal valt de functie?\n\nAlvast bedankt"
        " voor uw antwoord.",
    ),
    _Mail(
        "08-question-en",
        "question",
        "en",
        "Aoife Brennan <aoife.brennan@example.com>",
        "Question about the Deputy Director General vacancy",
        _at("2026-01-03 15:44:40"),
        "I read about the vacancy for Deputy Director General of IPO and Director of BIJ12."
        " I have lived in the Netherlands for two years and my Dutch is at B1 level.\nDo"
        " you consider English-speaking candidates for this role? And where would the"
        " work be based: The Hague, Utrecht, or both?",
    ),
    _Mail(
        "09-out-of-office",
        "automated",
        "nl",
        "Eva Smit <eva.smit@example.nl>",
        "Automatisch antwoord: Ontvangstbevestiging van uw sollicitatie",
        _at("2026-01-05 09:12:26"),
        "Dank voor uw bericht. Ik ben afwezig tot en met maandag 12 januari 2026 en\n"
        "lees mijn e-mail niet. Voor dringende zaken kunt u terecht bij\n"
        "secretariaat@example.nl.\n\nMet vriendelijke groet,\nEva Smit\n",
        greet=False,
        headers=(
            ("In-Reply-To", "<reply.0002@chassesearch.nl>"),
            ("Auto-Submitted", "auto-replied"),
            ("X-Auto-Response-Suppress", "All"),
        ),
    ),
    _Mail(
        "10-bounce",
        "automated",
        "en",
        "Mail Delivery System <MAILER-DAEMON@mx.example.com>",
        "Undelivered Mail Returned to Sender",
        _at("2026-01-05 13:37:58"),
        "This is the mail system at host mx.example.com.\n\nI'm sorry to have to inform"
        " you that your message could not\nbe delivered to one or more recipients.\n\n"
        "<k.jansen@example.com>: host mail.example.com said: 550 5.1.1\n"
        "    <k.jansen@example.com>: Recipient address rejected: User unknown\n",
        greet=False,
        headers=(("Auto-Submitted", "auto-replied"),),
        failed_recipient="k.jansen@example.com",
    ),
    _Mail(
        "11-valid-en",
        "valid",
        "en",
        "James Whitfield <j.whitfield@example.com>",
        "Application: Deputy Director General IPO",
        _at("2026-01-06 21:12:44"),
        "Please find attached my application for the position of Deputy Director General"
        " of IPO, combined with the role of Director of BIJ12: a cover letter and my resume.",
        attachments=("Cover letter.pdf", "Resume James Whitfield.pdf"),
    ),
)

CASES: tuple[Case, ...] = tuple(mail.case for mail in _MAILS)


def _short_id(*parts: str) -> str:
    """Postfix-like queue ids that stay the same on every run."""
    return hashlib.sha256("/".join(parts).encode()).hexdigest()[:11].upper()


def _envelope(mail: _Mail) -> EmailMessage:
    """Headers as delivered: arrival is read from the topmost Received, not Date."""
    domain = parseaddr(mail.sender)[1].rpartition("@")[2]
    relay = domain if domain.startswith("mx.") else f"mail.{domain}"
    ip = _RELAY_IPS[".".join(domain.split(".")[-2:])]
    relayed = mail.arrival - timedelta(seconds=3)
    msg = EmailMessage()
    msg["Received"] = (
        f"from {relay} ({relay} [{ip}]) by {_MX} (Postfix) with ESMTPS"
        f" id {_short_id(mail.case_id, _MX)}; {format_datetime(mail.arrival)}"
    )
    msg["Received"] = (
        f"from [198.51.100.25] by {relay} with ESMTPSA"
        f" id {_short_id(mail.case_id, relay)}; {format_datetime(relayed)}"
    )
    msg["From"] = mail.sender
    msg["To"] = MAILBOX
    msg["Subject"] = mail.subject
    msg["Date"] = format_datetime(mail.sent or mail.arrival - timedelta(seconds=8))
    msg["Message-ID"] = f"<{mail.case_id}.{mail.arrival:%Y%m%d%H%M%S}@{domain}>"
    msg["MIME-Version"] = "1.0"
    for name, value in mail.headers:
        msg[name] = value
    return msg


def _delivery_report(msg: EmailMessage, mail: _Mail, recipient: str) -> None:
    """Postfix-style RFC 3464 bounce of one of the firm's own replies."""
    msg["Content-Type"] = "multipart/report; report-type=delivery-status"
    notice = EmailMessage()
    notice.set_content(mail.body, cte="7bit")
    status = EmailMessage()
    status["Content-Type"] = "message/delivery-status"
    per_message, per_recipient = EmailMessage(), EmailMessage()
    per_message["Reporting-MTA"] = "dns; mx.example.com"
    per_message["Arrival-Date"] = format_datetime(mail.arrival - timedelta(seconds=2))
    per_recipient["Final-Recipient"] = f"rfc822; {recipient}"
    per_recipient["Action"] = "failed"
    per_recipient["Status"] = "5.1.1"
    per_recipient["Diagnostic-Code"] = f"smtp; 550 5.1.1 <{recipient}>: User unknown"
    status.set_payload([per_message, per_recipient])
    original = EmailMessage()
    original.set_content(
        f"From: Chasse Executive Search <{MAILBOX}>\nTo: {recipient}\n"
        "Subject: Ontvangstbevestiging van uw sollicitatie\n"
        f"Date: {format_datetime(mail.arrival - timedelta(seconds=5))}\n"
        "Message-ID: <reply.0001@chassesearch.nl>\n",
        subtype="rfc822-headers",
        cte="7bit",
    )
    for part, description in (
        (notice, "Notification"),
        (status, "Delivery report"),
        (original, "Undelivered Message Headers"),
    ):
        part["Content-Description"] = description
        msg.attach(part)


def _html(text: str) -> str:
    paragraphs = (html.escape(p).replace("\n", "<br>\n") for p in text.split("\n\n"))
    return "<html><body>\n" + "".join(f"<p>{p}</p>\n" for p in paragraphs) + "</body></html>\n"


def _message_bytes(mail: _Mail, font: Path) -> bytes:
    msg = _envelope(mail)
    if mail.failed_recipient:
        _delivery_report(msg, mail, mail.failed_recipient)
    else:
        msg.set_content(mail.body, cte="quoted-printable")
        if mail.html_body:
            msg.add_alternative(_html(mail.body), subtype="html", cte="quoted-printable")
    created = (mail.sent or mail.arrival) - timedelta(hours=3)
    for document in (_DOCUMENTS[name] for name in mail.attachments):
        maintype, subtype = document.mime_type.split("/")
        data = document.render(font, created)
        msg.add_attachment(data, maintype, subtype, filename=document.filename)
    for index, part in enumerate(msg.walk()):
        if part.get_content_maintype() == "multipart":  # else random boundaries
            part.set_boundary(f"=_mailroom_{mail.case_id}_{index}")
        if part is not msg:  # add_attachment() stamps this on every part
            del part["MIME-Version"]
    return msg.as_bytes()


def _font_path() -> Path:
    font = Path(os.environ.get("MAILROOM_PDF_FONT") or _DEFAULT_FONT)
    if not font.is_file():
        raise FileNotFoundError(
            f"PDF font {font} not found: install the Debian package fonts-dejavu-core"
            " or set MAILROOM_PDF_FONT to a TrueType font with Dutch diacritics"
        )
    return font


def write_inbox(out_dir: Path) -> list[Path]:
    """(Re)create the Maildir; everything is rendered before anything is deleted."""
    font = _font_path()
    by_arrival = sorted(_MAILS, key=lambda mail: mail.arrival)
    rendered = [(mail, _message_bytes(mail, font)) for mail in by_arrival]
    if out_dir.exists():
        if {p.name for p in out_dir.iterdir()} - {"new", "cur", "tmp"}:
            raise FileExistsError(f"refusing to replace {out_dir}: not a Maildir")
        shutil.rmtree(out_dir)
    written: list[Path] = []
    for position, (mail, data) in enumerate(rendered):
        unread = position >= len(rendered) - _UNREAD
        name = f"{int(mail.arrival.timestamp())}.{mail.case_id}.mx1"
        path = out_dir / "new" / name if unread else out_dir / "cur" / f"{name}:2,S"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written


def main() -> None:
    default = Path(__file__).resolve().parent / "inbox"
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    try:
        written = write_inbox(out_dir)
    except (FileNotFoundError, FileExistsError) as error:
        sys.exit(f"make_inbox: {error}")
    print(f"wrote {len(written)} messages to {out_dir}")


if __name__ == "__main__":
    main()
