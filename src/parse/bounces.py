"""Bounces in every format, and which of our messages each one reports.

RFC 3464 reports say what failed in a status part. The older formats that
many servers still send (qmail, Exim, Postfix, Sendmail, Exchange, Lotus
Notes, GroupWise...) are recognised by GNU Mailman's bounce detectors
(`flufl.bounce`), which also tell a permanent failure from a delay.
"""

import logging
import re
from dataclasses import dataclass
from email.message import Message

from flufl.bounce import BounceDetector
from flufl.bounce._scan import _DETECTORS

from parse.headers import header_text
from parse.mime import Mail

log = logging.getLogger("mailroom.parse")

_MESSAGE_ID_LINE = re.compile(r"^\s*message-id:\s*(<[^>\s]+>)", re.IGNORECASE | re.MULTILINE)
# The detectors read every line of the body; bounces are small, so larger
# messages are not read (a report still shows in its headers).
MAX_SCANNED_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class BounceScan:
    """What the detectors found: failures that will not heal, and delays."""

    permanent: bool = False
    temporary: bool = False

    @property
    def found(self) -> bool:
        return self.permanent or self.temporary


def scan_for_bounce(message: Message, size: int) -> BounceScan:
    """Run the detectors in the library's order; the first that finds failures decides.

    The library's own loop (`all_failures`) stops at the first detector that
    raises, and some raise on ordinary input (a message without `From`, an
    unencodable host name), which would hide what later ones find; so each
    detector runs on its own and one that trips finds nothing.
    """
    if size > MAX_SCANNED_BYTES:
        return BounceScan()
    for detector in _DETECTORS:
        temporary, permanent = _run(detector(), message)
        if temporary or permanent:
            return BounceScan(permanent=bool(permanent), temporary=bool(temporary))
    return BounceScan()


def _run(detector: BounceDetector, message: Message) -> tuple[frozenset[bytes], frozenset[bytes]]:
    try:
        return detector.process(message)
    except Exception as exc:  # heuristics written for well-formed mail
        log.debug("bounce detector %s gave up: %s", type(detector).__name__, type(exc).__name__)
        return frozenset(), frozenset()


def bounced_ids(mail: Mail, scan: BounceScan) -> tuple[str, ...]:
    """Message-IDs of the mail that bounced: from the report's header part, an
    attached original, or, for plain-text bounces, a quoted Message-ID line.

    Read receipts, abuse and DMARC reports, delay warnings and other
    temporary failures name a message that was delivered or is still on its
    way, so they name none.
    """
    message = mail.message
    report_type = str(message.get_param("report-type", header="content-type") or "").lower()
    if report_type in ("disposition-notification", "feedback-report"):
        return ()  # a receipt, or a complaint about mail that was delivered
    actions = mail.delivery_actions
    if actions and not any(action == "failed" for action, _, _ in actions):
        return ()
    if not actions and scan.temporary and not scan.permanent:
        return ()
    found = list(mail.report_message_ids)
    for attached in mail.forwarded:
        inner_id = header_text(attached, "Message-ID")
        if inner_id:
            found.append(inner_id)
    if not found:
        found = _MESSAGE_ID_LINE.findall(mail.body_text)
    return tuple(dict.fromkeys(found))


def bounce_detail(mail: Mail) -> str:
    """The report's status code and failed recipient, e.g. "5.1.1 k@example.com"."""
    failed = [(status, who) for action, status, who in mail.delivery_actions if action == "failed"]
    return " ".join(failed[0]).strip() if failed else "delivery failed"
