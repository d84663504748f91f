"""Guess which PDF is the motivation letter and which the CV.

Only ever shown to people; never a reason to reject. The cue that decided is
kept so a recruiter can see why ("name: cv", "text: werkervaring").
"""

import re
from dataclasses import replace

from parse.analysis import Attachment, FileKind

LETTER = "letter"
CV = "cv"

_NAME_CUES = (
    (CV, re.compile(r"(?<![a-z])(cv|c\.v|curriculum|vitae|levensloop|resume|résumé)(?![a-z])")),
    (LETTER, re.compile(r"(motivatie|sollicitatie|brief|cover|letter|motivation)")),
)
_TEXT_CUES = (
    (CV, re.compile(r"\b(werkervaring|opleidingen?|nevenfuncties|work experience|education)\b")),
    (LETTER, re.compile(r"\b(geachte|met vriendelijke groet|dear|yours sincerely|kind regards)\b")),
)


def guess_roles(attachments: tuple[Attachment, ...]) -> tuple[Attachment, ...]:
    """Return the attachments with `role`/`role_cue` filled in for PDFs."""
    guessed = tuple(_guess(a) if a.kind is FileKind.PDF else a for a in attachments)
    pdfs = [a for a in guessed if a.kind is FileKind.PDF]
    if len(pdfs) == 2:
        known = [a.role for a in pdfs if a.role]
        if len(known) == 1:
            other = CV if known[0] == LETTER else LETTER
            guessed = tuple(
                replace(a, role=other, role_cue="elimination")
                if a.kind is FileKind.PDF and not a.role
                else a
                for a in guessed
            )
    return guessed


def _guess(attachment: Attachment) -> Attachment:
    name = attachment.filename.casefold()
    for role, pattern in _NAME_CUES:
        match = pattern.search(name)
        if match:
            return replace(attachment, role=role, role_cue=f"name: {match.group(1)}")
    text = attachment.pdf.text.casefold()[:4000] if attachment.pdf else ""
    for role, pattern in _TEXT_CUES:
        match = pattern.search(text)
        if match:
            return replace(attachment, role=role, role_cue=f"text: {match.group(1)}")
    return attachment
