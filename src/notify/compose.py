"""Turn a rendered reply into RFC 5322 bytes with the headers DESIGN §6 asks for."""

from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from notify.reply import Mailbox, Reply
from notify.templates import RenderedReply

_CONTROL = dict.fromkeys(range(32), " ")


def compose(
    reply: Reply, rendered: RenderedReply, sender: Mailbox, message_id: str, date: datetime
) -> bytes:
    """Build the message; every header value from inbound data is cleaned first.

    Inbound names and subjects pass through `_clean`, which turns CR, LF and
    other control characters into spaces, so nothing an applicant writes can
    add a header.
    """
    assert reply.to is not None
    message = EmailMessage(policy=SMTP)
    message["From"] = Address(_clean(sender.name), addr_spec=sender.address)
    message["To"] = Address(_clean(reply.to.name), addr_spec=reply.to.address)
    message["Subject"] = _clean(rendered.subject)
    message["Date"] = format_datetime(date)
    message["Message-ID"] = message_id
    if reply.in_reply_to:
        message["In-Reply-To"] = _clean(reply.in_reply_to)
    if reply.references:
        message["References"] = _clean(" ".join(reply.references))
    message["Auto-Submitted"] = "auto-replied"
    message["X-Auto-Response-Suppress"] = "All"
    message.set_content(rendered.text)
    message.add_alternative(rendered.html, subtype="html")
    message["Content-Language"] = reply.language
    return message.as_bytes()


def _clean(value: str) -> str:
    return " ".join(value.translate(_CONTROL).split())
