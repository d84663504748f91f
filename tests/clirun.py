"""`mailroom` run as its own process, as a shell or systemd would start it."""

import os
import subprocess
import sys

from .support import EXAMPLE_CONFIG, REPO


def mailroom(*args: str, config: str = str(EXAMPLE_CONFIG)) -> subprocess.CompletedProcess[str]:
    """Run `python -m mailroom --config CONFIG ARGS…` from the repository, output captured.

    The environment is the test's own, so `isolated_env`'s database and outbox apply.
    """
    return subprocess.run(
        [sys.executable, "-m", "mailroom", "--config", config, *args],
        cwd=REPO,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def assert_user_error(result: subprocess.CompletedProcess[str], *fragments: str) -> str:
    """Exit status 2 and exactly one line on stderr holding every fragment; returns it."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.splitlines()
    for fragment in fragments:
        assert fragment in line
    return line
