"""Fixtures for integration tests against real servers: Dovecot for IMAP."""

from collections.abc import Generator, Iterator

import pytest

from ..dovecot import Dovecot, DovecotServer, fresh_mailbox, running_dovecot


@pytest.fixture(scope="session")
def dovecot_server() -> Iterator[DovecotServer]:
    """One Dovecot for the whole session (skipped, or failed under CI=true, without it)."""
    with running_dovecot() as server:
        yield server


@pytest.fixture
def dovecot(dovecot_server: DovecotServer) -> Iterator[Dovecot]:
    """A fresh, empty account on the session's Dovecot; it is running before and after."""
    with fresh_mailbox(dovecot_server) as handle:
        yield handle


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Append Dovecot's log to the report of a failing test that used it."""
    report = yield
    handle = getattr(item, "funcargs", {}).get("dovecot")
    if report.failed and isinstance(handle, Dovecot):
        report.sections.append(("dovecot log", handle.log_tail() or "(empty)"))
    return report
