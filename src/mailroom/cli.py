"""`mailroom` on the command line: run, status, db upgrade, config check."""

import argparse
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import store
from mailroom import config_report, corrections, show
from mailroom.app import App, DatabaseBehind, build_app, prepare_database
from mailroom.arguments import (
    OneLineParser,
    SubcommandParser,
    add_global_options,
    positive_int,
)
from mailroom.clock import Clock, clock_from, system_clock
from mailroom.commands import COMMANDS
from mailroom.config import ConfigError, load_settings
from mailroom.digest_command import add_digest_parser
from mailroom.errors import EXIT_CODES_HELP, ExitCode, UserError
from mailroom.facts import build_reply_wording
from mailroom.logformat import configure_logging
from mailroom.questions_command import add_questions_parser
from mailroom.reprocess import add_reprocess_parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; a user error is one line on stderr and exit status 2."""
    args = build_parser().parse_args(argv)
    configure_logging(None, verbose=args.verbose)
    try:
        return _dispatch(args)
    except ConfigError as exc:
        print(f"config error: {exc}", file=sys.stderr)
        return ExitCode.USER_ERROR
    except (UserError, store.DatabaseUnreachable) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return ExitCode.USER_ERROR
    except DatabaseBehind as exc:
        print(f"error: {exc}", file=sys.stderr)
        return ExitCode.DATABASE_BEHIND


def _dispatch(args: argparse.Namespace) -> int:
    settings = load_settings(args.config)
    configure_logging(settings.logging, verbose=args.verbose, daemon=args.command == "run")
    if args.command == "config":
        build_reply_wording(settings)
        return config_report.report(args.config, settings, as_json=args.json)
    with build_app(settings, _clock(args.as_of), dry_run=getattr(args, "dry_run", False)) as app:
        if args.command == "db":
            return _upgrade(app)
        prepare_database(app)
        return COMMANDS[args.command](app, args)


def _upgrade(app: App) -> int:
    """`db upgrade`: say whether this run migrated, or found the work done (by an
    earlier run, or by another instance it waited for)."""
    found = store.upgrade(app.db)
    head = store.schema_head(app.db)
    if found == head:
        print(f"database schema was already up to date ({head})")
    else:
        print(f"database schema upgraded from {found or 'empty'} to {head}")
    return ExitCode.OK


def _clock(as_of: datetime | None) -> Clock:
    return clock_from(as_of) if as_of is not None else system_clock


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; global options are taken before or after the subcommand."""
    parser = OneLineParser(
        prog="mailroom",
        description=__doc__,
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_global_options(parser)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=SubcommandParser)
    run = commands.add_parser("run", help="handle mail: as a daemon, or one cycle with --once")
    run.add_argument("--once", action="store_true", help="one cycle, print a summary, exit")
    run.add_argument(
        "--dry-run",
        action="store_true",
        help="decide and store, but reply, move and flag nothing; print what would happen",
    )
    send = commands.add_parser(
        "send", help="deliver every reply that is due, at the send rate, then exit"
    )
    how_far = send.add_mutually_exclusive_group()
    how_far.add_argument("--max", type=positive_int, metavar="N", help="deliver at most N replies")
    how_far.add_argument(
        "--until-empty",
        action="store_true",
        help="also wait for replies whose retry falls due later, until none is planned",
    )
    status = commands.add_parser(
        "status",
        help="health (exit status 1 when unhealthy), each source probed live, then the details",
    )
    status.add_argument("--json", action="store_true", help="print JSON for scripts")
    search = commands.add_parser("search", help="find applicants by the text of their documents")
    search.add_argument("query", help="words that must all occur, e.g. stikstof")
    search.add_argument("--vacancy", help="only this vacancy's applicants (its slug)")
    search.add_argument(
        "--limit", type=positive_int, default=20, help="at most this many applicants"
    )
    search.add_argument("--json", action="store_true", help="print JSON for scripts")
    export = commands.add_parser("export", help="the overview of a vacancy for its committee")
    export.add_argument("--vacancy", required=True, help="the vacancy's slug")
    export.add_argument(
        "--out", type=Path, required=True, help="a new folder, or an earlier export"
    )
    forget = commands.add_parser(
        "forget",
        help="erase everything held on one person (GDPR)",
        description="Erase a person's messages, documents and replies from the store, and "
        "their mail from the IMAP folders mailroom files into (Processed/*, the Sent copies); "
        "tombstones keep the same mail from being stored again. On a terminal it lists what "
        "would go and asks first, unless --yes; elsewhere (scripts, systemd) it never asks.",
    )
    forget.add_argument("address", help="the person's e-mail address")
    forget.add_argument(
        "--dry-run", action="store_true", help="list what would be erased; change nothing"
    )
    forget.add_argument("--yes", action="store_true", help="do not ask, even on a terminal")
    subject = commands.add_parser(
        "subject-export", help="everything held on one person, for an access request"
    )
    subject.add_argument("address", help="the person's e-mail address")
    subject.add_argument("--out", type=Path, required=True, help="a new, empty folder")
    add_digest_parser(commands)
    show.add_parser(commands)
    corrections.add_parsers(commands)
    add_questions_parser(commands)
    add_reprocess_parser(commands)
    db = commands.add_parser("db", help="database maintenance")
    db.add_subparsers(dest="db_command", required=True).add_parser(
        "upgrade", help="migrate the schema to the newest version"
    )
    config_report.add_parser(commands)
    return parser
