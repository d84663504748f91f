"""Shared fixtures: the example inbox's expected cases, settings and a built app."""

import importlib.util
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from mailroom.app import App, build_app, prepare_database
from mailroom.clock import fixed_clock
from mailroom.config import load_settings
from mailroom.logformat import StderrHandler
from mailroom.settings import Settings

from . import replycheck
from .support import EXAMPLE_CONFIG, REPO, TEST_NOW


@pytest.fixture(autouse=True)
def _logging_as_found() -> Iterator[None]:
    """`mailroom.cli.main` sets up the root logger for the process, as a command
    should; a test that calls it in-process must not leave its handler to
    write into the next test's captured stderr."""
    root = logging.getLogger()
    level = root.level
    yield
    for handler in [h for h in root.handlers if isinstance(h, StderrHandler)]:
        root.removeHandler(handler)
    root.setLevel(level)


@pytest.fixture(scope="session")
def make_inbox() -> ModuleType:
    """The example generator, loaded from its file (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("make_inbox", REPO / "examples" / "make_inbox.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_inbox"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository, but keep the database and outbox in `tmp_path`."""
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("MAILROOM_STORE__URL", f"sqlite:///{tmp_path / 'mailroom.db'}")
    monkeypatch.setenv("MAILROOM_TRANSPORT__DIRECTORY", str(tmp_path / "outbox"))
    return tmp_path


@pytest.fixture
def settings(isolated_env: Path) -> Settings:
    return load_settings(EXAMPLE_CONFIG)


@pytest.fixture
def app(settings: Settings) -> Iterator[App]:
    built = build_app(settings, fixed_clock(TEST_NOW))
    prepare_database(built)
    yield built
    built.close()


@pytest.fixture(autouse=True)
def _replies_fit_rfc_5322(request: pytest.FixtureRequest) -> Iterator[None]:
    """After each test, every reply written to an outbox under its tmp_path fits."""
    uses_tmp = "tmp_path" in request.fixturenames
    folder: Path | None = request.getfixturevalue("tmp_path") if uses_tmp else None
    yield
    if folder is not None:
        replycheck.assert_replies_fit(folder)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    terminalreporter.write_line(
        f"header lines of {replycheck.checked} replies checked against the "
        f"{replycheck.MAX_LINE_OCTETS}-octet limit (a longer one fails its test)"
    )
