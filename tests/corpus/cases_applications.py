"""Applications, questions, and the first machine mail: cases 001-109.

Each `Case` is one message as it reached the shared mailbox; what mailroom
should conclude is written by hand in `expected.toml`.
"""

from dataclasses import replace
from datetime import UTC

from .builders import (
    APPLE_HEADERS,
    APPLY,
    APPLY_EN,
    GMAIL_FORWARD,
    HTML_ERROR_PAGE,
    ICS,
    IPO_ADDRESS,
    JOB_BOARD,
    MAILBOX,
    OUR_REPLY_BODY,
    OUR_REPLY_HEADERS,
    OUR_REPLY_ID,
    OUR_REPLY_QUOTED,
    OUTLOOK_HEADERS,
    P7S_STUB,
    PGP_SIGNATURE,
    RE_OUR_REPLY,
    REPLY_SUBJECT,
    SANNE,
    STAFF,
    SUBJECT,
    THUNDERBIRD_HEADERS,
    VCARD,
    Case,
    File,
    Part,
    apple_html_inline,
    apple_inline,
    at,
    contents,
    cv,
    diploma,
    docx,
    dsn_fields,
    forward_attached,
    headers_only,
    html_only,
    jpeg,
    letter,
    link_mail,
    mdn_fields,
    multipart,
    odt,
    our_reply,
    our_reply_headers,
    outlook,
    pair,
    pdf,
    png,
    rar_archive,
    report,
    returned,
    rtf,
    scan,
    sevenzip_archive,
    signed,
    staff_forward,
    text,
    thunderbird_inline_image,
    winmail,
    zip_archive,
)

_JOOST_QUOTE = (
    f"{GMAIL_FORWARD}\nVan: Joost Peeters <joost.peeters@example.nl>\n"
    "Date: ma 22 dec 2025 om 21:14\nSubject: Sollicitatie IPO / BIJ12\n"
    "To: <m.jansen@chassesearch.nl>\n\n\n"
    f"Beste Marieke,\n\n{APPLY}\n\nMet vriendelijke groet,\nJoost Peeters\n"
)
_FENNA_QUOTE = (
    "-----Oorspronkelijk bericht-----\nVan: Fenna Bos [mailto:fenna.bos@example.nl] \n"
    "Verzonden: maandag 22 december 2025 14:03\nAan: Marieke Jansen\nOnderwerp: Sollicitatie\n\n"
    f"Beste mevrouw Jansen,\n\n{APPLY}\n\nMet vriendelijke groet,\nFenna Bos\n"
)
_AHMED_QUOTE = (
    "________________________________\nVan: Ahmed Yilmaz <ahmed.yilmaz@example.com>\n"
    "Verzonden: dinsdag 23 december 2025 09:41\nAan: Marieke Jansen <m.jansen@chassesearch.nl>\n"
    "Onderwerp: Sollicitatie plaatsvervangend algemeen directeur\n\n"
    f"Beste mevrouw Jansen,\n\n{APPLY}\n\nMet vriendelijke groet,\nAhmed Yilmaz\n"
)
_LOTTE_QUOTE = (
    "Begin forwarded message:\n\nFrom: Lotte Vermeulen <lotte.vermeulen@example.org>\n"
    "Subject: Sollicitatie\nDate: 27 December 2025 at 11:02:13 CET\n"
    "To: m.jansen@chassesearch.nl\n\n"
    f"Beste Marieke,\n\n{APPLY}\n\nGroet,\nLotte\n"
)
_NIELS_QUOTE = (
    "Begin doorgestuurd bericht:\n\nVan: Niels Willems <niels.willems@example.org>\n"
    "Onderwerp: Sollicitatie\nDatum: 28 december 2025 om 16:20:05 CET\n"
    "Aan: m.jansen@chassesearch.nl\n\n"
    f"Beste Marieke,\n\n{APPLY}\n\nGroet,\nNiels\n"
)
_AOIFE_QUOTE = (
    "---------- Forwarded message ---------\nFrom: Aoife Brennan <aoife.brennan@example.com>\n"
    "Date: Tue, 30 Dec 2025 at 15:44\nSubject: Question about the vacancy\n"
    "To: <m.jansen@chassesearch.nl>\n\n"
    "Dear Marieke,\n\nIs the role open to candidates who live in Belgium? And where would the"
    " work be based: The Hague, Utrecht, or both?\n\nKind regards,\nAoife Brennan\n"
)
_SAFELINK = (
    "https://eur02.safelinks.protection.outlook.com/?url=https%3A%2F%2F1drv.ms%2Ff%2Fs!AmZ3xYwVuTsR8kP2q"
    "&data=05%7C02%7Cinfo%40chassesearch.nl%7C5c1e%7C0%7C0&sdata=Qm9ndXNkYXRh&reserved=0"
)
_NEWSLETTER = (
    "Nieuwe vacatures deze week\n\n"
    "- Directeur Uitvoering, provincie Gelderland: solliciteren kan tot 12 januari.\n"
    "- Programmamanager Stikstof, BIJ12: stuur uw cv en motivatie voor 9 januari.\n\n"
    "Tip van de week: zo maakt u uw cv sterker.\n\n"
    "Afmelden: https://vacatures.example.org/afmelden?id=8842\n"
)

CASES: tuple[Case, ...] = (
    # valid, in the many shapes mail clients give an application
    Case(
        "001-valid-plain-nl",
        SANNE,
        SUBJECT,
        APPLY,
        pair("Sanne de Vries"),
    ),
    Case(
        "002-valid-english",
        "James Whitfield <j.whitfield@example.com>",
        "Application: Deputy Director General IPO",
        APPLY_EN,
        pair("James Whitfield", english=True),
        sign="en",
    ),
    Case(
        "003-valid-gmail-html-alternative",
        "Joëlle van Dijk <joelle.vandijk@example.nl>",
        SUBJECT,
        APPLY,
        pair("Joelle van Dijk"),
        html=True,
    ),
    Case(
        "004-valid-html-only",
        "Pieter Bakker <p.bakker@example.net>",
        "IPO / BIJ12",
        APPLY,
        pair("Pieter Bakker"),
        layout=html_only,
    ),
    Case(
        "005-valid-octet-stream",
        "Marloes Visser <marloes.visser@example.nl>",
        SUBJECT,
        APPLY,
        tuple(replace(f, content_type="application/octet-stream") for f in pair("Marloes Visser")),
    ),
    Case(
        "006-valid-uppercase-extension",
        "Kees Jansen <kees.jansen@example.nl>",
        "SOLLICITATIE",
        APPLY,
        (File("BRIEF.PDF", letter("Kees Jansen")), File("CV.PDF", cv("Kees Jansen"))),
    ),
    Case(
        "007-valid-pdf-without-extension",
        "Femke Hoekstra <femke.hoekstra@example.nl>",
        SUBJECT,
        APPLY,
        (
            File("Motivatie", letter("Femke Hoekstra"), "application/octet-stream"),
            File("CV", cv("Femke Hoekstra"), "application/octet-stream"),
        ),
    ),
    Case(
        "008-valid-no-subject-no-text",
        "Youssef Amrani <youssef.amrani@example.nl>",
        "",
        files=pair("Youssef Amrani"),
        sign=None,
    ),
    Case(
        "009-valid-windows-send-to-mail-recipient",
        "Wim Bakker <wim.bakker@example.nl>",
        "Verzenden via e-mail: Motivatiebrief Wim Bakker.pdf, CV Wim Bakker.pdf",
        "Uw bericht is klaar om te worden verzonden met de volgende bestanden of koppelingen als"
        " bijlagen:\n\nMotivatiebrief Wim Bakker.pdf\nCV Wim Bakker.pdf\n\nOpmerking: ter"
        " bescherming tegen computervirussen kunnen e-mailprogramma's het verzenden of ontvangen"
        " van bepaalde typen bijlagen verhinderen.",
        pair("Wim Bakker"),
        sign=None,
        headers=OUTLOOK_HEADERS,
    ),
    Case(
        "010-valid-rfc2047-names",
        "Zoë van den IJsselstein <zoe.ijsselstein@example.nl>",
        SUBJECT,
        APPLY,
        (
            File(
                "Motivatiebrief Zoë van den Ĳsselstein.pdf",
                letter("Zoë van den IJsselstein"),
                naming="rfc2047",
            ),
            File("CV Zoë.pdf", cv("Zoë van den IJsselstein"), naming="rfc2047"),
        ),
        headers=OUTLOOK_HEADERS,
    ),
    Case(
        "011-valid-rfc2231-continued-names",
        "Loïs Brouwer <lois.brouwer@example.org>",
        SUBJECT,
        APPLY,
        (
            File(
                "Motivatiebrief Loïs Brouwer \u2013 plaatsvervangend algemeen directeur IPO"
                " en BIJ12.pdf",
                letter("Loïs Brouwer"),
            ),
            File("Curriculum vitae Loïs Brouwer, december 2025.pdf", cv("Loïs Brouwer")),
        ),
        headers=THUNDERBIRD_HEADERS,
    ),
    Case(
        "012-valid-latin1-rfc2231-names",
        "Anouk Verbeek <anouk.verbeek@example.nl>",
        SUBJECT,
        APPLY,
        (
            File(
                "Motivatie Anouk Verbeek (één pagina).pdf", letter("Anouk Verbeek"), naming="latin1"
            ),
            File("CV Anouk Verbeek \u2013 geüpdatet.pdf", cv("Anouk Verbeek")),
        ),
    ),
    Case(
        "013-valid-chinese-names",
        "Zhang Wei <zhang.wei@example.com>",
        "Application for Deputy Director General",
        APPLY_EN,
        (
            File("求职信 张伟.pdf", letter("Zhang Wei", english=True), naming="rfc2047"),
            File("简历 张伟.pdf", cv("Zhang Wei", english=True), naming="type-only"),
        ),
        sign="en",
    ),
    Case(
        "014-valid-outlook-related-image001",
        "Bram de Boer <bram.deboer@example.nl>",
        SUBJECT,
        APPLY,
        pair("Bram de Boer"),
        layout=outlook,
        headers=OUTLOOK_HEADERS,
    ),
    Case(
        "015-valid-apple-mail-inline-pdfs",
        "Lieke Maas <lieke.maas@example.nl>",
        SUBJECT,
        APPLY,
        pair("Lieke Maas"),
        layout=apple_inline,
        headers=APPLE_HEADERS,
    ),
    Case(
        "016-valid-apple-mail-html-inline-pdfs",
        "Jeroen Koster <jeroen.koster@example.nl>",
        SUBJECT,
        APPLY,
        tuple(replace(f, extra_type_params="x-unix-mode=0644") for f in pair("Jeroen Koster")),
        layout=apple_html_inline,
        headers=APPLE_HEADERS,
    ),
    Case(
        "017-valid-nested-mixed-alternative-related",
        "Esther Postma <esther.postma@example.nl>",
        SUBJECT,
        APPLY,
        pair("Esther Postma"),
        layout=thunderbird_inline_image,
        headers=THUNDERBIRD_HEADERS,
    ),
    Case(
        "018-valid-smime-signed",
        "Wouter Dekker <wouter.dekker@example.nl>",
        SUBJECT,
        APPLY,
        pair("Wouter Dekker"),
        layout=signed(
            "application/pkcs7-signature",
            File("smime.p7s", P7S_STUB, "application/pkcs7-signature"),
        ),
        headers=OUTLOOK_HEADERS,
    ),
    Case(
        "019-valid-pgp-signed",
        "Tim Bosman <tim.bosman@example.org>",
        SUBJECT,
        APPLY,
        pair("Tim Bosman"),
        layout=signed(
            "application/pgp-signature",
            File("OpenPGP_signature.asc", PGP_SIGNATURE, "application/pgp-signature"),
        ),
        headers=THUNDERBIRD_HEADERS,
    ),
    Case(
        "020-valid-calendar-and-vcard-beside-pdfs",
        "Iris Smeets <iris.smeets@example.nl>",
        SUBJECT,
        f"{APPLY}\nIk heb mijn beschikbaarheid voor een gesprek en mijn contactkaart bijgevoegd.",
        (
            *pair("Iris Smeets"),
            File(
                "beschikbaarheid.ics",
                ICS.encode(),
                "text/calendar",
                extra_type_params="method=REQUEST",
            ),
            File(
                "Iris Smeets.vcf",
                VCARD.format(first="Iris", last="Smeets", email="iris.smeets@example.nl").encode(),
                "text/x-vcard",
            ),
        ),
        headers=OUTLOOK_HEADERS,
    ),
    Case(
        "021-valid-job-board-relay",
        JOB_BOARD,
        "Nieuwe sollicitatie: Plaatsvervangend Algemeen Directeur IPO",
        "Ruben Kok heeft via Vacaturebank Overheid gereageerd op uw vacature Plaatsvervangend"
        " Algemeen Directeur IPO, tevens Directeur BIJ12.\n\nDe motivatiebrief en het cv zijn"
        " bijgevoegd. Beantwoord deze e-mail om de kandidaat te antwoorden.",
        (
            File("Motivatie_Ruben_Kok.pdf", letter("Ruben Kok")),
            File("CV_Ruben_Kok.pdf", cv("Ruben Kok")),
        ),
        sign=None,
        headers=(("Reply-To", "Ruben Kok <ruben.kok@example.net>"),),
        return_path="bounces+8842@jobboard.example.com",
    ),
    Case(
        "022-valid-job-board-auto-generated",
        JOB_BOARD,
        "Nieuwe sollicitatie: Plaatsvervangend Algemeen Directeur IPO",
        "Maaike Hermans heeft gereageerd op uw vacature. Het cv en de motivatiebrief zijn"
        " bijgevoegd.",
        (
            File("Motivatie_Maaike_Hermans.pdf", letter("Maaike Hermans")),
            File("CV_Maaike_Hermans.pdf", cv("Maaike Hermans")),
        ),
        sign=None,
        headers=(
            ("Reply-To", "Maaike Hermans <maaike.hermans@example.net>"),
            ("Auto-Submitted", "auto-generated"),
            ("Precedence", "bulk"),
        ),
        return_path="bounces+8843@jobboard.example.com",
    ),
    Case(
        "023-valid-applicant-forwards-own-mail-as-attachment",
        "Thijs van Leeuwen <thijs.vanleeuwen@example.nl>",
        "Fwd: Sollicitatie",
        "Mijn sollicitatie van vorige week kwam terug omdat ik een typfout in uw adres maakte."
        " Hierbij stuur ik hem alsnog door.",
        layout=forward_attached,
        inner=Case(
            "000-Sollicitatie",
            "Thijs van Leeuwen <thijs.vanleeuwen@example.nl>",
            "Sollicitatie",
            APPLY,
            pair("Thijs van Leeuwen"),
            to="info@chasse-search.example.nl",
            arrival=at("2025-12-20 08:15:00"),
        ),
        headers=THUNDERBIRD_HEADERS,
    ),
    Case(
        "024-valid-staff-forward-as-attachment",
        STAFF,
        "Fwd: Sollicitatie IPO",
        "Deze sollicitatie kwam op mijn eigen adres binnen; hierbij als bijlage voor het dossier.",
        layout=forward_attached,
        inner=Case(
            "000-Sollicitatie IPO",
            "Noor El Idrissi <noor.elidrissi@example.nl>",
            "Sollicitatie IPO",
            APPLY,
            pair("Noor El Idrissi"),
            to=STAFF,
            arrival=at("2025-12-23 19:40:00"),
        ),
        sign=None,
        headers=OUTLOOK_HEADERS,
    ),
    staff_forward(
        "025-valid-staff-forward-inline-gmail",
        "Deze kwam op mijn eigen adres binnen, kun je hem meenemen?\n\nMarieke",
        _JOOST_QUOTE,
        files=pair("Joost Peeters"),
    ),
    staff_forward(
        "026-valid-staff-forward-inline-outlook-mailto",
        "Graag toevoegen aan het dossier.\n\nMarieke",
        _FENNA_QUOTE,
        files=pair("Fenna Bos"),
        headers=OUTLOOK_HEADERS,
    ),
    staff_forward(
        "027-valid-staff-forward-inline-outlook-web",
        "Ter info, graag verwerken.\n\nMarieke",
        _AHMED_QUOTE,
        files=pair("Ahmed Yilmaz"),
    ),
    staff_forward(
        "028-valid-staff-forward-inline-apple-en",
        "Voor het dossier.\n\nMarieke",
        _LOTTE_QUOTE,
        files=pair("Lotte Vermeulen"),
        headers=APPLE_HEADERS,
    ),
    staff_forward(
        "029-valid-staff-forward-inline-apple-nl",
        "Voor het dossier.\n\nMarieke",
        _NIELS_QUOTE,
        files=pair("Niels Willems"),
        headers=APPLE_HEADERS,
    ),
    staff_forward(
        "030-question-staff-forwards-a-question",
        "Kan iemand deze vraag beantwoorden?\n\nMarieke",
        _AOIFE_QUOTE,
        subject="Fwd: Question about the vacancy",
    ),
    Case(
        "031-valid-cv-scan-without-text",
        "Hanneke Vos <hanneke.vos@example.nl>",
        SUBJECT,
        f"{APPLY}\nMijn cv heb ik ingescand.",
        (
            File("Motivatiebrief Hanneke Vos.pdf", letter("Hanneke Vos")),
            File("CV Hanneke Vos.pdf", scan("CV Hanneke Vos")),
        ),
    ),
    Case(
        "032-valid-two-scans-from-office-printer",
        "Rik Schouten <rik.schouten@example.nl>",
        "Sollicitatie",
        f"{APPLY}\nBeide documenten heb ik op kantoor gescand.",
        (
            File("doc00123520251229.pdf", scan("Motivatie Rik Schouten")),
            File("doc00123620251229.pdf", scan("CV Rik Schouten")),
        ),
    ),
    Case(
        "033-valid-extra-passport-photo",
        "Sophie Jacobs <sophie.jacobs@example.nl>",
        SUBJECT,
        f"{APPLY}\nIk heb ook een pasfoto bijgevoegd.",
        (*pair("Sophie Jacobs"), File("pasfoto.jpg", jpeg("Pasfoto Sophie Jacobs"))),
    ),
    Case(
        "034-valid-winmail-dat-beside-pdfs",
        "Mehmet Kaya <mehmet.kaya@example.com>",
        SUBJECT,
        APPLY,
        (*pair("Mehmet Kaya"), File("winmail.dat", winmail())),
        headers=OUTLOOK_HEADERS,
    ),
    Case(
        "035-valid-pdf-with-owner-password-only",
        "Sarah Cohen <sarah.cohen@example.org>",
        SUBJECT,
        APPLY,
        (
            File("Motivatiebrief Sarah Cohen.pdf", letter("Sarah Cohen")),
            File("CV Sarah Cohen (beveiligd).pdf", cv("Sarah Cohen", owner="alleen-lezen")),
        ),
    ),
    Case(
        "036-valid-same-name-different-content",
        "Yusuf Demir <yusuf.demir@example.net>",
        "Sollicitatie",
        APPLY,
        (File("document.pdf", letter("Yusuf Demir")), File("document.pdf", cv("Yusuf Demir"))),
    ),
    Case(
        "037-valid-reply-to-our-reply-with-two-pdfs",
        "Daan Mulder <daan.mulder@example.net>",
        REPLY_SUBJECT,
        "Zoals gevraagd stuur ik mijn motivatiebrief en cv nu als twee losse PDF-bestanden.",
        pair("Daan Mulder"),
        headers=RE_OUR_REPLY,
    ),
    Case(
        "038-valid-auto-reply-headers-with-two-pdfs",
        "Eline Bakker <eline.bakker@example.nl>",
        "Automatisch antwoord: Sollicitatie",
        f"Ik ben afwezig tot 5 januari. {APPLY}",
        pair("Eline Bakker"),
        headers=(("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All")),
    ),
    Case(
        "039-valid-at-the-closing-instant",
        "Gijs Vermeer <gijs.vermeer@example.nl>",
        SUBJECT,
        APPLY,
        pair("Gijs Vermeer"),
        arrival=at("2026-01-06 23:59:59"),
    ),
    Case(
        "040-valid-at-the-opening-instant",
        "Roos Kuipers <roos.kuipers@example.nl>",
        SUBJECT,
        APPLY,
        pair("Roos Kuipers"),
        arrival=at("2025-12-19 00:00:00"),
    ),
    Case(
        "041-valid-received-in-utc",
        "Bas Hofman <bas.hofman@example.com>",
        SUBJECT,
        APPLY,
        pair("Bas Hofman"),
        arrival=at("2025-12-18 23:30:00", UTC),
    ),
    Case(
        "042-valid-sender-clock-after-closing",
        "Julia Prins <julia.prins@example.nl>",
        SUBJECT,
        APPLY,
        pair("Julia Prins"),
        arrival=at("2026-01-05 16:20:00"),
        sent=at("2026-01-08 16:19:30"),
    ),
    Case(
        "043-valid-plus-address-before-the-window",
        "Koen de Graaf <koen.degraaf@example.nl>",
        SUBJECT,
        APPLY,
        pair("Koen de Graaf"),
        to=IPO_ADDRESS,
        arrival=at("2025-12-15 11:05:00"),
    ),
    # invalid: every problem named, several at once
    Case(
        "044-invalid-forgot-the-attachment",
        "Ruud Hendriks <ruud.hendriks@example.com>",
        "Hierbij mijn sollicitatie",
        "Hierbij mijn sollicitatie voor de functie van plaatsvervangend algemeen directeur.",
    ),
    Case(
        "045-invalid-html-only-forgot-the-attachment",
        "Gert Hoekman <gert.hoekman@example.org>",
        "IPO / BIJ12",
        "Hierbij solliciteer ik naar de functie van plaatsvervangend algemeen directeur.",
        layout=html_only,
    ),
    Case(
        "046-invalid-forgot-the-attachment-outlook-vcard",
        "Petra Smulders <petra.smulders@example.nl>",
        SUBJECT,
        "Hierbij mijn sollicitatie. Mijn contactgegevens vindt u in de bijgevoegde kaart.",
        (
            File(
                "Petra Smulders.vcf",
                VCARD.format(
                    first="Petra", last="Smulders", email="petra.smulders@example.nl"
                ).encode(),
                "text/x-vcard",
            ),
        ),
        layout=outlook,
        headers=OUTLOOK_HEADERS,
    ),
    Case(
        "047-invalid-one-pdf",
        "Joris Wolters <joris.wolters@example.nl>",
        SUBJECT,
        APPLY,
        (File("Sollicitatie Joris Wolters.pdf", letter("Joris Wolters")),),
    ),
    Case(
        "048-invalid-three-pdfs",
        "Vera Claassen <vera.claassen@example.nl>",
        SUBJECT,
        f"{APPLY}\nOok mijn diploma heb ik bijgevoegd.",
        (*pair("Vera Claassen"), File("Diploma.pdf", diploma("Vera Claassen"))),
    ),
    Case(
        "049-invalid-same-cv-twice",
        "Stefan Meijer <stefan.meijer@example.nl>",
        SUBJECT,
        APPLY,
        (
            File("CV Stefan Meijer.pdf", cv("Stefan Meijer")),
            File("Motivatiebrief.pdf", cv("Stefan Meijer")),
        ),
    ),
    Case(
        "050-invalid-letter-and-cv-twice",
        "Linda Groen <linda.groen@example.nl>",
        SUBJECT,
        APPLY,
        (*pair("Linda Groen"), File("CV Linda Groen (1).pdf", cv("Linda Groen"))),
    ),
    Case(
        "051-invalid-three-pdfs-one-twice",
        "Mark Willemsen <mark.willemsen@example.nl>",
        SUBJECT,
        APPLY,
        (
            *pair("Mark Willemsen"),
            File("CV Mark Willemsen kopie.pdf", cv("Mark Willemsen")),
            File("Diploma.pdf", diploma("Mark Willemsen")),
        ),
    ),
    Case(
        "052-invalid-cv-pdf-is-an-error-page",
        "Nina Kramer <nina.kramer@example.nl>",
        SUBJECT,
        APPLY,
        (
            File("Motivatiebrief Nina Kramer.pdf", letter("Nina Kramer")),
            File("CV Nina Kramer.pdf", HTML_ERROR_PAGE),
        ),
    ),
    Case(
        "053-invalid-docx-renamed-to-pdf",
        "Hugo Peters <hugo.peters@example.nl>",
        SUBJECT,
        APPLY,
        (
            File("Motivatiebrief Hugo Peters.pdf", letter("Hugo Peters")),
            File("CV Hugo Peters.pdf", docx("Curriculum vitae Hugo Peters", "Werkervaring")),
        ),
    ),
    Case(
        "054-invalid-empty-pdf",
        "Emma Brink <emma.brink@example.nl>",
        SUBJECT,
        APPLY,
        (
            File("Motivatiebrief Emma Brink.pdf", letter("Emma Brink")),
            File("CV Emma Brink.pdf", b""),
        ),
    ),
    Case(
        "055-invalid-two-docx",
        "Fatima el Amrani <f.elamrani@example.nl>",
        SUBJECT,
        APPLY,
        (
            File(
                "Motivatiebrief.docx",
                docx("Geachte selectiecommissie,", "Met vriendelijke groet, Fatima"),
            ),
            File("CV.docx", docx("Curriculum vitae Fatima el Amrani", "Werkervaring")),
        ),
        headers=OUTLOOK_HEADERS,
    ),
    Case(
        "056-invalid-odt-letter-beside-pdf-cv",
        "Jasper Bouwman <jasper.bouwman@example.org>",
        SUBJECT,
        APPLY,
        (
            File(
                "Motivatiebrief Jasper.odt",
                odt("Geachte selectiecommissie,", "Met vriendelijke groet"),
            ),
            File("CV Jasper Bouwman.pdf", cv("Jasper Bouwman")),
        ),
    ),
    Case(
        "057-invalid-two-rtf",
        "Willem Kuiper <willem.kuiper@example.nl>",
        SUBJECT,
        APPLY,
        (
            File(
                "Brief.rtf",
                rtf("Geachte selectiecommissie,", "Met vriendelijke groet, Willem Kuiper"),
            ),
            File("CV.rtf", rtf("Curriculum vitae Willem Kuiper", "Werkervaring")),
        ),
    ),
    Case(
        "058-invalid-phone-photos",
        "Anna Mertens <anna.mertens@example.nl>",
        SUBJECT,
        f"{APPLY}\nIk heb de documenten met mijn telefoon gefotografeerd.",
        (
            File("IMG_4031.jpg", jpeg("Motivatie Anna Mertens")),
            File("IMG_4032.jpg", jpeg("CV Anna Mertens")),
        ),
    ),
    Case(
        "059-invalid-screenshot-and-docx",
        "Olaf Timmer <olaf.timmer@example.nl>",
        SUBJECT,
        APPLY,
        (
            File("Schermafbeelding 2025-12-28 om 10.14.02.png", png("CV Olaf Timmer")),
            File(
                "Motivatie Olaf Timmer.docx",
                docx("Geachte selectiecommissie,", "Met vriendelijke groet"),
            ),
        ),
    ),
    Case(
        "060-invalid-zip",
        "Carmen Dijkstra <carmen.dijkstra@example.nl>",
        SUBJECT,
        APPLY,
        (
            File(
                "Sollicitatie Carmen Dijkstra.zip",
                zip_archive(*contents(*pair("Carmen Dijkstra"))),
            ),
        ),
    ),
    Case(
        "061-invalid-rar",
        "Erik Brouwers <erik.brouwers@example.com>",
        SUBJECT,
        APPLY,
        (
            File(
                "sollicitatie.rar",
                rar_archive(*contents(*pair("Erik Brouwers"))),
            ),
        ),
    ),
    Case(
        "062-invalid-7z",
        "Ilse Koopman <ilse.koopman@example.nl>",
        SUBJECT,
        APPLY,
        (
            File(
                "sollicitatie.7z",
                sevenzip_archive(*contents(*pair("Ilse Koopman"))),
            ),
        ),
    ),
    Case(
        "063-invalid-pdf-and-zipped-cv",
        "Ruben Vink <ruben.vink@example.nl>",
        SUBJECT,
        APPLY,
        (
            File("Motivatiebrief Ruben Vink.pdf", letter("Ruben Vink")),
            File("CV Ruben Vink.zip", zip_archive(("CV Ruben Vink.pdf", cv("Ruben Vink")))),
        ),
    ),
    Case(
        "064-invalid-winmail-dat-only",
        "Dirk van Beek <dirk.vanbeek@example.nl>",
        SUBJECT,
        APPLY,
        (File("winmail.dat", winmail(*contents(*pair("Dirk van Beek")))),),
        headers=OUTLOOK_HEADERS,
    ),
    link_mail(
        "065-invalid-wetransfer-link",
        "Laura Smit <laura.smit@example.nl>",
        "WeTransfer",
        "https://we.tl/t-Q8xZr2LmNb",
    ),
    link_mail(
        "066-invalid-google-drive-link",
        "Martijn Bos <martijn.bos@example.com>",
        "Google Drive",
        "https://drive.google.com/drive/folders/1AbCdEfGhIjKlMnOpQrStUvWxYz012345?usp=sharing",
    ),
    link_mail(
        "067-invalid-dropbox-link-in-html",
        "Sanne Bakker <sanne.bakker@example.org>",
        "Dropbox",
        "https://www.dropbox.com/scl/fi/k2j3h4g5/Sollicitatie-Sanne-Bakker.pdf?rlkey=x7y8z9&dl=0",
        anchor=True,
    ),
    link_mail(
        "068-invalid-onedrive-link",
        "Tom Verhoef <tom.verhoef@example.nl>",
        "OneDrive",
        "https://1drv.ms/f/s!AmZ3xYwVuTsR8kP2q",
    ),
    link_mail(
        "069-invalid-onedrive-link-behind-safe-links",
        "Bart Janssen <bart.janssen@example.nl>",
        "OneDrive",
        _SAFELINK,
    ),
    Case(
        "070-invalid-pdf-and-drive-link",
        "Merel Schipper <merel.schipper@example.nl>",
        SUBJECT,
        "Hierbij mijn motivatiebrief. Mijn cv staat op Google Drive:"
        " https://drive.google.com/file/d/1ZyXwVuTsRqPoNmLkJiHgFeDcBa/view?usp=sharing",
        (File("Motivatiebrief Merel Schipper.pdf", letter("Merel Schipper")),),
    ),
    Case(
        "071-invalid-encrypted-cv",
        "Floor Hendriks <floor.hendriks@example.nl>",
        SUBJECT,
        f"{APPLY}\nHet wachtwoord van mijn cv stuur ik u apart.",
        (
            File("Motivatiebrief Floor Hendriks.pdf", letter("Floor Hendriks")),
            File(
                "CV Floor Hendriks.pdf",
                pdf(("Curriculum vitae Floor Hendriks",), title="CV", password="Floor2025"),
            ),
        ),
    ),
    Case(
        "072-invalid-encrypted-and-unreadable",
        "Quinten Lammers <quinten.lammers@example.nl>",
        SUBJECT,
        APPLY,
        (
            File(
                "Motivatiebrief Quinten Lammers.pdf", letter("Quinten Lammers", password="geheim")
            ),
            File(
                "CV Quinten Lammers.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 4
            ),
        ),
    ),
    Case(
        "073-invalid-truncated-pdf",
        "Ingrid Vos <ingrid.vos@example.nl>",
        SUBJECT,
        APPLY,
        (
            File("Motivatiebrief Ingrid Vos.pdf", letter("Ingrid Vos")),
            File("CV Ingrid Vos.pdf", cv("Ingrid Vos")[: len(cv("Ingrid Vos")) * 3 // 5]),
        ),
    ),
    Case(
        "074-invalid-too-large",
        "Gerard Mol <gerard.mol@example.nl>",
        SUBJECT,
        layout=headers_only,
        headers=(
            (
                "Content-Type",
                'multipart/mixed;\n\tboundary="----=_NextPart_000_0012_01DC7A2B.5E3F1C20"',
            ),
        ),
    ),
    Case(
        "075-question-that-mentions-the-cv",
        "Wendy Bosch <wendy.bosch@example.nl>",
        "Vraag over het cv",
        "Moet mijn cv in het Nederlands zijn, of mag het ook in het Engels?",
    ),
    Case(
        "076-invalid-reply-to-our-reply-with-one-pdf",
        "Joëlle van Dijk <joelle.vandijk@example.nl>",
        REPLY_SUBJECT,
        "Excuses, hierbij alsnog mijn motivatiebrief." + OUR_REPLY_QUOTED,
        (File("Motivatiebrief Joelle van Dijk.pdf", letter("Joelle van Dijk")),),
        headers=RE_OUR_REPLY,
    ),
    # late: by arrival at our server, whatever the sender's clock says
    Case(
        "077-late-date-header-inside-the-window",
        "Marloes Visscher <marloes.visscher@example.nl>",
        SUBJECT,
        APPLY,
        pair("Marloes Visscher"),
        arrival=at("2026-01-07 00:03:12"),
        sent=at("2026-01-06 23:58:40"),
    ),
    Case(
        "078-late-one-second-after-closing",
        "Harm Veenstra <harm.veenstra@example.nl>",
        SUBJECT,
        APPLY,
        pair("Harm Veenstra"),
        arrival=at("2026-01-07 00:00:00"),
        sent=at("2026-01-06 23:59:51"),
    ),
    Case(
        "079-late-received-in-utc",
        "Chloe Martin <chloe.martin@example.com>",
        "Application: Deputy Director General IPO",
        APPLY_EN,
        pair("Chloe Martin", english=True),
        sign="en",
        arrival=at("2026-01-06 23:00:00", UTC),
        sent=at("2026-01-06 22:59:48", UTC),
    ),
    Case(
        "080-late-incomplete-application",
        "Robin Smeets <robin.smeets@example.nl>",
        SUBJECT,
        APPLY,
        (File("CV Robin Smeets.pdf", cv("Robin Smeets")),),
        arrival=at("2026-01-08 09:30:00"),
    ),
    Case(
        "081-late-plus-address",
        "Evi Pauwels <evi.pauwels@example.org>",
        SUBJECT,
        APPLY,
        pair("Evi Pauwels"),
        to=IPO_ADDRESS,
        arrival=at("2026-01-12 14:00:00"),
    ),
    Case(
        "082-late-too-large",
        "Otto Kamp <otto.kamp@example.nl>",
        SUBJECT,
        layout=headers_only,
        arrival=at("2026-01-07 10:00:00"),
        headers=(
            (
                "Content-Type",
                'multipart/mixed;\n\tboundary="----=_NextPart_000_0012_01DC7A2B.5E3F1C20"',
            ),
        ),
    ),
    # questions: no documents, nothing about applying
    Case(
        "083-question-nl",
        "Daan Mulder <daan.mulder@example.net>",
        "Vraag over de vacature bij IPO en BIJ12",
        "Is deze functie ook in vier dagen per week te vervullen? En in welke salarisschaal valt"
        " de functie?\n\nAlvast bedankt voor uw antwoord.",
    ),
    Case(
        "084-question-en",
        "Aoife Brennan <aoife.brennan@example.com>",
        "Question about the Deputy Director General vacancy",
        "I have lived in the Netherlands for two years and my Dutch is at B1 level. Is the role"
        " open to English-speaking candidates? And where would the work be based: The Hague,"
        " Utrecht, or both?",
        sign="en",
    ),
    Case(
        "085-question-html-only",
        "Karin de Jong <karin.dejong@example.nl>",
        "Standplaats",
        "Waar is de standplaats van deze functie: Den Haag of Utrecht? En is thuiswerken mogelijk?",
        layout=html_only,
    ),
    Case(
        "086-question-reply-to-our-reply",
        "Sanne de Vries <sanne.devries@example.nl>",
        REPLY_SUBJECT,
        "Dank voor uw bevestiging. Wanneer hoor ik of ik ben uitgenodigd voor een gesprek?"
        + OUR_REPLY_QUOTED,
        headers=RE_OUR_REPLY,
    ),
    Case(
        "087-question-reply-to-our-reply-references-only",
        "Pieter Bakker <p.bakker@example.net>",
        REPLY_SUBJECT,
        "Is het mogelijk om het gesprek op een maandag te plannen?" + OUR_REPLY_QUOTED,
        headers=(("References", OUR_REPLY_ID),),
        sign=None,
    ),
    Case(
        "088-question-en-reply-quoting-our-dutch-reply",
        "James Whitfield <j.whitfield@example.com>",
        "Re: Ontvangstbevestiging van uw sollicitatie",
        "Thank you for the confirmation. Could you tell me when the committee will decide?\n\nKind"
        " regards,\nJames" + OUR_REPLY_QUOTED,
        headers=RE_OUR_REPLY,
        sign=None,
    ),
    Case(
        "089-question-plus-address",
        "Hans Broekman <hans.broekman@example.nl>",
        "Vraag",
        "Tot wanneer kan ik reageren op deze vacature?",
        to=IPO_ADDRESS,
    ),
    Case(
        "090-question-after-closing",
        "Ellen Verbruggen <ellen.verbruggen@example.nl>",
        "Vraag over de procedure",
        "Wanneer worden de kandidaten voor de gesprekken uitgenodigd?",
        arrival=at("2026-01-09 10:00:00"),
    ),
    # unrouted: before the window, and no routing rule names the vacancy
    Case(
        "091-unrouted-before-the-window",
        "Lars Hoogland <lars.hoogland@example.nl>",
        SUBJECT,
        APPLY,
        pair("Lars Hoogland"),
        arrival=at("2025-12-18 23:59:59"),
    ),
    Case(
        "092-unrouted-question-before-the-window",
        "Mila Peeters <mila.peeters@example.nl>",
        "Vraag",
        "Wanneer wordt de vacature van plaatsvervangend algemeen directeur gepubliceerd?",
        arrival=at("2025-12-10 09:00:00"),
    ),
    # automated: bounces, receipts, auto-replies, bulk
    Case(
        "093-bounce-postfix-dsn",
        "MAILER-DAEMON@mx.example.org (Mail Delivery System)",
        "Undelivered Mail Returned to Sender",
        "This is the mail system at host mx.example.org.\n\nI'm sorry to have to inform you that"
        " your message could not\nbe delivered to one or more recipients.\n\n"
        "<k.jansen@example.org>: host mail.example.org[198.51.100.7] said: 550 5.1.1\n"
        "    <k.jansen@example.org>: Recipient address rejected: User unknown\n",
        layout=report(
            "delivery-status",
            dsn_fields(
                "mx.example.org",
                "k.jansen@example.org",
                "failed",
                "5.1.1",
                "550 5.1.1 User unknown",
            ),
            our_reply_headers("k.jansen@example.org"),
        ),
        sign=None,
        return_path="",
        headers=(("Auto-Submitted", "auto-replied"),),
    ),
    Case(
        "094-bounce-exchange-ndr",
        "Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.com>",
        "Onbestelbaar: Ontvangstbevestiging van uw sollicitatie",
        "Uw bericht kan niet worden bezorgd bij r.devos@example.com omdat het adres niet is"
        " gevonden.\n\n"
        "Diagnostische informatie voor beheerders:\nGenererende server: AM0PR01MB1234.example.com\n"
        "r.devos@example.com\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound'\n",
        layout=report(
            "delivery-status",
            dsn_fields(
                "AM0PR01MB1234.example.com",
                "r.devos@example.com",
                "failed",
                "5.1.10",
                "550 5.1.10 RecipientNotFound",
            ),
            our_reply("r.devos@example.com"),
            html_notice=True,
        ),
        sign=None,
        return_path="",
        headers=(("X-MS-Exchange-Message-Is-Ndr", ""), ("Content-Language", "nl-NL")),
    ),
    Case(
        "095-bounce-gmail-with-icon",
        "Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
        "Delivery Status Notification (Failure)",
        "Address not found\n\nYour message wasn't delivered to s.kok@example.net because the"
        " address couldn't be found, or is unable to receive mail.\n\n"
        "The response from the remote server was:\n"
        "550 5.1.1 The email account that you tried to reach does not exist.\n",
        layout=report(
            "delivery-status",
            dsn_fields(
                "googlemail.com", "s.kok@example.net", "failed", "5.1.1", "550 5.1.1 does not exist"
            ),
            our_reply("s.kok@example.net"),
            html_notice=True,
            icon=True,
        ),
        sign=None,
        return_path="",
        headers=(("Auto-Submitted", "auto-replied"),),
    ),
    Case(
        "096-bounce-gmail-legacy-plain-text",
        "Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
        "Delivery Status Notification (Failure)",
        "Delivery to the following recipient failed permanently:\n\n     r.smit@example.com\n\n"
        "Technical details of permanent failure:\nThe email account that you tried to reach does"
        " not exist.\n\n----- Original message -----\n\n"
        + OUR_REPLY_HEADERS.format(to="r.smit@example.com")
        + "\n"
        + OUR_REPLY_BODY.split("\n\n", 1)[1],
        sign=None,
        return_path="",
    ),
    Case(
        "097-bounce-exim-x-failed-recipients",
        "Mail Delivery System <mail@mx3.example.net>",
        "Mail delivery failed: returning message to sender",
        "This message was created automatically by mail delivery software.\n\n"
        "A message that you sent could not be delivered to one or more of its\nrecipients."
        " This is a"
        " permanent error. The following address(es) failed:\n\n  l.vos@example.net\n"
        "    mailbox is full: retry timeout exceeded\n\n"
        "------ This is a copy of the message, including all the headers. ------\n\n"
        f"Return-path: <{MAILBOX}>\n" + OUR_REPLY_HEADERS.format(to="l.vos@example.net") + "\n"
        "Geachte heer, mevrouw,\n\nWij hebben uw sollicitatie ontvangen.\n",
        sign=None,
        return_path="",
        headers=(("X-Failed-Recipients", "l.vos@example.net"),),
    ),
    Case(
        "098-bounce-old-exchange-postmaster",
        "System Administrator <postmaster@example.net>",
        "Undeliverable: Ontvangstbevestiging van uw sollicitatie",
        "Your message did not reach some or all of the intended recipients.\n\n"
        "      Subject:\tOntvangstbevestiging van uw sollicitatie\n"
        "      Sent:\t22-12-2025 10:00\n\n"
        "The following recipient(s) cannot be reached:\n\n"
        "      j.bakker@example.net on 22-12-2025 10:05\n"
        "            The e-mail account does not exist at the organization this message"
        " was sent to.\n",
        layout=returned(our_reply("j.bakker@example.net")),
        sign=None,
        return_path="",
    ),
    Case(
        "099-delay-warning-postfix-dsn",
        "MAILER-DAEMON@mx.example.org (Mail Delivery System)",
        "Delayed Mail (still being retried)",
        "This is the mail system at host mx.example.org.\n\n####################################\n"
        "# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n"
        "####################################\n\n"
        "Your message could not be delivered for more than 4"
        " hour(s).\nIt will be retried until it is 5 day(s) old.\n",
        layout=report(
            "delivery-status",
            dsn_fields(
                "mx.example.org",
                "p.devries@example.org",
                "delayed",
                "4.4.1",
                "connection timed out",
            ),
            our_reply_headers("p.devries@example.org"),
        ),
        sign=None,
        return_path="",
        headers=(("Auto-Submitted", "auto-replied"),),
    ),
    Case(
        "100-read-receipt-outlook",
        "Bram de Boer <bram.deboer@example.nl>",
        "Gelezen: Ontvangstbevestiging van uw sollicitatie",
        "Uw bericht\n\n  Aan: Bram de Boer\n  Onderwerp: Ontvangstbevestiging van uw sollicitatie\n"
        "  Verzonden: maandag 22 december 2025 10:00:02 (UTC+01:00)\n\nis gelezen op maandag 22"
        " december 2025 10:31:40 (UTC+01:00).\n",
        layout=lambda case: multipart(
            "report",
            text(case.text),
            Part(
                "message/disposition-notification",
                mdn_fields("bram.deboer@example.nl", "Microsoft Outlook 16.0").encode(),
            ),
            params=";\n\treport-type=disposition-notification",
        ),
        sign=None,
        headers=OUTLOOK_HEADERS,
    ),
    Case(
        "101-read-receipt-thunderbird",
        "Lieke Maas <lieke.maas@example.nl>",
        "Leesbevestiging (weergegeven) - Ontvangstbevestiging van uw sollicitatie",
        "Dit is een leesbevestiging voor het bericht dat u naar lieke.maas@example.nl stuurde.\n\n"
        "Opmerking: deze leesbevestiging bevestigt alleen dat het bericht werd weergegeven op de"
        " computer van de ontvanger.\n",
        layout=report(
            "disposition-notification",
            mdn_fields("lieke.maas@example.nl", "Mozilla Thunderbird"),
            our_reply_headers("lieke.maas@example.nl"),
        ),
        sign=None,
        headers=(*THUNDERBIRD_HEADERS, *RE_OUR_REPLY),
    ),
    Case(
        "102-auto-reply-outlook-out-of-office",
        "Eva Smit <eva.smit@example.nl>",
        "Automatisch antwoord: Ontvangstbevestiging van uw sollicitatie",
        "Dank voor uw bericht. Ik ben afwezig tot en met maandag 12 januari 2026 en lees mijn"
        " e-mail niet. Voor dringende zaken kunt u terecht bij secretariaat@example.nl.\n\n"
        "Met vriendelijke groet,\nEva Smit\n",
        layout=outlook,
        sign=None,
        headers=(
            *OUTLOOK_HEADERS,
            *RE_OUR_REPLY,
            ("Auto-Submitted", "auto-generated"),
            ("X-Auto-Response-Suppress", "All"),
            ("X-MS-Exchange-Inbox-Rules-Loop", "eva.smit@example.nl"),
        ),
    ),
    Case(
        "103-auto-reply-gmail-vacation",
        "Tom Hendriks <tom.hendriks@example.com>",
        "Afwezig tot 5 januari",
        "Ik ben met vakantie en lees mijn mail vanaf 5 januari weer.\n\nTom\n",
        sign=None,
        headers=(*RE_OUR_REPLY, ("Auto-Submitted", "auto-replied"), ("Precedence", "bulk")),
    ),
    Case(
        "104-auto-reply-cpanel-autoresponder",
        "Info Kaya Advies <info@kaya-advies.example.com>",
        "Bedankt voor uw e-mail",
        "Bedankt voor uw e-mail. Wij reageren binnen twee werkdagen.\n\nKaya Advies\n",
        sign=None,
        headers=(("X-Autorespond", "Bedankt voor uw e-mail"),),
    ),
    Case(
        "105-auto-reply-subject-only",
        "Secretariaat <secretariaat@example.nl>",
        "Afwezigheidsbericht: Ontvangstbevestiging van uw sollicitatie",
        "Ik ben afwezig tot 6 januari.\n",
        sign=None,
    ),
    Case(
        "106-auto-reply-english-out-of-office",
        "Chloe Martin <chloe.martin@example.com>",
        "Out of Office: Your application",
        "I am out of the office until 5 January with limited access to email.\n",
        sign=None,
        headers=(("Auto-Submitted", "auto-replied"),),
    ),
    Case(
        "107-bulk-mailing-list-newsletter",
        "Vacatures Openbaar Bestuur <nieuwsbrief@vacatures.example.org>",
        "Nieuwsbrief: nieuwe vacatures en tips voor uw cv",
        _NEWSLETTER,
        sign=None,
        html=True,
        headers=(
            ("List-Id", "Vacatures Openbaar Bestuur <nieuwsbrief.vacatures.example.org>"),
            (
                "List-Unsubscribe",
                "<mailto:afmelden@vacatures.example.org>, <https://vacatures.example.org/afmelden?id=8842>",
            ),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ("Precedence", "list"),
        ),
        return_path="bounce-8842@vacatures.example.org",
    ),
    Case(
        "108-bulk-marketing-unsubscribe-only",
        "Jobboard <nieuws@jobboard.example.com>",
        "Solliciteren in 2026: vijf tips",
        "Solliciteren in 2026? Lees onze vijf tips voor een sterke motivatiebrief.",
        layout=html_only,
        sign=None,
        headers=(("List-Unsubscribe", "<https://jobboard.example.com/unsubscribe?u=77>"),),
    ),
    Case(
        "109-bounce-before-the-window",
        "MAILER-DAEMON@mx.example.org (Mail Delivery System)",
        "Undelivered Mail Returned to Sender",
        "This is the mail system at host mx.example.org.\n\nYour message could not be delivered.\n",
        layout=report(
            "delivery-status",
            dsn_fields(
                "mx.example.org",
                "a.visser@example.org",
                "failed",
                "5.1.1",
                "550 5.1.1 User unknown",
            ),
            our_reply_headers("a.visser@example.org"),
        ),
        sign=None,
        return_path="",
        arrival=at("2025-12-12 08:00:00"),
    ),
)
