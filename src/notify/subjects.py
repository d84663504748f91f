"""The subject of a reply that continues the applicant's own conversation.

A resubmit request and a question acknowledgement answer something the
applicant will act on or wait for, so they belong in the applicant's
thread, and only "Re: <their subject>" puts them there everywhere: Gmail
groups a conversation only when the subject (without prefixes) matches as
well as the References, and Outlook's conversation view keys on the
subject too. The confirmation and the closed notice keep their template
subjects: each is a record the applicant keeps and finds again by its
reference number or the vacancy's title.

Mail clients prefix their own words ("RE:", "Antw:", "AW:", "Doorst:") and
chain them, so every prefix is stripped before exactly one "Re: " is added.
"""

import re

from notify.reply import ReplyKind

THREADED_KINDS = frozenset({ReplyKind.QUESTION_ACK, ReplyKind.RESUBMIT_REQUEST})

# Reply and forward prefixes of English, Dutch and German clients, with
# counters ("Re[2]:", "RE(3):") and the full-width colon some clients write.
_PREFIXES = re.compile(
    r"^(?:\s*(?:re|aw|antw|fwd?|doorst|wg)\s*(?:\[\d+\]|\(\d+\))?\s*[:\uff1a])+",
    re.IGNORECASE,
)


def base_subject(subject: str) -> str:
    """The subject without reply/forward prefixes, on one line.

    Every run of whitespace, CR and LF included, becomes one space, so the
    result can never start a new header line.
    """
    return _PREFIXES.sub("", " ".join(subject.split())).strip()


def thread_subject(kind: ReplyKind, original: str) -> str | None:
    """ "Re: <original>" for kinds that continue the thread; None for the others,
    and when the original had no subject to continue (the template's applies)."""
    base = base_subject(original)
    return f"Re: {base}" if kind in THREADED_KINDS and base else None
