"""Questions: answered by a person's reply in the Sent folder, and how late the rest are.

Run at the end of every cycle (so every poll interval, well within the hour
the overview promises), never in a dry run. A reply counts only when a
person wrote it: our own acknowledgements (their Message-IDs are in the
outbox) and anything with `Auto-Submitted` other than "no" are skipped,
since Microsoft 365 and Google file those in Sent too.
"""

import logging

import store
from ingest import IngestError, SentBatch, SentMessage, SentScan
from mailroom.app import App
from mailroom.clock import end_of_day

log = logging.getLogger("mailroom.questions")


def settle_questions(app: App) -> store.QuestionCounts:
    """Mark answered what the Sent folders answer; then the open, due and overdue counts."""
    for scan in app.sent_scans:
        _scan(app, scan)
    return question_counts(app)


def question_counts(app: App) -> store.QuestionCounts:
    """Open questions now; "due" ones fall due before the end of today in the firm's zone."""
    now = app.clock()
    with app.db.transaction() as session:
        return store.question_counts(session, now, end_of_day(now, app.settings.firm.zone))


def _scan(app: App, scan: SentScan) -> None:
    """One Sent folder since its checkpoint; the answers and the new checkpoint
    commit together, and marking is idempotent, so a repeat after a crash is harmless."""
    with app.db.transaction() as session:
        saved = store.load_checkpoint(session, scan.source, scan.folder)
    try:
        batch = scan.read_after(
            saved.uidvalidity if saved else None, saved.handled_through if saved else 0
        )
    except IngestError as exc:
        log.warning("Sent folder of %s not read: %s", scan.source, exc)
        return
    now = app.clock()
    answered = []
    with app.db.transaction() as session:
        own_ids = tuple(m.message_id for m in batch.messages if m.message_id)
        for reply in _by_people(batch, store.known_reply_ids(session, own_ids)):
            for message_pk in store.questions_replied_to(session, reply.replies_to):
                when = reply.filed_at or now
                if store.mark_answered(session, message_pk, store.AnsweredHow.SENT_FOLDER, when):
                    answered.append(message_pk)
        checkpoint = store.Checkpoint(batch.uidvalidity, batch.last_uid)
        store.save_checkpoint(session, scan.source, scan.folder, checkpoint, now)
    for message_pk in answered:
        log.info("question %d answered by a reply in %s", message_pk, scan.folder)


def _by_people(batch: SentBatch, ours: frozenset[str]) -> list[SentMessage]:
    """Replies a person wrote: neither one of ours nor automatic."""
    return [m for m in batch.messages if not m.automatic and m.message_id not in ours]
