"""Reason codes in plain words for the selection committee, in Dutch and English.

The committee reads about an applicant, not to them: "Word document instead
of PDF", where the reply to the applicant says "You sent a Word file". The
replies' own wording lives in the templates (`_common.j2`). Every code the
parser can give a message has an entry; a code without one is shown as
itself rather than dropped, so nothing the parser said is hidden.
"""

from collections.abc import Iterable, Mapping
from typing import Literal

Language = Literal["nl", "en"]

# code: (Dutch, English)
_WORDING: Mapping[str, tuple[str, str]] = {
    # What was wrong with an application's documents.
    "no_pdf": ("geen pdf-bestand ontvangen", "no PDF file received"),
    "one_pdf": (
        "maar één pdf-bestand ontvangen (brief en cv nodig)",
        "only one PDF file received (letter and CV needed)",
    ),
    "too_many_pdfs": ("meer dan twee pdf-bestanden", "more than two PDF files"),
    "duplicate_document": ("hetzelfde bestand twee keer", "the same file attached twice"),
    "not_a_pdf": ("bestand heet .pdf maar is geen pdf", "a file named .pdf is not a PDF"),
    "word_document": ("Word-bestand in plaats van pdf", "Word document instead of PDF"),
    "image_instead_of_pdf": ("afbeelding in plaats van pdf", "image instead of PDF"),
    "archive": (
        "zip- of ander archiefbestand in plaats van pdf",
        "zip or other archive instead of PDF",
    ),
    "winmail_dat": (
        "bijlagen verpakt in winmail.dat (Outlook)",
        "attachments packed into winmail.dat (Outlook)",
    ),
    "encrypted": ("pdf met een wachtwoord beveiligd", "PDF protected by a password"),
    "unreadable": ("pdf beschadigd of onleesbaar", "PDF damaged or unreadable"),
    "too_large": ("bericht of bestand te groot om te lezen", "message or file too large to read"),
    "link_instead_of_attachment": (
        "downloadlink in plaats van bijlagen",
        "download link instead of attachments",
    ),
    "unparsable_message": (
        "bericht onleesbaar opgebouwd, bijlagen niet te zien",
        "message could not be read, attachments not visible",
    ),
    # Why a message is not an application on time.
    "after_closing": ("ontvangen na de sluitingstermijn", "received after the closing date"),
    "no_vacancy": ("niet aan een vacature toe te wijzen", "not matched to any vacancy"),
    # Mail that a machine sent.
    "bounce": ("onbestelbaar-melding", "bounce (undeliverable mail notice)"),
    "auto_reply": (
        "automatisch antwoord, zoals een afwezigheidsmelding",
        "automatic reply, such as out of office",
    ),
    "bulk": ("massamail of nieuwsbrief", "bulk mail or newsletter"),
    "auto_generated": ("automatisch verstuurd bericht", "automatically generated message"),
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
