"""Command-line values checked as they are parsed, and a parser that reports in one line.

A wrong value is refused before anything is opened or read, so a typo never
runs with a silently different meaning (a negative limit, a time without zone).
"""

import argparse
import os
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

from mailroom.errors import ExitCode

DEFAULT_CONFIG = Path("config/mailroom.toml")


def positive_int(text: str) -> int:
    """A count of 1 or more."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"give a whole number of 1 or more, not {text!r}")
    return value


def aware_time(text: str) -> datetime:
    """An ISO 8601 time that says its zone; a bare local time would be ambiguous."""
    try:
        moment: datetime | None = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise argparse.ArgumentTypeError(
            f"give an ISO time with a zone, e.g. 2026-01-05T12:00+01:00, not {text!r}"
        )
    return moment


class OneLineParser(argparse.ArgumentParser):
    """Reports a bad command line as one line naming the option, exit status 2."""

    def error(self, message: str) -> NoReturn:
        problem = message.removeprefix("argument ")
        self.exit(ExitCode.USER_ERROR, f"{self.prog}: error: {problem} (see {self.prog} --help)\n")


class SubcommandParser(OneLineParser):
    """A subcommand's parser, which also takes the global options after its name.

    They are only set when given there, so `mailroom --as-of T run` and
    `mailroom run --as-of T` mean the same and neither undoes the other.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        add_global_options(self, defaults=False)


def add_global_options(parser: argparse.ArgumentParser, defaults: bool = True) -> None:
    """--config, -v and --as-of; without `defaults` they stay unset unless given."""

    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    parser.add_argument(
        "--config",
        type=Path,
        default=default(Path(os.environ.get("MAILROOM_CONFIG", DEFAULT_CONFIG))),
        help="the TOML configuration (default: $MAILROOM_CONFIG or config/mailroom.toml)",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", default=default(False), help="log debug detail"
    )
    parser.add_argument(
        "--as-of",
        type=aware_time,
        default=default(None),
        help="run as if the wall clock showed this ISO time with a zone",
    )
