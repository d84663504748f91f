"""What the command line promises: its exit statuses, and errors a user can fix."""

from enum import IntEnum


class ExitCode(IntEnum):
    """The exit statuses `mailroom` documents in README and in `mailroom --help`."""

    OK = 0
    INCOMPLETE = 1
    UNHEALTHY = 1  # `status`: someone should look (the same number as INCOMPLETE)
    USER_ERROR = 2
    DATABASE_BEHIND = 3


EXIT_CODES_HELP = """exit status:
  0  done; for `run --once`: every source read and every message handled
  1  `run --once`: a source was down or a message failed (the summary says which);
     `send`: a reply failed for good; `subject-export`: nothing is held on that address;
     `status`: unhealthy (a source down, a reply or question past due, a failed message)
  2  a user error: one line on stderr names what to fix
  3  the PostgreSQL schema is behind this version: run `mailroom db upgrade`"""


class UserError(Exception):
    """Something the person at the terminal can fix; its text is the one line saying how."""
