"""Auto-replies: cases 175-229.

Out-of-office and vacation replies (Microsoft 365 / Exchange / Outlook, Gmail,
Dovecot/Sieve, Zimbra, Lotus Notes, Yahoo, iCloud, cPanel/Exim, vacation(1),
procmail), helpdesk and ticket systems acknowledging receipt (Zendesk,
Freshdesk, OTRS, Jira Service Management, TOPdesk, Zammad), other companies'
recruiting systems acknowledging an application, and the "this address is no
longer in use" / "mailbox full" / "not monitored" replies of mail rules.

Most carry several machine signals; some carry exactly one (only the subject,
only X-Autoreply, only Auto-Submitted, only Precedence: auto_reply, only a null
Return-Path, only X-Auto-Response-Suppress, only a no-reply From) so each signal
is tested alone. Some carry files: an inline logo, a vCard, a calendar, an
S/MIME signature (no documents), and a few a real document (a brochure PDF, a
company profile .docx, winmail.dat), which makes them application-like. What
mailroom should conclude is written by hand in `expected-autoreplies.toml`.
"""

import html

from .builders import (
    OUR_REPLY_ID,
    OUR_REPLY_QUOTED,
    P7S_STUB,
    RE_OUR_REPLY,
    Case,
    File,
    Part,
    alternative,
    at,
    docx,
    html_only,
    inline_image,
    jpeg,
    multipart,
    outlook,
    pdf,
    png,
    signed,
    to_html,
    winmail,
)

OURS = "Ontvangstbevestiging van uw sollicitatie"  # the subject of our reply
# Mail our recruiters sent from the shared mailbox before (not one of mailroom's replies)
OUTREACH_ID = "<DB9PR01MB8842A7C3E1F04B2D@chassesearch.nl>"
INQUIRY_ID = "<DB9PR01MB8842F19B07C2D5E6@chassesearch.nl>"
RE_OUTREACH = (("In-Reply-To", OUTREACH_ID), ("References", OUTREACH_ID))
RE_INQUIRY = (("In-Reply-To", INQUIRY_ID), ("References", INQUIRY_ID))

GMAIL_HEADERS = (
    ("X-Google-Smtp-Source", "AGHT+IFq2m8Zr0kqvW1c3yTn5sLp7dXbE4hJ9aUoR6gM2tVwK8eQ=="),
    ("X-Received", "by 2002:a05:6402:3593:b0:64b:7f1a with SMTP id f19mr5521338edd.22"),
)
ZIMBRA_MAILER = (("X-Mailer", "Zimbra 10.0.9_GA_4681 (zclient/10.0.9_GA_4681)"),)


def _exchange(index: str, language: str, *extra: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    """What Exchange / Microsoft 365 puts on an automatic reply to our reply."""
    return (
        ("Thread-Topic", OURS),
        ("Thread-Index", index),
        *RE_OUR_REPLY,
        ("X-MS-Has-Attach", ""),
        ("X-MS-TNEF-Correlator", ""),
        *extra,
        ("Content-Language", language),
    )


def _crosstenant(tenant: str) -> tuple[tuple[str, str], ...]:
    """The stamps Exchange Online leaves on mail leaving a tenant."""
    return (
        ("X-MS-Exchange-Transport-CrossTenantHeadersStamped", f"{tenant}PR03MB7719"),
        (
            "X-MS-Exchange-CrossTenant-AuthSource",
            f"{tenant}PR03MB7719.eurprd03.prod.outlook.example",
        ),
        ("X-MS-Exchange-CrossTenant-AuthAs", "Internal"),
    )


def _gmail_html(plain: str) -> str:
    """Gmail's HTML part: the text in one <div dir="ltr">, lines joined by <br>."""
    lines = html.escape(plain.rstrip("\n")).split("\n")
    return f'<div dir="ltr">{"<br>".join(lines)}</div>\n'


def _logo_attached_by_cid(case: Case) -> Part:
    """related > (alternative > plain, html showing the logo), the logo itself
    marked as an attachment but shown by its Content-ID (Kerio, some webmail)."""
    cid = "logo-footer@mail.example.com"
    rich = to_html(case.text).replace(
        "</div>", f'<p><img src="cid:{cid}" width="160" height="48" alt="logo"></p></div>'
    )
    logo = inline_image(png("Logo voetregel", (160, 48)), "logo.png", cid, disposition="attachment")
    return multipart(
        "related",
        alternative(case.text, rich),
        logo,
        params=';\n\ttype="multipart/alternative"',
    )


_SMIME = signed(
    "application/pkcs7-signature",
    File("smime.p7s", P7S_STUB, "application/pkcs7-signature"),
)

_VCARD_JORIS = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Peters;Joris;;;\r\nFN:Joris Peters\r\n"
    "ORG:Peters Interim Management\r\nTITLE:Interim manager\r\n"
    "EMAIL;TYPE=INTERNET:joris@peters-interim.example.nl\r\n"
    "TEL;TYPE=WORK:+31 30 123 4567\r\nURL:https://peters-interim.example.nl\r\nEND:VCARD\r\n"
)
_ICS_INFO_SESSION = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Zorggroep Voorbeeld//Werving//NL\r\n"
    "METHOD:PUBLISH\r\nBEGIN:VEVENT\r\nUID:infosessie-20260114@zorggroep.example.nl\r\n"
    "DTSTAMP:20260105T191400Z\r\nDTSTART:20260114T180000Z\r\nDTEND:20260114T193000Z\r\n"
    "SUMMARY:Online informatiebijeenkomst werken bij Zorggroep Voorbeeld\r\n"
    "LOCATION:Online (link volgt per e-mail)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def _brochure(title: str, *lines: str) -> bytes:
    """A one-page leaflet as a company's autoresponder attaches it."""
    return pdf((title, "", *lines), title=title)


_BROCHURE_ADMIN = _brochure(
    "Administratiekantoor Voorbeeld - Wie wij zijn",
    "Sinds 1994 uw partner voor boekhouding, loonadministratie en belastingaangifte.",
    "Kantoren in Amersfoort en Zeist.",
)
_TARIFFS_ADMIN = _brochure(
    "Tarieven 2026",
    "Boekhouding zzp: vanaf 45 euro per maand",
    "Loonadministratie: 12,50 euro per loonstrook",
    "Aangifte inkomstenbelasting: 195 euro",
)
_PRICES_PRINT = _brochure(
    "Drukkerij Voorbeeld - Prijslijst 2026",
    "Visitekaartjes, 250 stuks: 39 euro",
    "Flyers A5, 1000 stuks: 89 euro",
)
_TERMS_LAW = _brochure(
    "Algemene voorwaarden Voorbeeld Advocaten",
    "Artikel 1. Toepasselijkheid",
    "Deze voorwaarden gelden voor alle opdrachten aan Voorbeeld Advocaten B.V.",
)
_BROCHURE_TRAVEL = _brochure(
    "Reisbureau Voorbeeld - Groepsreizen 2026",
    "Stedenreizen, rondreizen en zakelijke groepsreizen op maat.",
)
_BROCHURE_PLESK = _brochure(
    "Hoveniersbedrijf Voorbeeld - Brochure",
    "Tuinontwerp, aanleg en onderhoud in de regio Utrecht.",
)


CASES: tuple[Case, ...] = (
    # Microsoft 365 / Exchange / Outlook
    Case(
        "175-auto-reply-m365-outlook-logo-nl",
        "Marloes Verbeek <m.verbeek@provincie-voorbeeld.example.nl>",
        f"Automatisch antwoord: {OURS}",
        "Beste afzender,\n\nDank voor uw bericht. Van maandag 22 december tot en met vrijdag 2"
        " januari ben ik met verlof. Uw e-mail wordt niet doorgestuurd.\n\nVoor dringende zaken"
        " kunt u contact opnemen met het secretariaat via 030 123 4567.\n\n"
        "Met vriendelijke groet,\n\nMarloes Verbeek\nBeleidsadviseur Natuur\n"
        "Provincie Voorbeeld\n",
        layout=outlook,
        sign=None,
        arrival=at("2025-12-22 10:00:41"),
        return_path="",
        headers=_exchange(
            "AQHcczN0aW1lb3V0LWFmd2V6aWcAAA==",
            "nl-NL",
            ("Auto-Submitted", "auto-generated"),
            ("X-Auto-Response-Suppress", "All"),
            ("X-MS-Exchange-Inbox-Rules-Loop", "m.verbeek@provincie-voorbeeld.example.nl"),
            *_crosstenant("AM9"),
        ),
    ),
    Case(
        "176-auto-reply-m365-automatic-reply-en",
        "Daniel Okafor <daniel.okafor@northwind.example.com>",
        f"Automatic reply: {OURS}",
        "Thank you for your email. I am on annual leave until Monday 5 January 2026 with no"
        " access to email.\n\nIf your message is urgent, please contact my colleague Priya Shah"
        " (priya.shah@northwind.example.com).\n\nBest regards,\nDaniel\n",
        sign=None,
        html=True,
        arrival=at("2025-12-22 10:01:07"),
        return_path="",
        headers=_exchange(
            "AQHcczRkYW5pZWwtb29mLWVuAAAB",
            "en-GB",
            ("Auto-Submitted", "auto-generated"),
            ("X-Auto-Response-Suppress", "All"),
            *_crosstenant("LO2"),
        ),
    ),
    Case(
        "177-auto-reply-m365-automatische-antwort-de",
        "Katrin Albrecht <k.albrecht@stadtwerke-beispiel.example.de>",
        f"Automatische Antwort: {OURS}",
        "Sehr geehrte Damen und Herren,\n\nvielen Dank für Ihre Nachricht. Ich bin bis"
        " einschließlich 4. Januar 2026 nicht im Büro und habe keinen Zugriff auf meine E-Mails."
        " Ihre Nachricht wird nicht weitergeleitet.\n\nIn dringenden Fällen wenden Sie sich bitte"
        " an unser Sekretariat unter +49 30 1234567.\n\nMit freundlichen Grüßen\nKatrin Albrecht\n"
        "Leiterin Personal\nStadtwerke Beispiel GmbH\n",
        layout=outlook,
        sign=None,
        arrival=at("2025-12-22 10:02:19"),
        return_path="k.albrecht@stadtwerke-beispiel.example.de",
        headers=_exchange(
            "AQHcczVrYXRyaW4tYWJ3ZXNlbmQAAA==",
            "de-DE",
            ("Auto-Submitted", "auto-generated"),
            ("X-Auto-Response-Suppress", "All"),
            *_crosstenant("FR3"),
        ),
    ),
    Case(
        "178-auto-reply-m365-reponse-automatique-fr",
        "Élodie Marchand <e.marchand@conseil-exemple.example.com>",
        f"Réponse automatique : {OURS}",
        "Bonjour,\n\nJe suis absente du bureau jusqu'au lundi 5 janvier 2026 inclus, sans accès"
        " à ma messagerie. Votre message ne sera pas transféré.\n\nPour toute demande urgente,"
        " merci de contacter l'accueil au +33 1 23 45 67 89.\n\nCordialement,\nÉlodie Marchand\n",
        sign=None,
        html=True,
        arrival=at("2025-12-22 10:03:55"),
        return_path="",
        headers=_exchange(
            "AQHcczZlbG9kaWUtYWJzZW5jZQAA",
            "fr-FR",
            ("Auto-Submitted", "auto-generated"),
            ("X-Auto-Response-Suppress", "All"),
            ("X-MS-Exchange-Inbox-Rules-Loop", "e.marchand@conseil-exemple.example.com"),
            *_crosstenant("PA4"),
        ),
    ),
    Case(
        "179-auto-reply-m365-risposta-automatica-it",
        "Giulia Ferraro <g.ferraro@studio-esempio.example.com>",
        f"Risposta automatica: {OURS}",
        "Gentile mittente,\n\nsono fuori ufficio fino al 7 gennaio 2026 con accesso limitato alla"
        " posta elettronica. Risponderò al mio rientro.\n\nCordiali saluti,\nGiulia Ferraro\n",
        layout=outlook,
        sign=None,
        arrival=at("2025-12-22 10:05:12"),
        return_path="g.ferraro@studio-esempio.example.com",
        headers=_exchange(
            "AQHcczdnaXVsaWEtZnVvcmkAAAA=",
            "it-IT",
            ("Auto-Submitted", "auto-generated"),
            ("X-Auto-Response-Suppress", "All"),
            *_crosstenant("MI1"),
        ),
    ),
    Case(
        "180-auto-reply-exchange-respuesta-automatica-es",
        "Javier Ortega <j.ortega@logistica-ejemplo.example.com>",
        f"Respuesta automática: {OURS}",
        "Estoy fuera de la oficina hasta el 8 de enero de 2026. Responderé a su mensaje a mi"
        " regreso.\n\nUn saludo,\nJavier Ortega\n",
        sign=None,
        html=True,
        arrival=at("2025-12-22 10:06:30"),
        return_path="",
        headers=(
            ("Thread-Topic", OURS),
            ("Thread-Index", "AQHcczhqYXZpZXItZnVlcmEAAA=="),
            *RE_OUR_REPLY,
            ("Content-Language", "es-ES"),
            ("X-Mailer", "Microsoft Exchange Server 2016"),
        ),
    ),
    Case(
        "181-auto-reply-exchange-2010-out-of-office-en",
        "Graham Pike <gpike@pike-partners.example.com>",
        f"Out of Office: {OURS}",
        "I am out of the office until 2 January 2026. For anything urgent, please call"
        " reception on +44 20 7946 0000.\n\nGraham Pike\nPike & Partners\n",
        sign=None,
        arrival=at("2025-12-23 09:14:08"),
        return_path="",
        headers=(
            ("Thread-Topic", OURS),
            ("Thread-Index", "AQHcdEFncmFoYW0tb29mAAAAAA=="),
            *RE_OUR_REPLY,
            ("X-MS-Has-Attach", ""),
            ("X-Auto-Response-Suppress", "All"),
            ("X-MS-Exchange-Inbox-Rules-Loop", "gpike@pike-partners.example.com"),
            ("X-MS-TNEF-Correlator", ""),
            ("x-tm-as-product-ver", "SMEX-14.0.0.3197-9.0.1002-29802.005"),
            ("x-tm-as-result", "No--12.304100-0.000000-31"),
            ("Content-Language", "en-GB"),
        ),
    ),
    Case(
        "182-auto-reply-exchange-abwesenheitsnotiz-plain-de",
        "Stefan Wiegand <s.wiegand@ingenieure-beispiel.example.de>",
        f"Abwesenheitsnotiz: {OURS}",
        "Guten Tag,\n\nich bin vom 23.12.2025 bis einschließlich 06.01.2026 nicht erreichbar."
        " Ihre E-Mail wird nicht automatisch weitergeleitet und nach meiner Rückkehr bearbeitet."
        "\n\nMit freundlichen Grüßen\nStefan Wiegand\n",
        sign=None,
        arrival=at("2025-12-23 11:40:22"),
        return_path="",
        headers=_exchange(
            "AQHcdGtzdGVmYW4tYWJ3ZXNlbmQ=",
            "de-DE",
            ("Auto-Submitted", "auto-generated"),
            ("X-Auto-Response-Suppress", "All"),
            ("X-Mailer", "Microsoft Exchange Server 2019"),
        ),
    ),
    Case(
        "183-auto-reply-exchange-rich-text-winmail-dat",
        "Hendrik Mulder <h.mulder@bouwbedrijf-voorbeeld.example.nl>",
        f"Automatisch antwoord: {OURS}",
        "Ik ben afwezig tot en met 5 januari 2026. Uw bericht wordt na mijn terugkomst"
        " behandeld.\n\nHendrik Mulder\nBouwbedrijf Voorbeeld\n",
        (File("winmail.dat", winmail()),),
        sign=None,
        arrival=at("2025-12-24 08:12:45"),
        return_path="",
        headers=(
            ("Thread-Topic", OURS),
            ("Thread-Index", "AQHcdWhlbmRyaWstcnRmAAAAAA=="),
            *RE_OUR_REPLY,
            ("X-MS-Has-Attach", "yes"),
            ("X-MS-TNEF-Correlator", "<AM0PR02MB5521B3A4C5D6@bouwbedrijf-voorbeeld.example.nl>"),
            ("Auto-Submitted", "auto-generated"),
            ("X-Auto-Response-Suppress", "All"),
            ("Content-Language", "nl-NL"),
        ),
    ),
    Case(
        "184-auto-reply-exchange-rule-address-no-longer-in-use",
        "Ruud Kramer <r.kramer@installatie-voorbeeld.example.nl>",
        "Dit e-mailadres is niet meer in gebruik",
        "Dit e-mailadres is sinds 1 december 2025 niet meer in gebruik. Uw bericht is niet"
        " gelezen en wordt niet doorgestuurd.\n\nStuur uw e-mail opnieuw naar"
        " info@installatie-voorbeeld.example.nl en wij helpen u graag verder.\n\n"
        "Installatiebedrijf Voorbeeld\n",
        sign=None,
        html=True,
        arrival=at("2025-12-27 10:12:00"),
        return_path="",
        headers=(
            *RE_OUR_REPLY,
            ("Auto-Submitted", "auto-generated"),
            ("X-MS-Exchange-Inbox-Rules-Loop", "r.kramer@installatie-voorbeeld.example.nl"),
            ("X-MS-Exchange-Generated-Message-Source", "Mailbox Rules Agent"),
            ("Content-Language", "nl-NL"),
        ),
    ),
    Case(
        "185-auto-reply-outlook-client-rule-subject-only",
        "Wim de Graaf <wim.degraaf@example.nl>",
        "Niet aanwezig",
        "Goedendag,\n\nIk ben tot en met 4 januari niet aanwezig en lees mijn e-mail niet."
        " Daarna beantwoord ik uw bericht zo snel mogelijk.\n\nGroet,\nWim de Graaf\n",
        layout=outlook,
        sign=None,
        arrival=at("2025-12-19 13:45:10"),
        headers=(
            ("X-Mailer", "Microsoft Outlook 16.0"),
            ("Thread-Index", "AdxwzJ3aW0tbmlldC1hYW53ZXppZw=="),
            ("Content-Language", "nl"),
        ),
    ),
    Case(
        "186-auto-reply-outlook-template-company-profile-docx",
        "Anouk Claessen <anouk@claessen-advies.example.nl>",
        "Afwezig van 22 december tot en met 2 januari",
        "Beste relatie,\n\nDank voor uw e-mail. Ik ben afwezig van 22 december tot en met 2"
        " januari en reageer daarna op uw bericht. In de bijlage vindt u alvast ons"
        " bedrijfsprofiel.\n\nMet vriendelijke groet,\nAnouk Claessen\nClaessen Advies\n",
        (
            File(
                "Bedrijfsprofiel Claessen Advies.docx",
                docx(
                    "Bedrijfsprofiel Claessen Advies",
                    "Claessen Advies begeleidt gemeenten en provincies bij hun organisatie.",
                    "Opgericht in 2009, gevestigd in Maastricht.",
                ),
            ),
        ),
        layout=outlook,
        sign=None,
        arrival=at("2025-12-29 15:20:33"),
        headers=(
            ("X-Mailer", "Microsoft Outlook 16.0"),
            ("Thread-Index", "AdxzYW5vdWstdGVtcGxhdGUtZG9jeA=="),
            ("Content-Language", "nl"),
        ),
    ),
    Case(
        "187-auto-reply-outlook-smime-signed",
        "Fleur Janssen <f.janssen@rijksdienst-voorbeeld.example.nl>",
        f"Automatisch antwoord: {OURS}",
        "Ik ben afwezig tot en met maandag 5 januari 2026. Uw e-mail wordt niet doorgestuurd."
        " Voor vragen over vergunningen kunt u contact opnemen met het Klant Contact Centrum"
        " via 088 123 4567.\n\nFleur Janssen\nRijksdienst Voorbeeld\n",
        layout=_SMIME,
        sign=None,
        html=True,
        arrival=at("2025-12-22 10:07:44"),
        return_path="",
        headers=_exchange(
            "AQHcczlmbGV1ci1zaWduZWQAAAA=",
            "nl-NL",
            ("Auto-Submitted", "auto-generated"),
            ("X-Auto-Response-Suppress", "All"),
        ),
    ),
    Case(
        "188-auto-reply-thunderbird-template-vcard",
        "Joris Peters <joris@peters-interim.example.nl>",
        "Met vakantie tot 4 januari",
        "Hallo,\n\nIk ben met vakantie tot en met 4 januari en lees mijn mail niet. Mijn"
        " contactgegevens vindt u in de bijgevoegde kaart.\n\nJoris Peters\n",
        (File("joris.vcf", _VCARD_JORIS.encode(), "text/x-vcard"),),
        sign=None,
        arrival=at("2025-12-22 10:09:02"),
        headers=(
            *RE_OUR_REPLY,
            ("User-Agent", "Mozilla Thunderbird"),
            ("Auto-Submitted", "auto-replied"),
            ("Content-Language", "nl"),
        ),
    ),
    # Gmail and Google Workspace vacation responder
    Case(
        "189-auto-reply-gmail-vacation-original-subject",
        "Lisa Brouwer <lisa.brouwer@example.com>",
        f"Re: {OURS}",
        "Hoi,\n\nIk ben op vakantie en vanaf 6 januari weer bereikbaar. Ik reageer dan zo snel"
        " mogelijk op je bericht.\n\nLisa\n",
        sign=None,
        html=_gmail_html(
            "Hoi,\n\nIk ben op vakantie en vanaf 6 januari weer bereikbaar. Ik reageer dan zo snel"
            " mogelijk op je bericht.\n\nLisa\n"
        ),
        arrival=at("2025-12-22 10:10:15"),
        return_path="lisa.brouwer@example.com",
        headers=(
            *GMAIL_HEADERS,
            *RE_OUR_REPLY,
            ("Auto-Submitted", "auto-replied"),
            ("X-Autoreply", "yes"),
            ("Precedence", "bulk"),
        ),
    ),
    Case(
        "190-auto-reply-gmail-vacation-custom-subject-en",
        "Owen Gallagher <owen@gallagher-consulting.example.com>",
        "Travelling until 7 January",
        "Hi,\n\nThanks for your note. I'm travelling with limited connectivity until 7 January"
        " and will reply when I'm back.\n\nOwen Gallagher\nGallagher Consulting\n",
        sign=None,
        html=_gmail_html(
            "Hi,\n\nThanks for your note. I'm travelling with limited connectivity until 7 January"
            " and will reply when I'm back.\n\nOwen Gallagher\nGallagher Consulting\n"
        ),
        arrival=at("2025-12-20 16:03:27"),
        return_path="owen@gallagher-consulting.example.com",
        headers=(
            *GMAIL_HEADERS,
            *RE_OUTREACH,
            ("Auto-Submitted", "auto-replied"),
            ("Precedence", "bulk"),
        ),
    ),
    Case(
        "191-auto-reply-gmail-vacation-abwesend-de",
        "Jonas Becker <jonas.becker@example.de>",
        "Abwesend bis 6. Januar",
        "Hallo,\n\nich bin bis zum 6. Januar im Urlaub und lese in dieser Zeit keine E-Mails.\n\n"
        "Viele Grüße\nJonas Becker\n",
        sign=None,
        html=_gmail_html(
            "Hallo,\n\nich bin bis zum 6. Januar im Urlaub und lese in dieser Zeit keine E-Mails."
            "\n\nViele Grüße\nJonas Becker\n"
        ),
        arrival=at("2025-12-30 08:45:50"),
        return_path="jonas.becker@example.de",
        headers=(
            *GMAIL_HEADERS,
            *RE_OUR_REPLY,
            ("Auto-Submitted", "auto-replied"),
            ("X-Autoreply", "yes"),
            ("Precedence", "bulk"),
        ),
    ),
    # Dovecot Pigeonhole / Sieve vacation (RFC 5230)
    Case(
        "192-auto-reply-sieve-vacation-auto-prefix-de",
        "Petra Lindner <p.lindner@hochschule-beispiel.example.de>",
        f"Auto: {OURS}",
        "Ich bin bis zum 5. Januar 2026 nicht im Hause. Ihre Nachricht wird nicht"
        " weitergeleitet.\n\nPetra Lindner\n",
        sign=None,
        arrival=at("2025-12-22 10:11:31"),
        return_path="",
        headers=(
            *RE_OUR_REPLY,
            ("Auto-Submitted", "auto-replied (vacation)"),
            ("Precedence", "bulk"),
            ("X-Sieve", "Pigeonhole Sieve 0.5.21 (f6cd4b8e)"),
        ),
    ),
    Case(
        "193-auto-reply-sieve-vacation-custom-subject-nl",
        "Bas Vermeulen <bas@vermeulen-ict.example.nl>",
        "Auto-Reply: afwezig tot en met 2 januari",
        "Ik ben afwezig tot en met 2 januari. Daarna beantwoord ik uw e-mail.\n\nBas Vermeulen\n",
        sign=None,
        arrival=at("2025-12-24 14:02:06"),
        return_path="",
        headers=(
            ("In-Reply-To", OUR_REPLY_ID),
            ("References", OUR_REPLY_ID),
            ("Auto-Submitted", "auto-replied (vacation)"),
            ("X-Sieve", "Pigeonhole Sieve 0.5.21 (f6cd4b8e)"),
        ),
    ),
    Case(
        "194-auto-reply-sieve-rule-mailbox-full",
        "Ingrid Smeets <ingrid.smeets@example.org>",
        "Mailbox vol",
        "Beste afzender,\n\nMijn mailbox zit op dit moment vol. Mogelijk heb ik uw bericht niet"
        " kunnen lezen. Wilt u het na 5 januari opnieuw sturen, of mij bellen op 06 12345678?"
        "\n\nIngrid Smeets\n",
        sign=None,
        arrival=at("2025-12-31 09:30:00"),
        return_path="ingrid.smeets@example.org",
        headers=(
            *RE_OUR_REPLY,
            ("Auto-Submitted", "auto-replied"),
            ("X-Sieve", "Pigeonhole Sieve 0.5.21 (f6cd4b8e)"),
        ),
    ),
    # Zimbra
    Case(
        "195-auto-reply-zimbra-out-of-office-nl",
        "Sandra Hoekstra <s.hoekstra@gemeente-voorbeeld.example.nl>",
        f"Re: {OURS}",
        "Ik ben tot en met 2 januari afwezig. Uw e-mail wordt niet doorgestuurd. Voor vragen"
        " kunt u bellen met 14 030.\n\nSandra Hoekstra\n",
        sign=None,
        arrival=at("2025-12-22 10:12:48"),
        return_path="",
        headers=(
            ("In-Reply-To", OUR_REPLY_ID),
            ("Auto-Submitted", "auto-replied (zimbra; vacation)"),
            ("Precedence", "bulk"),
            *ZIMBRA_MAILER,
        ),
    ),
    Case(
        "196-auto-reply-sieve-absence-du-bureau-fr",
        "Antoine Girard <antoine.girard@cabinet-exemple.example.com>",
        "Absence du bureau",
        "Bonjour,\n\nJe suis en congés jusqu'au 5 janvier 2026 inclus. Je traiterai votre"
        " message à mon retour.\n\nBien cordialement,\nAntoine Girard\n",
        sign=None,
        arrival=at("2025-12-26 11:17:36"),
        return_path="",
        headers=(
            *RE_OUR_REPLY,
            ("Auto-Submitted", "auto-replied (vacation)"),
            ("Precedence", "bulk"),
            ("X-Sieve", "Pigeonhole Sieve 0.5.19 (4eae2f79)"),
        ),
    ),
    # Lotus Notes / HCL Domino
    Case(
        "197-auto-reply-lotus-notes-out-of-the-office-en",
        "Jan Jansen <jan.jansen@verzekeraar-voorbeeld.example.nl>",
        "AUTO: Jan Jansen is out of the office (returning 05-01-2026)",
        "I am out of the office from 19-12-2025 until 05-01-2026.\n\nI will reply to your"
        " message when I return.\n\n\nNote: This is an automated reply to your message"
        f' "{OURS}" sent on 22-12-2025 10:00:02.\n\nYou will receive this notification only'
        " once while this person is away.\n",
        sign=None,
        html=True,
        arrival=at("2026-01-02 07:55:03"),
        return_path="jan.jansen@verzekeraar-voorbeeld.example.nl",
        headers=(
            *RE_OUR_REPLY,
            ("Auto-Submitted", "auto-generated"),
            ("X-Mailer", "HCL Notes Release 12.0.2 November 03, 2022"),
            (
                "X-MIMETrack",
                "Serialize by Router on NLDOM01/Verzekeraar(Release 12.0.2FP2|June 2023) at"
                "\n 02-01-2026 07:54:58",
            ),
            ("X-KeepSent", "5C1A2B3D:4E5F6071-C1258C8A:0029E6B1; type=4; name=$KeepSent"),
        ),
    ),
    Case(
        "198-auto-reply-lotus-notes-afwezig-subject-only",
        "Gerda Willemsen <gerda.willemsen@waterbedrijf-voorbeeld.example.nl>",
        "AUTO: Gerda Willemsen is afwezig (terug op 06-01-2026)",
        "Ik ben afwezig vanaf 22-12-2025 en terug op 06-01-2026.\n\nIk beantwoord uw bericht"
        " na mijn terugkeer.\n\n\nOpmerking: dit is een automatisch antwoord op uw bericht"
        f' "{OURS}" verzonden op 22-12-2025 10:00:02.\n\nU ontvangt deze melding slechts'
        " eenmaal zolang deze persoon afwezig is.\n",
        sign=None,
        arrival=at("2025-12-22 10:14:20"),
        return_path="gerda.willemsen@waterbedrijf-voorbeeld.example.nl",
        headers=(
            ("X-Mailer", "Lotus Notes Release 8.5.3FP6 November 21, 2013"),
            (
                "X-MIMETrack",
                "Serialize by Router on WBDOM02/Waterbedrijf(Release 9.0.1FP10|January 10,"
                " 2018) at\n 22-12-2025 10:14:16",
            ),
        ),
    ),
    # Yahoo, iCloud
    Case(
        "199-auto-reply-yahoo-vacation-response",
        "Karen Mitchell <karen_mitchell@yahoo.example>",
        f"Re: {OURS}",
        "Hello, I'm away on holiday and will be back on 3 January. I'll answer your email then."
        "\nKaren\n",
        sign=None,
        html=True,
        arrival=at("2025-12-28 19:22:40"),
        return_path="karen_mitchell@yahoo.example",
        headers=(
            *RE_OUR_REPLY,
            ("Auto-Submitted", "auto-replied"),
            ("X-YMail-OSG", "k3Tq9VQVM1kYb1Tq2mBvRxN8aZcE4pLw7sHdF0jUoGy"),
            ("X-Sonic-MF", "<karen_mitchell@yahoo.example>"),
            ("X-Mailer", "WebService/1.1.24866 YMailNorrin"),
        ),
    ),
    Case(
        "200-auto-reply-icloud-vacation",
        "Thijs van Leeuwen <thijsvanleeuwen@icloud.example>",
        f"Re: {OURS}",
        "Ik ben op reis en lees mijn e-mail pas weer na 10 januari.\n\nThijs\n",
        sign=None,
        arrival=at("2026-01-03 12:06:58"),
        return_path="thijsvanleeuwen@icloud.example",
        headers=(
            *RE_OUR_REPLY,
            ("Auto-Submitted", 'auto-replied; owner-email="thijsvanleeuwen@icloud.example"'),
            ("X-Autoreply", "yes"),
        ),
    ),
    # hosting autoresponders, vacation(1), procmail
    Case(
        "201-auto-reply-cpanel-precedence-auto-reply",
        "Bakkerij Voorbeeld <info@bakkerij-voorbeeld.example.nl>",
        "Bedankt voor uw e-mail aan Bakkerij Voorbeeld",
        "Bedankt voor uw e-mail. Wij lezen onze mail op werkdagen en reageren binnen twee"
        " werkdagen. Bestellingen voor de feestdagen kunt u doorgeven via onze webwinkel.\n\n"
        "Bakkerij Voorbeeld\n",
        sign=None,
        arrival=at("2025-12-03 14:21:09"),
        return_path="info@bakkerij-voorbeeld.example.nl",
        headers=(
            *RE_INQUIRY,
            ("X-Autorespond", "Vraag over een kerstborrel voor 40 personen"),
            ("Precedence", "auto_reply"),
            ("X-Precedence", "auto_reply"),
            ("X-AntiAbuse", "Primary Hostname - server12.hosting.example.net"),
            ("X-Get-Message-Sender-Via", "server12.hosting.example.net: autoresponder"),
            (
                "X-Authenticated-Sender",
                "server12.hosting.example.net: info@bakkerij-voorbeeld.example.nl",
            ),
        ),
    ),
    Case(
        "202-auto-reply-plesk-pdf-brochure",
        "Hoveniersbedrijf Voorbeeld <info@hovenier-voorbeeld.example.nl>",
        "Wij hebben uw e-mail ontvangen",
        "Hartelijk dank voor uw e-mail. Wij nemen binnen drie werkdagen contact met u op. In de"
        " bijlage vindt u alvast onze brochure.\n\nHoveniersbedrijf Voorbeeld\n",
        (File("Brochure Hoveniersbedrijf Voorbeeld.pdf", _BROCHURE_PLESK),),
        sign=None,
        arrival=at("2025-12-21 10:31:44"),
        return_path="info@hovenier-voorbeeld.example.nl",
        headers=(
            *RE_OUTREACH,
            ("X-Autoresponder", "Plesk autoresponder"),
            ("X-Mailer", "Plesk Mail Autoresponder"),
        ),
    ),
    Case(
        "203-auto-reply-autoresponder-two-pdf-brochures",
        "Administratiekantoor Voorbeeld <info@administratie-voorbeeld.example.nl>",
        "Bedankt voor uw bericht - informatie over onze diensten",
        "Geachte relatie,\n\nBedankt voor uw bericht. Tijdens de feestdagen is ons kantoor"
        " gesloten; vanaf 5 januari reageren wij zo snel mogelijk. In de bijlagen vindt u onze"
        " brochure en de tarieven voor 2026.\n\nAdministratiekantoor Voorbeeld\n",
        (
            File("Brochure Administratiekantoor Voorbeeld.pdf", _BROCHURE_ADMIN),
            File("Tarieven 2026.pdf", _TARIFFS_ADMIN),
        ),
        sign=None,
        arrival=at("2026-01-05 09:02:17"),
        return_path="",
        headers=(
            *RE_OUR_REPLY,
            ("Auto-Submitted", "auto-replied"),
            ("X-Mailer", "MDaemon Email Server v24.5.1"),
            ("X-MDaemon-Deliver-To", "info@chassesearch.nl"),
        ),
    ),
    Case(
        "204-auto-reply-autoreply-subject-pdf-and-flyer",
        "Drukkerij Voorbeeld <info@drukkerij-voorbeeld.example.nl>",
        "Autoreply: Kerstsluiting Drukkerij Voorbeeld",
        "Beste klant,\n\nOnze drukkerij is gesloten van 24 december tot en met 4 januari. Uw"
        " e-mail wordt na de sluiting behandeld. Onze prijslijst en de openingstijden vindt u in"
        " de bijlagen.\n\nDrukkerij Voorbeeld\n",
        (
            File("Prijslijst 2026.pdf", _PRICES_PRINT),
            File("Kerstsluiting.jpg", jpeg("Kerstsluiting Drukkerij Voorbeeld")),
        ),
        sign=None,
        arrival=at("2026-01-06 16:48:30"),
        return_path="info@drukkerij-voorbeeld.example.nl",
        headers=(("X-Mailer", "Roundcube Webmail/1.6.9"),),
    ),
    Case(
        "205-auto-reply-terms-pdf-after-closing",
        "Voorbeeld Advocaten <secretariaat@advocaten-voorbeeld.example.nl>",
        f"Re: {OURS}",
        "Geachte heer, mevrouw,\n\nWij hebben uw e-mail in goede orde ontvangen. Een van onze"
        " medewerkers neemt zo spoedig mogelijk contact met u op. Op al onze diensten zijn onze"
        " algemene voorwaarden van toepassing; deze vindt u in de bijlage.\n\n"
        "Voorbeeld Advocaten\n",
        (File("Algemene voorwaarden Voorbeeld Advocaten.pdf", _TERMS_LAW),),
        sign=None,
        html=True,
        arrival=at("2026-01-08 08:15:00"),
        return_path="secretariaat@advocaten-voorbeeld.example.nl",
        headers=(*RE_OUR_REPLY, ("Auto-Submitted", "auto-replied")),
    ),
    Case(
        "206-auto-reply-brochure-before-the-window",
        "Reisbureau Voorbeeld <groepen@reisbureau-voorbeeld.example.nl>",
        "Bedankt voor uw aanvraag",
        "Bedankt voor uw aanvraag voor een groepsreis. Een reisadviseur neemt binnen vijf"
        " werkdagen contact met u op. Onze brochure met alle groepsreizen van 2026 is"
        " bijgevoegd.\n\nReisbureau Voorbeeld\n",
        (File("Brochure groepsreizen 2026.pdf", _BROCHURE_TRAVEL),),
        sign=None,
        arrival=at("2025-12-05 11:05:52"),
        return_path="groepen@reisbureau-voorbeeld.example.nl",
        headers=(
            *RE_INQUIRY,
            ("Auto-Submitted", "auto-replied"),
            ("Precedence", "bulk"),
        ),
    ),
    Case(
        "207-auto-reply-vacation-program-precedence-bulk",
        "Hans Vermeer <hvermeer@cs.universiteit.example.nl>",
        "away from my mail",
        "I will not be reading my mail for a while. Your mail concerning\n"
        f'"{OURS}"\nwill be read when I return.\n',
        sign=None,
        arrival=at("2025-12-22 10:15:33"),
        return_path="hvermeer@cs.universiteit.example.nl",
        headers=(("Precedence", "bulk"),),
    ),
    Case(
        "208-auto-reply-procmail-x-autoreply-precedence-junk",
        "Erik Dijkstra <erik@dijkstra-linux.example.net>",
        f"Re: {OURS}",
        "Ik ben tot 3 januari op vakantie; ik lees mijn mail daarna weer.\n\n-- \nErik\n",
        sign=None,
        arrival=at("2025-12-22 10:16:47"),
        return_path="erik@dijkstra-linux.example.net",
        headers=(
            ("In-Reply-To", OUR_REPLY_ID),
            ("X-Loop", "erik@dijkstra-linux.example.net"),
            ("X-Autoreply", "yes"),
            ("Precedence", "junk"),
        ),
    ),
    # one signal each
    Case(
        "209-auto-reply-only-x-autoreply",
        "Fysiotherapie Voorbeeld <praktijk@fysio-voorbeeld.example.nl>",
        "Bedankt voor uw bericht",
        "Bedankt voor uw bericht. De praktijk is gesloten van 24 december tot en met 1 januari."
        " Voor het maken van een afspraak kunt u ook bellen met 030 765 4321.\n\n"
        "Fysiotherapie Voorbeeld\n",
        sign=None,
        arrival=at("2025-12-19 09:12:25"),
        return_path="praktijk@fysio-voorbeeld.example.nl",
        headers=(("X-Autoreply", "yes"),),
    ),
    Case(
        "210-auto-reply-only-auto-submitted-quotes-our-reply",
        "Team Werving Zuidkust <werving@zuidkust-zorg.example.nl>",
        f"Re: {OURS}",
        "Dank voor uw bericht aan het team Werving. Wij zijn tussen Kerst en Oud en Nieuw"
        " beperkt bereikbaar en reageren na 2 januari." + OUR_REPLY_QUOTED,
        sign=None,
        arrival=at("2025-12-22 10:18:02"),
        return_path="werving@zuidkust-zorg.example.nl",
        headers=(*RE_OUR_REPLY, ("Auto-Submitted", "auto-replied")),
    ),
    Case(
        "211-auto-reply-only-precedence-auto-reply",
        "Tischlerei Beispiel <kontakt@tischlerei-beispiel.example.de>",
        "Vielen Dank für Ihre Nachricht",
        "Vielen Dank für Ihre Nachricht. Unser Betrieb ist bis zum 2. Januar 2026 in der"
        " Weihnachtspause. Danach melden wir uns bei Ihnen.\n\nTischlerei Beispiel\n",
        sign=None,
        arrival=at("2025-12-29 10:44:10"),
        return_path="kontakt@tischlerei-beispiel.example.de",
        headers=(*RE_OUR_REPLY, ("Precedence", "auto_reply")),
    ),
    Case(
        "212-auto-reply-only-null-return-path",
        "Mark Ellis <m.ellis@harbour-logistics.example.com>",
        "Mark Ellis has left Harbour Logistics",
        "Thank you for your email. Mark Ellis no longer works at Harbour Logistics and this"
        " mailbox is no longer read.\n\nFor recruitment matters please write to"
        " hr@harbour-logistics.example.com instead.\n",
        sign=None,
        arrival=at("2025-12-11 15:30:18"),
        return_path="",
        headers=RE_OUTREACH,
    ),
    Case(
        "213-auto-reply-auto-submitted-no-out-of-the-office",
        "Nora Visser <nora.visser@example.net>",
        f"Out of the office: {OURS}",
        "Ik ben out of the office tot en met 5 januari. Daarna reageer ik op je mail.\n\nNora\n",
        sign=None,
        arrival=at("2025-12-22 10:19:26"),
        return_path="nora.visser@example.net",
        headers=(*RE_OUR_REPLY, ("Auto-Submitted", "no")),
    ),
    Case(
        "214-auto-reply-auto-reply-subject-quotes-our-reply",
        "Pieter Bosman <pieter@bosman-bouwadvies.example.nl>",
        f"Auto reply: {OURS}",
        "Ik ben tot en met 4 januari afwezig en heb uw bericht hieronder ontvangen. Na mijn"
        " terugkomst neem ik contact met u op.\n\nPieter Bosman" + OUR_REPLY_QUOTED,
        sign=None,
        arrival=at("2025-12-22 10:20:39"),
        return_path="pieter@bosman-bouwadvies.example.nl",
        headers=(*RE_OUR_REPLY, ("X-Mailer", "SmarterMail Build 9104")),
    ),
    Case(
        "215-auto-reply-kerio-auto-response-logo-by-cid",
        "Lotte Kuipers <l.kuipers@architecten-voorbeeld.example.nl>",
        f"Auto response: {OURS}",
        "Ik ben afwezig tot en met 9 januari. Uw bericht wordt na mijn terugkomst"
        " gelezen.\n\nLotte Kuipers\nArchitectenbureau Voorbeeld\n",
        layout=_logo_attached_by_cid,
        sign=None,
        arrival=at("2026-01-05 13:37:21"),
        return_path="",
        headers=(
            *RE_OUR_REPLY,
            ("Auto-Submitted", "auto-replied"),
            ("X-Mailer", "Kerio Connect 10.0.6 WebMail"),
        ),
    ),
    # helpdesks and ticket systems acknowledging receipt
    Case(
        "216-auto-reply-zendesk-request-received",
        "Klantenservice Voorbeeld Energie <support@voorbeeldenergie.example.nl>",
        f"[Voorbeeld Energie] Wij hebben uw vraag ontvangen: {OURS}",
        "##- Typ uw antwoord boven deze regel -##\n\nBeste klant,\n\nWij hebben uw vraag"
        " ontvangen en behandelen die onder nummer 418822. U hoort binnen vijf werkdagen van"
        " ons.\n\nKlantenservice Voorbeeld Energie" + OUR_REPLY_QUOTED,
        sign=None,
        html=True,
        arrival=at("2025-12-22 10:22:03"),
        return_path="support+id418822@voorbeeldenergie.zendesk.example",
        headers=(
            *RE_OUR_REPLY,
            ("Auto-Submitted", "auto-generated"),
            ("X-Auto-Response-Suppress", "All"),
            ("X-Mailer", "Zendesk Mailer"),
            ("X-Zendesk-From-Account-Id", "9f3a1c2"),
            ("X-Zendesk-Email-Id", "01KD5Z3R8Q2M6N4B7C1X9V0T5W"),
        ),
    ),
    Case(
        "217-auto-reply-freshdesk-ticket-sendgrid",
        "Helpdesk Voorbeeld Bouw <helpdesk@voorbeeldbouw.example.nl>",
        f"Ticket ontvangen - {OURS}",
        "Beste,\n\nBedankt voor uw e-mail. Wij hebben er ticket #58213 van gemaakt en nemen"
        " binnen twee werkdagen contact met u op. U kunt de status volgen in ons klantportaal.\n\n"
        "Helpdesk Voorbeeld Bouw\n",
        layout=html_only,
        sign=None,
        arrival=at("2025-12-22 10:23:15"),
        return_path="bounces+3388121-9c2e-info=chassesearch.nl@em5521.voorbeeldbouw.example.nl",
        headers=(
            *RE_OUR_REPLY,
            ("X-Auto-Response-Suppress", "All"),
            ("X-SG-EID", "u001.Qm9ndXMtZnJlc2hkZXNrLWV4YW1wbGUtZWlkLXZhbHVl"),
            ("X-Entity-ID", "u001.p7Q2r9T4m1K8w3Z6"),
        ),
    ),
    Case(
        "218-auto-reply-otrs-quotes-our-reply",
        "Servicedesk Waterschap Voorbeeld <servicedesk@waterschap-voorbeeld.example.nl>",
        f"[Ticket#2025122210000042] RE: {OURS}",
        "Geachte heer/mevrouw,\n\nUw e-mail is ontvangen en geregistreerd onder"
        " ticketnummer 2025122210000042. Vermeld dit nummer bij verdere correspondentie.\n\n"
        "Met vriendelijke groet,\nServicedesk Waterschap Voorbeeld" + OUR_REPLY_QUOTED,
        sign=None,
        arrival=at("2025-12-22 10:24:58"),
        return_path="servicedesk@waterschap-voorbeeld.example.nl",
        headers=(
            *RE_OUR_REPLY,
            ("X-Mailer", "OTRS Mail Service (6.0.40)"),
            ("X-Powered-By", "OTRS - Open Ticket Request System"),
            ("X-OTRS-Loop", "yes"),
            ("X-Loop", "yes"),
            ("Precedence", "bulk"),
            ("Auto-Submitted", "auto-replied"),
        ),
    ),
    Case(
        "219-auto-reply-jira-service-management-en",
        "Voorbeeld IT Support <support@voorbeeld-it.example.com>",
        f"SUP-4711 {OURS}",
        "Your request has been received.\n\nReference: SUP-4711\nStatus: Waiting for support\n\n"
        "A member of our team will pick it up within one business day. Reply above this line to"
        " add a comment.\n\nVoorbeeld IT Support, powered by Jira Service Management\n",
        sign=None,
        html=True,
        arrival=at("2025-12-23 14:10:40"),
        return_path="support@voorbeeld-it.example.com",
        headers=(
            *RE_OUR_REPLY,
            ("Auto-Submitted", "auto-generated"),
            ("X-JIRA-FingerPrint", "4f1c0d2e8a7b6c5d4e3f2a1b0c9d8e7f"),
        ),
    ),
    Case(
        "220-auto-reply-topdesk-only-auto-response-suppress",
        "Servicedesk Gemeente Voorbeeld <servicedesk@gemeente-voorbeeld.example.nl>",
        "[#12345] Wij hebben uw bericht ontvangen",
        "Geachte heer/mevrouw,\n\nWij hebben uw bericht ontvangen en geregistreerd onder"
        " meldingnummer M2512 12345. Wij streven ernaar uw melding binnen vijf werkdagen af te"
        " handelen.\n\nServicedesk Gemeente Voorbeeld\n",
        sign=None,
        html=True,
        arrival=at("2025-12-30 11:25:09"),
        return_path="servicedesk@gemeente-voorbeeld.example.nl",
        headers=(("X-Auto-Response-Suppress", "All"),),
    ),
    Case(
        "221-auto-reply-zammad-ticket-de",
        "Support Beispiel AG <support@beispiel-ag.example.de>",
        f"Vielen Dank für Ihre Anfrage (Ticket#31005) [{OURS}]",
        "Guten Tag,\n\nvielen Dank für Ihre Anfrage. Wir haben das Ticket 31005 angelegt und"
        " melden uns so schnell wie möglich.\n\nIhr Support-Team der Beispiel AG\n",
        sign=None,
        html=True,
        arrival=at("2026-01-04 17:40:12"),
        return_path="support@beispiel-ag.example.de",
        headers=(
            *RE_OUR_REPLY,
            ("X-Loop", "yes"),
            ("Precedence", "bulk"),
            ("Auto-Submitted", "auto-generated"),
            ("X-Auto-Response-Suppress", "All"),
            ("X-Powered-By", "Zammad - Helpdesk/Support"),
            ("X-Mailer", "Zammad Mail Service"),
        ),
    ),
    Case(
        "222-auto-reply-helpdesk-noreply-only",
        "Servicedesk Hogeschool Voorbeeld <noreply@servicedesk.hogeschool.example.org>",
        "Melding M2601-0087 is geregistreerd",
        "Uw melding is geregistreerd onder nummer M2601-0087. U ontvangt bericht zodra er een"
        " behandelaar aan is toegewezen.\n\nDit bericht is automatisch verstuurd.\n",
        sign=None,
        arrival=at("2026-01-09 10:05:44"),
        return_path="servicedesk@hogeschool.example.org",
    ),
    # other companies' recruiting systems acknowledging an application
    Case(
        "223-auto-reply-ats-bedankt-voor-uw-sollicitatie",
        "Werken bij Provincie Voorbeeld <noreply@werkenbij.provincie-voorbeeld.example.nl>",
        "Bedankt voor uw sollicitatie",
        "Beste kandidaat,\n\nBedankt voor uw sollicitatie op de vacature Programmamanager"
        " Energietransitie. Wij hebben uw cv en motivatie in goede orde ontvangen. Na de"
        " sluitingsdatum hoort u binnen twee weken of u wordt uitgenodigd voor een gesprek.\n\n"
        "Vragen? Kijk op onze website.\n\nTeam Recruitment Provincie Voorbeeld\n",
        sign=None,
        html=True,
        arrival=at("2025-12-08 16:12:30"),
        return_path="noreply@werkenbij.provincie-voorbeeld.example.nl",
    ),
    Case(
        "224-auto-reply-ats-display-name-address",
        '"vacatures@ziekenhuis-voorbeeld.example.nl" <do-not-reply@ats-voorbeeld.example.com>',
        "Ontvangstbevestiging sollicitatie Manager Bedrijfsvoering",
        "Beste sollicitant,\n\nWij hebben uw sollicitatie voor de functie Manager"
        " Bedrijfsvoering ontvangen. De selectiecommissie beoordeelt alle brieven na de"
        " sluitingsdatum.\n\nMet vriendelijke groet,\nZiekenhuis Voorbeeld\n",
        layout=html_only,
        sign=None,
        arrival=at("2025-12-19 21:33:05"),
        return_path="do-not-reply@ats-voorbeeld.example.com",
    ),
    Case(
        "225-auto-reply-ats-workday-ses-en",
        "Voorbeeld Group Careers <voorbeeldgroup@myworkday.example>",
        "Thank you for applying to Voorbeeld Group",
        "Dear candidate,\n\nThank you for applying for the position of Head of Finance. Our"
        " recruitment team will review your application and contact you if your profile matches"
        " the role.\n\nKind regards,\nVoorbeeld Group Talent Acquisition\n",
        sign=None,
        html=True,
        arrival=at("2026-01-06 23:41:18"),
        return_path="010201953f6c2a1b-7e4d9c3a-5b2f-4a61-9d8e-1c0b7a6f5e4d-000000@eu-west-1.amazonses.example",
        headers=(
            ("Feedback-ID", "1.eu-west-1.Qm9ndXNGZWVkYmFja0lEdmFsdWU=:AmazonSES"),
            ("X-SES-Outgoing", "2026.01.06-198.51.100.35"),
        ),
    ),
    Case(
        "226-auto-reply-ats-personio-sender-header-de",
        "Karriere Muster GmbH <jobs@muster-gmbh.example.de>",
        "Vielen Dank für Ihre Bewerbung",
        "Sehr geehrte Bewerberin, sehr geehrter Bewerber,\n\nvielen Dank für Ihre Bewerbung"
        " als Leitung Controlling. Wir prüfen Ihre Unterlagen sorgfältig und melden uns in den"
        " nächsten zwei Wochen.\n\nMit freundlichen Grüßen\nIhr Recruiting-Team der Muster GmbH\n",
        sign=None,
        html=True,
        arrival=at("2025-12-20 08:05:41"),
        return_path="no-reply@mail.personio.example",
        headers=(
            ("Sender", "Personio <no-reply@mail.personio.example>"),
            ("Auto-Submitted", "auto-generated"),
        ),
    ),
    Case(
        "227-auto-reply-ats-candidature-fr",
        "Recrutement Groupe Exemple <ne-pas-repondre@recrutement.groupe-exemple.example>",
        "Accusé de réception de votre candidature",
        "Madame, Monsieur,\n\nNous accusons réception de votre candidature au poste de"
        " Directeur administratif et financier et vous en remercions. Nous reviendrons vers vous"
        " dans les meilleurs délais.\n\nL'équipe Recrutement\nGroupe Exemple\n",
        sign=None,
        html=True,
        arrival=at("2026-01-02 11:58:26"),
        return_path="ne-pas-repondre@recrutement.groupe-exemple.example",
        headers=(("Auto-Submitted", "auto-generated"),),
    ),
    Case(
        "228-auto-reply-ats-information-session-ics",
        "Team Werving Zorggroep Voorbeeld <werving@zorggroep.example.nl>",
        "Bedankt voor uw sollicitatie - uitnodiging informatiebijeenkomst",
        "Beste sollicitant,\n\nBedankt voor uw sollicitatie. Wij nodigen u graag uit voor onze"
        " online informatiebijeenkomst op woensdag 14 januari om 19.00 uur. De uitnodiging voor"
        " uw agenda is bijgevoegd.\n\nTeam Werving Zorggroep Voorbeeld\n",
        (
            File(
                "informatiebijeenkomst.ics",
                _ICS_INFO_SESSION.encode(),
                "text/calendar",
                extra_type_params="method=PUBLISH",
            ),
        ),
        sign=None,
        html=True,
        arrival=at("2026-01-05 20:14:09"),
        return_path="werving@zorggroep.example.nl",
        headers=(("Auto-Submitted", "auto-generated"),),
    ),
    Case(
        "229-auto-reply-noreply-mailbox-not-monitored",
        "Harbour Logistics <no-reply@harbour-logistics.example.com>",
        "This mailbox is not monitored",
        "This is an automated message. Replies to this address are not read.\n\nIf you need to"
        " reach us, please use the contact form on our website.\n",
        sign=None,
        arrival=at("2026-01-12 09:00:37"),
        return_path="",
        headers=(*RE_OUTREACH, ("Auto-Submitted", "auto-replied")),
    ),
)
