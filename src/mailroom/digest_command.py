"""`mailroom digest`: the recruiters' digest as it would go now, for a look or a check.

Neither form sends or records anything, so it can be run at any time; with
the global `--as-of` it shows the digest of another moment.
"""

import argparse
from pathlib import Path
from typing import Any

from mailroom.app import App
from mailroom.digest import render
from mailroom.errors import ExitCode, UserError


def add_digest_parser(commands: Any) -> None:
    """The `digest` subcommand on `commands`, the parser's subcommand table."""
    digest = commands.add_parser(
        "digest", help="show the recruiters' daily digest as it would go now; send nothing"
    )
    how = digest.add_mutually_exclusive_group(required=True)
    how.add_argument("--print", action="store_true", help="print the text part")
    how.add_argument("--html", type=Path, metavar="FILE", help="write the HTML part to FILE")


def digest(app: App, args: argparse.Namespace) -> int:
    rendered = render(app, app.clock())
    if args.html is None:
        print(f"{rendered.subject}\n\n{rendered.text}", end="")
        return ExitCode.OK
    try:
        args.html.write_text(rendered.html, encoding="utf-8")
    except OSError as problem:
        raise UserError(f"--html: {problem.strerror or problem}: {args.html}") from problem
    return ExitCode.OK
