"""`mailroom reprocess`: judge a message again from its stored bytes, never the
mailbox, with today's configuration; typically one whose processing failed,
once the cause is removed (docs/architecture.md §4: every step can be redone
from the store).

The verdict may change. A reply of a kind the message already has, planned
or sent, is not planned again; one still waiting for a verdict that no longer
holds is withdrawn (`mailroom.rejudging`). A verdict a recruiter set by hand
stands, and a recruiter's routing is kept.
"""

import argparse
import logging

import store
from mailroom.app import App
from mailroom.arguments import SubcommandParser
from mailroom.corrections import OVERRIDE, ROUTE
from mailroom.errors import ExitCode, UserError
from mailroom.lookup import message_pk, reference_of
from mailroom.rejudging import add_audit_options, carry_out, judge_again, only_headers

log = logging.getLogger("mailroom.reprocess")

REPROCESS = "reprocess"


def add_reprocess_parser(commands: "argparse._SubParsersAction[SubcommandParser]") -> None:
    """`reprocess REF | --failed [--dry-run] [--by NAME] [--note TEXT]`."""
    again = commands.add_parser(
        "reprocess",
        help="judge a message again from its stored bytes (after a failure's cause is fixed)",
    )
    which = again.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "ref", nargs="?", help="the reference the replies quote (IPO-00012) or a message id"
    )
    which.add_argument(
        "--failed", action="store_true", help="every message whose processing failed"
    )
    add_audit_options(again)


def reprocess(app: App, args: argparse.Namespace) -> int:
    """One line per message; 1 when any of them still fails."""
    targets = _failed(app) if args.failed else [_stored(app, args.ref)]
    if not targets:
        print("no failed messages; nothing to do")
        return ExitCode.OK
    with app.db.transaction() as session:
        overridden = store.overridden_messages(session, OVERRIDE)
        routed = store.overridden_messages(session, ROUTE)
    failing = 0
    for target in targets:
        reference = reference_of(app, target.message_pk, target.vacancy)
        if target.message_pk in overridden:
            print(f"{reference}: its verdict {target.verdict} was set by hand and stands; skipped")
            continue
        if only_headers(target.raw):
            print(f"{reference}: only its headers were kept (over the size cap); judged on those")
        try:
            analysis = judge_again(
                app, target, target.vacancy if target.message_pk in routed else None
            )
            carry_out(app, args, REPROCESS, target, analysis, {})
        except Exception as exc:  # one message's fault must not stop the others
            failing += 1
            _still_fails(app, args, target, reference, exc)
    return ExitCode.INCOMPLETE if failing else ExitCode.OK


def _still_fails(
    app: App, args: argparse.Namespace, target: store.Judged, reference: str, exc: Exception
) -> None:
    """Say so. A message without a decision keeps the new error (a source still
    holding it tries again while attempts remain); a decided one keeps its decision."""
    log.error("message %s failed again: %s", target.message_pk, type(exc).__name__)
    log.debug("message %s traceback", target.message_pk, exc_info=True)
    if target.verdict is None and not args.dry_run:
        with app.db.transaction() as session:
            store.record_failure(session, target.message_pk, f"{type(exc).__name__}: {exc}")
    before = target.verdict or target.status
    would = "would still fail" if args.dry_run else "still fails"
    print(f"{reference}: {before}; {would} ({type(exc).__name__}); no reply planned")


def _stored(app: App, reference: str) -> store.Judged:
    with app.db.transaction() as session:
        target = store.stored_message(session, message_pk(reference))
    if target is None:
        raise UserError(
            f"no message {reference} in the store (never stored, or erased by forget or "
            "a retention purge: an erased message cannot be judged again)"
        )
    return target


def _failed(app: App) -> list[store.Judged]:
    with app.db.transaction() as session:
        return store.failed_messages(session)
