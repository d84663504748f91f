"""Mail our own staff forwarded: judged as the applicant's original message.

A recruiter who forwards an application (as an attachment, or inline with a
"Van:/From:" block) is not the applicant; the inner sender is. Nobody gets
an automatic reply for such mail.
"""

import re
from email.utils import getaddresses

from parse.analysis import Address
from parse.mime import Mail, mail_from_message

_FORWARD_MARKER = re.compile(
    r"(-{2,}\s*(forwarded message|doorgestuurd bericht|original message|oorspronkelijk bericht)"
    r"\s*-{2,}|^begin (forwarded message|doorgestuurd bericht):|^_{10,}\s*$)",
    re.IGNORECASE | re.MULTILINE,
)
_FROM_LINE = re.compile(r"^\s*(?:from|van)\s*:\s*(.+)$", re.IGNORECASE | re.MULTILINE)
_MAILTO = re.compile(r"\[mailto:([^\]\s]+)\]", re.IGNORECASE)


def is_from_staff(mail: Mail, own_domains: frozenset[str]) -> bool:
    sender = mail.sender.address if mail.sender else ""
    return sender.rpartition("@")[2] in own_domains


def unwrap_staff_forward(mail: Mail, own_domains: frozenset[str]) -> Mail | None:
    """The message to judge instead of `mail`, when staff forwarded one; else None."""
    if not is_from_staff(mail, own_domains):
        return None
    for attached in mail.forwarded:
        try:
            inner = mail_from_message(attached)
        except Exception:  # noqa: S112 - an attached message as hostile as a top-level one
            continue
        if inner.sender and not is_from_staff(inner, own_domains):
            return inner
    sender = _inline_sender(mail.body_text)
    if sender is None:
        return None
    return Mail(
        message=mail.message,
        sender=sender,
        recipients=mail.recipients,
        subject=mail.subject,
        body_text=mail.body_text,
        parts=mail.parts,
        report_message_ids=(),
        malformed=mail.malformed,
        links=mail.links,
    )


def _inline_sender(body: str) -> Address | None:
    """The first "Van:/From:" line after a forward marker, as an address."""
    marker = _FORWARD_MARKER.search(body)
    if marker is None:
        return None
    line = _FROM_LINE.search(body, marker.end())
    if line is None:
        return None
    # Outlook writes "Name [mailto:address]"; others "Name <address>" or the bare address.
    text = _MAILTO.sub(r"<\1>", line.group(1))
    for name, address in getaddresses([text]):
        if "@" in address:
            return Address(name.strip(), address.lower())
    return None
