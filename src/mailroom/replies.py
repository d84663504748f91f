"""From a judged message to a planned (or held-back) reply in the outbox's terms."""

import logging
from datetime import datetime
from email.utils import make_msgid
from functools import partial

from sqlalchemy.orm import Session

import store
from mailroom.app import App
from notify import CAP_WINDOW, FileFacts, Mailbox, Reply, ReplyKind, compose, reference_number
from parse import Analysis, Flag, Verdict

log = logging.getLogger("mailroom.reply")

REPLY_KINDS = {
    Verdict.VALID: ReplyKind.CONFIRMATION,
    Verdict.INVALID: ReplyKind.RESUBMIT_REQUEST,
    Verdict.LATE: ReplyKind.CLOSED_NOTICE,
    Verdict.QUESTION: ReplyKind.QUESTION_ACK,
}


def plan_for(
    app: App, session: Session, analysis: Analysis, message_pk: int, arrived_at: datetime
) -> store.PlannedReply | None:
    """The reply this verdict calls for, rendered now with a fixed Message-ID.

    `session` is the transaction that will plan the reply: the per-address
    cap is counted in it, so count and reply commit together.

    None when the verdict calls for no reply at all: machines, unrouted mail,
    and what `_answered_by_people` keeps for a recruiter. A reply the policy
    holds back comes back without content but with its reason, and one that
    cannot be written comes back `failed` with what went wrong: either way
    the decision is kept, and nothing here raises for the message's sake.
    """
    kind = REPLY_KINDS.get(analysis.verdict)
    if kind is None or analysis.vacancy is None or _answered_by_people(analysis):
        return None
    reply = _reply(app, analysis, kind, message_pk, arrived_at)
    firm = app.settings.firm
    message_id = make_msgid(idstring=kind.value, domain=firm.own_domains[0])
    recipient = reply.to.address if reply.to else ""
    held_back = app.policy.hold_back_reason(
        reply,
        machine_signal=analysis.machine_signals[0] if analysis.machine_signals else None,
        dmarc_failed=analysis.dmarc_failed,
        replies_in_window=_earlier_replies(session, reply, message_pk),
    )
    planned = partial(store.PlannedReply, kind, recipient, reply.language, message_id)
    if held_back is not None:
        return planned(None, held_back)
    try:
        rendered = app.renderers[analysis.vacancy].render(reply, firm.name)
        sender = Mailbox(firm.name, str(firm.address))
        content = compose(reply, rendered, sender, message_id, reply.written_at)
    except Exception as exc:  # a template or an address nobody foresaw: keep the verdict
        log.error("reply to message %s not written: %s", message_pk, type(exc).__name__)
        return planned(None, f"compose_failed: {type(exc).__name__}", failed=True)
    return planned(content)


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


def _reply(
    app: App, analysis: Analysis, kind: ReplyKind, message_pk: int, arrived_at: datetime
) -> Reply:
    assert analysis.vacancy is not None
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
