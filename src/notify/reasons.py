"""Reason codes in plain words for the selection committee, in Dutch and English.

The committee reads about an applicant, not to them: "Word document instead
of PDF", where the reply to the applicant says "You sent a Word file". The
replies' own wording lives in the templates (`_common.j2`). Every
`parse.Reason` has an entry; a stored code without one (written by an older
version) is shown as itself rather than dropped.
"""

from collections.abc import Iterable, Mapping
from typing import Literal

from parse import Reason

Language = Literal["nl", "en"]

# code: (Dutch, English)
_WORDING: Mapping[str, tuple[str, str]] = {
    # What was wrong with an application's documents.
    Reason.NO_PDF: ("geen pdf-bestand ontvangen", "no PDF file received"),
    Reason.ONE_PDF: (
        "maar één pdf-bestand ontvangen (brief en cv nodig)",
        "only one PDF file received (letter and CV needed)",
    ),
    Reason.TOO_MANY_PDFS: ("meer dan twee pdf-bestanden", "more than two PDF files"),
    Reason.DUPLICATE_DOCUMENT: ("hetzelfde bestand twee keer", "the same file attached twice"),
    Reason.NOT_A_PDF: ("bestand heet .pdf maar is geen pdf", "a file named .pdf is not a PDF"),
    Reason.WORD_DOCUMENT: ("Word-bestand in plaats van pdf", "Word document instead of PDF"),
    Reason.IMAGE_INSTEAD_OF_PDF: ("afbeelding in plaats van pdf", "image instead of PDF"),
    Reason.ARCHIVE: (
        "zip- of ander archiefbestand in plaats van pdf",
        "zip or other archive instead of PDF",
    ),
    Reason.WINMAIL_DAT: (
        "bijlagen verpakt in winmail.dat (Outlook)",
        "attachments packed into winmail.dat (Outlook)",
    ),
    Reason.ENCRYPTED: ("pdf met een wachtwoord beveiligd", "PDF protected by a password"),
    Reason.UNREADABLE: ("pdf beschadigd of onleesbaar", "PDF damaged or unreadable"),
    Reason.TOO_LARGE: (
        "bericht of bestand te groot om te lezen",
        "message or file too large to read",
    ),
    Reason.LINK_INSTEAD_OF_ATTACHMENT: (
        "downloadlink in plaats van bijlagen",
        "download link instead of attachments",
    ),
    Reason.UNPARSABLE_MESSAGE: (
        "bericht onleesbaar opgebouwd, bijlagen niet te zien",
        "message could not be read, attachments not visible",
    ),
    # Why a message is not an application on time.
    Reason.AFTER_CLOSING: ("ontvangen na de sluitingstermijn", "received after the closing date"),
    Reason.NO_VACANCY: ("niet aan een vacature toe te wijzen", "not matched to any vacancy"),
    # Mail that a machine sent.
    Reason.BOUNCE: ("onbestelbaar-melding", "bounce (undeliverable mail notice)"),
    Reason.AUTO_REPLY: (
        "automatisch antwoord, zoals een afwezigheidsmelding",
        "automatic reply, such as out of office",
    ),
    Reason.BULK: ("massamail of nieuwsbrief", "bulk mail or newsletter"),
    Reason.AUTO_GENERATED: ("automatisch verstuurd bericht", "automatically generated message"),
}


def reason_text(code: str, language: Language) -> str:
    """The plain words for `code`, or the code itself when it has none."""
    wording = _WORDING.get(code)
    if wording is None:
        return code
    return wording[0] if language == "nl" else wording[1]


def reasons_text(codes: Iterable[str], language: Language) -> str:
    """ "geen pdf-bestand ontvangen; Word-bestand in plaats van pdf", in the codes' order."""
    return "; ".join(reason_text(code, language) for code in codes)
