"""Bounces and reports: cases 110-174.

Non-delivery reports, delay warnings, success notifications, read and
non-read receipts and feedback reports, as the mail software that writes
them lays them out: RFC 3464 DSNs (multipart/report) from Postfix, Sendmail,
Exim, Microsoft 365 and on-premises Exchange (English, Dutch, German,
French), Gmail, Outlook.com, Zimbra, Courier and the Proofpoint and
Mimecast gateways; the older plain-text and multipart/mixed bounces that
carry no report (qmail, Yahoo, Exim, Sendmail, Exchange 2003, Lotus
Domino, GroupWise, SMTP32/IMail, MDaemon); RFC 8098 MDNs from Outlook and
Thunderbird; RFC 5965 ARF feedback and a DMARC failure report; and one
DMARC aggregate report, whose zip makes it more than machine mail.

Most bounce one of our own replies (`<reply.0001@chassesearch.nl>`); others
bounce mail a recruiter sent from the shared mailbox (some with the
candidates' PDFs inside the returned message), or spam that forged our
address. What mailroom should conclude is in `expected-bounces.toml`.
"""

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, timedelta, timezone
from email import message_from_bytes

from .builders import (
    MAILBOX,
    OUR_REPLY_BODY,
    OUR_REPLY_HEADERS,
    OUR_REPLY_ID,
    OUTLOOK_HEADERS,
    RE_OUR_REPLY,
    THUNDERBIRD_HEADERS,
    Case,
    File,
    Layout,
    Part,
    alternative,
    at,
    cv,
    envelope,
    inline_image,
    letter,
    mdn_fields,
    message_bytes,
    multipart,
    our_reply,
    our_reply_headers,
    outlook,
    pdf,
    png,
    text,
    zip_archive,
)

REPLY_SUBJECT = "Ontvangstbevestiging van uw sollicitatie"  # the subject of our reply
PST = timezone(timedelta(hours=-8), "PST")  # Gmail dates its reports in Pacific time
SHARED = "Chasse Executive Search <info@chassesearch.nl>"  # recruiters send as the mailbox


# --- the returned original ----------------------------------------------------


def reply_copy(to: str, *, received: str = "") -> str:
    """Our reply as a plain-text bounce quotes it: envelope sender, the remote
    host's Received line (if it added one), the headers, the body."""
    return (
        f"Return-Path: <{MAILBOX}>\n{received}" + OUR_REPLY_HEADERS.format(to=to) + OUR_REPLY_BODY
    )


def staff_mail(
    name: str,
    to: str,
    subject: str,
    body: str,
    sent: str,
    files: tuple[File, ...] = (),
    *,
    layout: Layout | None = None,
    headers: tuple[tuple[str, str], ...] = (),
) -> Case:
    """A mail a recruiter sent from the shared mailbox: its bounce comes back to us."""
    return Case(
        name,
        SHARED,
        subject,
        body,
        files,
        layout=layout,
        sign=None,
        to=to,
        arrival=at(sent),
        headers=headers,
    )


def sent_bytes(mail: Case) -> bytes:
    """The mail as it left our server (no delivery headers of ours on top)."""
    return message_bytes(mail, delivered=False)


def message_id(mail: Case) -> str:
    return str(message_from_bytes(sent_bytes(mail))["Message-ID"])


def returned_message(mail: Case, *, description: str = "") -> Part:
    headers = (("Content-Description", description),) if description else ()
    return Part("message/rfc822", sent_bytes(mail), headers=headers)


def returned_headers(mail: Case, *, description: str = "") -> Part:
    headers = (("Content-Description", description),) if description else ()
    return Part("text/rfc822-headers", envelope(mail, delivered=False), headers=headers)


def described(part: Part, description: str) -> Part:
    return replace(part, headers=(("Content-Description", description), *part.headers))


# --- report layouts -------------------------------------------------------------

Notice = Callable[[Case], Part]


def plain_notice(case: Case) -> Part:
    return text(case.text)


def with_html(rich: str) -> Notice:
    """The notice as text and HTML (Exchange, Microsoft 365)."""
    return lambda case: alternative(case.text, rich)


def gmail_notice(rich: str) -> Notice:
    """Gmail: related > (alternative > plain, html), and the icon the HTML shows."""

    def notice(case: Case) -> Part:
        icon = inline_image(png("!", (72, 72)), "icon.png", "icon.png", disposition="attachment")
        return multipart("related", alternative(case.text, rich), icon)

    return notice


def gmail_html(heading: str, sentence: str, link: str, more: str, label: str, answer: str) -> str:
    """The HTML of a Gmail delivery notice: icon, heading, sentence, link, the answer."""
    return (
        '<html>\n<head>\n<style>\n* { font-family:Roboto, "Helvetica Neue", Helvetica, Arial,'
        " sans-serif; }\n</style>\n</head>\n<body>\n"
        '<table cellpadding="0" cellspacing="0" class="email-wrapper"'
        ' style="padding-top:32px;background-color:#ffffff;"><tbody>\n'
        '<tr><td><img src="cid:icon.png" width="48" height="48" alt=""></td></tr>\n'
        f'<tr><td style="font-size:24px;padding-top:20px">{heading}</td></tr>\n'
        f'<tr><td style="font-size:16px;color:#202124;padding-top:16px">{sentence}</td></tr>\n'
        f'<tr><td style="font-size:14px;color:#5f6368;padding-top:24px"><a href="{link}">'
        f"{more}</a></td></tr>\n"
        f'<tr><td style="font-size:14px;color:#5f6368;padding-top:24px">{label}'
        f'<p style="font-family:monospace">{answer}</p></td></tr>\n'
        "</tbody></table>\n</body>\n</html>\n"
    )


def dsn(
    status: str,
    original: Part | None,
    *,
    notice: Notice = plain_notice,
    report_type: str = "delivery-status",
    status_type: str = "message/delivery-status",
    status_headers: tuple[tuple[str, str], ...] = (),
) -> Layout:
    """A multipart/report (RFC 6522): notice, machine-readable part, the original."""

    def layout(case: Case) -> Part:
        parts = [notice(case), Part(status_type, status.encode(), headers=status_headers)]
        if original is not None:
            parts.append(original)
        return multipart("report", *parts, params=f";\n\treport-type={report_type}")

    return layout


def postfix_dsn(status: str, original: Part, *, report_type: str = "delivery-status") -> Layout:
    """Postfix names each part with a Content-Description."""

    def notice(case: Case) -> Part:
        return described(text(case.text), "Notification")

    return dsn(
        status,
        original,
        notice=notice,
        report_type=report_type,
        status_type=f"message/{report_type}",
        status_headers=(("Content-Description", "Delivery report"),),
    )


def mixed(original: Part | None = None, *, notice: Notice = plain_notice) -> Layout:
    """An old-style notice without a report: the text, and the original attached."""

    def layout(case: Case) -> Part:
        return multipart("mixed", notice(case), *(() if original is None else (original,)))

    return layout


def postfix_text(host: str, failures: str) -> str:
    return (
        f"This is the mail system at host {host}.\n\n"
        "I'm sorry to have to inform you that your message could not\n"
        "be delivered to one or more recipients. It's attached below.\n\n"
        "For further assistance, please send mail to postmaster.\n\n"
        "If you do so, please include this problem report. You can\n"
        "delete your own text from the attached returned message.\n\n"
        "                   The mail system\n\n"
        f"{failures}"
    )


def postfix_status(host: str, queue_id: str, arrival: str, *recipients: str) -> str:
    return (
        f"Reporting-MTA: dns; {host}\n"
        f"X-Postfix-Queue-ID: {queue_id}\n"
        f"X-Postfix-Sender: rfc822; {MAILBOX}\n"
        f"Arrival-Date: {arrival}\n\n" + "\n".join(recipients)
    )


def exim_copy_header(body: str) -> str:
    return "------ This is a copy of the message, including all the headers. ------\n\n" + body


QMAIL_HELLO = (
    "Hi. This is the qmail-send program at {host}.\n"
    "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
    "This is a permanent error; I've given up. Sorry it didn't work out.\n\n"
)
QMAIL_COPY = "--- Below this line is a copy of the message.\n\n"
EXIM_INTRO = (
    "This message was created automatically by mail delivery software.\n\n"
    "A message that you sent could not be delivered to one or more of its\n"
    "recipients. This is a permanent error. The following address(es) failed:\n\n"
)


# --- the mail recruiters sent from the shared mailbox ---------------------------

LONGLIST = staff_mail(
    "114-staff-longlist-to-committee",
    "Jeroen Hoekstra <j.hoekstra@example.nl>",
    "Longlist PAD IPO / directeur BIJ12 - vertrouwelijk",
    "Beste Jeroen,\n\nZoals afgesproken stuur ik je de stukken van de twee kandidaten die wij"
    " voor de longlist voordragen: motivatiebrief en cv van Sanne de Vries, en het cv van"
    " Daan Meijer. Wil je ze vertrouwelijk behandelen?\n\nMet vriendelijke groet,\n"
    "Marieke Jansen\nChasse Executive Search\n",
    "2025-12-29 15:40:12",
    (
        File("Motivatiebrief Sanne de Vries.pdf", letter("Sanne de Vries")),
        File("CV Sanne de Vries.pdf", cv("Sanne de Vries")),
        File("CV Daan Meijer.pdf", cv("Daan Meijer")),
    ),
    headers=THUNDERBIRD_HEADERS,
)
INVITATION_COMMITTEE = staff_mail(
    "115-staff-interview-schedule",
    "Selectiecommissie IPO <commissie-ipo@example.org>",
    "Planning gesprekken 19 januari",
    "Beste leden van de selectiecommissie,\n\nDe eerste gespreksronde is op maandag 19 januari"
    " in Den Haag, van 9.30 tot 16.00 uur. Het rooster volgt na de voorselectie.\n\n"
    "Met vriendelijke groet,\nMarieke Jansen\nChasse Executive Search\n",
    "2026-01-02 11:02:30",
    layout=outlook,
    headers=OUTLOOK_HEADERS,
)
INVITATION_CANDIDATE = staff_mail(
    "121-staff-invitation-to-candidate",
    "Thijs Verbeek <thijs.verbeek@example.org>",
    "Uitnodiging kennismakingsgesprek",
    "Beste heer Verbeek,\n\nGraag nodigen wij u uit voor een kennismakingsgesprek op dinsdag"
    " 6 januari om 14.00 uur op ons kantoor in Utrecht.\n\nMet vriendelijke groet,\n"
    "Marieke Jansen\nChasse Executive Search\n",
    "2025-12-30 09:13:51",
)
SUCCESS_REQUESTED = staff_mail(
    "124-staff-mail-with-dsn-request",
    "Hanneke Smeets <h.smeets@example.com>",
    "Referentie kandidaat",
    "Beste mevrouw Smeets,\n\nDank voor uw bereidheid als referent op te treden. Mag ik u"
    " donderdag bellen?\n\nMet vriendelijke groet,\nMarieke Jansen\nChasse Executive Search\n",
    "2025-12-23 16:05:40",
    headers=THUNDERBIRD_HEADERS,
)
REJECTION_LETTER = staff_mail(
    "128-staff-rejection-letter",
    "Karel Willems <karel.willems@example.net>",
    "Uw sollicitatie PAD IPO",
    "Geachte heer Willems,\n\nDank voor uw belangstelling. Na zorgvuldige afweging nemen wij u"
    " niet mee in de verdere procedure.\n\nMet vriendelijke groet,\nMarieke Jansen\n"
    "Chasse Executive Search\n",
    "2025-12-31 10:14:07",
)
ASSESSMENT = staff_mail(
    "126-staff-assessment-request",
    "Assessmentbureau Noord <planning@assessment-noord.example.nl>",
    "Aanmelding assessment kandidaat De Vries",
    "Goedemiddag,\n\nHierbij melden wij mevrouw Sanne de Vries aan voor het assessment. In de"
    " bijlage haar cv en motivatiebrief.\n\nMet vriendelijke groet,\nMarieke Jansen\n"
    "Chasse Executive Search\n",
    "2026-01-05 13:21:44",
    (
        File("CV Sanne de Vries.pdf", cv("Sanne de Vries")),
        File("Motivatiebrief Sanne de Vries.pdf", letter("Sanne de Vries")),
    ),
)
ASSESSMENT_SENT = sent_bytes(ASSESSMENT)
ASSESSMENT_BODY = ASSESSMENT_SENT.index(b"\n\n") + 2  # where Exim starts counting the body
QUESTION_ANSWER = staff_mail(
    "132-staff-answer-to-question",
    "Wouter Brink <wouter.brink@example.com>",
    "Re: Vraag over de procedure",
    "Beste heer Brink,\n\nDe gesprekken vinden plaats in de week van 19 januari. U hoort voor"
    " 12 januari of u bent uitgenodigd.\n\nMet vriendelijke groet,\nMarieke Jansen\n"
    "Chasse Executive Search\n",
    "2026-01-03 10:41:09",
    headers=(("In-Reply-To", "<5F2A9C1E7B3D4A60@example.com>"),),
)
REFERENCE_CHECK = staff_mail(
    "133-staff-reference-check",
    "Anouk Claessen <a.claessen@example.net>",
    "Referentiecheck kandidaat Meijer",
    "Beste Anouk,\n\nZoals telefonisch besproken: bijgaand het cv van Daan Meijer voor de"
    " referentiecheck.\n\nMet vriendelijke groet,\nMarieke Jansen\nChasse Executive Search\n",
    "2025-12-24 10:58:33",
    (File("CV Daan Meijer.pdf", cv("Daan Meijer")),),
)
SHORTLIST = staff_mail(
    "142-staff-shortlist-to-client",
    "Annelies Vermeulen <a.vermeulen@example.com>",
    "Shortlist PAD IPO / directeur BIJ12",
    "Beste Annelies,\n\nIn de bijlage de shortlist met de cv's van de drie kandidaten die wij"
    " voordragen. Graag bespreek ik ze donderdag met je.\n\nMet vriendelijke groet,\n"
    "Marieke Jansen\nChasse Executive Search\n",
    "2026-01-06 16:30:05",
    (
        File("CV Sanne de Vries.pdf", cv("Sanne de Vries")),
        File("CV Daan Meijer.pdf", cv("Daan Meijer")),
        File("CV Femke Bos.pdf", cv("Femke Bos")),
    ),
    layout=outlook,
    headers=OUTLOOK_HEADERS,
)
AGENCY_BRIEF = staff_mail(
    "146-staff-mail-to-ad-agency",
    "Mediabureau Overheid <traffic@mediabureau.example.nl>",
    "Plaatsing advertentie PAD IPO",
    "Beste collega's,\n\nDe advertentie voor de functie van plaatsvervangend algemeen"
    " directeur IPO kan op 19 december online. Willen jullie de plaatsing bevestigen?\n\n"
    "Met vriendelijke groet,\nMarieke Jansen\nChasse Executive Search\n",
    "2025-12-18 09:30:12",
    layout=outlook,
    headers=OUTLOOK_HEADERS,
)
DELIVERY_RECEIPT = staff_mail(
    "149-staff-mail-with-delivery-receipt",
    "Gerard Mertens <g.mertens@example.nl>",
    "Bevestiging gesprek 6 januari",
    "Beste Gerard,\n\nHierbij bevestig ik ons gesprek op dinsdag 6 januari om 11.00 uur.\n\n"
    "Met vriendelijke groet,\nMarieke Jansen\nChasse Executive Search\n",
    "2025-12-30 14:22:18",
    layout=outlook,
    headers=OUTLOOK_HEADERS,
)
CANDIDATE_UPDATE = staff_mail(
    "151-staff-update-to-candidate",
    "Noor Haddad <noor.haddad@example.com>",
    "Stand van zaken procedure",
    "Beste mevrouw Haddad,\n\nDe selectiecommissie beoordeelt de sollicitaties op 12 januari;"
    " daarna hoort u van ons.\n\nMet vriendelijke groet,\nMarieke Jansen\n"
    "Chasse Executive Search\n",
    "2026-01-02 09:45:31",
)
SUCCESS_POSTFIX = staff_mail(
    "166-staff-mail-notify-success",
    "Lotte Kramer <lotte.kramer@example.org>",
    "Stukken voor de selectiecommissie",
    "Beste Lotte,\n\nDe stukken voor de selectiecommissie liggen vanaf maandag klaar op"
    " kantoor.\n\nMet vriendelijke groet,\nMarieke Jansen\nChasse Executive Search\n",
    "2026-01-05 08:55:02",
    headers=THUNDERBIRD_HEADERS,
)
SPAM = Case(
    "170-forged-spam",
    SHARED,
    "Uw pakket kon niet worden bezorgd",
    "Beste klant,\n\nUw pakket kon niet worden bezorgd. Betaal de verzendkosten van EUR 1,99"
    " via https://pakket-bezorging.example.com/betaal om een nieuwe bezorging te plannen.\n",
    sign=None,
    to="k.dewit@example.org",
    arrival=at("2026-01-04 03:12:40"),
    return_path="",
)
PUBLICATION = staff_mail(
    "171-staff-vacancy-text-to-client",
    "Bestuurssecretariaat IPO <secretariaat@example.nl>",
    "Concept vacaturetekst PAD IPO",
    "Beste collega's,\n\nHierbij de concepttekst van de vacature ter goedkeuring. Publicatie is"
    " voorzien op 19 december.\n\nMet vriendelijke groet,\nMarieke Jansen\n"
    "Chasse Executive Search\n",
    "2025-12-04 14:05:50",
    (File("Vacaturetekst PAD IPO concept.pdf", pdf(("Vacaturetekst", ""), title="Vacature")),),
    layout=outlook,
    headers=OUTLOOK_HEADERS,
)
NETWORK_MAIL = staff_mail(
    "172-staff-mail-to-network",
    "Erik van Leeuwen <erik@vanleeuwen.example.net>",
    "Vacature PAD IPO - kent u iemand?",
    "Beste Erik,\n\nBinnenkort publiceren wij de vacature van plaatsvervangend algemeen"
    " directeur IPO. Kent u geschikte kandidaten, dan hoor ik het graag.\n\n"
    "Met vriendelijke groet,\nMarieke Jansen\nChasse Executive Search\n",
    "2025-12-11 10:02:15",
)
CLOSING_NOTICE = staff_mail(
    "173-staff-mail-after-closing",
    "Ruben Dijkstra <ruben.dijkstra@example.org>",
    "Uw sollicitatie PAD IPO",
    "Geachte heer Dijkstra,\n\nDe sollicitatietermijn is op 6 januari gesloten; uw bericht van"
    " 7 januari kunnen wij helaas niet meer in behandeling nemen.\n\nMet vriendelijke groet,\n"
    "Marieke Jansen\nChasse Executive Search\n",
    "2026-01-12 09:20:44",
)
MEETING_NOTES = staff_mail(
    "174-staff-mail-meeting-notes",
    "Hilde Bosman <h.bosman@example.nl>",
    "Verslag voorselectie",
    "Beste Hilde,\n\nHet verslag van de voorselectie van 12 januari staat op de gedeelde"
    " schijf.\n\n"
    "Met vriendelijke groet,\nMarieke Jansen\nChasse Executive Search\n",
    "2026-01-13 17:10:26",
)
PHISH = Case(
    "168-spoofed-invoice",
    SHARED,
    "Openstaande factuur 2025-4471",
    "Geachte relatie,\n\nIn de bijlage vindt u onze openstaande factuur. Wij verzoeken u het"
    " bedrag binnen drie dagen te voldoen.\n\nChasse Executive Search\n",
    (File("Factuur_2025-4471.pdf", pdf(("Factuur 2025-4471", "Bedrag: EUR 2.450,00"), title="F")),),
    sign=None,
    to="crediteuren@example.org",
    arrival=at("2025-12-26 03:14:02"),
    return_path="",
    headers=(("X-Mailer", "Microsoft Outlook Express 6.00.2900.5512"),),
)


# --- Microsoft 365 and Exchange notices -------------------------------------------


def m365_notice(
    *,
    intro: str,
    headline: str,
    names: tuple[str, str, str],
    labels: tuple[str, str, str],
    problem: str,
    fix: tuple[str, str],
    admin: tuple[str, str, str],
    details: tuple[str, tuple[tuple[str, str], ...]],
    errors: tuple[str, tuple[tuple[str, str], ...]],
) -> tuple[str, str]:
    """The Microsoft 365 NDR layout, as text and as HTML, from one set of sentences.

    `fix` is (heading, text); `admin` is (heading, status line, text); `details`
    and `errors` are (heading, rows).
    """
    columns = "".join(f"{name:<24}" for name in names).rstrip()
    under = "".join(f"{label:<24}" for label in labels).rstrip()
    plain = (
        f"{intro}\n\n{headline}\n\n{columns}\n{under}\n\n{problem}\n\n"
        f"{fix[0]}\n{fix[1]}\n\n{admin[0]}\n{admin[1]}\n\n{admin[2]}\n\n"
        f"{details[0]}\n" + "".join(f"{key}\t{value}\n" for key, value in details[1]) + "\n"
        f"{errors[0]}\n" + "".join(f"{key}\t{value}\n" for key, value in errors[1])
    )

    def rows(pairs: tuple[tuple[str, str], ...]) -> str:
        return "".join(
            f'<tr><td style="font-size:11pt;color:#666666;padding-right:12px">{key}</td>'
            f'<td style="font-size:11pt">{value}</td></tr>\n'
            for key, value in pairs
        )

    cells = "".join(f'<td style="width:180px;font-size:10pt">{n}</td>' for n in names)
    marks = "".join(
        f'<td style="width:180px;font-size:10pt;color:{"#c00000" if i == 0 else "#000000"}">'
        f"{label}</td>"
        for i, label in enumerate(labels)
    )
    html = (
        '<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
        "</head>\n<body>\n<div style=\"font-family:'Segoe UI',Frutiger,Arial,sans-serif\">\n"
        f'<p style="font-size:11pt;color:#212121">{intro}</p>\n'
        f'<p style="font-size:20pt;color:#212121;font-weight:bold">{headline}</p>\n'
        f"<table><tr>{cells}</tr>\n<tr>{marks}</tr></table>\n"
        f'<p style="font-size:13pt;font-weight:bold;color:#c00000">{problem}</p>\n'
        f'<p style="font-size:14pt;font-weight:bold">{fix[0]}</p>\n'
        f'<p style="font-size:11pt">{fix[1].replace(chr(10), "<br>")}</p>\n<hr>\n'
        f'<p style="font-size:14pt;font-weight:bold">{admin[0]}</p>\n'
        f'<p style="font-size:11pt">{admin[1]}</p>\n<p style="font-size:11pt">{admin[2]}</p>\n'
        f'<p style="font-size:13pt;font-weight:bold">{details[0]}</p>\n'
        f"<table>\n{rows(details[1])}</table>\n"
        f'<p style="font-size:13pt;font-weight:bold">{errors[0]}</p>\n'
        f"<table>\n{rows(errors[1])}</table>\n</div>\n</body>\n</html>\n"
    )
    return plain, html


def exchange_html(plain: str) -> str:
    """Exchange 2010-2019 writes its notice as simple HTML paragraphs in Calibri/Tahoma."""
    paragraphs = "".join(
        f'<p style="font-family:Tahoma;font-size:10pt">{p.replace(chr(10), "<br>")}</p>\n'
        for p in plain.split("\n\n")
    )
    return (
        '<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
        '<style>.rfc822Headers{font-family:"Courier New";font-size:8pt}</style>\n</head>\n'
        f"<body>\n{paragraphs}</body>\n</html>\n"
    )


def m365_headers(language: str, subject: str, index: str) -> tuple[tuple[str, str], ...]:
    return (
        ("Thread-Topic", subject),
        ("Thread-Index", index),
        ("X-MS-Exchange-Message-Is-Ndr", ""),
        ("Content-Language", language),
        ("X-MS-Has-Attach", "yes"),
        ("X-MS-PublicTrafficType", "Email"),
    )


def m365_status(reporter: str, recipient: str, status: str, diagnostic: str, arrival: str) -> str:
    return (
        f"Reporting-MTA: dns;{reporter}\nReceived-From-MTA: dns;mx1.chassesearch.nl\n"
        f"Arrival-Date: {arrival}\n\n"
        f"Original-Recipient: rfc822;{recipient}\nFinal-Recipient: rfc822;{recipient}\n"
        f"Action: failed\nStatus: {status}\nDiagnostic-Code: smtp;{diagnostic}\n"
    )


def our_reply_headers_plain(to: str) -> Part:
    """The original's headers as most MTAs return them (no Content-Description)."""
    return Part("text/rfc822-headers", OUR_REPLY_HEADERS.format(to=to).encode())


M365_EN, M365_EN_HTML = m365_notice(
    intro="Your message to t.vandamme@example.com couldn't be delivered.",
    headline="t.vandamme wasn't found at example.com.",
    names=("info", "Office 365", "t.vandamme"),
    labels=("Action Required", "", "Recipient"),
    problem="Unknown To address",
    fix=(
        "How to Fix It",
        "The address may be misspelled or may not exist. Try one or more of the following:\n"
        "  * Retype the recipient's address, then resend the message. If you're using an"
        " autocomplete address, remove it from the list of suggestions.\n"
        "  * Contact the recipient by some other means to confirm the correct address.",
    ),
    admin=(
        "More Info for Email Admins",
        "Status code: 550 5.1.10",
        "This error occurs because the sender sent a message to an email address hosted by"
        " Office 365 but the address is incorrect or doesn't exist at the destination domain."
        " The error is reported by the recipient domain's email server, but most often it must"
        " be fixed by the person who sent the message.",
    ),
    details=(
        "Original Message Details",
        (
            ("Created Date:", "12/22/2025 9:00:02 AM"),
            ("Sender Address:", MAILBOX),
            ("Recipient Address:", "t.vandamme@example.com"),
            ("Subject:", REPLY_SUBJECT),
        ),
    ),
    errors=(
        "Error Details",
        (
            (
                "Reported error:",
                "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient t.vandamme@example.com"
                " not found by SMTP address lookup",
            ),
            ("DSN generated by:", "DB9PR02MB7168.eurprd02.prod.example.com"),
        ),
    ),
)
M365_NL, M365_NL_HTML = m365_notice(
    intro="Uw bericht aan i.vanrijn@example.nl kan niet worden bezorgd.",
    headline="Het postvak van i.vanrijn is vol.",
    names=("info", "Office 365", "i.vanrijn"),
    labels=("", "", "Actie vereist"),
    problem="Postvak van geadresseerde is vol",
    fix=(
        "Oplossing",
        "Het postvak van de geadresseerde is vol en kan momenteel geen berichten accepteren."
        " Probeer het bericht later opnieuw te verzenden of neem op een andere manier contact"
        " op met de geadresseerde.",
    ),
    admin=(
        "Meer informatie voor e-mailbeheerders",
        "Statuscode: 554 5.2.2",
        "Deze fout treedt op wanneer het postvak van de geadresseerde de opslaglimiet heeft"
        " bereikt. De geadresseerde of de beheerder van de organisatie moet ruimte vrijmaken"
        " of de quota verhogen.",
    ),
    details=(
        "Gegevens van oorspronkelijk bericht",
        (
            ("Aanmaakdatum:", "22-12-2025 09:00:02"),
            ("Adres van afzender:", MAILBOX),
            ("Adres van geadresseerde:", "i.vanrijn@example.nl"),
            ("Onderwerp:", REPLY_SUBJECT),
        ),
    ),
    errors=(
        "Foutdetails",
        (
            (
                "Gerapporteerde fout:",
                "554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException."
                "MapiExceptionShutoffQuotaExceeded; Failed to process message due to a"
                " permanent exception with message [BeginDiagnosticData]Cannot open mailbox."
                " [EndDiagnosticData]",
            ),
            ("DSN gegenereerd door:", "AS8PR04MB8897.eurprd04.prod.example.com"),
        ),
    ),
)
M365_DE, M365_DE_HTML = m365_notice(
    intro="Ihre Nachricht an h.krueger@example.de konnte nicht übermittelt werden.",
    headline="Die Organisation example.de lässt keine Weiterleitung an externe Adressen zu.",
    names=("info", "Office 365", "h.krueger"),
    labels=("", "", "Aktion erforderlich"),
    problem="Externe Weiterleitung blockiert",
    fix=(
        "Lösung",
        "Der Empfänger hat eine Weiterleitung an eine Adresse außerhalb seiner Organisation"
        " eingerichtet, die die Organisation nicht zulässt. Wenden Sie sich auf anderem Weg"
        " an den Empfänger.",
    ),
    admin=(
        "Weitere Informationen für E-Mail-Administratoren",
        "Statuscode: 550 5.7.520",
        "Dieser Fehler tritt auf, wenn die Richtlinie für ausgehende Spamfilter der"
        " Empfängerorganisation die automatische Weiterleitung an externe Empfänger"
        " blockiert.",
    ),
    details=(
        "Details der ursprünglichen Nachricht",
        (
            ("Erstellungsdatum:", "22.12.2025 09:00:02"),
            ("Absenderadresse:", MAILBOX),
            ("Empfängeradresse:", "h.krueger@example.de"),
            ("Betreff:", REPLY_SUBJECT),
        ),
    ),
    errors=(
        "Fehlerdetails",
        (
            (
                "Gemeldeter Fehler:",
                "550 5.7.520 Access denied, Your organization does not allow external"
                " forwarding. Please contact your administrator for further assistance."
                " AS(7555)",
            ),
            ("DSN generiert von:", "FR3P281MB1552.DEUP281.PROD.EXAMPLE.COM"),
        ),
    ),
)
M365_FR, M365_FR_HTML = m365_notice(
    intro="Votre message à c.lefebvre@example.com n'a pas pu être remis.",
    headline="c.lefebvre est introuvable sur example.com.",
    names=("info", "Office 365", "c.lefebvre"),
    labels=("Action requise", "", "Destinataire"),
    problem="Adresse À inconnue",
    fix=(
        "Comment résoudre le problème",
        "L'adresse est peut-être mal orthographiée ou n'existe pas. Essayez une ou plusieurs"
        " des solutions suivantes :\n"
        "  * Retapez l'adresse du destinataire, puis renvoyez le message.\n"
        "  * Contactez le destinataire par un autre moyen pour confirmer l'adresse correcte.",
    ),
    admin=(
        "Plus d'informations pour les administrateurs de messagerie",
        "Code d'état : 550 5.1.10",
        "Cette erreur se produit lorsque l'expéditeur envoie un message à une adresse"
        " hébergée par Office 365, mais que l'adresse est incorrecte ou n'existe pas dans le"
        " domaine de destination.",
    ),
    details=(
        "Détails du message d'origine",
        (
            ("Date de création :", "22/12/2025 09:00:02"),
            ("Adresse de l'expéditeur :", MAILBOX),
            ("Adresse du destinataire :", "c.lefebvre@example.com"),
            ("Objet :", REPLY_SUBJECT),
        ),
    ),
    errors=(
        "Détails de l'erreur",
        (
            (
                "Erreur signalée :",
                "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient c.lefebvre@example.com"
                " not found by SMTP address lookup",
            ),
            ("DSN généré par :", "PR3P195MB0871.EURP195.PROD.EXAMPLE.COM"),
        ),
    ),
)
M365_STAFF, M365_STAFF_HTML = m365_notice(
    intro="Uw bericht aan a.vermeulen@example.com kan niet worden bezorgd.",
    headline="a.vermeulen is niet gevonden op example.com.",
    names=("info", "Office 365", "a.vermeulen"),
    labels=("Actie vereist", "", "Geadresseerde"),
    problem="Onbekend Aan-adres",
    fix=(
        "Oplossing",
        "Het adres is mogelijk verkeerd gespeld of bestaat niet. Probeer een of meer van de"
        " volgende oplossingen:\n"
        "  * Typ het adres van de geadresseerde opnieuw en verzend het bericht opnieuw. Als u"
        " automatisch aangevulde adressen gebruikt, verwijdert u het adres uit de lijst.\n"
        "  * Neem op een andere manier contact op met de geadresseerde om het juiste adres"
        " te controleren.",
    ),
    admin=(
        "Meer informatie voor e-mailbeheerders",
        "Statuscode: 550 5.1.10",
        "Deze fout treedt op omdat de afzender een bericht heeft verzonden naar een"
        " e-mailadres dat in Office 365 wordt gehost, maar het adres is onjuist of bestaat"
        " niet in het doeldomein.",
    ),
    details=(
        "Gegevens van oorspronkelijk bericht",
        (
            ("Aanmaakdatum:", "6-1-2026 15:30:05"),
            ("Adres van afzender:", MAILBOX),
            ("Adres van geadresseerde:", "a.vermeulen@example.com"),
            ("Onderwerp:", "Shortlist PAD IPO / directeur BIJ12"),
        ),
    ),
    errors=(
        "Foutdetails",
        (
            (
                "Gerapporteerde fout:",
                "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient a.vermeulen@example.com"
                " not found by SMTP address lookup",
            ),
            ("DSN gegenereerd door:", "AM8PR09MB5512.eurprd09.prod.example.com"),
        ),
    ),
)
M365_EARLY, M365_EARLY_HTML = m365_notice(
    intro="Uw bericht aan secretariaat@example.nl kan niet worden bezorgd.",
    headline="secretariaat@example.nl accepteert alleen berichten van bepaalde afzenders.",
    names=("info", "Office 365", "secretariaat"),
    labels=("Actie vereist", "", "Geadresseerde"),
    problem="Geen toestemming om naar deze geadresseerde te verzenden",
    fix=(
        "Oplossing",
        "De eigenaar van het postvak heeft ingesteld dat alleen bepaalde afzenders berichten"
        " mogen sturen. Neem op een andere manier contact op met de geadresseerde.",
    ),
    admin=(
        "Meer informatie voor e-mailbeheerders",
        "Statuscode: 550 5.7.1",
        "Deze fout treedt op wanneer voor het postvak, de groep of de openbare map van de"
        " geadresseerde bezorgingsbeperkingen zijn ingesteld waardoor de afzender geen"
        " berichten mag verzenden.",
    ),
    details=(
        "Gegevens van oorspronkelijk bericht",
        (
            ("Aanmaakdatum:", "4-12-2025 13:05:50"),
            ("Adres van afzender:", MAILBOX),
            ("Adres van geadresseerde:", "secretariaat@example.nl"),
            ("Onderwerp:", "Concept vacaturetekst PAD IPO"),
        ),
    ),
    errors=(
        "Foutdetails",
        (
            (
                "Gerapporteerde fout:",
                "550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized",
            ),
            ("DSN gegenereerd door:", "AM9PR04MB8210.eurprd04.prod.example.com"),
        ),
    ),
)
MS_EXCHANGE = "MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e"  # the fixed NDR mailbox
MS_OUTLOOK = "Microsoft Outlook <" + MS_EXCHANGE + "@{domain}>"


# --- receipts ----------------------------------------------------------------------


def mdn(fields: str, original: Part | None = None, *, notice: Notice = plain_notice) -> Layout:
    return dsn(
        fields,
        original,
        notice=notice,
        report_type="disposition-notification",
        status_type="message/disposition-notification",
    )


def exchange_mdn(reader: str, server: str, disposition: str, display: str) -> str:
    return (
        f"Reporting-UA: {server}; Microsoft Exchange Server\n"
        f"Final-Recipient: rfc822;{reader}\n"
        f"Original-Message-ID: {OUR_REPLY_ID}\n"
        f"Disposition: {disposition}\n"
        f"X-MSExch-Correlation-Key: {server[:4]}q8Z1cUuF3kWzJ0x2Yb7w==\n"
        f"X-Display-Name: {display}\n"
    )


OUTLOOK_SENT_EN = (
    "Monday, December 22, 2025 10:00:02 AM (UTC+01:00) Amsterdam, Berlin, Bern, Rome,"
    " Stockholm, Vienna"
)


# --- DMARC aggregate report ----------------------------------------------------------

DMARC_XML = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n<feedback>\n  <report_metadata>\n'
    "    <org_name>google.example.com</org_name>\n"
    "    <email>noreply-dmarc-support@google.example.com</email>\n"
    "    <report_id>4471923305518828813</report_id>\n"
    "    <date_range><begin>1766361600</begin><end>1766447999</end></date_range>\n"
    "  </report_metadata>\n  <policy_published>\n    <domain>chassesearch.nl</domain>\n"
    "    <adkim>r</adkim><aspf>r</aspf><p>quarantine</p><sp>quarantine</sp><pct>100</pct>\n"
    "  </policy_published>\n  <record>\n    <row>\n      <source_ip>198.51.100.219</source_ip>\n"
    "      <count>14</count>\n      <policy_evaluated><disposition>none</disposition>"
    "<dkim>pass</dkim><spf>pass</spf></policy_evaluated>\n    </row>\n"
    "    <identifiers><header_from>chassesearch.nl</header_from></identifiers>\n"
    "    <auth_results><dkim><domain>chassesearch.nl</domain><result>pass</result>"
    "<selector>mail</selector></dkim><spf><domain>chassesearch.nl</domain>"
    "<result>pass</result></spf></auth_results>\n  </record>\n</feedback>\n"
)
DMARC_ZIP = "google.example.com!chassesearch.nl!1766361600!1766447999"


# --- the cases -------------------------------------------------------------------

POSTFIX_FROM = "MAILER-DAEMON@{host} (Mail Delivery System)"
POSTFIX_SUBJECT = "Undelivered Mail Returned to Sender"
AUTO_REPLIED = (("Auto-Submitted", "auto-replied"),)
SENDMAIL_FAILURE = (("Auto-Submitted", "auto-generated (failure)"),)
OUR_ARRIVAL = "Mon, 22 Dec 2025 10:00:06 +0100"

_CASES: tuple[Case, ...] = (
    # Postfix: RFC 3464 reports, from our own relay and from the recipients' servers
    Case(
        "110-bounce-postfix-dsn-own-relay-user-unknown",
        POSTFIX_FROM.format(host="mx1.chassesearch.nl"),
        POSTFIX_SUBJECT,
        postfix_text(
            "mx1.chassesearch.nl",
            "<e.peeters@example.org>: host mx.example.org[198.51.100.23] said: 550 5.1.1\n"
            "    <e.peeters@example.org>: Recipient address rejected: User unknown in\n"
            "    virtual mailbox table (in reply to RCPT TO command)\n",
        ),
        layout=postfix_dsn(
            postfix_status(
                "mx1.chassesearch.nl",
                "4F7A1B2C3D",
                "Mon, 22 Dec 2025 10:00:04 +0100 (CET)",
                "Final-Recipient: rfc822; e.peeters@example.org\n"
                "Original-Recipient: rfc822;e.peeters@example.org\nAction: failed\n"
                "Status: 5.1.1\nRemote-MTA: dns; mx.example.org\n"
                "Diagnostic-Code: smtp; 550 5.1.1 <e.peeters@example.org>: Recipient address\n"
                "    rejected: User unknown in virtual mailbox table\n",
            ),
            described(our_reply("e.peeters@example.org"), "Undelivered Message"),
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:07"),
        return_path="",
        headers=AUTO_REPLIED,
    ),
    Case(
        "111-bounce-postfix-dsn-remote-mailbox-full",
        POSTFIX_FROM.format(host="mail.example.de"),
        POSTFIX_SUBJECT,
        postfix_text(
            "mail.example.de",
            "<f.schneider@example.de>: host mail.example.de[private/dovecot-lmtp] said: 552\n"
            "    5.2.2 <f.schneider@example.de> Quota exceeded (mailbox for user is full)\n"
            "    (in reply to end of DATA command)\n",
        ),
        layout=postfix_dsn(
            "Reporting-MTA: dns; mail.example.de\nX-Postfix-Queue-ID: 4dXk2L1qGbz8sYw\n"
            f"X-Postfix-Sender: rfc822; {MAILBOX}\n"
            "Received-From-MTA: dns; mx1.chassesearch.nl ([198.51.100.219])\n"
            "Arrival-Date: Mon, 22 Dec 2025 10:00:06 +0100 (CET)\n\n"
            "Final-Recipient: rfc822; f.schneider@example.de\n"
            "Original-Recipient: rfc822;f.schneider@example.de\nAction: failed\n"
            "Status: 5.2.2\nRemote-MTA: dns; mail.example.de\n"
            "Diagnostic-Code: lmtp; 552 5.2.2 <f.schneider@example.de> Quota exceeded\n"
            "    (mailbox for user is full)\n",
            our_reply_headers("f.schneider@example.de"),
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:31"),
        return_path="",
        headers=AUTO_REPLIED,
    ),
    Case(
        "112-bounce-postfix-dsn-domain-not-found",
        POSTFIX_FROM.format(host="mx1.chassesearch.nl"),
        POSTFIX_SUBJECT,
        postfix_text(
            "mx1.chassesearch.nl",
            "<h.vandenberg@vandenberg-advies.example>: Host or domain name not found. Name\n"
            "    service error for name=vandenberg-advies.example type=AAAA: Host not found\n",
        ),
        layout=postfix_dsn(
            postfix_status(
                "mx1.chassesearch.nl",
                "4F7A1B2C3D",
                "Mon, 22 Dec 2025 10:00:04 +0100 (CET)",
                "Final-Recipient: rfc822; h.vandenberg@vandenberg-advies.example\n"
                "Original-Recipient: rfc822;h.vandenberg@vandenberg-advies.example\n"
                "Action: failed\nStatus: 5.4.4\n"
                "Diagnostic-Code: X-Postfix; Host or domain name not found. Name service error\n"
                "    for name=vandenberg-advies.example type=AAAA: Host not found\n",
            ),
            our_reply_headers("h.vandenberg@vandenberg-advies.example"),
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:05"),
        return_path="",
        headers=AUTO_REPLIED,
    ),
    Case(
        "113-bounce-postfix-dsn-smtputf8-global-report",
        POSTFIX_FROM.format(host="mx1.chassesearch.nl"),
        POSTFIX_SUBJECT,
        postfix_text(
            "mx1.chassesearch.nl",
            "<jürgen.müller@example.de>: SMTPUTF8 is required, but was not offered by host\n"
            "    mx.example.de[198.51.100.61]\n",
        ),
        layout=postfix_dsn(
            postfix_status(
                "mx1.chassesearch.nl",
                "4F7A1B2C3D",
                "Mon, 22 Dec 2025 10:00:04 +0100 (CET)",
                "Final-Recipient: utf-8; jürgen.müller@example.de\n"
                "Original-Recipient: utf-8;jürgen.müller@example.de\nAction: failed\n"
                "Status: 5.6.7\nRemote-MTA: dns; mx.example.de\n"
                "Diagnostic-Code: X-Postfix; SMTPUTF8 is required, but was not offered by host\n"
                "    mx.example.de[198.51.100.61]\n",
            ),
            Part(
                "message/global-headers",
                OUR_REPLY_HEADERS.format(to="Jürgen Müller <jürgen.müller@example.de>").encode(),
                headers=(
                    ("Content-Description", "Undelivered Message Headers"),
                    ("Content-Transfer-Encoding", "8bit"),
                ),
            ),
            report_type="global-delivery-status",
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:06"),
        return_path="",
        headers=AUTO_REPLIED,
    ),
    Case(
        "114-bounce-postfix-dsn-staff-mail-with-pdfs",
        POSTFIX_FROM.format(host="mail.chassesearch.nl"),
        POSTFIX_SUBJECT,
        postfix_text(
            "mail.chassesearch.nl",
            "<j.hoekstra@example.nl>: host mx.example.nl[203.0.113.19] said: 550 5.1.1\n"
            "    <j.hoekstra@example.nl>: Recipient address rejected: User unknown in local\n"
            "    recipient table (in reply to RCPT TO command)\n",
        ),
        layout=postfix_dsn(
            postfix_status(
                "mail.chassesearch.nl",
                "4dZ9qT0cWLz3kRn",
                "Mon, 29 Dec 2025 15:40:12 +0100 (CET)",
                "Final-Recipient: rfc822; j.hoekstra@example.nl\n"
                "Original-Recipient: rfc822;j.hoekstra@example.nl\nAction: failed\n"
                "Status: 5.1.1\nRemote-MTA: dns; mx.example.nl\n"
                "Diagnostic-Code: smtp; 550 5.1.1 <j.hoekstra@example.nl>: Recipient address\n"
                "    rejected: User unknown in local recipient table\n",
            ),
            returned_message(LONGLIST, description="Undelivered Message"),
        ),
        sign=None,
        arrival=at("2025-12-29 15:40:16"),
        return_path="",
        headers=AUTO_REPLIED,
    ),
    Case(
        "115-bounce-postfix-dsn-alias-two-recipients",
        POSTFIX_FROM.format(host="mail.example.org"),
        POSTFIX_SUBJECT,
        postfix_text(
            "mail.example.org",
            "<p.smit@example.org> (expanded from <commissie-ipo@example.org>): unknown user:\n"
            '    "p.smit"\n\n'
            "<r.kok@example.org> (expanded from <commissie-ipo@example.org>): cannot update\n"
            "    mailbox /var/mail/r.kok for user r.kok. error writing message: Disk quota\n"
            "    exceeded\n",
        ),
        layout=postfix_dsn(
            "Reporting-MTA: dns; mail.example.org\nX-Postfix-Queue-ID: 4dbH6m1RvNz2Qp8\n"
            f"X-Postfix-Sender: rfc822; {MAILBOX}\n"
            "Arrival-Date: Fri,  2 Jan 2026 11:02:34 +0100 (CET)\n\n"
            "Final-Recipient: rfc822; p.smit@example.org\n"
            "Original-Recipient: rfc822;commissie-ipo@example.org\nAction: failed\n"
            'Status: 5.1.1\nDiagnostic-Code: X-Postfix; unknown user: "p.smit"\n\n'
            "Final-Recipient: rfc822; r.kok@example.org\n"
            "Original-Recipient: rfc822;commissie-ipo@example.org\nAction: failed\n"
            "Status: 5.2.2\nDiagnostic-Code: X-Postfix; cannot update mailbox /var/mail/r.kok\n"
            "    for user r.kok. error writing message: Disk quota exceeded\n",
            returned_headers(INVITATION_COMMITTEE, description="Undelivered Message Headers"),
        ),
        sign=None,
        arrival=at("2026-01-02 11:02:39"),
        return_path="",
        headers=AUTO_REPLIED,
    ),
    Case(
        "116-bounce-postfix-dsn-dutch-template",
        POSTFIX_FROM.format(host="smtp.example.nl"),
        "Onbestelbaar bericht teruggestuurd naar afzender",
        "Dit is het mailsysteem op host smtp.example.nl.\n\n"
        "Helaas moeten wij u meedelen dat uw bericht niet kon worden afgeleverd\n"
        "bij een of meer geadresseerden. Het bericht is hieronder bijgevoegd.\n\n"
        "Neem voor meer hulp contact op met onze helpdesk via postmaster@example.nl.\n"
        "Vermeld daarbij dit foutrapport. Uw eigen tekst kunt u uit het\n"
        "bijgevoegde bericht verwijderen.\n\n"
        "                   Het mailsysteem\n\n"
        "<m.devries@example.nl>: host imap.example.nl[198.51.100.150] said: 550 5.2.1\n"
        "    <m.devries@example.nl>: mailbox is opgeheven (in reply to RCPT TO command)\n",
        layout=postfix_dsn(
            "Reporting-MTA: dns; smtp.example.nl\nX-Postfix-Queue-ID: 4dXk3P6wQJz1Gm4\n"
            f"X-Postfix-Sender: rfc822; {MAILBOX}\n"
            "Arrival-Date: Mon, 22 Dec 2025 10:00:06 +0100 (CET)\n\n"
            "Final-Recipient: rfc822; m.devries@example.nl\n"
            "Original-Recipient: rfc822;m.devries@example.nl\nAction: failed\n"
            "Status: 5.2.1\nRemote-MTA: dns; imap.example.nl\n"
            "Diagnostic-Code: smtp; 550 5.2.1 <m.devries@example.nl>: mailbox is opgeheven\n",
            described(our_reply("m.devries@example.nl"), "Undelivered Message"),
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:09"),
        return_path="",
        headers=AUTO_REPLIED,
    ),
    Case(
        "117-bounce-mimecast-rejection-in-postfix-dsn",
        POSTFIX_FROM.format(host="mx1.chassesearch.nl"),
        POSTFIX_SUBJECT,
        postfix_text(
            "mx1.chassesearch.nl",
            "<l.hermans@example.com>: host eu-smtp-inbound-1.mimecast.example.com[203.0.113.141]\n"
            "    said: 550 Invalid Recipient -\n"
            "    https://community.mimecast.example.com/docs/DOC-1369#550\n"
            "    [Kp2nT9vXQ3mWf8aL1c0b6g.uk138] (in reply to RCPT TO command)\n",
        ),
        layout=postfix_dsn(
            postfix_status(
                "mx1.chassesearch.nl",
                "4F7A1B2C3D",
                "Mon, 22 Dec 2025 10:00:04 +0100 (CET)",
                "Final-Recipient: rfc822; l.hermans@example.com\n"
                "Original-Recipient: rfc822;l.hermans@example.com\nAction: failed\n"
                "Status: 5.0.0\nRemote-MTA: dns; eu-smtp-inbound-1.mimecast.example.com\n"
                "Diagnostic-Code: smtp; 550 Invalid Recipient -\n"
                "    https://community.mimecast.example.com/docs/DOC-1369#550\n"
                "    [Kp2nT9vXQ3mWf8aL1c0b6g.uk138]\n",
            ),
            our_reply_headers("l.hermans@example.com"),
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:08"),
        return_path="",
        headers=AUTO_REPLIED,
    ),
    Case(
        "118-bounce-outlook-com-blocklist-in-postfix-dsn",
        POSTFIX_FROM.format(host="mx1.chassesearch.nl"),
        POSTFIX_SUBJECT,
        postfix_text(
            "mx1.chassesearch.nl",
            "<marco.rossi@outlook.example.com>: host\n"
            "    outlook-com.olc.protection.outlook.example.com[203.0.113.212] said: 550\n"
            "    5.7.1 Unfortunately, messages from [198.51.100.219] weren't sent. Please contact\n"
            "    your Internet service provider since part of their network is on our block\n"
            "    list (S3150). You can also refer your provider to\n"
            "    http://mail.live.example.com/mail/troubleshooting.aspx#errors.\n"
            "    [AM4PEPF00027A6C.eurprd04.prod.outlook.example.com 2025-12-22T09:00:06.861Z\n"
            "    08DE3F6A4B2C1D0E] (in reply to MAIL FROM command)\n",
        ),
        layout=postfix_dsn(
            postfix_status(
                "mx1.chassesearch.nl",
                "4F7A1B2C3D",
                "Mon, 22 Dec 2025 10:00:04 +0100 (CET)",
                "Final-Recipient: rfc822; marco.rossi@outlook.example.com\n"
                "Original-Recipient: rfc822;marco.rossi@outlook.example.com\nAction: failed\n"
                "Status: 5.7.1\n"
                "Remote-MTA: dns; outlook-com.olc.protection.outlook.example.com\n"
                "Diagnostic-Code: smtp; 550 5.7.1 Unfortunately, messages from [198.51.100.219]\n"
                "    weren't sent. Please contact your Internet service provider since part of\n"
                "    their network is on our block list (S3150). You can also refer your\n"
                "    provider to http://mail.live.example.com/mail/troubleshooting.aspx#errors.\n"
                "    [AM4PEPF00027A6C.eurprd04.prod.outlook.example.com 2025-12-22T09:00:06.861Z\n"
                "    08DE3F6A4B2C1D0E]\n",
            ),
            our_reply_headers("marco.rossi@outlook.example.com"),
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:07"),
        return_path="",
        headers=AUTO_REPLIED,
    ),
    Case(
        "119-bounce-zimbra-dsn-over-quota",
        POSTFIX_FROM.format(host="zimbra.example.org"),
        POSTFIX_SUBJECT,
        postfix_text(
            "zimbra.example.org",
            "<w.smit@example.org>: host mailbox2.example.org[203.0.113.40] said: 552 5.2.2\n"
            "    Over quota (in reply to end of DATA command)\n",
        ),
        layout=postfix_dsn(
            "Reporting-MTA: dns; zimbra.example.org\nX-Postfix-Queue-ID: 5C1E2A0F83\n"
            f"X-Postfix-Sender: rfc822; {MAILBOX}\n"
            "Arrival-Date: Mon, 22 Dec 2025 10:00:07 +0100 (CET)\n\n"
            "Final-Recipient: rfc822; w.smit@example.org\n"
            "Original-Recipient: rfc822;w.smit@example.org\nAction: failed\n"
            "Status: 5.2.2\nRemote-MTA: dns; mailbox2.example.org\n"
            "Diagnostic-Code: lmtp; 552 5.2.2 Over quota\n",
            our_reply_headers("w.smit@example.org"),
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:11"),
        return_path="",
        headers=AUTO_REPLIED,
    ),
    # Sendmail and a Proofpoint gateway (Sendmail underneath)
    Case(
        "120-bounce-sendmail-dsn-user-unknown",
        "Mail Delivery Subsystem <MAILER-DAEMON@mail.example.net>",
        "Returned mail: see transcript for details",
        f"The original message was received at {OUR_ARRIVAL}\n"
        "from mx1.chassesearch.nl [198.51.100.219]\n\n"
        "   ----- The following addresses had permanent fatal errors -----\n"
        "<b.mulder@example.net>\n"
        "    (reason: 550 5.1.1 <b.mulder@example.net>... User unknown)\n\n"
        "   ----- Transcript of session follows -----\n"
        "... while talking to mailhost.example.net.:\n"
        ">>> RCPT To:<b.mulder@example.net>\n"
        "<<< 550 5.1.1 <b.mulder@example.net>... User unknown\n"
        "550 5.1.1 <b.mulder@example.net>... User unknown\n",
        layout=dsn(
            "Reporting-MTA: dns; mail.example.net\nReceived-From-MTA: DNS; mx1.chassesearch.nl\n"
            f"Arrival-Date: {OUR_ARRIVAL}\n\n"
            "Final-Recipient: RFC822; b.mulder@example.net\nAction: failed\nStatus: 5.1.1\n"
            "Remote-MTA: DNS; mailhost.example.net\n"
            "Diagnostic-Code: SMTP; 550 5.1.1 <b.mulder@example.net>... User unknown\n"
            "Last-Attempt-Date: Mon, 22 Dec 2025 10:00:07 +0100\n",
            our_reply("b.mulder@example.net"),
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:10"),
        return_path="",
        headers=SENDMAIL_FAILURE,
    ),
    Case(
        "121-bounce-sendmail-plain-see-transcript",
        "Mail Delivery Subsystem <MAILER-DAEMON@mail.example.org>",
        "Returned mail: see transcript for details",
        "The original message was received at Tue, 30 Dec 2025 09:13:55 +0100\n"
        "from mail.chassesearch.nl [203.0.113.94]\n\n"
        "   ----- The following addresses had permanent fatal errors -----\n"
        "<thijs.verbeek@example.org>\n"
        "    (reason: 550 5.2.1 <thijs.verbeek@example.org>... Mailbox disabled for this"
        " recipient)\n\n"
        "   ----- Transcript of session follows -----\n"
        "... while talking to imap.example.org.:\n"
        ">>> DATA\n"
        "<<< 550 5.2.1 <thijs.verbeek@example.org>... Mailbox disabled for this recipient\n"
        "554 5.0.0 Service unavailable\n\n"
        "   ----- Original message follows -----\n\n"
        f"Return-Path: <{MAILBOX}>\n"
        "Received: from mail.chassesearch.nl (mail.chassesearch.nl [203.0.113.94])\n"
        "\tby mail.example.org (8.18.1/8.18.1) with ESMTPS id 5BU8DtQx004121\n"
        "\t(version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NO)\n"
        "\tfor <thijs.verbeek@example.org>; Tue, 30 Dec 2025 09:13:55 +0100\n"
        + sent_bytes(INVITATION_CANDIDATE).decode(),
        sign=None,
        arrival=at("2025-12-30 09:14:02"),
        return_path="MAILER-DAEMON@mail.example.org",
        headers=SENDMAIL_FAILURE,
    ),
    Case(
        "122-bounce-proofpoint-gateway-dsn",
        "Mail Delivery Subsystem <MAILER-DAEMON@mx0b-00282f01.pphosted.example.com>",
        "Returned mail: see transcript for details",
        f"The original message was received at {OUR_ARRIVAL}\n"
        "from mx1.chassesearch.nl [198.51.100.219]\n\n"
        "   ----- The following addresses had permanent fatal errors -----\n"
        "<s.bakker@example.org>\n"
        "    (reason: 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP"
        " address lookup)\n\n"
        "   ----- Transcript of session follows -----\n"
        "... while talking to exch-hub01.corp.example.org.:\n"
        ">>> DATA\n"
        "<<< 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address"
        " lookup\n"
        "550 5.1.1 <s.bakker@example.org>... User unknown\n"
        "<<< 503 5.5.2 Need rcpt command\n",
        layout=dsn(
            "Reporting-MTA: dns; mx0b-00282f01.pphosted.example.com\n"
            "Received-From-MTA: DNS; mx1.chassesearch.nl\n"
            f"Arrival-Date: {OUR_ARRIVAL}\n\n"
            "Final-Recipient: RFC822; s.bakker@example.org\nAction: failed\nStatus: 5.1.10\n"
            "Remote-MTA: DNS; exch-hub01.corp.example.org\n"
            "Diagnostic-Code: SMTP; 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not"
            " found by SMTP address lookup\n"
            "Last-Attempt-Date: Mon, 22 Dec 2025 10:00:08 +0100\n",
            our_reply_headers_plain("s.bakker@example.org"),
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:12"),
        return_path="",
        headers=(
            *SENDMAIL_FAILURE,
            (
                "X-Proofpoint-Virus-Version",
                "vendor=baseguard\n engine=ICAP:2.0.293,Aquarius:18.0.1121,Hydra:6.1.9,"
                "FMLib:17.12.68.34\n definitions=2025-12-22_02,2025-12-22_01,2025-12-21_01",
            ),
            (
                "X-Proofpoint-Spam-Details",
                "rule=outbound_notspam policy=outbound score=0 spamscore=0\n"
                " mlxscore=0 bulkscore=0 phishscore=0 adultscore=0 classifier=spam\n"
                " adjust=0 reason=mlx scancount=1 engine=8.19.0-2512220001",
            ),
        ),
    ),
    Case(
        "123-delay-sendmail-dsn-four-hours",
        "Mail Delivery Subsystem <MAILER-DAEMON@relay.example.com>",
        "Warning: could not send message for past 4 hours",
        "    **********************************************\n"
        "    **      THIS IS A WARNING MESSAGE ONLY      **\n"
        "    **  YOU DO NOT NEED TO RESEND YOUR MESSAGE  **\n"
        "    **********************************************\n\n"
        f"The original message was received at {OUR_ARRIVAL}\n"
        "from mx1.chassesearch.nl [198.51.100.219]\n\n"
        "   ----- Transcript of session follows -----\n"
        "<m.vandijk@example.com>... Deferred: Connection timed out with mx2.example.com.\n"
        "Warning: message still undelivered after 4 hours\n"
        "Will keep trying until message is 5 days old\n",
        layout=dsn(
            "Reporting-MTA: dns; relay.example.com\nReceived-From-MTA: DNS; mx1.chassesearch.nl\n"
            f"Arrival-Date: {OUR_ARRIVAL}\n\n"
            "Final-Recipient: RFC822; m.vandijk@example.com\nAction: delayed\nStatus: 4.4.1\n"
            "Remote-MTA: DNS; mx2.example.com\n"
            "Last-Attempt-Date: Mon, 22 Dec 2025 14:04:51 +0100\n"
            "Will-Retry-Until: Sat, 27 Dec 2025 10:00:06 +0100\n",
            our_reply_headers_plain("m.vandijk@example.com"),
        ),
        sign=None,
        arrival=at("2025-12-22 14:05:03"),
        return_path="",
        headers=(("Auto-Submitted", "auto-generated (warning-timeout)"),),
    ),
    Case(
        "124-relayed-sendmail-return-receipt",
        "Mail Delivery Subsystem <MAILER-DAEMON@mx.example.com>",
        "Return receipt",
        "The original message was received at Tue, 23 Dec 2025 16:05:44 +0100\n"
        "from mail.chassesearch.nl [203.0.113.94]\n\n"
        "   ----- The following addresses had successful delivery notifications -----\n"
        "<h.smeets@example.com>  (relayed to non-DSN-aware mailer)\n\n"
        "   ----- Transcript of session follows -----\n"
        "<h.smeets@example.com>... relayed; expect no further notifications\n",
        layout=dsn(
            "Reporting-MTA: dns; mx.example.com\n"
            "Received-From-MTA: DNS; mail.chassesearch.nl\n"
            "Arrival-Date: Tue, 23 Dec 2025 16:05:44 +0100\n\n"
            "Final-Recipient: RFC822; h.smeets@example.com\nAction: relayed\nStatus: 2.0.0\n"
            "Remote-MTA: DNS; mailstore.example.com\n"
            "Last-Attempt-Date: Tue, 23 Dec 2025 16:05:45 +0100\n",
            returned_headers(SUCCESS_REQUESTED),
        ),
        sign=None,
        arrival=at("2025-12-23 16:05:49"),
        return_path="",
    ),
    # Exim: the RFC 3464 report of Exim 4.86 and later, and older plain-text bounces
    Case(
        "125-bounce-exim-dsn-multipart-report",
        "Mail Delivery System <Mailer-Daemon@mx2.example.net>",
        "Mail delivery failed: returning message to sender",
        EXIM_INTRO + "  c.jacobs@example.net\n"
        "    host mail.example.net [198.51.100.88]\n"
        "    SMTP error from remote mail server after RCPT TO:<c.jacobs@example.net>:\n"
        "    550 5.1.1 <c.jacobs@example.net>: Recipient address rejected: User unknown in"
        " relay recipient table\n",
        layout=dsn(
            "Reporting-MTA: dns; mx2.example.net\n\n"
            "Action: failed\nFinal-Recipient: rfc822;c.jacobs@example.net\nStatus: 5.0.0\n"
            "Remote-MTA: dns; mail.example.net\n"
            "Diagnostic-Code: smtp; 550 5.1.1 <c.jacobs@example.net>: Recipient address"
            " rejected: User unknown in relay recipient table\n",
            our_reply("c.jacobs@example.net"),
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:13"),
        return_path="",
        headers=(*AUTO_REPLIED, ("X-Failed-Recipients", "c.jacobs@example.net")),
    ),
    Case(
        "126-bounce-exim-dsn-truncated-copy-with-pdfs",
        "Mail Delivery System <Mailer-Daemon@mx.assessment-noord.example.nl>",
        "Mail delivery failed: returning message to sender",
        EXIM_INTRO + "  planning@assessment-noord.example.nl\n"
        "    host mail.assessment-noord.example.nl [203.0.113.66]\n"
        "    SMTP error from remote mail server after end of data:\n"
        "    550 5.7.1 Message rejected: attachment policy violation\n\n"
        f"------ The body of the message is {len(ASSESSMENT_SENT) - ASSESSMENT_BODY} characters"
        " long; only the first\n------ 2048 or so are included here.\n",
        layout=dsn(
            "Reporting-MTA: dns; mx.assessment-noord.example.nl\n\n"
            "Action: failed\nFinal-Recipient: rfc822;planning@assessment-noord.example.nl\n"
            "Status: 5.0.0\nRemote-MTA: dns; mail.assessment-noord.example.nl\n"
            "Diagnostic-Code: smtp; 550 5.7.1 Message rejected: attachment policy violation\n",
            Part("message/rfc822", ASSESSMENT_SENT[: ASSESSMENT_BODY + 2048]),
        ),
        sign=None,
        arrival=at("2026-01-05 13:21:53"),
        return_path="",
        headers=(
            *AUTO_REPLIED,
            ("X-Failed-Recipients", "planning@assessment-noord.example.nl"),
        ),
    ),
    Case(
        "127-bounce-exim-plain-cpanel-no-such-user",
        "Mail Delivery System <Mailer-Daemon@server123.webhost.example.com>",
        "Mail delivery failed: returning message to sender",
        EXIM_INTRO
        + "  yasmina@bakker-consult.example.nl\n    No Such User Here\n\n"
        + exim_copy_header(
            reply_copy(
                "yasmina@bakker-consult.example.nl",
                received="Received: from mx1.chassesearch.nl ([198.51.100.219]:41822)\n"
                "\tby server123.webhost.example.com with esmtps (TLS1.2) tls"
                " TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\n"
                "\t(Exim 4.84_2)\n\t(envelope-from <info@chassesearch.nl>)\n"
                "\tid 1vXa2K-0006Qh-Tc\n\tfor yasmina@bakker-consult.example.nl;"
                " Mon, 22 Dec 2025 10:00:06 +0100\n",
            )
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:09"),
        return_path="",
        headers=(
            *AUTO_REPLIED,
            ("X-Failed-Recipients", "yasmina@bakker-consult.example.nl"),
        ),
    ),
    Case(
        "128-bounce-exim3-plain-without-x-failed-recipients",
        "Mail Delivery System <MAILER-DAEMON@mail.example.net>",
        "Mail delivery failed: returning message to sender",
        "This message was created automatically by mail delivery software (Exim).\n\n"
        "A message that you sent could not be delivered to one or more of its\n"
        "recipients. This is a permanent error. The following address(es) failed:\n"
        "  karel.willems@example.net:\n"
        "    SMTP error from remote mailer after RCPT TO:<karel.willems@example.net>:\n"
        "    host mailhost.example.net [198.51.100.140]: 550"
        " <karel.willems@example.net>... User unknown\n\n"
        + exim_copy_header(
            f"Return-path: <{MAILBOX}>\n"
            "Received: from mail.chassesearch.nl [203.0.113.94]\n"
            "\tby mail.example.net with esmtp (Exim 3.36 #1 (Debian))\n"
            "\tid 1arQ5T-0001Hx-00\n\tfor <karel.willems@example.net>;"
            " Wed, 31 Dec 2025 10:14:11 +0100\n" + sent_bytes(REJECTION_LETTER).decode()
        ),
        sign=None,
        arrival=at("2025-12-31 10:14:20"),
        return_path="",
    ),
    Case(
        "129-bounce-exim-plain-german-template",
        "Mail Delivery System <MAILER-DAEMON@mx01.hosting.example.de>",
        "Mail delivery failed: returning message to sender",
        "Diese Nachricht wurde automatisch vom Mailsystem erstellt.\n\n"
        "Eine von Ihnen versendete Nachricht konnte nicht an alle Empfänger\n"
        "zugestellt werden. Dies ist ein permanenter Fehler. Folgende Adresse(n)\n"
        "konnte(n) nicht erreicht werden:\n\n"
        "  m.wagner@example.de\n    Mailbox quota exceeded\n\n"
        "This message was created automatically by mail delivery software.\n"
        "A message that you sent could not be delivered to one or more of its\n"
        "recipients. This is a permanent error.\n\n"
        "------ Dies ist eine Kopie der Nachricht einschließlich aller Header. ------\n\n"
        + reply_copy(
            "m.wagner@example.de",
            received="Received: from mx1.chassesearch.nl ([198.51.100.219])\n"
            "\tby mx01.hosting.example.de with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384\n"
            "\t(Exim 4.97.1)\n\t(envelope-from <info@chassesearch.nl>)\n"
            "\tid 1vXa2M-00B7kq-1F\n\tfor m.wagner@example.de;"
            " Mon, 22 Dec 2025 10:00:07 +0100\n",
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:11"),
        return_path="",
        headers=(*AUTO_REPLIED, ("X-Failed-Recipients", "m.wagner@example.de")),
    ),
    Case(
        "130-delay-exim-plain-warning-message-delayed",
        "Mail Delivery System <Mailer-Daemon@mx.example.com>",
        "Warning: message 1vXb7Q-0003uN-Kc delayed 24 hours",
        "This message was created automatically by mail delivery software.\n"
        "A message that you sent has not yet been delivered to one or more of its\n"
        "recipients after more than 24 hours on the queue on mx.example.com.\n\n"
        "The message identifier is:     1vXb7Q-0003uN-Kc\n"
        f"The subject of the message is: {REPLY_SUBJECT}\n"
        "The date of the message is:    Mon, 22 Dec 2025 10:00:02 +0100\n\n"
        "The address to which the message has not yet been delivered is:\n\n"
        "  o.vermeer@example.com\n    host mail.example.com [198.51.100.201]\n"
        "    Connection timed out\n\n"
        "No action is required on your part. Delivery attempts will continue for\n"
        "some time, and this warning may be repeated at intervals if the message\n"
        "remains undelivered. Eventually the mail delivery software will give up,\n"
        "and when that happens, the message will be returned to you.\n",
        sign=None,
        arrival=at("2025-12-23 10:05:14"),
        return_path="",
        headers=AUTO_REPLIED,
    ),
    # qmail and Yahoo: the text bounce with the copy below a line
    Case(
        "131-bounce-qmail-vpopmail-no-mailbox",
        "MAILER-DAEMON@mail.example.nl",
        "failure notice",
        QMAIL_HELLO.format(host="mail.example.nl")
        + "<d.visser@example.nl>:\nSorry, no mailbox here by that name. vpopmail (#5.1.1)\n\n"
        + QMAIL_COPY
        + reply_copy(
            "d.visser@example.nl",
            received="Received: (qmail 28411 invoked from network); 22 Dec 2025 09:00:06 -0000\n"
            "Received: from mx1.chassesearch.nl (HELO mx1.chassesearch.nl) (198.51.100.219)\n"
            "  by mail.example.nl with ESMTPS (TLS_AES_256_GCM_SHA384 encrypted);"
            " 22 Dec 2025 09:00:06 -0000\n",
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:08"),
        sent=at("2025-12-22 09:00:06", UTC),
        return_path="",
    ),
    Case(
        "132-bounce-qmail-remote-host-said",
        "MAILER-DAEMON@filter.example.com",
        "failure notice",
        QMAIL_HELLO.format(host="filter.example.com")
        + "<wouter.brink@example.com>:\n198.51.100.77 does not like recipient.\n"
        "Remote host said: 550 5.1.1 <wouter.brink@example.com>: Recipient address rejected:"
        " User unknown in virtual mailbox table\nGiving up on 198.51.100.77.\n\n"
        + QMAIL_COPY
        + f"Return-Path: <{MAILBOX}>\n"
        "Received: (qmail 7731 invoked from network); 3 Jan 2026 09:41:13 -0000\n"
        "Received: from mail.chassesearch.nl (203.0.113.94)\n"
        "  by filter.example.com with ESMTPS; 3 Jan 2026 09:41:13 -0000\n"
        + sent_bytes(QUESTION_ANSWER).decode(),
        sign=None,
        arrival=at("2026-01-03 10:41:15"),
        sent=at("2026-01-03 09:41:14", UTC),
        return_path="",
    ),
    Case(
        "133-bounce-qmail-copy-with-pdfs",
        "MAILER-DAEMON@mx.example.net",
        "failure notice",
        QMAIL_HELLO.format(host="mx.example.net")
        + "<a.claessen@example.net>:\nThis address no longer accepts mail.\n\n"
        + QMAIL_COPY
        + f"Return-Path: <{MAILBOX}>\n"
        "Received: (qmail 13390 invoked from network); 24 Dec 2025 09:58:37 -0000\n"
        "Received: from mail.chassesearch.nl (HELO mail.chassesearch.nl) (203.0.113.94)\n"
        "  by mx.example.net with ESMTPS (TLS_AES_256_GCM_SHA384 encrypted);"
        " 24 Dec 2025 09:58:37 -0000\n" + sent_bytes(REFERENCE_CHECK).decode(),
        sign=None,
        arrival=at("2025-12-24 10:58:40"),
        sent=at("2025-12-24 09:58:38", UTC),
        return_path="",
    ),
    Case(
        "134-bounce-qmail-queue-lifetime-expired",
        "MAILER-DAEMON@backup-mx.example.org",
        "failure notice",
        QMAIL_HELLO.format(host="backup-mx.example.org")
        + "<g.hendriks@example.org>:\nSorry, I wasn't able to establish an SMTP connection."
        " (#4.4.1)\nI'm not going to try again; this message has been in the queue too long.\n\n"
        + QMAIL_COPY
        + reply_copy(
            "g.hendriks@example.org",
            received="Received: (qmail 4410 invoked from network); 22 Dec 2025 09:00:07 -0000\n"
            "Received: from mx1.chassesearch.nl (198.51.100.219)\n"
            "  by backup-mx.example.org with SMTP; 22 Dec 2025 09:00:07 -0000\n",
        ),
        sign=None,
        arrival=at("2025-12-29 10:00:21"),
        sent=at("2025-12-29 09:00:19", UTC),
        return_path="",
    ),
    Case(
        "135-bounce-yahoo-failure-notice-forwarded",
        "MAILER-DAEMON@yahoo.example.com",
        "Failure Notice",
        "Sorry, we were unable to deliver your message to the following address.\n\n"
        "<p.jansen@oudwerkgever.example.nl>:\n"
        "Remote host said: 550 5.1.1 <p.jansen@oudwerkgever.example.nl>... User Unknown"
        " [RCPT_TO]\n\n"
        "--- Below this line is a copy of the message.\n\n"
        + reply_copy(
            "p.jansen@yahoo.example.com",
            received="Received: from 198.51.100.219 (EHLO mx1.chassesearch.nl)\n"
            "  by mta1048.mail.ir2.yahoo.example.com with SMTP; 22 Dec 2025 09:00:07 -0000\n",
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:12"),
        sent=at("2025-12-22 09:00:10", UTC),
        return_path="",
    ),
    # Courier and the Windows SMTP service
    Case(
        "136-bounce-courier-dsn-notice",
        '"Courier mail server at mail.example.net" <@>',
        "NOTICE: mail delivery status.",
        "This is a delivery status notification from mail.example.net,\n"
        "running the Courier mail server, version 1.3.13.\n\n"
        f"The original message was received on {OUR_ARRIVAL}\n"
        "from mx1.chassesearch.nl (mx1.chassesearch.nl [198.51.100.219])\n\n"
        "---------------------------------------------------------------------------\n\n"
        "                           UNDELIVERABLE MAIL\n\n"
        "Your message to the following recipients cannot be delivered:\n\n"
        "<j.bos@example.net>:\n"
        "    mailstore.example.net [198.51.100.19]:\n"
        ">>> RCPT TO:<j.bos@example.net>\n"
        "<<< 550 5.1.1 <j.bos@example.net>: Recipient address rejected: User unknown\n\n"
        "---------------------------------------------------------------------------\n\n"
        "If your message was also sent to additional recipients, their delivery\n"
        "status is not included in this report.  You may or may not receive\n"
        "other delivery status notifications for additional recipients.\n\n"
        "The original message follows as a separate attachment.\n",
        layout=dsn(
            "Reporting-MTA: dns; mail.example.net\n"
            f"Arrival-Date: {OUR_ARRIVAL}\n"
            "Received-From-MTA: dns; mx1.chassesearch.nl (mx1.chassesearch.nl [198.51.100.219])\n\n"
            "Final-Recipient: rfc822; j.bos@example.net\nAction: failed\nStatus: 5.0.0\n"
            "Remote-MTA: dns; mailstore.example.net [198.51.100.19]\n"
            "Diagnostic-Code: smtp; 550 5.1.1 <j.bos@example.net>: Recipient address"
            " rejected: User unknown\n",
            our_reply("j.bos@example.net"),
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:10"),
        return_path="",
    ),
    Case(
        "137-bounce-windows-smtp-service-dsn-utf7",
        "postmaster@mail.example.org",
        "Delivery Status Notification (Failure)",
        "This is an automatically generated Delivery Status Notification.\n\n"
        "Delivery to the following recipients failed.\n\n       n.bos@example.org\n\n\n\n",
        layout=dsn(
            "Reporting-MTA: dns;mail.example.org\nReceived-From-MTA: dns;mx1.chassesearch.nl\n"
            "Arrival-Date: Mon, 22 Dec 2025 10:00:07 +0100\n\n"
            "Final-Recipient: rfc822;n.bos@example.org\nAction: failed\nStatus: 5.7.1\n"
            "Diagnostic-Code: smtp;550 5.7.1 Unable to relay for n.bos@example.org\n",
            our_reply("n.bos@example.org"),
            notice=lambda case: Part(
                "text/plain; charset=unicode-1-1-utf-7", case.text.encode("ascii")
            ),
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:09"),
        return_path="",
        headers=(
            ("X-DSNContext", "7ce717b1 - 1196 - 00000002 - 00000000"),
            (
                "X-OriginalArrivalTime",
                "22 Dec 2025 09:00:08.0213 (UTC) FILETIME=[4C3B1D20:01DC7323]",
            ),
        ),
    ),
    # Microsoft 365: the current NDR, in the sender's language
    Case(
        "138-bounce-m365-ndr-undeliverable-en",
        MS_OUTLOOK.format(domain="example.com"),
        f"Undeliverable: {REPLY_SUBJECT}",
        M365_EN,
        layout=dsn(
            m365_status(
                "DB9PR02MB7168.eurprd02.prod.example.com",
                "t.vandamme@example.com",
                "5.1.10",
                "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient t.vandamme@example.com not"
                " found by SMTP address lookup",
                "Mon, 22 Dec 2025 09:00:06 +0000",
            ),
            our_reply("t.vandamme@example.com"),
            notice=with_html(M365_EN_HTML),
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:09"),
        sent=at("2025-12-22 09:00:07", UTC),
        return_path="",
        headers=(
            *m365_headers("en-US", REPLY_SUBJECT, "AQHcczKX7q1Bv5t0S0mC3Qh8mW1TQA=="),
            ("In-Reply-To", OUR_REPLY_ID),
            ("References", OUR_REPLY_ID),
        ),
    ),
    Case(
        "139-bounce-m365-ndr-onbestelbaar-mailbox-full-nl",
        MS_OUTLOOK.format(domain="example.nl"),
        f"Onbestelbaar: {REPLY_SUBJECT}",
        M365_NL,
        layout=dsn(
            m365_status(
                "AS8PR04MB8897.eurprd04.prod.example.com",
                "i.vanrijn@example.nl",
                "5.2.2",
                "554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException."
                "MapiExceptionShutoffQuotaExceeded",
                "Mon, 22 Dec 2025 09:00:06 +0000",
            ),
            our_reply("i.vanrijn@example.nl"),
            notice=with_html(M365_NL_HTML),
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:10"),
        sent=at("2025-12-22 09:00:08", UTC),
        return_path="",
        headers=(
            *m365_headers("nl-NL", REPLY_SUBJECT, "AQHcczKYb2fE1nq9Lk6wW0pZ3sX1Yg=="),
            ("In-Reply-To", OUR_REPLY_ID),
            ("References", OUR_REPLY_ID),
        ),
    ),
    Case(
        "140-bounce-m365-ndr-unzustellbar-forwarding-blocked-de",
        MS_OUTLOOK.format(domain="example.de"),
        f"Unzustellbar: {REPLY_SUBJECT}",
        M365_DE,
        layout=dsn(
            m365_status(
                "FR3P281MB1552.DEUP281.PROD.EXAMPLE.COM",
                "h.krueger@example.de",
                "5.7.520",
                "550 5.7.520 Access denied, Your organization does not allow external"
                " forwarding. Please contact your administrator for further assistance."
                " AS(7555)",
                "Mon, 22 Dec 2025 09:00:07 +0000",
            ),
            our_reply("h.krueger@example.de"),
            notice=with_html(M365_DE_HTML),
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:11"),
        sent=at("2025-12-22 09:00:09", UTC),
        return_path="",
        headers=m365_headers("de-DE", REPLY_SUBJECT, "AQHcczKZp0Qm5yT2XkS8c1Vb7rA4dw=="),
    ),
    Case(
        "141-bounce-m365-ndr-non-remis-fr",
        MS_OUTLOOK.format(domain="example.com"),
        f"Non remis : {REPLY_SUBJECT}",
        M365_FR,
        layout=dsn(
            m365_status(
                "PR3P195MB0871.EURP195.PROD.EXAMPLE.COM",
                "c.lefebvre@example.com",
                "5.1.10",
                "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient c.lefebvre@example.com not"
                " found by SMTP address lookup",
                "Mon, 22 Dec 2025 09:00:06 +0000",
            ),
            our_reply("c.lefebvre@example.com"),
            notice=with_html(M365_FR_HTML),
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:09"),
        sent=at("2025-12-22 09:00:07", UTC),
        return_path="",
        headers=(
            *m365_headers("fr-FR", REPLY_SUBJECT, "AQHcczKa3vR8uYb1T0aNkq2cX9mE7g=="),
            ("In-Reply-To", OUR_REPLY_ID),
            ("References", OUR_REPLY_ID),
        ),
    ),
    Case(
        "142-bounce-m365-ndr-onbestelbaar-staff-mail-with-pdfs",
        MS_OUTLOOK.format(domain="example.com"),
        "Onbestelbaar: Shortlist PAD IPO / directeur BIJ12",
        M365_STAFF,
        layout=dsn(
            m365_status(
                "AM8PR09MB5512.eurprd09.prod.example.com",
                "a.vermeulen@example.com",
                "5.1.10",
                "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient a.vermeulen@example.com"
                " not found by SMTP address lookup",
                "Tue, 6 Jan 2026 15:30:09 +0000",
            ),
            returned_message(SHORTLIST),
            notice=with_html(M365_STAFF_HTML),
        ),
        sign=None,
        arrival=at("2026-01-06 16:30:13"),
        sent=at("2026-01-06 15:30:11", UTC),
        return_path="",
        headers=(
            *m365_headers(
                "nl-NL", "Shortlist PAD IPO / directeur BIJ12", "AQHcfz1Rq8cWn3b0Tk2P1a5Z0m7dEw=="
            ),
            ("In-Reply-To", message_id(SHORTLIST)),
            ("References", message_id(SHORTLIST)),
        ),
    ),
    # Exchange Server on premises: 2010 and 2016, and the 2003 notice without a report
    Case(
        "143-bounce-exchange-2010-ndr-postmaster-en",
        "postmaster@corp.example.com",
        f"Undeliverable: {REPLY_SUBJECT}",
        "Delivery has failed to these recipients or groups:\n\n"
        "Pieter Koster (p.koster@corp.example.com)\n"
        "The e-mail address you entered couldn't be found. Please check the recipient's e-mail"
        " address and try to resend the message. If the problem continues, please contact your"
        " helpdesk.\n\n"
        "Diagnostic information for administrators:\n\n"
        "Generating server: EXCH02.corp.example.com\n\n"
        "p.koster@corp.example.com\n#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##\n\n"
        "Original message headers:\n\n"
        "Received: from mx1.chassesearch.nl (198.51.100.219) by EXCH02.corp.example.com\n"
        " (10.1.12.31) with Microsoft SMTP Server id 14.3.513.0; Mon, 22 Dec 2025\n"
        " 10:00:07 +0100\n" + OUR_REPLY_HEADERS.format(to="p.koster@corp.example.com"),
        layout=dsn(
            "Reporting-MTA: dns;EXCH02.corp.example.com\n"
            "Received-From-MTA: dns;mx1.chassesearch.nl\n"
            "Arrival-Date: Mon, 22 Dec 2025 09:00:07 +0000\n\n"
            "Final-Recipient: rfc822;p.koster@corp.example.com\nAction: failed\n"
            "Status: 5.1.1\n"
            "Diagnostic-Code: smtp;550 5.1.1 RESOLVER.ADR.RecipNotFound; not found\n",
            our_reply("p.koster@corp.example.com"),
            notice=lambda case: alternative(case.text, exchange_html(case.text)),
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:10"),
        sent=at("2025-12-22 09:00:08", UTC),
        return_path="",
        headers=m365_headers("en-US", REPLY_SUBJECT, "AQHcczKb0lB4cV2kR3m5Yq1Tz8wN6A==")[:4],
    ),
    Case(
        "144-bounce-exchange-2016-onbestelbaar-nl",
        MS_OUTLOOK.format(domain="gemeente.example.nl"),
        f"Onbestelbaar: {REPLY_SUBJECT}",
        "De bezorging is mislukt voor deze geadresseerden of groepen:\n\n"
        "a.dekker@gemeente.example.nl (a.dekker@gemeente.example.nl)\n"
        "Het postvak van de geadresseerde is vol en kan momenteel geen berichten accepteren."
        " Probeer het bericht later opnieuw te verzenden of neem contact op met de"
        " geadresseerde.\n\n"
        "Diagnostische gegevens voor beheerders:\n\n"
        "Genererende server: EXMBX01.gemeente.example.nl\n\n"
        "a.dekker@gemeente.example.nl\n"
        "Remote Server returned '554 5.2.2 mailbox full;"
        " STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded;"
        " Failed to process message due to a permanent exception with message Cannot open"
        " mailbox /o=Gemeente/ou=Exchange Administrative Group"
        " (FYDIBOHF23SPDLT)/cn=Recipients/cn=a.dekker.'\n\n"
        "Oorspronkelijke berichtkoppen:\n\n"
        "Received: from EXEDGE01.gemeente.example.nl (10.20.1.15) by\n"
        " EXMBX01.gemeente.example.nl (10.20.1.21) with Microsoft SMTP Server\n"
        " (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.1.2507.39;\n"
        " Mon, 22 Dec 2025 10:00:08 +0100\n"
        + OUR_REPLY_HEADERS.format(to="a.dekker@gemeente.example.nl"),
        layout=dsn(
            "Reporting-MTA: dns;EXMBX01.gemeente.example.nl\n"
            "Received-From-MTA: dns;EXEDGE01.gemeente.example.nl\n"
            "Arrival-Date: Mon, 22 Dec 2025 09:00:08 +0000\n\n"
            "Original-Recipient: rfc822;a.dekker@gemeente.example.nl\n"
            "Final-Recipient: rfc822;a.dekker@gemeente.example.nl\nAction: failed\n"
            "Status: 5.2.2\n"
            "Diagnostic-Code: smtp;554 5.2.2 mailbox full;"
            " STOREDRV.Deliver.Exception:QuotaExceededException."
            "MapiExceptionShutoffQuotaExceeded\n",
            our_reply("a.dekker@gemeente.example.nl"),
            notice=lambda case: alternative(case.text, exchange_html(case.text)),
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:12"),
        sent=at("2025-12-22 09:00:09", UTC),
        return_path="",
        headers=m365_headers("nl-NL", REPLY_SUBJECT, "AQHcczKcU7n2Wq5xP1rT0b8mZ3kY4A==")[:5],
    ),
    Case(
        "145-bounce-exchange-2003-unzustellbar-de-original-attached",
        "Systemadministrator <postmaster@example.de>",
        f"Unzustellbar: {REPLY_SUBJECT}",
        "Ihre Nachricht hat einige oder alle Empfänger nicht erreicht.\n\n"
        f"      Betreff:\t{REPLY_SUBJECT}\n"
        "      Gesendet am:\t22.12.2025 10:00\n\n"
        "Folgende(r) Empfänger konnte(n) nicht erreicht werden:\n\n"
        "      f.weber@example.de am 22.12.2025 10:00\n"
        "            Die E-Mail-Adresse, die Sie eingegeben haben, wurde nicht gefunden."
        " Überprüfen Sie die E-Mail-Adresse des Empfängers, und versuchen Sie erneut, die"
        " Nachricht zu senden. Wenden Sie sich an Ihren Helpdesk, wenn das Problem"
        " weiterhin besteht.\n"
        "            <exch01.example.de #5.1.1>\n",
        layout=mixed(our_reply("f.weber@example.de")),
        sign=None,
        arrival=at("2025-12-22 10:00:14"),
        return_path="",
        headers=(("X-MimeOLE", "Produced By Microsoft Exchange V6.5"),),
    ),
    Case(
        "146-bounce-exchange-2003-onbestelbaar-nl-before-the-window",
        "Systeembeheerder <postmaster@mediabureau.example.nl>",
        "Onbestelbaar: Plaatsing advertentie PAD IPO",
        "Uw bericht heeft sommige of alle geadresseerden niet bereikt.\n\n"
        "      Onderwerp:\tPlaatsing advertentie PAD IPO\n"
        "      Verzonden:\t18-12-2025 9:30\n\n"
        "Kan de volgende geadresseerde(n) niet bereiken:\n\n"
        "      traffic@mediabureau.example.nl op 18-12-2025 9:30\n"
        "            Het e-mailadres dat u hebt ingevoerd, kan niet worden gevonden."
        " Controleer het e-mailadres van de geadresseerde en probeer het bericht opnieuw te"
        " verzenden. Neem contact op met de helpdesk als het probleem zich blijft voordoen.\n"
        "            <srv-mail.mediabureau.example.nl #5.1.1>\n",
        layout=mixed(returned_message(AGENCY_BRIEF)),
        sign=None,
        arrival=at("2025-12-18 09:30:41"),
        return_path="",
        headers=(("X-MimeOLE", "Produced By Microsoft Exchange V6.5"),),
    ),
    # Exchange: delay and delivery notices
    Case(
        "147-delay-m365-delivery-delayed-en",
        MS_OUTLOOK.format(domain="example.com"),
        f"Delivery delayed:{REPLY_SUBJECT}",
        "Delivery is delayed to these recipients or groups:\n\n"
        "s.dewaal@example.com\n\n"
        f"Subject: {REPLY_SUBJECT}\n\n"
        "This message hasn't been delivered yet. Delivery will continue to be attempted.\n\n"
        "The server will keep trying to deliver this message for the next 1 days, 19 hours and"
        " 57 minutes. You'll be notified if the message can't be delivered by that time.\n\n"
        "Diagnostic information for administrators:\n\n"
        "Generating server: VI1PR07MB6240.eurprd07.prod.example.com\n"
        "Receiving server: onprem-mail.example.com (203.0.113.88)\n\n"
        "s.dewaal@example.com\n"
        "Remote Server at onprem-mail.example.com (203.0.113.88) returned '400 4.4.7 Message"
        " delayed'\n"
        "22-12-2025 13:58:41 - Remote Server at onprem-mail.example.com (203.0.113.88) returned"
        " '451 4.4.0 Primary target IP address responded with: \"421 4.3.2 Service not"
        " available.\" Attempted failover to alternate host, but that did not succeed.'\n",
        layout=dsn(
            "Reporting-MTA: dns;VI1PR07MB6240.eurprd07.prod.example.com\n"
            "Received-From-MTA: dns;mx1.chassesearch.nl\n"
            "Arrival-Date: Mon, 22 Dec 2025 09:00:06 +0000\n\n"
            "Final-Recipient: rfc822;s.dewaal@example.com\nAction: delayed\nStatus: 4.4.7\n"
            "Will-Retry-Until: Wed, 24 Dec 2025 09:00:06 +0000\n"
            "X-Display-Name: Sjoerd de Waal\n",
            our_reply_headers_plain("s.dewaal@example.com"),
            notice=lambda case: alternative(case.text, exchange_html(case.text)),
        ),
        sign=None,
        arrival=at("2025-12-22 14:02:20"),
        sent=at("2025-12-22 13:02:18", UTC),
        return_path="",
        headers=m365_headers("en-US", REPLY_SUBJECT, "AQHcczKd8mT1Rk4qW7b2XcS0pV3yLw==")[:4],
    ),
    Case(
        "148-delay-exchange-bezorging-vertraagd-nl",
        MS_OUTLOOK.format(domain="provincie.example.nl"),
        f"Bezorging vertraagd: {REPLY_SUBJECT}",
        "De bezorging is vertraagd voor deze geadresseerden of groepen:\n\n"
        "r.vos@provincie.example.nl (r.vos@provincie.example.nl)\n\n"
        f"Onderwerp: {REPLY_SUBJECT}\n\n"
        "Dit bericht is nog niet bezorgd. Er wordt nog steeds geprobeerd het bericht te"
        " bezorgen.\n\n"
        "De server blijft nog 1 dagen, 19 uur en 58 minuten proberen om dit bericht te"
        " bezorgen. U wordt op de hoogte gesteld als het bericht niet binnen die tijd kan"
        " worden bezorgd.\n\n"
        "Diagnostische gegevens voor beheerders:\n\n"
        "Genererende server: EXHUB02.provincie.example.nl\n\n"
        "r.vos@provincie.example.nl\n"
        "Remote Server returned '400 4.4.7 Message delayed'\n",
        layout=dsn(
            "Reporting-MTA: dns;EXHUB02.provincie.example.nl\n"
            "Received-From-MTA: dns;mx1.chassesearch.nl\n"
            "Arrival-Date: Mon, 22 Dec 2025 09:00:07 +0000\n\n"
            "Final-Recipient: rfc822;r.vos@provincie.example.nl\nAction: delayed\n"
            "Status: 4.4.7\nWill-Retry-Until: Wed, 24 Dec 2025 09:00:07 +0000\n",
            our_reply_headers_plain("r.vos@provincie.example.nl"),
            notice=lambda case: alternative(case.text, exchange_html(case.text)),
        ),
        sign=None,
        arrival=at("2025-12-22 14:01:33"),
        sent=at("2025-12-22 13:01:31", UTC),
        return_path="",
        headers=m365_headers("nl-NL", REPLY_SUBJECT, "AQHcczKeN0b5Xp2Tq8W1yRk3mZc7vA==")[:4],
    ),
    Case(
        "149-delivered-exchange-bezorgd-nl",
        MS_OUTLOOK.format(domain="example.nl"),
        "Bezorgd: Bevestiging gesprek 6 januari",
        "Uw bericht is bezorgd bij de volgende geadresseerden:\n\n"
        "Gerard Mertens (g.mertens@example.nl)\n\n"
        "Onderwerp: Bevestiging gesprek 6 januari\n",
        layout=dsn(
            "Reporting-MTA: dns;AM6PR10MB2281.EURPRD10.PROD.EXAMPLE.COM\n"
            "Received-From-MTA: dns;mail.chassesearch.nl\n"
            "Arrival-Date: Tue, 30 Dec 2025 13:22:21 +0000\n\n"
            "Final-Recipient: rfc822;g.mertens@example.nl\nAction: delivered\nStatus: 2.0.0\n"
            "X-Display-Name: Gerard Mertens\n",
            returned_headers(DELIVERY_RECEIPT),
            notice=lambda case: alternative(case.text, exchange_html(case.text)),
        ),
        sign=None,
        arrival=at("2025-12-30 14:22:25"),
        sent=at("2025-12-30 13:22:23", UTC),
        return_path="",
        headers=(
            *m365_headers(
                "nl-NL", "Bevestiging gesprek 6 januari", "AQHceXa0b7Kq2Wn5T1rP8mZc3vY0dA=="
            )[:2],
            ("Content-Language", "nl-NL"),
            ("In-Reply-To", message_id(DELIVERY_RECEIPT)),
            ("References", message_id(DELIVERY_RECEIPT)),
        ),
    ),
    # Gmail (our outgoing relay hands some mail to Google): failure, full inbox, delay
    Case(
        "150-bounce-gmail-dsn-adres-niet-gevonden-nl",
        "Mail Delivery Subsystem <mailer-daemon@googlemail.example.com>",
        "Delivery Status Notification (Failure)",
        "** Adres niet gevonden **\n\n"
        "Je bericht is niet afgeleverd bij m.kuipers@example.net omdat het adres niet is"
        " gevonden of geen e-mail kan ontvangen.\n\n"
        "Ga naar https://support.google.example.com/mail/?p=NoSuchUser voor meer"
        " informatie.\n\n"
        "Het antwoord was:\n\n"
        "550 5.1.1 <m.kuipers@example.net>: Recipient address rejected: User unknown in"
        " virtual mailbox table\n",
        layout=dsn(
            "Reporting-MTA: dns; googlemail.example.com\n"
            f"Received-From-MTA: dns; {MAILBOX}\n"
            "Arrival-Date: Mon, 22 Dec 2025 01:00:05 -0800 (PST)\n"
            f"X-Original-Message-ID: {OUR_REPLY_ID}\n\n"
            "Final-Recipient: rfc822; m.kuipers@example.net\nAction: failed\nStatus: 5.1.1\n"
            "Remote-MTA: dns; mx.example.net. (198.51.100.31, the server for the domain"
            " example.net.)\n"
            "Diagnostic-Code: smtp; 550 5.1.1 <m.kuipers@example.net>: Recipient address"
            " rejected: User unknown in virtual mailbox table\n"
            "Last-Attempt-Date: Mon, 22 Dec 2025 01:00:06 -0800 (PST)\n",
            our_reply("m.kuipers@example.net"),
            notice=gmail_notice(
                gmail_html(
                    "Adres niet gevonden",
                    "Je bericht is niet afgeleverd bij <b>m.kuipers@example.net</b> omdat het"
                    " adres niet is gevonden of geen e-mail kan ontvangen.",
                    "https://support.google.example.com/mail/?p=NoSuchUser",
                    "MEER INFORMATIE",
                    "Het antwoord was:",
                    "550 5.1.1 &lt;m.kuipers@example.net&gt;: Recipient address rejected: User"
                    " unknown in virtual mailbox table",
                )
            ),
        ),
        sign=None,
        arrival=at("2025-12-22 10:00:09"),
        sent=at("2025-12-22 01:00:06", PST),
        return_path="",
        headers=(
            *AUTO_REPLIED,
            ("X-Failed-Recipients", "m.kuipers@example.net"),
            ("In-Reply-To", OUR_REPLY_ID),
            ("References", OUR_REPLY_ID),
        ),
    ),
    Case(
        "151-bounce-gmail-dsn-inbox-full-staff-mail",
        "Mail Delivery Subsystem <mailer-daemon@googlemail.example.com>",
        "Delivery Status Notification (Failure)",
        "** Message not delivered **\n\n"
        "Your message couldn't be delivered to noor.haddad@example.com because the recipient's"
        " inbox is full.\n\n"
        "Learn more at https://support.google.example.com/mail/?p=OverQuotaPerm\n\n"
        "The response was:\n\n"
        "552 5.2.2 The recipient's inbox is out of storage space and inactive. Please direct the"
        " recipient to https://support.google.example.com/mail/?p=OverQuotaPerm\n",
        layout=dsn(
            "Reporting-MTA: dns; googlemail.example.com\n"
            f"Received-From-MTA: dns; {MAILBOX}\n"
            "Arrival-Date: Fri, 02 Jan 2026 00:45:35 -0800 (PST)\n"
            f"X-Original-Message-ID: {message_id(CANDIDATE_UPDATE)}\n\n"
            "Final-Recipient: rfc822; noor.haddad@example.com\nAction: failed\nStatus: 5.2.2\n"
            "Remote-MTA: dns; aspmx.l.google.example.com. (203.0.113.27, the server for the"
            " domain example.com.)\n"
            "Diagnostic-Code: smtp; 552-5.2.2 The recipient's inbox is out of storage space and"
            " inactive. 552 5.2.2 Please direct the recipient to"
            " https://support.google.example.com/mail/?p=OverQuotaPerm\n"
            "Last-Attempt-Date: Fri, 02 Jan 2026 00:45:37 -0800 (PST)\n",
            returned_message(CANDIDATE_UPDATE),
            notice=gmail_notice(
                gmail_html(
                    "Message not delivered",
                    "Your message couldn't be delivered to <b>noor.haddad@example.com</b>"
                    " because the recipient's inbox is full.",
                    "https://support.google.example.com/mail/?p=OverQuotaPerm",
                    "LEARN MORE",
                    "The response was:",
                    "552 5.2.2 The recipient's inbox is out of storage space and inactive.",
                )
            ),
        ),
        sign=None,
        arrival=at("2026-01-02 09:45:41"),
        sent=at("2026-01-02 00:45:38", PST),
        return_path="",
        headers=(
            *AUTO_REPLIED,
            ("X-Failed-Recipients", "noor.haddad@example.com"),
            ("In-Reply-To", message_id(CANDIDATE_UPDATE)),
            ("References", message_id(CANDIDATE_UPDATE)),
        ),
    ),
    Case(
        "152-delay-gmail-dsn-delay",
        "Mail Delivery Subsystem <mailer-daemon@googlemail.example.com>",
        "Delivery Status Notification (Delay)",
        "** Delivery incomplete **\n\n"
        "There was a temporary problem delivering your message to f.aydin@example.org. Gmail"
        " will retry for 45 more hours. You'll be notified if the delivery fails"
        " permanently.\n\n"
        "The response was:\n\n"
        "The recipient server did not accept our requests to connect. Learn more at"
        " https://support.google.example.com/mail/answer/7720 [mail.example.org."
        " 203.0.113.57: timed out]\n",
        layout=dsn(
            "Reporting-MTA: dns; googlemail.example.com\n"
            f"Received-From-MTA: dns; {MAILBOX}\n"
            "Arrival-Date: Mon, 22 Dec 2025 01:00:05 -0800 (PST)\n"
            f"X-Original-Message-ID: {OUR_REPLY_ID}\n\n"
            "Final-Recipient: rfc822; f.aydin@example.org\nAction: delayed\nStatus: 4.4.1\n"
            "Diagnostic-Code: smtp; The recipient server did not accept our requests to"
            " connect. Learn more at https://support.google.example.com/mail/answer/7720"
            " [mail.example.org. 203.0.113.57: timed out]\n"
            "Last-Attempt-Date: Mon, 22 Dec 2025 04:02:11 -0800 (PST)\n"
            "Will-Retry-Until: Wed, 24 Dec 2025 01:00:05 -0800 (PST)\n",
            our_reply("f.aydin@example.org"),
            notice=gmail_notice(
                gmail_html(
                    "Delivery incomplete",
                    "There was a temporary problem delivering your message to"
                    " <b>f.aydin@example.org</b>. Gmail will retry for 45 more hours. You'll be"
                    " notified if the delivery fails permanently.",
                    "https://support.google.example.com/mail/answer/7720",
                    "LEARN MORE",
                    "The response was:",
                    "The recipient server did not accept our requests to connect."
                    " [mail.example.org. 203.0.113.57: timed out]",
                )
            ),
        ),
        sign=None,
        arrival=at("2025-12-22 13:02:14"),
        sent=at("2025-12-22 04:02:12", PST),
        return_path="",
        headers=(*AUTO_REPLIED, ("In-Reply-To", OUR_REPLY_ID), ("References", OUR_REPLY_ID)),
    ),
    # Lotus Domino and the Lotus SMTP MTA
    Case(
        "153-bounce-lotus-domino-not-listed-no-original",
        "Postmaster@example.com",
        "DELIVERY FAILURE: User Jan Pieters (j.pieters@example.com) not listed in Domino Directory",
        "Your message\n\n"
        f"  Subject: {REPLY_SUBJECT}\n\n"
        "was not delivered to:\n\n  j.pieters@example.com\n\n"
        "because:\n\n  User Jan Pieters (j.pieters@example.com) not listed in Domino Directory\n",
        sign=None,
        arrival=at("2025-12-22 10:01:45"),
        return_path="",
        headers=(("X-Mailer", "Lotus Domino Release 9.0.1FP10 HF197 (HCL)"),),
    ),
    Case(
        "154-bounce-lotus-domino-mail-router-original-attached",
        "Mail Router <postmaster@notes.example.de>",
        "DELIVERY_FAILURE: Recipient's Domino Directory entry does not specify a valid Notes"
        " mail file",
        "Your message\n\n"
        f"  Subject: {REPLY_SUBJECT}\n\n"
        "was not delivered to:\n\n  k.schulz@notes.example.de\n\n"
        "because:\n\n"
        "  Recipient's Domino Directory entry does not specify a valid Notes mail file\n",
        layout=mixed(our_reply("k.schulz@notes.example.de")),
        sign=None,
        arrival=at("2025-12-22 10:17:30"),
        return_path="",
        headers=(
            (
                "X-MIMETrack",
                "Itemize by Router on DOM01/ExampleDE(Release 12.0.2FP3|"
                "December 19, 2023) at 22.12.2025 10:17:29",
            ),
        ),
    ),
    Case(
        "155-bounce-lotus-smtp-mta-failure-reasons-nl",
        "postmaster@notes.example.nl",
        "Undeliverable message",
        "------- Failure Reasons  --------\n\n"
        "Gebruiker komt niet voor in het openbare Naam- en adresboek\n"
        "e.vanderlinden@notes.example.nl\n\n"
        "------- Returned Message --------\n"
        "Received: from mx1.chassesearch.nl ([198.51.100.219])\n"
        "          by notes.example.nl (Lotus SMTP MTA v4.6.7 (934.1 12-30-1999))"
        " with SMTP id C1258D5A.0031A2F1;\n"
        "          Mon, 22 Dec 2025 10:00:07 +0100\n"
        + OUR_REPLY_HEADERS.format(to="e.vanderlinden@notes.example.nl")
        + OUR_REPLY_BODY,
        sign=None,
        arrival=at("2025-12-22 10:00:13"),
        return_path="",
    ),
    # GroupWise, SMTP32 (IMail) and MDaemon: own formats, the original attached or quoted
    Case(
        "156-bounce-groupwise-message-status-undeliverable",
        "postmaster@gw.example.nl",
        "Message status - undeliverable",
        "The message that you sent was undeliverable to the following:\n"
        "\tk.hermans@gw.example.nl (user not found)\n\n"
        "Possibly truncated original message follows:\n",
        layout=mixed(our_reply("k.hermans@gw.example.nl")),
        sign=None,
        arrival=at("2025-12-22 10:00:16"),
        return_path="",
        headers=(("X-Mailer", "Novell GroupWise Internet Agent 14.2.2"),),
    ),
    Case(
        "157-bounce-smtp32-imail-undeliverable-mail",
        '"Postmaster" <postmaster@example.org>',
        "Undeliverable Mail",
        "Unknown user: r.claes@example.org\n\n\nOriginal message follows.\n\n"
        "Received: from mx1.chassesearch.nl [198.51.100.219] by example.org with ESMTP\n"
        "  (SMTPD-12.5) id 7f3a00012c4d5e61; Mon, 22 Dec 2025 10:00:07 +0100\n"
        + OUR_REPLY_HEADERS.format(to="r.claes@example.org")
        + OUR_REPLY_BODY,
        sign=None,
        arrival=at("2025-12-22 10:00:10"),
        return_path="MAILER-DAEMON",
        headers=(("Sender", "<postmaster@example.org>"), ("X-Mailer", "<SMTP32 v8.22>")),
    ),
    Case(
        "158-bounce-mdaemon-permanent-delivery-failure",
        "MDaemon@mail.example.de",
        "Permanent Delivery Failure",
        "The attached message had PERMANENT fatal delivery errors!\n\n"
        "After one or more unsuccessful delivery attempts the attached message has\n"
        "been removed from the mail queue on this server.  The number and frequency\n"
        "of delivery attempts are determined by local configuration parameters.\n\n"
        "YOUR MESSAGE WAS NOT DELIVERED TO ONE OR MORE RECIPIENTS!\n\n"
        "--- Session Transcript ---\n"
        " Mon 2025-12-22 10:00:41.118: Parsing message <mail.example.de\\pd50000004211.msg>\n"
        " Mon 2025-12-22 10:00:41.120: *  From: info@chassesearch.nl\n"
        " Mon 2025-12-22 10:00:41.120: *  To: t.becker@example.de\n"
        " Mon 2025-12-22 10:00:41.121: *  Subject: Ontvangstbevestiging van uw sollicitatie\n"
        " Mon 2025-12-22 10:00:41.121: *  Message-ID: <reply.0001@chassesearch.nl>\n"
        " Mon 2025-12-22 10:00:41.125: Attempting SMTP connection to [10.0.0.12:25]\n"
        " Mon 2025-12-22 10:00:41.131: Connection established (10.0.0.5:50733 ->"
        " 10.0.0.12:25)\n"
        " Mon 2025-12-22 10:00:41.137: <-- 220 exchange.example.de Microsoft ESMTP MAIL Service"
        " ready\n"
        " Mon 2025-12-22 10:00:41.138: --> EHLO mail.example.de\n"
        " Mon 2025-12-22 10:00:41.142: --> MAIL From:<info@chassesearch.nl> SIZE=2214\n"
        " Mon 2025-12-22 10:00:41.145: <-- 250 2.1.0 Sender OK\n"
        " Mon 2025-12-22 10:00:41.146: --> RCPT To:<t.becker@example.de>\n"
        " Mon 2025-12-22 10:00:41.151: <-- 550 5.1.10 RESOLVER.ADR.RecipientNotFound;"
        " Recipient not found by SMTP address lookup\n"
        " Mon 2025-12-22 10:00:41.152: --> QUIT\n"
        "--- End Transcript ---\n",
        layout=mixed(our_reply("t.becker@example.de")),
        sign=None,
        arrival=at("2025-12-22 10:00:44"),
        return_path="",
        headers=(("X-MDDSN-Message", "Yes"), ("X-MDaemon-Deliver-To", MAILBOX)),
    ),
    # read and non-read receipts (RFC 8098)
    Case(
        "159-read-receipt-outlook-read-en",
        "Nadia Peters <n.peters@example.com>",
        f"Read: {REPLY_SUBJECT}",
        "Your message\n\n  To: Nadia Peters\n"
        f"  Subject: {REPLY_SUBJECT}\n  Sent: {OUTLOOK_SENT_EN}\n\n"
        "was read on Monday, December 22, 2025 11:14:09 AM (UTC+01:00) Amsterdam, Berlin,"
        " Bern, Rome, Stockholm, Vienna.\n",
        layout=mdn(
            exchange_mdn(
                "n.peters@example.com",
                "AM8PR05MB7251.eurprd05.prod.example.com",
                "automatic-action/MDN-sent-automatically; displayed",
                "Nadia Peters",
            )
        ),
        sign=None,
        arrival=at("2025-12-22 11:14:13"),
        headers=(
            *OUTLOOK_HEADERS,
            ("Thread-Topic", REPLY_SUBJECT),
            ("Content-Language", "en-US"),
        ),
    ),
    Case(
        "160-read-receipt-outlook-gelesen-de",
        "Katrin Vogel <k.vogel@example.de>",
        f"Gelesen: {REPLY_SUBJECT}",
        "Ihre Nachricht\n\n  An: Katrin Vogel\n"
        f"  Betreff: {REPLY_SUBJECT}\n"
        "  Gesendet: Montag, 22. Dezember 2025 10:00:02 (UTC+01:00) Amsterdam, Berlin, Bern,"
        " Rom, Stockholm, Wien\n\n"
        "wurde am Dienstag, 23. Dezember 2025 08:47:31 (UTC+01:00) Amsterdam, Berlin, Bern,"
        " Rom, Stockholm, Wien gelesen.\n",
        layout=mdn(
            exchange_mdn(
                "k.vogel@example.de",
                "FR2P281MB0093.DEUP281.PROD.EXAMPLE.COM",
                "automatic-action/MDN-sent-automatically; displayed",
                "Katrin Vogel",
            )
        ),
        sign=None,
        arrival=at("2025-12-23 08:47:36"),
        headers=(
            *OUTLOOK_HEADERS,
            ("Thread-Topic", REPLY_SUBJECT),
            ("Content-Language", "de-DE"),
        ),
    ),
    Case(
        "161-read-receipt-outlook-web-gelezen-nl-html",
        "Joris Kuiper <joris.kuiper@example.nl>",
        f"Gelezen: {REPLY_SUBJECT}",
        "Uw bericht\n\n  Aan: Joris Kuiper\n"
        f"  Onderwerp: {REPLY_SUBJECT}\n"
        "  Verzonden: maandag 22 december 2025 10:00:02 (UTC+01:00) Amsterdam, Berlijn, Bern,"
        " Rome, Stockholm, Wenen\n\n"
        "is gelezen op zaterdag 27 december 2025 21:05:58 (UTC+01:00) Amsterdam, Berlijn, Bern,"
        " Rome, Stockholm, Wenen.\n",
        layout=mdn(
            exchange_mdn(
                "joris.kuiper@example.nl",
                "DB8PR03MB6011.eurprd03.prod.example.com",
                "manual-action/MDN-sent-manually; displayed",
                "Joris Kuiper",
            ),
            notice=lambda case: alternative(case.text, exchange_html(case.text)),
        ),
        sign=None,
        arrival=at("2025-12-27 21:06:02"),
        headers=(("Thread-Topic", REPLY_SUBJECT), ("Content-Language", "nl-NL")),
    ),
    Case(
        "162-read-receipt-thunderbird-return-receipt-en",
        "Will van Dam <w.vandam@example.net>",
        f"Return Receipt (displayed) - {REPLY_SUBJECT}",
        "This is a Return Receipt for the mail that you sent to w.vandam@example.net.\n\n"
        "Note: This Return Receipt only acknowledges that the message was displayed on the"
        " recipient's computer. There is no guarantee that the recipient has read or understood"
        " the message contents.\n",
        layout=mdn(
            mdn_fields(
                "w.vandam@example.net", "laptop-will.fritz.box; Mozilla Thunderbird 128.5.2"
            ),
            our_reply_headers_plain("w.vandam@example.net"),
        ),
        sign=None,
        arrival=at("2025-12-24 09:31:50"),
        headers=(*THUNDERBIRD_HEADERS, ("References", OUR_REPLY_ID)),
    ),
    Case(
        "163-read-receipt-thunderbird-empfangsbestaetigung-de",
        "Lena Hoffmann <lena.hoffmann@example.de>",
        f"Empfangsbestätigung (angezeigt) - {REPLY_SUBJECT}",
        "Dies ist eine Empfangsbestätigung für die Nachricht, die Sie an"
        " lena.hoffmann@example.de gesendet haben.\n\n"
        "Hinweis: Diese Empfangsbestätigung sagt nur aus, dass die Nachricht angezeigt wurde."
        " Es gibt keine Garantie, dass der Inhalt gelesen oder verstanden wurde.\n",
        layout=mdn(
            mdn_fields("lena.hoffmann@example.de", "mail.example.de; Mozilla Thunderbird 128.5.2"),
            our_reply_headers_plain("lena.hoffmann@example.de"),
        ),
        sign=None,
        arrival=at("2026-01-02 19:12:08"),
        headers=(*THUNDERBIRD_HEADERS, *RE_OUR_REPLY),
    ),
    Case(
        "164-not-read-outlook-niet-gelezen-nl",
        "Bas Willemsen <b.willemsen@example.nl>",
        f"Niet gelezen: {REPLY_SUBJECT}",
        "Uw bericht\n\n  Aan: Bas Willemsen\n"
        f"  Onderwerp: {REPLY_SUBJECT}\n"
        "  Verzonden: maandag 22 december 2025 10:00:02 (UTC+01:00) Amsterdam, Berlijn, Bern,"
        " Rome, Stockholm, Wenen\n\n"
        "is verwijderd zonder te zijn gelezen op dinsdag 6 januari 2026 09:12:40 (UTC+01:00)"
        " Amsterdam, Berlijn, Bern, Rome, Stockholm, Wenen.\n",
        layout=mdn(
            exchange_mdn(
                "b.willemsen@example.nl",
                "AM0PR06MB4123.eurprd06.prod.example.com",
                "automatic-action/MDN-sent-automatically; deleted",
                "Bas Willemsen",
            )
        ),
        sign=None,
        arrival=at("2026-01-06 09:12:44"),
        return_path="",
        headers=(
            *OUTLOOK_HEADERS,
            ("Thread-Topic", REPLY_SUBJECT),
            ("Content-Language", "nl-NL"),
        ),
    ),
    Case(
        "165-not-read-exchange-deleted-en",
        "Priya Raman <p.raman@example.com>",
        f"Not read: {REPLY_SUBJECT}",
        "Your message\n\n  To: Priya Raman\n"
        f"  Subject: {REPLY_SUBJECT}\n"
        "  Sent: Monday, December 22, 2025 9:00:02 AM (UTC+00:00) Dublin, Edinburgh, Lisbon,"
        " London\n\n"
        "was deleted without being read on Friday, January 2, 2026 8:30:11 AM (UTC+00:00)"
        " Dublin, Edinburgh, Lisbon, London.\n",
        layout=mdn(
            exchange_mdn(
                "p.raman@example.com",
                "LO2P265MB3345.GBRP265.PROD.EXAMPLE.COM",
                "automatic-action/MDN-sent-automatically; deleted",
                "Priya Raman",
            ),
            notice=lambda case: alternative(case.text, exchange_html(case.text)),
        ),
        sign=None,
        arrival=at("2026-01-02 09:30:15"),
        sent=at("2026-01-02 08:30:12", UTC),
        return_path="",
        headers=(("Thread-Topic", REPLY_SUBJECT), ("Content-Language", "en-GB")),
    ),
    # a success notification (RFC 3461 NOTIFY=SUCCESS), relayed by our own Postfix
    Case(
        "166-relayed-postfix-dsn-success",
        POSTFIX_FROM.format(host="mail.chassesearch.nl"),
        "Successful Mail Delivery Report",
        "This is the mail system at host mail.chassesearch.nl.\n\n"
        "Your message was successfully delivered to the destination(s)\n"
        "listed below. If the message was delivered to mailbox you will\n"
        "receive no further notifications. Otherwise you may still receive\n"
        "notifications of mail delivery errors from other systems.\n\n"
        "                   The mail system\n\n"
        "<lotte.kramer@example.org>: delivery via mx.example.org[198.51.100.23]:25: 250\n"
        "    2.0.0 Ok: queued as 4dcR1x0kZHz7Lm2\n",
        layout=postfix_dsn(
            postfix_status(
                "mail.chassesearch.nl",
                "4dcR0w5NqJz3Vb9",
                "Mon,  5 Jan 2026 08:55:02 +0100 (CET)",
                "Final-Recipient: rfc822; lotte.kramer@example.org\n"
                "Original-Recipient: rfc822;lotte.kramer@example.org\nAction: relayed\n"
                "Status: 2.0.0\nRemote-MTA: dns; mx.example.org\n"
                "Diagnostic-Code: smtp; 250 2.0.0 Ok: queued as 4dcR1x0kZHz7Lm2\n",
            ),
            returned_headers(SUCCESS_POSTFIX, description="Message Headers"),
        ),
        sign=None,
        arrival=at("2026-01-05 08:55:05"),
        return_path="",
        headers=AUTO_REPLIED,
    ),
    # feedback reports (RFC 5965 ARF, RFC 6591 authentication failures), a DMARC aggregate
    Case(
        "167-arf-abuse-report-our-reply",
        "Feedback Loop <fbl@fbl.example.net>",
        "complaint about message from 198.51.100.219",
        "This is an email abuse report for an email message received from IP 198.51.100.219 on"
        f" {OUR_ARRIVAL}.\n"
        "For more information about this format please see https://www.example.net/arf/ .\n",
        layout=dsn(
            "Feedback-Type: abuse\nUser-Agent: ExampleFBL/2.4\nVersion: 1\n"
            f"Original-Mail-From: <{MAILBOX}>\n"
            "Original-Rcpt-To: <xxxxxxxx@example.net>\n"
            f"Arrival-Date: {OUR_ARRIVAL}\n"
            "Reporting-MTA: dns; fbl.example.net\nSource-IP: 198.51.100.219\n"
            "Reported-Domain: chassesearch.nl\n"
            "Authentication-Results: mx.example.net; dkim=pass header.d=chassesearch.nl;\n"
            " spf=pass smtp.mailfrom=chassesearch.nl\n",
            our_reply("xxxxxxxx@example.net"),
            report_type="feedback-report",
            status_type="message/feedback-report",
        ),
        sign=None,
        arrival=at("2025-12-22 18:40:27"),
        return_path="fbl@fbl.example.net",
    ),
    Case(
        "168-arf-dmarc-failure-report-spoofed-pdf",
        "DMARC Failure Reports <dmarc-ruf@mx.example.org>",
        "FAILURE REPORT for chassesearch.nl from 203.0.113.77",
        "This is an authentication failure report for an email message received from IP\n"
        "203.0.113.77 on Fri, 26 Dec 2025 03:14:05 +0100.\n",
        layout=dsn(
            "Feedback-Type: auth-failure\nUser-Agent: ExampleDMARC/3.1\nVersion: 1\n"
            "Original-Envelope-Id: 4dW1kZ3hTjz9sJq\n"
            f"Original-Mail-From: {MAILBOX}\n"
            "Arrival-Date: Fri, 26 Dec 2025 03:14:05 +0100\n"
            "Source-IP: 203.0.113.77\nReported-Domain: chassesearch.nl\n"
            "Delivery-Result: spam\n"
            "Authentication-Results: mx.example.org; dmarc=fail (p=quarantine dis=quarantine)\n"
            " header.from=chassesearch.nl\n"
            "Auth-Failure: dmarc\nIdentity-Alignment: none\n",
            returned_message(PHISH),
            report_type="feedback-report",
            status_type="message/feedback-report",
        ),
        sign=None,
        arrival=at("2025-12-26 03:20:11"),
        return_path="",
    ),
    Case(
        "169-report-dmarc-aggregate-zip",
        "noreply-dmarc-support@google.example.com",
        "Report domain: chassesearch.nl Submitter: google.example.com Report-ID:"
        " 4471923305518828813",
        "",
        (File(f"{DMARC_ZIP}.zip", zip_archive((f"{DMARC_ZIP}.xml", DMARC_XML.encode()))),),
        sign=None,
        arrival=at("2025-12-23 08:59:12"),
        return_path="noreply-dmarc-support@google.example.com",
    ),
    # backscatter: spam that forged our address, returned to us
    Case(
        "170-bounce-backscatter-forged-spam",
        MS_OUTLOOK.format(domain="example.org"),
        "Undeliverable: Uw pakket kon niet worden bezorgd",
        "Delivery has failed to these recipients or groups:\n\n"
        "k.dewit@example.org\n"
        "The email address you entered couldn't be found. Please check the recipient's email"
        " address and try to resend the message. If the problem continues, please contact your"
        " helpdesk.\n\n"
        "Diagnostic information for administrators:\n\n"
        "Generating server: MAIL01.example.org\n\n"
        "k.dewit@example.org\n"
        "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found"
        " by SMTP address lookup'\n\n"
        "Original message headers:\n\n" + envelope(SPAM, delivered=False).decode(),
        layout=dsn(
            "Reporting-MTA: dns;MAIL01.example.org\n"
            "Received-From-MTA: dns;bulk-203-0-113-9.example.net\n"
            "Arrival-Date: Sun, 4 Jan 2026 02:12:33 +0000\n\n"
            "Original-Recipient: rfc822;k.dewit@example.org\n"
            "Final-Recipient: rfc822;k.dewit@example.org\nAction: failed\nStatus: 5.1.10\n"
            "Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not"
            " found by SMTP address lookup\n",
            returned_message(SPAM),
            notice=lambda case: alternative(case.text, exchange_html(case.text)),
        ),
        sign=None,
        arrival=at("2026-01-04 03:12:40"),
        sent=at("2026-01-04 02:12:36", UTC),
        return_path="",
        headers=(
            *m365_headers(
                "en-US", "Uw pakket kon niet worden bezorgd", "AQHcfRk2Qm8pT3xY0b1WcN5rL7dE9g=="
            )[:4],
            ("X-Spam-Flag", "YES"),
            (
                "X-Spam-Status",
                "Yes, score=6.4 required=5.0 tests=ANY_BOUNCE_MESSAGE,\n"
                "\tBOUNCE_MESSAGE,RDNS_NONE,URIBL_ABUSE_SURBL autolearn=no version=4.0.1",
            ),
        ),
    ),
    # before the window and after closing: machine mail stays machine mail
    Case(
        "171-bounce-before-the-window-m365-staff-mail",
        MS_OUTLOOK.format(domain="example.nl"),
        "Onbestelbaar: Concept vacaturetekst PAD IPO",
        M365_EARLY,
        layout=dsn(
            m365_status(
                "AM9PR04MB8210.eurprd04.prod.example.com",
                "secretariaat@example.nl",
                "5.7.1",
                "550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized",
                "Thu, 4 Dec 2025 13:05:54 +0000",
            ),
            returned_message(PUBLICATION),
            notice=with_html(M365_EARLY_HTML),
        ),
        sign=None,
        arrival=at("2025-12-04 14:05:58"),
        sent=at("2025-12-04 13:05:56", UTC),
        return_path="",
        headers=(
            *m365_headers(
                "nl-NL", "Concept vacaturetekst PAD IPO", "AQHcZQk1Vb3tR8nY0wL2pM5qXz7cAg=="
            ),
            ("In-Reply-To", message_id(PUBLICATION)),
            ("References", message_id(PUBLICATION)),
        ),
    ),
    Case(
        "172-bounce-before-the-window-qmail-staff-mail",
        "MAILER-DAEMON@mail.vanleeuwen.example.net",
        "failure notice",
        QMAIL_HELLO.format(host="mail.vanleeuwen.example.net")
        + "<erik@vanleeuwen.example.net>:\nSorry, the user's mailbox is full. (#5.2.2)\n\n"
        + QMAIL_COPY
        + f"Return-Path: <{MAILBOX}>\n"
        "Received: (qmail 30218 invoked from network); 11 Dec 2025 09:02:19 -0000\n"
        "Received: from mail.chassesearch.nl (203.0.113.94)\n"
        "  by mail.vanleeuwen.example.net with SMTP; 11 Dec 2025 09:02:19 -0000\n"
        + sent_bytes(NETWORK_MAIL).decode(),
        sign=None,
        arrival=at("2025-12-11 10:02:22"),
        sent=at("2025-12-11 09:02:20", UTC),
        return_path="",
    ),
    Case(
        "173-bounce-after-closing-exim-dsn-staff-mail",
        "Mail Delivery System <Mailer-Daemon@smarthost.example.org>",
        "Mail delivery failed: returning message to sender",
        EXIM_INTRO + "  ruben.dijkstra@example.org\n"
        "    host mx.example.org [198.51.100.23]\n"
        "    SMTP error from remote mail server after RCPT TO:<ruben.dijkstra@example.org>:\n"
        "    550 5.1.1 <ruben.dijkstra@example.org>: Recipient address rejected: User"
        " unknown\n",
        layout=dsn(
            "Reporting-MTA: dns; smarthost.example.org\n\n"
            "Action: failed\nFinal-Recipient: rfc822;ruben.dijkstra@example.org\n"
            "Status: 5.0.0\nRemote-MTA: dns; mx.example.org\n"
            "Diagnostic-Code: smtp; 550 5.1.1 <ruben.dijkstra@example.org>: Recipient address"
            " rejected: User unknown\n",
            returned_message(CLOSING_NOTICE),
        ),
        sign=None,
        arrival=at("2026-01-12 09:20:51"),
        return_path="",
        headers=(*AUTO_REPLIED, ("X-Failed-Recipients", "ruben.dijkstra@example.org")),
    ),
    Case(
        "174-delay-after-closing-postfix-dsn-staff-mail",
        POSTFIX_FROM.format(host="mail.chassesearch.nl"),
        "Delayed Mail (still being retried)",
        "This is the mail system at host mail.chassesearch.nl.\n\n"
        "####################################################################\n"
        "# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n"
        "####################################################################\n\n"
        "Your message could not be delivered for more than 4 hour(s).\n"
        "It will be retried until it is 5 day(s) old.\n\n"
        "For further assistance, please send mail to postmaster.\n\n"
        "If you do so, please include this problem report. You can\n"
        "delete your own text from the attached returned message.\n\n"
        "                   The mail system\n\n"
        "<h.bosman@example.nl>: connect to mx.example.nl[203.0.113.19]:25: Connection\n"
        "    timed out\n",
        layout=postfix_dsn(
            postfix_status(
                "mail.chassesearch.nl",
                "4dgT2s6YhWz5Kc1",
                "Tue, 13 Jan 2026 17:10:26 +0100 (CET)",
                "Final-Recipient: rfc822; h.bosman@example.nl\n"
                "Original-Recipient: rfc822;h.bosman@example.nl\nAction: delayed\n"
                "Status: 4.4.1\n"
                "Diagnostic-Code: X-Postfix; connect to mx.example.nl[203.0.113.19]:25:\n"
                "    Connection timed out\n"
                "Will-Retry-Until: Sun, 18 Jan 2026 17:10:26 +0100 (CET)\n",
            ),
            returned_headers(MEETING_NOTES, description="Undelivered Message Headers"),
        ),
        sign=None,
        arrival=at("2026-01-13 21:17:03"),
        return_path="",
        headers=AUTO_REPLIED,
    ),
)


def _dated(case: Case) -> Case:
    """Machine mail leaves seconds before it arrives, not the builders' default 11 seconds
    (which would date a bounce before the message it returns)."""
    return case if case.sent else replace(case, sent=case.arrived - timedelta(seconds=3))


CASES: tuple[Case, ...] = tuple(_dated(case) for case in _CASES)
