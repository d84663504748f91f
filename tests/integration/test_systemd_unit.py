"""The shipped systemd unit: systemd accepts it, and its exposure stays low.

`systemd-analyze verify` loads the unit as systemd would (every key known,
every value parsed, the command executable), so the test renders it with
`ExecStart=` pointing at this virtualenv's `mailroom`. `systemd-analyze
security --offline=true` scores the shipped file's sandboxing.
"""

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mailroom.cli import build_parser

from ..support import EXAMPLE_CONFIG, REPO

UNIT = REPO / "deploy" / "mailroom.service"
README = REPO / "README.md"
INSTALL_HINT = "systemd-analyze is missing: apt-get install systemd"
MAX_EXPOSURE = 2.5
_EXPOSURE = re.compile(r"Overall exposure level for mailroom\.service: (\d+\.\d)")


def systemd_analyze() -> str:
    """The tool's path; skips where it is missing, and fails instead under CI=true."""
    binary = shutil.which("systemd-analyze")
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail(INSTALL_HINT, pytrace=False)
        pytest.skip(INSTALL_HINT)
    return binary


def exec_start(unit_text: str) -> list[str]:
    (line,) = [x for x in unit_text.splitlines() if x.startswith("ExecStart=")]
    return shlex.split(line.removeprefix("ExecStart="))


def render(tmp_path: Path) -> Path:
    """The unit as installed on this machine: this virtualenv, this config, a real directory."""
    text = UNIT.read_text()
    mailroom = Path(sys.prefix) / "bin" / "mailroom"
    assert mailroom.exists(), f"{mailroom} is missing: run make install"
    text = text.replace(exec_start(text)[0], str(mailroom))
    text = text.replace("/etc/mailroom/mailroom.toml", str(EXAMPLE_CONFIG))
    text = text.replace("WorkingDirectory=/var/lib/mailroom", f"WorkingDirectory={tmp_path}")
    rendered = tmp_path / "mailroom.service"
    rendered.write_text(text)
    return rendered


def test_systemd_accepts_the_unit_without_a_warning(tmp_path: Path) -> None:
    rendered = render(tmp_path)
    done = subprocess.run(
        [systemd_analyze(), "verify", str(rendered)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    # verify exits 0 on an unknown key or an unparsable value, but names the unit.
    assert "mailroom.service" not in output, output


def test_the_unit_runs_the_daemon_with_the_installed_configuration() -> None:
    command = exec_start(UNIT.read_text())
    assert command[0] == "/opt/mailroom/.venv/bin/mailroom"
    arguments = build_parser().parse_args(command[1:])
    assert (arguments.command, arguments.config, arguments.once) == (
        "run",
        Path("/etc/mailroom/mailroom.toml"),
        False,
    )


def test_exposure_is_low_and_readme_gives_the_measured_figure() -> None:
    done = subprocess.run(
        [
            systemd_analyze(),
            "security",
            "--offline=true",
            f"--threshold={round(MAX_EXPOSURE * 10)}",
            "deploy/mailroom.service",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    found = _EXPOSURE.search(done.stdout)
    assert found is not None, done.stdout
    exposure = float(found.group(1))
    assert exposure <= MAX_EXPOSURE
    assert f"exposure level of {found.group(1)}" in README.read_text(), (
        f"README.md should give the unit's measured exposure level of {exposure}"
    )
