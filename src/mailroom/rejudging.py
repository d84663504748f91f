"""Judging a stored message again and carrying out the new decision: what the
recruiter's corrections and `reprocess` share.

The stored bytes are judged as of their arrival (docs/architecture.md §4:
every step can be redone from the store); the decision is saved, replies
still waiting for a verdict that no longer holds are withdrawn, the reply the
new verdict calls for is planned by the normal rules and policy (§5, §6) and
an audit line written, all in one transaction. A reply of a kind the message
already has is never planned again, so nothing goes to anyone twice.
"""

import argparse
import getpass
from email import message_from_bytes, policy

import store
from ingest import headers_only
from mailroom.app import App
from mailroom.lookup import reference_of
from mailroom.pipeline import decision_of, documents_of, judge
from mailroom.replies import plan_for
from parse import Analysis, Verdict


def add_audit_options(parser: argparse.ArgumentParser) -> None:
    """`--note`, `--by` and `--dry-run`, which every command that judges again takes."""
    parser.add_argument("--note", default="", help="why: kept in the audit log")
    parser.add_argument("--by", help="who: kept in the audit log (default: the OS user)")
    parser.add_argument(
        "--dry-run", action="store_true", help="say what would change and which reply, only"
    )


def judge_again(app: App, target: store.Judged, vacancy: str | None) -> Analysis:
    """The stored bytes judged as of their arrival, for `vacancy` (None: as routing finds)."""
    over_cap = app.settings.limits.max_message_bytes + 1 if only_headers(target.raw) else None
    return judge(app, target.message_pk, target.raw, target.arrived_at, over_cap, vacancy)


def only_headers(raw: bytes) -> bool:
    """Whether only the headers of a message over the size cap were kept (§4 step 2):
    nothing after the header block, though the headers announce more than text.
    Parse needs to know only that it was over the cap, not by how much."""
    if headers_only(raw) != raw:
        return False
    return message_from_bytes(raw, policy=policy.default).get_content_maintype() != "text"


def carry_out(
    app: App,
    args: argparse.Namespace,
    action: str,
    target: store.Judged,
    analysis: Analysis,
    extra: dict[str, str],
) -> None:
    """Save the new decision, withdraw replies still waiting for the old one, plan the
    normal reply and audit it, all in one transaction; or, under `--dry-run`, only
    say so. Prints one line: the reference, the verdict before and after, the reply."""
    reference = reference_of(app, target.message_pk, analysis.vacancy)
    before = target.verdict or target.status
    verb, past = ("change", "changed") if before != analysis.verdict else ("keep", "kept")
    change = f"{before} -> {analysis.verdict} (vacancy {analysis.vacancy})"
    if args.dry_run:
        with app.db.transaction() as session:
            reply = plan_for(app, session, analysis, target.message_pk, target.arrived_at)
            kinds = store.reply_kinds(session, target.message_pk)
        words = _reply_words(reply, exists=reply is not None and reply.kind in kinds)
        print(f"{reference}: would {verb} {change}; would plan {words}")
        return
    now = app.clock()
    with app.db.transaction() as session:
        reply = plan_for(app, session, analysis, target.message_pk, target.arrived_at)
        detail = {
            "message": target.message_pk,
            "reference": reference,
            "verdict_before": before,
            "verdict_after": analysis.verdict.value,
            "vacancy": analysis.vacancy,
            "reply": reply.kind if reply else None,
            "by": args.by or getpass.getuser(),
            "note": args.note,
            **extra,
        }
        decision = decision_of(app, analysis, target.arrived_at)
        store.save_decision(session, target.message_pk, decision, documents_of(analysis), now)
        if target.verdict is None:  # never decided before: its bounce is not yet recorded
            store.mark_bounced(session, analysis.bounced_message_ids, analysis.bounce_detail, now)
        store.settle(
            session,
            target.message_pk,
            complete=analysis.verdict is Verdict.VALID,
            question=analysis.verdict is Verdict.QUESTION,
        )
        withdrawn = store.withdraw_replies(
            session, target.message_pk, reply.kind if reply else None, f"withdrawn by {action}"
        )
        planned = reply is not None and store.plan_reply(session, target.message_pk, reply, now)
        who = store.subject_hash(target.address, app.salt) if target.address else None
        store.audit(session, action, now, who, detail)
    words = _reply_words(reply, exists=reply is not None and not planned)
    gone = f"; withdrew {withdrawn} waiting reply(ies)" if withdrawn else ""
    print(f"{reference}: {past} {change}; planned {words}{gone}")


def _reply_words(reply: store.PlannedReply | None, exists: bool) -> str:
    if reply is None:
        return "no reply (the rules call for none)"
    if exists:
        return f"no new {reply.kind} (one exists)"
    if reply.failed:
        return f"no {reply.kind} (it could not be written: {reply.reason})"
    if reply.content is None:
        return f"no {reply.kind} (held back: {reply.reason})"
    return f"a {reply.kind} to the sender"
