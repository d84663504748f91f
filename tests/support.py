"""Paths and instants the tests share."""

from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_CONFIG = REPO / "config" / "mailroom.toml"
EXAMPLE_INBOX = REPO / "examples" / "inbox"
# The wall clock of the tests: a working day inside the seed vacancy's window.
TEST_NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
# Our receiving server: the Received lines it adds date a local message's arrival.
MX = "mx1.chassesearch.nl"
