"""One message's whole journey (DESIGN §4), in the order the invariants need."""

import logging
from dataclasses import dataclass, replace

import parse
import store
from ingest import FetchedMessage, Source, headers_only
from mailroom.app import App
from mailroom.replies import plan_for
from parse import Verdict

log = logging.getLogger("mailroom.pipeline")

APPLICATION_VERDICTS = frozenset({Verdict.VALID, Verdict.INVALID, Verdict.LATE})


@dataclass(frozen=True)
class Outcome:
    """What happened to one fetched message in this cycle."""

    message_pk: int
    verdict: str | None
    replied: bool = False
    already_done: bool = False
    error: str | None = None


def handle(app: App, source: Source, fetched: FetchedMessage) -> Outcome:
    """Store, judge, record and plan the reply, then tell the source.

    1. The raw bytes are committed first (only the headers above the size
       cap): from then on nothing is lost and every later step can be redone
       from the store.
    2. Analysis, documents and the planned reply commit together, so a crash
       never leaves a decision without its reply or a reply without its
       decision.
    3. Only after that commit may the source move or flag the message.
    """
    key = store.MessageKey(fetched.source, fetched.folder, fetched.uidvalidity, fetched.uid)
    oversized = fetched.original_size > app.settings.limits.max_message_bytes
    raw = headers_only(fetched.raw) if oversized else fetched.raw
    with app.db.transaction() as session:
        stored = store.record_inbound(session, key, raw, fetched.arrived_at, app.clock())
    if not stored.needs_processing:
        return Outcome(stored.id, None, already_done=True)
    try:
        with app.db.transaction() as session:
            ours = store.known_reply_ids(session, parse.thread_ids(raw))
        size = fetched.original_size if oversized else None
        context = app.parse_context(fetched.arrived_at, ours, size)
        analysis = _as_follow_up(app, parse.analyse(raw, context, app.pdf.read))
        reply = plan_for(app, analysis, stored.id, fetched.arrived_at)
        decision = _decision(app, analysis, fetched)
        with app.db.transaction() as session:
            store.save_decision(session, stored.id, decision, _documents(analysis), app.clock())
            planned = reply is not None and store.plan_reply(session, stored.id, reply, app.clock())
    except Exception as exc:
        log.exception("message %s failed", stored.id)
        with app.db.transaction() as session:
            store.record_failure(session, stored.id, f"{type(exc).__name__}: {exc}")
        return Outcome(stored.id, None, error=type(exc).__name__)
    source.mark_handled(fetched, analysis.verdict)
    log.info(
        "message %s verdict %s reasons %s", stored.id, analysis.verdict, ",".join(analysis.reasons)
    )
    replied = planned and reply is not None and reply.content is not None
    return Outcome(stored.id, analysis.verdict, replied=replied)


def _as_follow_up(app: App, analysis: parse.Analysis) -> parse.Analysis:
    """An incomplete application from someone whose complete one is on file is a
    supplement for a recruiter, not a reason to ask them to start again."""
    if analysis.verdict is not Verdict.INVALID or not analysis.sender or not analysis.vacancy:
        return analysis
    with app.db.transaction() as session:
        earlier = store.has_complete_submission(session, analysis.sender.address, analysis.vacancy)
    return replace(analysis, flags=(*analysis.flags, "supplement")) if earlier else analysis


def _decision(app: App, analysis: parse.Analysis, fetched: FetchedMessage) -> store.Decision:
    question = analysis.verdict is Verdict.QUESTION
    return store.Decision(
        verdict=analysis.verdict.value,
        reasons=analysis.reasons,
        flags=analysis.flags,
        vacancy=analysis.vacancy,
        language=analysis.language,
        header_message_id=analysis.message_id,
        applicant_address=analysis.sender.address if analysis.sender else None,
        applicant_name=analysis.sender.name if analysis.sender else "",
        is_application=analysis.verdict in APPLICATION_VERDICTS,
        is_complete=analysis.verdict is Verdict.VALID,
        is_supplement="supplement" in analysis.flags,
        question_due_at=app.calendar.answer_by(fetched.arrived_at) if question else None,
    )


def _documents(analysis: parse.Analysis) -> list[store.DocumentRecord]:
    return [
        store.DocumentRecord(
            filename=a.filename,
            content_type=a.content_type,
            kind=a.kind.value,
            data=a.data,
            pages=a.pdf.pages if a.pdf else None,
            text=a.pdf.text if a.pdf else None,
            role=a.role,
            role_cue=a.role_cue,
            title=a.pdf.title if a.pdf else None,
            author=a.pdf.author if a.pdf else None,
            problem=a.pdf.problem if a.pdf else None,
            flags=a.pdf.flags if a.pdf else (),
        )
        for a in analysis.attachments
    ]
