"""Bulk mail, mailing lists, no-reply senders and spam: cases 230-299.

Newsletters and job alerts sent through Mailchimp, SendGrid, Amazon SES,
Mailgun, Brevo and the job boards' own mailers; job boards and applicant
tracking systems relaying real applications from a no-reply address;
mailing-list traffic from Mailman 2 and 3, Google Groups, Sympa, LISTSERV,
majordomo, GitHub, GitLab and a kernel-style patch list, with and without
attachments that count as application documents; the list software's own
mail; machine senders that carry no list or auto header at all; calendar
notifications; spam as the receiving filter marked it; and From headers
whose display name holds another address than the real one.

What mailroom should conclude about each is written by hand in
`expected-bulk.toml`. Every host is an example domain; every address of a
person is invented.
"""

import base64
import html
import re
import struct

from .builders import (
    APPLY,
    APPLY_EN,
    MAILBOX,
    OUTLOOK_HEADERS,
    SUBJECT,
    THUNDERBIRD_HEADERS,
    Case,
    File,
    Layout,
    Part,
    alternative,
    at,
    attachment,
    cv,
    docx,
    html_only,
    inline_image,
    multipart,
    pair,
    pdf,
    png,
    text,
    zip_archive,
)

# --- helpers: parts that list software and mailers write -------------------------


def _text_file(
    name: str,
    body: str,
    content_type: str,
    *,
    disposition: str = "attachment",
) -> Part:
    """A text attachment as mail clients send a patch, a note or a CSV: not base64."""
    data = body.encode()
    encoding = "7bit" if data.isascii() else "8bit"
    charset = "us-ascii" if data.isascii() else "utf-8"
    return Part(
        f'{content_type}; charset={charset};\n\tname="{name}"',
        data,
        headers=(
            ("Content-Disposition", f'{disposition};\n\tfilename="{name}"'),
            ("Content-Transfer-Encoding", encoding),
        ),
    )


def _body(case: Case) -> Part:
    """The text, with its HTML alternative when the case gives one."""
    return alternative(case.text, case.html) if isinstance(case.html, str) else text(case.text)


def with_parts(*extra: Part, footer: str | None = None) -> Layout:
    """mixed > body, the extra parts, the case's files, and a list footer part
    (Mailman adds its footer as a part of its own to a multipart post)."""

    def layout(case: Case) -> Part:
        tail = (text(footer),) if footer else ()
        files = tuple(attachment(f) for f in case.files)
        return multipart("mixed", _body(case), *extra, *files, *tail)

    return layout


def _mailer_html(body: str) -> str:
    """The HTML part a bulk mailer sends beside its text: a table layout, links
    made clickable, a tracking pixel at the end."""
    paragraphs = "".join(
        '<p style="margin:0 0 12px">'
        + re.sub(
            r"https://\S+",
            lambda link: f'<a href="{link.group(0)}">{link.group(0)}</a>',
            html.escape(paragraph, quote=False),
        ).replace("\n", "<br>\n")
        + "</p>\n"
        for paragraph in body.strip().split("\n\n")
    )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head>\n'
        '<body style="margin:0;padding:0"><table role="presentation" width="100%"'
        ' cellpadding="0" cellspacing="0"><tr><td style="padding:24px;font-family:Arial,'
        f'sans-serif;font-size:14px">\n{paragraphs}</td></tr></table>\n'
        '<img src="https://open.mailer.example/o/1x1.gif" width="1" height="1" alt="">'
        "</body></html>\n"
    )


def campaign(case: Case) -> Part:
    """alternative > (plain, mailer HTML); then the case's files, if any."""
    body = alternative(case.text, _mailer_html(case.text))
    files = tuple(attachment(f) for f in case.files)
    return multipart("mixed", body, *files) if files else body


def newsletter(page: str, logo: str, cid: str) -> Layout:
    """alternative > (plain, related > (html, logo shown by Content-ID)), as the
    big mailers build a campaign with an embedded logo."""

    def layout(case: Case) -> Part:
        image = inline_image(png(logo, (300, 60)), f"{logo.lower()}.png", cid)
        related = multipart("related", text(page, "html"), image)
        return multipart("alternative", text(case.text), related)

    return layout


def calendar_alternative(ics: str, method: str, *, attach: str | None = None) -> Layout:
    """alternative > (plain, html, text/calendar); with `attach`, the same
    invitation once more as a file beside it, as Google Calendar sends it."""

    def layout(case: Case) -> Part:
        invite = Part(
            f'text/calendar; charset="UTF-8"; method={method}',
            ics.encode(),
            headers=(("Content-Transfer-Encoding", "7bit"),),
        )
        body = multipart(
            "alternative", text(case.text), text(_mailer_html(case.text), "html"), invite
        )
        if attach is None:
            return body
        copy = Part(
            f'application/ics;\n\tname="{attach}"',
            _b64(ics.replace("\n", "\r\n").encode()),
            headers=(
                ("Content-Disposition", f'attachment;\n\tfilename="{attach}"'),
                ("Content-Transfer-Encoding", "base64"),
            ),
        )
        return multipart("mixed", body, copy)

    return layout


def _b64(data: bytes) -> bytes:
    encoded = base64.b64encode(data)
    return b"".join(encoded[i : i + 76] + b"\n" for i in range(0, len(encoded), 76))


def word97(*paragraphs: str) -> bytes:
    """A Word 97-2003 .doc: an OLE2 compound file holding a WordDocument stream.

    One FAT sector, one directory sector, then the stream (4096 bytes, so it
    lives in ordinary sectors and needs no mini stream). The stream starts
    with Word's FIB magic and carries the text; nothing reads further.
    """
    free, end, fat_sector, no_stream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    body = "\r".join(paragraphs).encode("cp1252")
    stream = (struct.pack("<HH", 0xA5EC, 0x00C1) + b"\x00" * 28 + body).ljust(4096, b"\x00")
    sectors = len(stream) // 512
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16
    header += struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6) + b"\x00" * 6
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108
    chain = [fat_sector, end, *range(3, 2 + sectors), end]
    fat = b"".join(struct.pack("<I", n) for n in chain).ljust(512, b"\xff")

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\x00").encode("utf-16-le") if name else b""
        return (
            encoded.ljust(64, b"\x00")
            + struct.pack("<HBB", len(encoded), kind, 1 if name else 0)
            + struct.pack("<III", no_stream, no_stream, child)
            + b"\x00" * 16
            + struct.pack("<IQQ", 0, 0, 0)
            + struct.pack("<III", start, size, 0)
        )

    directory = (
        entry("Root Entry", 5, 1, end, 0)
        + entry("WordDocument", 2, no_stream, 2, len(stream))
        + entry("", 0, no_stream, 0, 0) * 2
    )
    return header + fat + directory + stream


# --- texts that several cases share ------------------------------------------------

_MAILMAN2_FOOTER = (
    "_______________________________________________\n"
    "{list} mailing list\n{list}@{host}\nhttps://{host}/mailman/listinfo/{list}\n"
)


def _mailman2(name: str, host: str, description: str) -> tuple[tuple[str, str], ...]:
    """What Mailman 2.1 adds to a post for a member with full personalisation."""
    return (
        ("Cc", f'"{description}" <{name}@{host}>'),
        ("X-BeenThere", f"{name}@{host}"),
        ("X-Mailman-Version", "2.1.39"),
        ("Precedence", "list"),
        ("List-Id", f"{description} <{name}.{host}>"),
        (
            "List-Unsubscribe",
            f"<https://{host}/mailman/options/{name}>,\n\t"
            f"<mailto:{name}-request@{host}?subject=unsubscribe>",
        ),
        ("List-Archive", f"<https://{host}/pipermail/{name}/>"),
        ("List-Post", f"<mailto:{name}@{host}>"),
        ("List-Help", f"<mailto:{name}-request@{host}?subject=help>"),
        (
            "List-Subscribe",
            f"<https://{host}/mailman/listinfo/{name}>,\n\t"
            f"<mailto:{name}-request@{host}?subject=subscribe>",
        ),
        ("Errors-To", f"{name}-bounces+info=chassesearch.nl@{host}"),
        ("Sender", f'"{name}" <{name}-bounces+info=chassesearch.nl@{host}>'),
    )


def _mailman3(name: str, host: str, hash_: str) -> tuple[tuple[str, str], ...]:
    """What Mailman 3 (with HyperKitty) adds to a post."""
    archive = f"https://{host}/hyperkitty/list/{name}@{host}"
    return (
        ("Message-ID-Hash", hash_),
        ("X-Message-ID-Hash", hash_),
        (
            "X-Mailman-Rule-Misses",
            "dmarc-mitigation; no-senders; approved; loop; banned-address;"
            "\n\tmember-moderation; header-match-" + name + "; nonmember-moderation;\n\t"
            "administrivia; implicit-dest; max-recipients; max-size; news-moderation;\n\t"
            "no-subject; digests; suspicious-header",
        ),
        ("X-Mailman-Version", "3.3.9"),
        ("Precedence", "list"),
        ("List-Id", f"<{name}.{host}>"),
        ("Archived-At", f"<{archive}/message/{hash_}/>"),
        ("List-Archive", f"<{archive}/>"),
        ("List-Help", f"<mailto:{name}-request@{host}?subject=help>"),
        ("List-Owner", f"<mailto:{name}-owner@{host}>"),
        ("List-Post", f"<mailto:{name}@{host}>"),
        ("List-Subscribe", f"<mailto:{name}-join@{host}>"),
        ("List-Unsubscribe", f"<mailto:{name}-leave@{host}>"),
    )


def _google_group(group: str, poster: str, group_id: str) -> tuple[tuple[str, str], ...]:
    """What Google Groups adds: its own Mailing-list line and the RFC 2369 set."""
    site = "https://groups.google.example"
    return (
        ("Cc", f"{group}@googlegroups.example"),
        ("X-Original-Sender", poster),
        ("Precedence", "list"),
        (
            "Mailing-list",
            f"list {group}@googlegroups.example; contact {group}+owners@googlegroups.example",
        ),
        ("List-ID", f"<{group}.googlegroups.example>"),
        ("X-Spam-Checked-In-Group", f"{poster}"),
        ("X-Google-Group-Id", group_id),
        ("List-Post", f"<{site}/group/{group}/post>, <mailto:{group}@googlegroups.example>"),
        ("List-Help", f"<{site}/support/>, <mailto:{group}+help@googlegroups.example>"),
        ("List-Archive", f"<{site}/group/{group}/>"),
        (
            "List-Unsubscribe",
            f"<mailto:googlegroups-manage+{group_id}+unsubscribe@googlegroups.example>,\n\t"
            f"<{site}/group/{group}/subscribe>",
        ),
    )


def _sympa(name: str, host: str, sequence: str) -> tuple[tuple[str, str], ...]:
    return (
        ("Cc", f"{name}@{host}"),
        ("List-Id", f"<{name}.{host}>"),
        ("List-Help", f"<mailto:sympa@{host}?subject=help>"),
        ("List-Subscribe", f"<mailto:sympa@{host}?subject=subscribe%20{name}>"),
        ("List-Unsubscribe", f"<mailto:sympa@{host}?subject=unsubscribe%20{name}>"),
        ("List-Post", f"<mailto:{name}@{host}>"),
        ("List-Owner", f"<mailto:{name}-request@{host}>"),
        ("List-Archive", f"<https://{host}/sympa/arc/{name}>"),
        ("Precedence", "list"),
        ("X-Loop", f"{name}@{host}"),
        ("X-Sequence", sequence),
        ("Errors-To", f"{name}-owner@{host}"),
    )


def _listserv(name: str, host: str, description: str) -> tuple[tuple[str, str], ...]:
    """LISTSERV: the list itself as Sender, a Comments line, the RFC 2369 set."""
    web = f"https://{host.lower()}/cgi-bin/wa?LIST={name}"
    return (
        ("Comments", f"To: {name}@{host}"),
        ("Sender", f"{description} <{name}@{host}>"),
        ("Reply-To", f"{description} <{name}@{host}>"),
        ("List-Help", f"<{web}>,\n\t<mailto:LISTSERV@{host}>"),
        ("List-Subscribe", f"<mailto:{name}-subscribe-request@{host}>"),
        ("List-Unsubscribe", f"<mailto:{name}-unsubscribe-request@{host}>"),
        ("List-Owner", f"<mailto:{name}-request@{host}>"),
        ("List-Archive", f"<{web}>"),
    )


def _majordomo(name: str, host: str) -> tuple[tuple[str, str], ...]:
    """Majordomo 1.94: no RFC 2369 headers, only Sender and Precedence."""
    return (
        ("Sender", f"owner-{name}@{host}"),
        ("Reply-To", f"{name}@{host}"),
        ("Precedence", "bulk"),
    )


_SPAMASSASSIN = "SpamAssassin 4.0.1 (2024-03-26) on mx1.chassesearch.nl"

_ICS_WEBINAR = (
    "BEGIN:VCALENDAR\nPRODID:-//Zoom Video Communications Inc//Zoom Calendar//EN\n"
    "VERSION:2.0\nMETHOD:PUBLISH\nBEGIN:VEVENT\nUID:zoom-83017264512-webinar@zoom.example\n"
    "DTSTAMP:20260105T090215Z\nDTSTART:20260115T150000Z\nDTEND:20260115T160000Z\n"
    "SUMMARY:Board governance in 2026: what supervisory boards ask for\n"
    "LOCATION:https://zoom.example/w/83017264512?tk=Rg4Xb2\nEND:VEVENT\nEND:VCALENDAR\n"
)
_ICS_TEAMS = (
    "BEGIN:VCALENDAR\nPRODID:Microsoft Exchange Server 2010\nVERSION:2.0\nMETHOD:REQUEST\n"
    "BEGIN:VTIMEZONE\nTZID:W. Europe Standard Time\nBEGIN:STANDARD\n"
    "DTSTART:16010101T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\n"
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\nEND:STANDARD\nEND:VTIMEZONE\n"
    "BEGIN:VEVENT\nORGANIZER;CN=HR Academie:mailto:events@hracademie.example.nl\n"
    "ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:info@chassesearch.nl\n"
    "UID:040000008200E00074C5B7101A82E0080000000030B1C2D3E4F5DC01000000000000000\n"
    "SUMMARY;LANGUAGE=nl-NL:Webinar Strategisch HR-beleid\n"
    "DTSTART;TZID=W. Europe Standard Time:20260113T100000\n"
    "DTEND;TZID=W. Europe Standard Time:20260113T113000\n"
    "LOCATION;LANGUAGE=nl-NL:Microsoft Teams-vergadering\nSTATUS:CONFIRMED\n"
    "END:VEVENT\nEND:VCALENDAR\n"
)
_ICS_GOOGLE = (
    "BEGIN:VCALENDAR\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\nVERSION:2.0\n"
    "CALSCALE:GREGORIAN\nMETHOD:REQUEST\nBEGIN:VEVENT\nDTSTART:20260109T090000Z\n"
    "DTEND:20260109T100000Z\nDTSTAMP:20260106T071400Z\n"
    "ORGANIZER;CN=Katrin Vogel:mailto:k.vogel@example.de\n"
    "UID:4k2q9v7c1m8d0s3b6j5h@google.example\n"
    "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE\n"
    " ;CN=info@chassesearch.nl;X-NUM-GUESTS=0:mailto:info@chassesearch.nl\n"
    "SUMMARY:Kennenlerngespraech Chasse / Vogel\nSTATUS:CONFIRMED\nSEQUENCE:0\n"
    "END:VEVENT\nEND:VCALENDAR\n"
)
_ICS_NEUJAHR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN\r\n"
    "METHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:7d1e2c90-4b3a-4f6e-9a8d-neujahr2026@example.de\r\n"
    "DTSTAMP:20251224T080000Z\r\nDTSTART;TZID=Europe/Berlin:20260115T180000\r\n"
    "DTEND;TZID=Europe/Berlin:20260115T210000\r\n"
    "SUMMARY:Neujahrsempfang der Fachgruppe Personalwesen\r\n"
    "LOCATION:Haus der Wirtschaft\\, Koeln\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
_VCARD_SECRETARIAAT = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Secretariaat;HR-netwerk;;;\r\nFN:Secretariaat HR-netwerk\r\n"
    "ORG:HR-netwerk Midden-Nederland\r\nEMAIL;TYPE=INTERNET:secretariaat@hrnetwerk.example.nl\r\n"
    "TEL;TYPE=WORK:+31 30 123 4567\r\n"
    "ADR;TYPE=WORK:;;Postbus 1234;Utrecht;;3500 AA;Nederland\r\nEND:VCARD\r\n"
)

_PATCH = """\
From 3c1f0e9b2a7d4c5e8f6a1b0d9c8e7f6a5b4c3d2e Mon Sep 17 00:00:00 2001
From: Pieter Hofman <p.hofman@example.org>
Date: Thu, 18 Dec 2025 22:41:07 +0100
Subject: [PATCH] xref: accept a trailer /ID array with odd whitespace

---
 pdftools/xref.py | 8 +++++---
 1 file changed, 5 insertions(+), 3 deletions(-)

diff --git a/pdftools/xref.py b/pdftools/xref.py
index 4e1a2b3..9f0c8d7 100644
--- a/pdftools/xref.py
+++ b/pdftools/xref.py
@@ -211,5 +211,7 @@ def read_trailer(stream):
     trailer = parse_dictionary(stream)
-    ids = trailer.get("/ID")
-    if ids is not None and len(ids) != 2:
-        raise XrefError("bad /ID")
+    ids = trailer.get("/ID") or []
+    # Some scanners write [<a><b> ] or a single string; keep what we can.
+    ids = [item for item in ids if isinstance(item, bytes)]
+    if len(ids) > 2:
+        raise XrefError("bad /ID")
     return trailer
--\x20
2.47.1
"""

_DIFF_DE = """\
--- a/export/mitglieder.py\t2025-12-19 10:02:11.000000000 +0100
+++ b/export/mitglieder.py\t2025-12-20 21:30:45.000000000 +0100
@@ -42,7 +42,7 @@
 def zeile(mitglied):
     return [
         mitglied.nummer,
-        mitglied.name,
+        mitglied.name.strip(),
         mitglied.eintritt.strftime("%d.%m.%Y"),
-        mitglied.beitrag,
+        f"{mitglied.beitrag:.2f}".replace(".", ","),
     ]
"""

_KERNEL_PATCH = """\
A document whose /Prev entries point back at an earlier section made the
walker loop until the stack ran out. Remember the offsets already visited
and stop with -EINVAL on the first repeat.

Reported-by: Maarten Verbeek <m.verbeek@example.org>
Signed-off-by: Wouter Claes <wouter.claes@example.net>
---
v2: use a bitmap instead of a list, as Marta suggested.

 drivers/pdf/xref.c | 6 ++++++
 1 file changed, 6 insertions(+)

diff --git a/drivers/pdf/xref.c b/drivers/pdf/xref.c
index 1b2c3d4e5f60..a7b8c9d0e1f2 100644
--- a/drivers/pdf/xref.c
+++ b/drivers/pdf/xref.c
@@ -388,11 +388,17 @@ static int pdf_walk_xref(struct pdf_doc *doc, u64 start)
 {
\tu64 offset = start;
+\tunsigned int seen = 0;
 \tint ret;
\x20
 \twhile (offset) {
+\t\tif (++seen > PDF_MAX_SECTIONS)
+\t\t\treturn -EINVAL;
+\t\tif (pdf_offset_seen(doc, offset))
+\t\t\treturn -EINVAL;
+\t\tpdf_mark_offset(doc, offset);
 \t\tret = pdf_read_section(doc, offset, &offset);
 \t\tif (ret)
 \t\t\treturn ret;
 \t}
 \treturn 0;
 }
--\x20
2.47.1
"""

_X_PATCH = """\
diff --git a/templates/vacature.html b/templates/vacature.html
index 77ab12c..80cd3e4 100644
--- a/templates/vacature.html
+++ b/templates/vacature.html
@@ -18,3 +18,3 @@
   <h1>{{ vacature.titel }}</h1>
-  <p>Reageren kan tot {{ vacature.sluiting|datum }}.</p>
+  <p>Reageren kan tot en met {{ vacature.sluiting|datum }}.</p>
   {% include "knoppen.html" %}
"""

_CSV = (
    "date;salon;ville;stand\n"
    "2026-01-20;Forum Emploi Cadres;Lyon;B12\n"
    "2026-02-05;Salon des metiers du public;Paris;A04\n"
    "2026-03-12;Rencontres RH du Nord;Lille;C07\n"
)

_AGENDA = pdf(
    (
        "Agenda - NGO Board Network, January meeting",
        "Thursday 15 January 2026, 19:00-21:00",
        "",
        "1. Opening and minutes of 4 December",
        "2. Board evaluations: what worked in 2025",
        "3. Treasurer's report",
        "4. Any other business",
    ),
    title="Agenda January meeting",
)
_CALL_FOR_PAPERS = pdf(
    (
        "Call for papers: Public Sector HRM Workshop 2026",
        "Submission deadline: 27 February 2026",
        "",
        "We invite papers on recruitment and selection in public organisations,",
        "on leadership succession and on diversity in senior civil service.",
    ),
    title="Call for papers",
)
_FAKE_INVOICE = pdf(
    (
        "RECHNUNG Nr. 2025-7731",
        "Zahlungserinnerung - zweite Mahnung",
        "",
        "Offener Betrag: 1.284,60 EUR",
        "Bitte begleichen Sie den Betrag innerhalb von 48 Stunden:",
        "https://zahlung-rechnung.example/pay?ref=7731",
    ),
    title="Rechnung",
)

_LOGO_CID = "logo.0a1b2c3d@mcsv.example"

CASES: tuple[Case, ...] = (
    # newsletters and job alerts: bulk mailers, job boards, the government's own
    Case(
        "230-bulk-mailchimp-cv-tips-nl",
        "Carrierecoach <nieuws@carrierecoach.example.nl>",
        "5 tips voor je cv (en waarom recruiters je brief niet lezen)",
        "Bekijk deze e-mail in je browser: https://mailchi.mp.example/carrierecoach/cv-tips-dec\n\n"
        "5 tips voor je cv\n\n"
        "1. Begin met een profiel van drie regels.\n"
        "2. Noem resultaten, geen taken.\n"
        "3. Houd het op twee pagina's.\n"
        "4. Stuur je cv als pdf, nooit als Word-bestand.\n"
        "5. Solliciteer binnen een week na publicatie: dan lezen ze nog.\n\n"
        "Lees verder: https://carrierecoach.example.nl/blog/5-tips-cv\n\n"
        "Je ontvangt deze e-mail omdat je je hebt aangemeld op carrierecoach.example.nl.\n"
        "Afmelden: https://carrierecoach.us5.list-manage.example/unsubscribe?u=d0e3a1b9c7f2e6a4"
        "&id=8f2b6c1d0e\n",
        layout=newsletter(
            '<html><body style="margin:0"><table width="100%"><tr><td align="center">'
            f'<img src="cid:{_LOGO_CID}" alt="Carrierecoach" width="300" height="60">'
            "<h1>5 tips voor je cv</h1><ol><li>Begin met een profiel van drie regels.</li>"
            "<li>Noem resultaten, geen taken.</li><li>Houd het op twee pagina's.</li>"
            "<li>Stuur je cv als pdf, nooit als Word-bestand.</li>"
            "<li>Solliciteer binnen een week na publicatie.</li></ol>"
            '<p><a href="https://carrierecoach.example.nl/blog/5-tips-cv">Lees verder</a></p>'
            '<p style="font-size:11px"><a href="https://carrierecoach.us5.list-manage.example/'
            'unsubscribe?u=d0e3a1b9c7f2e6a4&amp;id=8f2b6c1d0e">Afmelden</a></p>'
            "</td></tr></table></body></html>\n",
            "Carrierecoach",
            _LOGO_CID,
        ),
        sign=None,
        arrival=at("2025-12-19 07:02:11"),
        sent=at("2025-12-19 07:00:03"),
        headers=(
            ("Reply-To", "Carrierecoach <redactie@carrierecoach.example.nl>"),
            ("X-Mailer", "Mailchimp Mailer - **CIDa3f0c9e1b27d5e4c8f61**"),
            ("X-Campaign", "mailchimpd0e3a1b9c7f2e6a4.8f2b6c1d0e"),
            ("X-campaignid", "mailchimpd0e3a1b9c7f2e6a4.8f2b6c1d0e"),
            (
                "X-Report-Abuse",
                "Please report abuse for this campaign here:\n\thttps://mailchimp.example/contact/"
                "abuse/?u=d0e3a1b9c7f2e6a4&id=8f2b6c1d0e&e=5b7a0c3e91",
            ),
            ("X-MC-User", "d0e3a1b9c7f2e6a4b18c5e7f9"),
            ("Feedback-ID", "48213967:48213967.1290377:us5:mc"),
            (
                "List-ID",
                "d0e3a1b9c7f2e6a4b18c5e7f9mc list\n\t"
                "<d0e3a1b9c7f2e6a4b18c5e7f9.1290377.list-id.mcsv.example>",
            ),
            ("X-Accounttype", "pd"),
            (
                "List-Unsubscribe",
                "<https://carrierecoach.us5.list-manage.example/unsubscribe?u=d0e3a1b9c7f2e6a4"
                "&id=8f2b6c1d0e&t=b&e=5b7a0c3e91&c=1290377>,\n\t"
                "<mailto:unsubscribe-mc.us5_d0e3a1b9c7f2e6a4.8f2b6c1d0e-5b7a0c3e91@"
                "unsubscribe.mailchimpapp.example?subject=unsubscribe>",
            ),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ),
        return_path="bounce-mc.us5_48213967.1290377-5b7a0c3e91@mail131.atl221.mcsv.example",
    ),
    Case(
        "231-bulk-sendgrid-job-alert-html-only-en",
        "TalentRadar Jobs <jobs@talentradar.example.com>",
        "12 new Director jobs near Utrecht - apply now",
        "",
        layout=html_only,
        html=(
            '<!DOCTYPE html><html><head><meta charset="utf-8"><title>TalentRadar</title></head>'
            "<body><h2>New jobs for &quot;Director&quot; near Utrecht</h2>\n"
            "<table><tr><td><b>Director of Operations</b><br>Province of Utrecht - EUR 7,200 to"
            ' 9,900<br><a href="https://u3321987.ct.sendgrid.example/ls/click?upn=aGk1">Apply'
            " now</a></td></tr>\n<tr><td><b>Deputy Director, Water Board</b><br>Houten<br>"
            '<a href="https://u3321987.ct.sendgrid.example/ls/click?upn=aGk2">Apply now</a>'
            "</td></tr></table>\n<p>Upload your CV once and apply with one click.</p>\n"
            '<p style="color:#888">You get this alert because you created it on TalentRadar.'
            ' <a href="https://talentradar.example.com/alerts/unsubscribe?a=77120">'
            'Unsubscribe</a></p><img src="https://u3321987.ct.sendgrid.example/wf/open?upn=aGk3"'
            ' width="1" height="1" alt=""></body></html>\n'
        ),
        sign=None,
        arrival=at("2025-12-19 16:45:03"),
        sent=at("2025-12-19 16:44:10"),
        headers=(
            (
                "X-SG-EID",
                "u001.Vq3dLw9mXpRk2aT7bN0cYhE1sF4gJ6iK8lM5nO3pQ2rS1tU0vW9xY8zA7bC6dE5fG4\n\t"
                "hI3jK2lM1nO0pQ9rS8tU7vW6xY5zA4bC3dE2fG1hI0jK==",
            ),
            ("X-SG-ID", "u001.SdBcvi+Evd/bQef8eZF1BhWfbJfuh1L6"),
            ("X-Entity-ID", "u001.mP4eW1cN7dQ2xR9tY6uI3o=="),
            (
                "List-Unsubscribe",
                "<https://u3321987.ct.sendgrid.example/asm/unsubscribe/?user_id=3321987&data=Zk9>,"
                "\n\t<mailto:unsubscribe@talentradar.example.com?subject=unsubscribe-77120>",
            ),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ),
        return_path="bounces+3321987-5c1a-info=chassesearch.nl@em7421.talentradar.example.com",
    ),
    Case(
        "232-bulk-amazon-ses-feedback-id-only-de",
        "Jobportal Rheinland <empfehlungen@jobportal-rheinland.example.de>",
        "Neue Stellenangebote für Sie: Geschäftsführer/in (m/w/d)",
        "Guten Tag,\n\nwir haben neue Stellenangebote gefunden, die zu Ihrem Suchauftrag"
        ' "Geschäftsführung" passen:\n\n'
        "- Kaufmännische Geschäftsführung (m/w/d), Zweckverband Wasser, Bonn\n"
        "- Leitung Verwaltung (m/w/d), Kreisverwaltung, Siegburg\n\n"
        "Jetzt bewerben: https://www.jobportal-rheinland.example.de/suchauftrag/55120\n\n"
        "Ihr Team von Jobportal Rheinland\n\n"
        "Suchauftrag verwalten: https://www.jobportal-rheinland.example.de/konto/suchauftraege\n",
        layout=campaign,
        sign=None,
        arrival=at("2025-12-20 06:30:05"),
        sent=at("2025-12-20 06:29:51"),
        headers=(
            ("Feedback-ID", "::1.eu-west-1.Xk3Zm9QyT2bH8cLw0nR5pVa1sE4=:AmazonSES"),
            ("X-SES-Outgoing", "2025.12.20-198.51.100.41"),
        ),
        return_path=(
            "0102019b2e5c7a41-6f8d3b2a-9c1e-4d7f-b5a0-3e2c1f9d8a76-000000"
            "@eu-west-1.amazonses.example"
        ),
    ),
    Case(
        "233-bulk-mailgun-webinar-before-the-window-en",
        "Boardroom Academy <events@boardroom-academy.example.com>",
        "Webinar: how to apply for a non-executive board role",
        "Hello,\n\nOn 14 January we host a free webinar for senior leaders who want a seat on a"
        " supervisory board. You will learn how search firms shortlist candidates, what a"
        " board CV looks like and how to prepare for the interview with the chair.\n\n"
        "Register: https://boardroom-academy.example.com/webinars/ned-2026\n\n"
        "The Boardroom Academy team\n\n--\nYou are receiving this because you attended one of"
        " our events. Manage your preferences:"
        " https://boardroom-academy.example.com/preferences?m=8c1d\n",
        layout=campaign,
        sign=None,
        arrival=at("2025-12-03 14:00:27"),
        sent=at("2025-12-03 13:59:58"),
        headers=(
            ("X-Mailgun-Sid", "WyI0YjVmYSIsICJpbmZvQGNoYXNzZXNlYXJjaC5ubCIsICI3ZDFlMiJd"),
            ("X-Mailgun-Tag", "webinar-ned-2026"),
            ("X-Mailgun-Track", "yes"),
            ("X-Mailgun-Track-Clicks", "yes"),
        ),
        return_path="bounce+5e1c2a.7d1e2-info=chassesearch.nl@mg.boardroom-academy.example.com",
    ),
    Case(
        "234-bulk-brevo-solliciteer-nu-nl",
        "Gemeentebanen <nieuws@gemeentebanen.example.nl>",
        "Solliciteer nu: 40 nieuwe vacatures bij gemeenten",
        "Solliciteer nu: 40 nieuwe vacatures bij gemeenten\n\n"
        "Gemeentesecretaris, gemeente Zeewolde - sluit 9 januari\n"
        "Directeur Sociaal Domein, gemeente Houten - sluit 12 januari\n"
        "Concerncontroller, gemeente Nijkerk - sluit 16 januari\n\n"
        "Bekijk alle vacatures: https://gemeentebanen.example.nl/vacatures?utm_source=brevo\n\n"
        "Wil je deze nieuwsbrief niet meer ontvangen? Meld je af via de link onderaan.\n",
        layout=campaign,
        sign=None,
        arrival=at("2025-12-21 08:00:41"),
        sent=at("2025-12-21 08:00:00"),
        headers=(
            ("X-Mailer", "Sendinblue"),
            ("X-sib-id", "Jx5kR2b1pQ9mV3cT8wA0zL6yN4eH7uG1sD2fK5oI9rE3tW8qB0vC4xM6nZ1jP7"),
            ("X-CSA-Complaints", "csa-complaints@eco.example"),
            ("Feedback-ID", "42.83302.1145:83302:Sendinblue"),
            (
                "List-Unsubscribe",
                "<https://r.sb.gemeentebanen.example.nl/tr/un/li/Xk2bR9q1>,\n\t"
                "<mailto:unsubscribe@gemeentebanen.example.nl?subject=unsubscribe-83302>",
            ),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ),
        return_path="bounces-u83302-1145-48f1c2@m.bnc3.sendibm.example",
    ),
    Case(
        "235-bulk-linkedin-job-alert-en",
        "LinkedIn Job Alerts <jobalerts-noreply@linkedin.example>",
        "\u201cDirector\u201d: 14 new jobs in Utrecht, Netherlands",
        "Your job alert for Director in Utrecht, Netherlands\n"
        "14 new jobs match your preferences.\n\n"
        "Director Finance & Control\nProvincie Utrecht\nUtrecht, Netherlands\n"
        "Easy Apply\nView job: https://www.linkedin.example/comm/jobs/view/4129900311\n\n"
        "Deputy Director General\nInterprovinciaal Overleg\nThe Hague, Netherlands\n"
        "View job: https://www.linkedin.example/comm/jobs/view/4129900412\n\n"
        "See all jobs: https://www.linkedin.example/comm/jobs/search?savedSearchId=1766120\n\n"
        "----------------------------------------\n"
        "This email was intended for Chasse Executive Search (Executive search).\n"
        "Unsubscribe: https://www.linkedin.example/comm/psettings/email-unsubscribe?lipi=urn\n"
        "LinkedIn Corporation, 1000 West Maude Avenue, Sunnyvale, CA 94085\n",
        layout=campaign,
        sign=None,
        arrival=at("2025-12-22 05:41:19"),
        sent=at("2025-12-22 05:41:02"),
        headers=(
            ("X-LinkedIn-Class", "JOBS-TO-MBR"),
            ("X-LinkedIn-Template", "email_job_alert_digest_01"),
            ("X-LinkedIn-fbl", "s-2c9ab7f1e0d34a51b7e0c3d9f8e2a614"),
            ("X-LinkedIn-Id", "1f9b2c-m4kq7x1a-2v"),
            ("Feedback-ID", "email_job_alert_digest_01:linkedin"),
            (
                "List-Unsubscribe",
                "<https://www.linkedin.example/comm/psettings/email-unsubscribe?lipi=urn%3Ali"
                "&midToken=AQH2&trk=eml-jobalert>",
            ),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ),
        return_path="s-2c9ab7f1e0d34a51b7e0c3d9f8e2a614@bounce.linkedin.example",
    ),
    Case(
        "236-bulk-linkedin-notification-html-only-de",
        "LinkedIn <notifications-noreply@linkedin.example>",
        "Sie wurden diese Woche in 9 Suchen gefunden",
        "",
        layout=html_only,
        html=(
            '<html lang="de"><body><table role="presentation" width="100%"><tr><td>'
            "<p>Chasse Executive Search, Sie wurden diese Woche in 9 Suchen gefunden.</p>"
            "<p>Personen von Provincie Utrecht und IPO haben nach Ihnen gesucht.</p>"
            '<p><a href="https://www.linkedin.example/comm/me/search-appearances">'
            "Alle Suchen ansehen</a></p>"
            '<p style="font-size:12px;color:#666">Diese E-Mail ist f&uuml;r Chasse Executive'
            " Search bestimmt. "
            '<a href="https://www.linkedin.example/comm/psettings/email-unsubscribe?lipi=urn">'
            "Abbestellen</a></p></td></tr></table></body></html>\n"
        ),
        sign=None,
        arrival=at("2025-12-23 19:12:55"),
        headers=(
            ("X-LinkedIn-Class", "INSIGHTS-SEARCH"),
            ("X-LinkedIn-Template", "email_search_appearances_01"),
            ("Content-Language", "de-DE"),
            (
                "List-Unsubscribe",
                "<https://www.linkedin.example/comm/psettings/email-unsubscribe?lipi=urn%3Ali"
                "&midToken=AQF9&trk=eml-search>",
            ),
        ),
        return_path="s-7e3c0d1b9a8f4e2d6c5b4a3f2e1d0c9b@bounce.linkedin.example",
    ),
    Case(
        "237-bulk-nationale-vacaturebank-alert-nl",
        "Nationale Vacaturebank <noreply@nationalevacaturebank.example.nl>",
        "Jouw vacaturealert: 8 nieuwe vacatures voor 'directeur'",
        "Hoi,\n\nEr zijn 8 nieuwe vacatures die passen bij je vacaturealert 'directeur' in"
        " Utrecht.\n\n"
        "Directeur Bedrijfsvoering - Veiligheidsregio Utrecht - 36 uur\n"
        "Algemeen Directeur - Stichting Natuurbeheer - 32-36 uur\n\n"
        "Solliciteer direct met je cv: https://www.nationalevacaturebank.example.nl/alert/8821\n\n"
        "Groet,\nNationale Vacaturebank\n\nAlert aanpassen of stoppen:"
        " https://www.nationalevacaturebank.example.nl/mijn/alerts\n",
        layout=campaign,
        sign=None,
        arrival=at("2025-12-27 07:15:00"),
        sent=at("2025-12-27 07:14:41"),
        headers=(
            (
                "List-Unsubscribe",
                "<https://www.nationalevacaturebank.example.nl/alert/8821/stop?t=Qm9v>,\n\t"
                "<mailto:afmelden@nationalevacaturebank.example.nl?subject=alert-8821>",
            ),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ("Precedence", "bulk"),
        ),
        return_path="nvb+alert-8821-info=chassesearch.nl@bounce.nationalevacaturebank.example.nl",
    ),
    Case(
        "238-bulk-intermediair-cv-tips-list-id-nl",
        "Intermediair <nieuwsbrief@intermediair.example.nl>",
        "5 tips voor je cv | Zo val je op bij de selectiecommissie",
        "Intermediair Carriere, week 1\n\n"
        "5 tips voor je cv\nRecruiters besteden gemiddeld zes seconden aan een cv. Zo zorg je"
        " dat die seconden tellen.\nLees meer: https://www.intermediair.example.nl/cv-tips\n\n"
        "Motivatiebrief: beginnen met 'Hierbij solliciteer ik'?\nLiever niet. Drie betere"
        " openingszinnen.\nLees meer: https://www.intermediair.example.nl/motivatiebrief\n\n"
        "Je ontvangt deze nieuwsbrief omdat je je hebt ingeschreven. Uitschrijven:"
        " https://www.intermediair.example.nl/nieuwsbrief/uitschrijven\n",
        layout=campaign,
        sign=None,
        arrival=at("2026-01-02 06:05:33"),
        sent=at("2026-01-02 06:00:00"),
        headers=(
            ("X-Mailer", "Selligent Marketing Cloud"),
            ("List-Id", "Intermediair Carriere <carriere.nieuwsbrief.intermediair.example.nl>"),
            (
                "List-Unsubscribe",
                "<https://www.intermediair.example.nl/nieuwsbrief/uitschrijven?id=5502117>",
            ),
        ),
        return_path="nb-5502117-info=chassesearch.nl@e.intermediair.example.nl",
    ),
    Case(
        "239-bulk-uwv-werk-nl-donotreply",
        "UWV werk.nl <donotreply@werk.example.nl>",
        "Er zijn nieuwe kandidaten voor uw vacature",
        "Geachte werkgever,\n\nEr zijn nieuwe kandidaten die passen bij uw vacature"
        " 'Plaatsvervangend algemeen directeur' op werk.nl. U bekijkt hun cv's na inloggen"
        " op werk.nl/werkgevers.\n\nDit bericht is automatisch verstuurd. U kunt deze e-mail niet"
        " beantwoorden.\n\nMet vriendelijke groet,\nUWV\n",
        sign=None,
        arrival=at("2025-12-29 10:20:14"),
        return_path="donotreply@werk.example.nl",
    ),
    Case(
        "240-bulk-werken-voor-nederland-bounces-return-path-only",
        "Werken voor Nederland <vacaturealert@werkenvoornederland.example.nl>",
        "Nieuwe vacatures bij het Rijk die passen bij uw zoekopdracht",
        "Beste lezer,\n\nEr staan 6 nieuwe vacatures voor u klaar bij de zoekopdracht"
        " 'directeur, schaal 16 en hoger'.\n\n"
        "- Plaatsvervangend directeur-generaal, ministerie van LVVN (solliciteren tot 11 januari)\n"
        "- Directeur Uitvoering, Rijksdienst voor Ondernemend Nederland\n\n"
        "Bekijk de vacatures: https://www.werkenvoornederland.example.nl/zoekopdracht/7731\n\n"
        "Werken voor Nederland\n",
        sign=None,
        arrival=at("2025-12-30 07:00:09"),
        return_path="bounces+2210331-9c1f-info=chassesearch.nl@em.werkenvoornederland.example.nl",
    ),
    Case(
        "241-bulk-xing-job-alert-de",
        "XING <jobs@mail.xing.example>",
        "3 neue Jobs für Sie: Geschäftsführer (m/w/d) in Köln",
        "Hallo,\n\nhier sind neue Jobs, die zu Ihrem Jobsuchauftrag passen:\n\n"
        "Geschäftsführer (m/w/d) - Stadtwerke Rhein-Erft - Köln\n"
        "Leitung Personal (m/w/d) - Landschaftsverband - Köln\n\n"
        "Mit einem Klick bewerben: https://www.xing.example/jobs/search?alert=7712\n\n"
        "Ihr XING-Team\n\nBenachrichtigungen verwalten: https://www.xing.example/settings/notifications\n",
        layout=campaign,
        sign=None,
        arrival=at("2026-01-04 09:30:48"),
        headers=(
            ("X-XING-Mailing", "jobs_alert_weekly"),
            ("List-Unsubscribe", "<https://www.xing.example/notifications/unsubscribe?t=Yk2>"),
        ),
        return_path="xm-7712-b3c1@mail.xing.example",
    ),
    Case(
        "242-bulk-marketing-cloud-msprvs-after-the-window-en",
        "Talentbureau Noord <news@talentbureau-noord.example.com>",
        "Your weekly career update: 5 roles and a CV checklist",
        "Your weekly career update\n\n5 senior roles we are recruiting for this month, and our"
        " CV checklist for 2026.\n\nRead online: https://view.talentbureau-noord.example.com/?qs=9f\n"
        "\nUnsubscribe: https://cl.s10.exct.example/unsub_center.aspx?qs=9f2b\n",
        layout=campaign,
        sign=None,
        arrival=at("2026-01-12 15:03:22"),
        headers=(
            ("x-job", "7261043_28811034"),
            ("X-SFMC-Stack", "10"),
            (
                "List-Unsubscribe",
                "<mailto:leave-fd9f1c7d7c6d0f2a-fe5e1571716d0c7d71-fe9c12717c640c7f7d@"
                "leave.s10.exct.example>",
            ),
        ),
        return_path="msprvs1=20041KvXyZ3aB=bounces-71234-89@bounce.s10.exct.example",
    ),
    # job boards and applicant tracking systems relaying real applications
    Case(
        "243-relay-indeed-noreply-two-pdfs",
        "Indeed <noreply@indeed.example>",
        "Nieuwe sollicitatie voor Plaatsvervangend Algemeen Directeur IPO: Femke Mulder",
        "Femke Mulder heeft gesolliciteerd op uw vacature Plaatsvervangend Algemeen Directeur"
        " IPO, tevens Directeur BIJ12 (Den Haag).\n\n"
        "De motivatiebrief en het cv van de kandidaat zijn bijgevoegd. Reageer rechtstreeks op"
        " deze e-mail om de kandidaat te bereiken.\n\n"
        "Kandidaten beheren: https://employers.indeed.example/candidates?id=5f1c\n\n"
        "Indeed B.V.\n",
        pair("Femke Mulder"),
        sign=None,
        arrival=at("2025-12-22 11:14:36"),
        headers=(
            ("Reply-To", "Femke Mulder <femke.mulder.8k2q@indeedemail.example>"),
            ("X-Indeed-Content-Type", "application-notification"),
        ),
        return_path="0100019b4a7e2c31-8f2d-4e1a-bb90-4c3d2e1f0a9b-000000@mail.indeed.example",
    ),
    Case(
        "244-relay-nationale-vacaturebank-auto-generated-en",
        "Nationale Vacaturebank <sollicitaties@nationalevacaturebank.example.nl>",
        "Nieuwe reactie op uw vacature: Deputy Director General IPO",
        "Er is een nieuwe reactie op uw vacature Plaatsvervangend Algemeen Directeur IPO.\n\n"
        "Kandidaat: Oliver Grant\nWoonplaats: Amsterdam\n\n"
        "De kandidaat schreef:\n" + APPLY_EN + "\n\n"
        "Beantwoord dit bericht om de kandidaat te antwoorden.\n",
        pair("Oliver Grant", english=True),
        sign=None,
        arrival=at("2025-12-28 13:47:02"),
        headers=(
            ("Reply-To", "Oliver Grant <oliver.grant@example.com>"),
            ("Auto-Submitted", "auto-generated"),
        ),
        return_path="sollicitaties@nationalevacaturebank.example.nl",
    ),
    Case(
        "245-relay-werken-voor-nederland-via-display-name-one-pdf",
        '"j.devries@example.nl via Werken voor Nederland"'
        " <no-reply@werkenvoornederland.example.nl>",
        "Sollicitatie: Plaatsvervangend Algemeen Directeur IPO",
        "U ontvangt deze sollicitatie via Werken voor Nederland.\n\n"
        "Naam: Jeroen de Vries\nE-mail: j.devries@example.nl\n\n"
        "Bijlage: cv van de kandidaat.\n",
        (File("cv_jeroen_de_vries.pdf", cv("Jeroen de Vries")),),
        sign=None,
        arrival=at("2026-01-03 20:31:44"),
        headers=(("Reply-To", "Jeroen de Vries <j.devries@example.nl>"),),
        return_path="no-reply@werkenvoornederland.example.nl",
    ),
    Case(
        "246-relay-linkedin-list-unsubscribe-one-pdf",
        "LinkedIn <jobs-listings@linkedin.example>",
        "New application: Deputy Director General IPO from Priya Raman",
        "Your job has a new applicant\n\nPriya Raman\nInterim Director, Public Finance\n"
        "Rotterdam, South Holland, Netherlands\n\n"
        "Resume attached. View the application:"
        " https://www.linkedin.example/hiring/jobs/4129900412/applicants/9981\n\n"
        "This email was intended for Chasse Executive Search.\n",
        (File("Priya_Raman_Resume.pdf", cv("Priya Raman", english=True)),),
        layout=campaign,
        sign=None,
        arrival=at("2025-12-31 09:58:10"),
        headers=(
            ("X-LinkedIn-Class", "JOBS-TO-POSTER"),
            ("X-LinkedIn-Template", "email_jobs_new_applicant_01"),
            (
                "List-Unsubscribe",
                "<https://www.linkedin.example/comm/psettings/email-unsubscribe?lipi=urn%3Ali"
                "&midToken=AQE1&trk=eml-applicant>",
            ),
        ),
        return_path="s-0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e@bounce.linkedin.example",
    ),
    Case(
        "247-relay-recruitee-sendgrid-two-pdfs",
        "Recruitee <notifications@recruitee.example>",
        "New candidate for Deputy Director General IPO: Hannah Kowalczyk",
        "Hannah Kowalczyk applied for Deputy Director General IPO via your careers site.\n\n"
        "Her cover letter and CV are attached.\n\n"
        "Open in Recruitee: https://chasse.recruitee.example/candidates/448120\n",
        pair("Hannah Kowalczyk", english=True),
        sign=None,
        arrival=at("2026-01-05 14:22:31"),
        headers=(
            ("Reply-To", "Hannah Kowalczyk <h.kowalczyk@example.org>"),
            ("X-SG-EID", "u001.Hx8mQ2rT5vW1yA4cE7gJ0lN3pS6uX9zB2dF5hK8mP1rU4wZ7bE0gH3kN6q=="),
        ),
        return_path="bounces+4417203-88ac-info=chassesearch.nl@em2290.recruitee.example",
    ),
    Case(
        "248-relay-homerun-pdf-and-docx",
        "Homerun <noreply@homerun.example>",
        "Nieuwe sollicitant: Thomas Bakker - Plaatsvervangend Algemeen Directeur IPO",
        "Thomas Bakker heeft gesolliciteerd via jullie vacaturepagina.\n\n"
        "Bijlagen: cv en motivatie, zoals de kandidaat ze uploadde.\n\n"
        "Bekijk Thomas in Homerun: https://app.homerun.example/chasse/candidates/20931\n",
        (
            File("CV Thomas Bakker.pdf", cv("Thomas Bakker")),
            File(
                "Motivatie Thomas Bakker.docx",
                docx(
                    "Geachte selectiecommissie,", APPLY, "Met vriendelijke groet,", "Thomas Bakker"
                ),
            ),
        ),
        sign=None,
        arrival=at("2025-12-26 17:05:59"),
        headers=(("Reply-To", "Thomas Bakker <thomas.bakker@example.nl>"),),
        return_path="noreply@homerun.example",
    ),
    Case(
        "249-relay-workday-auto-response-suppress",
        "Chasse Executive Search via Workday <chasse@myworkday.example>",
        "Candidate submitted: Deputy Director General IPO - Lucas Meijer",
        "A candidate has been submitted for Deputy Director General IPO (JR-2025-118).\n\n"
        "Candidate: Lucas Meijer\nSource: Career site\n\n"
        "Attachments: cover letter, CV.\n\nThis is a system-generated notification.\n",
        pair("Lucas Meijer", english=True),
        sign=None,
        arrival=at("2026-01-06 23:41:07"),
        headers=(
            ("Reply-To", "Lucas Meijer <lucas.meijer@example.net>"),
            ("X-Auto-Response-Suppress", "All"),
        ),
        return_path="chasse-bounce-118@myworkday.example",
    ),
    Case(
        "250-relay-quoted-display-name-address-two-pdfs",
        '"recruitment@vanderlinden-groep.example.nl" <noreply@ats-mail.example.com>',
        "Kandidaat gedeeld: Hanna Visser",
        "Van der Linden Groep heeft een kandidaat met u gedeeld voor de vacature"
        " Plaatsvervangend Algemeen Directeur IPO.\n\n"
        "Kandidaat: Hanna Visser\nDe motivatiebrief en het cv zijn bijgevoegd.\n\n"
        "Verzonden via ATS Mail. Antwoorden op dit bericht worden niet gelezen.\n",
        pair("Hanna Visser"),
        sign=None,
        arrival=at("2025-12-20 12:36:48"),
        return_path="noreply@ats-mail.example.com",
    ),
    Case(
        "251-relay-indeed-after-closing",
        "Indeed <noreply@indeed.example>",
        "New application for Deputy Director General IPO: Samuel Osei",
        "Samuel Osei applied to your job Deputy Director General IPO (The Hague).\n\n"
        "The candidate's cover letter and CV are attached. Reply to this email to contact the"
        " candidate.\n\nIndeed\n",
        pair("Samuel Osei", english=True),
        sign=None,
        arrival=at("2026-01-07 08:12:30"),
        headers=(
            ("Reply-To", "Samuel Osei <samuel.osei.3m7r@indeedemail.example>"),
            ("X-Indeed-Content-Type", "application-notification"),
        ),
        return_path="0100019b9c1d4e52-2a3b-4c5d-8e9f-0a1b2c3d4e5f-000000@mail.indeed.example",
    ),
    # list posts by people: patches, notes, tables, invitations, contact cards
    Case(
        "252-list-mailman2-patch-attachment-en",
        "Pieter Hofman <p.hofman@example.org>",
        "[pdftools-devel] [PATCH] xref: accept a trailer /ID array with odd whitespace",
        "Hi all,\n\nScanned PDFs from one printer family write the trailer /ID with a stray"
        " space inside the array, and read_trailer() gives up on them. Patch attached."
        "\n\nPieter\n",
        layout=with_parts(
            _text_file(
                "0001-xref-accept-a-trailer-ID-array-with-odd-whitespace.patch",
                _PATCH,
                "text/x-diff",
            ),
            footer=_MAILMAN2_FOOTER.format(list="pdftools-devel", host="lists.example.org"),
        ),
        sign=None,
        arrival=at("2025-12-19 14:20:37"),
        headers=(
            *THUNDERBIRD_HEADERS,
            *_mailman2("pdftools-devel", "lists.example.org", "PDF tools development"),
        ),
        return_path="pdftools-devel-bounces+info=chassesearch.nl@lists.example.org",
    ),
    Case(
        "253-list-mailman3-diff-attachment-de",
        "Karin Brandt <k.brandt@example.de>",
        "[Vereinsverwaltung] Korrektur für den Export der Mitgliederliste",
        "Hallo zusammen,\n\nder Export schrieb die Beiträge mit Punkt statt Komma, deshalb hat"
        " die Bank die Datei abgelehnt. Anbei ein kleiner Diff, bitte einmal drüberschauen.\n\n"
        "Viele Grüße\nKarin\n",
        layout=with_parts(_text_file("export-komma.diff", _DIFF_DE, "text/x-diff")),
        sign=None,
        arrival=at("2025-12-20 21:44:18"),
        headers=(
            ("X-MailFrom", "k.brandt@example.de"),
            *_mailman3("vereinsverwaltung", "lists.example.de", "Q3ZKT7WBXH2MNA5LJ4C6RDVPEYFUIG0S"),
        ),
        return_path="vereinsverwaltung-bounces@lists.example.de",
    ),
    Case(
        "254-list-google-groups-txt-attachment-nl",
        "\"'Rianne Pauw' via HR-kring Utrecht\" <hr-kring-utrecht@googlegroups.example>",
        "Verslag bijeenkomst december",
        "Hoi allemaal,\n\nIn de bijlage het verslag van onze bijeenkomst van 16 december over"
        " assessments bij directiefuncties. Aanvullingen hoor ik graag voor het eind van de"
        " maand.\n\nGroet,\nRianne\n\n-- \nJe hebt dit bericht ontvangen omdat je bent"
        " geabonneerd op de groep HR-kring Utrecht in Google Groepen.\nStuur een e-mail naar"
        " hr-kring-utrecht+unsubscribe@googlegroups.example om je af te melden.\n",
        (
            File(
                "verslag-bijeenkomst-16-december.txt",
                b"Verslag HR-kring Utrecht, 16 december 2025\r\n\r\n"
                b"Aanwezig: 14 leden\r\n1. Assessments bij directiefuncties\r\n"
                b"2. Ervaringen met referentiechecks\r\n3. Rondvraag\r\n",
                "text/plain",
            ),
        ),
        sign=None,
        arrival=at("2025-12-21 19:03:50"),
        headers=(
            ("Reply-To", "Rianne Pauw <r.pauw@example.nl>"),
            ("X-Original-From", "Rianne Pauw <r.pauw@example.nl>"),
            *_google_group("hr-kring-utrecht", "r.pauw@example.nl", "8472193047"),
        ),
        return_path="hr-kring-utrecht+bncBDQ4R7NYXEGRBH5Z3KNAMGQEY7KC2HA@googlegroups.example",
    ),
    Case(
        "255-list-sympa-csv-attachment-fr",
        "Camille Laurent <camille.laurent@example.org>",
        "[rh-reseau] Calendrier des salons de recrutement 2026",
        "Bonjour à toutes et à tous,\n\nVous trouverez ci-joint le calendrier des salons de"
        " recrutement du premier trimestre, au format CSV pour vos agendas.\n\n"
        "Bonnes fêtes,\nCamille\n",
        layout=with_parts(_text_file("salons-recrutement-2026.csv", _CSV, "text/csv")),
        sign=None,
        arrival=at("2025-12-22 15:27:09"),
        headers=_sympa("rh-reseau", "listes.example.org", "1187"),
        return_path="rh-reseau-owner@listes.example.org",
    ),
    Case(
        "256-list-listserv-ics-invitation-de",
        "Dr. Stefan Krause <s.krause@example.de>",
        "Einladung: Neujahrsempfang der Fachgruppe am 15. Januar",
        "Liebe Mitglieder der Fachgruppe,\n\nherzliche Einladung zu unserem Neujahrsempfang am"
        " 15. Januar 2026 ab 18 Uhr im Haus der Wirtschaft in Köln. Den Termin finden Sie"
        " anbei zum Eintragen in Ihren Kalender.\n\nMit besten Grüßen\nStefan Krause\n\n"
        "########################################################################\n"
        "Abmelden von PERSONAL-L: https://listserv.example.de/cgi-bin/wa?SUBED1=PERSONAL-L\n",
        (
            File(
                "Neujahrsempfang.ics",
                _ICS_NEUJAHR.encode(),
                "text/calendar",
                extra_type_params="method=REQUEST",
            ),
        ),
        sign=None,
        arrival=at("2025-12-23 10:11:45"),
        headers=_listserv("PERSONAL-L", "LISTSERV.EXAMPLE.DE", "Fachgruppe Personalwesen"),
        return_path="owner-PERSONAL-L@LISTSERV.EXAMPLE.DE",
    ),
    Case(
        "257-list-majordomo-vcf-nl",
        "Gerda Huisman <g.huisman@example.nl>",
        "Nieuw adres secretariaat HR-netwerk",
        "Beste leden,\n\nVanaf 1 januari is het secretariaat van het HR-netwerk verhuisd. De"
        " nieuwe gegevens staan in het visitekaartje in de bijlage.\n\nHartelijke groet,\n"
        "Gerda Huisman\nsecretaris\n",
        (File("secretariaat-hrnetwerk.vcf", _VCARD_SECRETARIAAT.encode(), "text/x-vcard"),),
        sign=None,
        arrival=at("2025-12-24 09:02:26"),
        headers=_majordomo("hrnetwerk", "lists.example.net"),
        return_path="owner-hrnetwerk@lists.example.net",
    ),
    Case(
        "258-list-kernel-inline-patch-en",
        "Wouter Claes <wouter.claes@example.net>",
        "[PATCH v2 3/7] pdf: stop walking xref sections that loop back",
        _KERNEL_PATCH,
        sign=None,
        arrival=at("2025-12-24 16:48:31"),
        headers=(
            ("Cc", "linux-pdf@vger.example.org, Marta Nowak <marta.nowak@example.com>"),
            ("In-Reply-To", "<20251224154210.118204-1-wouter.claes@example.net>"),
            ("References", "<20251224154210.118204-1-wouter.claes@example.net>"),
            ("X-Mailer", "git-send-email 2.47.1"),
            ("X-Mailing-List", "linux-pdf@vger.example.org"),
            ("List-Id", "<linux-pdf.vger.example.org>"),
            ("List-Subscribe", "<mailto:linux-pdf+subscribe@vger.example.org>"),
            ("List-Unsubscribe", "<mailto:linux-pdf+unsubscribe@vger.example.org>"),
            ("Precedence", "bulk"),
        ),
        return_path="linux-pdf+bounces-10442-info=chassesearch.nl@vger.example.org",
    ),
    Case(
        "259-list-thunderbird-x-patch-inline-part-nl",
        "Ruud Kuipers <ruud.kuipers@example.nl>",
        "[vacaturesite-dev] Sluitingsdatum 'tot en met' in de vacaturetekst",
        "Hoi,\n\nKleine correctie: de vacatures noemen de sluitingsdatum als 'tot', terwijl"
        " de datum zelf nog meetelt. Patch hieronder.\n\nRuud\n",
        layout=with_parts(
            _text_file(
                "0001-sluitingsdatum-tot-en-met.patch",
                _X_PATCH,
                "text/x-patch",
                disposition="inline",
            ),
            footer=_MAILMAN2_FOOTER.format(list="vacaturesite-dev", host="lists.example.nl"),
        ),
        sign=None,
        arrival=at("2025-12-27 22:05:14"),
        headers=(
            ("User-Agent", "Mozilla Thunderbird 128.5.2"),
            *_mailman2("vacaturesite-dev", "lists.example.nl", "Ontwikkeling vacaturesite"),
        ),
        return_path="vacaturesite-dev-bounces+info=chassesearch.nl@lists.example.nl",
    ),
    Case(
        "260-list-github-notification-en",
        "Dana Kowalski <notifications@github.example>",
        "Re: [example-org/cv-parser] Detect the CV and the cover letter by their text (PR #412)",
        "@chasse-it requested changes on this pull request.\n\n"
        '> +    if "curriculum" in first_page.lower():\n\n'
        'This also matches a cover letter that says "my curriculum vitae is attached". Could'
        " we look at headings only?\n\n"
        "-- \nReply to this email directly, view it on GitHub:\n"
        "https://github.example/example-org/cv-parser/pull/412#pullrequestreview-2811\n"
        "You are receiving this because you were mentioned.\n",
        layout=campaign,
        sign=None,
        arrival=at("2025-12-28 11:33:40"),
        headers=(
            (
                "Reply-To",
                "example-org/cv-parser <reply+AAB4KQ2XJ7M3VLR5W2N6Y4EZ7P2QCEVBNHHKDZ7Y3E@"
                "reply.github.example>",
            ),
            ("In-Reply-To", "<example-org/cv-parser/pull/412@github.example>"),
            ("References", "<example-org/cv-parser/pull/412@github.example>"),
            ("List-ID", "example-org/cv-parser <cv-parser.example-org.github.example>"),
            ("List-Archive", "https://github.example/example-org/cv-parser"),
            (
                "List-Unsubscribe",
                "<mailto:unsub+AAB4KQ2XJ7M3VLR5W2N6Y4EZ@reply.github.example>,\n\t"
                "<https://github.example/notifications/unsubscribe/AAB4KQ2XJ7M3VLR5W2N6Y4EZ>",
            ),
            ("X-GitHub-Sender", "dkowalski"),
            ("X-GitHub-Recipient", "chasse-it"),
            ("X-GitHub-Reason", "mention"),
            ("X-GitHub-Notify-Platform", "newsies"),
            ("Precedence", "list"),
        ),
        return_path="noreply@github.example",
    ),
    Case(
        "261-list-gitlab-auto-generated-nl",
        "Bas Verhoef (@bverhoef) <gitlab@gitlab.example.org>",
        "intranet | Uploaden van cv geeft foutmelding op de sollicitatiepagina (#57)",
        "Bas Verhoef created an issue: https://gitlab.example.org/chasse/intranet/-/issues/57\n\n"
        "Assignee: Chasse IT\n\n"
        "Bij het uploaden van een cv groter dan 5 MB krijgt de sollicitant een lege pagina."
        " Zie de log van 23 december.\n\n-- \n"
        "Reply to this email directly or view it on GitLab:"
        " https://gitlab.example.org/chasse/intranet/-/issues/57\n"
        "You're receiving this email because you have been assigned an item on"
        " gitlab.example.org.\n",
        layout=campaign,
        sign=None,
        arrival=at("2025-12-29 14:19:05"),
        headers=(
            ("Reply-To", "GitLab <reply+9c1e7a2b4d6f8e0a1c3b5d7f9e2a4c6b@gitlab.example.org>"),
            ("Auto-Submitted", "auto-generated"),
            ("X-Auto-Response-Suppress", "All"),
            ("X-GitLab-Project", "intranet"),
            ("X-GitLab-Project-Id", "118"),
            ("X-GitLab-Project-Path", "chasse/intranet"),
            ("X-GitLab-Issue-ID", "5531"),
            ("X-GitLab-Issue-IID", "57"),
            ("X-GitLab-NotificationReason", "assigned"),
            ("List-Id", "chasse/intranet <118.intranet.chasse.gitlab.example.org>"),
            (
                "List-Unsubscribe",
                "<https://gitlab.example.org/-/sent_notifications/9c1e7a2b4d6f8e0a1c3b5d7f9e2a4c6b"
                "/unsubscribe?force=true>",
            ),
        ),
        return_path="gitlab@gitlab.example.org",
    ),
    # list posts that carry an application document: application-like, never answered
    Case(
        "262-list-mailman2-doc-attachment-nl",
        "Hendrik Mol <hendrik.mol@example.nl>",
        "[bestuur-kring] Notulen vergadering 18 december",
        "Beste bestuursleden,\n\nHierbij de notulen van de vergadering van 18 december, nog in"
        " het oude Word-formaat van onze secretaris. Opmerkingen graag voor 5 januari.\n\n"
        "Groet,\nHendrik\n",
        (
            File(
                "notulen-18-december.doc",
                word97(
                    "Notulen bestuursvergadering 18 december 2025",
                    "Aanwezig: H. Mol, A. de Wit, S. Koster",
                    "1. Opening",
                    "2. Jaarplanning 2026",
                ),
                "application/msword",
            ),
        ),
        layout=with_parts(
            footer=_MAILMAN2_FOOTER.format(list="bestuur-kring", host="lists.example.nl")
        ),
        sign=None,
        arrival=at("2025-12-23 08:54:12"),
        headers=(
            *OUTLOOK_HEADERS,
            *_mailman2("bestuur-kring", "lists.example.nl", "Bestuur HR-kring"),
        ),
        return_path="bestuur-kring-bounces+info=chassesearch.nl@lists.example.nl",
    ),
    Case(
        "263-list-google-groups-pdf-agenda-en",
        "\"'Eleanor Hughes' via NGO Board Network\" <ngo-board-network@googlegroups.example>",
        "Agenda for our January meeting",
        "Dear all,\n\nAttached is the agenda for our meeting on 15 January. Please send me any"
        " item for AOB by Friday.\n\nBest wishes,\nEleanor\n\n-- \nYou received this message"
        ' because you are subscribed to the Google Groups "NGO Board Network" group.\nTo'
        " unsubscribe from this group, send an email to"
        " ngo-board-network+unsubscribe@googlegroups.example.\n",
        (File("Agenda January meeting.pdf", _AGENDA),),
        sign=None,
        arrival=at("2025-12-30 12:40:26"),
        headers=(
            ("Reply-To", "Eleanor Hughes <eleanor.hughes@example.com>"),
            ("X-Original-From", "Eleanor Hughes <eleanor.hughes@example.com>"),
            *_google_group("ngo-board-network", "eleanor.hughes@example.com", "2915530418"),
        ),
        return_path="ngo-board-network+bncBC7L3XNQ4IHRBM2P5ANCMGQE4WZT6JQ@googlegroups.example",
    ),
    Case(
        "264-list-mailman3-png-screenshot-attached-de",
        "Jonas Richter <jonas.richter@example.de>",
        "[Vereinsverwaltung] Fehlermeldung beim Import",
        "Hallo,\n\nbeim Import der neuen Mitglieder kommt die Meldung aus dem Screenshot im"
        " Anhang. Kennt das jemand?\n\nGruß\nJonas\n",
        (File("Bildschirmfoto 2025-12-31 um 10.14.22.png", png("Importfehler", (800, 500))),),
        sign=None,
        arrival=at("2025-12-31 11:06:58"),
        headers=(
            ("X-MailFrom", "jonas.richter@example.de"),
            *_mailman3("vereinsverwaltung", "lists.example.de", "B7N4QKX2ZJ5WRM3E6TYH8LCPAVD1FSGU"),
        ),
        return_path="vereinsverwaltung-bounces@lists.example.de",
    ),
    Case(
        "265-list-mailman3-inline-screenshot-de",
        "Jonas Richter <jonas.richter@example.de>",
        "[Vereinsverwaltung] Re: Fehlermeldung beim Import",
        "Nachtrag: so sieht es nach dem Update aus (Bild unten). Der Fehler ist weg.\n\n"
        "Gruß\nJonas\n",
        layout=lambda case: multipart(
            "alternative",
            text(case.text),
            multipart(
                "related",
                text(
                    "<html><body><p>Nachtrag: so sieht es nach dem Update aus. Der Fehler ist"
                    ' weg.</p><p><img src="cid:part1.9Qm2xL7v.Zk4Rb1Ty@example.de"'
                    ' alt="Bildschirmfoto"></p><p>Gru&szlig;<br>Jonas</p></body></html>\n',
                    "html",
                ),
                inline_image(
                    png("Import ok", (800, 500)),
                    "Bildschirmfoto.png",
                    "part1.9Qm2xL7v.Zk4Rb1Ty@example.de",
                ),
            ),
        ),
        sign=None,
        arrival=at("2025-12-31 11:31:17"),
        headers=(
            ("In-Reply-To", "<B7N4QKX2ZJ5WRM3E6TYH8LCPAVD1FSGU@example.de>"),
            ("X-MailFrom", "jonas.richter@example.de"),
            *_mailman3("vereinsverwaltung", "lists.example.de", "H2K8TQ5WMZ1XRC7N4VJ6LBYE3PDAG9FU"),
        ),
        return_path="vereinsverwaltung-bounces@lists.example.de",
    ),
    Case(
        "266-list-sympa-zip-fr",
        "Camille Laurent <camille.laurent@example.org>",
        "[rh-reseau] Documents pour l'assemblée générale",
        "Bonjour,\n\nVoici les documents de l'assemblée générale du 22 janvier dans une archive"
        " (rapport moral, budget, ordre du jour).\n\nCordialement,\nCamille\n",
        (
            File(
                "documents-AG-2026.zip",
                zip_archive(
                    ("ordre-du-jour.txt", b"Ordre du jour de l'AG du 22 janvier 2026\r\n"),
                    ("budget-2026.csv", b"poste;montant\r\ncotisations;4200\r\n"),
                ),
            ),
        ),
        sign=None,
        arrival=at("2026-01-02 16:24:39"),
        headers=_sympa("rh-reseau", "listes.example.org", "1203"),
        return_path="rh-reseau-owner@listes.example.org",
    ),
    Case(
        "267-list-listserv-pdf-after-closing-en",
        "Prof. Helen Marsh <h.marsh@example.edu>",
        "CFP: Public Sector HRM Workshop 2026",
        "Dear colleagues,\n\nPlease find attached the call for papers for our workshop on"
        " recruitment and leadership succession in the public sector. Apply to present by 27"
        " February.\n\nBest regards,\nHelen Marsh\n",
        (File("CFP_PSHRM_2026.pdf", _CALL_FOR_PAPERS),),
        sign=None,
        arrival=at("2026-01-08 10:15:02"),
        headers=_listserv("HRM-RESEARCH", "LISTSERV.EXAMPLE.EDU", "Public sector HRM research"),
        return_path="owner-HRM-RESEARCH@LISTSERV.EXAMPLE.EDU",
    ),
    Case(
        "268-list-majordomo-docx-before-the-window-nl",
        "Gerda Huisman <g.huisman@example.nl>",
        "Jaarplanning 2026",
        "Beste leden,\n\nIn de bijlage de jaarplanning voor 2026 met de data van de"
        " netwerkbijeenkomsten.\n\nHartelijke groet,\nGerda Huisman\n",
        (
            File(
                "Jaarplanning 2026.docx",
                docx("Jaarplanning HR-netwerk 2026", "22 januari: nieuwjaarsbijeenkomst"),
            ),
        ),
        sign=None,
        arrival=at("2025-12-11 20:47:33"),
        headers=_majordomo("hrnetwerk", "lists.example.net"),
        return_path="owner-hrnetwerk@lists.example.net",
    ),
    # list posts with a single, weaker signal
    Case(
        # Mailman 2.1 with RFC 2369 headers off and Precedence stripped by the site;
        # our forwarder replaced the envelope sender with its own opaque token.
        "269-list-sender-bounces-header-only-nl",
        "Anouk Smits <anouk.smits@example.nl>",
        "[HR-forum] Ervaringen met assessmentbureaus",
        "Hallo allemaal,\n\nWij kiezen dit voorjaar een nieuw assessmentbureau voor"
        " directiefuncties. Wie wil zijn ervaringen delen? Graag een mailtje buiten de lijst"
        " om.\n\nAnouk\n",
        sign=None,
        arrival=at("2026-01-02 09:44:21"),
        headers=(
            ("X-BeenThere", "hr-forum@lists.example.org"),
            ("X-Mailman-Version", "2.1.29"),
            ("Sender", '"HR-forum" <hr-forum-bounces@lists.example.org>'),
        ),
        return_path="fw-3b7c91e2d4@forward.example.net",
    ),
    Case(
        # Mailman with VERP, RFC 2369 headers off, no Sender header, Precedence stripped.
        "270-list-return-path-bounces-verp-only-en",
        "Marcus Lindqvist <m.lindqvist@example.com>",
        "[boardnet] Minutes of the December call",
        "Hi everyone,\n\nThe minutes are on the wiki now:"
        " https://wiki.boardnet.example.com/calls/2025-12\n\nThanks for joining,\nMarcus\n",
        sign=None,
        arrival=at("2026-01-03 13:12:08"),
        headers=(
            ("X-BeenThere", "boardnet@lists.example.com"),
            ("X-Mailman-Version", "2.1.39"),
        ),
        return_path="boardnet-bounces+info=chassesearch.nl@lists.example.com",
    ),
    Case(
        "271-list-precedence-list-only-nl",
        "Secretariaat Kring Noord <secretariaat@kringnoord.example.nl>",
        "Ledenbericht januari: sollicitatietraining en nieuwjaarsborrel",
        "Beste leden,\n\nOp 20 januari geven we een sollicitatietraining voor leden die een"
        " overstap overwegen: van cv tot selectiegesprek. Op 24 januari is de"
        " nieuwjaarsborrel.\n\nAanmelden via de website.\n\nSecretariaat Kring Noord\n",
        sign=None,
        arrival=at("2026-01-04 19:30:00"),
        headers=(
            ("X-Mailer", "PHPMailer 6.9.1 (https://github.com/PHPMailer/PHPMailer)"),
            ("Precedence", "list"),
        ),
    ),
    # the list software's own mail: request, owner, listserv, majordomo addresses
    Case(
        "272-machine-mailman-request-confirm-en",
        "hr-forum-request@lists.example.org",
        "confirm 5d1c7e0a9b3f42e8c6a1d0f9e7b2c4a68e3f1d07",
        "Mailing list subscription confirmation notice for mailing list HR-forum\n\n"
        "Someone at 203.0.113.48 asked to subscribe your email\n"
        'address, "info@chassesearch.nl", to hr-forum@lists.example.org.  If\n'
        "that was you, reply to this message and leave the Subject: line as it\n"
        "is, or confirm on this web page:\n\n"
        "    https://lists.example.org/mailman/confirm/hr-forum/"
        "5d1c7e0a9b3f42e8c6a1d0f9e7b2c4a68e3f1d07\n\n"
        "If you did not ask for this, you need not do anything: without a\n"
        "confirmation nobody is subscribed.\n",
        sign=None,
        arrival=at("2025-12-19 10:07:52"),
        headers=(("Reply-To", "hr-forum-request@lists.example.org"),),
        return_path="hr-forum-bounces@lists.example.org",
    ),
    Case(
        "273-machine-owner-prefix-welcome-nl",
        "owner-hrnetwerk@lists.example.net",
        "Welkom bij hrnetwerk",
        "Welkom bij de lijst hrnetwerk.\n\nU bent aangemeld met het adres info@chassesearch.nl."
        " Berichten voor de lijst stuurt u naar hrnetwerk@lists.example.net.\n\n"
        "Afmelden: stuur 'unsubscribe hrnetwerk' naar majordomo@lists.example.net.\n",
        sign=None,
        arrival=at("2025-12-20 15:51:37"),
        return_path="owner-hrnetwerk@lists.example.net",
    ),
    Case(
        "274-machine-list-plus-owner-pending-approval-en",
        "hr-netwerk Moderators <hr-netwerk+owner@groups.example>",
        "Message Pending Approval",
        'Your message to hr-netwerk@groups.example with the subject "Ontvangstbevestiging van'
        ' uw sollicitatie" is awaiting approval by a moderator. You will be notified when it'
        " has been approved or rejected.\n\n"
        "You are not a member of this group. To join, visit"
        " https://groups.example/g/hr-netwerk\n",
        sign=None,
        arrival=at("2025-12-22 08:35:44"),
        return_path="bounce+f2c91a@groups.example",
    ),
    Case(
        "275-machine-listserv-command-reply-before-the-window-en",
        "L-Soft list server at LISTSERV.EXAMPLE.EDU (17.0) <LISTSERV@LISTSERV.EXAMPLE.EDU>",
        "You are now subscribed to the HRM-RESEARCH list",
        "Fri, 5 Dec 2025 11:02:19\n\n"
        "Your subscription to the HRM-RESEARCH list (Public sector HRM research) has been\n"
        "accepted.\n\nPlease save this message for future reference. To leave the list,\n"
        "send the command SIGNOFF HRM-RESEARCH to LISTSERV@LISTSERV.EXAMPLE.EDU.\n",
        sign=None,
        arrival=at("2025-12-05 11:02:19"),
        return_path="LISTSERV@LISTSERV.EXAMPLE.EDU",
    ),
    Case(
        "276-machine-majordomo-results-before-the-window-en",
        "Majordomo@lists.example.net",
        "Majordomo results: subscribe hrnetwerk",
        "--\n\n>>>> subscribe hrnetwerk info@chassesearch.nl\n"
        "Succeeded, you have been added to hrnetwerk.\n>>>> \n>>>> end\nEND OF COMMANDS\n",
        sign=None,
        arrival=at("2025-12-05 11:04:56"),
        return_path="Majordomo@lists.example.net",
    ),
    # no-reply senders without any list or auto header
    Case(
        "277-machine-gmail-noreply-send-as-nl",
        "Gmail-team <gmail-noreply@google.example>",
        "Gmail-bevestiging - E-mail verzenden als info@chassesearch.nl",
        "U heeft gevraagd om info@chassesearch.nl toe te voegen aan uw Gmail-account\n"
        "m.jansen.chasse@gmail.example.\n\nBevestigingscode: 481 207 566\n\n"
        "Klik op de onderstaande link om het verzoek te bevestigen:\n"
        "https://mail.google.example/mail/vf-%5BANGjdJ8%5D-Xq2\n\n"
        "Als u dit verzoek niet heeft gedaan, kunt u dit bericht negeren.\n\n"
        "Met vriendelijke groet,\nHet Gmail-team\n",
        sign=None,
        arrival=at("2025-12-21 13:17:05"),
        return_path="3kQ1aZwcKCz8fgW-gmail-noreply@accounts.bounces.google.example",
    ),
    Case(
        "278-machine-google-alerts-newsalerts-noreply-nl",
        "Google Alerts <newsalerts-noreply@google.example>",
        "Google Alert - vacature directeur IPO",
        "vacature directeur IPO\nDagelijkse update - 22 december 2025\n\nNIEUWS\n\n"
        "IPO zoekt plaatsvervangend algemeen directeur\nBinnenlands Bestuur\n"
        "Solliciteren kan tot 6 januari; de selectiecommissie voert de gesprekken in januari."
        "\n\nDeze melding beheren: https://www.google.example/alerts?source=alertsmail\n",
        layout=campaign,
        sign=None,
        arrival=at("2025-12-22 18:00:12"),
        return_path="3aBcZwgKCfE4tbl-newsalerts-noreply@alerts.bounces.google.example",
    ),
    Case(
        "279-machine-noreply-account-confirmation-nl",
        "Vacatureplatform Publiek <noreply@vacatureplatform-publiek.example.nl>",
        "Bevestig je e-mailadres",
        "Welkom bij Vacatureplatform Publiek!\n\nBevestig je e-mailadres om je account te"
        " activeren: https://vacatureplatform-publiek.example.nl/bevestig?t=7Kq2\n\n"
        "Daarna kun je je cv uploaden en met een klik solliciteren.\n",
        sign=None,
        arrival=at("2025-12-24 12:44:51"),
        return_path="noreply@vacatureplatform-publiek.example.nl",
    ),
    Case(
        "280-machine-no-reply-password-reset-html-only-en",
        "TalentDesk <no-reply@talentdesk.example.com>",
        "Reset your TalentDesk password",
        "",
        layout=html_only,
        html=(
            "<html><body><p>Hi,</p><p>Someone asked to reset the password for the TalentDesk"
            ' account info@chassesearch.nl.</p><p><a href="https://app.talentdesk.example.com/'
            'reset?token=Wm9vX2Jhcg">Choose a new password</a></p><p>The link expires in 60'
            " minutes. If you did not ask for this, ignore this email.</p></body></html>\n"
        ),
        sign=None,
        arrival=at("2025-12-26 03:12:40"),
        return_path="no-reply@talentdesk.example.com",
    ),
    Case(
        "281-machine-no-reply-underscore-encoded-display-name-de",
        "=?ISO-8859-1?Q?J=F6rg_Wagner_=3Cj=2Ewagner=40mueller-logistik=2Eexample=2Ede=3E?="
        " <no_reply@stellenmarkt.example.de>",
        "Neue Nachricht zu Ihrer Stellenanzeige",
        "Sehr geehrte Damen und Herren,\n\nSie haben eine neue Nachricht zu Ihrer"
        ' Stellenanzeige "Stellvertretende Generaldirektion (m/w/d)" erhalten.\n\n'
        "Um die Nachricht zu lesen und zu antworten, melden Sie sich bitte an:\n"
        "https://www.stellenmarkt.example.de/arbeitgeber/nachrichten\n\n"
        "Bitte antworten Sie nicht auf diese E-Mail.\n\nIhr Stellenmarkt-Team\n",
        sign=None,
        arrival=at("2025-12-27 09:25:17"),
        return_path="bnc-7731-20251227@stellenmarkt.example.de",
    ),
    Case(
        "282-machine-do-not-reply-unquoted-display-name-nl",
        "hr@gemeente-voorbeeld.example.nl <do-not-reply@securemail.example.net>",
        "U heeft een beveiligd bericht ontvangen",
        "U heeft een beveiligd bericht ontvangen van hr@gemeente-voorbeeld.example.nl.\n\n"
        "Onderwerp: Referenties kandidaat directeur\n\n"
        "Open het bericht: https://app.securemail.example.net/m/5Qx9a2Lk\n\n"
        "Dit is een automatisch bericht. Beantwoorden is niet mogelijk.\n",
        sign=None,
        arrival=at("2025-12-28 16:58:03"),
        return_path="sm-5qx9a2lk@securemail.example.net",
    ),
    Case(
        "283-machine-daemon-backup-report-en",
        "daemon@backup.example.net",
        "[backup01] Job 'mailbox-archive' finished with warnings",
        "Job:        mailbox-archive\nHost:       backup01.example.net\n"
        "Started:    2025-12-29 01:00:02\nFinished:   2025-12-29 01:58:47\n"
        "Status:     WARNING\n\nFiles:      18204 (3 skipped: locked)\n"
        "Transferred: 4.7 GiB\n",
        sign=None,
        arrival=at("2025-12-29 02:00:31"),
        return_path="daemon@backup.example.net",
    ),
    Case(
        "284-machine-post-master-maintenance-nl",
        "Postmaster Webhosting <post_master@webhosting.example.nl>",
        "Gepland onderhoud aan de mailservers op 6 januari",
        "Beste klant,\n\nIn de nacht van 6 op 7 januari tussen 01:00 en 03:00 voeren wij"
        " onderhoud uit aan onze mailservers. E-mail kan in die periode tot een uur vertraagd"
        " aankomen; er gaat niets verloren.\n\nMet vriendelijke groet,\nWebhosting\n",
        sign=None,
        arrival=at("2025-12-30 22:10:00"),
        return_path="post_master@webhosting.example.nl",
    ),
    Case(
        "285-machine-null-return-path-contact-form-nl",
        "Website Chasse <formulier@webhosting.example.nl>",
        "Nieuw bericht via het contactformulier",
        "Er is een nieuw bericht verstuurd via het contactformulier op www.chassesearch.nl.\n\n"
        "Naam: Kees Brouwer\nE-mail: kees.brouwer@example.nl\nTelefoon: 06 98765432\n\n"
        "Bericht:\nIs de functie van plaatsvervangend algemeen directeur ook in deeltijd"
        " te vervullen?\n\n--\nVerzonden door WP Forms op webhosting.example.nl\n",
        sign=None,
        arrival=at("2026-01-02 11:47:26"),
        headers=(("Reply-To", "Kees Brouwer <kees.brouwer@example.nl>"),),
        return_path="",
    ),
    Case(
        "286-machine-dmarc-aggregate-report-zip-en",
        "noreply-dmarc-support@google.example",
        "Report domain: chassesearch.nl Submitter: google.example Report-ID: 1188203467",
        "This is an aggregate report from google.example.\n",
        (
            File(
                "google.example!chassesearch.nl!1767312000!1767398399.zip",
                zip_archive(
                    (
                        "google.example!chassesearch.nl!1767312000!1767398399.xml",
                        b'<?xml version="1.0" encoding="UTF-8" ?>\n<feedback>\n'
                        b"<report_metadata><org_name>google.example</org_name>"
                        b"<report_id>1188203467</report_id></report_metadata>\n"
                        b"<policy_published><domain>chassesearch.nl</domain><p>quarantine</p>"
                        b"</policy_published>\n<record><row><source_ip>192.0.2.200</source_ip>"
                        b"<count>14</count></row></record>\n</feedback>\n",
                    )
                ),
            ),
        ),
        sign=None,
        arrival=at("2026-01-03 01:59:58"),
        return_path="noreply-dmarc-support@google.example",
    ),
    # calendar and meeting notifications
    Case(
        "287-calendar-zoom-registration-ics-en",
        "Zoom <no-reply@zoom.example>",
        "Board governance in 2026 Confirmation",
        'Hi Chasse Executive Search,\n\nThank you for registering for "Board governance in'
        ' 2026: what supervisory boards ask for".\n\nDate & Time: Jan 15, 2026 04:00 PM'
        " Amsterdam\n\nJoin from a PC, Mac, iPad or Android:"
        " https://zoom.example/w/83017264512?tk=Rg4Xb2\n\n"
        "Add to calendar: see the attached invite.\n",
        (File("invite.ics", _ICS_WEBINAR.replace("\n", "\r\n").encode(), "text/calendar"),),
        layout=campaign,
        sign=None,
        arrival=at("2026-01-05 10:02:47"),
        return_path="no-reply@zoom.example",
    ),
    Case(
        "288-calendar-teams-webinar-text-calendar-nl",
        "Microsoft Teams <noreply@email.teams.example>",
        "Registratie bevestigd: Webinar Strategisch HR-beleid",
        "U bent geregistreerd voor Webinar Strategisch HR-beleid.\n\n"
        "Dinsdag 13 januari 2026, 10:00-11:30 (Amsterdam)\n\n"
        "Deelnemen aan het webinar: https://teams.example/l/meetup-join/19%3ameeting_Yj\n",
        layout=calendar_alternative(_ICS_TEAMS, "REQUEST"),
        sign=None,
        arrival=at("2026-01-05 16:31:20"),
        headers=(("Content-Language", "nl-NL"),),
        return_path="noreply@email.teams.example",
    ),
    Case(
        "289-calendar-google-sender-header-de",
        "Katrin Vogel <k.vogel@example.de>",
        "Einladung: Kennenlerngespräch Chasse / Vogel @ Fr. 9. Jan. 2026 10:00 - 11:00 (MEZ)"
        " (info@chassesearch.nl)",
        "Sie wurden zu folgendem Termin eingeladen.\n\nKennenlerngespräch Chasse / Vogel\n"
        "Wann: Freitag, 9. Jan. 2026 10:00 - 11:00 Mitteleuropäische Zeit - Berlin\n"
        "Organisator: k.vogel@example.de\n\n"
        "Teilnehmen? Ja - Vielleicht - Nein: https://calendar.google.example/calendar/event?"
        "action=RESPOND&eid=NGsycTl2\n\n"
        "Einladung von Google Kalender\n",
        layout=calendar_alternative(_ICS_GOOGLE, "REQUEST", attach="invite.ics"),
        sign=None,
        arrival=at("2026-01-06 08:14:09"),
        headers=(
            ("Sender", "Google Kalender <calendar-noreply@google.example>"),
            ("Reply-To", "k.vogel@example.de"),
        ),
        return_path="2qZcGaQ4KCo0x9-calendar-invite@calendar-server.google.example",
    ),
    # spam, as the receiving filter marked it
    Case(
        "290-spam-419-spamassassin-flag-en",
        "Barrister Samuel Okafor <samuel.okafor@example.com>",
        "***SPAM*** CONFIDENTIAL BUSINESS PROPOSAL",
        "Dear Friend,\n\nI am Barrister Samuel Okafor, personal attorney to the late Engr."
        " Martin Vries, who died with his family in a car accident. He left the sum of"
        " US$10.5 million with a finance house here. As you share his surname, I propose to"
        " present you as next of kin so that the funds are released to you; we share them"
        " 60/40.\n\nReply with your full name, phone number and bank details to my private"
        " email: okafor.chambers@example.net\n\nYours faithfully,\nBarrister Samuel Okafor\n",
        sign=None,
        arrival=at("2025-12-20 03:41:12"),
        headers=(
            ("Reply-To", "okafor.chambers@example.net"),
            ("X-Spam-Checker-Version", _SPAMASSASSIN),
            ("X-Spam-Flag", "YES"),
            ("X-Spam-Level", "**************"),
            (
                "X-Spam-Status",
                "Yes, score=14.2 required=5.0 tests=ADVANCE_FEE_4_NEW,\n\t"
                "ADVANCE_FEE_4_NEW_MONEY,FREEMAIL_FORGED_REPLYTO,LOTS_OF_MONEY,\n\t"
                "MONEY_FRAUD_5,US_DOLLARS_3 autolearn=spam autolearn_force=no version=4.0.1",
            ),
            ("X-Spam-Report", "* 3.0 ADVANCE_FEE_4_NEW Appears to be advance fee fraud"),
        ),
    ),
    Case(
        "291-spam-lottery-status-only-html-only-nl",
        "Europese Loterij Afdeling Uitbetalingen <uitbetaling@example.org>",
        "Gefeliciteerd! Uw e-mailadres heeft EUR 850.000 gewonnen",
        "",
        layout=html_only,
        html=(
            "<html><body><h2>GEFELICITEERD!</h2><p>Uw e-mailadres is getrokken in de"
            " Europese E-mail Loterij van december 2025. U heeft <b>EUR 850.000,00</b>"
            " gewonnen.</p><p>Neem binnen 7 dagen contact op met onze claimagent en vermeld uw"
            " winnummer EL/2025/77-1904.</p></body></html>\n"
        ),
        sign=None,
        arrival=at("2025-12-21 04:08:55"),
        headers=(
            (
                "X-Spam-Status",
                "Yes, score=9.1 required=6.0 tests=HTML_MESSAGE,LOTTO_AGENT,\n\t"
                "LOTTO_DEPT,MIME_HTML_ONLY,MONEY_FROM_MISSP version=3.4.6",
            ),
        ),
        return_path="uitbetaling@example.org",
    ),
    Case(
        "292-spam-phishing-mailbox-full-rspamd-display-name-nl",
        '"info@chassesearch.nl" <beheer@mailbox-quota.example>',
        "Uw mailbox is vol: actie vereist",
        "",
        layout=html_only,
        html=(
            "<html><body><p>Beste gebruiker van info@chassesearch.nl,</p><p>Uw mailbox heeft"
            " 98% van de opslag gebruikt. Nieuwe berichten worden binnen 24 uur geweigerd.</p>"
            '<p><a href="https://mailbox-quota.example/chassesearch.nl/login?u=info">Opslag'
            " gratis verhogen</a></p><p>Beheerder e-mail</p></body></html>\n"
        ),
        sign=None,
        arrival=at("2025-12-23 02:57:36"),
        headers=(
            ("X-Rspamd-Server", "mx1.chassesearch.nl"),
            ("X-Rspamd-Queue-Id", "4F2A1C3B7D"),
            ("X-Rspamd-Action", "add header"),
            (
                "X-Spamd-Result",
                "default: False [11.40 / 15.00];\n\tPHISHING(3.00)[chassesearch.nl->mailbox-quota"
                ".example];\n\tFROM_NAME_HAS_TITLE(1.00);\n\tMIME_HTML_ONLY(0.20)",
            ),
            ("X-Spamd-Bar", "+++++++++++"),
            ("X-Spam", "Yes"),
        ),
        return_path="beheer@mailbox-quota.example",
    ),
    Case(
        "293-spam-crypto-microsoft-scl6-en",
        "Crypto Wealth Desk <desk@coinprofit.example>",
        "Turn 250 EUR into 3,400 EUR a day - only 20 places left",
        "Hello,\n\nOur trading robot made 3,400 EUR a day for early members. Deposit 250 EUR"
        " today and let the algorithm work for you. No experience needed.\n\n"
        "Claim your place: https://coinprofit.example/start?ref=nl7\n",
        layout=campaign,
        sign=None,
        arrival=at("2025-12-26 23:40:21"),
        headers=(
            ("X-MS-Exchange-Organization-SCL", "6"),
            ("X-MS-Exchange-Organization-AuthAs", "Anonymous"),
            (
                "X-Forefront-Antispam-Report",
                "CIP:203.0.113.77;CTRY:;LANG:en;SCL:6;SRV:;IPV:NLI;SFV:SPM;H:mail.coinprofit"
                ".example;\n\tPTR:;CAT:SPM;SFS:(13230040)(8096899003);DIR:INB;",
            ),
            ("X-Microsoft-Antispam", "BCL:0;"),
        ),
        return_path="desk@coinprofit.example",
    ),
    Case(
        "294-spam-seo-microsoft-scl5-de",
        "Max Berger <max.berger@seo-ranking.example>",
        "chassesearch.nl auf Seite 1 bei Google",
        "Hallo,\n\nich habe mir Ihre Website chassesearch.nl angesehen. Sie steht bei den"
        " wichtigsten Suchbegriffen nicht auf Seite 1. Mit unserem SEO-Paket ändern wir das in"
        " 30 Tagen, garantiert.\n\nSoll ich Ihnen ein unverbindliches Angebot schicken?\n\n"
        "Beste Grüße\nMax Berger\nSEO Ranking Experten\n",
        sign=None,
        arrival=at("2025-12-29 05:18:44"),
        headers=(
            ("X-MS-Exchange-Organization-SCL", "5"),
            (
                "X-Forefront-Antispam-Report",
                "CIP:198.51.100.191;CTRY:;LANG:de;SCL:5;SRV:;IPV:NLI;SFV:SPM;"
                "H:mail.seo-ranking.example;\n\tPTR:;CAT:SPM;SFS:(13230040);DIR:INB;",
            ),
        ),
    ),
    Case(
        "295-spam-fake-invoice-zip-nl",
        "Administratie <facturen@boekhouding-online.example>",
        "Herinnering: openstaande factuur 2025-88213",
        "Geachte relatie,\n\nOndanks eerdere herinneringen hebben wij de betaling van factuur"
        " 2025-88213 nog niet ontvangen. In de bijlage vindt u de factuur. Wij verzoeken u het"
        " bedrag binnen 2 dagen over te maken om incassokosten te voorkomen.\n\n"
        "Met vriendelijke groet,\nAdministratie\n",
        (
            File(
                "Factuur_2025-88213.zip",
                zip_archive(
                    (
                        "Factuur_2025-88213.html",
                        b"<html><body><script>/* removed */</script>"
                        b"<a href='https://boekhouding-online.example/f/88213'>Factuur openen</a>"
                        b"</body></html>\n",
                    )
                ),
            ),
        ),
        sign=None,
        arrival=at("2025-12-30 06:51:02"),
        headers=(
            ("X-Spam-Checker-Version", _SPAMASSASSIN),
            ("X-Spam-Flag", "YES"),
            ("X-Spam-Level", "*******"),
            (
                "X-Spam-Status",
                "Yes, score=7.8 required=5.0 tests=OBFU_HTML_ATTACH,\n\t"
                "RDNS_NONE,SPF_SOFTFAIL,ZIP_ATTACHED autolearn=no version=4.0.1",
            ),
        ),
        return_path="facturen@boekhouding-online.example",
    ),
    Case(
        "296-spam-fake-invoice-html-attachment-scl9-en",
        "Accounts Payable <ap@remittance-portal.example>",
        "Remittance advice INV-40517 - payment sent",
        "Hello,\n\nPlease see the attached remittance advice for invoice INV-40517. Open the"
        " attachment to view the payment details.\n\nAccounts Payable\n",
        (
            File(
                "Remittance_Advice_INV-40517.html",
                b"<html><head><meta http-equiv='refresh' content='0;url=https://remittance-portal"
                b".example/o365/login'></head><body>Loading...</body></html>\n",
                "text/html",
            ),
        ),
        sign=None,
        arrival=at("2026-01-02 04:33:17"),
        headers=(
            ("X-MS-Exchange-Organization-SCL", "9"),
            (
                "X-Forefront-Antispam-Report",
                "CIP:192.0.2.166;CTRY:;LANG:en;SCL:9;SRV:;IPV:NLI;SFV:SPM;"
                "H:mail.remittance-portal.example;\n\tPTR:;CAT:HPHISH;SFS:(13230040);DIR:INB;",
            ),
        ),
        return_path="ap@remittance-portal.example",
    ),
    Case(
        "297-spam-fake-invoice-pdf-rspamd-de",
        "Buchhaltung <buchhaltung@rechnungsstelle.example>",
        "Rechnung Nr. 2025-7731 - Zahlungserinnerung",
        "Sehr geehrte Damen und Herren,\n\nanbei erhalten Sie unsere zweite Mahnung zur"
        " Rechnung Nr. 2025-7731. Bitte begleichen Sie den offenen Betrag umgehend.\n\n"
        "Mit freundlichen Grüßen\nBuchhaltung\n",
        (File("Rechnung_2025-7731.pdf", _FAKE_INVOICE),),
        sign=None,
        arrival=at("2026-01-05 07:48:29"),
        headers=(
            ("X-Rspamd-Server", "mx1.chassesearch.nl"),
            ("X-Rspamd-Queue-Id", "9B3E2D1A0C"),
            ("X-Rspamd-Action", "add header"),
            ("X-Spamd-Bar", "+++++++++"),
            ("X-Spam", "Yes"),
        ),
        return_path="buchhaltung@rechnungsstelle.example",
    ),
    Case(
        "298-spam-bulk-list-unsubscribe-after-the-window-nl",
        "Carriere Boost <hallo@carriere-boost.example>",
        "Gratis e-book: zo solliciteer je in 2026 naar je droombaan",
        "Hoi!\n\nWil je in 2026 eindelijk die droombaan? Download ons gratis e-book met een"
        " cv-template en 20 voorbeeldzinnen voor je motivatiebrief.\n\n"
        "Download: https://carriere-boost.example/ebook?src=koud\n",
        layout=campaign,
        sign=None,
        arrival=at("2026-01-14 21:19:50"),
        headers=(
            ("X-Spam-Status", "No, score=3.2 required=5.0 tests=HTML_MESSAGE version=4.0.1"),
            ("List-Unsubscribe", "<https://carriere-boost.example/afmelden?e=aW5mb0BjaGFzc2U>"),
        ),
        return_path="hallo@carriere-boost.example",
    ),
    # the one message here that mailroom should answer: a person, not a machine
    Case(
        "299-display-name-address-of-a-person-two-pdfs",
        '"e.vanrijn@oudewerkgever.example.com" <esther.vanrijn@example.nl>',
        SUBJECT,
        "Geachte heer, mevrouw,\n\n" + APPLY + "\n\nMet vriendelijke groet,\nEsther van Rijn\n",
        pair("Esther van Rijn"),
        sign=None,
        arrival=at("2025-12-22 20:03:45"),
        headers=(("X-Mailer", "Microsoft Outlook 16.0"),),
    ),
    # spam without a filter's verdict: we were only a hidden copy (RFC 5230 §4.5)
    Case(
        "300-spam-undisclosed-recipients-no-filter-verdict-en",
        "Financial Freedom Team <freedom@fast-income.example>",
        "Are you tired of working for someone else?",
        "Dear Friend,\n\nWould you like to earn $5,000 a week from your kitchen table? Thousands"
        " already do. No experience, no selling, no risk.\n\nSimply reply with REMOVE in the"
        " subject line to be taken off our list.\n",
        sign=None,
        to="undisclosed-recipients:;",
        delivered_to=MAILBOX,
        arrival=at("2025-12-23 02:17:44"),
        headers=(("X-Mailer", "Group Mail Pro 7.1"),),
        return_path="freedom@fast-income.example",
    ),
    Case(
        "301-spam-addressed-to-someone-else-apply-now-nl",
        "Thuiswerk Vacatures <vacatures@thuiswerk-direct.example>",
        "Solliciteer nu: verdien 400 euro per dag vanuit huis",
        "Beste werkzoekende,\n\nWij zoeken per direct 50 thuiswerkers. Solliciteer nu via"
        " onze website en begin morgen al. Geen cv of motivatie nodig!\n\n"
        "https://thuiswerk-direct.example/aanmelden\n",
        sign=None,
        to="Klanten <klanten@thuiswerk-direct.example>",
        delivered_to=MAILBOX,
        arrival=at("2025-12-29 05:52:10"),
        return_path="vacatures@thuiswerk-direct.example",
    ),
    # a web server's cron sends a failed job's output to the address it was given
    Case(
        "302-cron-job-output-to-our-address-en",
        "Cron Daemon <root@web01.vacaturesite.example>",
        "Cron <root@web01> /usr/local/bin/sync-vacatures --to info@chassesearch.nl",
        "Traceback (most recent call last):\n"
        '  File "/usr/local/bin/sync-vacatures", line 41, in <module>\n'
        "    main()\n"
        "ConnectionError: feed https://www.chassesearch.nl/vacatures.xml timed out\n",
        sign=None,
        arrival=at("2026-01-02 03:00:07"),
        headers=(
            ("X-Cron-Env", "<SHELL=/bin/sh>"),
            ("X-Cron-Env", "<HOME=/root>"),
            ("X-Cron-Env", "<PATH=/usr/bin:/bin>"),
            ("X-Cron-Env", "<LOGNAME=root>"),
        ),
        return_path="root@web01.vacaturesite.example",
    ),
)
