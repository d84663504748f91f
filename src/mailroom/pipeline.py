"""One message's whole journey (docs/architecture.md §4), in the order the invariants need."""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import partial
from typing import TypeVar

from sqlalchemy.orm import Session

import parse
import store
from ingest import FetchedMessage, Source, headers_only
from mailroom.app import App
from mailroom.mailbox_copies import ERASED
from mailroom.preparing import Sharing, shared_analysis
from mailroom.replies import Foreseen, foresee, plan_for
from mailroom.stopwatch import Stopwatch
from parse import Flag, Verdict

log = logging.getLogger("mailroom.pipeline")

T = TypeVar("T")

APPLICATION_VERDICTS = frozenset({Verdict.VALID, Verdict.INVALID, Verdict.LATE})


@dataclass(frozen=True)
class Outcome:
    """What happened to one fetched message in this cycle."""

    verdict: str | None
    replied: bool = False
    already_done: bool = False
    erased: bool = False
    error: str | None = None
    reply: store.PlannedReply | None = None
    # A failed message's next attempt: not yet due (left alone), or after this failure.
    retry_at: datetime | None = None

    @property
    def waiting(self) -> bool:
        """Left alone this cycle: it failed before and its retry is not yet due."""
        return self.retry_at is not None and self.error is None

    # Seconds per stage (fetch, store, parse, pdf, decide, file) of a judged message.
    stages: dict[str, float] = field(default_factory=dict)


def handle(
    app: App, source: Source, fetched: FetchedMessage, watch: Stopwatch | None = None
) -> Outcome:
    """Store, judge, record and plan the reply, then tell the source.

    1. The raw bytes are committed first (only the headers above the size
       cap): from then on nothing is lost and every later step can be redone
       from the store.
    2. Analysis, documents and the planned reply commit together, so a crash
       never leaves a decision without its reply or a reply without its
       decision.
    3. Only after that commit may the source move or flag the message; one
       already handled is filed again, in case a crash came in between.

    A message whose processing raised waits for its retry (`retry_at`, with
    backoff): until then it is left where it is, neither judged nor filed.
    After `limits.max_attempts` it is filed as failed, and only `mailroom
    reprocess` judges it again.

    Before all that, a message that `forget` or a retention purge erased
    (the same bytes, or the same `Message-ID`) is recognised by its
    tombstone and goes no further: not stored, not judged, not answered,
    only counted. The source still files it as handled, under the verdict
    "erased" (an IMAP account moves it to `Processed/erased`, or flags it),
    so it is not fetched again; a cycle deletes no mail, and the next
    `forget` empties that folder.

    The three steps are `receive`, `read` and `conclude`; the cycle runs
    `read` for several messages at once (mailroom.ahead) and the other two
    in order. `watch` times the stages; a decision is logged with them.
    """
    watch = watch or Stopwatch()
    received = receive(app, source, fetched, watch)
    if isinstance(received, Outcome):
        return received
    try:
        analysis = read(app, received, watch)
    except Exception as exc:
        return failed(app, source, received, exc)
    return conclude(app, source, received, analysis, watch)


@dataclass(frozen=True)
class Received:
    """A message stored and due to be judged."""

    fetched: FetchedMessage
    stored: store.StoredMessage
    raw: bytes
    oversized_from: int | None
    # The ids its References and In-Reply-To name, read as it was stored.
    thread: tuple[str, ...]


def receive(
    app: App, source: Source, fetched: FetchedMessage, watch: Stopwatch
) -> Received | Outcome:
    """Step 1: commit the bytes. An Outcome when nothing more is to be done:
    erased before, handled before, given up on, or waiting for its retry."""
    [received] = receive_all(app, source, [(fetched, watch)])
    if isinstance(received, Exception):
        raise received
    return received


Arrival = tuple[FetchedMessage, Stopwatch]


def receive_all(
    app: App, source: Source, arrivals: list[Arrival]
) -> list[Received | Outcome | Exception]:
    """`receive` for several messages, their bytes committed together: one
    look-up for erased ones, one commit (one fsync) for all, each message in
    a savepoint of its own, so one the store refuses costs only itself (its
    exception is in its place). A look-up or commit that fails raises: none
    of them is stored."""
    kept: list[tuple[bytes, int | None, store.StoredMessage | None] | Exception] = []
    capped = [_within_cap(app, fetched) for fetched, _ in arrivals]
    ids = [parse.header_ids(raw) for raw, _ in capped]
    with app.db.transaction() as session:
        erased = store.recognise_erased(
            session,
            [(raw, named.message_id) for (raw, _), named in zip(capped, ids, strict=True)],
            app.salt,
            app.clock(),
        )
        for (fetched, watch), (raw, oversized_from), gone in zip(
            arrivals, capped, erased, strict=True
        ):
            if gone:
                kept.append((raw, oversized_from, None))
                continue
            with watch.stage("store"):
                stored = _alone(session, partial(_store, app, session, fetched, raw))
            kept.append(stored if isinstance(stored, Exception) else (raw, oversized_from, stored))
    return [
        _received(app, source, fetched, *stored, named.thread)
        if isinstance(stored, tuple)
        else stored
        for (fetched, _), stored, named in zip(arrivals, kept, ids, strict=True)
    ]


def _alone(session: Session, work: Callable[[], T]) -> T | Exception:
    """`work` in a savepoint of its own, so that what it raises rolls back only
    its own writes; the exception then stands in place of its result."""
    try:
        with session.begin_nested():
            return work()
    except Exception as exc:
        return exc


def _store(app: App, session: Session, fetched: FetchedMessage, raw: bytes) -> store.StoredMessage:
    key = store.MessageKey(fetched.source, fetched.folder, fetched.uidvalidity, fetched.uid)
    return store.record_inbound(session, key, raw, fetched.arrived_at, app.clock())


def _received(
    app: App,
    source: Source,
    fetched: FetchedMessage,
    raw: bytes,
    oversized_from: int | None,
    stored: store.StoredMessage | None,
    thread: tuple[str, ...],
) -> Received | Outcome:
    if stored is None:
        source.mark_handled(fetched, ERASED)
        log.info("message at %s was erased before; left alone", fetched.location)
        return Outcome(None, erased=True)
    if not stored.needs_processing or _given_up(app, stored):
        source.mark_handled(fetched, stored.verdict or store.MessageStatus.FAILED)
        return Outcome(stored.verdict, already_done=True)
    if stored.waiting_at(app.clock()):
        return Outcome(None, retry_at=stored.retry_at)
    return Received(fetched, stored, raw, oversized_from, thread)


def read(
    app: App, received: Received, watch: Stopwatch, sharing: Sharing | None = None
) -> parse.Analysis:
    """Step 2, the slow part: the message as parse judges it, in a PDF worker
    when it holds a PDF, or as another instance judged it (`sharing`). Safe
    to run for several messages at once: it writes no decision."""
    fetched = received.fetched
    judge_here = partial(
        analyse_bytes,
        app,
        received.raw,
        fetched.arrived_at,
        received.oversized_from,
        thread=received.thread,
    )
    with watch.stage("parse"):
        if sharing is None:
            return judge_here()
        over_cap = received.oversized_from is not None
        return shared_analysis(app, sharing, received.stored.id, received.raw, over_cap, judge_here)


def read_ahead(
    app: App, received: Received, watch: Stopwatch, sharing: Sharing | None = None
) -> tuple[parse.Analysis, Foreseen | None]:
    """`read`, and then ask the composer for the reply the analysis calls for,
    so it is written while this process concludes the messages before.

    The composer is started first, if it is not running yet: it starts while
    the message is read, not after, and in this reading thread, not in the
    thread that concludes.
    """
    app.composer.start()
    analysis = read(app, received, watch, sharing)
    return analysis, foresee(app, analysis, received.stored.id, received.fetched.arrived_at)


def conclude(
    app: App, source: Source, received: Received, analysis: parse.Analysis, watch: Stopwatch
) -> Outcome:
    """Step 3, in arrival order: follow-up check, reply cap, decision and reply
    in one transaction (what is counted is what commits), then the source
    files the message."""
    [outcome] = conclude_all(app, source, [(received, analysis, watch, None)])
    return outcome


# A message read, with the reply foreseen for it (`read_ahead`), if any.
Judged = tuple[Received, parse.Analysis, Stopwatch, Foreseen | None]


def conclude_all(app: App, source: Source, judged: list[Judged]) -> list[Outcome]:
    """`conclude` for several messages in arrival order, in one transaction:
    one commit (one fsync) for all, each message in a savepoint of its own,
    later ones seeing what earlier ones decided. A message whose conclusion
    raised fails alone, recorded after the commit; a commit that fails fails
    them all, and they are judged again at their retry. On PostgreSQL, what
    other instances prepared for them goes in the same commit."""
    decided: list[tuple[parse.Analysis, store.PlannedReply | None, bool] | Exception] = []
    try:
        with app.db.transaction() as session:
            for received, analysis, watch, foreseen in judged:
                decide = partial(_decide, app, session, received, analysis, foreseen)
                with watch.stage("decide"):
                    decided.append(_alone(session, decide))
            if not app.db.is_sqlite:
                store.drop_preparations(session, [received.stored.id for received, *_ in judged])
    except Exception as exc:
        decided = [exc] * len(judged)
    return [
        failed(app, source, received, result)
        if isinstance(result, Exception)
        else _filed(source, received, watch, *result)
        for (received, _, watch, _), result in zip(judged, decided, strict=True)
    ]


def _decide(
    app: App,
    session: Session,
    received: Received,
    analysis: parse.Analysis,
    foreseen: Foreseen | None,
) -> tuple[parse.Analysis, store.PlannedReply | None, bool]:
    """The analysis as decided (a supplement?), its reply, and whether the
    reply was planned: all written in `session`."""
    fetched, stored = received.fetched, received.stored
    analysis = _as_follow_up(session, analysis, stored.id)
    reply = plan_for(app, session, analysis, stored.id, fetched.arrived_at, foreseen)
    decision = decision_of(app, analysis, fetched.arrived_at)
    store.save_decision(session, stored.id, decision, documents_of(analysis), app.clock())
    store.mark_bounced(session, analysis.bounced_message_ids, analysis.bounce_detail, app.clock())
    planned = (
        reply is not None
        and not app.dry_run
        and store.plan_reply(session, stored.id, reply, app.clock())
    )
    return analysis, reply, planned


def _filed(
    source: Source,
    received: Received,
    watch: Stopwatch,
    analysis: parse.Analysis,
    reply: store.PlannedReply | None,
    planned: bool,
) -> Outcome:
    """Committed: the source files the message, and the decision is logged."""
    with watch.stage("file"):
        source.mark_handled(received.fetched, analysis.verdict)
    replied = planned and reply is not None and reply.content is not None
    _log_decision(received.stored.id, analysis, reply if replied else None, watch)
    return Outcome(analysis.verdict, replied=replied, reply=reply, stages=dict(watch.seconds))


def _log_decision(
    message_pk: int, analysis: parse.Analysis, reply: store.PlannedReply | None, watch: Stopwatch
) -> None:
    """One line per decision: ids, codes and timings only, never who or what."""
    fields = {
        "message": message_pk,
        "verdict": analysis.verdict.value,
        "reasons": ",".join(analysis.reasons),
        "flags": ",".join(analysis.flags),
        "vacancy": analysis.vacancy or "",
        "reply": reply.kind if reply is not None else "none",
        **watch.milliseconds(),
    }
    log.info("decision", extra={"fields": fields})


def _within_cap(app: App, fetched: FetchedMessage) -> tuple[bytes, int | None]:
    """The bytes to keep, and the original size when only the headers are kept."""
    if fetched.original_size <= app.settings.limits.max_message_bytes:
        return fetched.raw, None
    return headers_only(fetched.raw), fetched.original_size


def judge(
    app: App,
    message_pk: int,
    raw: bytes,
    arrived_at: datetime,
    oversized_from: int | None = None,
    routed_to: str | None = None,
) -> parse.Analysis:
    """The analysis of stored message `message_pk`'s bytes as of their arrival;
    `routed_to` is a recruiter's choice of vacancy when it is judged again."""
    analysis = analyse_bytes(app, raw, arrived_at, oversized_from, routed_to)
    with app.db.transaction() as session:
        return _as_follow_up(session, analysis, message_pk)


def analyse_bytes(
    app: App,
    raw: bytes,
    arrived_at: datetime,
    oversized_from: int | None = None,
    routed_to: str | None = None,
    thread: tuple[str, ...] | None = None,
) -> parse.Analysis:
    """What parse makes of the bytes, knowing which of our replies they answer
    (`thread`: the ids the headers name, when already read). Mail that
    answers nothing (most of it) needs no transaction for that."""
    ours: frozenset[str] = frozenset()
    if thread is None:
        thread = parse.header_ids(raw).thread
    if thread:
        with app.db.transaction() as session:
            ours = store.known_reply_ids(session, thread)
    context = replace(app.parse_context(arrived_at, ours, oversized_from), routed_to=routed_to)
    return app.pdf.analyse(raw, context)


def failed(app: App, source: Source, received: Received, exc: Exception) -> Outcome:
    """Reading or concluding raised: keep the error with the message and wait for
    the retry (see `handle`); after the last attempt, file it as failed."""
    fetched, stored = received.fetched, received.stored
    # The error text may quote the message, so the log names only its type;
    # the full error is kept with the message in the store.
    log.error("message %s failed: %s", stored.id, type(exc).__name__)
    log.debug("message %s traceback", stored.id, exc_info=True)
    last = stored.attempts + 1 >= app.settings.limits.max_attempts
    retry_at = None if last else app.clock() + retry_delay(app, stored.attempts + 1)
    with app.db.transaction() as session:
        store.record_failure(session, stored.id, f"{type(exc).__name__}: {exc}", retry_at)
        if not app.db.is_sqlite:  # its retry is anyone's to prepare (mailroom.preparing)
            store.drop_preparations(session, [stored.id])
    if last:
        source.mark_handled(fetched, store.MessageStatus.FAILED)
    return Outcome(None, error=type(exc).__name__, retry_at=retry_at)


def retry_delay(app: App, failures: int) -> timedelta:
    """How long a message that failed `failures` times waits: the configured
    backoff, doubled for each further failure, up to its cap."""
    limits = app.settings.limits
    seconds = limits.retry_backoff_seconds * 2 ** min(failures - 1, 32)
    return timedelta(seconds=min(seconds, limits.retry_backoff_max_seconds))


def _given_up(app: App, stored: store.StoredMessage) -> bool:
    """Failed as often as allowed: filed as failed, left for `mailroom reprocess`."""
    failed = stored.status == store.MessageStatus.FAILED
    return failed and stored.attempts >= app.settings.limits.max_attempts


def _as_follow_up(session: Session, analysis: parse.Analysis, message_pk: int) -> parse.Analysis:
    """An incomplete application from someone whose complete one is on file is a
    supplement for a recruiter, not a reason to ask them to start again."""
    if analysis.verdict is not Verdict.INVALID or not analysis.sender or not analysis.vacancy:
        return analysis
    earlier = store.has_complete_submission(
        session, analysis.sender.address, analysis.vacancy, other_than=message_pk
    )
    return replace(analysis, flags=(*analysis.flags, Flag.SUPPLEMENT)) if earlier else analysis


def decision_of(app: App, analysis: parse.Analysis, arrived_at: datetime) -> store.Decision:
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
        is_supplement=Flag.SUPPLEMENT in analysis.flags,
        question_due_at=app.calendar.answer_by(arrived_at) if question else None,
        dry_run=app.dry_run,
    )


def documents_of(analysis: parse.Analysis) -> list[store.DocumentRecord]:
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
