"""What each `mailroom` subcommand does once the app is built; each returns an exit code."""

import argparse
import sys
from collections.abc import Callable

import store
from mailroom.app import App
from mailroom.corrections import override, rejudge, route
from mailroom.cycle import run_cycle
from mailroom.daemon import Daemon
from mailroom.digest_command import digest
from mailroom.errors import ExitCode, UserError
from mailroom.health import assess
from mailroom.instances import taking_part
from mailroom.privacy import export_for_committee, export_subject, forget, preview_forget
from mailroom.progress import ProgressLine
from mailroom.questions_command import questions
from mailroom.reprocess import reprocess
from mailroom.service_manager import ServiceManager
from mailroom.show import show
from mailroom.status_view import format_health, health_json
from mailroom.summary import (
    format_erasure_preview,
    format_forgotten,
    format_hits,
    format_report,
    hits_json,
)
from notify import Drain, ExportRefused

Command = Callable[[App, argparse.Namespace], int]


def run(app: App, args: argparse.Namespace) -> int:
    """`--once`: one cycle, exit status 1 when a source was down or a message failed.
    Either way this process runs as an instance (mailroom.instances)."""
    with taking_part(app):
        if not args.once:
            return Daemon(app, ServiceManager.from_environment()).run()
        report = run_cycle(app, ProgressLine(sys.stderr))
    print(format_report(report))
    return ExitCode.INCOMPLETE if report.unavailable_sources or report.failed else ExitCode.OK


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
    """Health first (probing every source), then the details; 1 when unhealthy."""
    health = assess(app)
    print((health_json if args.json else format_health)(health))
    return ExitCode.OK if health.healthy else ExitCode.UNHEALTHY


def search(app: App, args: argparse.Namespace) -> int:
    if args.vacancy is not None:
        _require_vacancy(app, args.vacancy)
    with app.db.transaction() as session:
        hits = store.search(session, args.query, vacancy=args.vacancy, limit=args.limit)
    print((hits_json if args.json else format_hits)(hits))
    return ExitCode.OK


def export(app: App, args: argparse.Namespace) -> int:
    _require_vacancy(app, args.vacancy)
    try:
        result = export_for_committee(app, args.vacancy, args.out)
    except ExportRefused as problem:
        raise UserError(f"--out: {problem}") from problem
    print(f"wrote {result.applicants} applicant(s) and {result.documents} PDF(s) to {args.out}")
    return ExitCode.OK


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
    try:
        written = export_subject(app, args.address, args.out)
    except ExportRefused as problem:
        raise UserError(f"--out: {problem}") from problem
    if written is None:
        print("nothing is held on that address")
        return ExitCode.INCOMPLETE
    print(f"wrote {len(written)} file(s) to {args.out}")
    return ExitCode.OK


def _require_vacancy(app: App, slug: str) -> None:
    """Refuse a slug the store does not know, listing the ones it does."""
    with app.db.transaction() as session:
        known = store.vacancy_slugs(session)
    if slug not in known:
        raise UserError(
            f"--vacancy: no vacancy {slug!r}; known: {', '.join(known) or '(none configured)'}"
        )


COMMANDS: dict[str, Command] = {
    "run": run,
    "send": send,
    "status": status,
    "search": search,
    "export": export,
    "forget": forget_person,
    "subject-export": subject_export,
    "digest": digest,
    "show": show,
    "route": route,
    "verdict": override,
    "rejudge": rejudge,
    "questions": questions,
    "reprocess": reprocess,
}
