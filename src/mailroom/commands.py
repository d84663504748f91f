"""What each `mailroom` subcommand does once the app is built; each returns an exit code."""

import argparse
import sys
from collections.abc import Callable

import store
from mailroom.app import App
from mailroom.cycle import run_cycle
from mailroom.daemon import run_forever
from mailroom.privacy import export_for_committee, export_subject, forget, preview_forget
from mailroom.progress import ProgressLine
from mailroom.summary import (
    format_erasure_preview,
    format_forgotten,
    format_hits,
    format_report,
    format_status,
)
from notify import Drain, ExportRefused

Command = Callable[[App, argparse.Namespace], int]


def run(app: App, args: argparse.Namespace) -> int:
    if args.once:
        print(format_report(run_cycle(app)))
    else:
        run_forever(app, app.settings.poll_interval_seconds)
    return 0


def send(app: App, args: argparse.Namespace) -> int:
    """Drain the outbox on its own: everything due now, waiting out the send rate."""
    scope = Drain(limit=args.max, until_empty=args.until_empty)
    with ProgressLine(sys.stderr) as line:
        total = app.outbox.drain(scope, line.show_delivery)
    print(
        f"sent {total.delivered}, confirmed sent before {total.confirmed}, "
        f"to retry {total.retrying}, failed {total.failed}, held back {total.held_back}, "
        f"still due {total.deferred}"
    )
    return 0 if not total.failed else 1


def status(app: App, args: argparse.Namespace) -> int:
    with app.db.transaction() as session:
        verdicts, replies = store.verdict_counts(session), store.outbox_counts(session)
        sources = [
            (h.source, h.down_since, h.outages, h.last_error) for h in store.source_health(session)
        ]
        erased = store.sightings(session)
    print(format_status(verdicts, replies, sources, erased))
    return 0


def search(app: App, args: argparse.Namespace) -> int:
    with app.db.transaction() as session:
        hits = store.search(session, args.query, vacancy=args.vacancy, limit=args.limit)
    print(format_hits(hits))
    return 0


def export(app: App, args: argparse.Namespace) -> int:
    try:
        result = export_for_committee(app, args.vacancy, args.out)
    except (store.UnknownVacancy, ExportRefused) as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    print(f"wrote {result.applicants} applicant(s) and {result.documents} PDF(s) to {args.out}")
    return 0


def forget_person(app: App, args: argparse.Namespace) -> int:
    """Erase one person: lists first and asks on a terminal (unless --yes); in a
    script it does not ask. 1 when declined or a mailbox could not be reached."""
    if args.dry_run or (not args.yes and sys.stdin.isatty()):
        print(format_erasure_preview(*preview_forget(app, args.address)))
        if args.dry_run:
            return 0
        try:
            answer = input(f"erase everything held on {args.address}? [y/N] ")
        except EOFError:
            answer = ""
        if answer.strip().lower() not in {"y", "yes"}:
            print("nothing erased")
            return 1
    forgotten = forget(app, args.address)
    print(format_forgotten(forgotten))
    if forgotten.mailbox.unreached:
        print(
            "not reached (delete the person's mail there by hand): "
            + ", ".join(forgotten.mailbox.unreached),
            file=sys.stderr,
        )
        return 1
    return 0


def subject_export(app: App, args: argparse.Namespace) -> int:
    written = export_subject(app, args.address, args.out)
    if written is None:
        print("nothing is held on that address")
        return 1
    print(f"wrote {len(written)} file(s) to {args.out}")
    return 0


COMMANDS: dict[str, Command] = {
    "run": run,
    "send": send,
    "status": status,
    "search": search,
    "export": export,
    "forget": forget_person,
    "subject-export": subject_export,
}
