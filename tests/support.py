"""Paths and instants the tests share."""

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_CONFIG = REPO / "config" / "mailroom.toml"
EXAMPLE_INBOX = REPO / "examples" / "inbox"
# The wall clock of the tests: a working day inside the seed vacancy's window.
TEST_NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
# Our receiving server: the Received lines it adds date a local message's arrival.
MX = "mx1.chassesearch.nl"


def packages_loaded_by(modules: str, packages: tuple[str, ...]) -> list[str]:
    """Which of `packages` a fresh interpreter has loaded after importing
    `modules` (comma-separated), sorted: what a process pays for in memory."""
    script = (
        f"import json, sys, {modules}; "
        f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({packages!r}))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    loaded: list[str] = json.loads(result.stdout)
    return loaded
