"""From a judged message to a planned (or held-back) reply in the outbox's terms."""

import logging
from concurrent.futures import Future
from dataclasses import dataclass, replace
from datetime import datetime
from email.utils import make_msgid
from functools import partial

from sqlalchemy.orm import Session

import store
from mailroom.app import App
from notify import CAP_WINDOW, FileFacts, Mailbox, Reply, ReplyKind, reference_number
from parse import Analysis, Flag, Verdict

log = logging.getLogger("mailroom.reply")

REPLY_KINDS = {
    Verdict.VALID: ReplyKind.CONFIRMATION,
    Verdict.INVALID: ReplyKind.RESUBMIT_REQUEST,
    Verdict.LATE: ReplyKind.CLOSED_NOTICE,
    Verdict.QUESTION: ReplyKind.QUESTION_ACK,
}


@dataclass(frozen=True)
class Foreseen:
    """A reply the composer is writing before its message is decided (`foresee`)."""

    reply: Reply
    message_id: str
    content: Future[bytes]


def foresee(app: App, analysis: Analysis, message_pk: int, arrived_at: datetime) -> Foreseen | None:
    """Ask the composer for the reply this analysis calls for, as soon as the
    message is judged, so it is written while this process goes on; None
    when it calls for none (as far as the analysis alone tells), or the
    composer cannot take it. `plan_for` decides whether it is used."""
    reply = _reply(app, analysis, message_pk, arrived_at)
    if reply is None:
        return None
    message_id = _new_message_id(app, reply.kind)
    content = app.composer.write(reply, message_id)
    return None if content is None else Foreseen(reply, message_id, content)


def plan_for(
    app: App,
    session: Session,
    analysis: Analysis,
    message_pk: int,
    arrived_at: datetime,
    foreseen: Foreseen | None = None,
) -> store.PlannedReply | None:
    """The reply this verdict calls for, rendered now with a fixed Message-ID.

    `session` is the transaction that will plan the reply: the per-address
    cap is counted in it, so count and reply commit together.

    None when the verdict calls for no reply at all: machines, unrouted mail,
    and what `_answered_by_people` keeps for a recruiter. A reply the policy
    holds back comes back without content but with its reason, and one that
    cannot be written comes back `failed` with what went wrong: either way
    the decision is kept, and nothing here raises for the message's sake.

    A reply `foreseen` is taken as written by the composer when it is this
    very reply (the decision may have changed it, or made it none); else,
    or when the composer failed, it is written here.
    """
    reply = _reply(app, analysis, message_pk, arrived_at)
    if reply is None:
        return None
    ahead = _written_ahead(foreseen, reply)
    if ahead is not None:
        reply, message_id = ahead.reply, ahead.message_id
    else:
        message_id = _new_message_id(app, reply.kind)
    recipient = reply.to.address if reply.to else ""
    held_back = app.policy.hold_back_reason(
        reply,
        machine_signal=analysis.machine_signals[0] if analysis.machine_signals else None,
        dmarc_failed=analysis.dmarc_failed,
        replies_in_window=_earlier_replies(session, reply, message_pk),
    )
    planned = partial(store.PlannedReply, reply.kind, recipient, reply.language, message_id)
    if held_back is not None:
        return planned(None, held_back)
    content = app.composer.written(ahead.content) if ahead is not None else None
    if content is not None:
        return planned(content)
    try:
        content = app.composer.letterhead.write(
            app.renderers[reply.vacancy.slug], reply, message_id
        )
    except Exception as exc:  # a template or an address nobody foresaw: keep the verdict
        log.error("reply to message %s not written: %s", message_pk, type(exc).__name__)
        return planned(None, f"compose_failed: {type(exc).__name__}", failed=True)
    return planned(content)


def _new_message_id(app: App, kind: ReplyKind) -> str:
    return make_msgid(idstring=kind.value, domain=app.settings.firm.own_domains[0])


def _written_ahead(foreseen: Foreseen | None, reply: Reply) -> Foreseen | None:
    """`foreseen` if it is `reply` (written a moment earlier); else it is not used."""
    if foreseen is None:
        return None
    if replace(reply, written_at=foreseen.reply.written_at) == foreseen.reply:
        return foreseen
    foreseen.content.cancel()
    return None


def _answered_by_people(analysis: Analysis) -> bool:
    """Supplements, staff forwards, and questions or late documents in reply to
    our replies go to a recruiter only: an automatic answer there would confuse
    (a closed notice right after our delayed request to resend) or ping-pong."""
    flags = set(analysis.flags)
    if flags & {Flag.SUPPLEMENT, Flag.FORWARDED_BY_STAFF}:
        return True
    in_reply = Flag.REPLY_TO_OUR_REPLY in flags
    return in_reply and analysis.verdict in (Verdict.QUESTION, Verdict.LATE)


def _earlier_replies(session: Session, reply: Reply, message_pk: int) -> int:
    """Replies to this address for mail that arrived in the `CAP_WINDOW` before
    this message: counted by arrival, so judging it again gives the same answer."""
    if reply.to is None or not reply.to.address:
        return 0
    since = reply.arrived_at - CAP_WINDOW
    return store.replies_for_earlier_mail(
        session, reply.to.address, since, message_pk, reply.arrived_at
    )


def _reply(app: App, analysis: Analysis, message_pk: int, arrived_at: datetime) -> Reply | None:
    """The reply the analysis calls for, written now; None for a verdict that
    calls for none, unrouted mail, and what `_answered_by_people` keeps."""
    kind = REPLY_KINDS.get(analysis.verdict)
    if kind is None or analysis.vacancy is None or _answered_by_people(analysis):
        return None
    vacancy = app.vacancies[analysis.vacancy]
    own_id = (analysis.message_id,) if analysis.message_id else ()
    return Reply(
        kind=kind,
        language=analysis.language,
        to=Mailbox(analysis.sender.name, analysis.sender.address) if analysis.sender else None,
        subject_of_original=analysis.subject,
        in_reply_to=analysis.message_id,
        references=analysis.references + own_id,
        vacancy=vacancy,
        arrived_at=arrived_at,
        reference=reference_number(vacancy.reference_prefix, message_pk),
        written_at=app.clock(),
        files=tuple(
            FileFacts(a.filename, a.pdf.pages if a.pdf else None, a.role)
            for a in analysis.attachments
        ),
        reasons=analysis.reasons,
        answer_by=app.calendar.answer_by(arrived_at) if kind is ReplyKind.QUESTION_ACK else None,
        inbound_text=f"{analysis.subject}\n{analysis.own_text}",
    )
