"""Signals read from what a person wrote: applying, asking, language."""

import re

from parse.mime import Mail

_APPLYING = re.compile(
    r"\b(sollicit\w*|motivatie\w*|cv|c\.v\.|curriculum|levensloop|"
    r"appl(y|ying|ied|ication)|cover letter|r[eé]sum[eé])\b",
    re.IGNORECASE,
)
_QUOTE_INTRO = re.compile(
    r"^\s*(on\b.{0,200}\bwrote:|op\b.{0,200}\bschreef\b|am\b.{0,200}\bschrieb\b|"
    r"le\b.{0,200}\ba [ée]crit|-{2,}\s*(original message|oorspronkelijk bericht|"
    r"urspr(ü|ue)ngliche nachricht|message d'origine)\s*-{2,}|"
    r"(from|van|von|de):.{0,200}\n\s*(sent|verzonden|gesendet|envoy[ée]):)",
    re.IGNORECASE | re.MULTILINE,
)
# Where the sender's own words end: the closing formula, RFC 3676's "-- " line,
# or a mail app's footer. What follows (signature, disclaimer) asks nothing.
_SIGN_OFF = re.compile(
    r"^\s*(-- ?|met vriendelijke groet(en)?|vriendelijke groet(en)?|hartelijke groet(en)?|"
    r"(met )?(een )?(hartelijke |vriendelijke )?groet(en|jes)?|mvg|m\.vr\.gr\.|"
    r"(kind|best|warm|with kind) regards|regards|best wishes|(yours )?sincerely|"
    r"yours faithfully|mit freundlichen gr(ü|ue)(ß|ss)en|(viele|beste|liebe) gr(ü|ue)(ß|ss)e|"
    r"cordialement|bien (à|a) vous|sent from my \w+|verzonden (vanaf|met) mijn \w+|"
    r"von meinem \w+ gesendet)[,.!]?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_URL = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)
_QUESTION_MARKS = ("?", "\uff1f", "\u00bf")  # ASCII, full-width, inverted
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


def speaks_of_applying(mail: Mail) -> bool:
    """The subject or text talks about applying, attachments or not."""
    return bool(_APPLYING.search(mail.subject) or _APPLYING.search(mail.body_text))


def asks_question(mail: Mail) -> bool:
    """A question mark in the subject, or in the sender's own words: quotes,
    signature and links (whose query strings carry "?") left out."""
    return _has_question_mark(mail.subject) or _has_question_mark(own_words(mail.body_text))


def own_words(text: str) -> str:
    """`own_text` up to the sign-off: what the sender wrote for this message."""
    return _SIGN_OFF.split(own_text(text), maxsplit=1)[0]


def _has_question_mark(text: str) -> bool:
    bare = _URL.sub(" ", text)
    return any(mark in bare for mark in _QUESTION_MARKS)


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
