"""Machine mail: the signals that say a program, not a person, sent a message.

Each signal has a name, recorded as the reason a reply is held back, and
a kind, which becomes the `automated` verdict's reason when the message
carries no application documents. The signals follow RFC 3834 (automatic
responses), RFC 2369/2919 (list headers), RFC 3464/6522 (reports) and
RFC 5321 (the null reverse-path), plus what real auto-responders, list
servers and mail filters write.

Two signals have no kind: they hold a reply back but never make a
person's question machine mail. `X-Auto-Response-Suppress` asks for no
automatic answer (Exchange writes it on mail people send too), and mail
that does not name us among its recipients was not written to us.
"""

import re
from dataclasses import dataclass
from email.message import Message
from enum import StrEnum

from parse.addresses import first_mailbox, mailboxes, path_address
from parse.headers import header_text, raw_header, raw_headers
from parse.mime import Mail


class MachineKind(StrEnum):
    """The `automated` verdict's reason; listed from strongest to weakest."""

    BOUNCE = "bounce"
    AUTO_REPLY = "auto_reply"
    BULK = "bulk"
    AUTO_GENERATED = "auto_generated"


@dataclass(frozen=True)
class MachineSignal:
    name: str
    kind: MachineKind | None


_BOUNCE_SUBJECT = re.compile(
    r"^\s*(undeliverable|undelivered mail|undeliverable mail|delivery status notification|"
    r"mail delivery failed|mail delivery failure|returned mail|failure notice|"
    r"delivery failure|delivery_failure|delivery failed|delivery has failed|"
    r"warning: message .{0,200} delayed|delayed mail|delivery delayed|"
    r"onbestelbaar|niet bezorgd|bezorging mislukt|unzustellbar|nicht zustellbar|"
    r"non remis|non distribuable|undeliverable message)\b",
    re.IGNORECASE,
)
_AUTO_REPLY_SUBJECT = re.compile(
    r"^\s*(automatisch antwoord|automatisch bericht|automatische reactie|automatic reply|"
    r"automatic response|auto[ -]?reply|auto[ -]?response|auto(matic)? ?answer|auto:|"
    r"out of (the )?office|out-of-office|ooo:|vacation reply|"
    r"afwezigheidsbericht|afwezigheidsmelding|buiten kantoor|"
    r"abwesenheitsnotiz|abwesenheitsmeldung|automatische antwort|"
    r"r[ée]ponse automatique|absence du bureau|message d'absence|"
    r"risposta automatica|respuesta autom[aá]tica|resposta autom[aá]tica)(\W|$)",
    re.IGNORECASE,
)
# Words a person may also start a subject with ("Afwezig op 8 januari?"): they
# count only in a subject that asks nothing.
_ABSENCE_SUBJECT = re.compile(
    r"^\s*(afwezig|niet aanwezig|abwesend|au(ss|ß)er haus|nicht im b(ü|ue)ro|"
    r"absent|on vacation|fuori sede|fuera de la oficina)(\W|$)",
    re.IGNORECASE,
)
_LIST_HEADERS = (
    "List-Id",
    "List-Unsubscribe",
    "List-Post",
    "List-Help",
    "List-Subscribe",
    "List-Owner",
    "List-Archive",
    # what list servers write besides RFC 2369/2919: ezmlm, vger, fml, Mailman,
    # and the old Errors-To that lists and bulk mailers send bounces to
    "Mailing-List",
    "X-Mailing-List",
    "X-ML-Name",
    "X-MLServer",
    "X-Mailman-Version",
    "Errors-To",
)
_BULK_MAILER_HEADERS = (
    "Feedback-ID",
    "X-SES-Outgoing",
    "X-SG-EID",
    "X-Mailgun-Sid",
    "X-MC-User",
    "X-Mandrill-User",
)
_ADDRESSEE_HEADERS = ("To", "Cc", "Bcc", "Resent-To", "Resent-Cc", "Resent-Bcc")
_PRECEDENCE = {
    "bulk": MachineKind.BULK,
    "list": MachineKind.BULK,
    "junk": MachineKind.BULK,
    "auto_reply": MachineKind.AUTO_REPLY,
}
_MAIL_SYSTEM_NAME = re.compile(
    r"\b(mail ?delivery|delivery (status|subsystem|system|service|notification)|mail ?system|"
    r"mail ?router|mailer|mail ?daemon|post ?master|mail ?administrator|"
    r"system ?administrator|mail ?gateway|microsoft ?(outlook|exchange)|"
    r"e-?mail ?(server|service))\b",
    re.IGNORECASE,
)
_KEYWORD = re.compile(r"[^\s;(]+")
_SUPPRESS_AUTO_REPLIES = re.compile(r"\b(all|autoreply)\b", re.IGNORECASE)
_SPAM_YES = re.compile(r"^\s*yes\b", re.IGNORECASE)
_SCL = re.compile(r"^\s*(\d+)\s*$")
# Local parts of addresses programs send from; "words" are runs between . - _ + =
_LOCAL_PART_FAMILIES = (
    (
        MachineKind.BOUNCE,
        re.compile(r"(^|[.\-_+=])(mailer[-_]?daemon|post[-_]?master)([.\-_+=]|$)"),
    ),
    (
        MachineKind.BULK,
        re.compile(
            r"^owner-|[-+]owner([+=]|$)|-request([+=]|$)|-bounces([+=]|$)|"
            r"(^|[.\-_+=])(listserv|majordomo)([.\-_+=]|$)"
        ),
    ),
    (
        MachineKind.AUTO_GENERATED,
        re.compile(
            r"(^|[.\-_+=])(no[-_.]?reply|do[-_.]?not[-_.]?reply|daemon|bounces?|notifications?|"
            r"www-data|nobody)([.\-_+=0-9]|$)"
        ),
    ),
)


DELIVERY_REPORT = MachineSignal("delivery_report", MachineKind.BOUNCE)


def machine_signals(mail: Mail, own_domains: frozenset[str]) -> tuple[MachineSignal, ...]:
    """Every machine signal the headers show, in the order that names a held-back reply.

    `own_domains` are the firm's: mail that names none of them as a
    recipient was not written to us (see `_addressed_to`). A bounce only its
    body shows is added by `with_delivery_report`.
    """
    message = mail.message
    found: list[MachineSignal] = []

    def note(name: str, kind: MachineKind | None) -> None:
        found.append(MachineSignal(name, kind))

    if _is_report(mail):
        found.append(DELIVERY_REPORT)
    auto_submitted = _KEYWORD.match(header_text(message, "Auto-Submitted").lower())
    if auto_submitted and auto_submitted.group(0) != "no":  # RFC 3834 §5, comments after it
        replied = auto_submitted.group(0) == "auto-replied"
        note("auto_submitted", MachineKind.AUTO_REPLY if replied else MachineKind.AUTO_GENERATED)
    if any(_present(message, name) for name in ("X-Autoreply", "X-Autorespond", "X-Autoresponder")):
        note("autoreply_header", MachineKind.AUTO_REPLY)
    if _SUPPRESS_AUTO_REPLIES.search(header_text(message, "X-Auto-Response-Suppress")):
        note("auto_response_suppress", None)
    if _is_auto_reply_subject(mail.subject):
        note("auto_reply_subject", MachineKind.AUTO_REPLY)
    if any(_present(message, name) for name in _LIST_HEADERS):
        note("list_headers", MachineKind.BULK)
    precedence = _PRECEDENCE.get(header_text(message, "Precedence").lower())
    if precedence is not None:
        note("precedence", precedence)
    if any(_present(message, name) for name in _BULK_MAILER_HEADERS):
        note("bulk_sender", MachineKind.BULK)
    if _present(message, "X-Cron-Env"):  # what cron writes on a job's output
        note("cron_job", MachineKind.AUTO_GENERATED)
    if _flagged_as_spam(mail):
        note("spam_flag", MachineKind.BULK)
    return_path = path_address(raw_header(message, "Return-Path"))
    if return_path == "":
        note("null_return_path", MachineKind.AUTO_GENERATED)
    sender_header = first_mailbox(raw_header(message, "Sender"))
    reply_to = first_mailbox(raw_header(message, "Reply-To"))
    for name, address in (
        ("machine_address", mail.sender.address if mail.sender else None),
        ("machine_return_path", return_path),
        ("machine_sender_header", sender_header.address if sender_header else None),
        ("machine_reply_to", reply_to.address if reply_to else None),
    ):
        family = machine_family(address or "")
        if family is not None:
            note(name, family)
    if own_domains and not _addressed_to(message, own_domains):
        note("not_addressed_to_us", None)
    return tuple(found)


def with_delivery_report(signals: tuple[MachineSignal, ...]) -> tuple[MachineSignal, ...]:
    """The signals of a message the bounce detectors recognised: a report first."""
    return signals if DELIVERY_REPORT in signals else (DELIVERY_REPORT, *signals)


def may_hold_a_bounce(mail: Mail, signals: tuple[MachineSignal, ...]) -> bool:
    """Whether to read the body for a bounce in an older format.

    The detectors are heuristics written for mail known to be a bounce (one
    accepts any line with ", someone@example.com,"), so a person's question
    is never given to them: only mail that already shows a machine signal,
    comes from a mail system by its name, or has no sender at all.
    """
    sender = mail.sender
    if sender is None or any(signal.kind is not None for signal in signals):
        return True
    return bool(_MAIL_SYSTEM_NAME.search(sender.name) or _MAIL_SYSTEM_NAME.search(sender.address))


def strongest_kind(signals: tuple[MachineSignal, ...]) -> MachineKind | None:
    """The kind that names the `automated` verdict: a bounce beats an auto-reply,
    which beats bulk mail, which beats any other automatic mail."""
    kinds = {signal.kind for signal in signals}
    return next((kind for kind in MachineKind if kind in kinds), None)


def machine_family(address: str) -> MachineKind | None:
    """The kind of program an address belongs to, judged by its local part."""
    local = address.rpartition("@")[0].lower()
    if not local:
        return None
    return next((kind for kind, pattern in _LOCAL_PART_FAMILIES if pattern.search(local)), None)


def _is_report(mail: Mail) -> bool:
    """A report (RFC 6522) or a bounce by its headers or subject."""
    message = mail.message
    return (
        message.get_content_type() == "multipart/report"
        or _present(message, "X-Failed-Recipients")
        or _present(message, "X-MS-Exchange-Message-Is-Ndr", empty_counts=True)
        or _present(message, "X-MDDSN-Message")  # MDaemon's delivery reports
        or bool(_BOUNCE_SUBJECT.match(mail.subject))
    )


def _is_auto_reply_subject(subject: str) -> bool:
    if _AUTO_REPLY_SUBJECT.match(subject):
        return True
    return bool(_ABSENCE_SUBJECT.match(subject)) and "?" not in subject


def _addressed_to(message: Message, own_domains: frozenset[str]) -> bool:
    """One of our addresses stands among the recipients the sender wrote.

    An automatic answer goes only to mail written to us: RFC 5230 (Sieve
    vacation) sends none unless the user's address is in To, Cc, Bcc or a
    Resent- field, and RFC 3834 §2 asks the same of every responder. Mail we
    were only a hidden copy of (bulk mail, spam), or that was delivered here
    while addressed elsewhere, is still judged; it is just not answered.
    """
    for name in _ADDRESSEE_HEADERS:
        for value in raw_headers(message, name):
            if any(m.address.rpartition("@")[2] in own_domains for m in mailboxes(value)):
                return True
    return False


def _flagged_as_spam(mail: Mail) -> bool:
    """The receiving filter's verdict (SpamAssassin, rspamd, Microsoft's SCL).

    A sender can write these headers too, but only to withhold a reply from
    themselves, so trusting them costs nobody else anything.
    """
    message = mail.message
    if header_text(message, "X-Spam-Flag").lower() == "yes":
        return True
    if any(_SPAM_YES.match(header_text(message, name)) for name in ("X-Spam-Status", "X-Spam")):
        return True
    scl = _SCL.match(header_text(message, "X-MS-Exchange-Organization-SCL"))
    return scl is not None and 5 <= int(scl.group(1)) <= 9


def _present(message: Message, name: str, *, empty_counts: bool = False) -> bool:
    value = raw_header(message, name)
    return value is not None and (empty_counts or bool(value.strip()))
