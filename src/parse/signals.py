"""Signals read from headers and text: machine mail, applying, language."""

import re
from email.message import Message

from parse.mime import Mail, header_text

_MACHINE_SENDERS = ("mailer-daemon@", "postmaster@")
_BULK_PRECEDENCE = frozenset({"bulk", "junk", "list", "auto_reply"})
_AUTO_REPLY_SUBJECTS = re.compile(
    r"^\s*(automatisch antwoord|automatic reply|autoreply|auto-reply|out of office|"
    r"afwezigheidsbericht|niet aanwezig|abwesenheitsnotiz)\b",
    re.IGNORECASE,
)
_APPLYING = re.compile(
    r"\b(sollicit\w*|motivatie\w*|cv|c\.v\.|curriculum|levensloop|"
    r"appl(y|ying|ied|ication)|cover letter|r[eé]sum[eé])\b",
    re.IGNORECASE,
)
_QUOTE_INTRO = re.compile(
    r"^\s*(on\b.{0,200}\bwrote:|op\b.{0,200}\bschreef\b|-{2,}\s*(original message|"
    r"oorspronkelijk bericht)\s*-{2,}|(from|van):.{0,200}\n\s*(sent|verzonden):)",
    re.IGNORECASE | re.MULTILINE,
)
_DUTCH_WORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "van",
        "ik",
        "je",
        "u",
        "is",
        "dat",
        "niet",
        "met",
        "voor",
        "op",
        "zijn",
        "graag",
        "mijn",
        "wij",
        "ook",
        "maar",
        "naar",
        "bij",
        "deze",
        "hierbij",
        "vraag",
        "over",
        "functie",
        "vriendelijke",
        "groet",
    ]
)
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "of",
        "i",
        "you",
        "is",
        "that",
        "not",
        "with",
        "for",
        "on",
        "are",
        "my",
        "we",
        "also",
        "but",
        "to",
        "at",
        "this",
        "please",
        "question",
        "about",
        "role",
        "regards",
        "dear",
        "kind",
        "would",
        "could",
    ]
)


def machine_kind(mail: Mail) -> str | None:
    """ "bounce", "auto_reply" or "bulk" when a machine sent this, else None."""
    message = mail.message
    sender = mail.sender.address if mail.sender else ""
    if (
        message.get_content_type() == "multipart/report"
        or sender.startswith(_MACHINE_SENDERS)
        or _has(message, "X-Failed-Recipients")
    ):
        return "bounce"
    auto_submitted = header_text(message, "Auto-Submitted").lower()
    if (
        (auto_submitted and auto_submitted != "no")
        or _has(message, "X-Autoreply")
        or _has(message, "X-Autorespond")
        or _AUTO_REPLY_SUBJECTS.match(mail.subject)
    ):
        return "auto_reply"
    precedence = header_text(message, "Precedence").lower()
    if (
        precedence in _BULK_PRECEDENCE
        or _has(message, "List-Id")
        or _has(message, "List-Unsubscribe")
    ):
        return "bulk"
    return None


def speaks_of_applying(mail: Mail) -> bool:
    """The subject or text talks about applying, attachments or not."""
    return bool(_APPLYING.search(mail.subject) or _APPLYING.search(mail.body_text))


def own_text(text: str) -> str:
    """The sender's own words: quoted lines and everything after an
    "On … wrote:" / "Op … schreef" line are someone else's (often ours)."""
    own = _QUOTE_INTRO.split(text, maxsplit=1)[0]
    return "\n".join(line for line in own.splitlines() if not line.lstrip().startswith(">"))


def language_of(text: str) -> str:
    """English when its function words outnumber Dutch ones, else Dutch ("en"/"nl").

    Only the sender's own words count (`own_text`).
    """
    words = re.findall(r"[a-z]+", own_text(text).lower())
    english = sum(word in _ENGLISH_WORDS for word in words)
    dutch = sum(word in _DUTCH_WORDS for word in words)
    return "en" if english > dutch else "nl"


def _has(message: Message, name: str) -> bool:
    return bool(header_text(message, name))
