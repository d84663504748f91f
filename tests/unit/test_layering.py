"""The import contracts in pyproject.toml hold, and `lint-imports` would catch a break.

Each break is made in a copy of `src/`, so the check runs on the code a
developer could write, not on a description of it.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..support import REPO

LINT = Path(sys.executable).with_name("lint-imports")


def lint(src: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run(
        [str(LINT), "--config", str(REPO / "pyproject.toml"), "--no-cache"],
        cwd=src.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def src(tmp_path: Path) -> Path:
    copy = tmp_path / "src"
    shutil.copytree(REPO / "src", copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_the_code_keeps_every_contract(src: Path) -> None:
    result = lint(src)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("parse/analyse.py", "import store", "parse is pure"),
        ("store/blobs.py", "import notify", "The conductor on top"),
        ("ingest/local.py", "import notify", "The conductor on top"),
        ("notify/policy.py", "import mailroom.app", "The conductor on top"),
        ("notify/policy.py", "import store.models", "only through what the store package"),
        ("mailroom/cycle.py", "import parse.rules", "the conductor uses each stage through"),
    ],
)
def test_a_layering_violation_fails_the_lint(
    src: Path, module: str, line: str, contract: str
) -> None:
    path = src / module
    path.write_text(path.read_text() + f"\n{line}  # noqa\n")

    result = lint(src)

    assert result.returncode != 0
    broken = [row for row in result.stdout.splitlines() if row.endswith("BROKEN")]
    assert len(broken) == 1 and contract in broken[0], result.stdout
